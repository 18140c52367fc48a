"""EDTF dates: the client's parser gives the daemon's bounds for every date in the graph, and rejects what
the daemon rejects."""

from __future__ import annotations

import datetime

import pytest

import chronograph
from chronograph import DateValue, EDTFDate, EDTFError


def test_every_date_the_daemon_sends_parses_to_the_same_bounds(shared_daemon):
    with chronograph.Client("127.0.0.1", shared_daemon.port) as client:
        events = [data["event"] for data in client.timeline_stream()]
        figures = client.figures(limit=1000)["figures"]
    dates = [e["date"] for e in events] + [f["date"] for f in figures if "date" in f]
    assert len(dates) > 100
    for value in dates:
        assert isinstance(value, DateValue)
        parsed = value.parsed
        assert parsed.iso_bounds() == {k: value[k] for k in ("lower", "upper", "fuzzy_lower", "fuzzy_upper")}, value
        assert (parsed.precision, parsed.approximate, parsed.uncertain) == (
            value.precision, value.approximate, value.uncertain), value
        assert parsed.lower == value.lower and parsed.fuzzy_upper == value.fuzzy_upper


@pytest.mark.parametrize("text, lower, upper, fuzzy_lower, fuzzy_upper, precision", [
    ("2007~", "2007-01-01", "2007-12-31", "2006-01-01", "2008-12-31", "year"),
    ("2006-12", "2006-12-01", "2006-12-31", "2006-12-01", "2006-12-31", "month"),
    ("2007-03-19?", "2007-03-19", "2007-03-19", "2007-03-18", "2007-03-20", "day"),
    ("199X", "1990-01-01", "1999-12-31", "1990-01-01", "1999-12-31", "decade"),
    ("19XX%", "1900-01-01", "1999-12-31", "1800-01-01", "2099-12-31", "century"),
    ("2001-24", "2001-12-01", "2002-02-28", "2001-12-01", "2002-02-28", "month"),
    ("2004-05-XX", "2004-05-01", "2004-05-31", "2004-05-01", "2004-05-31", "month"),
    ("1991/2006~", "1991-01-01", "2006-12-31", "1991-01-01", "2007-12-31", "year"),
    ("../2013-01-29", None, "2013-01-29", None, "2013-01-29", "day"),
    ("2015-06/", "2015-06-01", None, "2015-06-01", None, "month"),
    ("2004-02-29T10:10:10Z", "2004-02-29", "2004-02-29", "2004-02-29", "2004-02-29", "day"),
])
def test_bounds_and_precision(text, lower, upper, fuzzy_lower, fuzzy_upper, precision):
    date = EDTFDate.parse(text)
    assert date.iso_bounds() == {"lower": lower, "upper": upper, "fuzzy_lower": fuzzy_lower,
                                 "fuzzy_upper": fuzzy_upper}
    assert date.precision == precision
    assert date.lower == (datetime.date.fromisoformat(lower) if lower else None)
    assert date.fuzzy == (text[-1] in "?~%")


def test_years_outside_datetime_keep_their_iso_bounds():
    date = EDTFDate.parse("Y-170000002")
    assert date.iso_bounds()["lower"] == "-170000002-01-01"
    with pytest.raises(ValueError):
        date.lower
    assert EDTFDate.parse("-0044-03-15").iso_bounds()["lower"] == "-00044-03-15"


@pytest.mark.parametrize("text, problem", [
    ("", "empty date"),
    ("2007~~", "more than one qualifier"),
    ("20071", "Y prefix"),
    ("2007-13", "month 13 out of range"),
    ("2007-02-29", "day 29 out of range 1–28"),
    ("2001-21-01", "cannot have a day"),
    ("1X99", "unspecified digits"),
    ("199X-01", "cannot have a month"),
    ("2008/2007", "ends (2007-12-31) before it starts"),
    ("../..", "needs a date at one end"),
    ("2007/2008/2009", "more than one '/'"),
    ("-0000", "year -0000"),
    ("Y1234", "more than four digits"),
    ("2007 ", "unexpected space"),
    ("2007-01-01T25:00:00", "hour 25"),
    ("2007-01-01T10:00:00~", "qualifier cannot follow a time"),
    ("1" * 65, "longer than 64"),
])
def test_invalid_dates_name_the_problem(text, problem):
    with pytest.raises(EDTFError) as error:
        EDTFDate.parse(text)
    assert problem in str(error.value)
