#!/usr/bin/env python3
"""Combines one run's parts into a result file with the ratios of issue 7, and prints a table.

Reads RUN_DIR/parts/*.json written by run.sh: meta.json, import.json, idle.json, compare.json,
daemon-<kind>-c<C>-p<P>.json (chrono-bench on chronod, C connections, P calls in flight each),
floor-<kind>-c<C>.json (chrono-floor on the same SQLite file, C threads), redis-benchmark.json,
redis-chrono-bench-p<P>.json (chrono-bench on redis), raw-insert.json (floor.py's raw insert rate),
fanout.json (chrono-fanout), snapshots.json (snapshots.py). Writes the combined JSON to OUT and prints a
plain-text table on stdout.

Usage: python3 Tools/bench/summarize.py RUN_DIR OUT
"""
import json
import pathlib
import sys

WINDOWS = ("timeline", "actor_timeline", "search", "find")
TRAVERSALS = ("neighbors1", "neighbors2", "path")


def load(path):
    try:
        return json.loads(path.read_text()) if path.exists() else None
    except ValueError:
        return None


def ratio(numerator, denominator):
    return round(numerator / denominator, 3) if numerator is not None and denominator else None


def cpu_ms_per_call(bench):
    daemon = (bench or {}).get("daemon") or {}
    calls = bench.get("completed") or bench.get("ok") if bench else None
    return round(daemon["cpu_s"] * 1000 / calls, 3) if daemon.get("cpu_s") is not None and calls else None


def quantiles(bench):
    return bench["latency_ms"]["p50"], bench["latency_ms"]["p99"]


def main():
    run, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    parts = run / "parts"
    result = {
        "meta": load(parts / "meta.json"), "import": load(parts / "import.json"), "idle": load(parts / "idle.json"),
        "agreement": load(parts / "compare.json"), "raw_insert": (load(parts / "raw-insert.json") or {}).get("raw_insert"),
        "fanout": load(parts / "fanout.json"), "snapshots": load(parts / "snapshots.json"),
        "daemon": {path.stem.removeprefix("daemon-"): load(path) for path in sorted(parts.glob("daemon-*.json"))},
        "floor": {path.stem.removeprefix("floor-"): load(path) for path in sorted(parts.glob("floor-*.json"))},
        "redis_benchmark": load(parts / "redis-benchmark.json"),
        "redis_chrono_bench": {
            path.stem.removeprefix("redis-chrono-bench-"): load(path)
            for path in sorted(parts.glob("redis-chrono-bench-*.json"))
        },
    }
    connections = (result["meta"] or {}).get("connections", 50)
    ratios = {}
    for kind in WINDOWS + TRAVERSALS:
        for c in (connections, 1):
            bench, floor = result["daemon"].get(f"{kind}-c{c}-p1"), result["floor"].get(f"{kind}-c{c}")
            if not bench or not floor or not floor.get("ok"):
                continue
            (p50, p99), (floor_p50, floor_p99) = quantiles(bench), quantiles(floor)
            entry = {"p50_minus_floor_ms": round(p50 - floor_p50, 3), "p99_over_floor": ratio(p99, floor_p99)}
            if kind in WINDOWS and c == connections:
                entry["target"] = "p99 <= 2x floor" + (" (at 10^6, 50 connections)" if kind in WINDOWS[:2] else "")
                entry["met"] = entry["p99_over_floor"] is not None and entry["p99_over_floor"] <= 2
            elif kind in TRAVERSALS and c == 1:
                entry["target"] = "p50 <= floor + 0.15 ms, p99 <= 2x floor"
                entry["met"] = entry["p50_minus_floor_ms"] <= 0.15 and (entry["p99_over_floor"] or 99) <= 2
            ratios[f"{kind}-c{c}"] = entry
    redis = {(run_["test"], run_["pipeline"]): run_ for run_ in (result["redis_benchmark"] or {}).get("runs", [])}
    for pipeline in (1, 16):
        health = result["daemon"].get(f"health-c{connections}-p{pipeline}")
        inline = redis.get(("PING_INLINE", pipeline))
        same_tool = result["redis_chrono_bench"].get(f"p{pipeline}")
        if health:
            entry = {
                "rps_over_redis_benchmark": ratio(health["throughput_rps"], inline and inline["rps"]),
                "rps_over_redis_same_tool": ratio(health["throughput_rps"], same_tool and same_tool["throughput_rps"]),
                "target": ">= 0.8",
            }
            entry["met"] = (entry["rps_over_redis_benchmark"] or 0) >= 0.8
            ratios[f"health-p{pipeline}"] = entry
    imported, raw = result["import"], result["raw_insert"]
    if imported and raw:
        ratios["import"] = {
            "daemon_seconds": imported["seconds"], "raw_insert_seconds": round(raw["seconds"], 3),
            "rate_over_raw": ratio(raw["seconds"], imported["seconds"]), "target": ">= 0.5",
        }
        ratios["import"]["met"] = (ratios["import"]["rate_over_raw"] or 0) >= 0.5
    if imported:
        ratios["idle_rss"] = {"kb": imported["idle_rss_kb"], "target": "<= 30720 KB",
                              "met": imported["idle_rss_kb"] <= 30720}
    if result["idle"]:
        each = result["idle"]["per_connection_kb"]
        ratios["idle_connections"] = {"kb_each": each, "target": "<= 20 KB", "met": each <= 20}
    fanout = result["fanout"]
    if fanout and fanout.get("notify_from_ack_ms"):
        p99 = fanout["notify_from_ack_ms"].get("p99")
        ratios["fanout"] = {"subscribers": fanout.get("subscribers"), "p99_ms_from_ack": p99,
                            "p99_ms_from_send": (fanout.get("notify_from_send_ms") or {}).get("p99"),
                            "notifications": fanout.get("notifications"), "errors": fanout.get("errors"),
                            "target": "<= 50 ms p99",
                            "met": p99 is not None and p99 <= 50 and not fanout.get("errors")}
    snapshots = result["snapshots"]
    if snapshots and snapshots.get("manifest") and snapshots.get("gzip6"):
        size, gzip6 = snapshots["manifest"]["compressed_size"], snapshots["gzip6"]["compressed_size"]
        ratios["snapshot_compression"] = {
            "snapshot_bytes": size, "gzip6_bytes": gzip6, "canonical_bytes": snapshots["manifest"]["size"],
            "create_wall_s": (snapshots.get("create") or {}).get("wall_s"),
            "restore_wall_s": (snapshots.get("restore") or {}).get("wall_s"),
            "target": "<= gzip -6", "met": size <= gzip6,
        }
    result["ratios"] = ratios
    out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")

    meta = result["meta"] or {}
    print(f"scale: {meta.get('events')} events; {connections} connections; {meta.get('duration_s')} s per load")
    print(f"{'query':<24}{'rps':>9}{'p50 ms':>9}{'p99 ms':>10}{'err':>5}{'cpu ms':>8}"
          f"{'floor rps':>11}{'floor p50':>10}{'floor p99':>10}")
    for key, bench in result["daemon"].items():
        if not bench:
            print(f"{key:<24}{'(failed)':>9}")
            continue
        floor = result["floor"].get(key.rsplit("-p", 1)[0]) or {}
        floor_cells = (f"{floor['throughput_rps']:>11.0f}{floor['latency_ms']['p50']:>10.3f}"
                       f"{floor['latency_ms']['p99']:>10.3f}") if floor.get("latency_ms") else ""
        cpu = cpu_ms_per_call(bench)
        print(f"{key:<24}{bench['throughput_rps']:>9.0f}{bench['latency_ms']['p50']:>9.3f}"
              f"{bench['latency_ms']['p99']:>10.3f}{bench['errors']:>5}{cpu if cpu is not None else float('nan'):>8.3f}"
              f"{floor_cells}")
    for key, bench in result["redis_chrono_bench"].items():
        if bench:
            print(f"{'redis PING ' + key:<24}{bench['throughput_rps']:>9.0f}{bench['latency_ms']['p50']:>9.3f}"
                  f"{bench['latency_ms']['p99']:>10.3f}{bench['errors']:>5}")
    for (test, pipeline), run_ in sorted(redis.items()):
        print(f"{'rb ' + test + ' p' + str(pipeline):<24}{run_['rps']:>9.0f}{run_['p50_ms']:>9.3f}{run_['p99_ms']:>10.3f}")
    for kind, agreement in (result["agreement"] or {}).items():
        if isinstance(agreement, dict) and "compared" in agreement:
            print(f"  agreement {kind}: {agreement['agreed']}/{agreement['compared']}")
    print("ratios:")
    for key, value in ratios.items():
        print(f"  {key}: {json.dumps(value, sort_keys=True)}")


if __name__ == "__main__":
    main()
