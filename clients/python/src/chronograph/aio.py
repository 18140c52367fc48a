"""The asyncio client: the same protocol core and methods as :class:`~chronograph.Client`, awaitable.

    async with await AsyncClient.connect("127.0.0.1", 7701) as client:
        print(await client.health())
        async for data in client.timeline_stream(from_="2013", to="2013"):
            ...

One reader task owns the stream's read side and routes frames; a streaming call buffers at most
``stream_buffer`` frames before the reader stops reading (TCP then pushes back on the daemon).
"""

from __future__ import annotations

import asyncio
import collections
import os
import ssl as ssl_module
from typing import Any, AsyncIterator, Mapping, Optional

from ._core import MAX_IN_FLIGHT, STREAMING, ProtocolCore, full_method, result_of, run_actions
from ._methods import MethodsMixin
from ._snapshots import EXPORT, IMPORT, Download, upload_pieces
from ._subscription import SUBSCRIBE, SubscriptionState, Update, setup_subscription
from .client import DEADLINE_GRACE_S, open_socket
from .errors import ChronographError, ConnectionLost, DeadlineExceeded, error_from_frame


class _AsyncInbox:
    def __init__(self, capacity: Optional[int]):
        self.items: collections.deque = collections.deque()
        self.capacity = capacity
        self.readable = asyncio.Event()
        self.space = asyncio.Event()
        self.space.set()
        self.abandoned = False

    async def put(self, item: Any, *, final: bool = False) -> None:
        while (not final and self.capacity is not None and len(self.items) >= self.capacity
               and not self.abandoned):
            self.space.clear()
            await self.space.wait()
        if not self.abandoned:
            self.items.append(item)
            self.readable.set()

    def put_nowait(self, item: Any) -> None:
        if not self.abandoned:
            self.items.append(item)
            self.readable.set()

    async def get(self) -> Any:
        while not self.items:
            self.readable.clear()
            await self.readable.wait()
        item = self.items.popleft()
        self.space.set()
        return item

    def abandon(self) -> None:
        self.abandoned = True
        self.items.clear()
        self.space.set()


class AsyncCall:
    """One call in flight on an :class:`AsyncClient`: ``await call.result()``, ``async for data in call``,
    ``async for frame in call.frames()``, ``await call.cancel()``."""

    def __init__(self, client: "AsyncClient", method: str, deadline_ms: Optional[int], capacity: Optional[int]):
        self.client = client
        self.method = method
        self.deadline_ms = deadline_ms
        self.inbox = _AsyncInbox(capacity)
        self.state = None
        self.terminal: Optional[dict] = None
        self.started = asyncio.get_running_loop().time()
        #: Seconds without any frame after which the connection is taken for dead (None: wait forever).
        self.idle_timeout: Optional[float] = None

    @property
    def id(self) -> int:
        return self.state.id

    @property
    def done(self) -> bool:
        return self.terminal is not None or self.state.done

    async def _wait(self) -> Any:
        wait = None
        if self.deadline_ms is not None:
            wait = self.started + self.deadline_ms / 1000 + DEADLINE_GRACE_S - asyncio.get_running_loop().time()
        idle = self.idle_timeout is not None and (wait is None or self.idle_timeout < wait)
        if idle:
            wait = self.idle_timeout
        if wait is None:
            return await self.inbox.get()
        try:
            return await asyncio.wait_for(self.inbox.get(), max(wait, 0))
        except asyncio.TimeoutError:
            self.inbox.abandon()
            if idle:
                raise ConnectionLost(f"no frame for {self.idle_timeout} s: the connection looks dead") from None
            await self.cancel(wait=False)
            raise DeadlineExceeded(f"no answer {self.deadline_ms} ms + {DEADLINE_GRACE_S} s after the request") \
                from None

    async def frames(self) -> AsyncIterator[dict]:
        """Every frame of the call, ending with the terminal frame."""
        while self.terminal is None:
            item = await self._wait()
            if isinstance(item, ChronographError):
                raise item
            if "status" in item:
                self.terminal = item
            yield item

    def __aiter__(self) -> "AsyncCall":
        return self

    async def __anext__(self) -> Any:
        """The next data frame's ``data``; at the terminal frame, stops or raises its typed error."""
        if self.terminal is not None:
            raise StopAsyncIteration
        item = await self._wait()
        if isinstance(item, ChronographError):
            raise item
        if "status" not in item:
            return item["data"]
        self.terminal = item
        if item["status"] != "OK":
            raise error_from_frame(item)
        raise StopAsyncIteration

    async def __aenter__(self) -> "AsyncCall":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    async def result(self) -> Any:
        """The ``result`` of the terminal frame, or its typed error."""
        async for _frame in self.frames():
            pass
        return result_of(self.terminal)

    async def cancel(self, wait: bool = True) -> bool:
        """``Call/Cancel`` for this call; True when the daemon found it in flight (False when it had ended, or
        no answer came within 10 s; without ``wait``, False at once)."""
        if self.done:
            return False
        try:
            request = await self.client.start("chrono.v1.Call/Cancel", {"id": self.id}, _reserved=True)
        except ChronographError:
            return False
        if not wait:
            request.inbox.abandon()
            return False
        try:
            answer = await asyncio.wait_for(request.inbox.get(), 10.0)
        except asyncio.TimeoutError:
            request.inbox.abandon()
            return False
        if isinstance(answer, ChronographError):
            return False
        return bool(result_of(answer)["cancelled"])

    async def close(self) -> None:
        """Gives up on the call (cancelling it if it still runs)."""
        self.inbox.abandon()  # first: a reader waiting for room in this inbox must not block the cancel
        if not self.done:
            await self.cancel()


class AsyncClient(MethodsMixin):
    """An asyncio connection to chronod; create it with ``await AsyncClient.connect(host, port, ...)``
    (same options as :class:`~chronograph.Client`: ``token``, ``metadata``, ``ssl``, ``timeout``)."""

    def __init__(self, host: str, port: int, *, token: Optional[str] = None,
                 metadata: Optional[Mapping[str, str]] = None, ssl: Optional[ssl_module.SSLContext] = None,
                 server_hostname: Optional[str] = None, timeout: float = 10.0, stream_buffer: int = 256,
                 receive_buffer: Optional[int] = None):
        self.host, self.port = host, port
        self.receive_buffer = receive_buffer
        self.token, self.base_metadata = token, dict(metadata or {})
        self.ssl, self.server_hostname, self.timeout = ssl, server_hostname, timeout
        self.stream_buffer = stream_buffer
        self.core = ProtocolCore(token=token, metadata=metadata)
        self.slots = asyncio.Semaphore(MAX_IN_FLIGHT)
        self.reader: Optional[asyncio.StreamReader] = None
        self.writer: Optional[asyncio.StreamWriter] = None
        self.task: Optional[asyncio.Task] = None

    @classmethod
    async def connect(cls, host: str = "127.0.0.1", port: int = 7701, **options: Any) -> "AsyncClient":
        """Opens the connection (and the TLS session when ``ssl`` is given)."""
        client = cls(host, port, **options)
        try:
            hostname = (client.server_hostname or host) if client.ssl else None
            if client.receive_buffer is None:
                opening = asyncio.open_connection(host, port, ssl=client.ssl, server_hostname=hostname)
            else:
                sock = await asyncio.get_running_loop().run_in_executor(
                    None, open_socket, host, port, client.timeout, client.receive_buffer)
                sock.setblocking(False)
                opening = asyncio.open_connection(sock=sock, ssl=client.ssl, server_hostname=hostname)
            client.reader, client.writer = await asyncio.wait_for(opening, client.timeout)
        except (OSError, asyncio.TimeoutError, ssl_module.SSLError) as error:
            raise ConnectionLost(f"cannot connect to chronod at {host}:{port}: {error!r}") from None
        client.task = asyncio.get_running_loop().create_task(client._read())
        return client

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    async def _read(self) -> None:
        error: Optional[ChronographError] = None
        try:
            while True:
                data = await self.reader.read(65536)
                if not data:
                    break
                for call, item in self.core.feed(data):
                    if isinstance(item, ChronographError):
                        call.fail(item)
                    else:
                        await call.deliver(item)
                if self.core.closed is not None:
                    break
        except ChronographError as failure:
            error = failure
        except (OSError, ValueError, asyncio.IncompleteReadError):
            pass
        except asyncio.CancelledError:
            pass
        run_actions(self.core.close(error))
        if self.writer is not None:
            self.writer.close()

    async def close(self) -> None:
        """Closes the connection; calls in flight fail with :class:`~chronograph.ConnectionLost`."""
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except (OSError, ssl_module.SSLError):
                pass
        if self.task is not None and not self.task.done():
            self.task.cancel()
            try:
                await self.task
            except asyncio.CancelledError:
                pass

    @property
    def closed(self) -> bool:
        return self.core.closed is not None

    async def start(self, method: str, params: Optional[Mapping[str, Any]] = None, *,
                    deadline_ms: Optional[int] = None, metadata: Optional[Mapping[str, str]] = None,
                    _reserved: bool = False) -> AsyncCall:
        """Sends a request and returns its :class:`AsyncCall` without waiting for the answer."""
        method = full_method(method)
        streaming = method in STREAMING
        call = AsyncCall(self, method, deadline_ms, self.stream_buffer if streaming else None)
        if not _reserved:
            await self.slots.acquire()

        async def deliver(frame: dict) -> None:
            if "status" in frame and not _reserved:
                self.slots.release()
            await call.inbox.put(frame, final="status" in frame)

        def fail(error: ChronographError) -> None:
            if not _reserved:
                self.slots.release()
            call.inbox.put_nowait(error)

        try:
            call.state = self.core.register(method, deliver, fail)
            line = self.core.encode(call.state, params, deadline_ms, metadata)
        except ChronographError:
            if not _reserved:
                self.slots.release()
            raise
        try:
            self.writer.write(line)
            await self.writer.drain()
        except (OSError, ssl_module.SSLError) as error:
            run_actions(self.core.close(ConnectionLost(f"cannot write to chronod: {error}")))
        return call

    async def call(self, method: str, params: Optional[Mapping[str, Any]] = None, *,
                   deadline_ms: Optional[int] = None, metadata: Optional[Mapping[str, str]] = None,
                   _reserved: bool = False) -> Any:
        """Calls a unary method; returns its ``result`` or raises the typed error."""
        call = await self.start(method, params, deadline_ms=deadline_ms, metadata=metadata, _reserved=_reserved)
        return await call.result()

    async def stream(self, method: str, params: Optional[Mapping[str, Any]] = None, *,
                     deadline_ms: Optional[int] = None, metadata: Optional[Mapping[str, str]] = None) -> AsyncCall:
        """Starts a streaming call: ``async for data in await client.stream(...)``; ``async with`` it to
        cancel the call when leaving the block early."""
        return await self.start(method, params, deadline_ms=deadline_ms, metadata=metadata)

    async def cancel(self, call_id: int) -> bool:
        """``Call/Cancel`` for the call with id ``call_id`` on this connection."""
        result = await self.call("chrono.v1.Call/Cancel", {"id": call_id}, _reserved=True)
        return bool(result["cancelled"])

    async def save_snapshot(self, id: str, path: "os.PathLike[str] | str | None" = None, *,
                            deadline_ms: Optional[int] = None) -> Any:
        """As :meth:`chronograph.Client.save_snapshot`."""
        download = Download(path)
        try:
            async with await self.stream(EXPORT, {"id": id}, deadline_ms=deadline_ms) as call:
                async for data in call:
                    download.add(data)
                result = result_of(call.terminal)
            data = download.finish(result)
        except BaseException:
            download.abandon()
            raise
        return result["manifest"] if path is not None else (result["manifest"], data)

    async def import_snapshot(self, source: "bytes | os.PathLike[str] | str",
                              manifest: Optional[Mapping[str, Any]] = None, *,
                              deadline_ms: Optional[int] = None) -> Any:
        """As :meth:`chronograph.Client.import_snapshot`."""
        for params in upload_pieces(source, manifest):
            result = await self.call(IMPORT, params, deadline_ms=deadline_ms)
            if "manifest" in result:
                return result["manifest"]

    def subscribe(self, query: Any, since_revision: Optional[int] = None, *, progress: bool = False,
                  reconnect_timeout: Optional[float] = None, backoff_initial: float = 0.05,
                  backoff_max: float = 2.0, buffer: Optional[int] = None,
                  receive_buffer: Optional[int] = None,
                  stall_timeout: Optional[float] = 10.0) -> "AsyncSubscription":
        """An async iterator of :class:`~chronograph.Update`; the same guarantees as
        :class:`~chronograph.client.Subscription` (own connection, reconnect, resume, resync, cut-off)."""
        return AsyncSubscription(self, query, since_revision, progress=progress,
                                 reconnect_timeout=reconnect_timeout, backoff_initial=backoff_initial,
                                 backoff_max=backoff_max, buffer=buffer, receive_buffer=receive_buffer,
                                 stall_timeout=stall_timeout)

    async def _sibling(self, buffer: Optional[int], receive_buffer: Optional[int]) -> "AsyncClient":
        return await AsyncClient.connect(self.host, self.port, token=self.token, metadata=self.base_metadata,
                                         ssl=self.ssl, server_hostname=self.server_hostname, timeout=self.timeout,
                                         stream_buffer=buffer or self.stream_buffer,
                                         receive_buffer=receive_buffer or self.receive_buffer)


class AsyncSubscription:
    """The asyncio form of :class:`~chronograph.client.Subscription`: ``async for update in subscription``."""

    def __init__(self, client: AsyncClient, query: Any, since_revision: Optional[int], *, progress: bool,
                 reconnect_timeout: Optional[float], backoff_initial: float, backoff_max: float,
                 buffer: Optional[int], receive_buffer: Optional[int] = None,
                 stall_timeout: Optional[float] = 10.0):
        setup_subscription(self, client, query, since_revision, progress=progress,
                           reconnect_timeout=reconnect_timeout, backoff_initial=backoff_initial,
                           backoff_max=backoff_max, buffer=buffer, receive_buffer=receive_buffer,
                           stall_timeout=stall_timeout)
        self.connection: Optional[AsyncClient] = None
        self._iterator = self._run()

    last_revision = property(lambda self: self.state.last_revision)
    reconnects = property(lambda self: self.state.reconnects)
    resyncs = property(lambda self: self.state.resyncs)
    cut_offs = property(lambda self: self.state.cut_offs)

    def items(self) -> dict:
        """The query's result as of ``last_revision``, as ``{collection: {id: value}}``."""
        return self.state.current()

    def __aiter__(self) -> "AsyncSubscription":
        return self

    async def __anext__(self) -> Update:
        return await self._iterator.__anext__()

    async def close(self) -> None:
        """Ends the subscription and its connection."""
        self.closing = True
        if self.connection is not None:
            await self.connection.close()

    async def _connect(self) -> Optional[AsyncClient]:
        loop = asyncio.get_running_loop()
        failing_since = loop.time()
        while not self.closing:
            try:
                return await self.parent._sibling(self.buffer, self.receive_buffer)
            except ConnectionLost:
                if self.reconnect_timeout is not None and loop.time() - failing_since > self.reconnect_timeout:
                    raise
                await asyncio.sleep(self.backoff.next_delay())
        return None

    async def _run(self) -> AsyncIterator[Update]:
        while not self.closing:
            self.connection = await self._connect()
            if self.connection is None:
                return
            try:
                call = await self.connection.start(SUBSCRIBE, self.state.params())
                async for data in call:
                    call.idle_timeout = self.stall_timeout  # silence past it: a dead path, reconnect
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
                    await asyncio.sleep(self.backoff.next_delay())
            finally:
                await self.connection.close()
