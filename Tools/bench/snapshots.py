#!/usr/bin/env python3
"""Times Snapshot/Create and Snapshot/Restore on a running chronod and compares the snapshot's
compression with gzip -6 of the same canonical bytes (issue 7). Standard library only.

Steps, each bounded by --timeout: Stats/Get -> Snapshot/Create (timed) -> the snapshot's gzip bytes
through Snapshot/Export, streamed in pieces (timed) -> inflate, check both SHA-256 against the manifest ->
gzip level 6 of the canonical bytes with Python's zlib (timed) -> Snapshot/Restore of that snapshot
(timed) -> an `as_of` read (the first one unpacks the snapshot into a cached database; timed). With --pid, chronod's CPU seconds
(user + system, process_cpu.py) and its peak RSS during each step (VmHWM, reset before the step through
/proc/PID/clear_refs) are reported too. With --db, a plain copy of the database file is timed as the
baseline. With --import-port, the exported bytes are imported in pieces into that chronod (timed; with
--import-pid, its CPU and peak RSS too). Prints one JSON object.

Usage: python3 Tools/bench/snapshots.py --port PORT [--db chrono.sqlite] [--pid PID] [--label 1e5]
           [--import-port PORT2 [--import-pid PID2]]
"""
import argparse
import gzip
import hashlib
import json
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "clients", "python", "src"))  # the chronograph package
import chronograph  # noqa: E402
import process_cpu  # noqa: E402

def cpu_seconds(pid):
    """chronod's user+system CPU seconds, or None without --pid."""
    return None if pid is None else process_cpu.cpu_seconds(pid)


def peak_rss_kb(pid):
    """chronod's VmHWM in KiB, or None without --pid."""
    if pid is None:
        return None
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def reset_peak_rss(pid):
    """Resets chronod's VmHWM to its current RSS (Linux: writing 5 to clear_refs); False where refused."""
    if pid is None:
        return False
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def timed(step, pid, call):
    """Runs call(), returns its value and records wall and chronod CPU seconds and peak RSS in `step`."""
    cpu = cpu_seconds(pid)
    peak_resettable = reset_peak_rss(pid)
    start = time.perf_counter()
    value = call()
    step["wall_s"] = round(time.perf_counter() - start, 4)
    if cpu is not None:
        step["chronod_cpu_s"] = round(cpu_seconds(pid) - cpu, 3)
    if peak_resettable:
        step["chronod_peak_rss_kb"] = peak_rss_kb(pid)
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", help="chronod's SQLite file, copied as the baseline")
    parser.add_argument("--pid", type=int, help="chronod's PID, for its CPU time and peak RSS")
    parser.add_argument("--label", default="snapshots")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per call (default 900)")
    parser.add_argument("--no-restore", action="store_true", help="skip Snapshot/Restore")
    parser.add_argument("--import-port", type=int,
                        help="another chronod (same vocabulary, without the snapshot) to time Snapshot/Import on")
    parser.add_argument("--import-pid", type=int, help="that chronod's PID, for its CPU time and peak RSS")
    args = parser.parse_args()

    report = {"label": args.label}
    with chronograph.Client(args.host, args.port, timeout=args.timeout) as client:
        stats = client.call("chrono.v1.Stats/Get")
        report["revision_before"] = stats["revision"]
        report["counts"] = stats["counts"]

        if args.db is not None:
            copy = {}
            target = args.db + ".copy"
            timed(copy, None, lambda: shutil.copyfile(args.db, target))
            copy["bytes"] = os.path.getsize(target)
            os.remove(target)
            report["file_copy"] = copy

        create = {}
        manifest = timed(create, args.pid, lambda: client.call("chrono.v1.Snapshot/Create"))
        report["create"] = create
        report["manifest"] = {key: manifest[key] for key in ("id", "revision", "size", "compressed_size")}

        export = {}
        _, compressed = timed(export, args.pid, lambda: client.save_snapshot(manifest["id"]))
        report["export"] = export
        canonical = gzip.decompress(compressed)
        report["hashes_match"] = (
            hashlib.sha256(canonical).hexdigest() == manifest["sha256"]
            and hashlib.sha256(compressed).hexdigest() == manifest["compressed_sha256"]
            and len(canonical) == manifest["size"]
        )
        gzip_step = {}
        reference = timed(gzip_step, None, lambda: gzip.compress(canonical, compresslevel=6, mtime=0))
        report["gzip6"] = {"compressed_size": len(reference), "python_wall_s": gzip_step["wall_s"]}
        report["ratio"] = {
            "snapshot": round(len(canonical) / len(compressed), 4),
            "gzip6": round(len(canonical) / len(reference), 4),
            "snapshot_size_vs_gzip6": round(len(compressed) / len(reference), 4),
        }

        if not args.no_restore:
            restore = {}
            result = timed(restore, args.pid, lambda: client.call("chrono.v1.Snapshot/Restore", {"id": manifest["id"]}))
            restore["result"] = result
            report["restore"] = restore

        if args.import_port is not None:
            into = {}
            with chronograph.Client(args.host, args.import_port, timeout=args.timeout) as target:
                timed(into, args.import_pid, lambda: target.import_snapshot(compressed, manifest))
            report["import"] = into

        as_of = {}
        timed(as_of, args.pid, lambda: client.call("chrono.v1.Stats/Get", {"as_of": manifest["id"]}))
        report["as_of_first_read"] = as_of
        as_of_again = {}
        timed(as_of_again, args.pid, lambda: client.call("chrono.v1.Stats/Get", {"as_of": manifest["id"]}))
        report["as_of_cached_read"] = as_of_again
    report["chronod_peak_rss_kb"] = peak_rss_kb(args.pid)
    print(json.dumps(report, sort_keys=True))
    return 0 if report["hashes_match"] else 1


if __name__ == "__main__":
    sys.exit(main())
