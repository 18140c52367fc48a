#!/usr/bin/env python3
"""Combines one run's parts into a result file with the ratios of issue 7, and prints a table.

Reads RUN_DIR/parts/*.json written by run.sh: meta.json, import.json, idle.json, compare.json, daemon-<kind>-p<P>.json
(chrono-bench on chronod), redis-benchmark.json, redis-chrono-bench-p<P>.json (chrono-bench on redis),
floor.json (floor.py). Writes the combined JSON to OUT and prints a plain-text table on stdout.

Usage: python3 Tools/bench/summarize.py RUN_DIR OUT
"""
import json
import pathlib
import sys

TARGETS = {
    "timeline": "p99 <= 2x floor at 10^6",
    "actor_timeline": "p99 <= 2x floor at 10^6",
    "neighbors1": "p50 <= floor + 0.15 ms, p99 <= 2x floor",
    "neighbors2": "p50 <= floor + 0.15 ms, p99 <= 2x floor",
    "path": "p50 <= floor + 0.15 ms, p99 <= 2x floor",
}


def load(path):
    return json.loads(path.read_text()) if path.exists() else None


def ratio(numerator, denominator):
    return round(numerator / denominator, 3) if numerator is not None and denominator else None


def main():
    run, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    parts = run / "parts"
    result = {
        "meta": load(parts / "meta.json"), "import": load(parts / "import.json"), "idle": load(parts / "idle.json"),
        "agreement": load(parts / "compare.json"),
        "daemon": {},
    }
    for path in sorted(parts.glob("daemon-*.json")):
        result["daemon"][path.stem.removeprefix("daemon-")] = load(path)
    result["redis_benchmark"] = load(parts / "redis-benchmark.json")
    result["redis_chrono_bench"] = {
        path.stem.removeprefix("redis-chrono-bench-"): load(path) for path in sorted(parts.glob("redis-chrono-bench-*.json"))
    }
    floor = load(parts / "floor.json") or {}
    result["floor"] = floor
    ratios = {}
    for key, bench in result["daemon"].items():
        kind = key.rsplit("-p", 1)[0]
        base = floor.get("queries", {}).get(kind)
        if base and bench and kind != "health":
            ratios[key] = {
                "p50_minus_floor_ms": round(bench["latency_ms"]["p50"] - base["p50_ms"], 3),
                "p99_over_floor": ratio(bench["latency_ms"]["p99"], base["p99_ms"]),
                "target": TARGETS.get(kind, "-"),
            }
    redis = {(run["test"], run["pipeline"]): run for run in (result["redis_benchmark"] or {}).get("runs", [])}
    for pipeline in (1, 16):
        health = result["daemon"].get(f"health-p{pipeline}")
        inline = redis.get(("PING_INLINE", pipeline))
        same_tool = result["redis_chrono_bench"].get(f"p{pipeline}")
        if health:
            ratios[f"health-p{pipeline}"] = {
                "rps_over_redis_benchmark": ratio(health["throughput_rps"], inline and inline["rps"]),
                "rps_over_redis_same_tool": ratio(health["throughput_rps"], same_tool and same_tool["throughput_rps"]),
                "target": ">= 0.8",
            }
    imported, raw = result["import"], floor.get("raw_insert")
    if imported and raw:
        ratios["import"] = {
            "daemon_seconds": imported["seconds"], "raw_insert_seconds": round(raw["seconds"], 3),
            "rate_over_raw": ratio(raw["seconds"], imported["seconds"]), "target": ">= 0.5",
        }
    if result["import"]:
        ratios["idle_rss"] = {"kb": result["import"]["idle_rss_kb"], "target": "<= 30720 KB"}
    if result["idle"]:
        ratios["idle_connections"] = {"kb_each": result["idle"]["per_connection_kb"], "target": "<= 20 KB"}
    result["ratios"] = ratios
    out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")

    meta = result["meta"] or {}
    print(f"scale: {meta.get('events')} events; {meta.get('connections')} connections; {meta.get('duration_s')} s per load")
    print(f"{'query':<22}{'rps':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'floor p50':>11}{'floor p99':>11}")
    for key, bench in result["daemon"].items():
        if not bench:
            print(f"{key:<22}{'(failed)':>10}")
            continue
        base = floor.get("queries", {}).get(key.rsplit("-p", 1)[0], {})
        print(f"{key:<22}{bench['throughput_rps']:>10.0f}{bench['latency_ms']['p50']:>9.3f}"
              f"{bench['latency_ms']['p99']:>9.3f}{bench['errors']:>8}"
              f"{base.get('p50_ms', float('nan')):>11.3f}{base.get('p99_ms', float('nan')):>11.3f}")
    for key, bench in result["redis_chrono_bench"].items():
        if bench:
            print(f"{'redis PING ' + key:<22}{bench['throughput_rps']:>10.0f}{bench['latency_ms']['p50']:>9.3f}"
                  f"{bench['latency_ms']['p99']:>9.3f}{bench['errors']:>8}")
    for (test, pipeline), run_ in sorted(redis.items()):
        print(f"{'rb ' + test + ' p' + str(pipeline):<22}{run_['rps']:>10.0f}{run_['p50_ms']:>9.3f}{run_['p99_ms']:>9.3f}")
    for kind, agreement in (result["agreement"] or {}).items():
        print(f"  agreement {kind}: {agreement['agreed']}/{agreement['compared']}")
    print("ratios:")
    for key, value in ratios.items():
        print(f"  {key}: {json.dumps(value, sort_keys=True)}")


if __name__ == "__main__":
    main()
