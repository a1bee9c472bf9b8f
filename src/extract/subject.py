"""Stage 5: the subject of a fact — the short phrase naming what is counted or paid.

Two places name it: the noun right after a measure word (`193户木耳种植户`,
`2100座大棚`), or the phrase just before the number in its clause
(`稳岗补助 5202 人`, `累计发放工资 614.42 万元`). Only that clause is segmented
(jieba, with the rule nouns as a user dictionary), never the whole article.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .mentions import CLAUSE_END, Mention
from .rules import Rules, load_rules
from .segment import tag

# Parts of speech that can head a subject phrase (jieba's tag set).
NOUNISH = ("n", "nz", "nt", "ns", "nr", "vn", "an", "j", "l", "b", "g", "i", "eng", "x")
# Scope and time words that open a clause but say nothing about what is counted.
_LEAD = regex.compile(r"^(?:截至目前|截至|目前|其中|同时|此外|另外|今年以来|全年|累计|共计|共|总计|合计|现有|已有|仍有|还有|并|又|再|把|将|对|为|使|让|据统计|据了解)")
# Verbs and particles that stand between a subject and its figure.
_LINK = regex.compile(r"(?:达到|达|为|是|有|共有|共计|共|约|近|超过|突破|不足|不到|了|的|在|已|已经|仍|还|都|各|占|分别|合计|总计|累计|实现|完成|增加|减少|增长|下降|提高|降低|新增|增收|节约|获得|获|赚到|挣|能挣|可|能|就|要|多|少|只有|仅有|仅|只|高达|多达|在内)+$")
_AFTER_STOP = regex.compile(r"[\p{Han}]{1,10}?(?=[的和及与在等共已都可以中里上下从向对被将把，。、；：！？“”（）\s]|$)")

MAX_SUBJECT = 10


def find_subject(text: str, mention: Mention, kind: str, taken: list[tuple[int, int]]) -> str | None:
    """The subject phrase of ``mention`` in cleaned ``text``, or None.

    >>> from extract.facts import extract_facts
    >>> [f.subject for f in extract_facts("共有 193 户木耳种植户，2100 座大棚")]
    ['木耳种植户', '大棚']
    """
    after = _noun_after(text, mention, kind)
    if after:
        return after
    return _phrase_before(text, mention, taken)


def _noun_after(text: str, mention: Mention, kind: str) -> str | None:
    if mention.noun and mention.noun_role in ("person", "household", "firm"):
        run = _run_after(text, mention.end)
        return run if run and run.startswith(mention.noun) else mention.noun
    if kind in ("money", "percent", "percentage_point", "duration", "age", "area", "weight", "length", "volume"):
        return None  # a noun after these is what the money is spent on, rarely what it is
    run = _run_after(text, mention.end)
    if not run:
        return None
    words = tag(run)
    if not words or words[0][1] not in NOUNISH or words[0][1] == "x":
        return None
    out = ""
    for word, flag in words:
        if flag not in NOUNISH or len(out) + len(word) > MAX_SUBJECT:
            break
        out += word
    return out or None


def _run_after(text: str, pos: int) -> str:
    m = _AFTER_STOP.match(text, pos)
    return m.group() if m else ""


def _phrase_before(text: str, mention: Mention, taken: list[tuple[int, int]]) -> str | None:
    start = mention.num_start if mention.start >= mention.num_start else mention.start
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_END:
        left -= 1
    for s, e in taken:  # start after the previous figure in the same clause
        if left <= e <= start and e != mention.end:
            left = e
    clause = text[left:start]
    clause = regex.sub(r"^[^\p{Han}]+", "", clause)
    clause = _strip_dates(clause)
    clause = _LINK.sub("", clause)
    if not clause:
        return None
    words = [(w, f) for w, f in tag(clause)]
    while words and (words[-1][1] not in NOUNISH or _LINK.fullmatch(words[-1][0])):
        if words[-1][1] in ("v",) and len(words) >= 1 and len(words[-1][0]) >= 2 and not _LINK.fullmatch(words[-1][0]):
            break
        words.pop()
    picked: list[str] = []
    length = 0
    for word, flag in reversed(words):
        if flag not in NOUNISH and flag not in ("v", "vn") or length + len(word) > MAX_SUBJECT:
            break
        picked.insert(0, word)
        length += len(word)
    subject = _LEAD.sub("", "".join(picked))
    subject = regex.sub(r"^[的之]", "", subject)
    return subject if len(subject) >= 2 else None


_DATE_PREFIX = regex.compile(r"^.*?(?:\d{4}年|[〇零一二三四五六七八九]{4}年|\d{1,2}月\d{1,2}日|\d{1,2}月份?|年底|年初)(?:以来|来|底|末|初)?")


def _strip_dates(clause: str) -> str:
    return _DATE_PREFIX.sub("", clause)
