"""The soak's pure parts: the growth verdict, percentiles, the write ledger and the subscriber check.

Run: python3 -m unittest discover -s Tools/soak -p 'test_soak.py' (standard library only)."""

import random
import unittest

import run


def change(revision, added=(), changed=(), removed=()):
    return {"kind": "change", "revision": revision,
            "added": [{"collection": "events", "id": key, "value": {"title": title}} for key, title in added],
            "changed": [{"collection": "events", "id": key, "value": {"title": title}} for key, title in changed],
            "removed": [{"collection": "events", "id": key} for key in removed]}


class GrowthCheckTests(unittest.TestCase):
    def test_a_steady_leak_fails(self):
        samples = [100_000 + 500 * minute for minute in range(60)]  # 30 MB over the hour on 100 MB
        ok, text = run.growth_check("RSS KiB", samples, 16 * 1024, 0.10)
        self.assertFalse(ok, text)

    def test_a_flat_noisy_series_passes(self):
        rng = random.Random(3)
        samples = [100_000 + rng.randint(-3_000, 3_000) for _ in range(60)]
        ok, text = run.growth_check("RSS KiB", samples, 16 * 1024, 0.10)
        self.assertTrue(ok, text)

    def test_one_spike_at_the_end_passes(self):
        samples = [40] * 23 + [200]
        ok, text = run.growth_check("open files", samples, 8, 0.10)
        self.assertTrue(ok, text)

    def test_the_bound_is_relative_above_the_absolute_floor(self):
        samples = [1_000_000] * 10 + [1_090_000] * 10  # 9 % on a large base: inside 10 %
        self.assertTrue(run.growth_check("RSS KiB", samples, 16 * 1024, 0.10)[0])
        samples = [1_000_000] * 10 + [1_120_000] * 10
        self.assertFalse(run.growth_check("RSS KiB", samples, 16 * 1024, 0.10)[0])

    def test_too_few_samples_are_not_judged(self):
        self.assertTrue(run.growth_check("open files", [10], 8, 0.1)[0])


class PercentileTests(unittest.TestCase):
    def test_nearest_rank(self):
        values = list(range(1, 101))
        self.assertEqual(run.percentile(values, 0.5), 50)
        self.assertEqual(run.percentile(values, 0.99), 99)
        self.assertEqual(run.percentile([7], 0.99), 7)
        self.assertIsNone(run.percentile([], 0.5))


class LedgerTests(unittest.TestCase):
    def test_states_by_revision_and_gap_refused(self):
        ledger = run.Ledger(["a", "b"], 10)
        ledger.commit(11, "a", {"e1": "one"}, 0.0)
        ledger.commit(12, "b", {"e2": "two"}, 0.0)
        ledger.commit(13, "a", {"e1": "one!"}, 0.0)
        self.assertEqual(ledger.expected("a", 10), frozenset())
        self.assertEqual(ledger.expected("a", 12), frozenset({("e1", "one")}))
        self.assertEqual(ledger.expected("a", 13), frozenset({("e1", "one!")}))
        self.assertEqual(ledger.expected("b", 13), frozenset({("e2", "two")}))
        with self.assertRaises(run.SoakFailure):
            ledger.commit(15, "b", {}, 0.0)


class SubscriberViewTests(unittest.TestCase):
    def setUp(self):
        self.ledger = run.Ledger(["a", "b"], 10)
        self.ledger.commit(11, "a", {"e1": "one"}, 1.0)
        self.ledger.commit(12, "b", {"x": "other"}, 1.0)
        self.ledger.commit(13, "a", {"e1": "one", "e2": "two"}, 2.0)
        self.ledger.commit(14, "a", {"e2": "two!"}, 3.0)

    def problems(self, frames):
        view = run.SubscriberView(0, "a")
        lags, found = [], []
        for frame, arrived in frames:
            found += view.apply(frame, arrived)
        found += view.settle(self.ledger, lags)
        return found, lags

    def test_folded_changes_in_order_pass_with_lags(self):
        found, lags = self.problems([
            ({"kind": "initial", "revision": 11, "added": [
                {"collection": "events", "id": "e1", "value": {"title": "one"}},
                {"collection": "", "id": "ordering", "value": "by date"}]}, 1.5),
            ({"kind": "progress", "revision": 12}, 1.6),
            (change(14, added=[("e2", "two!")], removed=["e1"]), 3.5),  # 13 and 14 folded into one
        ])
        self.assertEqual(found, [])
        self.assertEqual(lags, [0.5, 1.5, 0.5])  # writes 11, 13, 14

    def test_an_event_added_twice_is_reported(self):
        found, _ = self.problems([
            ({"kind": "initial", "revision": 11, "added": [{"collection": "events", "id": "e1",
                                                             "value": {"title": "one"}}]}, 1.5),
            (change(13, added=[("e1", "one"), ("e2", "two")]), 2.5),
        ])
        self.assertTrue(any("added twice" in problem for problem in found), found)

    def test_a_missed_change_is_reported(self):
        found, _ = self.problems([
            ({"kind": "initial", "revision": 11, "added": [{"collection": "events", "id": "e1",
                                                             "value": {"title": "one"}}]}, 1.5),
            ({"kind": "progress", "revision": 13}, 2.5),  # the addition of e2 at 13 never came
        ])
        self.assertTrue(any("missing ['e2']" in problem for problem in found), found)

    def test_a_stale_title_and_a_revision_going_back_are_reported(self):
        found, _ = self.problems([
            ({"kind": "initial", "revision": 13, "added": [
                {"collection": "events", "id": "e1", "value": {"title": "one"}},
                {"collection": "events", "id": "e2", "value": {"title": "two"}}]}, 2.5),
            (change(12, removed=["e1"]), 3.5),
            ({"kind": "progress", "revision": 14}, 3.6),
        ])
        self.assertTrue(any("went from 13 to 12" in problem for problem in found), found)
        self.assertTrue(any("stale titles ['e2']" in problem for problem in found), found)


if __name__ == "__main__":
    unittest.main()
