#!/usr/bin/env python3
"""Measures what idle connections cost chronod: RSS before and with N open connections.

Opens N connections to 127.0.0.1:PORT, makes one Health/Check call on each (so each has a live
session), waits for the RSS of PID to settle, reads VmRSS, closes them all, and prints JSON:
{"connections", "rss_before_kb", "rss_with_kb", "per_connection_kb", "rss_after_close_kb"}.
Bounded: 5 s per connection attempt, 30 s in all for the replies.

Usage: python3 Tools/bench/idle_connections.py PORT PID [--connections 1000]
"""
import argparse
import json
import selectors
import socket
import time


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise SystemExit(f"no VmRSS for pid {pid}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("pid", type=int)
    parser.add_argument("--connections", type=int, default=1000)
    args = parser.parse_args()
    before = rss_kb(args.pid)
    sockets = []
    try:
        for index in range(args.connections):
            connection = socket.create_connection(("127.0.0.1", args.port), timeout=5)
            connection.sendall(b'{"id":%d,"method":"chrono.v1.Health/Check","params":{}}\n' % index)
            sockets.append(connection)
        selector = selectors.DefaultSelector()
        for connection in sockets:
            connection.setblocking(False)
            selector.register(connection, selectors.EVENT_READ)
        waiting, deadline = len(sockets), time.monotonic() + 30
        while waiting and time.monotonic() < deadline:
            for key, _ in selector.select(timeout=1):
                if key.fileobj.recv(65536):
                    selector.unregister(key.fileobj)
                    waiting -= 1
        time.sleep(1)
        with_connections = rss_kb(args.pid)
    finally:
        for connection in sockets:
            connection.close()
    time.sleep(1)
    print(json.dumps({
        "connections": len(sockets), "unanswered": waiting, "rss_before_kb": before,
        "rss_with_kb": with_connections, "per_connection_kb": round((with_connections - before) / len(sockets), 2),
        "rss_after_close_kb": rss_kb(args.pid),
    }, sort_keys=True))


if __name__ == "__main__":
    main()
