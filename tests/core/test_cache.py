"""core.cache.RedisCache: Django's Redis cache, one client object per pool."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from core.cache import RedisCache


def test_one_client_serves_every_operation():
    cache = RedisCache("redis://127.0.0.1:6399/0", {})

    first = cache._cache.get_client(write=True)

    assert cache._cache.get_client(write=True) is first
    assert cache._cache.get_client() is first  # one server: reads use it too
    assert first.connection_pool is cache._cache._get_connection_pool(True)


def test_it_is_djangos_cache_otherwise():
    assert issubclass(RedisCache, DjangoRedisCache)
    cache = RedisCache("redis://127.0.0.1:6399/0", {"OPTIONS": {}})
    assert cache.make_key("k") == DjangoRedisCache(
        "redis://127.0.0.1:6399/0", {}
    ).make_key("k")
