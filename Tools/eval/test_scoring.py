"""The scorer's arithmetic on tiny hand-made cases: python3 -m unittest discover Tools/eval"""

import unittest

from scoring import first_page, score_question, summarise, summarise_by_kind


class ScoreQuestionTests(unittest.TestCase):
    def test_first_expected_at_rank_two_gives_half_reciprocal_rank(self):
        s = score_question(["x", "a", "y", "b"], ["a", "b", "c"], page_size=10)
        self.assertEqual(s.hit, 1.0)
        self.assertAlmostEqual(s.recall, 2 / 3)
        self.assertEqual(s.first_rank, 2)
        self.assertEqual(s.reciprocal_rank, 0.5)
        self.assertEqual(s.found, ("a", "b"))

    def test_only_the_first_page_counts(self):
        s = score_question(["x", "y", "a"], ["a"], page_size=2)
        self.assertEqual((s.hit, s.recall, s.reciprocal_rank, s.first_rank), (0.0, 0.0, 0.0, None))

    def test_empty_answer_scores_zero(self):
        s = score_question([], ["a", "b"], page_size=20)
        self.assertEqual((s.hit, s.recall, s.reciprocal_rank), (0.0, 0.0, 0.0))

    def test_null_expected_ids_are_ignored(self):
        s = score_question(["a"], ["a", None], page_size=5)
        self.assertEqual(s.recall, 1.0)

    def test_duplicates_neither_count_twice_nor_take_a_page_slot(self):
        self.assertEqual(first_page(["a", "a", "b", "a", "c"], 2), ["a", "b"])
        s = score_question(["a", "a", "a", "b"], ["a", "a", "b"], page_size=2)
        self.assertEqual(s.recall, 1.0)

    def test_question_without_expected_ids_is_refused(self):
        with self.assertRaises(ValueError):
            score_question(["a"], [None], page_size=5)
        with self.assertRaises(ValueError):
            first_page(["a"], 0)


class SummaryTests(unittest.TestCase):
    def test_means_by_kind_and_overall(self):
        scores = [
            ("k1", score_question(["a"], ["a"], 10)),  # hit 1, recall 1, rr 1
            ("k1", score_question(["x", "y", "z", "b", "c"], ["b", "c", "d", "e"], 10)),  # hit 1, recall .5, rr .25
            ("k2", score_question(["x"], ["q"], 10)),  # zeros
        ]
        by_kind, overall = summarise_by_kind(scores)
        self.assertEqual(list(by_kind), ["k1", "k2"])
        self.assertEqual(by_kind["k1"].questions, 2)
        self.assertAlmostEqual(by_kind["k1"].hit_rate, 1.0)
        self.assertAlmostEqual(by_kind["k1"].recall, 0.75)
        self.assertAlmostEqual(by_kind["k1"].mrr, 0.625)
        self.assertEqual((by_kind["k2"].hit_rate, by_kind["k2"].recall, by_kind["k2"].mrr), (0.0, 0.0, 0.0))
        self.assertEqual(overall.questions, 3)
        self.assertAlmostEqual(overall.hit_rate, 2 / 3)
        self.assertAlmostEqual(overall.recall, 1.5 / 3)
        self.assertAlmostEqual(overall.mrr, 1.25 / 3)

    def test_empty_summary_is_zero(self):
        self.assertEqual(summarise([]).as_dict(), {"questions": 0, "hit_rate": 0.0, "recall": 0.0, "mrr": 0.0})


if __name__ == "__main__":
    unittest.main()
