#!/usr/bin/env python3
"""Asks the team's question set (questions.jsonl) the way a user would and scores the answers.

Each question kind is asked with ONE fixed strategy: a plain `chrono` command built from the question's
`input` (the words, names or dates a person would type), the same for every question of the kind, with no
per-question parameters. The answer's record ids, in the order the user sees them, are scored on the first
page (PAGE_SIZE ids): hit rate, recall of the expected records and mean reciprocal rank of the first expected
record, by kind and overall (see scoring.py).

Without --port it starts the built chronod on 127.0.0.1 with --port 0 and a temporary database built from
Graph/, and stops it by PID at the end; with --port N it asks a daemon that is already running.

    python3 Tools/eval/run.py                        # build .build/debug/chronod and chrono first
    python3 Tools/eval/run.py --chronod BIN --chrono BIN --json before.json
    python3 Tools/eval/run.py --min-hit-rate 0.5 --min-recall 0.3 --min-mrr 0.3   # exit 1 below a floor

Exit codes: 0 figures at or above every floor; 1 a figure below its floor; 2 the run itself failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import score_question, summarise_by_kind  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"

# What a user sees first: search's default page. Applied to every kind, so the kinds compare.
PAGE_SIZE = 20

# How each kind is asked: a list of chrono commands (argument templates) and how to read their answers.
# Placeholders: {text} the input, {from}/{to} a date window ("2006-10" or "2006-10/2006-12"), {a}/{b} the
# two names of a connection, {page} PAGE_SIZE. Answers of several commands are concatenated in order.
STRATEGIES: dict[str, tuple[list[list[str]], str]] = {
    "timeline-month": ([["timeline", "--from", "{from}", "--to", "{to}", "--limit", "{page}"]], "lines"),
    "timeline-year": ([["timeline", "--from", "{from}", "--to", "{to}", "--limit", "{page}"]], "lines"),
    "topic-timeline": ([["timeline", "--text", "{text}", "--limit", "{page}"]], "lines"),
    "actor-timeline": ([["timeline", "--actor", "{text}", "--limit", "{page}"]], "lines"),
    "entity-role": ([["show", "{text}"]], "show"),
    "connection": ([["path", "{a}", "{b}"]], "path"),
    "membership-issuer": ([["neighbors", "{text}"]], "lines"),
    "topic-search": ([["find", "{text}", "--limit", "{page}"]], "lines"),
    "contested-number": (
        [["disputes", "--text", "{text}", "--limit", "{page}"], ["figures", "--text", "{text}", "--limit", "{page}"]],
        "lines",
    ),
    "contested-fact": ([["disputes", "--text", "{text}", "--limit", "{page}"]], "lines"),
}

CALL_TIMEOUT = 30.0  # seconds for one chrono call
START_TIMEOUT = 120.0  # seconds for chronod to build its database and listen


class RunError(Exception):
    """The evaluation could not run (no binary, daemon failed to start, malformed question)."""


# ---------------------------------------------------------------------------------------------------------
# Questions


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    question: str
    input: str | list[str]
    expected: list[str | None]


def load_questions(path: Path) -> list[Question]:
    questions = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                q = Question(raw["id"], raw["kind"], raw["question"], raw["input"], list(raw["expected"]))
            except (ValueError, KeyError, TypeError) as error:
                raise RunError(f"{path}:{number}: not a question record ({error})") from error
            if q.kind not in STRATEGIES:
                raise RunError(f"{path}:{number}: kind {q.kind!r} has no strategy; known: {', '.join(STRATEGIES)}")
            questions.append(q)
    return questions


def placeholders(q: Question) -> dict[str, str]:
    values = {"page": str(PAGE_SIZE)}
    if isinstance(q.input, list):
        if len(q.input) != 2 or not all(isinstance(x, str) for x in q.input):
            raise RunError(f"{q.id}: a list input must hold exactly two names")
        values["a"], values["b"] = q.input
        return values
    values["text"] = q.input
    start, _, end = q.input.partition("/")
    values["from"], values["to"] = start, end or start
    return values


def commands_for(q: Question) -> tuple[list[list[str]], str]:
    templates, reader = STRATEGIES[q.kind]
    values = placeholders(q)
    try:
        return [[part.format(**values) for part in template] for template in templates], reader
    except KeyError as error:
        raise RunError(f"{q.id}: input {q.input!r} does not fit kind {q.kind} (needs {error})") from error


# ---------------------------------------------------------------------------------------------------------
# Reading answers: every output is NDJSON; these turn it into record ids in the order the user sees them.


def record_id(obj: object) -> str | None:
    """The id of one answer line: a record itself, or a record wrapped as entity/node/edge/record/…."""
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("id"), str):
        return obj["id"]
    for key in ("record", "entity", "event", "figure", "dispute", "relation", "edge", "node", "hit", "result"):
        if key in obj:
            found = record_id(obj[key])
            if found:
                return found
    return None


def read_lines(objects: list[object]) -> list[str]:
    return [rid for rid in (record_id(o) for o in objects) if rid]


def read_show(objects: list[object]) -> list[str]:
    """`chrono show`: the entity, then its relations, events and figures, as the table prints them."""
    ids: list[str] = []
    for obj in objects:
        if not isinstance(obj, dict):
            continue
        ids += [rid for rid in [record_id(obj.get("entity"))] if rid]
        for key in ("relations", "events", "figures"):
            ids += [rid for rid in (record_id(x) for x in obj.get(key) or []) if rid]
    return ids


def read_path(objects: list[object]) -> list[str]:
    """`chrono path`: per path, each hop's relation then the node it reaches (the two typed ends left out)."""
    ids: list[str] = []
    for obj in objects:
        if not isinstance(obj, dict):
            continue
        nodes = [record_id(n) for n in obj.get("nodes") or []]
        for i, hop in enumerate(obj.get("hops") or []):
            rid = record_id(hop)
            if rid:
                ids.append(rid)
            if i + 1 < len(nodes) - 1 and nodes[i + 1]:
                ids.append(nodes[i + 1])
    return ids


READERS = {"lines": read_lines, "show": read_show, "path": read_path}


# ---------------------------------------------------------------------------------------------------------
# Talking to chrono and chronod


@dataclass
class Answer:
    ids: list[str]
    exit_codes: list[int]
    errors: list[str]


def ask(chrono: str, host: str, port: int, commands: list[list[str]], reader: str) -> Answer:
    objects: list[object] = []
    exit_codes, errors = [], []
    for command in commands:
        argv = [chrono, *command, "--format", "ndjson", "--host", host, "--port", str(port)]
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=CALL_TIMEOUT)
        except subprocess.TimeoutExpired:
            exit_codes.append(-1)
            errors.append(f"timed out after {CALL_TIMEOUT:.0f} s")
            continue
        exit_codes.append(done.returncode)
        if done.returncode == 69:
            raise RunError(f"chronod unreachable at {host}:{port}: {done.stderr.strip()}")
        if done.returncode != 0:
            errors.append(done.stderr.strip().splitlines()[0] if done.stderr.strip() else f"exit {done.returncode}")
        for line in done.stdout.splitlines():
            if line.strip():
                try:
                    objects.append(json.loads(line))
                except ValueError:
                    errors.append(f"not JSON: {line[:80]}")
    return Answer(READERS[reader](objects), exit_codes, errors)


class Daemon:
    """A chronod on 127.0.0.1:0 with a temporary database from the graph; stopped by PID."""

    def __init__(self, binary: str, graph: Path):
        self.binary, self.graph = binary, graph
        self.scratch = tempfile.mkdtemp(prefix="chrono-eval-")
        self.process: subprocess.Popen[str] | None = None
        self.port = 0

    def start(self) -> int:
        out = open(os.path.join(self.scratch, "out"), "w")
        log = open(os.path.join(self.scratch, "log"), "w")
        argv = [self.binary, "--host", "127.0.0.1", "--port", "0",
                "--db", os.path.join(self.scratch, "graph.sqlite"), "--graph", str(self.graph)]
        self.process = subprocess.Popen(argv, stdout=out, stderr=log, stdin=subprocess.DEVNULL, text=True)
        out.close()
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            with open(os.path.join(self.scratch, "out")) as f:
                for line in f:
                    if line.startswith("chronod listening on "):
                        self.port = int(line.strip().rsplit(":", 1)[1])
                        return self.port
            if self.process.poll() is not None:
                raise RunError(f"chronod exited with {self.process.returncode}: {self.log_tail()}")
            time.sleep(0.1)
        raise RunError(f"chronod did not listen within {START_TIMEOUT:.0f} s: {self.log_tail()}")

    def log_tail(self) -> str:
        with open(os.path.join(self.scratch, "log")) as f:
            return " | ".join(f.read().strip().splitlines()[-3:])

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.scratch, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------
# Report


def run(questions: list[Question], chrono: str, host: str, port: int) -> dict:
    kinds_and_scores, details = [], []
    for q in questions:
        commands, reader = commands_for(q)
        answer = ask(chrono, host, port, commands, reader)
        score = score_question(answer.ids, q.expected, PAGE_SIZE)
        kinds_and_scores.append((q.kind, score))
        details.append({
            "id": q.id, "kind": q.kind, "question": q.question, "input": q.input,
            "commands": [" ".join(["chrono", *c]) for c in commands],
            "exit_codes": answer.exit_codes, "errors": answer.errors,
            "first_page": answer.ids[:PAGE_SIZE], "expected": [e for e in q.expected if e],
            "found": list(score.found), "first_rank": score.first_rank,
            "hit": score.hit, "recall": score.recall, "reciprocal_rank": score.reciprocal_rank,
        })
    by_kind, overall = summarise_by_kind(kinds_and_scores)
    return {
        "page_size": PAGE_SIZE,
        "strategies": {kind: [" ".join(c) for c in templates] for kind, (templates, _) in STRATEGIES.items()},
        "by_kind": {kind: s.as_dict() for kind, s in by_kind.items()},
        "overall": overall.as_dict(),
        "questions": details,
    }


def print_report(report: dict, misses: bool) -> None:
    if misses:
        for d in report["questions"]:
            if d["recall"] < 1.0:
                status = f"exit {','.join(map(str, d['exit_codes']))}"
                missing = [e for e in d["expected"] if e not in d["found"]]
                print(f"{d['id']:10} {status:9} rank {d['first_rank'] or '-':>2}  missing {', '.join(missing)}")
                for error in d["errors"][:1]:
                    print(f"{'':10} {error}")
        print()
    print(f"Question set: {report['overall']['questions']} questions, first page = {report['page_size']} records")
    print(f"{'KIND':20} {'N':>3} {'HIT RATE':>9} {'RECALL':>7} {'MRR':>6}")
    rows = list(report["by_kind"].items()) + [("overall", report["overall"])]
    for kind, s in rows:
        print(f"{kind:20} {s['questions']:>3} {s['hit_rate']:>9.3f} {s['recall']:>7.3f} {s['mrr']:>6.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chronod", default=str(REPO / ".build/debug/chronod"), help="chronod to start")
    parser.add_argument("--chrono", default=str(REPO / ".build/debug/chrono"), help="chrono CLI to ask with")
    parser.add_argument("--graph", default=str(REPO / "Graph"), help="graph the started daemon imports")
    parser.add_argument("--host", default="127.0.0.1", help="host of a running daemon (with --port)")
    parser.add_argument("--port", type=int, help="ask a running chronod on this port instead of starting one")
    parser.add_argument("--questions", default=str(QUESTIONS), help="question file (JSON lines)")
    parser.add_argument("--json", metavar="FILE", help="also save the full report, question by question")
    parser.add_argument("--misses", action="store_true", help="list the questions whose first page lacks records")
    parser.add_argument("--min-hit-rate", type=float, default=0.0, help="fail (exit 1) below this overall hit rate")
    parser.add_argument("--min-recall", type=float, default=0.0, help="fail (exit 1) below this overall recall")
    parser.add_argument("--min-mrr", type=float, default=0.0, help="fail (exit 1) below this overall MRR")
    args = parser.parse_args(argv)

    try:
        questions = load_questions(Path(args.questions))
        if not os.access(args.chrono, os.X_OK):
            raise RunError(f"no chrono at {args.chrono} (build first, or pass --chrono)")
        daemon = None
        if args.port is None:
            if not os.access(args.chronod, os.X_OK):
                raise RunError(f"no chronod at {args.chronod} (build first, or pass --chronod)")
            daemon = Daemon(args.chronod, Path(args.graph))
        try:
            port = daemon.start() if daemon else args.port
            report = run(questions, args.chrono, args.host if daemon is None else "127.0.0.1", port)
        finally:
            if daemon:
                daemon.stop()
    except RunError as error:
        print(f"eval: {error}", file=sys.stderr)
        return 2

    print_report(report, args.misses)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    overall, failed = report["overall"], []
    for name, key, floor in (("hit rate", "hit_rate", args.min_hit_rate), ("recall", "recall", args.min_recall),
                             ("MRR", "mrr", args.min_mrr)):
        if overall[key] < floor:
            failed.append(f"{name} {overall[key]:.3f} is under the floor {floor:.3f}")
    for message in failed:
        print(f"eval: {message}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
