#!/usr/bin/env python3
"""Crash consistency and failover of chronod on PostgreSQL (issue 18, item 5).

Starts its own primary and synchronous streaming replica (Tools/pg/start.sh --synchronous: a commit returns once
the replica has flushed it) and two chronod nodes on 127.0.0.1 port 0: A writes and reads on the primary, B writes
on the primary and reads on the replica (--read-url). The nodes reach the servers through addresses of their own,
symbolic links to the servers' sockets (`<scratch>/primary/.s.PGSQL.5432`, `<scratch>/replica/.s.PGSQL.5433`):
moving a link is this test's virtual IP. Each round writes its own entity, starts a live timeline subscription
on it at each node and concurrent write batches through both nodes, then injects one fault during the writes:

- kill:     kill -9 of one node (A and B in turn), restarted on the same database;
- stop:     `pg_ctl stop -m immediate` of the primary, started again;
- listen:   the nodes' LISTEN connections terminated by the server (pg_terminate_backend);
- failover: the primary stopped immediately, the replica promoted (`pg_ctl promote`) and both addresses moved
            to it; later rounds run on the promoted server alone.

After the fault, new writes must succeed through both nodes within 30 s. Then, writes stopped, it checks:

- pg_amcheck (heap and B-tree indexes) finds nothing;
- workload.judge on the primary: every acknowledged batch present and whole (after the failover: on the promoted
  server, which synchronous replication makes complete), none half applied, each at its acknowledged revision,
  revisions gap-free and meta.revision the newest in the change log;
- a live subscription that outlived the fault (any but the killed node's) delivered each event once, in rising
  revisions, adding up to a fresh query. At a failover every subscription must end, with ABORTED (the epoch
  changed) or UNAVAILABLE (its node's read failed as the primary went away; also allowed at a stop), never
  silently; resumed with since_revision at the last revision it received, it replays exactly what a fresh query
  has beyond what it had, and nothing it had is gone;
- a subscription resumed at each node with since_revision = the revision before the round adds exactly the
  round's events.

At the end the checker proves itself on tampered states (workload.tamperings, each applied in a transaction that
is rolled back). Every wait is bounded; it kills only the PIDs it started and stops and removes its cluster
(Tools/pg/stop.sh) whatever happens.
Usage: Tools/crash/postgres.py [--rounds N] [--short] [--chronod PATH] [--seed S] [--max-seconds T]
"""

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from workload import BATCH_SIZE, QUERIES, REPOSITORY, THREADS, Daemon, Ledger, Subscriber, Writer, judge, \
    resume_problems, round_actor, tamperings, timeline, write_graph

# The socket ports of the clusters start.sh makes (p, r), and of the links the nodes are given (by role).
PORTS = {"p": 5432, "r": 5433, "primary": 5432, "replica": 5433}


class Cluster:
    """The primary (`p`) and replica (`r`) Tools/pg/start.sh started in `directory`, and the addresses the nodes
    use to reach them."""

    def __init__(self, scratch):
        output = subprocess.run([os.path.join(REPOSITORY, "Tools", "pg", "start.sh"), "--synchronous"],
                                check=True, capture_output=True, text=True, timeout=300).stdout
        exports = dict(line.removeprefix("export ").split("=", 1) for line in output.splitlines())
        self.directory = exports["CHRONO_PG_DIR"].strip("'")
        with open(os.path.join(self.directory, "p", "PG_VERSION"), encoding="utf-8") as handle:
            self.bin = f"/usr/lib/postgresql/{handle.read().strip()}/bin"
        self.primary, self.replica = "p", "r"
        self.addresses = {role: os.path.join(scratch, role) for role in ("primary", "replica")}
        for role, cluster in (("primary", "p"), ("replica", "r")):
            os.mkdir(self.addresses[role])
            self.point(role, cluster)

    def socket(self, cluster):
        return os.path.join(self.directory, f".s.PGSQL.{PORTS[cluster]}")

    def address(self, role):
        """The location chronod is given for `role`: a link named like the socket it leads to."""
        return f"unix:{self.addresses[role]}/.s.PGSQL.{PORTS[role]}"

    def point(self, role, cluster):
        """Moves `role`'s address to `cluster`'s socket (atomically: a new link renamed over the old)."""
        link = os.path.join(self.addresses[role], f".s.PGSQL.{PORTS[role]}")
        os.symlink(self.socket(cluster), link + ".new")
        os.replace(link + ".new", link)

    def pg_ctl(self, cluster, *arguments):
        command = [os.path.join(self.bin, "pg_ctl"), "-D", os.path.join(self.directory, cluster), "-w", "-t", "30",
                   *arguments]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def stop_immediately(self, cluster):
        self.pg_ctl(cluster, "-m", "immediate", "stop")

    def start(self, cluster):
        self.pg_ctl(cluster, "-l", os.path.join(self.directory, f"{cluster}.log"), "start")

    def fail_over(self):
        """Stops the primary immediately, promotes the replica and moves both addresses to it."""
        self.stop_immediately(self.primary)
        self.pg_ctl(self.replica, "promote")
        self.primary = self.replica
        for role in self.addresses:
            self.point(role, self.primary)

    def psql(self, script):
        """Runs `script` on the primary; returns psql's unaligned output lines."""
        command = [os.path.join(self.bin, "psql"), "-h", self.directory, "-p", str(PORTS[self.primary]),
                   "-U", "postgres", "-d", "postgres", "-XAtq", "-v", "ON_ERROR_STOP=1", "-f", "-"]
        return subprocess.run(command, input=script, check=True, capture_output=True, text=True,
                              timeout=60).stdout.splitlines()

    def rows(self, tampering=None):
        """QUERIES' rows in one snapshot of the primary, after `tampering` (rolled back with the snapshot)."""
        script = ["BEGIN ISOLATION LEVEL REPEATABLE READ;", f"{tampering};" if tampering else ""]
        for name, sql in QUERIES.items():
            script += [f"\\echo @{name}", f"{sql};"]
        script.append("ROLLBACK;")
        rows, section = {}, None
        for line in self.psql("\n".join(script)):
            if line.startswith("@") and line[1:] in QUERIES:
                section = rows.setdefault(line[1:], [])
            else:
                section.append(tuple(int(field) if field.isdigit() else field for field in line.split("|")))
        return rows

    def amcheck_problems(self):
        """pg_amcheck over the primary's database (heap and B-tree indexes)."""
        command = [os.path.join(self.bin, "pg_amcheck"), "-h", self.directory, "-p", str(PORTS[self.primary]),
                   "-U", "postgres", "-d", "postgres", "--install-missing", "--heapallindexed"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        return [] if result.returncode == 0 else [f"pg_amcheck: {(result.stdout + result.stderr)[:500]}"]

    def remove(self):
        subprocess.run([os.path.join(REPOSITORY, "Tools", "pg", "stop.sh"), self.directory], timeout=180)


class Nodes:
    """The two chronod nodes; `restart` replaces one killed."""

    def __init__(self, chronod, cluster, graph, scratch):
        primary = ["--store", cluster.address("primary")]
        self.stores = {"A": primary, "B": primary + ["--read-url", cluster.address("replica")]}
        self.chronod, self.graph = chronod, graph
        # The nodes' scratch stores (`as_of`) go under the run's directory, removed with it.
        self.environment = {"TMPDIR": os.path.join(scratch, "tmp")}
        os.mkdir(self.environment["TMPDIR"])
        self.logs = {name: os.path.join(scratch, f"node-{name}.log") for name in self.stores}
        self.daemons = {}
        for name in self.stores:
            self.restart(name)

    def restart(self, name):
        self.daemons[name] = Daemon(self.chronod, self.stores[name], self.graph, self.environment, log=self.logs[name])

    def port(self, name):
        return self.daemons[name].port

    def print_logs(self, lines=20):
        for name, path in self.logs.items():
            with open(path, encoding="utf-8", errors="replace") as handle:
                print(f"--- node {name}'s log (last {lines} lines)\n" + "".join(handle.readlines()[-lines:]))

    def kill_all(self):
        for daemon in self.daemons.values():
            daemon.kill()


def wait_until(predicate, timeout, pause=0.05):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(pause)
    return True


def readable(port, actor, revision):
    """Whether a node's timeline of `actor` reads at `revision` or later."""
    try:
        return timeline(port, actor)[1] >= revision
    except (OSError, KeyError, ValueError):
        return False


class Run:
    """The nodes, the ledger and the figures of one run of rounds."""

    def __init__(self, arguments, scratch, cluster, ledger):
        self.arguments, self.cluster, self.ledger = arguments, cluster, ledger
        self.rng = random.Random(arguments.seed)
        graph = os.path.join(scratch, "graph")
        write_graph(graph)
        self.nodes = Nodes(arguments.chronod, cluster, graph, scratch)
        self.figures = {"rounds": {}, "resumed": 0, "ended": {}, "delivered": 0, "found": 0}

    def writers(self, round_index, actor, stop, names, wave):
        started = [Writer(self.nodes.port(name), f"w{round_index}{name.lower()}{wave}{thread}", self.rng.random(),
                          self.ledger, actor, stop) for name in names for thread in range(THREADS)]
        for writer in started:
            writer.start()
        return started

    def round(self, round_index, fault):
        """Runs one round with `fault`; returns its problems."""
        actor, since = round_actor(self.nodes.port("A"), round_index)
        for name in self.nodes.daemons:
            if not wait_until(lambda: readable(self.nodes.port(name), actor, since), 30):
                return [f"node {name} does not read revision {since} after 30 s"]
        subscribers = {name: Subscriber(self.nodes.port(name), actor) for name in self.nodes.daemons}
        for subscriber in subscribers.values():
            subscriber.start()
        stop = threading.Event()
        writers = self.writers(round_index, actor, stop, self.nodes.daemons, "x")
        time.sleep(self.rng.uniform(0.2, 1.0))
        victim = "AB"[round_index % 2]
        if fault == "kill":
            self.nodes.daemons[victim].kill()
            self.nodes.restart(victim)
        elif fault == "stop":
            self.cluster.stop_immediately(self.cluster.primary)
            time.sleep(self.rng.uniform(0.0, 0.5))
            self.cluster.start(self.cluster.primary)
        elif fault == "listen":
            self.cluster.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE application_name = 'chronograph-commit-feed';")
        else:
            self.cluster.fail_over()
        # New writes through both nodes must succeed once the fault is over.
        writers += self.writers(round_index, actor, stop, self.nodes.daemons, "y")
        recovered = wait_until(lambda: all(any(marker.startswith(f"w{round_index}{name.lower()}y")
                                               for marker in list(self.ledger.acked))
                                           for name in self.nodes.daemons), 30)
        time.sleep(0.2)
        stop.set()
        for writer in writers:
            writer.join(timeout=30)
        problems = [] if recovered else [f"no write acknowledged through both nodes 30 s after the {fault}"]
        problems += self.check(fault, actor, since, subscribers, victim)
        self.figures["rounds"][fault] = self.figures["rounds"].get(fault, 0) + 1
        return problems

    def check(self, fault, actor, since, subscribers, victim):
        """The checks after a round, writes stopped (the module's docstring)."""
        problems = self.cluster.amcheck_problems()
        found, self.figures["found"] = judge(self.cluster.rows(), self.ledger)
        problems += found
        for name, subscriber in subscribers.items():
            port = self.nodes.port(name)
            if fault == "kill" and name == victim:
                pass  # cut with its node; resumed below
            elif fault == "failover" and not wait_until(lambda: subscriber.status is not None, 30):
                problems.append(f"node {name}: the subscription did not end within 30 s of the failover")
            elif subscriber.status is None:
                expected, revision = timeline(port, actor)
                if not subscriber.wait_for(revision, 30):
                    problems.append(f"node {name}: the subscription did not reach revision {revision} in 30 s")
                delivered = subscriber.delivery_problems(expected)
                problems += [f"node {name}: {problem}" for problem in delivered]
                self.figures["delivered"] += 0 if delivered else 1
            elif subscriber.status in self.explicit_ends(fault):
                # An explicit end: resumed from the last revision it received, it must miss nothing.
                self.figures["ended"][subscriber.status] = self.figures["ended"].get(subscriber.status, 0) + 1
                resumed = resume_problems(port, actor, subscriber.revision, subscriber.received())
                problems += [f"node {name}: {problem}" for problem in resumed]
                self.figures["resumed"] += 0 if resumed else 1
            else:
                problems.append(f"node {name}: the subscription ended with {subscriber.status} after the {fault}")
            subscriber.close()
            resumed = resume_problems(port, actor, since)
            problems += [f"node {name}: {problem}" for problem in resumed]
            self.figures["resumed"] += 0 if resumed else 1
        return problems

    @staticmethod
    def explicit_ends(fault):
        """How a live subscription may end at `fault` (at a stop and a failover, its node's reads may fail
        while the primary is away: UNAVAILABLE); any other end, or none at a failover, is a failure."""
        return {"stop": {"UNAVAILABLE"}, "failover": {"ABORTED", "UNAVAILABLE"}}.get(fault, set())

    def self_test(self):
        """Proves the checker catches what it looks for: each tampered state must be reported."""
        acked = sorted(self.ledger.acked)
        if len(acked) < 2:
            return ["self-test: fewer than two acknowledged batches to tamper with"]
        problems = []
        for expected, statement in tamperings(acked[0], acked[1]).items():
            found, _ = judge(self.cluster.rows(statement), self.ledger)
            if not any(expected in problem for problem in found):
                problems.append(f"self-test: the checker missed a tampered state ({statement})")
        return problems


def plan(rounds):
    """The faults in order: kill, stop and listen rounds in turn, then the failover, then one kill round on the
    promoted server."""
    cycle = ["kill", "stop", "kill", "listen"]
    return [cycle[index % len(cycle)] for index in range(rounds)] + ["failover", "kill"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=12, help="rounds before the failover")
    parser.add_argument("--short", action="store_true", help="4 rounds before the failover (for CI)")
    parser.add_argument("--chronod", default=os.path.join(REPOSITORY, ".build", "debug", "chronod"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--max-seconds", type=float, default=600,
                        help="no new round before the failover starts after this many seconds")
    arguments = parser.parse_args()
    faults = plan(4 if arguments.short else arguments.rounds)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    scratch = tempfile.mkdtemp(prefix="chrono-pgcrash-")
    ledger = Ledger()
    failures, completed, run, cluster, finished = [], 0, None, None, False
    try:
        cluster = Cluster(scratch)
        run = Run(arguments, scratch, cluster, ledger)
        for round_index, fault in enumerate(faults):
            # The last two rounds (the failover and the round after it) always run.
            if round_index < len(faults) - 2 and time.monotonic() - started > arguments.max_seconds:
                continue
            problems = run.round(round_index, fault)
            completed += 1
            if problems:
                failures.extend(f"round {round_index} ({fault}): {problem}" for problem in problems)
                break
        if not failures:
            failures.extend(run.self_test())
            if not failures:
                count = len(tamperings("", ""))
                print(f"checker self-test: {count} of {count} tampered states reported")
        finished = True
    finally:
        if run is not None:
            run.nodes.kill_all()
            if failures or not finished:
                run.nodes.print_logs()
        if cluster is not None:
            cluster.remove()
        shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.monotonic() - started
    figures = run.figures if run else {"rounds": {}, "resumed": 0, "ended": {}, "delivered": 0, "found": 0}
    refusals = {}
    for status in ledger.refusals.values():
        refusals[status] = refusals.get(status, 0) + 1
    print(f"seed {arguments.seed}: {completed} rounds ({figures['rounds']}) in {elapsed:.1f} s; "
          f"{len(ledger.sent_markers)} batches sent, {len(ledger.acked)} acknowledged, "
          f"{figures['found']} found whole ({BATCH_SIZE} events each), refused {refusals}; {figures['delivered']} live subscriptions delivered "
          f"exactly, ended (then resumed from their last revision) {figures['ended']}, {figures['resumed']} resumed "
          f"exactly")
    for failure in failures[:20]:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
