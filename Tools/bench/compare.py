#!/usr/bin/env python3
"""Checks that chronod and the floor answer the benchmark's queries alike, so their ratio compares equal work.

For the first SAMPLE lines of each request file, sends the request to chronod on 127.0.0.1:PORT and runs
floor.py's query on the SQLite file (or, with --floor-bin, asks `chrono-floor --print` for its answers), then
compares: timelines by the ordered event ids; search by the
set of entity ids; neighbours by the node set (untruncated answers only with floor.py; all, with the truncation
flag, with chrono-floor); paths by their length. The ranked search (find, chrono-floor only) is not the same
question for both: the floor ranks every match by BM25 alone, chronod ranks records holding more of the words
first; its report gives the mean share of the floor's records that chronod's first page holds too.
Prints one JSON object with, per kind, how many agreed and the first disagreement.

Usage: python3 Tools/bench/compare.py PORT DB REQUESTS_DIR [--sample 20] [--floor-bin Benchmarks/.build/release/chrono-floor]
"""
import argparse
import json
import pathlib
import socket
import subprocess

from floor import Floor


def floor_answer(floor, kind, params):
    if kind in ("timeline", "actor_timeline"):
        answer = floor.timeline(params) if kind == "timeline" else floor.actor_timeline(params)
        return [row[1] for row in answer[0]] if answer else []
    if kind == "search":
        return sorted(row[0] for row in floor.search(params))
    if kind.startswith("neighbors"):
        refs, _, truncated = floor.neighbors(params)
        return None if truncated else sorted(row[0] for row in refs)
    if kind == "path":
        refs = floor.path(params)
        return len(refs) - 1 if refs else None
    return None


def floor_bin_answers(binary, db, path, sample):
    """chrono-floor's comparable answers for the first `sample` lines of `path`, by line number."""
    output = subprocess.run([str(binary), "--db", str(db), "--requests", str(path), "--print", str(sample)],
                            check=True, capture_output=True, text=True, timeout=300).stdout
    return {item["line"]: item["answer"] for item in map(json.loads, output.splitlines())}


def daemon_answer(kind, result, exact=False):
    """The daemon's comparable answer; `exact` compares truncated neighbourhoods too (chrono-floor expands
    in the store's order, so its truncated answers are the same nodes)."""
    if exact and kind.startswith("neighbors"):
        nodes = [node["entity"]["id"] for node in result["nodes"] if node["entity"]["id"] != result["root"]["id"]]
        return {"nodes": sorted([result["root"]["id"]] + nodes), "truncated": bool(result.get("truncated"))}
    if kind in ("timeline", "actor_timeline"):
        return [event["id"] for event in result["events"]]
    if kind == "search":
        return sorted(item["entity"]["id"] for item in result["results"])
    if kind == "find":
        return [item["kind"] + ":" + item["id"] for item in result["results"]]
    if kind.startswith("neighbors"):
        if result.get("truncated"):
            return None
        return sorted([result["root"]["id"]] + [node["entity"]["id"] for node in result["nodes"]
                                                if node["entity"]["id"] != result["root"]["id"]])
    if kind == "path":
        return result["paths"][0]["length"] if result["paths"] else None
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("db", type=pathlib.Path)
    parser.add_argument("requests", type=pathlib.Path)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--floor-bin", type=pathlib.Path, help="compare with this chrono-floor instead of floor.py")
    args = parser.parse_args()
    floor = None if args.floor_bin else Floor(args.db)
    report = {}
    with socket.create_connection(("127.0.0.1", args.port), timeout=30) as connection:
        replies = connection.makefile("r", encoding="utf-8")
        for kind in ("timeline", "actor_timeline", "search", "neighbors1", "neighbors2", "path", "find"):
            path = args.requests / f"{kind}.ndjson"
            if not path.exists():
                continue
            agreed, compared, first, overlaps = 0, 0, None, []
            answers = floor_bin_answers(args.floor_bin, args.db, path, args.sample) if args.floor_bin else None
            for number, line in enumerate(path.read_text().splitlines()[: args.sample], 1):
                connection.sendall(line.replace("$ID", str(number)).encode() + b"\n")
                frame = json.loads(replies.readline())
                params = json.loads(line.replace("$ID", "0"))["params"]
                if frame.get("status") != "OK":
                    first = first or {"params": params, "daemon": frame.get("status"), "message": frame.get("message")}
                    compared += 1
                    continue
                mine = answers.get(number) if answers is not None else floor_answer(floor, kind, params)
                theirs = daemon_answer(kind, frame["result"], exact=answers is not None)
                if mine is None or theirs is None:
                    continue  # truncated or unreachable on one side: not comparable
                compared += 1
                if kind == "find" and mine:
                    overlaps.append(len(set(mine) & set(theirs)) / len(mine))
                if mine == theirs:
                    agreed += 1
                elif first is None:
                    first = {"params": params, "floor": mine, "daemon": theirs}
            report[kind] = {"compared": compared, "agreed": agreed, "first_difference": first}
            if overlaps:
                report[kind]["mean_overlap"] = round(sum(overlaps) / len(overlaps), 3)
    print(json.dumps(report, sort_keys=True))


if __name__ == "__main__":
    main()
