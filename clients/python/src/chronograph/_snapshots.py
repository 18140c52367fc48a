"""Snapshot files moved through ``Snapshot/Export`` (streamed pieces) and ``Snapshot/Import`` (uploaded
pieces), shared by :class:`~chronograph.Client` and :class:`~chronograph.AsyncClient`.

A snapshot on disk is ``FILE`` (the gzip bytes) and ``FILE.manifest.json``, as ``chrono snapshot export``
writes them. ``FILE`` is written as ``FILE.partial`` and renamed only once every byte arrived, so it is never
a half-written archive.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any, Iterator, Mapping, Optional

from .errors import DataLoss

EXPORT = "chrono.v1.Snapshot/Export"
IMPORT = "chrono.v1.Snapshot/Import"
#: Raw bytes per ``Snapshot/Import`` piece: about 700 KB in base64, under the 1 MiB request-line limit.
PIECE_SIZE = 512 * 1024


def manifest_path(path: "os.PathLike[str] | str") -> str:
    """The manifest file beside snapshot file ``path``."""
    return os.fspath(path) + ".manifest.json"


class Download:
    """The pieces of one export, checked as they arrive (each must start where the previous one ended) and
    written to ``path + ".partial"``, or kept in memory when ``path`` is None."""

    def __init__(self, path: "os.PathLike[str] | str | None"):
        self.path = None if path is None else os.fspath(path)
        self.partial = None if self.path is None else self.path + ".partial"
        self.file = None if self.partial is None else open(self.partial, "wb")
        self.pieces: list = []
        self.received = 0
        self.frames = 0

    def add(self, data: Mapping[str, Any]) -> None:
        """Appends one data frame's ``{"offset", "data"}``."""
        if data.get("offset") != self.received:
            raise DataLoss(f"data.offset: expected {self.received} (the bytes received), got {data.get('offset')}")
        piece = base64.b64decode(data["data"], validate=True)
        if self.file is not None:
            self.file.write(piece)
        else:
            self.pieces.append(piece)
        self.received += len(piece)
        self.frames += 1

    def finish(self, result: Mapping[str, Any]) -> Optional[bytes]:
        """Checks the terminal result ``{"manifest", "frames"}`` against what arrived; writes the manifest file
        and renames the partial file (returns None), or returns the bytes when kept in memory."""
        manifest = result["manifest"]
        if result.get("frames") != self.frames or manifest.get("compressed_size") != self.received:
            raise DataLoss(f"received {self.frames} frames, {self.received} bytes; the daemon sent "
                           f"{result.get('frames')} frames, the manifest counts {manifest.get('compressed_size')}")
        if self.file is None:
            return b"".join(self.pieces)
        self.file.close()
        with open(manifest_path(self.path), "w", encoding="utf-8") as out:
            json.dump(manifest, out, indent=2, sort_keys=True, ensure_ascii=False)
            out.write("\n")
        os.replace(self.partial, self.path)
        return None

    def abandon(self) -> None:
        """Removes the partial file of an export that failed."""
        if self.file is not None:
            self.file.close()
            try:
                os.remove(self.partial)
            except FileNotFoundError:
                pass


def upload_pieces(source: "bytes | os.PathLike[str] | str", manifest: Optional[Mapping[str, Any]]) -> Iterator[dict]:
    """The ``Snapshot/Import`` params of each piece of ``source`` (gzip bytes, or the path of a file saved by
    export, whose manifest file is read when ``manifest`` is None); asking for a piece past the end raises
    :class:`~chronograph.DataLoss` (the daemon wanted more bytes than the archive has)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        if manifest is None:
            raise TypeError("importing bytes needs their manifest")
        data = bytes(source)
        chunks = (data[offset:offset + PIECE_SIZE] for offset in range(0, len(data), PIECE_SIZE))
    else:
        if manifest is None:
            with open(manifest_path(source), encoding="utf-8") as handle:
                manifest = json.load(handle)
        chunks = _file_chunks(os.fspath(source))

    def pieces() -> Iterator[dict]:
        offset = 0
        for chunk in chunks:
            yield {"manifest": manifest, "data": base64.b64encode(chunk).decode("ascii"), "offset": offset}
            offset += len(chunk)
        raise DataLoss(f"the archive ends after {offset} bytes, the manifest says {manifest.get('compressed_size')}")

    return pieces()


def _file_chunks(path: str) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(PIECE_SIZE)
            if not chunk:
                return
            yield chunk
