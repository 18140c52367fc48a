"""Fixtures: a real chronod on 127.0.0.1 with an ephemeral port and a temporary database built from Graph/.

``CHRONOD`` names the daemon binary (default: the repository's ``.build/debug/chronod``), ``CHRONO_GRAPH``
the graph directory (default: the repository's ``Graph``). Every daemon is stopped by its PID when the test
ends, pass or fail. A missing binary fails the tests (it never skips them: CI must not pass without them).
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[3]
SCHEMAS = REPO / "Protocol" / "schemas"
CITATION = {"doc": "000_58cdf720df08e1c1.txt", "lines": [3, 5]}


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


# `timeout` (and CI runners) stop pytest with SIGTERM: turn it into KeyboardInterrupt so that fixtures still
# stop their daemons by PID.
signal.signal(signal.SIGTERM, _interrupt)


def chronod_path() -> pathlib.Path:
    return pathlib.Path(os.environ.get("CHRONOD", REPO / ".build" / "debug" / "chronod"))


class Daemon:
    """One chronod process. ``start`` waits for its ``chronod listening on HOST:PORT`` line."""

    def __init__(self, workdir: pathlib.Path, db: pathlib.Path, extra: tuple = ()):
        self.workdir, self.db, self.extra = workdir, db, extra
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.starts = 0

    def start(self, port: int | None = None, timeout: float = 60.0) -> "Daemon":
        binary = chronod_path()
        if not binary.exists():
            pytest.fail(f"chronod not found at {binary}: build it (swift build) or set CHRONOD")
        self.starts += 1
        out = self.workdir / f"out.{self.starts}"
        self.log = self.workdir / f"log.{self.starts}"
        graph = os.environ.get("CHRONO_GRAPH", str(REPO / "Graph"))
        command = [str(binary), "--host", "127.0.0.1", "--port", str(self.port if port is None else port),
                   "--db", str(self.db), "--graph", graph, *self.extra]
        with open(out, "wb") as stdout, open(self.log, "wb") as stderr:
            self.process = subprocess.Popen(command, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(r"chronod listening on [^\s:]+:(\d+)", out.read_text())
            if match:
                self.port = int(match.group(1))
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        pytest.fail(f"chronod did not start: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        """SIGKILL, as a crash would."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not exited within 10 s."""
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> pathlib.Path:
    """A database built once from Graph/ and copied for each daemon (building takes about a second)."""
    workdir = tmp_path_factory.mktemp("template")
    daemon = Daemon(workdir, workdir / "graph.sqlite")
    try:
        daemon.start(port=0)
    finally:
        daemon.stop()
    return daemon.db


def _fresh(tmp_path: pathlib.Path, template: pathlib.Path, extra: tuple = ()) -> Daemon:
    for suffix in ("", "-wal", "-shm"):
        source = pathlib.Path(str(template) + suffix)
        if source.exists():
            shutil.copy(source, tmp_path / ("graph.sqlite" + suffix))
    return Daemon(tmp_path, tmp_path / "graph.sqlite", extra)


@pytest.fixture
def daemon(tmp_path, template_db):
    """A daemon of the test's own, on a copy of the database; stopped by PID afterwards."""
    instance = _fresh(tmp_path, template_db).start(port=0)
    try:
        yield instance
    finally:
        instance.stop()


@pytest.fixture
def token_daemon(tmp_path, template_db):
    """A daemon that demands a write token (``secret-token``)."""
    instance = _fresh(tmp_path, template_db, ("--token", "secret-token")).start(port=0)
    try:
        yield instance
    finally:
        instance.stop()


@pytest.fixture(scope="module")
def shared_daemon(tmp_path_factory, template_db):
    """One daemon for a module's read-only tests."""
    instance = _fresh(tmp_path_factory.mktemp("shared"), template_db).start(port=0)
    try:
        yield instance
    finally:
        instance.stop()


@pytest.fixture(scope="session")
def schemas():
    """``validate(instance, schema_file)`` against Protocol/schemas (JSON Schema 2020-12)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    loaded = {path.name: json.loads(path.read_text()) for path in SCHEMAS.glob("*.schema.json")}
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in loaded.values())

    def validate(instance, schema_file: str) -> None:
        base = "https://chronograph.local/protocol/v1/"
        ref = base + schema_file if "#" not in schema_file else base + schema_file.replace("#", "#/$defs/")
        validator = Draft202012Validator({"$ref": ref}, registry=registry)
        errors = [f"/{'/'.join(map(str, e.path))}: {e.message[:200]}" for e in validator.iter_errors(instance)]
        assert not errors, f"{schema_file}: {errors[:5]}"

    validate.loaded = loaded
    return validate


def event_record(event_id: str, day: str, title: str = "Test event") -> dict:
    """A Graph/ event record for writes (dated ``day``)."""
    return {"record": "event", "id": event_id, "type": "publication", "title": title, "summary": "Written by a test.",
            "date": {"edtf": day}, "participants": [{"entity": "azerbaijan", "role": "subject"}],
            "citations": [CITATION]}


def entity_record(entity_id: str, name: str, aliases=(), summary: str = "Written by a test.") -> dict:
    """A Graph/ entity record (an NGO) for writes."""
    return {"record": "entity", "id": entity_id, "kind": "ngo", "name": name, "aliases": list(aliases),
            "summary": summary, "attributes": {}, "citations": [CITATION]}
