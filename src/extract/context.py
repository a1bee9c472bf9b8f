"""Context columns of a fact: the indicator it measures, the year and place its clause
refers to, and the scope of its figure (截至目前, 累计, 全年 …).

Everything is looked up in the fact's own sentence, with cheap regexes; a place falls
back to the place the article names most among its facts.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from .rules import Rules, alternation
from .segment import tag

_YEAR = regex.compile(r"((?:19|20)\d{2})年|([〇○零一二三四五六七八九]{4})年")
_CN_DIGITS = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "○": "0"}
# A place name: two to four name characters before an administrative suffix. Name
# characters exclude function words, verbs and generic modifiers, so 全县, 各乡镇,
# 返还村 and 农村 are no places; chained names split (中阳县 | 枝柯镇 | 南大井村).
_STOP = "之的了在到从对把将为是有和与及各个过通该本我每全其这那此被让使向往由就都也又再并而且或但第多少几数余近约达超占比县市区镇乡村省"
# Han characters of the basic and extension-A blocks as a negated range, so that the
# standard library's re (five times faster here than regex's \p{Han}) can subtract _STOP.
_PLACE = re.compile(rf"[^\x00-\u33ff\u4dc0-\u4dff\ua000-\U0010ffff{_STOP}]{{2,4}}"
                    r"(?:自治州|自治县|街道|社区|省|市|县|区|镇|乡|村)(?![民级委镇干部心力钱时事下去])")
_LEADING_TAGS = {"t", "v", "vn", "p", "d", "c", "u", "uj", "ul", "m", "q", "r", "f", "a", "ad"}
_PLACE_RANK = {"村": 0, "社区": 0, "镇": 1, "乡": 1, "街道": 1, "区": 2, "县": 2, "自治县": 2, "市": 3, "自治州": 3, "省": 4}


@dataclass
class Context:
    indicator: str | None
    year: int | None
    place: str | None
    scope: str | None


def fact_context(sentence: str, before: str, subject: str | None, kind: str, rules: Rules) -> Context:
    """Context of a fact whose ``sentence`` holds ``before`` (the text up to the number).

    >>> from extract.rules import load_rules
    >>> c = fact_context("累计落实2023年一次性交通补贴2165人", "累计落实2023年一次性交通补贴", "一次性交通补贴", "people", load_rules())
    >>> (c.indicator, c.year, c.scope)
    ('交通补贴', 2023, 'cumulative')
    """
    return Context(
        indicator=_indicator(sentence, len(before), subject, kind, rules),
        year=_year(before) or _year(sentence),
        place=_place(before, rules) or _place(sentence, rules),
        scope=_scope(before, rules),
    )


@lru_cache(maxsize=8)
def _indicator_terms(rules: Rules) -> tuple[regex.Pattern | None, dict[str, list[tuple[str, frozenset[str]]]]]:
    """One regex for every indicator term, and term → [(indicator, kinds)]."""
    owners: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for indicator, terms, kinds in rules.indicators:
        for term in terms:
            owners.setdefault(term, []).append((indicator, kinds))
    if not owners:
        return None, owners
    return regex.compile(alternation(owners)), owners


def _indicator(sentence: str, at: int, subject: str | None, kind: str, rules: Rules) -> str | None:
    """The indicator whose term is in the subject, else the one named nearest the number
    (at ``at``) in its sentence."""
    pattern, owners = _indicator_terms(rules)
    if pattern is None:
        return None
    if subject:
        for m in pattern.finditer(subject):
            hit = next((i for i, kinds in owners[m.group()] if kind in kinds), None)
            if hit:
                return hit
    best, best_distance = None, len(sentence) + 1
    for m in pattern.finditer(sentence, overlapped=True):
        hit = next((i for i, kinds in owners[m.group()] if kind in kinds), None)
        distance = at - m.end() if m.end() <= at else m.start() - at
        if hit and distance < best_distance:
            best, best_distance = hit, distance
    return best


def _year(text: str) -> int | None:
    years = _YEAR.findall(text)
    if not years:
        return None
    arabic, chinese = years[-1]
    return int(arabic or "".join(_CN_DIGITS[c] for c in chinese))


@lru_cache(maxsize=4096)  # the facts of one sentence ask for the same places
def places(text: str, rules: Rules | None = None) -> tuple[str, ...]:
    """Place names in ``text``: a suffix pattern, then leading verbs and particles dropped
    by segmentation (延伸至天九镇 → 天九镇).

    >>> places("中阳县枝柯镇南大井村獐鸣小组")
    ('中阳县', '枝柯镇', '南大井村')
    """
    out = []
    for m in _PLACE.finditer(text):
        words = list(tag(m.group(), rules))
        while words and words[0][1] in _LEADING_TAGS:
            words.pop(0)
        name = "".join(w for w, _ in words)
        if len(name) >= 3:
            out.append(name)
    return tuple(out)


_RANKED_SUFFIXES = sorted(_PLACE_RANK.items(), key=lambda kv: -len(kv[0]))  # 自治县 before 县


def _rank(name: str) -> int:
    return next((rank for suffix, rank in _RANKED_SUFFIXES if name.endswith(suffix)), 9)


def _place(text: str, rules: Rules) -> str | None:
    found = places(text, rules)
    return min(found, key=_rank) if found else None


def _scope(before: str, rules: Rules) -> str | None:
    best, best_at = None, -1
    for word, scope in rules.scopes:
        at = before.rfind(word)
        if at > best_at:
            best, best_at = scope, at
    return best


def article_place(text: str, rules: Rules | None = None) -> str | None:
    """The place an article names most often (the fallback place of its facts).

    >>> article_place("定南县把民生摆上位置。家住定南县老城镇的村民说，定南县投资建设了鹅公镇水厂。")
    '定南县'
    """
    counts = Counter(m.group() for m in _PLACE.finditer(text))
    for candidate, _ in counts.most_common(3):
        found = places(candidate, rules)
        if found:
            return found[0]
    return None
