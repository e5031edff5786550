"""Code samples: generated for every endpoint in five languages, from one call."""

import ast
import json
import shlex
from dataclasses import replace

import pytest

from api import reference
from api.reference.samples import PLACEHOLDER_KEY, call_for, samples

BASE = "https://sho.rt"
KEY = "0123456789abcdef0123456789abcdef"
ENDPOINTS = reference.endpoints()


def by_language(endpoint, key: str = KEY) -> dict[str, str]:
    return {s.language: s.code for s in samples(endpoint, BASE, key)}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.anchor)
def test_every_language_sends_the_same_request(endpoint):
    call = call_for(endpoint, BASE, KEY)
    codes = by_language(endpoint)
    assert list(codes) == ["curl", "php", "node", "python", "csharp"]
    for language, code in codes.items():
        assert call.url in code, language
        assert KEY in code, language
        if endpoint.upload:
            assert endpoint.upload in code, language
    assert codes["curl"].startswith(f"curl -X {endpoint.method} ")
    assert f"CURLOPT_CUSTOMREQUEST => '{endpoint.method}'" in codes["php"]
    assert f'method: "{endpoint.method}"' in codes["node"]
    assert f"requests.{endpoint.method.lower()}(" in codes["python"]
    assert f"HttpMethod.{endpoint.method.capitalize()}," in codes["csharp"]


def python_request(code: str) -> dict:
    """The literal keyword arguments of the `requests.<method>()` call."""
    tree = ast.parse(code)
    call = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "requests"
    )
    return {
        k.arg: ast.literal_eval(k.value)
        for k in call.keywords
        if isinstance(k.value, ast.Dict | ast.Constant)
    }


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.anchor)
def test_the_python_sample_is_python_and_sends_the_documented_body(endpoint):
    arguments = python_request(by_language(endpoint)["python"])
    assert arguments["headers"] == (
        {} if endpoint.key_in_query else {"Authorization": f"Bearer {KEY}"}
    )
    assert arguments.get("json") == endpoint.request


@pytest.mark.parametrize(
    "endpoint", [e for e in ENDPOINTS if e.request], ids=lambda e: e.anchor
)
def test_the_curl_sample_is_one_shell_command_with_the_json_body(endpoint):
    words = shlex.split(by_language(endpoint)["curl"].replace("\\\n", " "))
    assert words[:3] == ["curl", "-X", endpoint.method]
    assert json.loads(words[words.index("-d") + 1]) == endpoint.request
    assert f"Authorization: Bearer {KEY}" in words


@pytest.mark.parametrize(
    "endpoint", [e for e in ENDPOINTS if e.request], ids=lambda e: e.anchor
)
def test_php_node_and_csharp_carry_the_json_body(endpoint):
    codes = by_language(endpoint)
    php_body = codes["php"].split("<<<'JSON'\n", 1)[1].split("\nJSON,", 1)[0]
    assert json.loads(php_body) == endpoint.request
    node_body = codes["node"].split("JSON.stringify(", 1)[1].split("),\n", 1)[0]
    assert json.loads(node_body) == endpoint.request
    csharp_body = codes["csharp"].split('StringContent("""\n', 1)[1]
    assert json.loads(csharp_body.split('\n"""', 1)[0]) == endpoint.request


def test_without_a_key_the_samples_use_the_placeholder():
    for endpoint in ENDPOINTS:
        for code in by_language(endpoint, key="").values():
            assert PLACEHOLDER_KEY in code


def test_the_legacy_api_takes_the_key_in_the_query_string():
    v1 = next(e for e in ENDPOINTS if e.name == "api-v1")
    call = call_for(v1, BASE, KEY)
    assert call.url == f"{BASE}/api?key={KEY}&url=https://google.com"
    assert call.headers == ()


def test_quotes_in_values_cannot_break_out_of_a_sample():
    url_add = next(e for e in ENDPOINTS if e.name == "url-add")
    tricky = 'it\'s a "test" \\ $HOME `id`'
    endpoint = replace(url_add, request={"url": tricky})
    codes = by_language(endpoint)
    words = shlex.split(codes["curl"].replace("\\\n", " "))
    assert json.loads(words[words.index("-d") + 1]) == {"url": tricky}
    assert python_request(codes["python"])["json"] == {"url": tricky}
