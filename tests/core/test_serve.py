"""The production web server (config.serve): workers with a socket each."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from http.client import HTTPConnection
from pathlib import Path

import pytest

from config import serve

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_each_worker_can_bind_the_same_port():
    first = serve.listening_socket("127.0.0.1", 0, 16)
    port = first.getsockname()[1]
    try:
        second = serve.listening_socket("127.0.0.1", port, 16)
        second.close()
    finally:
        first.close()


def test_a_port_taken_without_reuse_is_refused():
    with socket.socket() as plain:
        plain.bind(("127.0.0.1", 0))
        plain.listen()
        with pytest.raises(OSError, match="Address already in use"):
            serve.listening_socket("127.0.0.1", plain.getsockname()[1], 16)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_server_answers_with_two_workers_and_stops_them_all(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "DEBUG": "false",
        "SECRET_KEY": "serve-test-secret-key-not-for-production",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        "CLICKS_BUFFER_URL": "",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "config.serve", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        statuses = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not statuses:
            try:
                connection = HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/api/account")  # 401: no key, no database
                statuses.append(connection.getresponse().status)
                connection.close()
            except OSError:
                time.sleep(0.2)
        for _ in range(10):  # a new connection each: both workers accept
            connection = HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api/account")  # 401: no key, no database
            statuses.append(connection.getresponse().status)
            connection.close()
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)

    assert statuses == [401] * 11
    assert server.returncode == 0
    started = re.search(r"2 workers \((\d+), (\d+)\)", output)
    assert started, output
    assert not any(alive(int(pid)) for pid in started.groups())
