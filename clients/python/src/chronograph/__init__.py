"""Chronograph's Python client: blocking and asyncio, typed errors, subscriptions that never miss a change.

    import chronograph

    with chronograph.Client("127.0.0.1", 7701) as client:
        print(client.health())
        for update in client.subscribe({"method": "chrono.v1.Timeline/Query", "params": {"from": "2015"}}):
            print(update.kind, update.revision, len(update.added))

Protocol: Protocol/PROTOCOL.md in the Chronograph repository (newline-delimited JSON over TCP).
"""

from .aio import AsyncCall, AsyncClient, AsyncSubscription
from .client import Call, Client, Subscription
from .dates import DateValue, EDTFDate, EDTFError
from .errors import (
    STATUS_ERRORS,
    Aborted,
    AlreadyExists,
    Cancelled,
    ChronographError,
    ConnectionLost,
    DataLoss,
    DeadlineExceeded,
    FailedPrecondition,
    Internal,
    InvalidArgument,
    NotFound,
    OutOfRange,
    PermissionDenied,
    ProtocolError,
    ResourceExhausted,
    Unauthenticated,
    Unavailable,
    Unimplemented,
    Unknown,
    error_from_frame,
)
from ._subscription import Update

__version__ = "0.1.0"

__all__ = [
    "Aborted", "AlreadyExists", "AsyncCall", "AsyncClient", "AsyncSubscription", "Call", "Cancelled",
    "ChronographError", "Client", "ConnectionLost", "DataLoss", "DateValue", "DeadlineExceeded", "EDTFDate",
    "EDTFError", "FailedPrecondition", "Internal", "InvalidArgument", "NotFound", "OutOfRange",
    "PermissionDenied", "ProtocolError", "ResourceExhausted", "STATUS_ERRORS", "Subscription", "Unauthenticated",
    "Unavailable", "Unimplemented", "Unknown", "Update", "error_from_frame",
]
