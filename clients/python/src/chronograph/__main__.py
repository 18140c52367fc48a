"""``python -m chronograph [options] METHOD [PARAMS_JSON]``: one call, its frames printed as JSON lines.

METHOD is a full name (``chrono.v1.Graph/Paths``) or a short one (``Graph/Paths``). The exit status is 0
when the call ends ``OK``, 1 when it ends with another status (the terminal frame is still printed), 2 for
bad arguments and 3 when chronod cannot be reached. ``--subscribe`` instead prints the updates of a
subscription to METHOD with PARAMS (reconnecting as needed) until interrupted or ``--max-updates``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import ssl
import sys

from .client import Client
from .errors import ChronographError, ConnectionLost


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m chronograph", description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default=os.environ.get("CHRONO_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("CHRONO_PORT", "7701")))
    parser.add_argument("--token", default=os.environ.get("CHRONO_TOKEN"), help="write token (env CHRONO_TOKEN)")
    parser.add_argument("--deadline-ms", type=int)
    parser.add_argument("--tls", action="store_true", help="speak TLS (system CAs unless --tls-ca)")
    parser.add_argument("--tls-ca", help="CA file to verify the daemon's certificate with")
    parser.add_argument("--tls-cert", help="client certificate (PEM) for a daemon started with --tls-client-ca")
    parser.add_argument("--tls-key", help="private key (PEM) of --tls-cert")
    parser.add_argument("--subscribe", action="store_true", help="subscribe to METHOD with PARAMS")
    parser.add_argument("--since-revision", type=int)
    parser.add_argument("--max-updates", type=int)
    parser.add_argument("method", help="e.g. chrono.v1.Health/Check or Health/Check")
    parser.add_argument("params", nargs="?", default="{}", help="params as a JSON object")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        params = json.loads(args.params)
    except ValueError as error:
        print(f"python -m chronograph: PARAMS_JSON is not JSON: {error}", file=sys.stderr)
        return 2
    if not isinstance(params, dict):
        print("python -m chronograph: PARAMS_JSON must be a JSON object", file=sys.stderr)
        return 2
    if (args.tls_cert is None) != (args.tls_key is None):
        print("python -m chronograph: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    context = None
    if args.tls or args.tls_ca or args.tls_cert:
        context = ssl.create_default_context(cafile=args.tls_ca)
        if args.tls_cert:
            context.load_cert_chain(args.tls_cert, args.tls_key)
    try:
        with Client(args.host, args.port, token=args.token, ssl=context) as client:
            if args.subscribe:
                return _subscribe(client, args, params)
            call = client.start(args.method, params, deadline_ms=args.deadline_ms)
            for frame in call.frames():
                print(json.dumps(frame, sort_keys=True, ensure_ascii=False), flush=True)
            return 0 if call.terminal["status"] == "OK" else 1
    except ConnectionLost as error:
        print(f"python -m chronograph: {error.message}", file=sys.stderr)
        return 3
    except ChronographError as error:
        print(f"python -m chronograph: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _subscribe(client: Client, args: argparse.Namespace, params: dict) -> int:
    count = 0
    with client.subscribe({"method": args.method, "params": params}, args.since_revision) as subscription:
        for update in subscription:
            fields = {k: v for k, v in dataclasses.asdict(update).items() if v not in (None, [], False)}
            print(json.dumps(fields, sort_keys=True, ensure_ascii=False), flush=True)
            count += 1
            if args.max_updates is not None and count >= args.max_updates:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
