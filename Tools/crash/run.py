#!/usr/bin/env python3
"""Crash consistency of chronod's writes under kill -9.

Builds a small graph in a temporary directory, starts the built chronod on 127.0.0.1 port 0, streams
write batches (each of several new events sharing one unique marker) from several client threads, kills
the daemon with SIGKILL at a random moment, restarts it on the same database, and checks after every
round, with the daemon stopped:

- PRAGMA integrity_check is "ok" and foreign keys hold;
- every batch the daemon acknowledged (status OK) is present, whole;
- no batch is half applied (a marker's events are all there or none is);
- the revision and the change log agree: meta.revision is the newest revision in `changes`, the
  revisions are contiguous, and each present batch sits in the change log at exactly one revision,
  the one acknowledged when it was;
- a subscription resumed after the crash replays exactly what it missed: each round's batches also name
  that round's own entity, and a `Watch/Subscribe` on that entity's timeline with `since_revision` set to
  the revision before the round must add exactly the events a fresh query returns.

At the end the checker proves itself on tampered copies (a batch half deleted, an acknowledged batch
removed, the revision moved, a revision skipped). The parts shared with the PostgreSQL variant (postgres.py) are
in workload.py. Stops by itself (rounds and a wall-clock bound), kills only the PIDs it started, prints the figures.
Usage: Tools/crash/run.py [--rounds N] [--short] [--chronod PATH] [--seed S] [--max-seconds T]
"""

import argparse
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time

from workload import BATCH_SIZE, QUERIES, REPOSITORY, THREADS, Daemon, Ledger, Writer, judge, resume_problems, \
    round_actor, tamperings, write_graph


def check(database, ledger):
    """Checks the stopped daemon's database; returns (problems, batches found)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        problems = []
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:5]}")
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            problems.append(f"foreign_key_check: {foreign[:5]}")
        rows = {name: connection.execute(sql).fetchall() for name, sql in QUERIES.items()}
        found, batches = judge(rows, ledger)
        return problems + found, batches
    finally:
        connection.close()


def self_test(database, ledger, scratch):
    """Proves the checker catches what it looks for: tampered copies must each be reported."""
    acked = sorted(marker for marker in ledger.acked)
    if len(acked) < 2:
        return ["self-test: fewer than two acknowledged batches to tamper with"]
    cases = tamperings(acked[0], acked[1])
    problems = []
    for expected, statement in cases.items():
        copy = os.path.join(scratch, "tampered.sqlite")
        source = sqlite3.connect(database)
        target = sqlite3.connect(copy)
        source.backup(target)
        source.close()
        target.executescript(statement)
        target.commit()
        target.close()
        found, _ = check(copy, ledger)
        if not any(expected in problem for problem in found):
            problems.append(f"self-test: the checker missed a tampered copy ({statement})")
        os.remove(copy)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--short", action="store_true", help="10 rounds (for CI)")
    parser.add_argument("--chronod", default=os.path.join(REPOSITORY, ".build", "debug", "chronod"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--max-seconds", type=float, default=900)
    arguments = parser.parse_args()
    rounds = 10 if arguments.short else arguments.rounds
    rng = random.Random(arguments.seed)
    scratch = tempfile.mkdtemp(prefix="chronograph-crash-")
    graph = os.path.join(scratch, "graph")
    database = os.path.join(scratch, "crash.sqlite")
    write_graph(graph)
    ledger = Ledger()
    started = time.monotonic()
    failures = []
    completed = 0
    resumed = 0
    try:
        for round_index in range(rounds):
            if time.monotonic() - started > arguments.max_seconds:
                print(f"stopping early: {arguments.max_seconds:.0f} s bound reached")
                break
            daemon = Daemon(arguments.chronod, ["--db", database], graph)
            actor, since = round_actor(daemon.port, round_index)
            writers = [Writer(daemon.port, f"w{round_index}x{index}", rng.random(), ledger, actor)
                       for index in range(THREADS)]
            for writer in writers:
                writer.start()
            time.sleep(rng.uniform(0.05, 1.0))
            daemon.kill()
            for writer in writers:
                writer.join(timeout=30)
            problems, found = check(database, ledger)
            if not problems:
                daemon = Daemon(arguments.chronod, ["--db", database], graph)
                try:
                    problems = resume_problems(daemon.port, actor, since)
                finally:
                    daemon.kill()
                resumed += 0 if problems else 1
            completed += 1
            if problems:
                failures.extend(f"round {round_index}: {problem}" for problem in problems)
                break
        _, found = check(database, ledger)
        if not failures:
            failures.extend(self_test(database, ledger, scratch))
            if not failures:
                count = len(tamperings("", ""))
                print(f"checker self-test: {count} of {count} tampered copies reported")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.monotonic() - started
    print(f"seed {arguments.seed}: {completed} kill -9 rounds in {elapsed:.1f} s; "
          f"{len(ledger.sent_markers)} batches sent, {len(ledger.acked)} acknowledged, "
          f"{found} found whole ({BATCH_SIZE} events each), refused {len(ledger.refusals)}; "
          f"{resumed} subscriptions resumed with exactly the missed events")
    for failure in failures[:20]:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
