#!/usr/bin/env python3
"""Tests for Tools/graph_refs.py and the ref rule of Tools/graph_lint.py.

Run from the repository root:  python3 -m unittest discover -s Tools -p 'test_graph_refs.py' -v
(standard library only; pytest collects it too). The tests that read the real documents skip, saying so,
when ../shared/seeds is absent.
"""
import contextlib
import io
import json
import os
import pathlib
import shutil
import sys
import tempfile
import unittest

TOOLS = pathlib.Path(__file__).resolve().parent
ROOT = TOOLS.parent
sys.path.insert(0, str(TOOLS))
import graph_lint  # noqa: E402
import graph_refs  # noqa: E402

DOC = "000_test.txt"
DOC_TEXT = "\n".join([  # every line names the SMS, so the linter's other content rules pass
    "The State Migration Service (SMS) was set up in 2007",    # 1
    "(Smith, 2009, p. 4). The SMS",                             # 2
    "Nothing here names a source, SMS.",                        # 3
    "According to the Ministry of Labour, SMS: 30,000",         # 4
    "foreigners in 2007 (Jones, 2010, p. 7). SMS",              # 5
    "The SMS footnote marker follows1",                         # 6
    "",                                                         # 7
    "1 Brown 2011, p. 9, on the SMS",                           # 8
]) + "\n"
TABLE = {"documents": {DOC: [
    {"lines": [1, 2], "ref": "Smith 2009, p. 4", "at": 2, "says": "(Smith, 2009, p. 4)"},
    {"lines": [4, 5], "ref": "Jones 2010, p. 7", "at": 5, "says": "(Jones, 2010, p. 7)"},
    {"lines": [4, 5], "ref": "Ministry of Labour", "at": 4, "says": "According to the Ministry of Labour"},
    {"lines": [6, 6], "ref": "Brown 2011, p. 9", "at": 6, "says": "follows1", "note": "footnote 1"},
    {"lines": [8, 8], "ref": "Brown 2011, p. 9", "at": 8, "says": "1 Brown 2011"},
]}}
ENTITY = {"record": "entity", "id": "state-migration-service", "kind": "organisation",
          "name": "State Migration Service", "aliases": ["SMS"], "attributes": {}}


def entity(*citations):
    return dict(ENTITY, citations=[dict(c) for c in citations])


class ExpectedRefTests(unittest.TestCase):
    def setUp(self):
        self.table = TABLE["documents"][DOC]

    def test_overlap_gives_the_source(self):
        self.assertEqual(graph_refs.expected_ref({DOC: self.table}, DOC, [2, 3]), "Smith 2009, p. 4")
        self.assertEqual(graph_refs.expected_ref({DOC: self.table}, DOC, [8, 8]), "Brown 2011, p. 9")

    def test_lines_naming_no_source_give_none(self):
        self.assertIsNone(graph_refs.expected_ref({DOC: self.table}, DOC, [3, 3]))
        self.assertIsNone(graph_refs.expected_ref({DOC: self.table}, "other.txt", [1, 2]))

    def test_several_sources_join_in_the_order_the_document_names_them(self):
        # The Ministry is named on line 4, Jones on line 5: table order must not matter.
        self.assertEqual(graph_refs.expected_ref({DOC: self.table}, DOC, [5, 5]),
                         "Ministry of Labour; Jones 2010, p. 7")
        self.assertEqual(graph_refs.expected_ref({DOC: self.table}, DOC, [1, 6]),
                         "Smith 2009, p. 4; Ministry of Labour; Jones 2010, p. 7; Brown 2011, p. 9")

    def test_the_same_source_twice_is_named_once(self):
        self.assertEqual(graph_refs.expected_ref({DOC: self.table}, DOC, [6, 8]), "Brown 2011, p. 9")


class FixRecordTests(unittest.TestCase):
    def test_fills_corrects_and_removes(self):
        record = entity({"doc": DOC, "lines": [1, 1]},
                        {"doc": DOC, "lines": [4, 4], "ref": "Smith 2009, p. 4"},
                        {"doc": DOC, "lines": [3, 3], "ref": "Invented 1999"})
        changes = graph_refs.fix_record({DOC: TABLE["documents"][DOC]}, record)
        self.assertEqual([c[0] for c in changes], ["filled", "corrected", "removed"])
        self.assertEqual(record["citations"], [
            {"doc": DOC, "lines": [1, 1], "ref": "Smith 2009, p. 4"},
            {"doc": DOC, "lines": [4, 4], "ref": "Ministry of Labour; Jones 2010, p. 7"},
            {"doc": DOC, "lines": [3, 3]}])

    def test_dispute_claims_are_fixed_and_duplicates_dropped(self):
        record = {"record": "dispute", "id": "d", "subject": "s", "topic": "t", "claims": [
            {"claim": "a", "citations": [{"doc": DOC, "lines": [8, 8]}, {"doc": DOC, "lines": [8, 8], "ref": "x"}]},
            {"claim": "b", "citations": [{"doc": DOC, "lines": [3, 3]}]}]}
        graph_refs.fix_record({DOC: TABLE["documents"][DOC]}, record)
        self.assertEqual(record["claims"][0]["citations"], [{"doc": DOC, "lines": [8, 8], "ref": "Brown 2011, p. 9"}])
        self.assertEqual(record["claims"][1]["citations"], [{"doc": DOC, "lines": [3, 3]}])

    def test_malformed_table_entries_are_refused(self):
        for bad in ({"lines": [3, 2], "ref": "A", "at": 2, "says": "x"},
                    {"lines": [1, 2], "ref": "A; B", "at": 2, "says": "x"},
                    {"lines": [1, 2], "ref": "A", "says": "x"},
                    {"lines": [1, 2], "ref": "A", "at": 2, "says": "x", "extra": 1}):
            with tempfile.TemporaryDirectory() as tmp:
                path = pathlib.Path(tmp) / "sources.json"
                path.write_text(json.dumps({"documents": {DOC: [bad]}}), encoding="utf-8")
                with self.assertRaises(graph_refs.TableError):
                    graph_refs.load_table(path)


class RepositoryFixture(unittest.TestCase):
    """A scratch repository: <tmp>/repo/Graph (real vocabulary) and <tmp>/shared/seeds/000_test.txt."""

    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp())
        self.repo = self.tmp / "repo"
        self.graph = self.repo / "Graph"
        self.seeds = self.tmp / "shared" / "seeds"
        self.graph.mkdir(parents=True)
        self.seeds.mkdir(parents=True)
        shutil.copy(ROOT / "Graph" / "vocabulary.json", self.graph / "vocabulary.json")
        (self.seeds / DOC).write_text(DOC_TEXT, encoding="utf-8")
        lines = DOC_TEXT.count("\n")
        self.write("documents.jsonl", [{"record": "document", "id": DOC, "title": "Test", "lines": lines}])
        (self.graph / "sources.json").write_text(json.dumps(TABLE), encoding="utf-8")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, records):
        text = "".join(json.dumps(r, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
                       for r in records)
        (self.graph / name).write_text(text, encoding="utf-8")

    def lint(self):
        report = graph_lint.Report(None, True)
        linter = graph_lint.Linter(str(self.repo), report)
        self.assertEqual(linter.seeds, str(self.seeds.resolve()))
        linter.run()
        return report.errors

    def refs(self, *args):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = graph_refs.main(["--graph", str(self.graph), "--seeds", str(self.seeds), *args])
        return code, out.getvalue() + err.getvalue()


class LintRuleTests(RepositoryFixture):
    def test_correct_refs_pass(self):
        self.write("entities.jsonl", [entity({"doc": DOC, "lines": [1, 2], "ref": "Smith 2009, p. 4"},
                                             {"doc": DOC, "lines": [3, 3]})])
        self.assertEqual(self.lint(), [])

    def test_missing_ref_where_the_lines_name_a_source_is_an_error(self):
        self.write("entities.jsonl", [entity({"doc": DOC, "lines": [1, 2]})])
        errors = self.lint()
        self.assertEqual(len(errors), 1, errors)
        self.assertIn("ref is missing; expected 'Smith 2009, p. 4'", errors[0])
        self.assertTrue(errors[0].startswith("Graph/entities.jsonl:1: error:"), errors[0])

    def test_missing_ref_where_the_footnote_names_the_source_is_an_error(self):
        self.write("entities.jsonl", [entity({"doc": DOC, "lines": [1, 1], "ref": "Smith 2009, p. 4"},
                                             {"doc": DOC, "lines": [6, 6]})])
        errors = self.lint()
        self.assertEqual(len(errors), 1, errors)
        self.assertIn("expected 'Brown 2011, p. 9'", errors[0])

    def test_wrong_ref_is_an_error(self):
        self.write("entities.jsonl", [entity({"doc": DOC, "lines": [4, 5], "ref": "Smith 2009, p. 4"})])
        errors = self.lint()
        self.assertEqual(len(errors), 1, errors)
        self.assertIn("differs from Graph/sources.json: 'Ministry of Labour; Jones 2010, p. 7'", errors[0])

    def test_ref_on_lines_that_name_no_source_is_an_error(self):
        self.write("entities.jsonl", [entity({"doc": DOC, "lines": [1, 1], "ref": "Smith 2009, p. 4"},
                                             {"doc": DOC, "lines": [3, 3], "ref": "Smith 2009, p. 4"})])
        errors = self.lint()
        self.assertEqual(len(errors), 1, errors)
        self.assertIn("attributes these lines to no source", errors[0])

    def test_table_that_does_not_match_the_document_is_an_error(self):
        table = json.loads(json.dumps(TABLE))
        table["documents"][DOC][0]["says"] = "(Smith, 2008"
        (self.graph / "sources.json").write_text(json.dumps(table), encoding="utf-8")
        self.write("entities.jsonl", [entity({"doc": DOC, "lines": [3, 3]})])
        errors = self.lint()
        self.assertEqual(len(errors), 1, errors)
        self.assertIn("line 2 does not contain '(Smith, 2008'", errors[0])


class ToolTests(RepositoryFixture):
    def test_fills_then_checks_clean_and_is_idempotent(self):
        self.write("entities.jsonl", [entity({"doc": DOC, "lines": [5, 5]}, {"doc": DOC, "lines": [3, 3]})])
        self.write("disputes.jsonl", [{"record": "dispute", "id": "d", "subject": "state-migration-service",
                                       "topic": "t", "claims": [
                                           {"claim": "30,000", "citations": [{"doc": DOC, "lines": [4, 4]}]},
                                           {"claim": "2007", "citations": [{"doc": DOC, "lines": [1, 1],
                                                                            "ref": "Wrong"}]}]}])
        code, out = self.refs("--check")
        self.assertEqual(code, 1)
        self.assertIn("2 missing, 1 differing, 0 unsupported", out)
        self.assertEqual(len(self.lint()), 3)

        code, out = self.refs()
        self.assertEqual(code, 0, out)
        self.assertIn("2 filled, 1 corrected, 0 removed, 2 file(s) rewritten", out)
        first = {p.name: p.read_bytes() for p in self.graph.glob("*.jsonl")}
        written = json.loads((self.graph / "entities.jsonl").read_text(encoding="utf-8"))
        self.assertEqual(written["citations"], [{"doc": DOC, "lines": [5, 5], "ref": "Ministry of Labour; Jones 2010, p. 7"},
                                                {"doc": DOC, "lines": [3, 3]}])
        self.assertEqual(self.refs("--check")[0], 0)
        self.assertEqual(self.lint(), [])

        code, out = self.refs()
        self.assertIn("0 filled, 0 corrected, 0 removed, 0 file(s) rewritten", out)
        self.assertEqual({p.name: p.read_bytes() for p in self.graph.glob("*.jsonl")}, first)

    def test_a_stale_table_stops_the_tool_before_any_write(self):
        table = json.loads(json.dumps(TABLE))
        table["documents"][DOC][1]["at"] = 3
        (self.graph / "sources.json").write_text(json.dumps(table), encoding="utf-8")
        self.write("entities.jsonl", [entity({"doc": DOC, "lines": [5, 5]})])
        before = (self.graph / "entities.jsonl").read_bytes()
        code, out = self.refs()
        self.assertEqual(code, 2)
        self.assertIn("line 3 does not contain '(Jones, 2010, p. 7)'", out)
        self.assertEqual((self.graph / "entities.jsonl").read_bytes(), before)


SEEDS = graph_refs.find_seeds()


@unittest.skipUnless(SEEDS, "source documents (../shared/seeds) absent: the real table is not checked")
class RealTableTests(unittest.TestCase):
    def setUp(self):
        self.table = graph_refs.load_table(ROOT / "Graph" / "sources.json")

    def test_every_entry_matches_its_document(self):
        self.assertEqual(graph_refs.verify_table(self.table, SEEDS), [])

    def test_the_twelve_wrong_refs_of_the_review_get_their_footnotes_source(self):
        doc = "003_d94e756ed0cfba1e.txt"
        self.assertEqual(graph_refs.expected_ref(self.table, doc, [227, 227]), "Constitution of Azerbaijan, Art. 28")
        self.assertEqual(graph_refs.expected_ref(self.table, doc, [228, 230]),
                         "Law on Exit, Entry and Passports, Art. 15")
        for lines in ([312, 312], [312, 314]):
            self.assertEqual(graph_refs.expected_ref(self.table, doc, lines),
                             "ILO, Sub-regional Trade Union Conference 2011")
        self.assertEqual(graph_refs.expected_ref(self.table, doc, [705, 705]), "IOM 2008")

    def test_the_readmes_example(self):
        self.assertEqual(graph_refs.expected_ref(self.table, "002_ad439a7acad4c436.txt", [694, 696]),
                         "Yunusov 2009, p. 151")


if __name__ == "__main__":
    unittest.main()
