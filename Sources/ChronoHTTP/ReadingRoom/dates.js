"use strict";
/* Dates as the protocol gives them (DateValue: edtf, text, lower, upper, fuzzy_lower, fuzzy_upper,
   precision, approximate, uncertain) turned into day numbers and words. */
const Dates = (() => {
  const DAY = 86400000;
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  /** "YYYY-MM-DD" (or "-YYYY-MM-DD") → days since 1970-01-01; null stays null. */
  function day(text) {
    if (!text) return null;
    const m = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return null;
    const date = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
    date.setUTCFullYear(Number(m[1]));
    return Math.round(date.getTime() / DAY);
  }

  /** Days → a Date (UTC). */
  function date(days) { return new Date(days * DAY); }

  /** A bound given as an EDTF year or date in a form field ("2006", "2007-05") → its first/last day. */
  function fieldBound(text, end) {
    if (!text) return null;
    const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text.trim());
    if (!m) return null;
    const y = Number(m[1]);
    if (m[3]) return day(`${m[1]}-${m[2]}-${m[3]}`);
    if (m[2]) {
      const mo = Number(m[2]);
      return end ? Math.round(Date.UTC(y, mo, 1) / DAY) - 1 : Math.round(Date.UTC(y, mo - 1, 1) / DAY);
    }
    return end ? Math.round(Date.UTC(y + 1, 0, 1) / DAY) - 1 : Math.round(Date.UTC(y, 0, 1) / DAY);
  }

  /** The extent of a DateValue: certain [lower, upper], possible [fuzzyLower, fuzzyUpper], open ends. */
  function extent(value) {
    if (!value) return null;
    const lower = day(value.lower), upper = day(value.upper);
    const fuzzyLower = day(value.fuzzy_lower) ?? lower, fuzzyUpper = day(value.fuzzy_upper) ?? upper;
    return {
      lower, upper,
      fuzzyLower: fuzzyLower !== null && lower !== null ? Math.min(fuzzyLower, lower) : fuzzyLower,
      fuzzyUpper: fuzzyUpper !== null && upper !== null ? Math.max(fuzzyUpper, upper) : fuzzyUpper,
      openStart: value.lower === null || value.lower === undefined,
      openEnd: value.upper === null || value.upper === undefined,
      point: value.precision === "day" && lower !== null && lower === upper,
      faded: Boolean(value.approximate || value.uncertain),
    };
  }

  /** One day in words: "3 May 2007". */
  function words(days) {
    const d = date(days);
    return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }

  /** A DateValue in words: the documents' own text first, then what it spans. */
  function describe(value) {
    if (!value) return "undated";
    const e = extent(value);
    const parts = [];
    if (value.text) parts.push(`“${value.text}”`);
    if (e.point) parts.push(words(e.lower));
    else if (e.lower !== null && e.upper !== null) parts.push(`between ${words(e.lower)} and ${words(e.upper)}`);
    else if (e.lower !== null) parts.push(`from ${words(e.lower)}, end open`);
    else if (e.upper !== null) parts.push(`until ${words(e.upper)}, start open`);
    const qualities = [];
    if (value.approximate) qualities.push("approximate");
    if (value.uncertain) qualities.push("uncertain");
    if (qualities.length) parts.push(`(${qualities.join(", ")})`);
    return parts.join(" ");
  }

  /** Whether an event's whole possible extent lies inside [from, to] ("certainly"), or only part ("possibly"). */
  function placement(value, from, to) {
    const e = extent(value);
    if (!e) return "possibly";
    const lo = e.openStart ? -Infinity : e.fuzzyLower, hi = e.openEnd ? Infinity : e.fuzzyUpper;
    const inside = (from === null || lo >= from) && (to === null || hi <= to);
    return inside ? "certainly" : "possibly";
  }

  return { DAY, MONTHS, day, date, fieldBound, extent, words, describe, placement };
})();
