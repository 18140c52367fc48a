"""Scoring for the question set: hit rate, recall and reciprocal rank on the first page of an answer.

Standard library only, so `run.py` and the unit tests share it without installing anything.

For one question, `ranked` is the answer as a list of record ids in the order the user sees them and
`expected` the ids a good answer must contain (null entries, which stand for records the graph lacks, are
ignored). Only the first `page_size` ids count:

- hit: 1 when any expected id is on the first page, else 0;
- recall: the share of expected ids that are on the first page;
- reciprocal rank: 1 / (1-based position of the first expected id on the first page), 0 when none is.

A kind's figures, and the overall ones, are plain means over the questions (each question weighs the same).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuestionScore:
    hit: float
    recall: float
    reciprocal_rank: float
    first_rank: int | None  # 1-based rank of the first expected id on the first page, None when absent
    found: tuple[str, ...]  # expected ids found on the first page, in expected order


def first_page(ranked: list[str], page_size: int) -> list[str]:
    """The first `page_size` distinct ids, in order (a repeated id keeps its first position)."""
    if page_size < 1:
        raise ValueError(f"page_size must be at least 1, got {page_size}")
    page: list[str] = []
    seen: set[str] = set()
    for record_id in ranked:
        if record_id in seen:
            continue
        seen.add(record_id)
        page.append(record_id)
        if len(page) == page_size:
            break
    return page


def score_question(ranked: list[str], expected: list[str | None], page_size: int) -> QuestionScore:
    wanted = [e for e in dict.fromkeys(expected) if e is not None]
    if not wanted:
        raise ValueError("a scored question needs at least one expected id that is not null")
    page = first_page(ranked, page_size)
    on_page = set(page)
    found = tuple(e for e in wanted if e in on_page)
    first_rank = next((i + 1 for i, record_id in enumerate(page) if record_id in wanted), None)
    return QuestionScore(
        hit=1.0 if found else 0.0,
        recall=len(found) / len(wanted),
        reciprocal_rank=1.0 / first_rank if first_rank else 0.0,
        first_rank=first_rank,
        found=found,
    )


@dataclass(frozen=True)
class Summary:
    questions: int
    hit_rate: float
    recall: float
    mrr: float

    def as_dict(self) -> dict[str, float | int]:
        return {"questions": self.questions, "hit_rate": self.hit_rate, "recall": self.recall, "mrr": self.mrr}


def summarise(scores: list[QuestionScore]) -> Summary:
    n = len(scores)
    if n == 0:
        return Summary(0, 0.0, 0.0, 0.0)
    return Summary(
        questions=n,
        hit_rate=sum(s.hit for s in scores) / n,
        recall=sum(s.recall for s in scores) / n,
        mrr=sum(s.reciprocal_rank for s in scores) / n,
    )


def summarise_by_kind(kinds_and_scores: list[tuple[str, QuestionScore]]) -> tuple[dict[str, Summary], Summary]:
    """Per-kind summaries (kinds in first-seen order) and the overall one."""
    grouped: dict[str, list[QuestionScore]] = {}
    for kind, score in kinds_and_scores:
        grouped.setdefault(kind, []).append(score)
    by_kind = {kind: summarise(scores) for kind, scores in grouped.items()}
    overall = summarise([score for _, score in kinds_and_scores])
    return by_kind, overall
