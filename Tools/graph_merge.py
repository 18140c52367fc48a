#!/usr/bin/env python3
"""Merges and canonicalises the Graph/ record files.

Reads every *.jsonl under Graph/ (drafts included), unions records that share a kind and an id
(aliases, attributes, dates, participants, citations, claims), and writes one sorted file per
record kind (Graph/entities.jsonl, events.jsonl, ...), one JSON object per line with sorted keys.
With --drop-drafts the Graph/drafts/ folder is removed afterwards.

Usage: python3 Tools/graph_merge.py [--graph Graph] [--drop-drafts] [--check]
  --check  exits 1 if the files are not already canonical (for CI), writes nothing.
"""
import argparse
import json
import pathlib
import shutil
import sys

FILES = {
    "document": "documents.jsonl",
    "entity": "entities.jsonl",
    "event": "events.jsonl",
    "relation": "relations.jsonl",
    "dispute": "disputes.jsonl",
    "figure": "figures.jsonl",
}


def citation_key(citation):
    return (citation.get("doc"), tuple(citation.get("lines", [])), citation.get("ref"))


def union_list(first, second, key=lambda item: json.dumps(item, sort_keys=True)):
    seen = {key(item) for item in first}
    merged = list(first)
    for item in second:
        if key(item) not in seen:
            seen.add(key(item))
            merged.append(item)
    return merged


def union_map(first, second):
    merged = dict(first)
    for name, value in second.items():
        merged.setdefault(name, value)
    return merged


def merge(first, second):
    """Unions `second` into `first`; scalar fields of `first` win."""
    merged = dict(first)
    for field, value in second.items():
        if field not in merged or merged[field] in (None, "", [], {}):
            merged[field] = value
        elif field == "citations":
            merged[field] = union_list(merged[field], value, citation_key)
        elif field == "aliases":
            merged[field] = union_list(merged[field], value, lambda alias: alias)
        elif field in ("attributes", "dates"):
            merged[field] = union_map(merged[field], value)
        elif field == "participants":
            merged[field] = union_list(merged[field], value, lambda p: (p.get("entity"), p.get("role")))
        elif field == "claims":
            merged[field] = union_list(merged[field], value, lambda claim: claim.get("claim"))
    if "aliases" in merged:
        merged["aliases"] = [alias for alias in merged["aliases"] if alias != merged.get("name")]
    return merged


def integral(value):
    """Writes whole numbers without a fraction (3, not 3.0), as the daemon's canonical export does."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [integral(item) for item in value]
    if isinstance(value, dict):
        return {key: integral(item) for key, item in value.items()}
    return value


def canonical(record):
    if record.get("record") == "entity":
        # Snapshots export every entity with its (possibly empty) alias list; the files match them byte for byte.
        record = {"aliases": [], **record}
    return json.dumps(integral(record), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", default="Graph")
    parser.add_argument("--drop-drafts", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    root = pathlib.Path(args.graph)

    records = {}
    errors = []
    for path in sorted(root.rglob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                errors.append(f"{path}:{number}: invalid JSON: {error}")
                continue
            kind = record.get("record")
            if kind not in FILES or not isinstance(record.get("id"), str):
                errors.append(f"{path}:{number}: unknown record kind or missing id")
                continue
            key = (kind, record["id"])
            records[key] = merge(records[key], record) if key in records else record
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2

    outputs = {name: [] for name in FILES.values()}
    for (kind, _), record in sorted(records.items(), key=lambda item: (item[0][0], item[0][1])):
        outputs[FILES[kind]].append(canonical(record))

    stale = []
    for name, lines in outputs.items():
        path = root / name
        text = "".join(line + "\n" for line in lines)
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            stale.append(name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    drafts = root / "drafts"
    if args.check:
        if stale or drafts.exists():
            print(f"graph_merge: not canonical: {', '.join(stale) or 'drafts/ present'}", file=sys.stderr)
            return 1
        return 0
    if args.drop_drafts and drafts.exists():
        shutil.rmtree(drafts)
    counts = {name[: -len(".jsonl")]: len(lines) for name, lines in outputs.items()}
    print("graph_merge: " + ", ".join(f"{count} {name}" for name, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
