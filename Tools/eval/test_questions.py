"""The question file's shape, its expected ids against Graph/, and how answers are read into ranked ids.

python3 -m unittest discover Tools/eval   (no daemon needed)
"""

import json
import unittest
from pathlib import Path

import run

REPO = Path(__file__).resolve().parents[2]


def graph_ids() -> set[str]:
    ids = set()
    for path in sorted((REPO / "Graph").glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            ids.update(json.loads(line)["id"] for line in f if line.strip())
    return ids


class QuestionFileTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.questions = run.load_questions(run.QUESTIONS)
        with run.QUESTIONS.open(encoding="utf-8") as f:
            cls.raw = [json.loads(line) for line in f if line.strip()]

    def test_enough_questions_with_unique_ids(self):
        self.assertGreaterEqual(len(self.questions), 70)
        ids = [q.id for q in self.questions]
        self.assertEqual(len(ids), len(set(ids)), "question ids repeat")

    def test_every_strategy_kind_is_asked_at_least_five_times(self):
        for kind in run.STRATEGIES:
            self.assertGreaterEqual(sum(q.kind == kind for q in self.questions), 5, kind)

    def test_every_expected_id_exists_in_the_graph(self):
        known = graph_ids()
        for q in self.questions:
            wanted = [e for e in q.expected if e is not None]
            self.assertTrue(wanted, f"{q.id} has no expected record")
            for record_id in wanted:
                self.assertTrue(record_id in known, f"{q.id} expects {record_id}, which Graph/ lacks")

    def test_gaps_are_null_ids_with_a_comment(self):
        for raw in self.raw:
            for gap in raw.get("gaps", []):
                self.assertIsNone(gap["id"], raw["id"])
                self.assertTrue(gap["comment"].strip(), raw["id"])

    def test_inputs_are_plain_words_not_record_ids(self):
        known = graph_ids()
        for q in self.questions:
            words = q.input if isinstance(q.input, list) else [q.input]
            for w in words:
                self.assertFalse(w in known, f"{q.id} input {w!r} is a record id; type what a person would")

    def test_every_input_fits_its_kind(self):
        for q in self.questions:
            commands, reader = run.commands_for(q)
            self.assertIn(reader, run.READERS)
            for command in commands:
                self.assertFalse(any("{" in part for part in command), f"{q.id}: {command}")


class ReaderTests(unittest.TestCase):
    def test_lines_reader_unwraps_entities_nodes_and_edges(self):
        lines = [
            {"id": "event-1", "title": "t"},
            {"entity": {"id": "entity-1"}, "score": 3.0},
            {"node": {"depth": 1, "entity": {"id": "entity-2"}}},
            {"edge": {"id": "a--rel--b", "from": "a", "to": "b"}},
            {"unrelated": True},
        ]
        self.assertEqual(run.read_lines(lines), ["event-1", "entity-1", "entity-2", "a--rel--b"])

    def test_show_reader_orders_entity_relations_events_figures(self):
        show = {"entity": {"id": "e"}, "relations": [{"id": "r1"}], "events": [{"id": "ev1"}, {"id": "ev2"}],
                "figures": [{"id": "f1"}], "neighbors": [{"id": "n1"}]}
        self.assertEqual(run.read_show([show]), ["e", "r1", "ev1", "ev2", "f1"])

    def test_path_reader_interleaves_hops_and_inner_nodes(self):
        path = {"hops": [{"edge": {"id": "a--x--m"}, "forward": True}, {"edge": {"id": "m--y--b"}, "forward": False}],
                "nodes": [{"id": "a"}, {"id": "m"}, {"id": "b"}], "length": 2}
        self.assertEqual(run.read_path([path]), ["a--x--m", "m", "m--y--b"])

    def test_window_inputs_split_into_from_and_to(self):
        q = run.Question("t", "timeline-month", "?", "2006-10/2006-12", ["x"])
        commands, _ = run.commands_for(q)
        self.assertEqual(commands, [["timeline", "--from", "2006-10", "--to", "2006-12", "--limit", str(run.PAGE_SIZE)]])
        q = run.Question("t", "timeline-year", "?", "2007", ["x"])
        self.assertEqual(run.commands_for(q)[0][0][1:5], ["--from", "2007", "--to", "2007"])


if __name__ == "__main__":
    unittest.main()
