#!/usr/bin/env python3
"""The in-process floor: the benchmark's queries run directly on chronod's SQLite file, with the best plain SQL.

Opens the database chronod built (ChronoStore schema 1 to 3, read-only) and, for each request file written
by make_requests.py, answers the same queries in process, fetching what the daemon's answer holds
(full events with participants and citations; entity refs; edges), and reports per-query latency.

Also measures the raw SQLite insert rate of the same rows: a fresh file with the same schema (read from
sqlite_master) filled by `INSERT INTO ... SELECT * FROM` the daemon's tables in one transaction (WAL,
synchronous=NORMAL), which is the most SQLite itself can do with those rows and indexes.

Runs on CPython's sqlite3 module, linked to the same system libsqlite3 as chronod; the per-call cost of
the Python binding is measured (`SELECT 1`) and reported as `python_call_overhead_ms`.

Usage: python3 Tools/bench/floor.py DB REQUESTS_DIR [--seconds 3] [--max-calls 2000] [--import-copy PATH]
Prints one JSON object.
"""
import argparse
import datetime
import json
import os
import pathlib
import sqlite3
import statistics
import time

EPOCH = datetime.date(1970, 1, 1).toordinal()
NODE_LIMIT = 200


def day(text):
    return datetime.date.fromisoformat(text).toordinal() - EPOCH


class Floor:
    def __init__(self, path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.db.execute("PRAGMA query_only = 1")
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (1, 2, 3):
            raise SystemExit(f"floor.py knows ChronoStore schemas 1 to 3 (same tables), the database has {version}")
        classes = [row[0] for row in self.db.execute("SELECT DISTINCT span_class FROM events ORDER BY 1")]
        part = (
            "SELECT * FROM (SELECT rowid, lower, precision, id FROM events WHERE span_class = {c} "
            "AND lower BETWEEN :a - {w} AND :b + {w} AND fuzzy_lower <= :b AND fuzzy_upper >= :a "
            "ORDER BY lower, precision, id LIMIT 50)"
        )
        self.window_sql = (
            "SELECT rowid FROM (" + " UNION ALL ".join(part.format(c=c, w=(1 << c) + 1) for c in classes)
            + ") ORDER BY lower, precision, id LIMIT 50"
        )

    def events(self, rowids):
        """Full events for `rowids`, in that order: row, participants with entity refs, citations."""
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        rows = {row[0]: row for row in self.db.execute(
            f"SELECT rowid, id, type, title, summary, date_edtf, date_text, lower, upper, fuzzy_lower, fuzzy_upper, "
            f"precision FROM events WHERE rowid IN ({marks})", rowids)}
        participants = self.db.execute(
            f"SELECT p.event, p.role, e.id, e.kind, e.family, e.name FROM participants p "
            f"JOIN entities e ON e.id = p.entity WHERE p.event IN ({marks}) ORDER BY p.event, p.position",
            rowids).fetchall()
        ids = [rows[rowid][1] for rowid in rowids]
        citations = self.db.execute(
            f"SELECT owner, doc, first, last, ref FROM citations WHERE owner_kind = 'event' "
            f"AND owner IN ({','.join('?' * len(ids))}) ORDER BY owner, position", ids).fetchall()
        return [rows[rowid] for rowid in rowids], participants, citations

    def timeline(self, params):
        """Events with an open start sort first: when they alone fill the page, the span-class slices are skipped."""
        window = {"a": day(params["from"]), "b": day(params["to"])}
        rowids = [row[0] for row in self.db.execute(
            "SELECT rowid FROM events WHERE lower = -1125899906842624 AND fuzzy_lower <= :b AND fuzzy_upper >= :a "
            "ORDER BY lower, precision, id LIMIT 50", window)]
        if len(rowids) < 50:
            rowids = [row[0] for row in self.db.execute(self.window_sql, window)]
        return self.events(rowids)

    def actor_timeline(self, params):
        rowids = [row[0] for row in self.db.execute(
            "SELECT e.rowid FROM participants p JOIN events e ON e.rowid = p.event WHERE p.entity = ? "
            "GROUP BY e.rowid ORDER BY e.lower, e.precision, e.id LIMIT ?",
            (params["actors"][0], params.get("limit", 50)))]
        return self.events(rowids)

    def search(self, params):
        """As the store ranks: exact id, then exact name or alias, then FTS5 prefix terms by weighted bm25."""
        hits = {}
        if self.db.execute("SELECT 1 FROM entities WHERE id = ?", (params["text"],)).fetchone():
            hits[params["text"]] = 1000
        for entity, position in self.db.execute(
                "SELECT entity, position FROM aliases WHERE normalized = ?", (params["text"].lower(),)):
            hits[entity] = max(hits.get(entity, -1), 900 if position == 0 else 800)
        match = " ".join(f'"{word}"*' for word in params["text"].split())
        for owner, score in self.db.execute(
                "SELECT owner, bm25(search, 0, 0, 10.0, 5.0, 1.0) FROM search "
                "WHERE search MATCH ? AND owner_kind = 'entity' ORDER BY 2 LIMIT 200", (match,)):
            hits[owner] = max(hits.get(owner, -1), 100 + min(699, -score))
        ranked = sorted(hits, key=lambda entity: (-hits[entity], entity))[: params.get("limit", 20)]
        return self.refs(ranked)

    def refs(self, ids):
        if not ids:
            return []
        return self.db.execute(
            f"SELECT id, kind, family, name, summary FROM entities WHERE id IN ({','.join('?' * len(ids))})",
            ids).fetchall()

    def adjacent(self, node):
        """Edges touching `node`: (edge id, type, from, to)."""
        return self.db.execute(
            "SELECT id, type, from_id, to_id FROM relations WHERE from_id = ?1 "
            "UNION ALL SELECT id, type, from_id, to_id FROM relations WHERE to_id = ?1 AND from_id != ?1",
            (node,)).fetchall()

    def neighbors(self, params):
        root, depth = params["id"], params.get("depth", 1)
        seen, edges, frontier, truncated = {root: 0}, {}, [root], False
        for level in range(1, depth + 1):
            next_frontier = []
            for node in frontier:
                for edge in self.adjacent(node):
                    other = edge[3] if edge[2] == node else edge[2]
                    if other not in seen:
                        if len(seen) > NODE_LIMIT:
                            truncated = True
                            break
                        seen[other] = level
                        next_frontier.append(other)
                    edges[edge[0]] = edge
                if truncated:
                    break
            frontier = next_frontier
            if truncated:
                break
        return self.refs(list(seen)), list(edges.values()), truncated

    def path(self, params):
        """Bidirectional breadth-first search, expanding the smaller side, up to max_depth edges."""
        source, target, limit = params["from"], params["to"], params.get("max_depth", 4)
        if source == target:
            return self.refs([source])
        parents = [{source: None}, {target: None}]
        frontiers = [[source], [target]]
        for _ in range(limit):
            side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
            next_frontier = []
            for node in frontiers[side]:
                for edge in self.adjacent(node):
                    other = edge[3] if edge[2] == node else edge[2]
                    if other in parents[side]:
                        continue
                    parents[side][other] = (node, edge)
                    if other in parents[1 - side]:
                        return self.refs(self.walk(parents, other))
                    next_frontier.append(other)
            frontiers[side] = next_frontier
            if not next_frontier:
                break
        return []

    @staticmethod
    def walk(parents, meeting):
        nodes = []
        for side in (0, 1):
            node, chain = meeting, []
            while parents[side][node] is not None:
                node = parents[side][node][0]
                chain.append(node)
            nodes = list(reversed(chain)) if side == 0 else nodes + [meeting] + chain
        return nodes

    def health(self, params):
        return self.db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()


HANDLERS = {
    "health": Floor.health, "timeline": Floor.timeline, "actor_timeline": Floor.actor_timeline,
    "search": Floor.search, "neighbors1": Floor.neighbors, "neighbors2": Floor.neighbors, "path": Floor.path,
}


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(q * len(ordered) + 0.999999) - 1))]


def measure(floor, requests_dir, seconds, max_calls):
    results = {}
    for kind, handler in HANDLERS.items():
        path = requests_dir / f"{kind}.ndjson"
        if not path.exists():
            continue
        calls = [json.loads(line.replace("$ID", "0"))["params"] for line in path.read_text().splitlines() if line]
        latencies, deadline = [], time.monotonic() + seconds
        for params in calls[:max_calls]:
            start = time.perf_counter_ns()
            handler(floor, params)
            latencies.append((time.perf_counter_ns() - start) / 1e6)
            if time.monotonic() > deadline:
                break
        results[kind] = {
            "calls": len(latencies), "mean_ms": statistics.fmean(latencies),
            "p50_ms": percentile(latencies, 0.50), "p99_ms": percentile(latencies, 0.99), "max_ms": max(latencies),
            "rps_one_thread": len(latencies) / (sum(latencies) / 1e3),
        }
    return results


def call_overhead(floor):
    start, count = time.perf_counter_ns(), 20000
    for _ in range(count):
        floor.db.execute("SELECT 1").fetchone()
    return (time.perf_counter_ns() - start) / 1e6 / count


def raw_insert(source, copy):
    """Copies every table of `source` into a fresh file with the same schema; returns rows and seconds."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(str(copy) + suffix):
            os.remove(str(copy) + suffix)
    target = sqlite3.connect(copy, isolation_level=None)
    target.execute("PRAGMA journal_mode = WAL")
    target.execute("PRAGMA synchronous = NORMAL")
    target.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
    objects = target.execute(
        "SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    virtual = [name for kind, name, sql in objects if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadow = {name for _, name, _ in objects if any(name.startswith(v + "_") for v in virtual)}
    tables = [name for kind, name, sql in objects if kind == "table" and name not in shadow]
    rows, start = 0, time.perf_counter()
    target.execute("BEGIN")
    for kind, name, sql in objects:
        if name not in shadow and not name.startswith("sqlite_"):
            target.execute(sql)
    for name in tables:
        if name.startswith("sqlite_"):
            continue
        columns = ",".join(f'"{column[1]}"' for column in target.execute(f'PRAGMA src.table_info("{name}")'))
        rows += target.execute(f'INSERT INTO main."{name}" ({columns}) SELECT {columns} FROM src."{name}"').rowcount
    target.execute("COMMIT")
    seconds = time.perf_counter() - start
    target.close()
    return {"rows": rows, "seconds": seconds, "rows_per_s": rows / seconds, "journal": "wal, synchronous=normal"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=pathlib.Path)
    parser.add_argument("requests", type=pathlib.Path)
    parser.add_argument("--seconds", type=float, default=3.0, help="time budget per query kind")
    parser.add_argument("--max-calls", type=int, default=2000)
    parser.add_argument("--import-copy", type=pathlib.Path, help="measure the raw insert rate into this new file")
    parser.add_argument("--raw-insert-only", action="store_true",
                        help="skip the queries (chrono-floor measures them at the daemon's concurrency)")
    args = parser.parse_args()
    report = {"sqlite_version": sqlite3.sqlite_version}
    if not args.raw_insert_only:
        floor = Floor(args.db)
        report["python_call_overhead_ms"] = call_overhead(floor)
        report["queries"] = measure(floor, args.requests, args.seconds, args.max_calls)
    if args.import_copy:
        report["raw_insert"] = raw_insert(args.db, args.import_copy)
    print(json.dumps(report, sort_keys=True))


if __name__ == "__main__":
    main()
