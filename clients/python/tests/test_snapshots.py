"""Snapshot files through the clients: ``save_snapshot`` gathers ``Snapshot/Export``'s pieces into a file (or
bytes), checked piece by piece, and never leaves a half-written file under the final name."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json

import pytest

import chronograph
from chronograph._snapshots import Download
from conftest import _fresh


@pytest.fixture
def second_daemon(tmp_path_factory, template_db):
    """Another daemon of the test's own, to import into."""
    instance = _fresh(tmp_path_factory.mktemp("second"), template_db).start(port=0)
    try:
        yield instance
    finally:
        instance.stop()


def test_save_snapshot_writes_the_archive_and_its_manifest(daemon, tmp_path):
    path = tmp_path / "graph.jsonl.gz"
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        created = client.snapshot_create()
        manifest = client.save_snapshot(created["id"], path)
        in_memory, data = client.save_snapshot(created["id"])
    assert manifest == created == in_memory
    assert path.read_bytes() == data
    assert hashlib.sha256(data).hexdigest() == manifest["compressed_sha256"]
    assert json.loads((tmp_path / "graph.jsonl.gz.manifest.json").read_text()) == manifest
    assert not (tmp_path / "graph.jsonl.gz.partial").exists()


def test_the_async_client_saves_the_same_bytes(daemon):
    async def save():
        client = await chronograph.AsyncClient.connect("127.0.0.1", daemon.port)
        try:
            created = await client.snapshot_create()
            return created, await client.save_snapshot(created["id"])
        finally:
            await client.close()

    created, (manifest, data) = asyncio.run(save())
    assert manifest == created
    assert hashlib.sha256(data).hexdigest() == created["compressed_sha256"]


def test_a_failed_export_leaves_no_file(daemon, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        with pytest.raises(chronograph.NotFound):
            client.save_snapshot("r9-000000000000", out / "missing.jsonl.gz")
    assert list(out.iterdir()) == []


def test_a_piece_out_of_order_is_data_loss(tmp_path):
    download = Download(tmp_path / "x.gz")
    download.add({"offset": 0, "data": base64.b64encode(b"abc").decode()})
    with pytest.raises(chronograph.DataLoss, match="expected 3"):
        download.add({"offset": 4, "data": base64.b64encode(b"d").decode()})
    download.abandon()
    assert list(tmp_path.iterdir()) == []


def test_import_snapshot_sends_a_file_or_bytes_in_pieces_to_another_daemon(daemon, second_daemon, tmp_path):
    path = tmp_path / "graph.jsonl.gz"
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        manifest = client.save_snapshot(client.snapshot_create()["id"], path)
    with chronograph.Client("127.0.0.1", second_daemon.port) as client:
        assert client.import_snapshot(path) == manifest
        assert client.import_snapshot(path.read_bytes(), manifest) == manifest
        assert client.snapshot_list()["snapshots"] == [manifest]


def test_a_corrupted_or_truncated_archive_is_data_loss_and_nothing_is_stored(daemon, second_daemon):
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        manifest, data = client.save_snapshot(client.snapshot_create()["id"])
    corrupted = bytearray(data)
    corrupted[len(data) // 2] ^= 1
    with chronograph.Client("127.0.0.1", second_daemon.port) as client:
        with pytest.raises(chronograph.DataLoss):
            client.import_snapshot(bytes(corrupted), manifest)
        with pytest.raises(chronograph.DataLoss, match="ends after"):
            client.import_snapshot(data[:-10], manifest)
        assert client.snapshot_list()["snapshots"] == []
