"""The README's CSV script keeps its file equal to the live timeline."""

from __future__ import annotations

import csv
import pathlib
import sys
import threading
import time

import chronograph
from conftest import event_record

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "examples"))
import timeline_csv  # noqa: E402


def rows(path: pathlib.Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_csv_follows_the_timeline(daemon, tmp_path):
    target = tmp_path / "timeline.csv"
    runner = threading.Thread(target=timeline_csv.main, args=(
        ["--port", str(daemon.port), "--from", "2013", "--to", "2013", "--max-updates", "3", str(target)],),
        daemon=True)
    runner.start()
    deadline = time.monotonic() + 30
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        before = client.timeline(from_="2013", to="2013", limit=500)["events"]
        assert [r["id"] for r in rows(target)] == [e["id"] for e in before]
        client.write(upserts=[event_record("py-csv-added", "2013-06-15", title="Added by the test")])
        while "py-csv-added" not in target.read_text() and time.monotonic() < deadline + 30:
            time.sleep(0.05)  # one change at a time: two quick writes may arrive folded into one change
        client.write(upserts=[event_record("py-csv-second", "2013-06-16")])
        runner.join(30)
        assert not runner.is_alive()
        after = client.timeline(from_="2013", to="2013", limit=500)["events"]
    written = rows(target)
    assert [r["id"] for r in written] == [e["id"] for e in after]
    added = next(r for r in written if r["id"] == "py-csv-added")
    assert added["title"] == "Added by the test" and added["lower"] == "2013-06-15"
    assert added["citations"] == "000_58cdf720df08e1c1.txt:3-5"
