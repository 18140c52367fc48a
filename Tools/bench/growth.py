#!/usr/bin/env python3
"""How each cost grows with the graph: reads result files of run.sh at several scales and prints, per query,
the daemon's CPU per call and single-connection p50, the floor's single-connection p50, and the ratio of the
largest scale to the smallest (issue 7: indexed queries within 2x from 10^4 to 10^6; issue 12: search CPU
per call within 3x).

Usage: python3 Tools/bench/growth.py Tools/bench/results/10000-*.json Tools/bench/results/1000000-*.json ...
"""
import json
import sys

KINDS = ("health", "timeline", "actor_timeline", "search", "neighbors1", "neighbors2", "path", "find")


def cpu_ms(bench):
    daemon = (bench or {}).get("daemon") or {}
    calls = (bench or {}).get("completed") or (bench or {}).get("ok")
    return daemon["cpu_s"] * 1000 / calls if daemon.get("cpu_s") is not None and calls else None


def main():
    runs = sorted((json.load(open(path)) for path in sys.argv[1:]), key=lambda run: run["meta"]["events"])
    if len(runs) < 2:
        sys.exit("growth.py: give result files of at least two scales")
    scales = [run["meta"]["events"] for run in runs]
    print("query           " + "".join(f"{'cpu@' + str(n):>16}" for n in scales)
          + f"{'cpu x':>8}" + "".join(f"{'p50c1@' + str(n):>16}" for n in scales) + f"{'p50 x':>8}"
          + "".join(f"{'floor@' + str(n):>16}" for n in scales) + f"{'floor x':>8}")
    for kind in KINDS:
        connections = runs[0]["meta"].get("connections", 50)
        key50 = f"{kind}-c{connections}-p1"
        cpus = [cpu_ms(run["daemon"].get(key50)) for run in runs]
        p50s = [((run["daemon"].get(f"{kind}-c1-p1") or {}).get("latency_ms") or {}).get("p50") for run in runs]
        floors = [((run["floor"].get(f"{kind}-c1") or {}).get("latency_ms") or {}).get("p50") for run in runs]

        def cells(values):
            return "".join(f"{v:>16.3f}" if v is not None else f"{'-':>16}" for v in values)

        def growth(values):
            return f"{values[-1] / values[0]:>8.2f}" if values[0] and values[-1] else f"{'-':>8}"

        print(f"{kind:<16}{cells(cpus)}{growth(cpus)}{cells(p50s)}{growth(p50s)}{cells(floors)}{growth(floors)}")


if __name__ == "__main__":
    main()
