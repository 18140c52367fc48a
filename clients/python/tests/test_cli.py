"""``python -m chronograph``: one-shot calls with their exit statuses."""

from __future__ import annotations

import json
import os
import pathlib
import socket
import subprocess
import sys

import chronograph

# The directory holding the package the tests import (installed or src/), for the child process.
SOURCE = str(pathlib.Path(chronograph.__file__).resolve().parents[1])


def cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = SOURCE + os.pathsep + environment.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "chronograph", *args], capture_output=True, text=True,
                          timeout=timeout, env=environment)


def test_one_shot_calls_print_frames_and_exit_with_the_status(shared_daemon):
    port = str(shared_daemon.port)
    ok = cli("--port", port, "Health/Check")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["result"]["status"] == "SERVING"
    stream = cli("--port", port, "chrono.v1.Timeline/Stream", '{"from": "2013", "to": "2013", "mode": "within"}')
    frames = [json.loads(line) for line in stream.stdout.splitlines()]
    assert stream.returncode == 0 and frames[-1]["result"]["count"] == len(frames) - 1
    missing = cli("--port", port, "Entity/Get", '{"id": "Atlantis"}')
    assert missing.returncode == 1 and json.loads(missing.stdout)["status"] == "NOT_FOUND"
    subscribed = cli("--port", port, "--subscribe", "--max-updates", "1", "Stats/Get")
    assert subscribed.returncode == 0 and json.loads(subscribed.stdout)["kind"] == "initial"
    bad = cli("--port", port, "Health/Check", "[1]")
    assert bad.returncode == 2 and "JSON object" in bad.stderr


def test_an_unreachable_daemon_exits_3():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = cli("--port", str(port), "Health/Check")
    assert result.returncode == 3 and "cannot connect" in result.stderr
