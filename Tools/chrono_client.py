#!/usr/bin/env python3
"""A minimal chronod client, standard library only: connect, call, stream.

Copy it into your scripts. Protocol: Protocol/PROTOCOL.md (one JSON object per line over TCP).

    from chrono_client import ChronoClient
    with ChronoClient("127.0.0.1", 7701) as client:
        print(client.call("chrono.v1.Health/Check"))
        for data in client.stream("chrono.v1.Timeline/Stream", {"from": "1991", "to": "1995"}):
            print(data["event"]["title"])

Command line: python3 Tools/chrono_client.py [--host H] [--port P] METHOD [PARAMS_JSON]
"""
import argparse
import itertools
import json
import socket
import sys


class ChronoCallError(Exception):
    """A call ended with a status other than OK; carries the whole terminal frame."""

    def __init__(self, frame):
        super().__init__(f"{frame.get('status')}: {frame.get('message')}")
        self.frame = frame
        self.status = frame.get("status")


class ChronoClient:
    """One connection; calls run one after another (frames of other ids are kept for later)."""

    def __init__(self, host="127.0.0.1", port=7701, timeout=30.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.reader = self.sock.makefile("rb")
        self.ids = itertools.count(1)
        self.pending = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.reader.close()
        self.sock.close()

    def send(self, request):
        """Sends one request object as a line."""
        line = json.dumps(request, separators=(",", ":"), ensure_ascii=False) + "\n"
        self.sock.sendall(line.encode("utf-8"))

    def request(self, method, params=None, deadline_ms=None, metadata=None):
        """Sends a request and returns its id."""
        request = {"id": next(self.ids), "method": method, "params": params or {}}
        if deadline_ms is not None:
            request["deadline_ms"] = deadline_ms
        if metadata:
            request["metadata"] = metadata
        self.send(request)
        return request["id"]

    def frames(self, call_id):
        """Yields the frames of call `call_id` up to and including its terminal frame."""
        while True:
            frame = self._next_frame(call_id)
            yield frame
            if "status" in frame:
                return

    def _next_frame(self, call_id):
        for index, frame in enumerate(self.pending):
            if frame.get("id") == call_id:
                return self.pending.pop(index)
        while True:
            line = self.reader.readline()
            if not line:
                raise ConnectionError("chronod closed the connection")
            frame = json.loads(line)
            if frame.get("id") == call_id or frame.get("id") is None:
                return frame
            self.pending.append(frame)

    def call_frame(self, method, params=None, deadline_ms=None, metadata=None):
        """Calls a unary method and returns its terminal frame, whatever its status."""
        call_id = self.request(method, params, deadline_ms, metadata)
        return list(self.frames(call_id))[-1]

    def call(self, method, params=None, deadline_ms=None, metadata=None):
        """Calls a unary method and returns its result; raises ChronoCallError unless the status is OK."""
        frame = self.call_frame(method, params, deadline_ms, metadata)
        if frame["status"] != "OK":
            raise ChronoCallError(frame)
        return frame["result"]

    def stream(self, method, params=None, deadline_ms=None, metadata=None):
        """Yields the `data` of each data frame; raises ChronoCallError if the call does not end OK."""
        call_id = self.request(method, params, deadline_ms, metadata)
        for frame in self.frames(call_id):
            if "seq" in frame:
                yield frame["data"]
            elif frame["status"] != "OK":
                raise ChronoCallError(frame)


def main():
    parser = argparse.ArgumentParser(description="Call one chronod method and print its frames as JSON lines.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7701)
    parser.add_argument("--deadline-ms", type=int)
    parser.add_argument("method", help="e.g. chrono.v1.Health/Check")
    parser.add_argument("params", nargs="?", default="{}", help="params as a JSON object")
    args = parser.parse_args()
    with ChronoClient(args.host, args.port) as client:
        call_id = client.request(args.method, json.loads(args.params), args.deadline_ms)
        status = None
        for frame in client.frames(call_id):
            print(json.dumps(frame, sort_keys=True, ensure_ascii=False))
            status = frame.get("status", status)
    return 0 if status == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
