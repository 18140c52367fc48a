"""TLS against chronod itself (``--tls-cert``/``--tls-key``, and ``--tls-client-ca`` for mutual TLS): both clients,
``python -m chronograph --tls-ca``, refusals (an untrusted server, a client without a certificate), and plaintext
sent to the TLS port. The certificates are made at test time with openssl and removed afterwards."""

from __future__ import annotations

import asyncio
import json
import pathlib
import socket
import ssl
import subprocess
import sys

import pytest

import chronograph

from conftest import _fresh


def _openssl(*arguments: str) -> None:
    subprocess.run(["openssl", *arguments], check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A CA; a server certificate for 127.0.0.1 and localhost and a client certificate it signed; another CA."""
    directory = tmp_path_factory.mktemp("tls")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for ca in ("ca", "other-ca"):
        _openssl("req", "-x509", *ec, "-keyout", str(directory / f"{ca}.key"), "-out", str(directory / f"{ca}.pem"),
                 "-days", "2", "-subj", f"/CN={ca}", "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign")
    leaves = {"server": "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
              "client": "extendedKeyUsage=clientAuth\n"}
    for serial, (leaf, extensions) in enumerate(leaves.items(), start=1):
        (directory / f"{leaf}.ext").write_text("basicConstraints=CA:FALSE\n" + extensions)
        _openssl("req", *ec, "-keyout", str(directory / f"{leaf}.key"), "-out", str(directory / f"{leaf}.csr"),
                 "-subj", f"/CN={leaf}")
        _openssl("x509", "-req", "-in", str(directory / f"{leaf}.csr"), "-CA", str(directory / "ca.pem"),
                 "-CAkey", str(directory / "ca.key"), "-set_serial", str(serial), "-days", "2",
                 "-extfile", str(directory / f"{leaf}.ext"), "-out", str(directory / f"{leaf}.pem"))
    return directory


def _daemon(tmp_path_factory, template_db, certificates, *extra):
    arguments = ("--tls-cert", str(certificates / "server.pem"), "--tls-key", str(certificates / "server.key"), *extra)
    return _fresh(tmp_path_factory.mktemp("tls-daemon"), template_db, arguments).start(port=0)


@pytest.fixture(scope="module")
def tls_daemon(tmp_path_factory, template_db, certificates):
    instance = _daemon(tmp_path_factory, template_db, certificates)
    try:
        yield instance
    finally:
        instance.stop()


@pytest.fixture(scope="module")
def mtls_daemon(tmp_path_factory, template_db, certificates):
    instance = _daemon(tmp_path_factory, template_db, certificates, "--tls-client-ca", str(certificates / "ca.pem"))
    try:
        yield instance
    finally:
        instance.stop()


def _trusting(certificates, client: bool = False) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(certificates / "ca.pem"))
    if client:
        context.load_cert_chain(str(certificates / "client.pem"), str(certificates / "client.key"))
    return context


def test_blocking_client_over_tls(tls_daemon, certificates):
    with chronograph.Client("127.0.0.1", tls_daemon.port, ssl=_trusting(certificates)) as client:
        assert client.health()["status"] == "SERVING"
        page = client.timeline(from_="2007", to="2011", limit=5)
        assert page["events"], "the repository graph has events in 2007-2011"
        calls = [client.start("Entity/Get", {"id": "azerbaijan"}) for _ in range(20)]
        assert all(call.result()["entity"]["id"] == "azerbaijan" for call in calls)
        with pytest.raises(chronograph.NotFound):
            client.entity("Atlantis")
        with client.subscribe({"method": "chrono.v1.Stats/Get"}) as subscription:
            assert next(subscription).kind == "initial"


def test_async_client_over_tls(tls_daemon, certificates):
    async def scenario():
        async with await chronograph.AsyncClient.connect("127.0.0.1", tls_daemon.port,
                                                         ssl=_trusting(certificates)) as client:
            results = await asyncio.gather(*(client.health() for _ in range(10)))
            assert {r["status"] for r in results} == {"SERVING"}

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_the_command_line_speaks_tls(tls_daemon, certificates):
    run = subprocess.run([sys.executable, "-m", "chronograph", "--port", str(tls_daemon.port),
                          "--tls-ca", str(certificates / "ca.pem"), "Health/Check"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["result"]["status"] == "SERVING"


@pytest.mark.parametrize("trust", ["system", "other-ca"])
def test_a_client_without_the_ca_is_refused(tls_daemon, certificates, trust):
    context = ssl.create_default_context() if trust == "system" else \
        ssl.create_default_context(cafile=str(certificates / "other-ca.pem"))
    with pytest.raises(chronograph.ConnectionLost) as error:
        chronograph.Client("127.0.0.1", tls_daemon.port, ssl=context, timeout=5)
    assert "certificate verify failed" in error.value.message.lower()


def test_mutual_tls_refuses_a_client_without_a_certificate(mtls_daemon, certificates):
    # With TLS 1.3 the refusal may come after the client's side of the handshake: then the first call fails.
    with pytest.raises(chronograph.ConnectionLost):
        with chronograph.Client("127.0.0.1", mtls_daemon.port, ssl=_trusting(certificates), timeout=5) as client:
            client.health(deadline_ms=5000)
    with chronograph.Client("127.0.0.1", mtls_daemon.port, ssl=_trusting(certificates, client=True)) as client:
        assert client.health()["status"] == "SERVING"


def test_plaintext_on_the_tls_port_is_closed_and_other_clients_are_unaffected(tls_daemon, certificates):
    with chronograph.Client("127.0.0.1", tls_daemon.port, ssl=_trusting(certificates)) as client:
        assert client.health()["status"] == "SERVING"
        for payload in (b'{"id":1,"method":"chrono.v1.Health/Check"}\n', b"GET / HTTP/1.1\r\n\r\n", bytes(range(256))):
            with socket.create_connection(("127.0.0.1", tls_daemon.port), timeout=10) as raw:
                raw.sendall(payload)
                received = b""
                try:
                    while chunk := raw.recv(4096):
                        received += chunk
                except ConnectionResetError:
                    pass
            assert b'"status"' not in received, "no protocol frame may be sent in clear"
            assert client.health()["status"] == "SERVING"
    with chronograph.Client("127.0.0.1", tls_daemon.port, ssl=_trusting(certificates)) as fresh:
        assert fresh.health()["status"] == "SERVING"


CORPUS = pathlib.Path(__file__).resolve().parents[3] / "Tests" / "BadInputTests" / "Fixtures" / "bad_inputs.jsonl"


def test_the_bad_input_corpus_over_tls_gets_its_statuses(tls_daemon, certificates):
    """The Swift suite's corpus cases that share one connection (``line`` only, no known issue), over TLS."""
    cases = [case for case in map(json.loads, CORPUS.read_text().splitlines())
             if "line" in case and not case.get("alone") and not case.get("known_issue")]
    assert len(cases) >= 100
    context = _trusting(certificates)
    with socket.create_connection(("127.0.0.1", tls_daemon.port), timeout=30) as raw, \
            context.wrap_socket(raw, server_hostname="127.0.0.1") as connection:
        reader = connection.makefile("rb")
        for case in cases:
            connection.sendall(case["line"].encode() + b"\n")
            frame = json.loads(reader.readline())
            while "status" not in frame:  # data frames of a streaming case come before its terminal frame
                frame = json.loads(reader.readline())
            assert frame["status"] == case["status"], case["name"]
            assert frame["id"] == case["id"], case["name"]
        connection.sendall(b'{"id":"last","method":"chrono.v1.Health/Check"}\n')
        assert json.loads(reader.readline())["status"] == "OK"
