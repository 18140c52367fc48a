"""Named methods shared by :class:`~chronograph.Client` and :class:`~chronograph.AsyncClient`.

Each one forwards to ``self.call`` (or ``self.stream``), so on the asyncio client it returns an awaitable
(or an async iterator). Parameters are the protocol's, given as a dict, as keywords, or both; a keyword
that is a Python keyword takes a trailing underscore (``from_="1991"``). ``deadline_ms`` and ``metadata``
are per call.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from ._core import clean_params


def _unary(method: str, doc: str, first: Optional[str] = None):
    def call(self, *args, deadline_ms: Optional[int] = None, metadata: Optional[Mapping[str, str]] = None,
             **params: Any):
        merged = {}
        for arg in args:
            if isinstance(arg, Mapping):
                merged.update(arg)
            elif first is not None:
                merged[first] = arg
            else:
                raise TypeError(f"{method} takes its params as a dict or keywords")
        return self.call(method, clean_params(merged, params), deadline_ms=deadline_ms, metadata=metadata)

    call.__doc__ = f"``{method}``: {doc}"
    return call


def _streaming(method: str, doc: str, first: Optional[str] = None):
    def stream(self, params: Any = None, *, deadline_ms: Optional[int] = None,
               metadata: Optional[Mapping[str, str]] = None, **more: Any):
        if params is not None and not isinstance(params, Mapping):
            if first is None:
                raise TypeError(f"{method} takes its params as a dict or keywords")
            params = {first: params}
        return self.stream(method, clean_params(params, more), deadline_ms=deadline_ms, metadata=metadata)

    stream.__doc__ = f"``{method}`` (streaming): {doc}"
    return stream


class MethodsMixin:
    """One Python method per protocol method (see Protocol/PROTOCOL.md for params and results)."""

    health = _unary("chrono.v1.Health/Check", "``{status, revision, uptime_ms}``.")
    reflection = _unary("chrono.v1.Reflection/List", "every method with its schemas.")
    timeline = _unary("chrono.v1.Timeline/Query",
                      "events in a window (``from_``, ``to``, ``mode``, ``actors``, ``instruments``, ``types``, "
                      "``text``, ``limit``, ``cursor``, ``as_of``).")
    timeline_stream = _streaming("chrono.v1.Timeline/Stream",
                                 "yields ``{\"event\": Event}`` for every event in the window.")
    entity = _unary("chrono.v1.Entity/Get", "an entity by id, name or alias, with its relations, events "
                    "and figures.", first="id")
    find = _unary("chrono.v1.Search/Query", "records of every kind ranked for ``text`` (``kinds``, ``from_``, "
                  "``to``, ``doc``, ``limit``, ``cursor``, ``as_of``).", first="text")
    search = _unary("chrono.v1.Entity/Search", "entities matching ``text``.", first="text")
    neighbors = _unary("chrono.v1.Graph/Neighbors", "the entities around ``id``.", first="id")
    paths = _unary("chrono.v1.Graph/Paths", "paths between ``from_`` and ``to``.")
    subgraph = _unary("chrono.v1.Graph/Subgraph", "the graph around ``ids``.")
    disputes = _unary("chrono.v1.Disputes/List", "contested claims.")
    figures = _unary("chrono.v1.Figures/List", "numbers the documents give.")
    stats = _unary("chrono.v1.Stats/Get", "counts by kind and document.")
    write = _unary("chrono.v1.Facts/Write", "applies ``upserts`` and ``retractions`` in one transaction "
                   "(needs the write right: a token, or a loopback connection).")
    compact = _unary("chrono.v1.Facts/Compact", "drops the change history up to ``revision``.",
                     first="revision")
    snapshot_create = _unary("chrono.v1.Snapshot/Create", "a snapshot of the live graph (its manifest).")
    snapshot_list = _unary("chrono.v1.Snapshot/List", "every snapshot, oldest revision first.")
    snapshot_restore = _unary("chrono.v1.Snapshot/Restore", "makes the live graph equal to snapshot ``id``.",
                              first="id")
    snapshot_diff = _unary("chrono.v1.Snapshot/Diff", "records added, removed and changed between snapshots.")
    snapshot_export = _streaming("chrono.v1.Snapshot/Export", "yields ``{offset, data}``, the pieces of snapshot "
                                 "``id``'s gzip file (base64) in order; the result is ``{manifest, frames}`` "
                                 "(``save_snapshot`` writes them to a file).", first="id")
    snapshot_import = _unary("chrono.v1.Snapshot/Import", "one piece (``manifest``, ``data``, ``offset``) of an "
                             "exported snapshot; stores it with the last piece (``import_snapshot`` sends a whole "
                             "file or bytes in pieces).")
