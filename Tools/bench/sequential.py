#!/usr/bin/env python3
"""Latency and CPU per call of one chronod build, one request at a time on one connection.

Starts CHRONOD on an existing database (127.0.0.1, port 0; no import), sends the first --warmup lines of each
LINES file untimed, then every line (`$ID` replaced by a call number) and waits for its answer; prints, per file,
p50, p90 and p99 latency and chronod's CPU per call (user + system, process_cpu.py, over the timed lines), and with
--slowest K the K slowest lines with their answers' sizes (where a tail comes from). chronod is stopped by its
PID. For checks on a quiet machine beside `peers/run.sh` and `run.sh`, which share the machine
with other engines and clients.

With --prewarm, chronod reads its whole file and fills its caches before it listens (as peers/run.sh starts it).

Usage: Tools/bench/sequential.py CHRONOD DB LINES... [--count N] [--warmup N] [--slowest K] [--prewarm]
"""
import argparse
import os
import re
import socket
import subprocess
import time

from process_cpu import cpu_seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("chronod")
    parser.add_argument("db")
    parser.add_argument("lines", nargs="+")
    parser.add_argument("--count", type=int, default=200, help="timed lines per file (the file's first ones)")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--slowest", type=int, default=0, help="list the K slowest lines of each file")
    parser.add_argument("--prewarm", action="store_true", help="start chronod with --prewarm")
    args = parser.parse_args()
    process = subprocess.Popen(
        [args.chronod, "--host", "127.0.0.1", "--port", "0", "--db", args.db, "--graph", "/nonexistent"]
        + (["--prewarm"] if args.prewarm else []),
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        for line in process.stdout:
            match = re.search(r"listening on \S*:(\d+)", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            raise SystemExit("sequential.py: chronod stopped before listening")
        connection = socket.create_connection(("127.0.0.1", port))
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        replies = connection.makefile("rb")
        call = 0

        def send(text):
            nonlocal call
            call += 1
            connection.sendall(text.replace("$ID", str(call)).encode() + b"\n")
            reply = replies.readline()
            if b'"status":"OK"' not in reply:
                raise SystemExit(f"sequential.py: not OK: {reply[:200]!r}")
            return len(reply)

        for path in args.lines:
            lines = [line.strip() for line in open(path) if line.strip()][:args.count]
            for line in lines[:args.warmup]:
                send(line)
            before = cpu_seconds(process.pid)
            timed = []
            for line in lines:
                start = time.perf_counter()
                size = send(line)
                timed.append((time.perf_counter() - start, size, line))
            cpu = (cpu_seconds(process.pid) - before) / len(lines)
            timed.sort()
            latencies = [latency for latency, _, _ in timed]
            print(f"{os.path.basename(path)}: {len(lines)} calls, p50 {latencies[len(latencies) // 2] * 1e3:.2f} ms, "
                  f"p90 {latencies[int(len(latencies) * 0.9)] * 1e3:.2f} ms, "
                  f"p99 {latencies[int(len(latencies) * 0.99)] * 1e3:.2f} ms, chronod CPU {cpu * 1e3:.3f} ms/call")
            for latency, size, line in reversed(timed[len(timed) - args.slowest:] if args.slowest else []):
                print(f"  {latency * 1e3:8.2f} ms {size:8d} B  {line}")
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
