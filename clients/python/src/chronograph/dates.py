"""EDTF dates (ISO 8601-2, levels 0 and 1, as Chronograph uses them) and the protocol's ``DateValue``.

:class:`EDTFDate` parses the same strings as the daemon (``Sources/ChronoGraph/EDTF/``) and gives the same
bounds: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (``-`` for years before 1 AD), unspecified trailing digits
(``199X``, ``19XX``, ``2004-XX``, ``2004-05-XX``), seasons 21–24, long years (``Y170000002``), one qualifier
at the end (``?`` uncertain, ``~`` approximate, ``%`` both) and intervals ``A/B`` with open (``..``) or
unknown (empty) ends. A level 0 time after a full date is checked and ignored.

``lower``/``upper`` are the days the date certainly covers; ``fuzzy_lower``/``fuzzy_upper`` widen each
qualified end by one unit of its precision (``2007~`` → 2006-01-01 … 2008-12-31). ``None`` is an open or
unknown end. Bounds are :class:`datetime.date`; a bound outside years 1–9999 (which ``datetime.date``
cannot hold) raises :class:`ValueError` when read, while its ``*_iso`` form always works.

Every ``DateValue`` in a result is a :class:`DateValue`: still the plain dict the server sent (so it
serialises and validates unchanged), with the bounds as attributes (``event["date"].lower``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Optional

PRECISIONS = ("day", "month", "year", "decade", "century")
MAX_LENGTH = 64
MAX_LONG_YEAR_DIGITS = 12
_EPOCH = datetime.date(1970, 1, 1).toordinal()


class EDTFError(ValueError):
    """The string is not an EDTF date this project accepts; the message says what and where."""

    def __init__(self, problem: str, text: str):
        super().__init__(f"invalid EDTF date {text!r}: {problem}")
        self.problem = problem
        self.text = text


# Day arithmetic on ordinals (days since 1970-01-01), after Howard Hinnant's civil calendar algorithms,
# exactly as the daemon computes them (any year, proleptic Gregorian, year 0 = 1 BC).

def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _ordinal(year: int, month: int, day: int) -> int:
    shifted = year - 1 if month <= 2 else year
    era = shifted // 400  # floor division: Swift's truncating form needs the -399 adjustment
    year_of_era = shifted - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


def _civil(ordinal: int) -> tuple[int, int, int]:
    shifted = ordinal + 719_468
    era = shifted // 146_097
    day_of_era = shifted - era * 146_097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146_096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    return year_of_era + era * 400 + (1 if month <= 2 else 0), month, day


def _first_of_month(index: int) -> int:
    year = index // 12
    return _ordinal(year, index - year * 12 + 1, 1)


def _last_of_month(index: int) -> int:
    return _first_of_month(index + 1) - 1


def _month_index(ordinal: int) -> int:
    year, month, _ = _civil(ordinal)
    return year * 12 + month - 1


def iso_day(ordinal: int) -> str:
    """``YYYY-MM-DD`` as the daemon writes it (years outside 0–9999 signed, at least five digits)."""
    year, month, day = _civil(ordinal)
    year_text = f"{year:04d}" if 0 <= year <= 9999 else ("-" if year < 0 else "+") + f"{abs(year):05d}"
    return f"{year_text}-{month:02d}-{day:02d}"


def _to_date(ordinal: Optional[int]) -> Optional[datetime.date]:
    if ordinal is None:
        return None
    try:
        return datetime.date.fromordinal(ordinal + _EPOCH)
    except (ValueError, OverflowError):
        raise ValueError(f"{iso_day(ordinal)} is outside the years datetime.date can hold (1-9999)") from None


@dataclass(frozen=True)
class _Point:
    lower: int
    upper: int
    precision: str
    unit_months: Optional[int]  # None: one day
    qualifier: Optional[str] = None

    def fuzzy(self) -> tuple[int, int]:
        if self.qualifier is None:
            return self.lower, self.upper
        if self.unit_months is None:
            return self.lower - 1, self.upper + 1
        return (_first_of_month(_month_index(self.lower) - self.unit_months),
                _last_of_month(_month_index(self.upper) + self.unit_months))


class _PointParser:
    """One date without ``/``; a port of the daemon's ``EDTFPointParser``."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end

    def fail(self, problem: str) -> EDTFError:
        return EDTFError(problem, self.text)

    def unexpected(self, offset: int) -> EDTFError:
        char = self.text[offset]
        if char == " ":
            return self.fail(f"unexpected space at offset {offset}")
        return self.fail(f"unexpected character {char!r} at offset {offset}")

    def parse(self) -> _Point:
        end, qualifier = self.end, None
        if end > self.start and self.text[end - 1] in "?~%":
            qualifier = self.text[end - 1]
            end -= 1
            if end > self.start and self.text[end - 1] in "?~%":
                raise self.fail(f"more than one qualifier at offset {end - 1}")
        if end <= self.start:
            raise self.fail("empty date" if qualifier is None else "qualifier without a date")
        if qualifier is not None and "T" in self.text[self.start:end]:
            raise self.fail("a qualifier cannot follow a time")
        if self.text[self.start] == "Y":
            point = self.long_year(self.start + 1, end)
        else:
            point = self.calendar(self.start, end)
        return _Point(point.lower, point.upper, point.precision, point.unit_months, qualifier)

    def scan(self, index: int, limit: int, accept) -> int:
        while index < limit and accept(self.text[index]):
            index += 1
        return index

    def long_year(self, index: int, end: int) -> _Point:
        negative = index < end and self.text[index] == "-"
        if negative:
            index += 1
        digits_end = self.scan(index, end, _is_digit)
        if digits_end < end:
            raise self.unexpected(digits_end)
        count = digits_end - index
        if count <= 4:
            raise self.fail(f"a Y-prefixed year must have more than four digits, got {count}")
        if count > MAX_LONG_YEAR_DIGITS:
            raise self.fail(f"year has {count} digits, more than the {MAX_LONG_YEAR_DIGITS} supported")
        year = int(self.text[index:digits_end]) * (-1 if negative else 1)
        return _year_point(year, year, "year")

    def field(self, start: int, limit: int, name: str, width: int, terminator: str = "-") -> tuple[int, int]:
        end = self.scan(start, limit, lambda c: _is_digit(c) or c == "X")
        if end < limit and self.text[end] != terminator:
            raise self.unexpected(end)
        count = end - start
        if count != width:
            if count == 0:
                raise self.fail(f"missing {name} at offset {start}")
            got = self.text[start:end]
            if name == "year" and count > width:
                raise self.fail(f'year "{got}" has {count} digits; years beyond four digits need the Y prefix')
            raise self.fail(f'{name} must have {width} digits, got "{got}" at offset {start}')
        return start, end

    def two_digits(self, field: tuple[int, int], name: str) -> Optional[int]:
        digits = self.text[field[0]:field[1]]
        if all(c == "X" for c in digits):
            return None
        if not all(_is_digit(c) for c in digits):
            raise self.fail(f'{name} must be two digits or XX, got "{digits}" at offset {field[0]}')
        return int(digits)

    def calendar(self, index: int, end: int) -> _Point:
        negative = self.text[index] == "-"
        if negative:
            index += 1
        year_field = self.field(index, end, "year", 4)
        lower, upper, precision = self.year(year_field, negative)
        index = year_field[1]
        if index >= end:
            return _year_point(lower, upper, precision)
        month_field = self.field(index + 1, end, "month", 2)
        if precision != "year":
            raise self.fail("a year with unspecified digits cannot have a month")
        index = month_field[1]
        if index >= end:
            return self.month_and_day(lower, month_field, None)
        day_field = self.field(index + 1, end, "day", 2, terminator="T")
        point = self.month_and_day(lower, month_field, day_field)
        if day_field[1] < end:
            if point.precision != "day":
                raise self.fail("a time needs a full date (YYYY-MM-DD)")
            self.check_time(day_field[1] + 1, end)
        return point

    def year(self, field: tuple[int, int], negative: bool) -> tuple[int, int, str]:
        digits = self.text[field[0]:field[1]]
        first_x = digits.find("X")
        if first_x < 0:
            first_x = len(digits)
        if first_x < 2 or any(c != "X" for c in digits[first_x:]):
            raise self.fail("unspecified digits (X) are allowed only as the last one or two digits of the year")
        if not all(_is_digit(c) for c in digits[:first_x]):
            raise self.fail(f'year must be digits, got "{digits}"')
        unspecified = len(digits) - first_x
        scale = (1, 10, 100)[unspecified]
        lower = int(digits[:first_x]) * scale
        upper = lower + scale - 1
        if negative and upper == 0:
            raise self.fail("year -0000 is not valid (year zero is written 0000)")
        precision = ("year", "decade", "century")[unspecified]
        return (-upper, -lower, precision) if negative else (lower, upper, precision)

    def month_and_day(self, year: int, month: tuple[int, int], day: Optional[tuple[int, int]]) -> _Point:
        month_value = self.two_digits(month, "month")
        if month_value is None:
            if day is not None and self.two_digits(day, "day") is not None:
                raise self.fail("a day cannot be given when the month is unspecified (XX)")
            return _year_point(year, year, "year")
        if 21 <= month_value <= 24:
            if day is not None:
                raise self.fail(f"a season ({month_value}) cannot have a day")
            first = year * 12 + (month_value - 21) * 3 + 2
            return _Point(_first_of_month(first), _last_of_month(first + 2), "month", 3)
        if not 1 <= month_value <= 12:
            raise self.fail(f"month {month_value} out of range 1–12 (seasons 21–24)")
        index = year * 12 + month_value - 1
        day_value = self.two_digits(day, "day") if day is not None else None
        if day_value is None:
            return _Point(_first_of_month(index), _last_of_month(index), "month", 1)
        length = _days_in(year, month_value)
        if not 1 <= day_value <= length:
            month_text = self.text[month[0]:month[1]]
            raise self.fail(f"day {day_value} out of range 1–{length} for month {month_text} of year {year}")
        ordinal = _ordinal(year, month_value, day_value)
        return _Point(ordinal, ordinal, "day", None)

    def check_time(self, index: int, end: int) -> None:
        for position, (name, largest) in enumerate((("hour", 23), ("minute", 59), ("second", 59))):
            if position:
                if index >= end:
                    raise self.fail(f"a time must be hh:mm:ss, but it ends at offset {index}")
                if self.text[index] != ":":
                    raise self.unexpected(index)
                index += 1
            self.time_field(index, end, name, largest)
            index += 2
        if index >= end:
            return
        if self.text[index] == "Z":
            index += 1
        elif self.text[index] in "+-":
            self.time_field(index + 1, end, "offset hour", 23)
            index += 3
            if index < end and self.text[index] == ":":
                self.time_field(index + 1, end, "offset minute", 59)
                index += 3
        else:
            raise self.unexpected(index)
        if index < end:
            raise self.unexpected(index)

    def time_field(self, index: int, end: int, name: str, largest: int) -> None:
        if index + 2 > end or not (_is_digit(self.text[index]) and _is_digit(self.text[index + 1])):
            raise self.fail(f"{name} must have 2 digits at offset {index}")
        value = int(self.text[index:index + 2])
        if value > largest:
            raise self.fail(f"{name} {value} out of range 0–{largest}")


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _year_point(first: int, last: int, precision: str) -> _Point:
    unit_years = {"century": 100, "decade": 10}.get(precision, 1)
    return _Point(_first_of_month(first * 12), _last_of_month(last * 12 + 11), precision, unit_years * 12)


@dataclass(frozen=True)
class EDTFDate:
    """A parsed EDTF date: strict and fuzzy bounds (as day ordinals since 1970-01-01, and as dates),
    precision and qualifiers. Build one with :meth:`parse`."""

    edtf: str
    lower_ordinal: Optional[int]
    upper_ordinal: Optional[int]
    fuzzy_lower_ordinal: Optional[int]
    fuzzy_upper_ordinal: Optional[int]
    precision: str
    approximate: bool
    uncertain: bool

    @classmethod
    def parse(cls, text: str) -> "EDTFDate":
        """Parses ``text`` or raises :class:`EDTFError` naming what is wrong."""
        if not isinstance(text, str) or not text:
            raise EDTFError("empty date", str(text))
        if len(text.encode("utf-8")) > MAX_LENGTH:
            raise EDTFError(f"date longer than {MAX_LENGTH} characters", text)
        if not text.isascii():
            position = next(i for i, c in enumerate(text) if not c.isascii())
            raise EDTFError(f"unexpected character {text[position]!r} at offset {position}", text)
        slashes = [i for i, c in enumerate(text) if c == "/"]
        if not slashes:
            point = _PointParser(text, 0, len(text)).parse()
            return cls._make(text, point, point)
        if len(slashes) > 1:
            raise EDTFError(f"more than one '/' (second at offset {slashes[1]})", text)
        slash = slashes[0]
        start = cls._end(text, 0, slash)
        end = cls._end(text, slash + 1, len(text))
        if start is None and end is None:
            raise EDTFError("an interval needs a date at one end at least", text)
        if start is not None and end is not None and end.upper < start.lower:
            raise EDTFError(f"interval ends ({iso_day(end.upper)}) before it starts ({iso_day(start.lower)})",
                            text)
        return cls._make(text, start, end)

    @staticmethod
    def _end(text: str, start: int, end: int) -> Optional[_Point]:
        if start == end or text[start:end] == "..":
            return None
        return _PointParser(text, start, end).parse()

    @classmethod
    def _make(cls, text: str, start: Optional[_Point], end: Optional[_Point]) -> "EDTFDate":
        qualifiers = [p.qualifier for p in (start, end) if p is not None and p.qualifier is not None]
        precision = max((start.precision if start else "day", end.precision if end else "day"),
                        key=PRECISIONS.index)
        return cls(
            edtf=text,
            lower_ordinal=start.lower if start else None,
            upper_ordinal=end.upper if end else None,
            fuzzy_lower_ordinal=start.fuzzy()[0] if start else None,
            fuzzy_upper_ordinal=end.fuzzy()[1] if end else None,
            precision=precision,
            approximate=any(q in "~%" for q in qualifiers),
            uncertain=any(q in "?%" for q in qualifiers),
        )

    @property
    def lower(self) -> Optional[datetime.date]:
        """First day the date certainly covers; ``None`` for an open or unknown start."""
        return _to_date(self.lower_ordinal)

    @property
    def upper(self) -> Optional[datetime.date]:
        """Last day the date certainly covers; ``None`` for an open or unknown end."""
        return _to_date(self.upper_ordinal)

    @property
    def fuzzy_lower(self) -> Optional[datetime.date]:
        """``lower`` widened by one unit of precision when the start is qualified."""
        return _to_date(self.fuzzy_lower_ordinal)

    @property
    def fuzzy_upper(self) -> Optional[datetime.date]:
        """``upper`` widened by one unit of precision when the end is qualified."""
        return _to_date(self.fuzzy_upper_ordinal)

    @property
    def fuzzy(self) -> bool:
        """Whether the date is approximate or uncertain (its fuzzy bounds may be wider than its strict ones)."""
        return self.approximate or self.uncertain

    def iso_bounds(self) -> dict[str, Optional[str]]:
        """The four bounds as the daemon writes them (``YYYY-MM-DD`` or ``None``)."""
        return {name: (iso_day(value) if value is not None else None) for name, value in (
            ("lower", self.lower_ordinal), ("upper", self.upper_ordinal),
            ("fuzzy_lower", self.fuzzy_lower_ordinal), ("fuzzy_upper", self.fuzzy_upper_ordinal))}

    def __str__(self) -> str:
        return self.edtf


def _parse_day(text: Optional[str]) -> Optional[datetime.date]:
    return None if text is None else datetime.date.fromisoformat(text)


class DateValue(dict):
    """A protocol ``DateValue``: the dict the server sent, plus attributes.

    ``value["lower"]`` is the server's string; ``value.lower`` is a :class:`datetime.date` (or ``None``).
    Attributes: ``edtf``, ``text`` (the document's words, or ``None``), ``lower``, ``upper``,
    ``fuzzy_lower``, ``fuzzy_upper``, ``precision``, ``approximate``, ``uncertain``, ``fuzzy`` and
    ``parsed`` (the :class:`EDTFDate` computed by this client from ``edtf``).
    """

    __slots__ = ()

    edtf = property(lambda self: self["edtf"], doc="The EDTF string.")
    text = property(lambda self: self.get("text"), doc="The document's own words, when given.")
    precision = property(lambda self: self["precision"], doc="day, month, year, decade or century.")
    approximate = property(lambda self: bool(self.get("approximate")), doc="Marked ``~`` or ``%``.")
    uncertain = property(lambda self: bool(self.get("uncertain")), doc="Marked ``?`` or ``%``.")
    lower = property(lambda self: _parse_day(self.get("lower")), doc="First certain day, or None.")
    upper = property(lambda self: _parse_day(self.get("upper")), doc="Last certain day, or None.")
    fuzzy_lower = property(lambda self: _parse_day(self.get("fuzzy_lower")), doc="Widened start, or None.")
    fuzzy_upper = property(lambda self: _parse_day(self.get("fuzzy_upper")), doc="Widened end, or None.")

    @property
    def fuzzy(self) -> bool:
        """Whether the date is approximate or uncertain."""
        return self.approximate or self.uncertain

    @property
    def parsed(self) -> EDTFDate:
        """This date parsed by the client (same bounds as the server's)."""
        return EDTFDate.parse(self["edtf"])

    def __repr__(self) -> str:
        return f"DateValue({dict.__repr__(self)})"


def decode_hook(obj: dict) -> Any:
    """``json.loads`` object hook: a ``DateValue`` object becomes a :class:`DateValue`."""
    if "edtf" in obj and "precision" in obj and "approximate" in obj:
        return DateValue(obj)
    return obj
