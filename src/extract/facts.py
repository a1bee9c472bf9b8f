"""Stage 6: the facts of an article — clean, find, normalize, attach subjects — as rows."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from .clean import CleanText, clean
from .mentions import SENTENCE_END, Mention, Rejection, doc_spans, find_mentions
from .normalize import normalize
from .rules import Rules, load_rules
from .context import article_place, fact_context
from .subject import find_subjects

CONTRACT_FIELDS = ("doc", "text", "value", "value_max", "unit", "kind", "approx", "per", "subject")


@dataclass
class Fact:
    """One statistic: the contract's fields plus where it came from."""

    doc: str | None
    text: str
    value: float
    value_max: float | None
    unit: str
    kind: str
    approx: str | None
    per: str | None
    subject: str | None
    indicator: str | None  # the editor-defined indicator it measures (rules/context.yaml)
    year: int | None  # the year its sentence refers to
    place: str | None  # the most specific place its sentence (or else the article) names
    scope: str | None  # to_date, cumulative, since, full_year …
    start: int  # offsets into the raw article text
    end: int
    sentence: str
    rule: str  # pattern and rule id that produced it, e.g. quantity/元
    steps: list[str] = field(default_factory=list, repr=False, compare=False)

    def row(self) -> dict:
        """The fact as a flat dict (no explanation steps)."""
        out = asdict(self)
        out.pop("steps")
        return out


FACT_COLUMNS = tuple(f.name for f in fields(Fact) if f.name != "steps")


@dataclass
class Extraction:
    """Facts and the numbers that did not become facts, for one article."""

    doc: str | None
    cleaned: CleanText
    facts: list[Fact]
    rejections: list[Rejection]


def extract(text: str, doc: str | None = None, rules: Rules | None = None) -> Extraction:
    """Run the whole pipeline on one article's raw text."""
    rules = rules or load_rules()
    cleaned = clean(text, rules)
    body = cleaned.text
    spans = doc_spans(body, rules)
    scan = find_mentions(body, rules, spans)
    taken = [(m.num_start, m.end) for m in scan.mentions]
    blocked = spans.phrases
    facts, kept, rejections = [], [], list(scan.rejections)
    for mention in scan.mentions:
        normalized = normalize(body, mention, rules, taken, blocked)
        if normalized is None:
            rejections.append(Rejection(mention.start, mention.end, body[mention.start:mention.end], "no value"))
            continue
        facts.append(_fact(doc, cleaned, mention, normalized))
        kept.append(mention)
    for fact, mention, subject in zip(facts, kept, find_subjects(body, kept, [f.kind for f in facts], rules)):
        fact.subject = subject
        left, right = _sentence_bounds(body, mention.start, mention.end)
        context = fact_context(body[left:right], body[left:mention.num_start], subject, fact.kind, rules)
        fact.indicator, fact.year, fact.place, fact.scope = context.indicator, context.year, context.place, context.scope
    fallback = article_place([f.place for f in facts])
    for fact in facts:
        fact.place = fact.place or fallback
    return Extraction(doc, cleaned, facts, sorted(rejections, key=lambda r: r.start))


def _fact(doc, cleaned: CleanText, mention: Mention, n) -> Fact:
    raw_start, raw_end = cleaned.raw_span(mention.start, mention.end)
    surface = "".join(cleaned.raw[raw_start:raw_end].split())
    return Fact(
        doc=doc, text=surface, value=n.value, value_max=n.value_max, unit=n.unit, kind=n.kind,
        approx=n.approx, per=n.per, subject=None, indicator=None, year=None, place=None, scope=None,
        start=raw_start, end=raw_end,
        sentence=_sentence(cleaned.text, mention.start, mention.end),
        rule=f"{mention.pattern}/{mention.rule}", steps=n.steps,
    )


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_END:
        left -= 1
    right = end
    while right < len(text) and text[right] not in SENTENCE_END:
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1
    return left, right


def _sentence(text: str, start: int, end: int) -> str:
    left, right = _sentence_bounds(text, start, end)
    return text[left:right].strip()


def extract_facts(text: str, doc: str | None = None, rules: Rules | None = None) -> list[Fact]:
    """The statistic facts of one article.

    >>> [(f.value, f.unit, f.per) for f in extract_facts("每亩 800元的保底分红")]
    [(800, '元', '亩')]
    """
    return extract(text, doc, rules).facts


def facts_frame(facts: list[Fact]):
    """The facts as a pandas DataFrame, one row per fact, contract columns first."""
    import pandas as pd

    return pd.DataFrame([f.row() for f in facts], columns=list(FACT_COLUMNS))
