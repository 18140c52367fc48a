"""Keeps a CSV file of a timeline window up to date: rewrites it (atomically) at every change.

    python examples/timeline_csv.py --port 7701 --from 2013 --to 2015 timeline.csv

Runs until interrupted (or ``--max-updates N``). The subscription reconnects and resumes by itself; after a
resync the file is rebuilt from the fresh result. Timeline/Query answers at most 500 events: narrow the
window (or filter with --actor/--type) when it holds more.
"""

import argparse
import csv
import os
import sys
import tempfile

import chronograph

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "century": 4}
COLUMNS = ["id", "date", "lower", "upper", "type", "title", "citations"]


def timeline_order(event):
    """The daemon's ordering rule: events certainly in the window before those only possibly in it (their
    ``group``), then lower bound (open start first), finest precision first, then id."""
    date = event["date"]
    return (event.get("group") == "possible", date["lower"] is not None, date["lower"] or "",
            PRECISION_RANK[date["precision"]], event["id"])


def write_csv(path, events):
    directory = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", newline="", encoding="utf-8", dir=directory, delete=False) as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for event in sorted(events, key=timeline_order):
            citations = ";".join(f"{c['doc']}:{c['lines'][0]}-{c['lines'][1]}" for c in event["citations"])
            writer.writerow([event["id"], event["date"]["edtf"], event["date"]["lower"] or "",
                             event["date"]["upper"] or "", event["type"], event["title"], citations])
    os.replace(out.name, path)  # readers never see a half-written file


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7701)
    parser.add_argument("--from", dest="from_")
    parser.add_argument("--to")
    parser.add_argument("--actor", action="append")
    parser.add_argument("--type", action="append")
    parser.add_argument("--max-updates", type=int)
    parser.add_argument("csv")
    args = parser.parse_args(argv)
    params = {"limit": 500}
    for key, value in (("from", args.from_), ("to", args.to), ("actors", args.actor), ("types", args.type)):
        if value:
            params[key] = value
    with chronograph.Client(args.host, args.port) as client:
        with client.subscribe({"method": "chrono.v1.Timeline/Query", "params": params}) as subscription:
            for count, update in enumerate(subscription, 1):
                if update.kind == "cut_off":
                    print(f"fell behind, resuming: {update.message}", file=sys.stderr)
                    continue
                events = subscription.items().get("events", {}).values()
                write_csv(args.csv, events)
                print(f"revision {update.revision}: {len(events)} events written to {args.csv}", flush=True)
                if args.max_updates and count >= args.max_updates:
                    break
    return 0


if __name__ == "__main__":
    sys.exit(main())
