#!/usr/bin/env python3
"""The two halves of backends.sh: compare the backends' answers, and summarise the loads into ratios.

  backends.py compare SQLITE_PORT POSTGRES_PORT REQUESTS_DIR [--sample 20]
      Sends the first SAMPLE request lines of every read kind to both chronods and prints one JSON object with,
      per kind, how many results were identical (the whole `result`), how many agreed on the first five items'
      ids (what a ranked answer can promise across two engines' full-text scoring), and the first difference.
  backends.py summarize PARTS_DIR OUT
      Reads meta.json, compare.json and load-<round>-<kind>-<backend>.json, takes the median over rounds of
      calls/s, p50 and p99 and CPU per call (chronod; PostgreSQL's backends), writes OUT (JSON) and prints a
      Markdown table with the PostgreSQL/SQLite ratios.
"""
import json
import pathlib
import socket
import statistics
import sys

READ_KINDS = ("timeline", "actor_timeline", "search", "find", "neighbors1", "neighbors2", "path")


def call(port, line):
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        connection.sendall(line.encode() + b"\n")
        return json.loads(connection.makefile("rb").readline())


def first_ids(result):
    """The ids of the first five items of the result's first list (events, hits, nodes, path steps)."""
    for value in result.values():
        if isinstance(value, list):
            ids = []
            for item in value[:5]:
                if isinstance(item, dict):
                    ids.append(item.get("id") or (item.get("entity") or item.get("event") or {}).get("id"))
            return sorted(map(str, ids))
    return []


def compare(sqlite_port, postgres_port, requests, sample=20):
    report = {}
    for kind in READ_KINDS:
        path = pathlib.Path(requests) / f"{kind}.ndjson"
        if not path.exists():
            continue
        lines = [line for line in path.read_text().splitlines() if line.strip()][:sample]
        identical = same_top = 0
        first_difference = None
        for number, line in enumerate(lines, 1):
            line = line.replace("$ID", str(number))
            sqlite, postgres = call(sqlite_port, line), call(postgres_port, line)
            if sqlite.get("result") == postgres.get("result") and sqlite.get("status") == postgres.get("status"):
                identical += 1
                same_top += 1
                continue
            if first_ids(sqlite.get("result") or {}) == first_ids(postgres.get("result") or {}):
                same_top += 1
            if first_difference is None:
                first_difference = {"line": line, "sqlite": str(sqlite)[:400], "postgres": str(postgres)[:400]}
        report[kind] = {"sample": len(lines), "identical": identical, "same_first_five": same_top,
                        "first_difference": first_difference}
    return report


def summarize(parts, out):
    parts = pathlib.Path(parts)
    meta = json.loads((parts / "meta.json").read_text())
    agreement = json.loads((parts / "compare.json").read_text()) if (parts / "compare.json").exists() else {}
    loads = {}
    for path in sorted(parts.glob("load-*.json")):
        report = json.loads(path.read_text())
        loads.setdefault((report["label"], report["backend"]), []).append(report)
    rows = {}
    for (kind, backend), reports in loads.items():
        def median(values):
            return round(statistics.median(values), 4) if values else None

        def per_call(key):
            return median([r[key] / r["ok"] * 1000 for r in reports if r.get("ok")])

        rows.setdefault(kind, {})[backend] = {
            "rps": median([r["throughput_rps"] for r in reports]),
            "p50_ms": median([r["latency_ms"]["p50"] for r in reports]),
            "p99_ms": median([r["latency_ms"]["p99"] for r in reports]),
            "errors": sum(r["errors"] for r in reports),
            "chronod_cpu_ms_per_call": per_call("chronod_cpu_s"),
            "postgres_cpu_ms_per_call": per_call("postgres_cpu_s"),
            "rounds": len(reports),
        }
    print(f"{meta['events']} events; {meta['connections']} connections (writes: 1); {meta['duration_s']} s per "
          f"load; median of rounds; import SQLite {meta['import_s']['sqlite']} s, PostgreSQL "
          f"{meta['import_s']['postgres']} s")
    print()
    print("| query | SQLite calls/s | PG calls/s | SQLite p50 / p99 ms | PG p50 / p99 ms | p50 PG/SQLite "
          "| SQLite CPU ms/call | PG CPU ms/call (chronod + server) | CPU PG/SQLite | answers identical (same top 5) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    ratios = {}
    for kind, backends in rows.items():
        s, p = backends.get("sqlite"), backends.get("postgres")
        if not s or not p:
            continue
        s_cpu = s["chronod_cpu_ms_per_call"] or 0
        p_cpu = (p["chronod_cpu_ms_per_call"] or 0) + (p["postgres_cpu_ms_per_call"] or 0)
        ratio = {"p50": round(p["p50_ms"] / s["p50_ms"], 2) if s["p50_ms"] else None,
                 "rps": round(p["rps"] / s["rps"], 2) if s["rps"] else None,
                 "cpu": round(p_cpu / s_cpu, 2) if s_cpu else None}
        ratios[kind] = ratio
        agreed = agreement.get(kind)
        agreed_text = f"{agreed['identical']}/{agreed['sample']} ({agreed['same_first_five']})" if agreed else "—"
        print(f"| {kind} | {s['rps']:.0f} | {p['rps']:.0f} | {s['p50_ms']:.2f} / {s['p99_ms']:.2f} | "
              f"{p['p50_ms']:.2f} / {p['p99_ms']:.2f} | {ratio['p50']} | {s_cpu:.3f} | "
              f"{p['chronod_cpu_ms_per_call'] or 0:.3f} + {p['postgres_cpu_ms_per_call'] or 0:.3f} | {ratio['cpu']} "
              f"| {agreed_text} |")
    pathlib.Path(out).write_text(json.dumps({"meta": meta, "agreement": agreement, "loads": rows,
                                             "ratios": ratios}, indent=1, sort_keys=True) + "\n")


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == "compare":
        sample = int(sys.argv[sys.argv.index("--sample") + 1]) if "--sample" in sys.argv else 20
        print(json.dumps(compare(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sample), sort_keys=True))
    elif len(sys.argv) == 4 and sys.argv[1] == "summarize":
        summarize(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
