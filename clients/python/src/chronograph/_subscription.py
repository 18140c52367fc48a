"""The subscription state shared by the blocking and asyncio subscriptions (no I/O).

It remembers the last revision delivered, keeps the query's current result as a map of items, turns
``Watch/Subscribe`` data frames into :class:`Update` objects, drops anything at or before the last revision
(so a resumed stream never repeats a change) and decides what a stream's end means: resume, resync, report
a cut-off, or give up with the error.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Optional

from ._core import full_method
from .errors import ChronographError, ConnectionLost, OutOfRange, ResourceExhausted, Unavailable

SUBSCRIBE = "chrono.v1.Watch/Subscribe"


@dataclass(frozen=True)
class Update:
    """One step of a subscription, in revision order.

    ``kind``:

    - ``"initial"``: the whole result at ``revision`` (in ``added``). ``resync`` is true when it replaces
      everything delivered before, because the history needed to resume was compacted (``OUT_OF_RANGE``):
      drop what you kept and start again from this one.
    - ``"change"``: ``added``, ``removed`` and ``changed`` items turning the previous result into the result
      at ``revision``; ``since`` is set on the first change after a resume (it covers ``since``→``revision``).
    - ``"progress"``: nothing changed, the result is current at ``revision`` (only with ``progress=True``).
    - ``"cut_off"``: the daemon ended the stream because this reader fell behind (``RESOURCE_EXHAUSTED``;
      ``message`` says so). The subscription resumes from the last revision it delivered, so nothing is lost;
      the update is there so a pipeline can log or alert.

    Items are dicts ``{"collection", "id", "value"}`` (no ``value`` when removed); see PROTOCOL.md.
    """

    kind: str
    revision: int
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    since: Optional[int] = None
    resync: bool = False
    message: Optional[str] = None


class Backoff:
    """Exponential backoff with full jitter: 0 < delay ≤ min(maximum, initial × 2^attempt)."""

    def __init__(self, initial: float = 0.05, maximum: float = 2.0):
        self.initial, self.maximum, self.attempt = initial, maximum, 0

    def next_delay(self) -> float:
        ceiling = min(self.maximum, self.initial * (2 ** self.attempt))
        self.attempt += 1
        return random.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        self.attempt = 0


class SubscriptionState:
    """What a subscription knows between connections."""

    def __init__(self, query: Any, since_revision: Optional[int] = None, *, progress: bool = False):
        if isinstance(query, str):
            query = {"method": query}
        query = dict(query)
        query["method"] = full_method(query["method"])
        if query.get("params") is None:
            query.pop("params", None)
        self.query = query
        self.last_revision: Optional[int] = since_revision
        self.progress = progress
        self.items: dict[tuple[str, str], Any] = {}
        self.resync_pending = False
        self.reconnects = 0
        self.cut_offs = 0
        self.resyncs = 0

    def params(self) -> dict:
        """The ``Watch/Subscribe`` params for the next (re)subscription."""
        params: dict[str, Any] = {"query": self.query}
        if self.last_revision is not None:
            params["since_revision"] = self.last_revision
        return params

    def on_data(self, data: dict) -> Optional[Update]:
        """Applies one data frame; returns the update to deliver, or ``None`` when there is nothing new."""
        kind, revision = data.get("kind"), data.get("revision")
        if kind == "initial":
            self.items = {}
            self._apply(data)
            self.last_revision = revision
            resync, self.resync_pending = self.resync_pending, False
            return Update("initial", revision, list(data.get("added", [])), resync=resync)
        if kind == "change":
            if self.last_revision is not None and revision <= self.last_revision and "since" not in data:
                return None  # already delivered (cannot happen with a correct daemon; guards exactly-once)
            if self.last_revision is not None and revision < self.last_revision:
                return None
            self._apply(data)
            self.last_revision = revision
            added, removed, changed = (list(data.get(name, [])) for name in ("added", "removed", "changed"))
            if not (added or removed or changed):
                return None  # a resume with nothing new since the last revision delivered
            return Update("change", revision, added, removed, changed, since=data.get("since"))
        if kind == "progress":
            if self.last_revision is None or revision > self.last_revision:
                self.last_revision = revision
            return Update("progress", revision) if self.progress else None
        return None

    def _apply(self, data: dict) -> None:
        for item in data.get("removed", []):
            self.items.pop((item["collection"], item["id"]), None)
        for name in ("added", "changed"):
            for item in data.get(name, []):
                self.items[(item["collection"], item["id"])] = item.get("value")

    def on_end(self, error: ChronographError) -> Optional[Update]:
        """Decides what the end of a stream with ``error`` means. Returns a ``cut_off`` update to deliver
        before resuming, ``None`` to resume (or resync) silently, or raises ``error`` when the subscription
        cannot continue (the query's own error, a cancel, a deadline)."""
        if isinstance(error, OutOfRange):
            self.last_revision = None
            self.resync_pending = True
            self.resyncs += 1
            return None
        if isinstance(error, ResourceExhausted) and error.frame is not None:
            self.cut_offs += 1
            return Update("cut_off", self.last_revision if self.last_revision is not None else -1,
                          message=error.message)
        if isinstance(error, (Unavailable, ConnectionLost)):
            self.reconnects += 1
            return None
        raise error

    def current(self) -> dict:
        """The current result as ``{collection: {id: value}}``."""
        result: dict[str, dict[str, Any]] = {}
        for (collection, item_id), value in self.items.items():
            result.setdefault(collection, {})[item_id] = value
        return result


def setup_subscription(subscription: Any, client: Any, query: Any, since_revision: Optional[int], *,
                       progress: bool, reconnect_timeout: Optional[float], backoff_initial: float,
                       backoff_max: float, buffer: Optional[int], receive_buffer: Optional[int],
                       stall_timeout: Optional[float]) -> None:
    """The state the blocking and the asyncio subscription share, set on ``subscription``."""
    subscription.parent = client
    subscription.receive_buffer = receive_buffer
    subscription.stall_timeout = stall_timeout
    subscription.state = SubscriptionState(query, since_revision, progress=progress)
    subscription.reconnect_timeout = reconnect_timeout
    subscription.backoff = Backoff(backoff_initial, backoff_max)
    subscription.buffer = buffer
    subscription.closing = False
