#!/usr/bin/env python3
"""Lint the Graph/ folder: format, references, vocabulary, EDTF dates and citations.

Run from the repository root:  python3 Tools/graph_lint.py [--only a|b|c] [--warnings] [--coverage]

Loads every Graph/**/*.jsonl, merges records of one kind that share an id (union of aliases,
attributes, participants, claims and citations, as Tools/graph_merge.py does) and reports each
problem as `file:line: error: ...`.
When the source documents are present (../shared/seeds relative to the repository root, or
/work/shared/seeds) it also applies the citation content rule of Graph/README.md.
It also checks meaning that a program can see (issue 17): each closed end of a date interval is named by
the record's own cited lines; no alias is a bare number, a lone generic word, a designator such as
"Article 15" that another instrument's name carries, or a form shared by two entities; no moved_to/left
relation rests only on a stock table (STOCK_TABLES); no group is both abroad and at home (check_direction).
Tests: python3 -m unittest discover -s Tools -p 'test_graph_lint.py'.
With --coverage it prints, instead of the summary, the Markdown coverage tables that end Graph/README.md
(counts by record kind, entity family and kind, and by document); errors then go to stderr.
Exits 1 when there are errors. Standard library only.
"""

import argparse
import calendar
import glob
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import graph_refs  # noqa: E402  (the ref rule's one implementation)

# Required and optional fields per record kind, as ChronoGraph's GraphRecordParser reads them (it rejects
# unknown fields); `subject` of disputes and figures is optional there but required by Graph/README.md.
RECORD_FIELDS = {
    "document": ({"record", "id", "title", "lines"}, set()),
    "entity": ({"record", "id", "kind", "name", "citations"},
               {"aliases", "summary", "attributes", "number", "dates"}),
    "event": ({"record", "id", "type", "title", "date", "participants", "citations"}, {"summary"}),
    "relation": ({"record", "id", "type", "from", "to", "citations"}, {"date", "summary"}),
    "dispute": ({"record", "id", "subject", "topic", "claims"}, set()),
    "figure": ({"record", "id", "subject", "measure", "value", "qualifier", "unit", "citations"}, {"date", "high"}),
}
INSTRUMENT_DATE_KEYS = {"adopted", "signed", "in_force", "amended", "ratified", "expires"}
QUALIFIERS = {"exact", "over", "under", "about", "almost"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)*$")
EVENT_ID_RE = re.compile(r"^[0-9]{3}[0-9x]-")

# The EDTF subset the project's parser accepts: YYYY, YYYY-MM, YYYY-MM-DD, a year ending in X or XX
# (decade, century), each optionally followed by ?, ~ or %; intervals a/b with an open (..) or empty end.
EDTF_PART_RE = re.compile(r"^(?:[0-9]{4}(?:-(0[1-9]|1[0-2])(?:-([0-3][0-9]))?)?|[0-9]{3}X|[0-9]{2}XX)[?~%]?$")

# Aliases that name a kind of thing, not one thing (issue 17): a lone generic word is no alias unless it is the
# entity's own name ("Refugees" may keep "refugees").
STOP_WORD_ALIASES = {
    "police", "government", "authorities", "ministry", "president", "court", "army", "agency",
    "azerbaijanis", "azeri", "azeris", "azerbaijani", "citizens", "nationals", "people", "population",
    "migrants", "emigrants", "immigrants", "immigrant", "refugees", "foreigners", "illegals", "workers",
    "law", "decree", "agreement", "agreements", "treaty", "convention", "code", "article", "paragraph", "programme",
    "the", "a", "an", "of", "and", "state", "country", "countries", "republic",
}
BARE_NUMBER_RE = re.compile(r"^[0-9][0-9\s.,\-–/]*$")
# A designator without its instrument ("Article 15", "Paragraph 10", "Part 2"): ambiguous as soon as another
# entity's name carries the same designator.
DESIGNATOR_RE = re.compile(r"^(article|art\.|paragraph|para\.|part|clause|section|chapter|item)\s*[0-9][0-9\-.]*$", re.I)
# Stock tables: how many people live somewhere at a date (World Bank factbook boxes in 003). A moved_to/left
# relation citing only these lines turns a stock into a move (review §4.3). {document: [(first, last), ...]}
STOCK_TABLES = {
    "003_d94e756ed0cfba1e.txt": [(74, 92), (102, 118)],
}
HOME_STATE = "azerbaijan"

FOLD = {"ə": "e", "ı": "i", "ß": "ss", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe",
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
        "‟": '"', "«": '"', "»": '"', "–": "-", "—": "-", "\u00a0": " "}


class Report:
    """Collects errors and warnings, filtered by drafts folder."""

    def __init__(self, only, show_warnings):
        self.only = only
        self.show_warnings = show_warnings
        self.errors = []
        self.warnings = []
        self.hidden_errors = 0

    def _visible(self, where):
        return self.only is None or f"Graph/drafts/{self.only}/" in where[0]

    def error(self, where, message):
        if self._visible(where):
            self.errors.append(f"{where[0]}:{where[1]}: error: {message}")
        else:
            self.hidden_errors += 1

    def warning(self, where, message):
        if self._visible(where):
            self.warnings.append(f"{where[0]}:{where[1]}: warning: {message}")


def normalise(text):
    """Lowercase, fold diacritics and quotes, collapse white space (the README's rule)."""
    text = text.lower()
    text = "".join(FOLD.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip()


def join_lines(lines):
    """Join lines with spaces, re-joining words hyphenated at a line end."""
    out = ""
    for line in lines:
        line = line.rstrip("\n").rstrip()
        if out and re.search(r"[A-Za-zÀ-ɏ]-$", out) and re.match(r"\s*[A-Za-zÀ-ɏ]", line):
            out = out[:-1] + line.lstrip()
        else:
            out = (out + " " + line) if out else line
    return out


def edtf_part_valid(part):
    m = EDTF_PART_RE.match(part)
    if not m:
        return False
    if m.group(2):
        year, month, day = int(part[:4]), int(m.group(1)), int(m.group(2))
        length = calendar.monthrange(year, month)[1]
        return 1 <= day <= length
    return True


def edtf_valid(value):
    if not isinstance(value, str) or not value:
        return False
    parts = value.split("/")
    if len(parts) == 1:
        return edtf_part_valid(value)
    if len(parts) != 2 or all(p in ("", "..") for p in parts):
        return False
    if not all(p in ("", "..") or edtf_part_valid(p) for p in parts):
        return False
    lo, hi = year_bounds(parts[0]), year_bounds(parts[1])
    return not (lo and hi and lo[0] > hi[1])


def year_bounds(part):
    """Strict year bounds of one EDTF date (no interval), or None when open/unknown."""
    if part in ("", ".."):
        return None
    m = re.match(r"^(-?)([0-9X]{4})", part)
    if not m or m.group(1):
        return None
    digits = m.group(2)
    return int(digits.replace("X", "0")), int(digits.replace("X", "9"))


def edtf_years(value):
    """(low, high) year bounds of an EDTF value; an open end takes the closed end's year."""
    parts = value.split("/") if "/" in value else [value, value]
    lo, hi = year_bounds(parts[0]), year_bounds(parts[1])
    if lo is None and hi is None:
        return None
    lo = lo or hi
    hi = hi or lo
    return lo[0], hi[1]


def number_forms(value):
    """Ways a document may write a number (README rule: separators and thousands)."""
    forms = set()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return forms

    def render(v):
        out = set()
        if float(v).is_integer():
            n = int(v)
            s = str(abs(n))
            out.add(s)
            if abs(n) >= 1000:
                groups = []
                while s:
                    groups.insert(0, s[-3:])
                    s = s[:-3]
                for sep in (",", " ", "."):
                    out.add(sep.join(groups))
        else:
            s = repr(float(v)).rstrip("0")
            ip, fp = s.split(".")
            out.add(s)
            out.add(ip + "," + fp)
            ipi = int(ip)
            if ipi >= 1000:
                for f in render(ipi):
                    out.add(f + "." + fp)
        return out

    forms |= render(value)
    if abs(value) >= 1000:
        forms |= render(round(value / 1000, 6))
    return forms


def contains_number(text, forms):
    for f in forms:
        if re.search(rf"(?<![0-9]){re.escape(f)}(?![0-9])", text):
            return True
    return False


def parse_numbers(claim):
    """Numbers written in a dispute claim."""
    values = []
    for m in re.finditer(r"[0-9][0-9,. ]*[0-9]|[0-9]", claim):
        raw = m.group(0).strip()
        candidates = {raw, raw.replace(",", "").replace(" ", "")}
        if re.fullmatch(r"[0-9]{1,3}([, ][0-9]{3})+(\.[0-9]+)?", raw):
            candidates.add(raw.replace(",", "").replace(" ", ""))
        for c in candidates:
            try:
                values.append(float(c) if "." in c else int(c))
            except ValueError:
                pass
    return values


def find_seeds(root):
    for cand in (os.path.join(root, "..", "shared", "seeds"), "/work/shared/seeds"):
        if os.path.isdir(cand):
            return os.path.abspath(cand)
    return None


class Linter:
    def __init__(self, root, report):
        self.root = root
        self.report = report
        with open(os.path.join(root, "Graph", "vocabulary.json"), encoding="utf-8") as fh:
            vocab = json.load(fh)
        self.entity_kinds = set(vocab["entity_kinds"]["actor"]) | set(vocab["entity_kinds"]["instrument"])
        self.instrument_kinds = set(vocab["entity_kinds"]["instrument"])
        self.relation_types = set(vocab["relation_types"])
        self.event_types = set(vocab["event_types"])
        self.roles = set(vocab["participant_roles"])
        self.records = []  # (where, record)
        self.merged = {}  # id -> merged record
        self.first_where = {}
        self.documents = {}
        self.seeds = find_seeds(root)
        self.doc_lines = {}
        self.doc_norm = {}
        self.sources = None  # Graph/sources.json, the attribution table (None when absent)

    def rel(self, path):
        return os.path.relpath(path, self.root)

    # Loading -----------------------------------------------------------------------------------
    def load(self):
        paths = sorted(glob.glob(os.path.join(self.root, "Graph", "**", "*.jsonl"), recursive=True))
        for path in paths:
            with open(path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    where = (self.rel(path), n)
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        self.report.error(where, f"bad JSON: {exc.msg} at column {exc.colno}")
                        continue
                    if not isinstance(rec, dict):
                        self.report.error(where, "line is not a JSON object")
                        continue
                    self.records.append((where, rec))
        for where, rec in self.records:
            if rec.get("record") == "document" and isinstance(rec.get("id"), str):
                self.documents[rec["id"]] = rec.get("lines")
        if self.seeds:
            for doc in self.documents:
                p = os.path.join(self.seeds, doc)
                if os.path.exists(p):
                    with open(p, encoding="utf-8") as fh:
                        self.doc_lines[doc] = fh.read().split("\n")
                    self.doc_norm[doc] = normalise(join_lines(self.doc_lines[doc]))

    def merge(self):
        for where, rec in self.records:
            rid = rec.get("id")
            kind = rec.get("record")
            if not isinstance(rid, str) or kind not in RECORD_FIELDS:
                continue
            if rid not in self.merged:
                self.merged[rid] = json.loads(json.dumps(rec))
                self.first_where[rid] = where
                continue
            old = self.merged[rid]
            first = self.first_where[rid]
            if old.get("record") != kind:
                self.report.error(where, f"id '{rid}' is a {kind} here but a {old.get('record')} at "
                                         f"{first[0]}:{first[1]}")
                continue
            if kind == "entity":
                if rec.get("kind") != old.get("kind"):
                    self.report.error(where, f"entity '{rid}' re-declared with kind {rec.get('kind')!r}, "
                                             f"but {first[0]}:{first[1]} has {old.get('kind')!r}")
                if rec.get("name") != old.get("name"):
                    self.report.warning(where, f"entity '{rid}' re-declared with name {rec.get('name')!r}; "
                                               f"the merge keeps {old.get('name')!r} from {first[0]}:{first[1]}")
                aliases = list(old.get("aliases") or [])
                for a in rec.get("aliases") or []:
                    if a not in aliases:
                        aliases.append(a)
                old["aliases"] = aliases
                attrs = dict(old.get("attributes") or {})
                for k, v in (rec.get("attributes") or {}).items():
                    if k in attrs and attrs[k] != v:
                        self.report.warning(where, f"entity '{rid}' attribute '{k}' = {v!r} differs from "
                                                   f"{attrs[k]!r} at {first[0]}:{first[1]}")
                    attrs.setdefault(k, v)
                old["attributes"] = attrs
            elif kind == "document":
                self.report.error(where, f"document '{rid}' declared twice")
            else:
                if where[0] == first[0]:
                    self.report.warning(where, f"{kind} id '{rid}' repeated in the same file (first at line "
                                               f"{first[1]}); the merge unions them")
                for field, key in (("participants", lambda p: json.dumps(p, sort_keys=True)),
                                   ("claims", lambda c: c.get("claim") if isinstance(c, dict) else None)):
                    if isinstance(rec.get(field), list):
                        items = list(old.get(field) or [])
                        seen = {key(i) for i in items}
                        items += [i for i in rec[field] if key(i) not in seen]
                        old[field] = items
            if isinstance(rec.get("citations"), list):
                old["citations"] = list(old.get("citations") or []) + rec["citations"]

    # Checks --------------------------------------------------------------------------------------
    def check_fields(self, where, rec):
        kind = rec.get("record")
        if kind not in RECORD_FIELDS:
            self.report.error(where, f"unknown record kind {kind!r}")
            return False
        required, optional = RECORD_FIELDS[kind]
        for f in sorted(required - rec.keys()):
            self.report.error(where, f"{kind} '{rec.get('id')}': missing required field '{f}'")
        for f in sorted(rec.keys() - required - optional):
            self.report.error(where, f"{kind} '{rec.get('id')}': unknown field '{f}'")
        rid = rec.get("id")
        if not isinstance(rid, str):
            self.report.error(where, f"{kind}: id must be a string")
            return False
        if kind not in ("document", "relation") and not ID_RE.match(rid):
            self.report.error(where, f"bad id syntax '{rid}' (lowercase ASCII letters, digits, hyphens)")
        for f in ("title", "name", "summary", "topic", "measure", "unit", "number", "type", "kind"):
            if f in rec and (not isinstance(rec[f], str) or not rec[f].strip()):
                self.report.error(where, f"{kind} '{rid}': field '{f}' must be a non-empty string")
        return True

    def check_date(self, where, rid, path, date):
        if not isinstance(date, dict) or set(date.keys()) != {"edtf", "text"}:
            self.report.error(where, f"'{rid}': {path} must be an object with exactly 'edtf' and 'text'")
            return
        if not isinstance(date.get("text"), str) or not date["text"].strip():
            self.report.error(where, f"'{rid}': {path}.text must be a non-empty string")
        if not edtf_valid(date.get("edtf")):
            self.report.error(where, f"'{rid}': {path}.edtf invalid EDTF {date.get('edtf')!r}")

    def check_citations(self, where, rid, path, cits, required=True):
        if cits is None and not required:
            return
        if not isinstance(cits, list) or not cits:
            self.report.error(where, f"'{rid}': {path} must be a non-empty list")
            return
        for i, c in enumerate(cits):
            p = f"{path}[{i}]"
            if not isinstance(c, dict):
                self.report.error(where, f"'{rid}': {p} must be an object")
                continue
            extra = c.keys() - {"doc", "lines", "ref"}
            if extra:
                self.report.error(where, f"'{rid}': {p} unknown field(s) {sorted(extra)}")
            doc = c.get("doc")
            if doc not in self.documents:
                self.report.error(where, f"'{rid}': {p}.doc unknown document {doc!r}")
                continue
            lines = c.get("lines")
            if (not isinstance(lines, list) or len(lines) != 2
                    or not all(isinstance(x, int) and not isinstance(x, bool) for x in lines)):
                self.report.error(where, f"'{rid}': {p}.lines must be [first, last] integers")
                continue
            a, b = lines
            total = self.documents[doc]
            if not (1 <= a <= b <= total):
                self.report.error(where, f"'{rid}': {p}.lines {lines} outside {doc} (1..{total})")
            elif b - a + 1 > 12:
                self.report.error(where, f"'{rid}': {p}.lines {lines} spans {b - a + 1} lines (max 12)")
            if "ref" in c and not isinstance(c["ref"], str):
                self.report.error(where, f"'{rid}': {p}.ref must be a string")

    def check_record(self, where, rec):
        if not self.check_fields(where, rec):
            return
        kind, rid = rec["record"], rec["id"]
        if kind == "document":
            if not isinstance(rec.get("lines"), int) or rec["lines"] < 1:
                self.report.error(where, f"document '{rid}': lines must be a positive integer")
            return
        if kind != "dispute" or "citations" in rec:
            self.check_citations(where, rid, "citations", rec.get("citations"))
        if kind == "entity":
            if rec.get("kind") not in self.entity_kinds:
                self.report.error(where, f"entity '{rid}': unknown kind {rec.get('kind')!r}")
            aliases = rec.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                self.report.error(where, f"entity '{rid}': aliases must be a list of non-empty strings")
            attrs = rec.get("attributes", {})
            if not isinstance(attrs, dict) or not all(isinstance(v, str) for v in attrs.values()):
                self.report.error(where, f"entity '{rid}': attributes must be a flat map of strings")
            if "dates" in rec:
                dates = rec["dates"]
                if rec.get("kind") not in self.instrument_kinds:
                    self.report.warning(where, f"entity '{rid}': dates on a non-instrument kind")
                if not isinstance(dates, dict):
                    self.report.error(where, f"entity '{rid}': dates must be an object")
                else:
                    for k, v in dates.items():
                        if k not in INSTRUMENT_DATE_KEYS:
                            self.report.error(where, f"entity '{rid}': unknown dates key '{k}'")
                        self.check_date(where, rid, f"dates.{k}", v)
        elif kind == "event":
            if rec.get("type") not in self.event_types:
                self.report.error(where, f"event '{rid}': unknown event type {rec.get('type')!r}")
            if not EVENT_ID_RE.match(rid):
                self.report.error(where, f"event '{rid}': id must start with the date (e.g. 2007-03-19-...)")
            self.check_date(where, rid, "date", rec.get("date"))
            parts = rec.get("participants")
            if not isinstance(parts, list) or not parts:
                self.report.error(where, f"event '{rid}': participants must be a non-empty list")
            else:
                for i, p in enumerate(parts):
                    if not isinstance(p, dict) or p.keys() != {"entity", "role"}:
                        self.report.error(where, f"event '{rid}': participants[{i}] needs exactly entity, role")
                        continue
                    if p["role"] not in self.roles:
                        self.report.error(where, f"event '{rid}': participants[{i}].role unknown {p['role']!r}")
                    self.check_ref(where, rid, f"participants[{i}].entity", p["entity"], ("entity",))
        elif kind == "relation":
            if rec.get("type") not in self.relation_types:
                self.report.error(where, f"relation '{rid}': unknown relation type {rec.get('type')!r}")
            self.check_ref(where, rid, "from", rec.get("from"), ("entity",))
            self.check_ref(where, rid, "to", rec.get("to"), ("entity",))
            # The README writes the id as `<from>--<type>--<to>`; the Swift parser wants a slug (no `_`),
            # so the type may appear with `_` or with `-` (`applies_to` / `applies-to`).
            rtype = str(rec.get("type"))
            expects = {f"{rec.get('from')}--{t}--{rec.get('to')}" for t in (rtype, rtype.replace("_", "-"))}
            if not any(rid == e or re.fullmatch(re.escape(e) + r"--[0-9]+", rid) for e in expects):
                self.report.error(where, f"relation '{rid}': id must be '{min(expects)}' (or with a --N suffix)")
            if "date" in rec:
                self.check_date(where, rid, "date", rec["date"])
        elif kind == "dispute":
            self.check_ref(where, rid, "subject", rec.get("subject"), ("entity", "event", "figure"))
            claims = rec.get("claims")
            if not isinstance(claims, list) or len(claims) < 2:
                self.report.error(where, f"dispute '{rid}': claims must list at least two claims")
            else:
                for i, c in enumerate(claims):
                    if not isinstance(c, dict) or not isinstance(c.get("claim"), str) or not c["claim"].strip():
                        self.report.error(where, f"dispute '{rid}': claims[{i}].claim must be a non-empty string")
                        continue
                    extra = c.keys() - {"claim", "citations"}
                    if extra:
                        self.report.error(where, f"dispute '{rid}': claims[{i}] unknown field(s) {sorted(extra)}")
                    self.check_citations(where, rid, f"claims[{i}].citations", c.get("citations"))
        elif kind == "figure":
            self.check_ref(where, rid, "subject", rec.get("subject"), ("entity", "event"))
            v = rec.get("value")
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                self.report.error(where, f"figure '{rid}': value must be a number")
            h = rec.get("high")
            if "high" in rec and (isinstance(h, bool) or not isinstance(h, (int, float))
                                  or not isinstance(v, (int, float)) or h <= v):
                self.report.error(where, f"figure '{rid}': high must be a number above value (a range runs from "
                                         f"value up to high)")
            if "qualifier" in rec and rec["qualifier"] not in QUALIFIERS:
                self.report.error(where, f"figure '{rid}': unknown qualifier {rec['qualifier']!r}")
            if "date" in rec:
                self.check_date(where, rid, "date", rec["date"])

    def check_ref(self, where, rid, path, target, kinds):
        if not isinstance(target, str):
            self.report.error(where, f"'{rid}': {path} must be an id string")
            return
        other = self.merged.get(target)
        if other is None:
            self.report.error(where, f"'{rid}': {path} unknown reference '{target}'")
        elif other.get("record") not in kinds:
            self.report.error(where, f"'{rid}': {path} '{target}' is a {other.get('record')}, "
                                     f"expected {' or '.join(kinds)}")

    # Citation content -----------------------------------------------------------------------------
    def cited_text(self, cits):
        chunks = []
        for c in cits or []:
            if not isinstance(c, dict):
                continue
            lines = self.doc_lines.get(c.get("doc"))
            rng = c.get("lines")
            if lines is None or not isinstance(rng, list) or len(rng) != 2:
                continue
            a, b = rng
            if not (isinstance(a, int) and isinstance(b, int) and 1 <= a <= b <= len(lines)):
                continue
            chunks.append(join_lines(lines[a - 1:b]))
        return normalise(join_lines(chunks))

    def entity_tokens(self, eid):
        ent = self.merged.get(eid)
        if not ent or ent.get("record") != "entity":
            return []
        toks = [ent.get("name")] + list(ent.get("aliases") or [])
        if ent.get("kind") == "person" and isinstance(ent.get("name"), str) and ent["name"].split():
            toks.append(ent["name"].split()[-1])
        return [normalise(t) for t in toks if isinstance(t, str) and t.strip()]

    def subject_tokens(self, sid):
        sub = self.merged.get(sid)
        if not sub:
            return []
        if sub.get("record") == "entity":
            return self.entity_tokens(sid)
        toks = []
        if sub.get("record") == "event":
            for p in sub.get("participants") or []:
                if isinstance(p, dict):
                    toks += self.entity_tokens(p.get("entity"))
        if sub.get("record") == "figure":
            toks += self.entity_tokens(sub.get("subject"))
        return toks

    @staticmethod
    def has_token(text, tokens):
        """The README's rule: the cited text contains one of the tokens."""
        return any(t and t in text for t in tokens)

    @staticmethod
    def has_whole_token(text, tokens):
        """Stricter: a token found as a whole word or phrase ("EU" does not count inside "Europe")."""
        return any(t and re.search(rf"(?<![a-z0-9]){re.escape(t)}(?![a-z0-9])", text) for t in tokens)

    def token_check(self, where, rid, text, tokens, message):
        """Error when no token is in the text; warning when tokens only occur inside longer words."""
        if not self.has_token(text, tokens):
            self.report.error(where, message)
            return False
        if not self.has_whole_token(text, tokens):
            self.report.warning(where, f"'{rid}': distinctive token found only inside a longer word; "
                                       f"check the citation")
        return True

    def check_year(self, where, rid, path, date, text):
        if not isinstance(date, dict) or not edtf_valid(date.get("edtf")):
            return
        bounds = edtf_years(date["edtf"])
        if bounds is None:
            return
        lo, hi = bounds
        years = [int(y) for y in re.findall(r"(?<![0-9])([0-9]{4})(?![0-9])", text)]
        if not any(lo <= y <= hi for y in years):
            span = str(lo) if lo == hi else f"{lo}..{hi}"
            self.report.error(where, f"'{rid}': cited text has no year in {span} for {path} "
                                     f"({date['edtf']}); cite the line naming the year too")
            return
        # Each closed end of an interval must be named by the record's own lines, not only some year inside it
        # (a borrowed end passes the rule above when another year of the span happens to be cited).
        for part in date["edtf"].split("/") if "/" in date["edtf"] else []:
            b = year_bounds(part.rstrip("?~%"))
            if b and not any(b[0] <= y <= b[1] for y in years):
                span = str(b[0]) if b[0] == b[1] else f"{b[0]}..{b[1]}"
                self.report.error(where, f"'{rid}': {path} ({date['edtf']}) has an end in {span} that its own "
                                         f"cited lines do not name; cite that line or leave the end open (..)")

    def check_content(self, where, rec):
        kind, rid = rec.get("record"), rec.get("id")
        if kind not in ("entity", "event", "relation", "figure", "dispute") or not self.doc_lines:
            return
        if kind != "dispute":
            text = self.cited_text(rec.get("citations"))
            if not text:
                return
        if kind == "entity":
            toks = self.entity_tokens(rid)
            self.token_check(where, rid, text, toks, f"entity '{rid}': cited lines contain neither its name, "
                                                     f"an alias nor (person) the surname")
            for k, v in (rec.get("dates") or {}).items():
                self.check_year(where, rid, f"dates.{k}", v, text)
        elif kind == "event":
            toks = []
            for p in rec.get("participants") or []:
                if isinstance(p, dict):
                    toks += self.entity_tokens(p.get("entity"))
            self.token_check(where, rid, text, toks, f"event '{rid}': cited lines name none of its "
                                                     f"participants (name, alias or surname)")
            self.check_year(where, rid, "date", rec.get("date"), text)
        elif kind == "relation":
            toks = self.entity_tokens(rec.get("from")) + self.entity_tokens(rec.get("to"))
            self.token_check(where, rid, text, toks, f"relation '{rid}': cited lines name neither 'from' nor 'to'")
            if "date" in rec:
                self.check_year(where, rid, "date", rec.get("date"), text)
        elif kind == "figure":
            if not (contains_number(text, number_forms(rec.get("value")))
                    or self.has_token(text, self.subject_tokens(rec.get("subject")))):
                self.report.error(where, f"figure '{rid}': cited lines contain neither the value "
                                         f"{rec.get('value')!r} nor the subject's name/alias")
            if "date" in rec:
                self.check_year(where, rid, "date", rec.get("date"), text)
        elif kind == "dispute":
            toks = self.subject_tokens(rec.get("subject"))
            for i, c in enumerate(rec.get("claims") or []):
                if not isinstance(c, dict) or not isinstance(c.get("claim"), str):
                    continue
                ctext = self.cited_text(c.get("citations"))
                if not ctext:
                    continue
                forms = set()
                for v in parse_numbers(c["claim"]):
                    forms |= number_forms(v)
                if not (contains_number(ctext, forms) or self.has_token(ctext, toks)):
                    self.report.error(where, f"dispute '{rid}': claims[{i}] cited lines contain neither a "
                                             f"number of the claim nor the subject's name/alias")

    def check_copying(self, where, rec):
        """Warn when a summary/title repeats 8+ consecutive words of a document."""
        if not self.doc_norm:
            return
        for f in ("summary", "title", "topic"):
            s = rec.get(f)
            if not isinstance(s, str):
                continue
            words = re.findall(r"[a-z0-9']+", normalise(s))
            docs = [re.sub(r"[^a-z0-9' ]+", " ", d) for d in self.doc_norm.values()]
            docs = [" " + re.sub(r"\s+", " ", d) + " " for d in docs]
            for i in range(len(words) - 7):
                phrase = " " + " ".join(words[i:i + 8]) + " "
                if any(phrase in d for d in docs):
                    self.report.warning(where, f"'{rec.get('id')}': {f} repeats a document phrase: "
                                               f"'{phrase.strip()}'")
                    break

    def check_aliases(self, where, rec):
        if rec.get("record") != "entity" or not self.doc_norm:
            return
        for a in rec.get("aliases") or []:
            if isinstance(a, str) and not any(normalise(a) in d for d in self.doc_norm.values()):
                self.report.warning(where, f"entity '{rec.get('id')}': alias {a!r} occurs in no document")

    def check_alias_meaning(self):
        """Aliases that are bare numbers, lone generic words, or that would match several entities."""
        owners = {}
        names = {}
        for rid, rec in self.merged.items():
            if rec.get("record") != "entity":
                continue
            names[rid] = normalise(rec.get("name") or "")
            for form in [rec.get("name")] + list(rec.get("aliases") or []):
                if isinstance(form, str) and form.strip():
                    owners.setdefault(normalise(form), set()).add(rid)
        for rid, rec in self.merged.items():
            if rec.get("record") != "entity":
                continue
            where = self.first_where[rid]
            own_name = names[rid]
            for alias in rec.get("aliases") or []:
                if not isinstance(alias, str):
                    continue
                n = normalise(alias)
                if BARE_NUMBER_RE.match(n):
                    self.report.error(where, f"entity '{rid}': alias {alias!r} is a bare number")
                elif n in STOP_WORD_ALIASES and n != own_name:
                    self.report.error(where, f"entity '{rid}': alias {alias!r} is a generic word, not a name")
                shared = sorted(owners.get(n, set()) - {rid})
                if shared:
                    self.report.error(where, f"entity '{rid}': alias {alias!r} also names {', '.join(shared)}")
                if DESIGNATOR_RE.match(n):
                    pattern = re.compile(rf"(?<![a-z0-9]){re.escape(n)}(?![0-9])")
                    others = sorted(o for o, nm in names.items() if o != rid and pattern.search(nm))
                    if others:
                        self.report.error(where, f"entity '{rid}': alias {alias!r} names no instrument and would "
                                                 f"match {', '.join(others)}")

    @staticmethod
    def in_stock_table(c):
        rng = c.get("lines") if isinstance(c, dict) else None
        if not isinstance(rng, list) or len(rng) != 2:
            return False
        return any(a <= rng[0] and rng[1] <= b for a, b in STOCK_TABLES.get(c.get("doc"), []))

    def check_stock_moves(self):
        """A moved_to/left relation whose only citations are stock tables states a move the text never makes."""
        for rid, rec in self.merged.items():
            if rec.get("record") != "relation" or rec.get("type") not in ("moved_to", "left"):
                continue
            cits = [c for c in rec.get("citations") or [] if isinstance(c, dict)]
            if cits and all(self.in_stock_table(c) for c in cits):
                self.report.error(self.first_where[rid], f"relation '{rid}': a {rec['type']} link cited only from "
                                                         f"a stock table (how many live where); record a figure or a "
                                                         f"dated 'hosts' link instead")

    def check_direction(self):
        """An entity both abroad (left Azerbaijan, hosted by another state) and at home (hosted by or moving
        to Azerbaijan) merges two populations."""
        abroad, home = {}, {}

        def came_from_abroad(eid):
            """Foreigners who left Azerbaijan again (Chechen refugees) left a foreign state first."""
            return any(r.get("record") == "relation" and r.get("type") == "left" and r.get("from") == eid
                       and r.get("to") != HOME_STATE for r in self.merged.values())

        for rid, rec in self.merged.items():
            if rec.get("record") != "relation":
                continue
            t, f, to = rec.get("type"), rec.get("from"), rec.get("to")
            target = self.merged.get(to) or {}
            if t == "left" and to == HOME_STATE and not came_from_abroad(f):
                abroad.setdefault(f, rid)
            elif t == "hosts" and f != HOME_STATE and (self.merged.get(f) or {}).get("kind") == "state":
                abroad.setdefault(to, rid)
            elif t == "hosts" and f == HOME_STATE:
                home.setdefault(to, rid)
            elif t == "moved_to" and to == HOME_STATE:
                home.setdefault(f, rid)
            elif t == "located_in" and to == HOME_STATE and target.get("record") == "entity":
                home.setdefault(f, rid)
        # One step of propagation between groups: a group is on both sides a group it is part of (or that is part
        # of it) is on; and a group that is an event's subject is abroad when the event's agent group is (the
        # emigrants as agent, "asylum seekers" as what they became).
        groups = {rid for rid, rec in self.merged.items() if rec.get("record") == "entity" and rec.get("kind") == "group"}
        both_ways, abroad_only = [], []
        for rid, rec in self.merged.items():
            if rec.get("record") == "relation" and rec.get("type") == "part_of":
                both_ways += [(rec.get("from"), rec.get("to"), rid), (rec.get("to"), rec.get("from"), rid)]
            elif rec.get("record") == "event":
                parts = [p for p in rec.get("participants") or [] if isinstance(p, dict) and p.get("entity") in groups]
                agents = [p["entity"] for p in parts if p.get("role") == "agent"]
                subjects = [p["entity"] for p in parts if p.get("role") == "subject"]
                abroad_only += [(s, a, rid) for s in subjects for a in agents if s != a]
        direct_abroad, direct_home = dict(abroad), dict(home)
        for x, y, rid in both_ways + abroad_only:
            if x in groups and y in direct_abroad and x not in abroad:
                abroad[x] = f"{rid}' with '{y}"
        for x, y, rid in both_ways:
            if x in groups and y in direct_home and x not in home:
                home[x] = f"{rid}' with '{y}"
        for eid in sorted(abroad.keys() & home.keys()):
            where = self.first_where.get(eid, ("Graph/entities.jsonl", 0))
            self.report.error(where, f"entity '{eid}' is on both sides of a direction: abroad by '{abroad[eid]}', "
                                     f"at home by '{home[eid]}'; split it into one entity per population")
    def load_sources(self):
        """Reads the attribution table and, with the documents present, checks it against them."""
        path = os.path.join(self.root, "Graph", "sources.json")
        if not os.path.exists(path):
            return
        where = (self.rel(path), 0)
        try:
            self.sources = graph_refs.load_table(path)
        except graph_refs.TableError as exc:
            self.report.error(where, str(exc))
            return
        if self.seeds:
            for problem in graph_refs.verify_table(self.sources, self.seeds):
                self.report.error(where, problem)

    def check_source_refs(self, where, rec):
        """A citation whose lines (or the footnote they point at) name a source carries that source's ref, as
        Graph/sources.json gives it; a citation whose lines name none carries no ref (Tools/graph_refs.py fixes both)."""
        if self.sources is None or rec.get("record") == "document":
            return
        lists = [("citations", rec.get("citations"))]
        lists += [(f"claims[{i}].citations", c.get("citations")) for i, c in enumerate(rec.get("claims") or [])
                  if isinstance(c, dict)]
        for path, cits in lists:
            for i, c in enumerate(cits if isinstance(cits, list) else []):
                if not isinstance(c, dict):
                    continue
                want = graph_refs.expected_ref(self.sources, c.get("doc"), c.get("lines"))
                have = c.get("ref")
                if have == want:
                    continue
                at = f"'{rec.get('id')}': {path}[{i}] ({c.get('doc')} {c.get('lines')})"
                if have is None:
                    self.report.error(where, f"{at}: the cited lines name a source but ref is missing; "
                                             f"expected {want!r} (python3 Tools/graph_refs.py)")
                elif want is None:
                    self.report.error(where, f"{at}: ref {have!r}, but Graph/sources.json attributes these lines "
                                             f"to no source")
                else:
                    self.report.error(where, f"{at}: ref {have!r} differs from Graph/sources.json: {want!r}")

    def run(self):
        self.load()
        self.merge()
        self.load_sources()
        for where, rec in self.records:
            self.check_source_refs(where, rec)
            self.check_record(where, rec)
            self.check_content(where, rec)
            self.check_copying(where, rec)
            self.check_aliases(where, rec)
        self.check_alias_meaning()
        self.check_stock_moves()
        self.check_direction()

    # Summary -------------------------------------------------------------------------------------
    def summary(self):
        kinds = {}
        for rec in self.merged.values():
            k = rec.get("record")
            kinds[k] = kinds.get(k, 0) + 1
        ent_kinds = {}
        for rec in self.merged.values():
            if rec.get("record") == "entity":
                ent_kinds[rec.get("kind")] = ent_kinds.get(rec.get("kind"), 0) + 1
        by_doc = {d: {} for d in self.documents}
        for rec in self.merged.values():
            cits = list(rec.get("citations") or [])
            for c in rec.get("claims") or []:
                if isinstance(c, dict):
                    cits += c.get("citations") or []
            docs = {c.get("doc") for c in cits if isinstance(c, dict)}
            for d in docs:
                if d in by_doc:
                    by_doc[d][rec["record"]] = by_doc[d].get(rec["record"], 0) + 1
        by_folder = {}
        for where, rec in self.records:
            folder = os.path.dirname(where[0])
            by_folder.setdefault(folder, {})
            k = rec.get("record")
            by_folder[folder][k] = by_folder[folder].get(k, 0) + 1
        order = ["entity", "event", "relation", "dispute", "figure"]
        out = ["", "Merged records by kind:"]
        out.append("  " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in ["document"] + order))
        actors = sum(v for k, v in ent_kinds.items() if k not in self.instrument_kinds)
        instruments = sum(v for k, v in ent_kinds.items() if k in self.instrument_kinds)
        out.append(f"  entities: {actors} actors, {instruments} instruments "
                   f"({', '.join(f'{k} {v}' for k, v in sorted(ent_kinds.items()))})")
        out.append("Records citing each document:")
        for d, counts in by_doc.items():
            out.append(f"  {d}: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in order))
        out.append("Lines by folder:")
        for f, counts in sorted(by_folder.items()):
            out.append(f"  {f}: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in order if counts.get(k)))
        if not self.seeds:
            out.append("Source documents not found: citation content not checked.")
        return "\n".join(out)

    def coverage(self):
        """Markdown tables: merged records by kind (entities by family and kind) and by cited document."""
        order = ["entity", "event", "relation", "dispute", "figure"]
        merged = [rec for rec in self.merged.values() if rec.get("record") in order]
        kinds = {k: sum(1 for rec in merged if rec.get("record") == k) for k in order}
        families = {"actor": {}, "instrument": {}}
        for rec in merged:
            if rec.get("record") == "entity":
                family = "instrument" if rec.get("kind") in self.instrument_kinds else "actor"
                families[family][rec.get("kind")] = families[family].get(rec.get("kind"), 0) + 1
        out = ["| record kind | count |", "| --- | ---: |"]
        out += [f"| {k} | {kinds[k]} |" for k in order]
        out += [f"| **total** | **{sum(kinds.values())}** |", "", "| entity family | kind | count |",
                "| --- | --- | ---: |"]
        for family in ("actor", "instrument"):
            for kind, n in sorted(families[family].items(), key=lambda kv: (-kv[1], kv[0])):
                out.append(f"| {family} | {kind} | {n} |")
            out.append(f"| **{family}s** | | **{sum(families[family].values())}** |")
        out += ["", "| document | title | " + " | ".join(f"{k}s" if k != "entity" else "entities" for k in order)
                + " |", "| --- | --- |" + " ---: |" * len(order)]
        titles = {rid: rec.get("title", "") for rid, rec in self.merged.items() if rec.get("record") == "document"}
        for doc in sorted(self.documents):
            counts = {k: 0 for k in order}
            for rec in merged:
                cits = list(rec.get("citations") or [])
                for c in rec.get("claims") or []:
                    if isinstance(c, dict):
                        cits += c.get("citations") or []
                if any(isinstance(c, dict) and c.get("doc") == doc for c in cits):
                    counts[rec["record"]] += 1
            out.append(f"| `{doc}` | {titles.get(doc, '')} | " + " | ".join(str(counts[k]) for k in order) + " |")
        out += ["", "A record citing several documents is counted under each of them."]
        return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=["a", "b", "c"], help="report only errors in Graph/drafts/<x>/")
    ap.add_argument("--warnings", action="store_true", help="also print warnings (copied phrases, aliases)")
    ap.add_argument("--coverage", action="store_true",
                    help="print the Markdown coverage tables for Graph/README.md instead of the summary")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help="repository root (default: this script's parent folder)")
    args = ap.parse_args()
    report = Report(args.only, args.warnings)
    linter = Linter(os.path.abspath(args.root), report)
    linter.run()
    if args.coverage:
        for e in report.errors:
            print(e, file=sys.stderr)
        print(linter.coverage())
        return 1 if report.errors else 0
    for e in report.errors:
        print(e)
    if args.warnings:
        for w in report.warnings:
            print(w)
    print(linter.summary())
    hidden = f" ({report.hidden_errors} more outside --only {args.only})" if args.only else ""
    print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s){hidden}"
          + ("" if args.warnings or not report.warnings else " (--warnings to show)"))
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
