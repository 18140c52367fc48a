"""Typed shapes of the protocol's results (``TypedDict``), one per schema in ``Protocol/schemas/``.

Results are the plain dicts the server sent (so they print, serialise and validate as JSON), typed for
editors and type checkers; every ``DateValue`` in them is a :class:`~chronograph.dates.DateValue` (a dict
with date attributes). The test suite checks each class's keys, required and optional, against its schema
and validates real results against the schemas.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict

from .dates import DateValue


class _CitationBase(TypedDict):
    doc: str
    lines: List[int]


class Citation(_CitationBase, total=False):
    ref: str


class EntityRef(TypedDict):
    id: str
    kind: str
    family: str
    name: str


class ResolvedName(TypedDict):
    """A name the query gave for an entity (not its id) and the entity it was read as."""

    given: str
    entity: EntityRef


class _EntityBase(TypedDict):
    id: str
    kind: str
    family: str
    name: str
    aliases: List[str]
    summary: str
    attributes: Dict[str, Any]
    dates: Dict[str, DateValue]
    citations: List[Citation]


class Entity(_EntityBase, total=False):
    number: str


class Participant(TypedDict):
    entity: EntityRef
    role: str


class _EventBase(TypedDict):
    id: str
    type: str
    title: str
    summary: str
    date: DateValue
    participants: List[Participant]
    citations: List[Citation]


class Event(_EventBase, total=False):
    group: str


_EdgeBase = TypedDict("_EdgeBase", {"id": str, "type": str, "from": str, "to": str, "citations": List[Citation]})


class Edge(_EdgeBase, total=False):
    date: DateValue
    summary: str


class _FigureBase(TypedDict):
    id: str
    subject: Optional[EntityRef]
    measure: str
    value: Any
    qualifier: Any
    unit: Any
    citations: List[Citation]


class Figure(_FigureBase, total=False):
    date: DateValue
    high: Any


class Claim(TypedDict):
    claim: str
    citations: List[Citation]


class Dispute(TypedDict):
    id: str
    subject: Optional[EntityRef]
    topic: str
    claims: List[Claim]


class Truncated(TypedDict):
    budget: str
    limit: int
    at: str


Window = TypedDict("Window", {"from": Optional[DateValue], "to": Optional[DateValue], "lower": Optional[str],
                              "upper": Optional[str], "mode": str})


class HealthCheckResult(TypedDict):
    status: str
    revision: int
    uptime_ms: int


class ReflectionListResult(TypedDict):
    methods: List[Dict[str, Any]]


class _TimelineQueryBase(TypedDict):
    window: Window
    ordering: str
    events: List[Event]


class TimelineQueryResult(_TimelineQueryBase, total=False):
    next_cursor: str
    resolved: List[ResolvedName]


class TimelineStreamData(TypedDict):
    event: Event


class TimelineStreamResult(TypedDict):
    count: int
    window: Window
    ordering: str


class EntityGetResult(TypedDict):
    entity: Entity
    relations: List[Edge]
    neighbors: List[EntityRef]
    events: List[Event]
    figures: List[Figure]


class EntitySearchResult(TypedDict):
    results: List[Dict[str, Any]]


class _RecordHitBase(TypedDict):
    kind: str
    id: str
    title: str
    snippet: str
    matched: List[str]
    score: float
    citations: List[Citation]


class RecordHit(_RecordHitBase, total=False):
    entity_kind: str
    date: DateValue


class _SearchQueryBase(TypedDict):
    results: List[RecordHit]


class SearchQueryResult(_SearchQueryBase, total=False):
    next_cursor: str


class _GraphNeighborsBase(TypedDict):
    root: EntityRef
    nodes: List[Dict[str, Any]]
    edges: List[Edge]
    truncated: Optional[Truncated]


class GraphNeighborsResult(_GraphNeighborsBase, total=False):
    events: List[Event]


class GraphPathsResult(TypedDict):
    paths: List[Dict[str, Any]]
    truncated: Optional[Truncated]


class GraphSubgraphResult(TypedDict):
    nodes: List[Entity]
    edges: List[Edge]
    truncated: Optional[Truncated]


class _DisputesListBase(TypedDict):
    disputes: List[Dispute]


class DisputesListResult(_DisputesListBase, total=False):
    resolved: List[ResolvedName]


class _FiguresListBase(TypedDict):
    figures: List[Figure]


class FiguresListResult(_FiguresListBase, total=False):
    resolved: List[ResolvedName]


class StatsGetResult(TypedDict):
    revision: int
    schema_version: int
    counts: Dict[str, int]
    by_kind: Dict[str, int]
    by_document: Dict[str, int]


class CallCancelResult(TypedDict):
    cancelled: bool


class FactsWriteResult(TypedDict):
    revision: int
    inserted: int
    updated: int
    deleted: int


class FactsCompactResult(TypedDict):
    compacted: int


class SnapshotManifest(TypedDict):
    id: str
    revision: int
    schema_version: int
    sha256: str
    compressed_sha256: str
    size: int
    compressed_size: int
    records: Dict[str, int]


class SnapshotListResult(TypedDict):
    snapshots: List[SnapshotManifest]


SnapshotRestoreResult = FactsWriteResult

_SnapshotDiffBase = TypedDict("_SnapshotDiffBase", {
    "from": str, "from_revision": int, "to_revision": int, "added": List[Dict[str, str]],
    "removed": List[Dict[str, str]], "changed": List[Dict[str, str]]})


class SnapshotDiffResult(_SnapshotDiffBase, total=False):
    to: str


class _SnapshotImportBase(TypedDict):
    received: int
    size: int


class SnapshotImportResult(_SnapshotImportBase, total=False):
    manifest: SnapshotManifest


class SnapshotExportData(TypedDict):
    offset: int
    data: str


class SnapshotExportResult(TypedDict):
    manifest: SnapshotManifest
    frames: int


#: Schema file (in Protocol/schemas/) → the TypedDict describing it; the tests walk this table.
SCHEMA_TYPES: Dict[str, Any] = {
    "common.schema.json#Citation": Citation,
    "common.schema.json#EntityRef": EntityRef,
    "common.schema.json#Entity": Entity,
    "common.schema.json#Participant": Participant,
    "common.schema.json#Event": Event,
    "common.schema.json#Edge": Edge,
    "common.schema.json#Figure": Figure,
    "common.schema.json#Claim": Claim,
    "common.schema.json#Dispute": Dispute,
    "common.schema.json#Window": Window,
    "health_check.result.schema.json": HealthCheckResult,
    "reflection_list.result.schema.json": ReflectionListResult,
    "timeline_query.result.schema.json": TimelineQueryResult,
    "timeline_stream.data.schema.json": TimelineStreamData,
    "timeline_stream.result.schema.json": TimelineStreamResult,
    "entity_get.result.schema.json": EntityGetResult,
    "entity_search.result.schema.json": EntitySearchResult,
    "search_query.result.schema.json": SearchQueryResult,
    "graph_neighbors.result.schema.json": GraphNeighborsResult,
    "graph_paths.result.schema.json": GraphPathsResult,
    "graph_subgraph.result.schema.json": GraphSubgraphResult,
    "disputes_list.result.schema.json": DisputesListResult,
    "figures_list.result.schema.json": FiguresListResult,
    "stats_get.result.schema.json": StatsGetResult,
    "call_cancel.result.schema.json": CallCancelResult,
    "facts_write.result.schema.json": FactsWriteResult,
    "facts_compact.result.schema.json": FactsCompactResult,
    "snapshot_manifest.schema.json": SnapshotManifest,
    "snapshot_list.result.schema.json": SnapshotListResult,
    "snapshot_restore.result.schema.json": SnapshotRestoreResult,
    "snapshot_diff.result.schema.json": SnapshotDiffResult,
    "snapshot_export.data.schema.json": SnapshotExportData,
    "snapshot_import.result.schema.json": SnapshotImportResult,
    "snapshot_export.result.schema.json": SnapshotExportResult,
}
