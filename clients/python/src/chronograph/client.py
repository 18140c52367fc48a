"""The blocking client: one TCP (or TLS) connection, many calls in flight, safe to share between threads.

A reader thread owns the socket's read side and routes frames to their calls; callers write whole request
lines under a lock. A streaming call buffers at most ``stream_buffer`` frames: past that the reader stops
reading the socket, so TCP pushes back on the daemon (and other calls on the same connection wait too).
Subscriptions therefore get a connection of their own.
"""

from __future__ import annotations

import collections
import os
import socket
import ssl as ssl_module
import threading
import time
from typing import Any, Iterator, Mapping, Optional

from ._core import MAX_IN_FLIGHT, STREAMING, ProtocolCore, full_method, result_of, run_actions
from ._methods import MethodsMixin
from ._snapshots import EXPORT, IMPORT, Download, upload_pieces
from ._subscription import SUBSCRIBE, SubscriptionState, Update, setup_subscription
from .errors import ChronographError, ConnectionLost, DeadlineExceeded, error_from_frame

#: Extra time a client waits past a call's ``deadline_ms`` for the daemon's own DEADLINE_EXCEEDED.
DEADLINE_GRACE_S = 2.0


def open_socket(host: str, port: int, timeout: float, receive_buffer: Optional[int]) -> socket.socket:
    """A connected TCP socket (``SO_RCVBUF`` set before connecting when ``receive_buffer`` is given)."""
    if receive_buffer is None:
        return socket.create_connection((host, port), timeout=timeout)
    error: Optional[OSError] = None
    for family, kind, proto, _name, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
            sock.settimeout(timeout)
            sock.connect(address)
            return sock
        except OSError as failure:
            sock.close()
            error = failure
    raise error or OSError(f"no address for {host}")


class _Inbox:
    """A call's frames: a FIFO the reader fills and the caller drains, bounded for streams."""

    def __init__(self, capacity: Optional[int]):
        self.items: collections.deque = collections.deque()
        self.capacity = capacity
        self.condition = threading.Condition()
        self.abandoned = False

    def put(self, item: Any, *, final: bool = False) -> None:
        with self.condition:
            while (not final and self.capacity is not None and len(self.items) >= self.capacity
                   and not self.abandoned):
                self.condition.wait(0.5)
            if not self.abandoned:
                self.items.append(item)
            self.condition.notify_all()

    def get(self, timeout: Optional[float]) -> Any:
        """The next frame or error; raises ``TimeoutError`` when ``timeout`` seconds pass first."""
        end = None if timeout is None else time.monotonic() + timeout
        with self.condition:
            while not self.items:
                remaining = None if end is None else end - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise TimeoutError
                self.condition.wait(remaining)
            item = self.items.popleft()
            self.condition.notify_all()
            return item

    def abandon(self) -> None:
        with self.condition:
            self.abandoned = True
            self.items.clear()
            self.condition.notify_all()


class Call:
    """One call in flight: iterate its data, wait for its result, or cancel it; as a context manager
    (``with client.stream(...) as call:``) leaving the block cancels the call if it is still running.

    ``frames()`` yields every raw frame up to and including the terminal one; ``result()`` returns the
    ``result`` of an ``OK`` terminal frame or raises the typed error; iterating a ``Call`` yields the ``data``
    of each data frame and raises the typed error if the call does not end ``OK`` (its terminal frame is then
    in ``terminal``).
    """

    def __init__(self, client: "Client", method: str, deadline_ms: Optional[int], capacity: Optional[int]):
        self.client = client
        self.method = method
        self.deadline_ms = deadline_ms
        self.inbox = _Inbox(capacity)
        self.state = None
        self.terminal: Optional[dict] = None
        self.started = time.monotonic()
        #: Seconds without any frame after which the connection is taken for dead (None: wait forever).
        self.idle_timeout: Optional[float] = None

    @property
    def id(self) -> int:
        """The request id on this connection."""
        return self.state.id

    @property
    def done(self) -> bool:
        """Whether the terminal frame (or the connection's end) has been received."""
        return self.terminal is not None or self.state.done

    def _wait(self) -> Any:
        wait = None
        if self.deadline_ms is not None:
            wait = self.started + self.deadline_ms / 1000 + DEADLINE_GRACE_S - time.monotonic()
        idle = self.idle_timeout is not None and (wait is None or self.idle_timeout < wait)
        if idle:
            wait = self.idle_timeout
        try:
            return self.inbox.get(max(wait, 0) if wait is not None else None)
        except TimeoutError:
            self.inbox.abandon()
            if idle:
                raise ConnectionLost(f"no frame for {self.idle_timeout} s: the connection looks dead") from None
            self.cancel(wait=False)
            raise DeadlineExceeded(f"no answer {self.deadline_ms} ms + {DEADLINE_GRACE_S} s after the request") \
                from None

    def frames(self) -> Iterator[dict]:
        """Every frame of the call not read yet, ending with the terminal frame (connection errors are
        raised)."""
        while self.terminal is None:
            item = self._wait()
            if isinstance(item, ChronographError):
                raise item
            if "status" in item:
                self.terminal = item
            yield item

    def __iter__(self) -> "Call":
        return self

    def __next__(self) -> Any:
        """The next data frame's ``data``; at the terminal frame, stops or raises its typed error."""
        if self.terminal is not None:
            raise StopIteration
        item = self._wait()
        if isinstance(item, ChronographError):
            raise item
        if "status" not in item:
            return item["data"]
        self.terminal = item
        if item["status"] != "OK":
            raise error_from_frame(item)
        raise StopIteration

    def __enter__(self) -> "Call":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def result(self) -> Any:
        """Waits for the terminal frame; returns its ``result`` or raises its typed error."""
        for frame in self.frames():
            pass
        return result_of(self.terminal)

    def cancel(self, wait: bool = True) -> bool:
        """Sends ``Call/Cancel`` for this call. With ``wait``, returns True when the daemon found it in flight
        (the call then ends with :class:`~chronograph.Cancelled`); False when it had ended, or no answer came
        within 10 s. Without ``wait`` it returns False at once (the answer is dropped)."""
        if self.done:
            return False
        try:
            request = self.client.start("chrono.v1.Call/Cancel", {"id": self.id}, _reserved=True)
        except ChronographError:
            return False
        if not wait:
            request.inbox.abandon()
            return False
        try:
            answer = request.inbox.get(10.0)
        except TimeoutError:
            request.inbox.abandon()
            return False
        if isinstance(answer, ChronographError):
            return False
        return bool(result_of(answer)["cancelled"])

    def close(self) -> None:
        """Gives up on the call: cancels it if it is still running and drops frames still to come."""
        self.inbox.abandon()  # first: a reader waiting for room in this inbox must not block the cancel
        if not self.done:
            self.cancel()


class Client(MethodsMixin):
    """A blocking connection to chronod.

    ``Client(host, port, token=None, metadata=None, ssl=None, timeout=10.0)``: ``token`` goes in every
    request's ``metadata.authorization`` (the write right); ``ssl`` is an :class:`ssl.SSLContext` to speak TLS
    (``server_hostname`` defaults to ``host``); ``timeout`` bounds the connect. ``stream_buffer`` is how many
    frames a streaming call holds for a slow reader; ``receive_buffer`` (bytes, ``SO_RCVBUF``) caps the
    kernel's buffer so that a slow reader pushes back on the daemon sooner. Use it as a context manager or
    call :meth:`close`. Thread safe: many threads may call at once, and :meth:`start` lets one thread keep
    many calls in flight.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 7701, *, token: Optional[str] = None,
                 metadata: Optional[Mapping[str, str]] = None, ssl: Optional[ssl_module.SSLContext] = None,
                 server_hostname: Optional[str] = None, timeout: float = 10.0, stream_buffer: int = 256,
                 receive_buffer: Optional[int] = None):
        self.host, self.port = host, port
        self.receive_buffer = receive_buffer
        self.token, self.base_metadata = token, dict(metadata or {})
        self.ssl, self.server_hostname, self.timeout = ssl, server_hostname, timeout
        self.stream_buffer = stream_buffer
        self.core = ProtocolCore(token=token, metadata=metadata)
        self.lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(MAX_IN_FLIGHT)
        try:
            sock = open_socket(host, port, timeout, receive_buffer)
        except OSError as error:
            raise ConnectionLost(f"cannot connect to chronod at {host}:{port}: {error}") from None
        try:
            if ssl is not None:
                sock = ssl.wrap_socket(sock, server_hostname=server_hostname or host)
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except (OSError, ssl_module.SSLError) as error:
            sock.close()
            raise ConnectionLost(f"TLS handshake with {host}:{port} failed: {error}") from None
        self.sock = sock
        self.reader = threading.Thread(target=self._read, name=f"chronograph-reader-{host}:{port}", daemon=True)
        self.reader.start()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _read(self) -> None:
        error: Optional[ChronographError] = None
        try:
            while True:
                data = self.sock.recv(65536)
                if not data:
                    break
                with self.lock:
                    actions = self.core.feed(data)
                run_actions(actions)
                if self.core.closed is not None:
                    break
        except ChronographError as failure:
            error = failure
        except (OSError, ValueError):
            pass
        with self.lock:
            actions = self.core.close(error)
        run_actions(actions)

    def close(self) -> None:
        """Closes the connection; calls still in flight fail with :class:`~chronograph.ConnectionLost`
        (the daemon cancels them)."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        if threading.current_thread() is not self.reader:
            self.reader.join(5)

    @property
    def closed(self) -> bool:
        """Whether the connection has ended."""
        return self.core.closed is not None

    def start(self, method: str, params: Optional[Mapping[str, Any]] = None, *,
              deadline_ms: Optional[int] = None, metadata: Optional[Mapping[str, str]] = None,
              _reserved: bool = False) -> Call:
        """Sends a request and returns its :class:`Call` without waiting (the way to keep many calls in
        flight from one thread). Waits for a slot when 63 calls are already in flight."""
        method = full_method(method)
        streaming = method in STREAMING
        call = Call(self, method, deadline_ms, self.stream_buffer if streaming else None)
        if not _reserved:
            self.slots.acquire()

        def deliver(frame: dict) -> None:
            if "status" in frame and not _reserved:
                self.slots.release()
            call.inbox.put(frame, final="status" in frame)

        def fail(error: ChronographError) -> None:
            if not _reserved:
                self.slots.release()
            call.inbox.put(error, final=True)

        try:
            with self.lock:
                call.state = self.core.register(method, deliver, fail)
                line = self.core.encode(call.state, params, deadline_ms, metadata)
        except ChronographError:
            if not _reserved:
                self.slots.release()
            raise
        try:
            with self.write_lock:
                self.sock.sendall(line)
        except OSError as error:
            with self.lock:
                actions = self.core.close(ConnectionLost(f"cannot write to chronod: {error}"))
            run_actions(actions)
        return call

    def call(self, method: str, params: Optional[Mapping[str, Any]] = None, *,
             deadline_ms: Optional[int] = None, metadata: Optional[Mapping[str, str]] = None,
             _reserved: bool = False) -> Any:
        """Calls a unary method and returns its ``result``; raises the typed error otherwise."""
        return self.start(method, params, deadline_ms=deadline_ms, metadata=metadata,
                          _reserved=_reserved).result()

    def stream(self, method: str, params: Optional[Mapping[str, Any]] = None, *,
               deadline_ms: Optional[int] = None, metadata: Optional[Mapping[str, str]] = None) -> Call:
        """Starts a streaming call; iterate the returned :class:`Call` for each data frame's ``data``. Use it
        in a ``with`` block to cancel the call when leaving the block early."""
        return self.start(method, params, deadline_ms=deadline_ms, metadata=metadata)

    def cancel(self, call_id: int) -> bool:
        """``Call/Cancel`` for the call with id ``call_id`` on this connection."""
        return bool(self.call("chrono.v1.Call/Cancel", {"id": call_id}, _reserved=True)["cancelled"])

    def save_snapshot(self, id: str, path: "os.PathLike[str] | str | None" = None, *,
                      deadline_ms: Optional[int] = None) -> Any:
        """``Snapshot/Export`` of snapshot ``id``: with ``path``, writes ``path`` and ``path.manifest.json`` as
        ``chrono snapshot export`` does and returns the manifest; without, returns ``(manifest, gzip bytes)``.
        Raises :class:`~chronograph.DataLoss` when a piece is missing."""
        download = Download(path)
        try:
            with self.stream(EXPORT, {"id": id}, deadline_ms=deadline_ms) as call:
                for data in call:
                    download.add(data)
                result = result_of(call.terminal)
            data = download.finish(result)
        except BaseException:
            download.abandon()
            raise
        return result["manifest"] if path is not None else (result["manifest"], data)

    def import_snapshot(self, source: "bytes | os.PathLike[str] | str",
                        manifest: Optional[Mapping[str, Any]] = None, *,
                        deadline_ms: Optional[int] = None) -> Any:
        """``Snapshot/Import`` of ``source`` in pieces of 512 KiB: gzip bytes with their ``manifest``, or the
        path of a file saved by export (its manifest file is read unless ``manifest`` is given). Returns the
        stored snapshot's manifest; raises the typed error of the piece that failed (``DataLoss`` for a
        corrupted or truncated archive: nothing is stored)."""
        for params in upload_pieces(source, manifest):
            result = self.call(IMPORT, params, deadline_ms=deadline_ms)
            if "manifest" in result:
                return result["manifest"]

    def subscribe(self, query: Any, since_revision: Optional[int] = None, *, progress: bool = False,
                  reconnect_timeout: Optional[float] = None, backoff_initial: float = 0.05,
                  backoff_max: float = 2.0, buffer: Optional[int] = None,
                  receive_buffer: Optional[int] = None, stall_timeout: Optional[float] = 10.0) -> "Subscription":
        """Subscribes to a read query on a connection of its own; see :class:`Subscription`.

        ``query`` is ``{"method": "chrono.v1.Timeline/Query", "params": {...}}`` (or a method name).
        """
        return Subscription(self, query, since_revision, progress=progress, reconnect_timeout=reconnect_timeout,
                            backoff_initial=backoff_initial, backoff_max=backoff_max, buffer=buffer,
                            receive_buffer=receive_buffer, stall_timeout=stall_timeout)

    def _sibling(self, buffer: Optional[int], receive_buffer: Optional[int]) -> "Client":
        return Client(self.host, self.port, token=self.token, metadata=self.base_metadata, ssl=self.ssl,
                      server_hostname=self.server_hostname, timeout=self.timeout,
                      stream_buffer=buffer or self.stream_buffer, receive_buffer=receive_buffer or self.receive_buffer)


class Subscription:
    """An iterator of :class:`~chronograph.Update` for one query, exactly once and in revision order.

    It opens its own connection, reconnects by itself with exponential backoff when the connection drops or
    the daemon restarts (``reconnect_timeout`` seconds without a connection ends it with
    :class:`~chronograph.Unavailable`; ``None`` retries forever) and resumes with ``since_revision`` set to
    the last revision it delivered. When that history was compacted it resyncs: the next update is a fresh
    ``initial`` with ``resync=True``. When the daemon cut it off for falling behind it yields a ``cut_off``
    update and resumes. Any other end (the query's own error, such as ``NOT_FOUND``) is raised. Once the
    stream has started, ``stall_timeout`` seconds without a frame (the daemon sends progress every second)
    count as a dead connection: it reconnects.

    ``last_revision`` is the revision of the result delivered so far; ``items()`` is that result as
    ``{collection: {id: value}}``; ``reconnects``, ``resyncs`` and ``cut_offs`` count what happened.
    :meth:`close` (from any thread) ends the iteration.
    """

    def __init__(self, client: Client, query: Any, since_revision: Optional[int], *, progress: bool,
                 reconnect_timeout: Optional[float], backoff_initial: float, backoff_max: float,
                 buffer: Optional[int], receive_buffer: Optional[int] = None,
                 stall_timeout: Optional[float] = 10.0):
        setup_subscription(self, client, query, since_revision, progress=progress,
                           reconnect_timeout=reconnect_timeout, backoff_initial=backoff_initial,
                           backoff_max=backoff_max, buffer=buffer, receive_buffer=receive_buffer,
                           stall_timeout=stall_timeout)
        self.connection: Optional[Client] = None
        self._iterator = self._run()

    @property
    def last_revision(self) -> Optional[int]:
        return self.state.last_revision

    @property
    def reconnects(self) -> int:
        return self.state.reconnects

    @property
    def resyncs(self) -> int:
        return self.state.resyncs

    @property
    def cut_offs(self) -> int:
        return self.state.cut_offs

    def items(self) -> dict:
        """The query's result as of ``last_revision``, as ``{collection: {id: value}}``."""
        return self.state.current()

    def __iter__(self) -> "Subscription":
        return self

    def __next__(self) -> Update:
        return next(self._iterator)

    def __enter__(self) -> "Subscription":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Ends the subscription and its connection."""
        self.closing = True
        if self.connection is not None:
            self.connection.close()

    def _connect(self) -> Client:
        failing_since = time.monotonic()
        while True:
            if self.closing:
                raise StopIteration
            try:
                return self.parent._sibling(self.buffer, self.receive_buffer)
            except ConnectionLost:
                if (self.reconnect_timeout is not None
                        and time.monotonic() - failing_since > self.reconnect_timeout):
                    raise
                time.sleep(self.backoff.next_delay())

    def _run(self) -> Iterator[Update]:
        while not self.closing:
            try:
                self.connection = self._connect()
            except StopIteration:
                return
            try:
                call = self.connection.start(SUBSCRIBE, self.state.params())
                for data in call:
                    # The daemon sends progress every second once armed: silence past stall_timeout means a
                    # dead path (a half-open TCP connection), not a quiet graph.
                    call.idle_timeout = self.stall_timeout
                    self.backoff.reset()
                    update = self.state.on_data(data)
                    if update is not None:
                        yield update
                raise ConnectionLost("subscription ended without an error status")
            except ChronographError as error:
                if self.closing:
                    return
                update = self.state.on_end(error)
                if update is not None:
                    yield update
                elif not self.state.resync_pending:
                    time.sleep(self.backoff.next_delay())
            finally:
                self.connection.close()
