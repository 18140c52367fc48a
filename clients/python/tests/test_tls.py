"""The ``ssl=`` parameter: both clients speak TLS through a TLS-terminating loopback proxy in front of
chronod (the daemon itself gains TLS in issue 14's second item). The certificate is made at test time."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
import threading

import pytest

import chronograph


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert), "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True, timeout=60)
    return cert, key


class TLSProxy:
    """Terminates TLS on an ephemeral loopback port and relays the plain bytes to chronod."""

    def __init__(self, upstream_port: int, cert, key):
        self.upstream_port = upstream_port
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        assert self.ready.wait(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self.context))
        self.port = self.server.sockets[0].getsockname()[1]
        self.ready.set()
        self.loop.run_forever()

    async def _serve(self, reader, writer) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)

        async def pump(source, target):
            try:
                while data := await source.read(65536):
                    target.write(data)
                    await target.drain()
            except (OSError, ssl.SSLError):
                pass
            finally:
                target.close()

        await asyncio.gather(pump(reader, up_writer), pump(up_reader, writer))

    def stop(self) -> None:
        async def shutdown():
            self.server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture
def tls_proxy(shared_daemon, certificate):
    proxy = TLSProxy(shared_daemon.port, *certificate)
    try:
        yield proxy
    finally:
        proxy.stop()


def test_blocking_client_over_tls(tls_proxy, certificate):
    context = ssl.create_default_context(cafile=str(certificate[0]))
    with chronograph.Client("127.0.0.1", tls_proxy.port, ssl=context) as client:
        assert client.health()["status"] == "SERVING"
        calls = [client.start("Entity/Get", {"id": "azerbaijan"}) for _ in range(20)]
        assert all(call.result()["entity"]["id"] == "azerbaijan" for call in calls)
        with client.subscribe({"method": "chrono.v1.Stats/Get"}) as subscription:
            assert next(subscription).kind == "initial"


def test_async_client_over_tls(tls_proxy, certificate):
    context = ssl.create_default_context(cafile=str(certificate[0]))

    async def scenario():
        async with await chronograph.AsyncClient.connect("127.0.0.1", tls_proxy.port, ssl=context) as client:
            results = await asyncio.gather(*(client.health() for _ in range(10)))
            assert {r["status"] for r in results} == {"SERVING"}

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_a_client_without_the_ca_is_refused(tls_proxy):
    with pytest.raises(chronograph.ConnectionLost) as error:
        chronograph.Client("127.0.0.1", tls_proxy.port, ssl=ssl.create_default_context(), timeout=5)
    assert "certificate" in error.value.message.lower()
