"""Typed errors: one exception class per status of the protocol, mapped in one table (`STATUS_ERRORS`).

Every call that does not end ``OK`` raises the class named after its status; each carries the terminal
frame's ``status``, ``message``, ``revision`` and ``details``. Catch :class:`ChronographError` for all of
them, or the specific class::

    try:
        client.entity("Atlantis")
    except chronograph.NotFound as error:
        print(error.message)
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional


class ChronographError(Exception):
    """A call ended with a status other than ``OK``, or the client could not complete it.

    Attributes: ``status`` (the protocol's status name), ``message`` (the server's text), ``revision`` (the
    graph revision the answer was computed at, when the server sent one), ``details`` (a dict, possibly
    empty) and ``frame`` (the whole terminal frame, or ``None`` for an error raised by the client itself).
    """

    status = "UNKNOWN"

    def __init__(self, message: str, *, frame: Optional[Mapping[str, Any]] = None):
        super().__init__(f"{self.status}: {message}")
        self.message = message
        self.frame = dict(frame) if frame is not None else None
        self.revision = frame.get("revision") if frame else None
        self.details = dict(frame.get("details") or {}) if frame else {}


class Cancelled(ChronographError):
    """``CANCELLED``: the call was cancelled with ``Call/Cancel`` (for example by :meth:`Call.cancel`)."""

    status = "CANCELLED"


class Unknown(ChronographError):
    """``UNKNOWN``: reserved by the protocol; also used for a status this client does not know."""

    status = "UNKNOWN"


class InvalidArgument(ChronographError):
    """``INVALID_ARGUMENT``: a bad request or parameter, or an ambiguous name.

    ``field`` is the parameter path the server named (``"params.limit"``, ``"params.kinds[1]"``), or
    ``None``; ``candidates`` lists the entity references an ambiguous name could mean (often empty).
    """

    status = "INVALID_ARGUMENT"

    _FIELD = re.compile(r"^((?:params|id|method|deadline_ms|metadata)(?:[.\[][^:\s]*)?):\s")

    def __init__(self, message: str, *, frame: Optional[Mapping[str, Any]] = None):
        super().__init__(message, frame=frame)
        match = self._FIELD.match(message)
        self.field: Optional[str] = match.group(1) if match else None
        self.candidates: list = list(self.details.get("candidates") or [])


class DeadlineExceeded(ChronographError):
    """``DEADLINE_EXCEEDED``: the call's ``deadline_ms`` passed (on the server, or while waiting for it)."""

    status = "DEADLINE_EXCEEDED"


class NotFound(ChronographError):
    """``NOT_FOUND``: an id or name resolves to nothing."""

    status = "NOT_FOUND"


class AlreadyExists(ChronographError):
    """``ALREADY_EXISTS``: the request id was already in flight (this client never reuses ids)."""

    status = "ALREADY_EXISTS"


class PermissionDenied(ChronographError):
    """``PERMISSION_DENIED``: a write from a non-loopback client to a daemon without a token."""

    status = "PERMISSION_DENIED"


class ResourceExhausted(ChronographError):
    """``RESOURCE_EXHAUSTED``: a limit was hit (line size, calls in flight, frame size, a subscription
    queue for a reader that fell behind)."""

    status = "RESOURCE_EXHAUSTED"


class FailedPrecondition(ChronographError):
    """``FAILED_PRECONDITION``: the graph is not in a state that allows the call."""

    status = "FAILED_PRECONDITION"


class Aborted(ChronographError):
    """``ABORTED``: reserved by the protocol."""

    status = "ABORTED"


class OutOfRange(ChronographError):
    """``OUT_OF_RANGE``: resuming from a revision whose history was compacted (or is in the future)."""

    status = "OUT_OF_RANGE"


class Unimplemented(ChronographError):
    """``UNIMPLEMENTED``: the daemon does not know the method."""

    status = "UNIMPLEMENTED"


class Internal(ChronographError):
    """``INTERNAL``: a bug in the daemon (the details are in its log)."""

    status = "INTERNAL"


class Unavailable(ChronographError):
    """``UNAVAILABLE``: the daemon is shutting down, or cannot be reached."""

    status = "UNAVAILABLE"


class ConnectionLost(Unavailable):
    """The connection closed (or could not be opened) before the call's terminal frame arrived.

    Raised by the client, not sent by the server; a subclass of :class:`Unavailable` as in gRPC.
    """


class DataLoss(ChronographError):
    """``DATA_LOSS``: stored data (or an imported snapshot) is unreadable."""

    status = "DATA_LOSS"


class Unauthenticated(ChronographError):
    """``UNAUTHENTICATED``: a write without the daemon's token, or with a wrong one."""

    status = "UNAUTHENTICATED"


class ProtocolError(ChronographError):
    """The server sent something this client cannot read (not JSON, a frame for no call, a frame too long)."""

    status = "INTERNAL"


#: The one status → exception table.
STATUS_ERRORS: dict[str, type[ChronographError]] = {
    cls.status: cls
    for cls in (
        Cancelled,
        Unknown,
        InvalidArgument,
        DeadlineExceeded,
        NotFound,
        AlreadyExists,
        PermissionDenied,
        ResourceExhausted,
        FailedPrecondition,
        Aborted,
        OutOfRange,
        Unimplemented,
        Internal,
        Unavailable,
        DataLoss,
        Unauthenticated,
    )
}


def error_from_frame(frame: Mapping[str, Any]) -> ChronographError:
    """The exception for a terminal frame whose status is not ``OK``."""
    status = frame.get("status")
    cls = STATUS_ERRORS.get(status, Unknown) if isinstance(status, str) else Unknown
    message = frame.get("message")
    if not isinstance(message, str):
        message = f"call ended with status {status!r}"
    return cls(message, frame=frame)
