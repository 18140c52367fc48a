#!/usr/bin/env python3
"""Fills and corrects the `ref` of every citation in Graph/*.jsonl from the attribution table Graph/sources.json.

A citation gets the short form of every source whose attributed range in the table overlaps the citation's
lines, joined with "; " in the order the document names them (the table's `at` line); a citation that
overlaps no attributed range carries no `ref`. Files are rewritten canonically (Tools/graph_merge.py's writer),
so running the tool twice changes nothing.

Usage: python3 Tools/graph_refs.py [--graph Graph] [--table Graph/sources.json] [--seeds DIR] [--check]
  --check  writes nothing; lists every citation whose ref is missing, differs or is not in the table,
           and exits 1 if there is any.
When the source documents are found (--seeds, ../shared/seeds beside the repository, or /work/shared/seeds)
the table itself is checked first: every `at` line must contain its `says` words. Standard library only.
"""
import argparse
import json
import os
import pathlib
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graph_merge import canonical, citation_key  # noqa: E402  (one writer for Graph/)

ROOT = pathlib.Path(__file__).resolve().parent.parent


class TableError(Exception):
    """The attribution table is malformed or does not match the documents."""


def load_table(path):
    """Reads Graph/sources.json into {doc: [entry, ...]}; raises TableError naming the entry at fault."""
    try:
        data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise TableError(f"{path}: cannot read the attribution table: {error}") from error
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, dict):
        raise TableError(f"{path}: no \"documents\" object")
    table = {}
    for doc, entries in documents.items():
        if not isinstance(entries, list):
            raise TableError(f"{path}: {doc}: entries must be a list")
        for index, entry in enumerate(entries):
            where = f"{path}: {doc}[{index}]"
            if not isinstance(entry, dict) or not {"lines", "ref", "at", "says"} <= entry.keys():
                raise TableError(f"{where}: needs lines, ref, at and says")
            if entry.keys() - {"lines", "ref", "at", "says", "note"}:
                raise TableError(f"{where}: unknown field(s) {sorted(entry.keys() - {'lines', 'ref', 'at', 'says', 'note'})}")
            lines = entry["lines"]
            if (not isinstance(lines, list) or len(lines) != 2 or not all(type(x) is int for x in lines)
                    or not 1 <= lines[0] <= lines[1]):
                raise TableError(f"{where}: lines must be [first, last] with 1 <= first <= last")
            if type(entry["at"]) is not int or entry["at"] < 1:
                raise TableError(f"{where}: at must be a line number")
            for field in ("ref", "says"):
                if not isinstance(entry[field], str) or not entry[field].strip():
                    raise TableError(f"{where}: {field} must be a non-empty string")
            if "; " in entry["ref"]:
                raise TableError(f"{where}: one source per entry (\"; \" joins sources): {entry['ref']!r}")
        table[doc] = entries
    return table


def find_seeds(explicit=None):
    for candidate in ([explicit] if explicit else []) + [ROOT.parent / "shared" / "seeds", "/work/shared/seeds"]:
        if candidate and os.path.isdir(candidate):
            return pathlib.Path(candidate)
    return None


def verify_table(table, seeds):
    """Problems where the table does not match the documents: `says` absent from line `at`, ranges past the end."""
    problems = []
    for doc, entries in table.items():
        path = pathlib.Path(seeds) / doc
        if not path.exists():
            problems.append(f"sources.json: {doc}: no such document in {seeds}")
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        count = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
        for index, entry in enumerate(entries):
            where = f"sources.json: {doc}[{index}] {entry['lines']} {entry['ref']!r}"
            if entry["lines"][1] > count or entry["at"] > count:
                problems.append(f"{where}: past the end of the document ({count} lines)")
            elif entry["says"] not in lines[entry["at"] - 1]:
                problems.append(f"{where}: line {entry['at']} does not contain {entry['says']!r}")
    return problems


def expected_ref(table, doc, lines):
    """The ref a citation of `lines` in `doc` must carry, or None when its lines name no source."""
    if not isinstance(lines, list) or len(lines) != 2 or not all(type(x) is int for x in lines):
        return None
    first, last = lines
    hits = [(entry["at"], index, entry["ref"]) for index, entry in enumerate(table.get(doc, []))
            if entry["lines"][0] <= last and first <= entry["lines"][1]]
    refs = []
    for _, _, ref in sorted(hits):
        if ref not in refs:
            refs.append(ref)
    return "; ".join(refs) or None


def citation_lists(record):
    """Every citation list of a record (its own and each dispute claim's)."""
    if isinstance(record.get("citations"), list):
        yield record["citations"]
    for claim in record.get("claims") or []:
        if isinstance(claim, dict) and isinstance(claim.get("citations"), list):
            yield claim["citations"]


def fix_record(table, record):
    """Sets each citation's ref from the table; returns [(kind, doc, lines, old, new)] for every change.

    kind is "filled" (no ref before), "corrected" (another ref before) or "removed" (a ref the table does not
    support). Citations that become identical are kept once.
    """
    changes = []
    for citations in citation_lists(record):
        kept, seen = [], set()
        for citation in citations:
            if isinstance(citation, dict) and "doc" in citation:
                old = citation.get("ref")
                new = expected_ref(table, citation.get("doc"), citation.get("lines"))
                if old != new:
                    kind = "removed" if new is None else ("filled" if old is None else "corrected")
                    changes.append((kind, citation.get("doc"), citation.get("lines"), old, new))
                    if new is None:
                        citation.pop("ref", None)
                    else:
                        citation["ref"] = new
                key = citation_key(citation)
                if key in seen:
                    continue
                seen.add(key)
            kept.append(citation)
        citations[:] = kept
    return changes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", default=str(ROOT / "Graph"))
    parser.add_argument("--table", default=None, help="default: <graph>/sources.json")
    parser.add_argument("--seeds", default=None, help="folder of the source documents (to verify the table)")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    root = pathlib.Path(args.graph)
    try:
        table = load_table(args.table or root / "sources.json")
    except TableError as error:
        print(f"graph_refs: {error}", file=sys.stderr)
        return 2
    seeds = find_seeds(args.seeds)
    if seeds:
        problems = verify_table(table, seeds)
        if problems:
            print("\n".join(f"graph_refs: {p}" for p in problems), file=sys.stderr)
            return 2

    stats = {}
    stale = []
    for path in sorted(root.rglob("*.jsonl")):
        text = path.read_text(encoding="utf-8")
        out = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"graph_refs: {path}:{number}: invalid JSON: {error}", file=sys.stderr)
                return 2
            for kind, doc, lines, old, new in fix_record(table, record):
                counts = stats.setdefault(doc, {"filled": 0, "corrected": 0, "removed": 0})
                counts[kind] += 1
                if args.check:
                    what = {"filled": "missing", "corrected": "differs", "removed": "not in the table"}[kind]
                    print(f"{path}:{number}: {record.get('id')}: {doc} {lines}: ref {what}: "
                          f"has {old!r}, table says {new!r}")
            out.append(canonical(record))
        new_text = "".join(line + "\n" for line in out)
        if new_text != text:
            stale.append(path)
            if not args.check:
                path.write_text(new_text, encoding="utf-8")
    total = {kind: sum(c[kind] for c in stats.values()) for kind in ("filled", "corrected", "removed")}
    if args.check:
        if stale:
            print(f"graph_refs: {total['filled']} missing, {total['corrected']} differing, {total['removed']} "
                  f"unsupported ref(s) in {len(stale)} file(s); run python3 Tools/graph_refs.py", file=sys.stderr)
            return 1
        return 0
    for doc in sorted(stats):
        c = stats[doc]
        print(f"graph_refs: {doc}: {c['filled']} filled, {c['corrected']} corrected, {c['removed']} removed")
    print(f"graph_refs: {total['filled']} filled, {total['corrected']} corrected, {total['removed']} removed, "
          f"{len(stale)} file(s) rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
