"""Stage 1: clean the noise of real article text, keeping a map back to the raw text.

Every cleaning step only maps or deletes characters, never invents them, so each
character of the cleaned text remembers the index of the raw character it came
from. Facts are found in the cleaned text and reported with raw offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import regex

from .rules import Rules, load_rules

# Sentence-final marks: a line ending in one of these ends a paragraph.
_LINE_END = "。！？!?；;：:…”」』）)】"
_CJK = r"\p{Han}"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·%％"


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus, for each of its characters, the index in the raw text.

    >>> c = clean("动 力 566 人")
    >>> c.text, c.raw_span(2, 6)
    ('动力566人', (4, 9))
    """

    raw: str
    text: str
    offsets: tuple[int, ...]  # offsets[i] = raw index of text[i]; one extra entry = len(raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of the cleaned span [start, end)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def clean(raw: str, rules: Rules | None = None) -> CleanText:
    """Clean ``raw`` for extraction; see the module docstring.

    >>> clean("共落实 2023 年补贴\\n\\n2165 人").text
    '共落实2023年补贴2165人'
    """
    rules = rules or load_rules()
    chars = [(ch, i) for i, ch in enumerate(raw)]
    chars = _map_chars(chars, rules.char_map)
    chars = _join_wrapped_lines(chars)
    chars = _drop_inner_spaces(chars)
    chars = _drop_thousands_separators(chars)
    chars = _drop_doubled_runs(chars)
    text = "".join(ch for ch, _ in chars)
    offsets = tuple(i for _, i in chars) + (len(raw),)
    return CleanText(raw=raw, text=text, offsets=offsets)


Chars = list[tuple[str, int]]


def _map_chars(chars: Chars, char_map: dict[str, str]) -> Chars:
    """Full-width digits and signs to ASCII, one character for one."""
    return [(char_map.get(ch, ch), i) for ch, i in chars]


def _lines(chars: Chars) -> list[Chars]:
    lines, line = [], []
    for item in chars:
        if item[0] == "\n":
            lines.append(line)
            line = []
        else:
            line.append(item)
    lines.append(line)
    return lines


def _strip(line: Chars) -> Chars:
    start, end = 0, len(line)
    while start < end and line[start][0].isspace():
        start += 1
    while end > start and line[end - 1][0].isspace():
        end -= 1
    return line[start:end]


def _join_wrapped_lines(chars: Chars) -> Chars:
    """Rejoin lines that a PDF or a narrow column broke mid-sentence.

    A line is a wrapped one when it does not end a sentence and is about as long as
    the article's typical line; a short line without a full stop is a heading.
    """
    lines = [_strip(line) for line in _lines(chars)]
    full = [len(line) for line in lines if line]
    if not full:
        return chars
    wrap_width = 0.75 * median(full)
    out: Chars = []
    newline_at = None
    for line in lines:
        if not line:
            continue
        if out:
            wrapped = _wrapped(out[-1][0], line[0][0], prev_len, wrap_width)
            if not wrapped:
                out.append(("\n", newline_at))
        out.extend(line)
        prev_len = len(line)
        newline_at = line[-1][1] + 1
    return out


def _wrapped(prev_end: str, next_start: str, prev_len: int, wrap_width: float) -> bool:
    """Does a line ending in ``prev_end`` continue on the next line?"""
    if prev_end in _LINE_END:
        return False
    if next_start in "，、。；：）)%％" or prev_end.isdigit() or prev_end in ".．":
        return True  # no line starts with a comma, and no paragraph ends on a bare number
    return prev_len >= wrap_width


_HAN = regex.compile(_CJK)


def _is_cjk(ch: str) -> bool:
    return bool(ch) and (ch in _CJK_PUNCT or _HAN.match(ch) is not None)


_SPACE_RUN = regex.compile(r"[^\S\n]+")


def _drop_inner_spaces(chars: Chars) -> Chars:
    """Drop spaces next to a Chinese character or mark (`动 力 566 人` → `动力566人`).

    A run of spaces between two non-Chinese tokens (`GDP 5`) shrinks to one space.
    """
    text = "".join(ch for ch, _ in chars)
    drop: set[int] = set()
    for m in _SPACE_RUN.finditer(text):
        prev = text[m.start() - 1] if m.start() else "\n"
        nxt = text[m.end()] if m.end() < len(text) else "\n"
        keep_one = not (_is_cjk(prev) or _is_cjk(nxt) or prev == "\n" or nxt == "\n")
        drop.update(range(m.start() + keep_one, m.end()))
    out = [item for k, item in enumerate(chars) if k not in drop]
    return [(" " if ch.isspace() and ch != "\n" else ch, i) for ch, i in out]


_THOUSANDS = regex.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])")


def _drop_thousands_separators(chars: Chars) -> Chars:
    """`1,234,567` → `1234567` (only groups of exactly three digits)."""
    text = "".join(ch for ch, _ in chars)
    drop = {m.start() + k for m in _THOUSANDS.finditer(text) for k, c in enumerate(m.group()) if c == ","}
    return [item for k, item in enumerate(chars) if k not in drop]


_DOUBLED = regex.compile(r"(\p{Han}[^\n\s]{3,40}?)\1")
_HEADLINE = regex.compile(r"[^\n]+")


def _drop_doubled_runs(chars: Chars) -> Chars:
    """Doubled headlines from PDF extraction: `创新土地托管模式创新土地托管模式` keeps one copy.

    Only runs of four or more characters that repeat at once, on lines short enough
    to be headings, are folded, so `谢谢`, `天天` and reduplicated words stay.
    """
    text = "".join(ch for ch, _ in chars)
    drop: set[int] = set()
    for line in _HEADLINE.finditer(text):
        if not 8 <= len(line.group()) <= 100:
            continue
        for m in _DOUBLED.finditer(line.group()):
            half = len(m.group(1))
            start = line.start() + m.start()
            drop.update(range(start + half, start + 2 * half))
    return [item for k, item in enumerate(chars) if k not in drop]
