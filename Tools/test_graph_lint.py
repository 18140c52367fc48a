#!/usr/bin/env python3
"""Tests of Tools/graph_lint.py's meaning rules (issue 17): each feeds a small graph with a record that breaks
one rule and checks the rule reports it, and that the same graph mended passes.

Run from the repository root:  python3 -m unittest discover -s Tools -p 'test_graph_lint.py'
(or python3 -m pytest Tools/test_graph_lint.py). Standard library only. The graphs and their documents are
synthetic and written to a temporary folder, so the tests need neither Graph/ nor ../shared/seeds; only the
last test, which lints the repository's own Graph/, skips when the source documents are absent.
"""

import importlib.util
import json
import os
import shutil
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
_spec = importlib.util.spec_from_file_location("graph_lint", os.path.join(HERE, "graph_lint.py"))
graph_lint = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(graph_lint)

# The stock-table rule knows the World Bank boxes of document 003 by name and line; the synthetic document
# borrows that name and puts a stock box at lines 86-90 and an ordinary sentence at line 200.
STOCK_DOC = "003_d94e756ed0cfba1e.txt"
PLAIN_DOC = "900_synthetic.txt"


def stock_doc_lines():
    lines = ["filler line"] * 220
    lines[77] = "Emigration, 2010"
    lines[85] = "Top destination countries: Russia, Armenia, Ukraine,"
    lines[87] = "Kazakhstan, Israel, Germany, Turkey,"
    lines[199] = "In 2008 many Azerbaijani emigrants moved to Russia to work in markets."
    return lines


def plain_doc_lines():
    lines = ["filler line"] * 60
    lines[0] = "The war ended in May 1994 and many people left Armenia for Azerbaijan."
    lines[1] = "Until 1996 refugees kept arriving in Azerbaijan from Armenia."
    lines[2] = "Article 15 of the Law on Citizenship and Article 15 of the Law on Trafficking differ."
    lines[3] = "The police of Russia raided the markets; Azerbaijani emigrants and refugees in Azerbaijan."
    lines[4] = "Germany and Azerbaijan host these people; Azerbaijani emigrants asked for asylum."
    lines[5] = "Russia hosts Azerbaijani emigrants; Azerbaijan hosts foreign workers from Turkey."
    lines[6] = "Asylum seekers, labour migrants, leavers, emigrant workers and Chechen refugees are groups."
    return lines


def cite(doc, a, b=None):
    return {"doc": doc, "lines": [a, b or a]}


def entity(eid, name, kind="group", aliases=(), cits=None):
    return {"record": "entity", "id": eid, "kind": kind, "name": name, "aliases": list(aliases), "attributes": {},
            "citations": cits or [cite(PLAIN_DOC, 1, 7)]}


def relation(frm, typ, to, cits=None, date=None, suffix=""):
    rec = {"record": "relation", "id": f"{frm}--{typ}--{to}{suffix}", "type": typ, "from": frm, "to": to,
           "citations": cits or [cite(PLAIN_DOC, 4, 6)]}
    if date:
        rec["date"] = {"edtf": date, "text": date}
    return rec


BASE = [
    entity("azerbaijan", "Azerbaijan", kind="state"),
    entity("russia", "Russia", kind="state"),
    entity("germany", "Germany", kind="state"),
    entity("armenia", "Armenia", kind="state"),
    entity("turkey", "Turkey", kind="state"),
    entity("azerbaijani-emigrants", "Azerbaijani emigrants"),
    entity("foreign-workers", "Foreign workers in Azerbaijan", aliases=["foreign workers"]),
    relation("russia", "hosts", "azerbaijani-emigrants"),
    relation("azerbaijan", "hosts", "foreign-workers"),
]


class LintCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="graph-lint-test-")
        self.repo = os.path.join(self.tmp, "repo")
        seeds = os.path.join(self.tmp, "shared", "seeds")
        os.makedirs(os.path.join(self.repo, "Graph"))
        os.makedirs(seeds)
        shutil.copy(os.path.join(ROOT, "Graph", "vocabulary.json"), os.path.join(self.repo, "Graph"))
        for name, lines in ((STOCK_DOC, stock_doc_lines()), (PLAIN_DOC, plain_doc_lines())):
            with open(os.path.join(seeds, name), "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
        self.documents = [
            {"record": "document", "id": STOCK_DOC, "title": "stock tables", "lines": len(stock_doc_lines()) + 1},
            {"record": "document", "id": PLAIN_DOC, "title": "plain text", "lines": len(plain_doc_lines()) + 1},
        ]

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def lint(self, records):
        with open(os.path.join(self.repo, "Graph", "graph.jsonl"), "w", encoding="utf-8") as fh:
            for rec in self.documents + BASE + records:
                fh.write(json.dumps(rec) + "\n")
        report = graph_lint.Report(None, True)
        linter = graph_lint.Linter(self.repo, report)
        self.assertEqual(os.path.realpath(linter.seeds), os.path.realpath(os.path.join(self.tmp, "shared", "seeds")))
        linter.run()
        return report.errors

    def assertFlags(self, errors, fragment):
        self.assertTrue(any(fragment in e for e in errors), f"no error containing {fragment!r} in {errors}")

    def assertClean(self, errors):
        self.assertEqual(errors, [])

    # The base graph itself is clean, so every error below comes from the record a test adds.
    def test_base_graph_is_clean(self):
        self.assertClean(self.lint([]))

    # A date's year in the record's own cited lines -----------------------------------------------------------
    def test_interval_end_missing_from_own_lines(self):
        ev = {"record": "event", "id": "1994-refugees-arrive", "type": "migration", "title": "Refugees arrive",
              "date": {"edtf": "1994-05/1999", "text": "May 1994"},
              "participants": [{"entity": "azerbaijan", "role": "target"}], "citations": [cite(PLAIN_DOC, 1)]}
        self.assertFlags(self.lint([ev]), "has an end in 1999 that its own cited lines do not name")
        ev["date"] = {"edtf": "1994-05/1996", "text": "May 1994 ... Until 1996"}
        ev["citations"] = [cite(PLAIN_DOC, 1, 2)]
        self.assertClean(self.lint([ev]))

    def test_date_year_absent_from_own_lines(self):
        rel = relation("azerbaijani-emigrants", "moved_to", "germany", cits=[cite(PLAIN_DOC, 5)], date="2007")
        self.assertFlags(self.lint([rel]), "cited text has no year in 2007")

    # Aliases ------------------------------------------------------------------------------------------------
    def test_bare_number_alias(self):
        art = entity("criminal-code-article-137", "Article 137 of the Criminal Code", kind="code_article",
                     aliases=["137"], cits=[cite(PLAIN_DOC, 3)])
        self.assertFlags(self.lint([art]), "alias '137' is a bare number")

    def test_stop_word_alias(self):
        police = entity("russian-police", "Russian police", kind="organisation", aliases=["police"],
                        cits=[cite(PLAIN_DOC, 4)])
        self.assertFlags(self.lint([police]), "alias 'police' is a generic word")
        # A group whose own name is the generic word keeps it.
        refugees = entity("refugees", "Refugees", aliases=["refugees"], cits=[cite(PLAIN_DOC, 4)])
        self.assertClean(self.lint([refugees]))

    def test_alias_shared_by_two_entities(self):
        a = entity("emigrant-workers", "Emigrant workers", aliases=["Azerbaijani emigrants"])
        self.assertFlags(self.lint([a]), "alias 'Azerbaijani emigrants' also names azerbaijani-emigrants")

    def test_designator_alias_matching_another_instrument(self):
        a = entity("law-on-trafficking-article-15", "Article 15 of the Law on Trafficking", kind="code_article",
                   aliases=["Article 15"], cits=[cite(PLAIN_DOC, 3)])
        b = entity("law-on-citizenship-article-15", "Article 15 of the Law on Citizenship", kind="code_article",
                   cits=[cite(PLAIN_DOC, 3)])
        self.assertFlags(self.lint([a, b]), "alias 'Article 15' names no instrument and would match "
                                            "law-on-citizenship-article-15")
        a["aliases"] = []
        self.assertClean(self.lint([a, b]))

    # Stock tables are not moves -----------------------------------------------------------------------------
    def test_move_cited_only_from_a_stock_table(self):
        rel = relation("azerbaijani-emigrants", "moved_to", "armenia",
                       cits=[cite(STOCK_DOC, 78), cite(STOCK_DOC, 86, 88)], date="2010")
        self.assertFlags(self.lint([rel]), "a moved_to link cited only from a stock table")
        # The same link with a sentence that says people moved is a move.
        rel = relation("azerbaijani-emigrants", "moved_to", "russia", cits=[cite(STOCK_DOC, 86, 88), cite(STOCK_DOC, 200)],
                       date="2008")
        self.assertClean(self.lint([rel]))

    def test_left_cited_only_from_a_stock_table(self):
        rel = relation("foreign-workers", "left", "russia", cits=[cite(STOCK_DOC, 86, 88)])
        self.assertFlags(self.lint([rel]), "a left link cited only from a stock table")

    # One population per direction ---------------------------------------------------------------------------
    def test_entity_abroad_and_at_home(self):
        mixed = [entity("asylum-seekers", "Asylum seekers"),
                 relation("germany", "hosts", "asylum-seekers"), relation("azerbaijan", "hosts", "asylum-seekers")]
        self.assertFlags(self.lint(mixed), "entity 'asylum-seekers' is on both sides of a direction")

    def test_group_abroad_through_an_event_and_at_home(self):
        mixed = [entity("asylum-seekers", "Asylum seekers"),
                 relation("azerbaijan", "hosts", "asylum-seekers"),
                 {"record": "event", "id": "2011-emigrants-seek-asylum", "type": "migration", "title": "Asylum requests",
                  "date": {"edtf": "1994", "text": "1994"}, "citations": [cite(PLAIN_DOC, 1, 5)],
                  "participants": [{"entity": "azerbaijani-emigrants", "role": "agent"},
                                   {"entity": "asylum-seekers", "role": "subject"}]}]
        self.assertFlags(self.lint(mixed), "abroad by '2011-emigrants-seek-asylum' with 'azerbaijani-emigrants'")

    def test_group_at_home_through_a_part_and_abroad(self):
        mixed = [entity("labour-migrants", "Labour migrants"),
                 relation("turkey", "hosts", "labour-migrants"),
                 relation("foreign-workers", "part_of", "labour-migrants")]
        self.assertFlags(self.lint(mixed), "entity 'labour-migrants' is on both sides of a direction")

    def test_foreigners_who_left_again_are_not_emigrants(self):
        chechens = [entity("chechen-refugees", "Chechen refugees"),
                    relation("azerbaijan", "hosts", "chechen-refugees"),
                    relation("chechen-refugees", "left", "russia"), relation("chechen-refugees", "left", "azerbaijan")]
        self.assertClean(self.lint(chechens))
        emigrants = [entity("leavers", "Leavers"), relation("azerbaijan", "hosts", "leavers"),
                     relation("leavers", "left", "azerbaijan")]
        self.assertFlags(self.lint(emigrants), "entity 'leavers' is on both sides of a direction")


class RepositoryGraph(unittest.TestCase):
    def test_repository_graph_is_clean(self):
        report = graph_lint.Report(None, False)
        linter = graph_lint.Linter(ROOT, report)
        if not linter.seeds:
            self.skipTest("source documents (../shared/seeds) not found: the repository's Graph/ is not checked")
        linter.run()
        self.assertEqual(report.errors, [])


if __name__ == "__main__":
    unittest.main()
