"""Stage 1: clean the noise of real article text, keeping a map back to the raw text.

Every cleaning step only maps a character to another (full-width digits) or deletes
characters (spaces inside words, line breaks inside sentences, thousands separators,
the second copy of a doubled headline), never invents any, so each character of the
cleaned text remembers the raw character it came from. Facts are found in the cleaned
text and reported with raw offsets. Each step is a regex pass; clean text costs no
more than those passes.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
import html
from functools import lru_cache
from itertools import accumulate, chain, takewhile
import re
from statistics import median
import unicodedata

import regex

from .numerals import WHITE_SPACE
from .rules import Rules, load_rules

# Sentence-final marks: a line ending in one of these ends a paragraph.
_LINE_END = "。！？!?；;：:…”」』）)】"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·%％"
_HAN = regex.compile(r"\p{Han}")
_SYMBOL = regex.compile(r"(?![℃℉㎡㎏㎞㎜㎝㎎㎖㏄])[\p{So}\p{Sk}]")  # emoji and other symbols (not a unit such as ℃ or ㎡)


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus, for each of its characters, the index in the raw text.

    >>> c = clean("动 力 566 人")
    >>> c.text, c.raw_span(2, 6)
    ('动力566人', (4, 9))
    """

    raw: str
    text: str
    offsets: tuple[int, ...] | None  # offsets[i] = raw index of text[i]; None: the same index

    def raw_index(self, i: int) -> int:
        if self.offsets is None:
            return i
        return self.offsets[i] if i < len(self.offsets) else len(self.raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of the cleaned span [start, end)."""
        if end <= start:
            return self.raw_index(start), self.raw_index(start)
        return self.raw_index(start), self.raw_index(end - 1) + 1


def clean(raw: str, rules: Rules | None = None) -> CleanText:
    """Clean ``raw`` for extraction; see the module docstring.

    >>> clean("共落实 2023 年补贴\\n\\n2165 人").text
    '共落实2023年补贴2165人'
    >>> clean("１，２３４人").text
    '1234人'
    >>> clean("个 村 共 有 3 2 6 户").text
    '个村共有326户'
    >>> clean("改 善 了 6 , 4 3 0 户").text
    '改善了6430户'
    >>> clean("1\\u3000张某某\\u3000补贴面积320亩\\n2\\u3000李某\\u3000补贴面积186亩").text
    '1|张某某|补贴面积320亩\\n2|李某|补贴面积186亩'
    """
    rules = rules or load_rules()
    text = raw.translate(_table(rules))
    source = raw  # the raw text, but for margin line numbers made invisible
    margin = _margin_numbers(text)
    if margin:  # 15⇥25万元: a draft's line number is no part of the figure after it
        text, source = _overwrite(text, margin, "\u200b"), _overwrite(raw, margin, "\u200b")
    if _traditional(rules).search(raw):
        text = _simplified(text)
    drop: list[tuple[int, int]] = []
    if "&" in text:
        text, entities = _entities(text)  # 18.7&nbsp;亿元
        drop += entities
    if "<" in text and ">" in text:  # <strong>12.5万元</strong>: tags left in a copied page are blanked
        cells = [m.start() for m in _HTML_CELL.finditer(text)] + _spanned_cells(text) if "<t" in text else []
        if "<tr" in text or "<TR" in text:  # <tr> / <td>东垸镇</td> / <td>2&nbsp;316</td> / </tr>: one row, one line
            row_breaks = [m.start() + k for m in _HTML_ROW.finditer(text) for k, ch in enumerate(m.group()) if ch == "\n"]
            text, source = _overwrite(text, row_breaks, " "), _overwrite(source, row_breaks, " ")
        text = _overwrite(text, (k for m in _HTML_TAG.finditer(text) for k in range(*m.span())), " ")
        text = _overwrite(text, cells, "|")
    misread = _OCR_HINT.search(text) is not None
    if misread:
        read, text = text, _OCR_FIGURE.sub(_ocr_digits, text)  # 3l2家, 2O5家
        # the rows' cells are read from the source: it gets the digits read too (l53,6OO)
        source = "".join(text[k] if k < len(text) and read[k] != text[k] else ch for k, ch in enumerate(source))
    if "O" in text:
        zeros = [m.start() for m in _OCR_ZERO_IN_NUMERAL.finditer(text)]
        text, source = _overwrite(text, zeros, "〇"), _overwrite(source, zeros, "〇") if zeros else source
    if _OCR_HAN_IN_NUMERAL.search(text):  # 一万一干八百, 一万二千三百斥, 四百一十五元二甪, 二+九户: a scanned numeral's look-alikes
        read = {m.start(): _OCR_HAN_READ[m.group()] for m in _OCR_HAN_IN_NUMERAL.finditer(text)}
        text, source = ("".join(read.get(k, ch) for k, ch in enumerate(s)) for s in (text, source))
    points = [m.start() for m in (_MISREAD_COMMA if misread else _DECIMAL_COMMA).finditer(text)]
    points += [m.start() for m in _MISREAD_POINT.finditer(text)] if misread else []
    if points:
        text = _overwrite(text, points, ".")  # 92，4%: a misread point
    text = _overwrite(text, [m.start() for m in _ITEM_BEFORE_YEAR.finditer(text)], "、")  # ；3．2024年数据…: an item's number
    if "．" in raw and len(text) == len(raw):  # 1．41个问题: a full-width point between ASCII digits at a line's start numbers an item (２．４ is a decimal)
        text = _overwrite(text, [m.start() for m in _ITEM_BEFORE_FIGURE.finditer(text)
                                 if raw[m.start()] == "．" and raw[m.start() - 1].isascii() and raw[m.start() + 1].isascii()], "）")
    drop += [m.span() for m in _QUOTE_MARKS.finditer(text)] if text.count("\n>") >= 2 else []
    drop += [m.span() for m in _INVISIBLE.finditer(text)]  # 1\u200b200人, 9.\u00ad8万亩
    drop += [m.span() for m in _FOOTNOTE_MARK.finditer(text)]  # 24.7①, 活跃网店(家)③: a note's mark
    if '\t"' in text:  # 大白菜\t…\t"本地菜集中上市，⏎降幅较大": a spreadsheet cell holding a line break
        breaks = [m.start() for m in _QUOTED_CELL_BREAK.finditer(text)]
        text, source = _overwrite(text, breaks, " "), _overwrite(source, breaks, " ")
    rows = _row_lines(source)  # the raw text: the char map may have made wide spaces narrow
    if rows and len(text) == len(raw):
        text = _mark_columns(text, source, rows)
    spaced, spaced_gaps = _single_space_rows(text, rows) if " " in text else ([], [])
    if spaced:
        text, rows = _overwrite(text, spaced_gaps, "|"), sorted(rows + spaced)
    if "单位" in text and (series := _year_value_rows(text, rows)):  # a chart's series is read under its caption
        series_rows, gaps = series
        text, rows = _overwrite(text, gaps, "|"), sorted(rows + series_rows)
    csv_rows, commas, quotes = _csv_rows(text)
    if csv_rows and len(text) == len(raw):
        text = _overwrite(text, commas, "|")
        rows = sorted(rows + csv_rows)
        drop += [(k, k + 1) for k in quotes]
    flat, cell_gaps, row_gaps = _one_line_tables(text, _unit_cell(rules))
    if flat:
        text, rows = _overwrite(_overwrite(text, cell_gaps, "|"), row_gaps, "\n"), sorted(rows + flat)
    if "\n" in text:
        page_chrome = _page_chrome(text)
        stacked, breaks = _stacked_rows(text, _unit_cell(rules), page_chrome)
        if stacked:
            text, rows = _overwrite(text, breaks, "|"), sorted(rows + stacked)
        chrome = page_chrome + (_link_lists(text) if _LINK_LIST.search(text) else []) \
            + (_english_lines(text) if _ENGLISH_WORD.search(text) else []) + _page_copies(text)
        if chrome:
            text = _overwrite(text, (k for start, end in chrome for k in range(start, end)), " ")
    if "\n" in text:
        colons, times = _chat_headers(text)
        if colons:
            text, drop = _overwrite(text, colons, "："), drop + times
    aligned = source if len(raw) == len(text) else text  # the raw text where its offsets are the text's
    captions = sorted(_caption_lines(text) + _timed_lines(text)) if ":" in text else _caption_lines(text)
    drop += _wrapped_line_breaks(text, rows, captions, aligned)
    drop += _inner_spaces(text, rows, source, captions)
    drop += _hyphenated_groups(text) if "-\n" in text or "- \n" in text else []
    drop += _thousands_separators(text, aligned, drop)
    drop += _doubled_runs(text)
    drop += [span for line in _LINE.finditer(aligned) if (span := _doubled_spaced_line(line))]  # the raw: its spaces
    if "**" in text:  # Markdown bold, but not the stars of a masked phone number (186****3318)
        masked = {k for m in _MASKED_DIGITS.finditer(text) for k in range(*m.span())}
        drop += [m.span() for m in _BOLD.finditer(text) if m.start() not in masked]
    drop += [m.span() for m in _FIGURE_BRACKETS.finditer(text)] + [m.span() for m in _BRACKET_MARKER.finditer(text)] \
        if "【" in text else []
    drop += _doubled_lines(text)
    drop += _repeated_blocks(text)
    drop += _subtitle_timing(text)
    if not drop:
        return CleanText(raw=raw, text=text, offsets=None)
    kept = _kept_ranges(drop, len(text))
    cleaned = "".join(text[a:b] for a, b in kept)
    offsets = tuple(chain.from_iterable(range(a, b) for a, b in kept))
    return CleanText(raw=raw, text=cleaned.replace("\t", " ").replace("\r", "\n"), offsets=offsets)


@lru_cache(maxsize=8)
def _table(rules: Rules) -> dict[int, str]:
    """The char_map rules as a str.translate table, made once per rule set."""
    return str.maketrans(rules.char_map)


_HTML_ROW = regex.compile(r"<tr\b[^>]*>.*?</tr\s*>", regex.S | regex.I)


def _kept_ranges(drop: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    kept, pos = [], 0
    for start, end in sorted(drop):
        if start > pos:
            kept.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        kept.append((pos, length))
    return kept


# ---------------------------------------------------------------- line breaks

_BREAK = regex.compile(r"[^\S\n]*\n\s*")  # a line break and the blank lines around it
_LINE = regex.compile(r"[^\n]+")


_FIELD_GAP = regex.compile(r"(?<=\S)(?: *[\t\u3000][ \t\u3000]*| {2,})(?=\S)|(?<=[）)]) (?=[（(])")  # inside a line, not its indent; 88,400　　 40,200; （日历天） （分）


# A two-character label spaced out to line up with longer ones (类  别, 合  计): one cell.
_SPACED_LABEL = regex.compile(r"(?<=(?:^|\s)\p{Han})(?:\u3000{1,3}| {2,6})(?=\p{Han}(?:\s|$))", regex.MULTILINE)


def _field_gaps(text: str, start: int = 0, end: int | None = None) -> list[regex.Match]:
    return [gap for gap in _FIELD_GAP.finditer(text, start, len(text) if end is None else end)
            if not _spaced_label_at(text, gap.start())]


def _field_gap_at(text: str, pos: int) -> bool:
    return _FIELD_GAP.match(text, pos) is not None and not _spaced_label_at(text, pos)


def _spaced_label_at(text: str, pos: int) -> bool:
    """A gap inside a spaced-out label (类　别), but not the gap after one (类　别　　　品　名: 别 ends
    it; 项 目 类 别      完 成 投 资: a word spaced narrower than the gap after it ends there)."""
    gap = _SPACED_LABEL.match(text, pos)
    if not gap:
        return False
    gap_before = pos - 1
    while gap_before > 0 and text[gap_before - 1] in " \u3000":
        gap_before -= 1
    if gap_before < pos - 1 and _HAN.match(text, gap_before - 1) and len(gap.group()) >= (pos - 1 - gap_before) + 2:
        return False  # (but an indent is no gap inside a word)
    return not (gap_before < pos - 1 and _spaced_label_at(text, gap_before))


def _row_lines(text: str) -> list[tuple[int, int]]:
    """Lines that are rows of a table laid out with tabs or wide spaces
    (`1　张某某　河西村　补贴面积320亩`): two or more gaps between fields, no full stop."""
    if "\t" not in text and "\u3000" not in text and "  " not in text:
        return []
    lines = [m for m in _LINE.finditer(text) if not _PIPE_ROW.match(m.group())]  # | 火灾扑救 |  67  |: a Markdown row's padding
    rows = {k for k, m in enumerate(lines)
            if "。" not in m.group() and (len(_field_gaps(text, m.start(), m.end())) >= 2 or m.group().strip().count("\t") >= 2)}
    # 合  计      397,260 under rows of three columns: a row of the same table with its last cells empty
    short = {k for k, m in enumerate(lines) if k not in rows
             and len(gaps := _field_gaps(text, m.start(), m.end())) == 1 and _FIGURE_CELL.fullmatch(text, gaps[0].end(), m.end())}
    while grown := {k for k in short - rows if {k - 1, k + 1} & rows}:
        rows |= grown
    rows |= _two_column_rows(text, lines, short - rows)
    rows |= {k for k, m in enumerate(lines) if k not in rows and {k - 1, k + 1} <= rows and _unit_header_line(text, m)}
    return [(lines[k].start(), lines[k].end()) for k in sorted(rows)]


HEADER_UNIT_TAIL = r"(?:[（(][^（）()\d]{1,6}[）)]|[%％])"  # the unit ending a header cell: （元）, 增长（%）
_UNIT_HEADER_FIELD = regex.compile(r"\p{Han}{0,8}" + HEADER_UNIT_TAIL)


def _unit_header_line(text: str, line: regex.Match) -> bool:
    """指标  绝对数  比上年 over （元）  增长（%）: a header's second line of units, two fields a wide gap apart."""
    gaps = _field_gaps(text, line.start(), line.end())
    if len(gaps) != 1:
        return False
    first, second = text[line.start():gaps[0].start()].strip(), text[gaps[0].end():line.end()].strip()
    return all(_UNIT_HEADER_FIELD.fullmatch(field) for field in (first, second))


_YEAR_VALUE_LINE = regex.compile(r"[ \t\u3000]*(?:19|20)\d{2}年?(?P<gap>[ \t\u3000]+)[-+]?\d[\d,]*(?:\.\d+)?%?[ \t\u3000]*")
YEAR_VALUE_MIN_ROWS = 3


def _year_value_rows(text: str, rows: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int]] | None:
    """2021　1.12 / 2022　1.65 / 2023　2.31 under a chart's caption: a year and a figure a line, three or
    more lines running, a space apart; the rows, and the gaps that become |."""
    taken = {start for start, _ in rows}
    found: list[tuple[int, int]] = []
    gaps: list[int] = []
    run: list[tuple[regex.Match, regex.Match]] = []  # (line, its year and figure)
    for line in [*_LINE.finditer(text), None]:
        m = _YEAR_VALUE_LINE.fullmatch(line.group()) if line is not None and line.start() not in taken else None
        if m and (not run or text.count("\n", run[-1][0].end(), line.start()) == 1):
            run.append((line, m))
            continue
        if len(run) >= YEAR_VALUE_MIN_ROWS:
            found += [row.span() for row, _ in run]
            gaps += [row.start() + cells.start("gap") for row, cells in run]
        run = [(line, m)] if m else []
    return (found, gaps) if found else None


def _single_space_rows(text: str, rows: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int]]:
    """A table whose cells a PDF parted by single spaces (序号 户主 组别 面积(亩) 单价(元/亩),
    then 1 龙德厚 二组 4.60 680): a header of short labels, then lines of as many cells, each
    with a figure; the last cell may be empty, and under a remarks header (说明, 备注) hold
    spaces and commas of its own. The rows, and the spaces that become |."""
    taken = {start for start, _ in rows}
    lines = [line for line in _LINE.finditer(text) if line.start() not in taken]
    found: list[tuple[int, int]] = []
    gaps: list[int] = []
    k = 0
    while k < len(lines):
        header = lines[k].group()
        width = len(_SINGLE_SPACE.findall(header)) + 1
        if width < SPACED_MIN_CELLS or not _spaced_header(header):
            k += 1
            continue
        remarks = header.split()[-1] in REMARK_HEADERS
        end, row_gaps = k + 1, [[lines[k].start() + m.start() for m in _SINGLE_SPACE.finditer(header)]]
        while end < len(lines) and text.count("\n", lines[end - 1].end(), lines[end].start()) == 1 \
                and (cells := _spaced_row(lines[end], width, remarks)) is not None:
            row_gaps.append(cells)
            end += 1
        if end - k - 1 >= SPACED_MIN_ROWS:
            found += [line.span() for line in lines[k:end]]
            gaps += [gap for row in row_gaps for gap in row]
        k = max(end, k + 1)
    return found, gaps


SPACED_MIN_CELLS = 4  # cells in a header parted by single spaces
SPACED_MIN_ROWS = 2
REMARK_HEADERS = ("说明", "备注", "附注", "注")
_SINGLE_SPACE = regex.compile(r"(?<=\S) (?=\S)")
_SPACED_HEADER_CELL = regex.compile(r"(?=[^ ]*\p{Han})[\p{Han}（）()/%％A-Za-z·]{1,12}")  # 面积(亩), 单价(元/亩): a label, no figure


def _spaced_header(line: str) -> bool:
    cells = line.strip().split(" ")
    return all(_SPACED_HEADER_CELL.fullmatch(cell) for cell in cells) and sum(len(cell) >= 2 for cell in cells) * 2 >= len(cells)


def _spaced_row(line: regex.Match, width: int, remarks: bool) -> list[int] | None:
    """The gaps that part the cells of a row under a header of ``width`` cells, or None if the
    line is no such row: as many cells, or one fewer (an empty last cell), or under a remarks
    header more, the rest the remark's; the cells before the remark hold a figure and no clause."""
    spaces = [line.start() + m.start() for m in _SINGLE_SPACE.finditer(line.group())]
    if not (width - 2 <= len(spaces) <= width - 1 or (remarks and len(spaces) > width - 1)):
        return None
    kept = spaces[:width - 1]
    body = line.string[line.start():kept[-1] if remarks and len(kept) == width - 1 else line.end()]
    if "。" in body or "，" in body or not any(_FIGURE_CELL.fullmatch(cell) for cell in body.split()):
        return None
    return kept


_PIPE_ROW = regex.compile(r"[^\n|｜│┃]*[|｜│┃][^\n]*[|｜│┃]")  # (│ 品　种 │ 收购量 │: a boxed row)
TWO_COLUMN_ROWS = 3  # lines in a row of a label, a wide gap and a figure that make a table


def _two_column_rows(text: str, lines: list[regex.Match], pairs: set[int]) -> set[int]:
    """5—50亩（含）    150 / 50—200亩（含）  180 / 200亩以上       200: a table of two columns,
    label and figure, under a header line of two labels (种植规模        补贴标准（元/亩）)."""
    found: set[int] = set()
    for k in sorted(pairs):
        if k - 1 in pairs:
            continue  # not the first of its run
        run = list(takewhile(lambda n: n in pairs, range(k, len(lines))))
        header = k - 1
        if len(run) >= TWO_COLUMN_ROWS and header >= 0 and len(_field_gaps(text, lines[header].start(), lines[header].end())) == 1:
            found |= {header, *run}
    return found


_FIGURE_CELL = regex.compile(r"[-−+]?\d[\d.,，]{0,14}[%％]?[ \t\u3000]*")


def _mark_columns(text: str, raw: str, rows: list[tuple[int, int]]) -> str:
    """Write a | where a table row laid out with tabs or wide spaces changes column, so
    the row reads like a Markdown one (one character for one: offsets stay)."""
    chars = list(text)
    gaps = [_field_gaps(raw, start, end) for start, end in rows]
    widths = [len(row_gaps) + 1 for row_gaps in gaps]
    for n, (start, end) in enumerate(rows):
        if raw[start] == "\t":
            chars[start] = "|"  # \t合计\t38,600: a leading tab is an empty first cell
        elif n and widths[n - 1] == widths[n] + 1 and (
                glued := _LABEL_SPACE_FIGURE.fullmatch(raw, start, gaps[n][0].start() if gaps[n] else end)):
            chars[glued.start("space")] = "|"  # 　企业所得税 6,800　　　 7,146: a label one space from its first figure
            widths[n] += 1  # and the row is whole: the next short row is read against it
        elif raw.startswith(("\u3000" * 4, " " * 8), start) and (n and widths[n - 1] == widths[n] + 1 or (
                n + 1 < len(rows) and widths[n + 1] == widths[n] + 1 and raw.count("\n", end, rows[n + 1][0]) == 1)):
            indent_end = start + len(raw[start:end]) - len(raw[start:end].lstrip(" \u3000"))
            chars[indent_end - 1] = "|"  # so is a wide indent a cell short: 　　　　　　移动电话 under 交通通信 (a merged cell), 　　　附註　2025年 over 收益　3　4,863,204
        for gap in gaps[n]:
            chars[gap.start()] = "|"
            for k in range(gap.start() + 1, gap.end()):
                if raw[k] == "\t":
                    chars[k] = "|"  # 合计\t\t\t\t39.6: each tab opens a column, empty or not
        for k in _empty_cells(raw, rows, gaps, n):
            chars[k] = "|"
    return "".join(chars)


_LABEL_SPACE_FIGURE = regex.compile(r"[ \u3000]*[^\s|\d]*\p{Han}(?P<space> )[-+]?\d[\d,]*(?:\.\d+)?%?")


def _empty_cells(raw: str, rows: list[tuple[int, int]], gaps: list[list[regex.Match]], n: int) -> list[int]:
    """精瘦肉　　　　　　　　元/斤 under 品名　　　规格　　　　单位: where a gap of a row with fewer
    cells than the row above lies wholly across cells there, an empty cell for each (read by display
    width: a Chinese character is two; a figure aligned right under a long header overlaps it)."""
    above = next((m for m in range(n - 1, -1, -1) if "\t" not in raw[slice(*rows[m])]
                  and len(gaps[m]) > len(gaps[n])), None) if n and "\t" not in raw[slice(*rows[n])] else None
    if above is None or raw.count("\n", rows[above][1], rows[n][0]) != n - above:
        return []  # only under a fuller row of the same block, a line above it
    top = rows[above][0]
    bounds = [top + len(raw[top:rows[above][1]]) - len(raw[top:rows[above][1]].lstrip(" \u3000"))]
    bounds += [k for gap in gaps[above] for k in gap.span()] + [rows[above][1]]
    cells = [(_display_width(raw[top:a]), _display_width(raw[top:b])) for a, b in zip(bounds[::2], bounds[1::2])]
    empty = []
    for gap in gaps[n]:
        first, last = _display_width(raw[rows[n][0]:gap.start()]), _display_width(raw[rows[n][0]:gap.end()])
        spanned = sum(1 for a, b in cells if first <= a and b <= last)
        inside = list(range(gap.start() + 1, gap.end()))
        empty += inside[:spanned] if len(inside) >= spanned else []
    return empty if len(gaps[n]) + len(empty) == len(gaps[above]) else []  # the row then fills the row above, or is left


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


CSV_MIN_ROWS = 3  # lines in a row with the same number of comma-separated fields


def _csv_rows(text: str) -> tuple[list[tuple[int, int]], set[int], list[int]]:
    """Rows of comma- or semicolon-separated values pasted into an article (乡镇,面积（亩）,产量（吨）
    then 城关镇,62400,"108,300"; 社区;助餐点;供餐量): the lines, the separators that part
    fields (they become |, so the rows read as a table) and the quotes around fields (dropped)."""
    rows: list[tuple[int, int]] = []
    separators: set[int] = set()
    quotes: list[int] = []
    for separator in CSV_SEPARATORS:
        if separator in text:
            found_rows, found_separators, found_quotes = _separated_rows(text, separator)
            rows, quotes = rows + found_rows, quotes + found_quotes
            separators |= found_separators
    return sorted(rows), separators, quotes


CSV_SEPARATORS = (",", ";")


def _separated_rows(text: str, separator: str) -> tuple[list[tuple[int, int]], set[int], list[int]]:
    rows: list[tuple[int, int]] = []
    commas: set[int] = set()
    quotes: list[int] = []
    run: list[tuple[regex.Match, list[int], list[int]]] = []
    for m in [*_LINE.finditer(text), None]:
        fields = _csv_fields(m, separator) if m is not None else None
        if run and (fields is None or len(fields[0]) != len(run[-1][1])):
            if len(run) >= CSV_MIN_ROWS:
                rows += [(line.start(), line.end()) for line, _, _ in run]
                commas.update(k for _, seps, _ in run for k in seps)
                quotes += [k for _, _, marks in run for k in marks]
            run = []
        if fields is not None:
            run.append((m, *fields))
    return rows, commas, quotes


_THOUSANDS_COMMA = regex.compile(r"(?<=\d),(?=\d{3}(?![\d]))")


_QUOTED_FIELD = regex.compile(r'(?:(?<=^|[,;])"[^"\n]*"(?=[,;]|$))')


def _csv_fields(line: regex.Match, separator: str = ",") -> tuple[list[int], list[int]] | None:
    """(separators, quote marks) of a line of comma- (or semicolon-) separated values; None
    for prose (no ASCII separator, or Chinese sentence punctuation)."""
    body = line.group()
    unquoted = _QUOTED_FIELD.sub("", body) if '"' in body else body  # "新建冷库1座，库容300吨": a quoted field may hold a clause
    if separator not in unquoted or any(ch in unquoted for ch in "，。；！？|\t"):
        return None  # prose, or a table with columns of its own (| 3,560 |)
    if separator == "," and body.count(",") == len(_THOUSANDS_COMMA.findall(body)):
        return None  # 补助收入：150,000 — every comma groups thousands
    separators, marks, quoted = [], [], False
    for k, ch in enumerate(body):
        at = line.start() + k
        if ch == '"' and (quoted or k == 0 or body[k - 1] == separator):
            quoted = not quoted
            marks.append(at)
        elif ch == separator and not quoted:
            separators.append(at)
    return (separators, marks) if separators and not quoted else None


# A table a PDF flattened to one cell a line: a header of labels, then rows of a label
# and as many figures as the header has columns left.
_STACKED_LABEL = regex.compile(r"(?![ \t\u3000]*[\p{Han}A-Za-z]{1,3}/[\p{Han}A-Za-z]{1,3}[ \t\u3000]*$)"  # 元/斤 is a unit cell
                               r"[ \t\u3000]*(?:其中[：:])?(?=[^\n]*\p{Han})[^\n，。；;：:！？!?\d]{1,14}[ \t\u3000]*|"  # 其中：稻谷
                               r"[ \t\u3000]*\d{4}年[^\n，。；;：:！？!?\d]{0,6}[ \t\u3000]*|"
                               r"[ \t\u3000]*(?:19|20)\d{2}(?:年末|年底)?[ \t\u3000]*|"  # 品种 / 2019 / 2020: a year heading a column
                               r"[ \t\u3000]*(?:\d{4}年)?\d{1,2}[—–~-]\d{1,2}月份?[^\n，。；;：:！？!?\d]{0,4}[ \t\u3000]*|"  # 1—9月: a period column
                               r"[ \t\u3000]*[A-Za-z\p{Han}]{0,3}\d{1,4}(?:路|号线|线)[ \t\u3000]*|"  # K1路, 旅游2线: a bus or metro line
                               r"[ \t\u3000]*\d{1,3}(?:[—–~～-]\d{1,3})?周?岁(?:及?以[上下])?[ \t\u3000]*|"  # 80—89周岁, 100周岁及以上: an age band
                               r"[ \t\u3000]*[A-Z][A-Za-z]{0,3}\d{1,2}(?:\.\d)?(?=[^\n]*\p{Han})[^\n，。；;：:！？!?\d]{1,14}[ \t\u3000]*")  # PM2.5浓度（μg/m³）
_STACKED_FIGURE = regex.compile(r"[ \t\u3000]*(?:[-−+]?\d[\d.,， ]{0,14}[%％‰]?|\d[\d.]{0,8}[—–~～]\d[\d.]{0,8}|[—–-]{1,2}|持平"  # 1.55—1.62: a range; —, 持平: an empty cell
                             r"|\d{1,3}分\d{1,2}秒|\d{1,3}(?:\.\d{1,2})?(?:分钟|小时)"  # 6分40秒: a time with its units
                                r"|[\p{Han}A-Za-z]{1,3}/[\p{Han}A-Za-z]{1,3})[ \t\u3000]*")  # 元/斤: a unit column
STACKED_MIN_ROWS = 2


@lru_cache(maxsize=8)
def _unit_cell(rules: Rules) -> regex.Pattern:
    """A cell of a 单位 column: a unit of the rules, maybe with a magnitude (万吨, 万头, 吨)."""
    units = sorted((surface for surface in rules.surfaces if not surface.isascii()), key=len, reverse=True)
    return regex.compile(r"[ \t\u3000]*[万亿千百]?(?:\L<units>)[ \t\u3000]*", units=units)


def _stacked_rows(text: str, unit_cell: regex.Pattern, page_chrome: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int]]:
    """Rows of a table written one cell a line (税种 / 预算数 / 执行数, then 增值税 / 52,300
    / 54,186; 粮食 / 万吨 / 35.82 / 1.9 under a 单位 column): the spans of the rebuilt rows
    and the line breaks that become |."""
    chrome = {start for start, _ in page_chrome}  # a page break inside the table: — 3 — and the running header
    return _table_rows(text, [line for line in _LINE.finditer(text) if line.start() not in chrome], unit_cell)


def _table_rows(text: str, cells: list[regex.Match], unit_cell: regex.Pattern,
                header_ok: Callable[[list[regex.Match]], bool] = lambda header: True) -> tuple[list[tuple[int, int]], list[int]]:
    """The rows of the tables among ``cells`` laid out one after another (header, then rows of
    as many cells), and the gaps between a row's cells."""
    rows: list[tuple[int, int]] = []
    breaks: list[int] = []
    k = 0
    while k < len(cells):
        found = _stacked_table(text, cells, k, unit_cell)
        if found is None or not header_ok(cells[k:k + found[0]]):
            k += 1
            continue
        width, end, total, wrap = found
        starts = [k, *range(k + width + wrap, end, width)]  # a header cell wrapped onto a line of its own stays there
        for first in [*starts, *([end] if total else [])]:
            row = cells[first:first + (total if first == end else width)]
            rows.append((row[0].start(), row[-1].end()))
            breaks += [cell.end() for cell in row[:-1]]
        k = end + total
    return rows, breaks


def _stacked_table(text: str, lines: list[regex.Match], k: int, unit_cell: regex.Pattern) -> tuple[int, int, int, int] | None:
    """(columns, index past the last row, cells of a closing 合计 row, header lines past the columns) of a
    one-cell-a-line table whose header starts at line ``k``, or None. A unit alone on a line is a cell of a 单位
    column, no label."""
    labels = k
    while labels < len(lines) and _STACKED_LABEL.fullmatch(lines[labels].group()) and _next_line(text, lines, labels) \
            and not unit_cell.fullmatch(lines[labels].group()):
        labels += 1
    if _SERIAL_HEADER.fullmatch(lines[k].group()) and labels < len(lines) and _SERIAL_CELL.fullmatch(lines[labels].group()):
        return _numbered_rows(text, lines, labels, labels - k)
    for lead in (1, 2):  # the last label opens the first row; or the last two do (玉米 / 一等 / 1.12 under 品种 / 等级 / 价格)
        width = labels - k - lead
        if width < lead + 1:
            return None
        end, rows = _stacked_body(text, lines, labels - lead, width, lead, unit_cell)
        if rows >= STACKED_MIN_ROWS:
            return width, end, 0, 0
    # 比上年 / 增减（%）: the header's last cell wrapped onto a line of its own, then rows a cell fewer than its lines
    # (but 资助人数（人） / 资助金额（万元）: a cell that names its unit is whole, and the line before it a title)
    for lead in (1, 2):
        width, first = labels - k - lead - 1, labels - lead
        if width < lead + 1 or not _HEADER_UNIT_TAIL.search(lines[first - 1].group()) \
                or _HEADER_UNIT_TAIL.search(lines[first - 2].group()):
            continue
        end, rows = _stacked_body(text, lines, first, width, lead, unit_cell)
        if rows >= STACKED_MIN_ROWS:
            return width, end, 0, 1
    return None


def _stacked_body(text: str, lines: list[regex.Match], end: int, width: int, lead: int,
                  unit_cell: regex.Pattern) -> tuple[int, int]:
    """(index past the last row, rows) of the rows from line ``end`` on: ``lead`` labels, then figures or
    unit cells, ``width`` lines a row, each line right under the one before."""
    rows = 0
    while end + width <= len(lines) and all(_next_line(text, lines, n) for n in range(end - 1, end + width - 1)) \
            and all(_STACKED_LABEL.fullmatch(line.group()) for line in lines[end:end + lead]) \
            and all(_STACKED_FIGURE.fullmatch(line.group()) or unit_cell.fullmatch(line.group()) for line in lines[end + lead:end + width]):
        end += width
        rows += 1
    return end, rows


_HEADER_UNIT_TAIL = regex.compile(HEADER_UNIT_TAIL + r"\s*$")


# A table a PDF flattened into one line, its cells apart by single spaces: 景区名称 接待人次（万人次）
# 门票收入（万元） 增长（%） 白鹤湖景区 326.5 8,412.6 18.3 九曲峡 142.8 3,265.0 9.6 合 计 537.7 …
# It is read like a stacked table, a cell for a line, once a header cell gives its column's unit.
_FLAT_CELL = regex.compile(r"(?<![^\s|])\p{Han}(?:[ \u3000]\p{Han}){1,3}(?![^\s|])|[^\s|]+")  # 合 计, 砚 台 镇: one-character cells are one
_UNIT_HEADER = regex.compile(r"\p{Han}[（(][^）)]{1,6}[）)]")  # 接待人次（万人次）: a header that gives its column's unit
_INLINE_CAPTION = regex.compile(r"单位[：:]\S{1,12}[ \u3000]")  # 表2 主要经营指标 单位：亿元、% 项目 …: a caption before the header


def _one_line_tables(text: str, unit_cell: regex.Pattern) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """The rows of tables flattened into one line, the gaps that become | and those that become line breaks."""
    rows: list[tuple[int, int]] = []
    breaks: list[int] = []
    for line in _LINE.finditer(text) if _UNIT_HEADER.search(text) or _INLINE_CAPTION.search(text) else ():
        if _UNIT_HEADER.search(line.group()) or _INLINE_CAPTION.search(line.group()):
            found, gaps = _table_rows(text, list(_FLAT_CELL.finditer(text, line.start(), line.end())), unit_cell,
                                      lambda header: any(_UNIT_HEADER.search(cell.group()) for cell in header)
                                      or _INLINE_CAPTION.search(text, line.start(), header[0].start()) is not None)
            rows, breaks = rows + found, breaks + gaps
    return rows, breaks, [gap for start, _ in rows if (gap := _row_gap(text, start)) is not None]


def _row_gap(text: str, start: int) -> int | None:
    """Where the line break goes before a flattened row: the space before it, or the | that a
    wide gap became (储蓄存款  286.50 marked 储蓄存款| 286.50)."""
    k = start - 1
    while k > 0 and text[k] in " \u3000":
        k -= 1
    return k if text[k] == "|" else (start - 1 if text[start - 1:start] in (" ", "\u3000") else None)


SERIAL_HEADERS = ("序号", "编号", "序")  # a table's first column that numbers its rows
TOTAL_LABELS = ("合计", "小计", "总计", "共计", "总数")  # a table's row of sums
_SERIAL_HEADER = regex.compile(r"[ \t\u3000]*(?:" + "|".join(SERIAL_HEADERS) + r")[ \t\u3000]*")
_TOTAL_CELL = regex.compile(r"[ \t\u3000]*(?:" + "|".join("[ \t\u3000]*".join(label) for label in TOTAL_LABELS) + r")[ \t\u3000]*")  # 合　计
_SERIAL_CELL = regex.compile(r"[ \t\u3000]*\d{1,3}[ \t\u3000]*")
_CODE_CELL = regex.compile(r"[ \t\u3000]*[A-Z]{1,5}-\d\S{0,12}[ \t\u3000]*")  # KZY-3升降式, RS-86（86英寸）: a model in a label's column


def _numbered_rows(text: str, lines: list[regex.Match], first: int, width: int) -> tuple[int, int, int] | None:
    """序号 / 户主 / 所在村组 / 家庭人口（人）…, then 1 / 周三喜 / 石门村二组 / 4 …: rows that open
    with their serial number, each laid out like the first (labels and figures in the same cells)."""
    def layout(n: int) -> list[bool]:
        return [_STACKED_FIGURE.fullmatch(line.group()) is None for line in lines[n:n + width]]

    shape = layout(first)
    if not any(shape) or all(shape):
        return None
    end, rows = first, 0
    while end + width <= len(lines) and _SERIAL_CELL.fullmatch(lines[end].group()) and layout(end) == shape \
            and all(_next_line(text, lines, n) for n in range(end - 1, end + width - 1)) \
            and all(_STACKED_LABEL.fullmatch(line.group()) or _CODE_CELL.fullmatch(line.group()) or _AMOUNT_CELL.fullmatch(line.group())
                    for line, label in zip(lines[end:end + width], shape) if label):
        end += width
        rows += 1
    figures = len(shape) - max(k for k, label in enumerate(shape) if label) - 1  # the columns after the last label
    total = 1 + figures if end + figures < len(lines) and _TOTAL_CELL.fullmatch(lines[end].group()) and figures \
        and all(_STACKED_FIGURE.fullmatch(line.group()) for line in lines[end + 1:end + 1 + figures]) else 0
    return (width, end, total, 0) if rows >= STACKED_MIN_ROWS else None  # 合　计 / 16 / 321.8 / 190,000: the sums of those columns


_AMOUNT_CELL = regex.compile(r"[ \t\u3000]*(?:不少于|不超过|不低于|不高于|不足|约|最高|最低)?\d[\d.,]{0,10}\p{Han}{1,3}[ \t\u3000]*")  # 不少于120学时: a cell with its own unit


_SUMMARY_LINE = regex.compile(r"(?m)^[ \t\u3000]*【?(?:摘要|内容摘要|内容提要|提要|导读)】?[：:]?[ \t\u3000]*(?P<body>[^\n]{15,})$")
_HEAD_TAG_LINE = regex.compile(r"(?m)^[ \t]*<(?:title|meta)\b[^\n]*$")
SUMMARY_HEAD = 15  # characters of an abstract that must recur in the article


def _page_copies(text: str) -> list[tuple[int, int]]:
    """摘要：今年以来，… and a page's <title> and <meta description>: copies of the article's own
    words, which hold no facts of their own."""
    spans = [m.span() for m in _HEAD_TAG_LINE.finditer(text)] if "<" in text else []
    for m in _SUMMARY_LINE.finditer(text) if ("摘要" in text or "提要" in text or "导读" in text) else ():
        head = m.group("body")[:SUMMARY_HEAD]
        if text.find(head, m.end()) >= 0:
            spans.append(m.span())
    return spans


def _next_line(text: str, lines: list[regex.Match], n: int) -> bool:
    """Does line ``n + 1`` follow line ``n`` with no blank line between? Page chrome, left out
    of ``lines``, may stand between, with the blank lines around it (— 1 — and a running header)."""
    if n + 1 >= len(lines):
        return False
    between = text[lines[n].end() + 1:lines[n + 1].start()]
    return not between.strip(" \t\u3000") and "\n" not in between or (  # 储蓄存款  286.50: cells of one line, a wide gap apart
        between.endswith("\n") and any(line.strip() for line in between.split("\n")))


# A draft copied from Word, or a scanned document, with its line numbers in the margin
# (1⇥关于…, 15⇥25万元,  2  　　2025年…): most lines open with a number (OCR may read 1 and 0
# as l and O) and a tab or a gap, numbered one after another, and hold no other gap (a
# table's serial column comes with more cells).
_MARGIN_NUMBER = regex.compile(r"(?m)^[ \t]*([\dlO]{1,3})(?:\t|[ \u3000]{2,}|(?=\n|$))(?P<rest>[^\n]*)")
MIN_MARGIN_LINES = 5
MARGIN_SHARE = 0.8


def _margin_numbers(text: str) -> list[int]:
    """The positions of margin line numbers and their gaps, or none."""
    found = [m for m in _MARGIN_NUMBER.finditer(text) if m.group(1)[0] != "O"]
    if len(found) < MIN_MARGIN_LINES or sum(m.group("rest").strip() != "" and not _FIELD_GAP.search(m.group("rest"))
                                            for m in found) < MARGIN_SHARE * len(found):  # (a subtitle's cue number stands alone)
        return []
    numbers = [int(m.group(1).replace("l", "1").replace("O", "0")) for m in found]
    if sum(b == a + 1 for a, b in zip(numbers, numbers[1:])) < MARGIN_SHARE * (len(numbers) - 1):
        return []
    return [k for m in found for k in range(m.start(), m.start("rest"))]


def _overwrite(text: str, positions, char: str) -> str:
    """``text`` with ``char`` at each of ``positions`` (one for one: offsets stay)."""
    chars = list(text)
    for k in positions:
        chars[k] = char
    return "".join(chars)


def _in_rows(rows: list[tuple[int, int]], pos: int) -> bool:
    return any(start <= pos < end for start, end in rows)


_ENTITY = regex.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
_DIGIT_GROUP_BEFORE = regex.compile(r"(?<![\d.])\d{1,3}\Z")  # 4&nbsp;215, 45&nbsp;215; not 2025&nbsp;年
_THREE_DIGITS = regex.compile(r"\d{3}(?![\d.])")
# the cells of an HTML table left in a copied page: each cell after a row's first opens with a bar
_HTML_CELL = regex.compile(r"(?<!<tr\b[^<>]{0,40}>\s{0,4})<t[dh]\b[^<>]{0,80}>")
_SPANNED_CELL = regex.compile(r"<t[dh]\b[^<>]{0,40}?colspan=[\"']?(?P<span>[2-6])[^<>]{0,40}>[^<]{0,40}(?:<(?!/t[dh])[^<>]*>[^<]{0,40})*(?P<close></t[dh]>)")


def _spanned_cells(text: str) -> list[int]:
    """<td colspan="3">合计</td>: a cell that spans columns gets a bar for each one it
    covers past the first, in its closing tag, so the row's figures stay in their columns."""
    return [m.start("close") + k for m in _SPANNED_CELL.finditer(text) for k in range(int(m.group("span")) - 1)]
# OCR reads 1 and 0 as the letters l, I and O. A figure with such letters in it (2O5家, 32OO余,
# 87.O%, 8 7 . O %, 7,2⏎OO元) is a run of digits, misread letters, points, single spaces and line
# breaks that holds a digit and touches no other letter; a run that begins and ends with a letter is a name (O2O).
_OCR_FIGURE = regex.compile(r"(?<![A-Za-z])(?=[\d.,，。 \n]*[lIO〇○])[\dlIO〇○](?: ?\n?[.,，。]? ?\n?[\dlIO〇○])*(?![A-Za-z])")
_OCR_LETTER = regex.compile(r"[lIO〇○]")
_OCR_ZERO_IN_NUMERAL = regex.compile(r"(?<=[〇○零一二三四五六七八九])O(?=[〇○零一二三四五六七八九])")  # 二O八〇〇〇: a letter read for 〇
_OCR_HAN_IN_NUMERAL = regex.compile(r"(?<=[一二三四五六七八九十百万])干(?=[一二三四五六七八九零〇百万])"
                                    r"|(?<=[〇零一二三四五六七八九十百千万])斥(?![资责骂退逐])|(?<=[一二三四五六七八九十])甪"
                                    r"|(?<=[一二三四五六七八九])\+(?=[一二三四五六七八九][\p{Han}])")
_OCR_HAN_READ = {"干": "千", "斥": "斤", "甪": "角", "+": "十"}
_OCR_HINT = regex.compile(r"[lIO〇○](?= ?[\d.,，。])|(?<=[\d.,，。] ?\n?)[lIO〇○]")  # a cheap test before the full scan
_FOOTNOTE_MARK = regex.compile(r"(?<=[\d%％)）])[①-⑩]")
_MISREAD_POINT = regex.compile(r"(?<=\d)。(?=\d|\n\d+[万亿元%％])")  # l。88亿元, ６。⏎４万元: OCR reads a decimal point as a full stop


def _ocr_digits(match: regex.Match) -> str:
    figure = match.group()
    cell = (_DECIMAL_CELL.fullmatch(figure) or _LETTER_CELL.fullmatch(figure)) is not None and _cell_alone(match)  # O.4O, l.OO, llO in a price table's cell
    if not any(ch.isdigit() for ch in figure) and not _lone_figure(match) and not cell:
        return figure
    if figure[0] in "lIO" and figure[-1] in "lIO" and not _counted_after(match) and not _GROUPED.fullmatch(figure) and not cell:
        return figure  # but l53,6OO: digits in groups of three are a figure
    return _OCR_LETTER.sub(lambda m: "1" if m.group() in "lI" else "0", figure)


_LETTER_CELL = regex.compile(r"[lI][lIO]{1,3}")  # llO, lOO: a whole cell of look-alikes opening with a one
_DECIMAL_CELL = regex.compile(r"[lIO]\.[\dlIO]{1,3}")  # O.4O, l.OO: a sum under ten, its first digit a letter


def _cell_alone(match: regex.Match) -> bool:
    """Does the figure fill a cell of a table laid out with wide spaces (a wide gap before it, the line's end or one after)?"""
    text = match.string
    before = text[max(0, match.start() - 2):match.start()]
    after = text[match.end():match.end() + 2]
    return (before.endswith(("  ", "\t", "\u3000")) or before.endswith("|")) and (after == "" or after[0] in "\n\t|" or after.startswith(("  ", "\u3000")))


_GROUPED = regex.compile(r"[\dlIO]{1,3}(?:[,，][\dlIO]{3})+(?:\.[\dlIO]+)?")
_UNIT_AFTER = regex.compile(r"[万亿千百]?\s?[\p{Han}%％‰]")


_HAN_BEFORE = regex.compile(r"\p{Han}")
_RANGE_AFTER = regex.compile(r"\s?[至到—～~-]\s?\d")


def _lone_figure(match: regex.Match) -> bool:
    """超过l.l万小时, 仅差l至2户, 建成l个: letters alone, after a Chinese character and before a
    unit or a range's dash, in a text OCR has misread elsewhere too."""
    before = match.string[match.start() - 1:match.start()]
    return bool(before) and _HAN_BEFORE.match(before) is not None and match.group()[0] in "lI" and (
        _counted_after(match) or _RANGE_AFTER.match(match.string, match.end()) is not None)


def _counted_after(match: regex.Match) -> bool:
    """l8O人次, l5.O亿元: a run opening with l or I and ending in a letter is a figure when a
    unit follows it; O2O模式, opening with O, stays a name."""
    return match.group()[0] in "lI" and _UNIT_AFTER.match(match.string, match.end()) is not None


# A comma between one to three digits and one or two before a percent sign is a decimal point
# that OCR or a hurried typist misread (9２，4%, 0，3‰): no thousands group is one digit long,
# and a list would part its figures with 、. In a text OCR has misread elsewhere (l for 1, O
# for 0), so is a comma before one digit and a unit (ll，O平方米, 4２，6万亩); in a post it
# parts two items (减40，2罐起包邮).
_COMMA_AFTER_DIGITS = r"(?<=(?<![\d.,，])\d{1,3})[，,]"
_BEFORE_PERCENT = r"\d{1,2}(?:[%％‰]|个百分点)"
_DECIMAL_COMMA = regex.compile(_COMMA_AFTER_DIGITS + rf"(?=\n?{_BEFORE_PERCENT})")
_MISREAD_COMMA = regex.compile(_COMMA_AFTER_DIGITS + rf"(?=\n?(?:{_BEFORE_PERCENT}|\d(?![月日号年时点])\p{{Han}}))")


_QUOTE_MARKS = regex.compile(r"(?m)^(?:> ?)+")  # > > quoted e-mail lines
_INVISIBLE = regex.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width spaces and joiners, soft hyphens


_QUOTED_CELL_BREAK = regex.compile(r'(?<=\t"[^"\t\n]{0,60})\n(?=[^"\t\n]{0,60}"[ \t]*(?:\n|$))')
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,200})?/?>")


def _entities(text: str) -> tuple[str, list[tuple[int, int]]]:
    """HTML entities left in a copied page: &nbsp; becomes spaces (cleaned like any
    others); another entity becomes its character, the rest of it dropped."""
    chars, drop = list(text), []
    for m in _ENTITY.finditer(text):
        decoded = html.unescape(m.group())
        if len(decoded) != 1:
            continue  # not an entity
        if decoded.isspace() and _DIGIT_GROUP_BEFORE.search(text, max(0, m.start() - 4), m.start()) \
                and _THREE_DIGITS.match(text, m.end()):
            drop.append(m.span())  # 4&nbsp;215个: a no-break space between digit groups separates thousands
        elif decoded.isspace():
            chars[m.start():m.end()] = " " * (m.end() - m.start())
        else:
            chars[m.start()] = decoded
            drop.append((m.start() + 1, m.end()))
    return "".join(chars), drop


RULE_LINE = regex.compile(r"[-=—_+\u2500-\u257F]{3,}")  # ------ above and below a fixed-width table, ├──┼──┤ of a boxed one
_BOLD = regex.compile(r"\*\*")  # Markdown bold: 突破**120万元** reads 突破120万元
_MASKED_DIGITS = regex.compile(r"\d{3}\*{4}\d{4}")
# A form's filled-in figure in lenticular brackets: 预计达【3,600户】 reads 预计达3,600户
_BRACKET_MARKER = regex.compile(r"(?m)^[ \t\u3000]*\K【\d{1,2}】")  # 【3】3岁以下…: a list item's number, no figure
_FIGURE_BRACKETS = regex.compile(r"【(?=[约近逾超\d][^【】\n]{0,16}】)|(?<=【[约近逾超\d][^【】\n]{0,16})】")
# What opens a new line's own item: a speaker's label (主持人：, 7栋 老周：; not 10:30, but
# 王姐：19:04, a chat header with its time after the colon) or a list marker (2. , 三、, - ).
_TURN = regex.compile(r"[^\n，。：:；！？!?]{1,12}[：:](?!\d(?!\d?:\d\d))|\d{1,2}[.．、](?:\s|(?=[^\W\d_]{2,12}[：:])|(?=\p{Han}{2}))|[一二三四五六七八九十]{1,2}、|[-*•·]\s|\d\ufe0f?\u20e3")
# A headline has none of these marks (a dot is none: 45.1%); a subtitle or caption line
# has no ASCII mark either (a post's lines with 1500~1700毫升 or 18.5 are prose).
_HEADLINE_MARKS = regex.compile(r"[，。、；：？！;?!]")
_CAPTION_MARKS = regex.compile(r"[，。、；：？！,.;:?!]")
CAPTION_SHARE = 0.6  # of an article's lines without a punctuation mark, for it to be a transcript


def _caption_lines(text: str) -> list[tuple[int, int]]:
    """The lines of a subtitle or caption transcript (`一天工钱一百二 管中午一顿饭`):
    when most lines of an article carry no punctuation at all, each such line is a
    phrase of its own, and the spaces in it part phrases, not the letters of a word."""
    if text.count("\n") < 4:
        return []
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    bare = [(m.start(), m.end()) for m in lines if not _CAPTION_MARKS.search(m.group())]
    return bare if len(bare) >= CAPTION_SHARE * len(lines) else []


_ITEM_BEFORE_YEAR = regex.compile(r"(?<=(?:^|[；;。：:\n])[ \t\u3000]*\d{1,2})[.．](?=(?:19|20)\d{2}年)")
_ITEM_BEFORE_FIGURE = regex.compile(r"(?<=(?:^|\n)[ \t\u3000]*[1-9]\d?)[.．](?=\d+[个项件家人户名])")  # 1．41个问题已整改
_LONG_NUMBER_END = regex.compile(r"(?<!\d)\d{7,}$")  # a phone or an ID number
_DATE_START = regex.compile(r"\d{4}年\d{1,2}月")


def _wrapped_line_breaks(text: str, rows: list[tuple[int, int]] = (),
                         captions: list[tuple[int, int]] = (), raw: str = "") -> list[tuple[int, int]]:
    """Rejoin lines that a PDF or a narrow column broke mid-sentence; keep one newline
    for a paragraph break.

    A line is a wrapped one when it does not end a sentence and is about as long as
    the article's typical line; a short line without a full stop is a heading, and so is
    a line before one that ``raw`` indents with full-width spaces.
    """
    if "\n" not in text:
        return []
    lengths = [len(m.group().strip()) for m in _LINE.finditer(text)]
    lengths = [n for n in lengths if n]
    if not lengths:
        return []
    wrap_width = 0.75 * median(lengths)
    drop = []
    line_start = 0
    for m in _BREAK.finditer(text):
        line = text[line_start:m.start()].strip()
        line_start = m.end()
        if m.start() == 0 or m.end() == len(text) or not line:
            drop.append((m.start(), m.end()))  # leading and trailing blank lines go
            continue
        if "|" in line or text.startswith("|", m.end()) or _in_rows(rows, m.start() - 1) or _in_rows(rows, m.end()) \
                or _in_rows(captions, m.start() - 1) or RULE_LINE.fullmatch(line):
            wrapped = False  # a row of a table written as lines (道路 | 12条 | 3,560), a caption above one
        elif _UNIT_CAPTION_LONG.search(line) and "|" in text[m.end():_line_end(text, m.end())]:
            wrapped = False  # 单位：新台币千元；每股盈余为新台币元 / 项目 | 114年度: a caption over a table's header
        elif _CAPTION_NUMBER.fullmatch(line):
            wrapped = False  # 表1 / 2025年各乡镇: a table's number on a line of its own, then its title
        elif _FIGURE_CELL.fullmatch(line) and _FIGURE_CELL.fullmatch(text, m.end(), _line_end(text, m.end())):
            wrapped = False  # 9,416 / 50 / 564.96: figures a line each are cells, not one figure broken
        elif _UNIT_CAPTION_OPEN.search(line):
            wrapped = True  # 渗流量如下（单位： / 升/秒）：: a caption broken after its colon
        elif _DATELINE.match(text, m.end()):
            wrapped = False  # …年产值1580万元 / 本报讯 走进…: the headline ends where the dateline starts
        elif _TURN.match(text, m.end()):
            wrapped = False  # 7栋 老周：…, 主持人：…, 2. … — a message, a speaker's turn or a list item starts
        elif (_KEY_VALUE.fullmatch(line) or _UNIT_CAPTION_END.search(line)) and _KEY_VALUE.match(text, m.end()):
            wrapped = False  # 单位：万亩 / 机耕：3.85 / 机插：2.12 (or 机耕　　3.85) — a caption and lines of labelled values, one a line
        elif _KEY_VALUE_LINE.match(text, m.end()) and line[-1].isdigit():
            wrapped = False  # …一共1200 / 合计：4754.6 — a line of one labelled value after a figure
        elif line[-1].isdigit() and (_LONG_NUMBER_END.search(line) or _DATE_START.match(text, m.end())):
            wrapped = False  # 电话：13907126658 / 2026年1月10日: a phone number or a figure, then a date's line
        elif raw.startswith(PARAGRAPH_INDENT, m.end() - 2) and not _wrapped_surely(line[-1], text[m.end()]):
            wrapped = False  # 　　一、样本农户基本情况 / 　　586户…: an indented line opens a paragraph
        else:
            wrapped = _wrapped(line[-1], text[m.end()], len(line), wrap_width) or (
                line[-1] not in _LINE_END and _CLAUSE_TAIL.match(text, m.end()) is not None)
        if wrapped:
            drop.append((m.start(), m.end()))
        else:
            newline = text.index("\n", m.start())
            drop += [(m.start(), newline), (newline + 1, m.end())]
    return drop


PARAGRAPH_INDENT = "\u3000\u3000"
_OPEN_ENDS = ".．约达和及与为共至每按从向"
_CHINESE_NUMERALS = "〇零一二两三四五六七八九十百千万亿"
_MAGNITUDES = set("十百千万亿")
_UNIT_CAPTION_OPEN = regex.compile(r"(?:[（(]|^\s*)单位[：:]$")  # not 县直有关单位：, an addressee
_UNIT_CAPTION_LONG = regex.compile(r"单位[：:][^，。\n]{1,30}$")
_UNIT_CAPTION_END = regex.compile(r"单位[：:][^，。；\n]{1,12}$")
_KEY_VALUE = regex.compile(r"[^\n：:，。；,;]{1,20}(?:[：:]|(?<=[\p{Han}）”])(?:[ \t]{2,}|\u3000))[ \t\u3000]*[\d〇一二两三四五六七八九十][\d.,—～~至到〇一二两三四五六七八九十百千万]*[\p{Han}%％]{0,4}")
_KEY_VALUE_LINE = regex.compile(_KEY_VALUE.pattern + r"[ \t\u3000]*(?:\n|\Z)")
_DATELINE = regex.compile(r"[（(【]?(?:本报讯|本报(?:记者|通讯员)|新华社|中新网|人民网|央视网)")
_CLAUSE_TAIL = regex.compile(r"\p{Han}[，。、；]")  # 3000元左 / 右，其中: no clause is one character long


def _line_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _wrapped(prev_end: str, next_start: str, prev_len: int, wrap_width: float) -> bool:
    """Does a line ending in ``prev_end`` continue on the next line?"""
    if prev_end in _LINE_END or _SYMBOL.match(prev_end) or _SYMBOL.match(next_start):
        return False  # 😂 or 📍 at a line's edge: a post's lines are items, not a wrapped sentence
    if _wrapped_surely(prev_end, next_start):
        return True
    return prev_len >= wrap_width


def _wrapped_surely(prev_end: str, next_start: str) -> bool:
    """No line starts with a comma, and no paragraph ends on a bare number or on a word that
    needs what follows (秸秆量约 / 4.2万吨, 达, 和, 每)."""
    return next_start in "，、。；：）)%％" or prev_end.isdigit() or prev_end in _OPEN_ENDS or (
        prev_end in _CHINESE_NUMERALS and next_start in _CHINESE_NUMERALS
        and _MAGNITUDES.intersection(prev_end + next_start))  # 全县计一万二 / 千四百余户 (not 记录人小七 / 二〇二五年)


# ---------------------------------------------------------------- spaces

_SPACES = regex.compile(r"[^\S\n]+")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and (ch in _CJK_PUNCT or _HAN.match(ch) is not None)


@lru_cache(maxsize=8)
def _traditional(rules: Rules) -> re.Pattern:
    """The traditional characters of the char_map rules: one of them marks a text in
    traditional characters, which OpenCC then reads whole (the standard library's re
    finds a character class many times faster)."""
    chars = "".join(k for k, v in rules.char_map.items() if k != v and _HAN.match(k) and _HAN.match(v))
    return re.compile(f"[{re.escape(chars)}]" if chars else "(?!)")


def _simplified(text: str) -> str:
    """Traditional characters as simplified ones (OpenCC t2s), one for one so offsets
    hold; without OpenCC, only the char_map rules apply."""
    converter = _opencc()
    if converter is None:
        return text
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in text)


@lru_cache(maxsize=1)
def _opencc():
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("t2s")


_LETTER_SPACED = regex.compile(r"(?:[^\s] ){3,}[^\s]")  # 共 有 3 2 6 户: every character apart


# One to three digits after a Chinese character (and maybe a space), a space, then more
# digits: one figure broken by a PDF or OCR (6 8.95亿元, 教职工 5 87 人), not two (2024 2025);
# or a thousands group cut short (寄宿生 9,4 20 人), which the digits after the space complete.
_STRAY_DIGIT_SPACE = regex.compile(r"(?<=[\p{Han}、，：；][ \n]{0,2})\d{1,3}(?: \d{3})*$")  # 为3 695 300人: groups of three
_CAPTION_NUMBER = regex.compile(r"(?:^|(?<=\n))[ \t\u3000]*[表图]\s*\d{1,2}(?:[-—–.]\d{1,2})?$")  # 表1, 表3-6: a table's number
_GROUP_AT_EDGE = regex.compile(r"(?:(?<=\d[—–~～-])|(?<=^|\n))\d{1,3}$")
_WHOLE_GROUP = regex.compile(r"\d{3}(?=[^\d\s.,])")
_CUT_GROUP = regex.compile(r"(?<=\p{Han} ?)\d{1,3}(?:[,，]\d{3})*[,，](?P<part>\d{1,2})$")
_DIGIT_RUN = regex.compile(r"\d+")


def _stray_space_in_figure(text: str, space: regex.Match, rows: list[tuple[int, int]]) -> bool:
    """One space between digits that follow a Chinese character, outside a table row."""
    at = space.start()
    if space.end() - at != 1 or not text[space.end():space.end() + 1].isdigit() or _in_rows(rows, at):
        return False
    if _STRAY_DIGIT_SPACE.search(text, max(0, at - 16), at) and not _CAPTION_NUMBER.search(text, max(0, at - 4), at):
        return True  # but 表1 2025年 is a caption's number and a year
    if _GROUP_AT_EDGE.search(text, max(0, at - 4), at) and _WHOLE_GROUP.match(text, space.end()):
        return True  # 4500—6 800元, and 14 862元 opening a line after a page break
    cut = _CUT_GROUP.search(text, max(0, at - 16), at)
    return cut is not None and _completes_group(cut.group("part"), _DIGIT_RUN.match(text, space.end()).group())


def _completes_group(head: str, tail: str) -> bool:
    """9,4 20 and 12,3- / 45: the digits after a break complete the thousands group before it."""
    return len(head) + len(tail) == 3


_CELL_THOUSANDS = regex.compile(r"(?<=(?:^|\|)[ \t]*\d{1,3}(?: \d{3})*) (?=\d{3}(?: \d{3})*(?:\.\d+)?[ \t]*(?:\||$))", regex.MULTILINE)  # | 1 548.3 |: decimals too


def _cell_thousands(text: str, space: regex.Match, rows: list[tuple[int, int]]) -> bool:
    """A space that parts the thousands of a table cell's figure (| 38 615 |), in a row laid
    out with wide spaces or tabs or in one written with pipes."""
    at = space.start()
    if space.end() - at != 1 or _CELL_THOUSANDS.match(text, at) is None:
        return False
    return _in_rows(rows, at) or "|" in text[text.rfind("\n", 0, at) + 1:at]


HEADLINE_LENGTH = 60
_HEADLINE_GAP = regex.compile(r"(?<=\p{Han}{2}|\d\p{Han}|[%％]) (?=\p{Han}{2})")  # 床位数达到6.8张 家庭医生签约率


def _headline_gap(text: str, start: int, end: int) -> bool:
    """One space between two phrases of a short line with no punctuation, as headlines
    part their halves (全社会用电量达4286亿千瓦时 新能源装机占比升至45.1%)."""
    if end - start != 1 or not _HEADLINE_GAP.match(text, start):
        return False
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line_end = line_end if line_end >= 0 else len(text)
    if line_end - line_start > HEADLINE_LENGTH:
        return False
    line = text[line_start:line_end]
    return not _HEADLINE_MARKS.search(line) and not _LETTER_SPACED.search(line)


def _wide_gap(raw: str, start: int, end: int) -> bool:
    """An ideographic space in the raw text: a gap between phrases (收报3050.12点　两市)."""
    return "\u3000" in raw[start:end]


_LIST_NUMBER = regex.compile(r"[#>*\s]*\d{1,2}\.")  # a numbered line's number: 1. or ## 5.


# A scanned page's figure with every digit apart, after a Chinese character and before its
# unit: 7 6 0万元, 1 2 . 6万立方米, 4.2 6公里, 8 7 . 0 %, 1,3 5 6 . 8毫米, 2 1. 6 8亿元.
_SPACED_FIGURE = regex.compile(r"(?<=(?:^|\p{Han}|[，。：；、（])[ \n]?)\d(?:[.,]\d+)?(?: ?[.,][ \n]?\d| \d)+(?:\.\d+)? ?(?=\n?[\p{Han}%％])",
                               regex.MULTILINE)
_AFTER_A_POINT = regex.compile(r"(?<=\d)[.,] ")  # 8. 7, not 3 . 8
_DIGITS_APART = regex.compile(r"\d \d")


def _spaced_figure(m: regex.Match) -> bool:
    """A space after a point belongs to the figure only when its digits stand apart too
    (2 1. 6 8亿元), not in a list item's number (8. 7%)."""
    return not _AFTER_A_POINT.search(m.group()) or _DIGITS_APART.search(m.group()) is not None

_SPACED_CELL = regex.compile(r"(?<=\|[ \t\u3000]*)\d(?: ?[.,] ?\d| \d)+(?=[ \t\u3000]*\||[ \t\u3000]*$)", regex.MULTILINE)  # |1 1,8 0 0|, | 1 3 9|: a cell's figure


_THOUSANDS_GROUP = regex.compile(r"\d{3}(?![\d.])")  # 2　316座, but not 表1　2025年


def _inner_spaces(text: str, rows: list[tuple[int, int]] = (), raw: str = "",
                  captions: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Drop spaces next to a Chinese character or mark (`动 力 566 人` → `动力566人`);
    a run of spaces between two other tokens (`GDP 5`) shrinks to one, except in a
    letter-spaced line of Chinese, where `3 2 6 户` is one number (326户). Between the
    fields of a table row one space stays (`1　张某某` is no 1张)."""
    drop = [(m.start() + k, m.start() + k + 1) for m in _LETTER_SPACED.finditer(text)
            if _HAN.search(m.group()) for k in range(1, len(m.group()), 2)]
    letter_spaced = {start for start, _ in drop}
    spaced_figures = [m for m in _SPACED_FIGURE.finditer(text) if not _in_rows(rows, m.start()) and _spaced_figure(m)]
    letter_spaced |= {k for m in spaced_figures for k in range(*m.span()) if text[k] == " "}
    drop += [(k, k + 1) for m in spaced_figures for k in range(*m.span()) if text[k] == "\n"]  # 9 0 . / 3 %
    if "|" in text:
        letter_spaced |= {k for m in _SPACED_CELL.finditer(text) for k in range(*m.span()) if text[k] == " "}
    for m in _SPACES.finditer(text):
        prev = text[m.start() - 1] if m.start() else "\n"
        nxt = text[m.end()] if m.end() < len(text) else "\n"
        keep_one = not (_is_cjk(prev) or _is_cjk(nxt) or prev == "\n" or nxt == "\n") or (
            bool(rows) and _field_gap_at(raw, m.start()) and _in_rows(rows, m.start()))
        in_figure = keep_one and (_stray_space_in_figure(text, m, rows) or _cell_thousands(text, m, rows))
        if in_figure:
            keep_one = False  # 6 8.95亿元; a cell's 38 615; 2　316座 (an ideographic space parts thousands too)
        if keep_one and prev == "." and nxt.isdigit() and m.start() >= 2 and text[m.start() - 2].isdigit() \
                and not _LIST_NUMBER.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
            keep_one = False  # 468. 8公斤: a space after a decimal point (but ## 5. 2025年目标 is a heading's number)
        thousands = in_figure and _THOUSANDS_GROUP.match(text, m.end()) is not None
        if not keep_one and not thousands and prev != "\n" and nxt != "\n" and (
                _wide_gap(raw, m.start(), m.end())
                or (_HAN.match(prev) and _HAN.match(nxt) and captions and _in_rows(captions, m.start()))
                or _headline_gap(text, m.start(), m.end())):
            keep_one = True  # 一斤三块五 小果一斤才一块五, 收报3050.12点　两市成交额: two phrases
        if keep_one and m.start() in letter_spaced:
            keep_one = False
        if m.end() - m.start() > keep_one:
            drop.append((m.start() + keep_one, m.end()))
    return drop


# ---------------------------------------------------------------- numbers

# A PDF's line-end hyphen inside a figure: 12,3- / 45户 is 12,345 户, the digits after the
# break completing the thousands group (a range would need a whole number after it).
_HYPHENATED_GROUP = regex.compile(r"(?<=\d[,，](?P<head>\d{1,2}))-[ \t]*\n\s*(?=(?P<tail>\d{1,2})(?!\d))")


def _hyphenated_groups(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _HYPHENATED_GROUP.finditer(text) if _completes_group(m.group("head"), m.group("tail"))]


_THOUSANDS = regex.compile(r"(?<![\d.])\d{1,3}(?:[,，]\d{3}|, \d{3})+(?![\d])"  # a PDF's 5, 000元 too
                           r"|(?<![\d.] ?)\d(?: \d){0,2}(?: [,，] \d \d \d)+(?! ?\d)")  # letter-spaced: 6 , 4 3 0


def _thousands_separators(text: str, raw: str, drop: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`1,234,567` → `1234567` (only groups of exactly three digits; `１，２３４` and
    `1，200户` after a Chinese character too, but not `$20，300美圆`), read with the ``drop`` spans already gone: a
    figure a PDF broke across two lines (`1,8` / `42万元`) is one figure."""
    if not _SEPARATED.search(text):
        return []
    kept = _kept_ranges(drop, len(text))
    joined = "".join(text[a:b] for a, b in kept)
    starts = list(accumulate((b - a for a, b in kept), initial=0))  # where each kept range starts in joined

    def at(k: int) -> int:  # the offset in ``text`` of ``joined[k]``
        n = bisect_right(starts, k) - 1
        return kept[n][0] + k - starts[n]
    return [(at(m.start() + k), at(m.start() + k) + 1) for m in _THOUSANDS.finditer(joined)
            for k, c in enumerate(m.group())
            if c == "," or (c == " " and m.group()[k - 1] == ",") or (c == "，" and (_opens_figure(joined, m.start()) or _full_width_around(raw, at(m.start() + k))))] \
        + [(at(m.start() + k), at(m.start() + k) + 1) for m in _MYRIADS.finditer(joined) for k, c in enumerate(m.group()) if c == ","]


# Digits grouped by ten thousands, the Chinese way, before a unit: 1,2345万元, 1,0000元 (not 2020,2021年)
_MYRIADS = regex.compile(r"(?<![\d.,])\d{1,4}(?:,\d{4})+(?![\d,])(?=[万亿]?(?![年月日号])[\p{Han}%％])")


def _full_width_around(raw: str, k: int) -> bool:
    """Full-width digits on both sides of a full-width comma (总数：１，２３４人) part thousands."""
    return 0 < k < len(raw) - 1 and "０" <= raw[k - 1] <= "９" and "０" <= raw[k + 1] <= "９"


def _opens_figure(text: str, start: int) -> bool:
    """Do the digits at ``start`` open a figure of their own (资金12，460万元, a cell's 86，500.00; not 9:30，200名
    or $20，300美圆, where the comma parts two)?"""
    return start == 0 or text[start - 1] in "\n \t\u3000|" or _HAN.match(text, start - 1) is not None  # a cell: 86，500.00


_SEPARATED = regex.compile(r"\d\s*[,，]\s*\d")


# ---------------------------------------------------------------- subtitles

# An SRT cue's number and timing line (with the blank line before it), or a [02:15]
# timestamp opening a transcript line: chrome around the words.
_CUE = regex.compile(r"(?m)(?:^[ \t]*\n)?^[ \t]*(?:\d+[ \t]*\n[ \t]*)?(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[^\n]*\n"
                     r"|^\[\d{1,2}:\d{2}(?::\d{2})?(?:[,.]\d{1,3})?\][ \t]*")


def _subtitle_timing(text: str) -> list[tuple[int, int]]:
    """SRT cues, [00:15] marks, and the bare 00:15 that opens each line of a video's subtitles."""
    cues = [m.span() for m in _CUE.finditer(text)] if "-->" in text or "[" in text else []
    return cues + [_LINE_TIME.match(text, start).span() for start, _ in _timed_lines(text)] if ":" in text else cues


def _timed_lines(text: str) -> list[tuple[int, int]]:
    """The lines of a video's subtitles, each opening with its time (00:15 …): phrases of their own."""
    lines = [line.span() for line in _LINE.finditer(text) if _LINE_TIME.match(text, line.start())]
    return lines if len(lines) >= SUBTITLE_LINES else []


_LINE_TIME = regex.compile(r"(?m)^[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[ \t]*(?=[^\s\d:：])")  # 00:15 一千一百三十公里，路上得开…
SUBTITLE_LINES = 3  # lines opening with a time that make a text a video's subtitles


# A chat log's header line, the sender and the time (王阿姨 09:12, 3栋601-小林 19:02) over each message: the
# message reads as the sender's turn (王阿姨：…), as in a transcript.
_CHAT_HEADER = regex.compile(r"(?m)^[ \t]*(?:\p{Han}{2,6}|(?=[^\s]*\p{Han})[\w\-－·]{2,14})(?P<gap>[ \t\u3000]+)(?P<time>(?:\d{1,2}月\d{1,2}日[ \t]*)?\d{1,2}:\d{2}(?::\d{2})?[ \t]*\n\s*)(?=\S)")
CHAT_HEADERS = 3  # header lines that make a text a chat log


def _chat_headers(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Where a chat log's headers get a colon after the sender, and the times to drop."""
    headers = list(_CHAT_HEADER.finditer(text)) if ":" in text else []
    if len(headers) < CHAT_HEADERS:
        return [], []
    return [m.start("gap") for m in headers], [(m.start("gap") + 1, m.end("time")) for m in headers]


# ---------------------------------------------------------------- doubled headlines

_TOKEN = regex.compile(r"[^\s\p{Han}]*(\p{Han}[^\s]{7,})")


MIN_REPEATED_LINES = 2
MAX_REPEATED_LINES = 12
MIN_REPEATED_CHARS = 30


def _repeated_blocks(text: str) -> list[tuple[int, int]]:
    """A block of lines printed again right after itself (two page photos that overlap, a
    pasted paragraph twice, page chrome between the copies): the second copy goes."""
    lines = [(m.span(), WHITE_SPACE.sub("", m.group())) for m in _LINE.finditer(text) if m.group().strip()]
    texts = [line for _, line in lines]
    drop: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        size = _copy_size(texts, k)
        if size is None:
            k += 1
            continue
        drop += [span for span, _ in lines[k:k + size]]
        k += size
    return drop


def _copy_size(texts: list[str], k: int) -> int | None:
    """How many lines from ``k`` on copy the lines just before them (page chrome between allowed)."""
    for gap in range(min(MAX_CHROME_LINES, k - MIN_REPEATED_LINES) + 1):
        if gap and not (len(texts[k - gap]) <= MAX_CHROME_LENGTH and not _SENTENCE_MARK.search(texts[k - gap])):
            return None  # the lines between are no page chrome
        for n in range(MIN_REPEATED_LINES, min(MAX_REPEATED_LINES, k - gap) + 1):
            if texts[k] == texts[k - gap - n] and texts[k - gap - n:k - gap] == texts[k:k + n] \
                    and sum(map(len, texts[k:k + n])) >= MIN_REPEATED_CHARS:
                return n
    return None


MAX_CHROME_LINES = 2  # short lines between the copies: a page number and a running header the chrome rules missed (— l —)
MAX_CHROME_LENGTH = 20


def _doubled_runs(text: str) -> list[tuple[int, int]]:
    """Doubled headlines from PDF extraction: `创新土地托管模式创新土地托管模式` keeps one copy.

    Only a whole token (between spaces or line breaks) of eight or more characters
    that is one half written twice is folded, so `谢谢`, `天天` and reduplicated words
    stay.
    """
    drop = []
    for m in _TOKEN.finditer(text):
        token = m.group(1)
        half = len(token) // 2
        if len(token) % 2 == 0 and token[:half] == token[half:]:
            drop.append((m.start(1) + half, m.end(1)))
        elif (framed := _FRAMED_TWICE.fullmatch(text, m.start(), m.end())) is not None:
            drop.append((framed.start("again"), m.end()))  # ——副题——副题: the second copy with its frame
    return drop


# A subtitle framed by dashes, printed twice: ————槐川县…侧记————槐川县…侧记
_FRAMED_TWICE = regex.compile(r"(?P<frame>[—\-－]{2,})(?P<title>\p{Han}\S{6,}?)(?P<again>(?P=frame)?(?P=title)(?P=frame)?)")


def _doubled_spaced_line(line: regex.Match) -> tuple[int, int] | None:
    """`屋顶上的“阳光存折”　官坪县…超２７００万元　屋顶上的“阳光存折”　官坪县…超２７００万元`: a
    headline of several spaced parts printed twice on one line; the second copy's span."""
    if len(line.group()) < 2 * MIN_DOUBLED_LINE or not WHITE_SPACE.search(line.group().strip()):
        return None  # too short to hold two copies; a line of one token is _TOKEN's
    chars = [(k, ch) for k, ch in enumerate(line.group()) if not ch.isspace()]
    half = len(chars) // 2
    if len(chars) % 2 or half < MIN_DOUBLED_LINE or any(chars[k][1] != chars[k + half][1] for k in range(half)):
        return None
    return line.start() + chars[half][0], line.start() + chars[-1][0] + 1


MIN_DOUBLED_LINE = 8


# A page number line of a PDF (— 12 —, - 3 -, 第2页 共5页, 3/12).
_PAGE_MARK_CORE = (r"[—–-]+[ \t\u3000]*\d{1,4}[ \t\u3000]*[—–-]+|(?:[—–-]+[ \t\u3000]*)?第[ \t]*\d{1,4}[ \t]*页"
                   r"(?:[ \t\u3000]*[，,]?[ \t\u3000]*共[ \t]*\d{1,4}[ \t]*页)?(?:[ \t\u3000]*[—–-]+)?")  # — 第 1 页 共 2 页 —
_PAGE_NUMBER = regex.compile(rf"[ \t\u3000]*(?:{_PAGE_MARK_CORE}|\d{{1,4}}[ \t]*/[ \t]*\d{{1,4}})[ \t\u3000]*")

# A running header and the page number on one line, apart by a wide gap: 白河县防汛办　　　第 2 页 共 6 页
# (only 第 2 页 and — 2 — here: a row's 3/5 beside its label is a figure)
_PAGE_MARK = rf"[ \t\u3000]*(?:{_PAGE_MARK_CORE})[ \t\u3000]*"
_HEADED_PAGE_NUMBER = regex.compile(r"[^\n。，；！？]{1,40}?(?:\u3000|[ \t]{2})" + _PAGE_MARK
                                    + r"|" + _PAGE_MARK + r"(?:\u3000|[ \t]{2})[^\n。，；！？]{1,40}")


def _page_chrome(text: str) -> list[tuple[int, int]]:
    """The page numbers of a PDF turned into text, and its running header: a line that
    opens the text and comes again right after a page number (檀川县人民政府公报
    2025年第3期). Left in, they would cut the sentence a page break runs through."""
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    numbers = [k for k, m in enumerate(lines) if _PAGE_NUMBER.fullmatch(m.group()) or _HEADED_PAGE_NUMBER.fullmatch(m.group())]
    if not numbers:
        return []
    chrome = [lines[k].span() for k in numbers]
    header = WHITE_SPACE.sub("", lines[0].group())
    after = [k + 1 for k in numbers if k + 1 < len(lines) and WHITE_SPACE.sub("", lines[k + 1].group()) == header]
    if after:
        chrome += [lines[0].span()] + [lines[k].span() for k in after]
    titles = ["".join(_HAN.findall(line.group())) for line in lines[:TITLE_LINES]]
    chrome += [lines[k + 1].span() for k in numbers if k + 1 < len(lines) and k + 1 not in after
               and _short_title(lines[k + 1].group(), titles)]
    return chrome


TITLE_LINES = 3  # the lines that open a document and hold its title
MIN_SHARED_TITLE = 4  # Chinese characters a running header shares with the title


def _short_title(line: str, titles: list[str]) -> bool:
    """A running header that shortens the title (桥口农商银行2025年度报告摘要 over 桥口农村商业银行股份有限公司
    ⏎ ２０２５年度报告摘要): no sentence, and a run of four characters or more of the title."""
    if _SENTENCE_MARK.search(line) or len(WHITE_SPACE.sub("", line)) > MAX_RUNNING_HEADER or _FIGURE.search(_YEAR.sub("", line)):
        return False  # 粮食生产总量35.6万吨 after a page break is text
    han = "".join(_HAN.findall(line))
    return any(han[i:i + MIN_SHARED_TITLE] in title for title in titles for i in range(len(han) - MIN_SHARED_TITLE + 1))


MAX_RUNNING_HEADER = 40
_SENTENCE_MARK = regex.compile(r"[，。；！？,;!?：:]")
_YEAR = regex.compile(r"[12１２][0-9０-９]{3}年(?:第[0-9０-９]{1,3}期)?")  # 2026年第11期: a bulletin's issue in a running header
_FIGURE = regex.compile(r"[0-9０-９〇一二三四五六七八九十百千万亿]")


# A web page's or a WeChat post's list of links to other articles (相关文章, 往期推荐) and
# its 上一篇/下一篇 lines: their titles' figures are other articles' news.
_LINK_LIST = regex.compile(r"^[^\p{Han}\n]{0,4}(?:相关(?:文章|阅读|新闻|链接|报道|公告|通知|信息|资讯|推荐)|(?:推荐|延伸|更多|扩展)阅读|往期(?:推荐|回顾|精选)|"
                           r"热门(?:文章|推荐|新闻)|猜你喜欢|精彩推荐)[^\p{Han}\n]{0,4}$|(?P<neighbour>^[ \t\u3000]*[上下]一篇[：:])", regex.MULTILINE)
MAX_LINK_LINES = 12


_PARAGRAPH = regex.compile(r"。[^\n]{8,}。")  # two sentences on one line


def _link_lists(text: str) -> list[tuple[int, int]]:
    """The lines of link lists: a list header and the lines after it up to an empty line,
    and each 上一篇/下一篇 line."""
    spans = []
    for m in _LINK_LIST.finditer(text):
        end = _line_end(text, m.start())
        spans.append((m.start(), end))
        if m.group("neighbour"):
            continue  # 上一篇：…: one line
        for _ in range(MAX_LINK_LINES):
            start, end = end + 1, _line_end(text, end + 1)
            if start >= len(text) or not text[start:end].strip() or _PARAGRAPH.search(text, start, end):
                break  # (a paragraph of sentences under 相关链接 is a note's text, no link)
            spans.append((start, end))
    return spans


# A bilingual release's English line repeats the Chinese line before it (RMB 3.2 billion):
# a line with no Chinese character and several English words is no source of facts.
_ENGLISH_WORD = regex.compile(r"[A-Za-z]{2,}[a-z]")
MIN_ENGLISH_WORDS = 4


def _english_lines(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _LINE.finditer(text)
            if not _HAN.search(m.group()) and len(_ENGLISH_WORD.findall(m.group())) >= MIN_ENGLISH_WORDS]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _doubled_lines(text: str) -> list[tuple[int, int]]:
    """A headline line printed twice in a row (the copies may differ in their spaces)
    keeps its first copy."""
    drop, previous = [], None
    for m in _LINE.finditer(text):
        line = WHITE_SPACE.sub("", m.group())
        if not line:
            continue
        if line == previous and len(line) >= MIN_DOUBLED_LINE:
            drop.append((m.start(), m.end()))
        previous = line
    return drop
