"""Stage 3a: read numerals. Arabic, Chinese (everyday and formal) and mixed forms.

Three entry points:

- ``parse_number(s)``: the value of a whole numeral string, or None.
- ``parse_quantity(s)``: the numeral part of a quantity mention as it stands in
  running text, with approximation morphemes (4800多万, 十几) and vague adjacent-digit
  ranges (四五千, 十七八), as ``(value, value_max, approx)``.
- ``NUMBER_RE``: one numeral token in running text, to find candidates fast.

The tables come first, as module constants (like cn2an's ``conf.py``). Values are
computed with ``int`` and ``Decimal`` so that ``1.4万`` is exactly 14000 and
``159.79万`` exactly 1597900; floats appear only in the result.

>>> [m.group() for m in NUMBER_RE.finditer("种植1.4万亩，增收4800多万元，5千克")]
['1.4万', '4800多万', '5']
"""
from __future__ import annotations

import math
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

import regex

__all__ = ["NUMERAL_CHARS", "NUMBER_RE", "parse_number", "parse_quantity"]

Number = int | float

# ---------------------------------------------------------------- tables

#: Chinese digits, everyday and formal (大写) forms; 幺 is 1 in read-out digit strings.
DIGITS: dict[str, int] = {
    "〇": 0, "○": 0, "零": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "貮": 2, "两": 2, "兩": 2, "倆": 2, "俩": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3, "仨": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
#: Zero digits: as a filler between magnitudes (一百零一) they add nothing.
ZERO_DIGITS = "〇○零"
#: Words for 2 that are never read digit by digit (两两 is not 22, 一点两 is not 1.2).
TWO_WORDS = "两兩倆俩"

#: Magnitudes inside a section of four digits.
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
#: Magnitudes that close a section. 兆 is 10**12 as in the Recognizers-Text specs.
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}

#: Contracted tens, rewritten before parsing (廿二 → 二十二).
TENS: dict[str, str] = {"廿": "二十", "卅": "三十", "卌": "四十"}

POINTS = "点點·"  # 一·二六亿: a middle dot between Chinese digits is a decimal point too
SIGNS: dict[str, int] = {"负": -1, "負": -1, "-": -1, "正": 1, "+": 1}

#: Morphemes after a numeral that make it a lower bound (4800多万, 500余, 十几) or about (一百五十来万).
APPROX_MORPHEMES: dict[str, str] = {"多": "over", "余": "over", "餘": "over", "几": "over", "幾": "over", "来": "about"}
#: Characters that make the magnitude after them vague: 几十, 数百, 数十万.
VAGUE_PREFIXES = "几幾数數"
#: Set phrases of vague amounts, matched whole by NUMBER_RE so that no digit is read.
VAGUE_PHRASES = ("成千上万", "成千上萬", "成百上千", "千千万万", "千千萬萬")
#: Digit pairs read as a range besides n, n+1 (四五千): 三五 "three to five".
EXTRA_RANGE_PAIRS = {(3, 5)}

FRACTION_MARK = "分之"  # 三分之一: denominator first
MIXED_MARK = "又"  # 3又一千分之23: whole part and fraction
DOZEN = "打"  # 一打 = 12 (Recognizers-Text)
DOZEN_SIZE = 12
HALF = "半"  # 半百 = 50
#: cn2an's RMB amounts: 壹拾壹元壹角壹分, 壹拾壹元整.
YUAN = "元圆块"  # 块 and 毛 are the spoken 元 and 角: 一块四毛五
#: Letter multipliers after an Arabic number (Recognizers-Text: 40k, -2.5M).
ARABIC_SUFFIXES: dict[str, int] = {"k": 10**3, "m": 10**6, "w": 10**4}  # w: 万 in informal posts (3.2w)

#: Chars after 千 that make it a unit prefix, not a number (千克, 千米, 千瓦, 千分之).
KILO_UNIT_WORDS = ("克", "米", "瓦", "焦", "卡", "帕", "伏", "赫", "字节", "兆")
#: Chars after 百/千/万 that start a percent or permille word, left to the caller.
PERCENT_WORDS = ("分之", "分点", "分比", "分率")

#: Longer strings are not numbers in news text; the cap also bounds the work done.
MAX_LENGTH = 100

#: Full-width forms and look-alikes, to plain ASCII; contracted tens spelled out.
_TRANSLATE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".", "，": ",", "－": "-", "−": "-", "﹣": "-", "＋": "+", "／": "/", "＾": "^",
        "Ｅ": "e", "ｅ": "e", "E": "e", "Ｋ": "k", "ｋ": "k", "K": "k", "Ｍ": "m", "ｍ": "m", "M": "m",
        "\u3000": " ",
        **TENS,
    }
)
#: Chinese digits to ASCII, for digit strings (一七二零 → 1720, 点一三四 → .134).
_DIGIT_TO_ASCII = str.maketrans({c: str(v) for c, v in DIGITS.items()})

#: Every character that can be part of a Chinese numeral: digits, contracted tens,
#: magnitudes, the decimal point and the minus sign (not the morphemes 多/余/几).
NUMERAL_CHARS = "".join(DIGITS) + "".join(TENS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + POINTS + "负負"

# ---------------------------------------------------------------- regexes

_PLAIN_ARABIC = regex.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+")
_ARABIC_MAGNITUDE = regex.compile(r"([0-9]+(?:\.[0-9]+)?)([万萬亿億])")  # 1.4万, the usual statistic
_ARABIC_AT = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_SCIENTIFIC = regex.compile(r"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)e([+-]?[0-9]{1,2})")
_POWER = regex.compile(r"([0-9]+(?:\.[0-9]+)?)\^([+-]*)([0-9]{1,2})")
_SUFFIXED = regex.compile(r"([0-9]+(?:\.[0-9]+)?|\.[0-9]+)([kmw])")
_SLASH_FRACTION = regex.compile(r"([0-9]+(?:\.[0-9]+)?)/([0-9]+(?:\.[0-9]+)?)")
_MONEY = regex.compile(rf"(.+?)[{YUAN}](?:(.)[角毛](.)?)?(?:(.)分)?[整正钱]?")
_DECIMAL_TAIL = regex.compile(
    "([0-9" + "".join(c for c in DIGITS if c not in TWO_WORDS) + "]+)([" + "".join(BIG_UNITS) + "]*)"
)
WHITE_SPACE = regex.compile(r"\s+")  # one regex for every stage that drops white space
_MIXED_WITH_SPACE = regex.compile(r"([+-]?[0-9]+)\s+([0-9]+/[0-9]+)")  # 1 3/5
_DIGIT_SPACE_DIGIT = regex.compile(r"[0-9.]\s+[0-9.]")  # 1 234: two numbers
_DIGIT_PAIR = regex.compile(rf"(?<![{''.join(DIGITS)}])([{''.join(DIGITS)}])([{''.join(DIGITS)}])(?![{''.join(DIGITS)}])")


def _build_number_re() -> regex.Pattern:
    """NUMBER_RE from the tables above; each piece is commented where it is made."""
    cn_digit = "[" + "".join(DIGITS) + "".join(TENS) + "]"
    any_numeral = "[" + "".join(DIGITS) + "".join(TENS) + "".join(SMALL_UNITS) + "万萬亿億0-9０-９]"
    percent = "|".join(PERCENT_WORDS)
    # a magnitude before 分之 is a denominator only right after a numeral (一百分之二);
    # 百分之 alone starts a percent and stays outside the token
    denominator = rf"(?<={any_numeral}.)(?=分之)"
    ten = "[十拾]"
    hundred = rf"[百佰](?:(?!{percent}|帕)|{denominator})"
    thousand = rf"[千仟](?:(?!{percent}|{'|'.join(KILO_UNIT_WORDS)})|{denominator})"  # 千克 is a unit
    big = rf"(?:[万萬](?:(?!{percent})|{denominator})|[亿億])"  # 兆 is left out: 兆瓦, 100兆宽带
    cn = rf"(?:{cn_digit}|{ten}|{hundred}|{thousand}|{big})"
    arabic = (
        r"(?<![A-Za-z0-9０-９.．])"  # not inside G20 or PM2.5
        r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)"  # 1,234 or 1234
        r"(?:[.．][0-9０-９]+)?"  # decimals
    )
    # 3万5千, 200亿零四千230, 4800万; a space may stand before 万/亿 (159.79 万元)
    core = rf"(?:{arabic}|{cn})(?:{arabic}|{cn}|[ \u3000]{big})*"
    decimal_digit = "[0-9０-９" + "".join(c for c in DIGITS if c not in TWO_WORDS) + "]"
    # 十二点五万; not 十点三十分 (a clock time) and not after Arabic digits (8点30)
    point = (rf"(?:(?<={cn_digit}|[十拾百佰千仟万萬亿億])[点點]{decimal_digit}+(?![十拾百佰千仟点點]){big}*"
             rf"|(?<=[〇○零一二三四五六七八九])[.．](?=[〇○零一二三四五六七八九])[〇○零一二三四五六七八九]+)")  # 一九．六 in an annal's table
    morpheme = "(?:[" + "".join(APPROX_MORPHEMES) + rf"]{big}*)"  # 4800多万, 十几, 2.4万余
    number = rf"{core}(?:{point}|{morpheme})?"
    fraction = (
        rf"(?:{core}{MIXED_MARK})?"  # 3又一千分之23
        rf"(?:{core}{FRACTION_MARK}[负負]?{core}{point}?"  # 三分之一
        rf"|(?<![0-9０-９/]){arabic}[/／]{arabic}(?![0-9０-９/]))"  # 1/4, but not 2023/10/1
    )
    vague = (
        "|".join(VAGUE_PHRASES)  # 成千上万
        + rf"|[{VAGUE_PREFIXES}](?=[十拾百佰千仟万萬亿億]){cn}+"  # 几十, 数百, 数十万
    )
    sign = r"(?:[负負]|(?<![0-9０-９A-Za-z.．])[-－−])"  # a minus, not the dash of 300-1800
    return regex.compile(rf"{vague}|{sign}?(?:{fraction}|{number})")


#: One numeral token in running text: Arabic (1,234.5), Chinese (两千六, 壹拾万),
#: mixed (1.4万, 3万5千), with 多/余/几 (4800多万, 十几), fractions (三分之一, 1/4) and
#: vague amounts (几十, 成千上万: parse_quantity gives None for these). A unit
#: prefix stays out (5千克 → 5), and so does the 百 of 百分之 and 百分点.
NUMBER_RE = _build_number_re()


# ---------------------------------------------------------------- public API


@lru_cache(maxsize=16384)
def parse_number(s: str) -> Number | None:
    """The value of the whole numeral string ``s``, or None if it is not one number.

    Arabic (``1,234.5``, ``-.5``, ``2e5``, full width), Chinese (``十二点五``,
    ``两千六``, ``壹拾万零叁仟``, ``一七二零``), mixed (``1.4万``, ``3万5千``),
    fractions (``三分之一``, ``3又一千分之23``, ``1/4``; ``百分之五十`` is 0.5).
    A number followed by 多/余/几 gives its lower bound (``十多万`` → 100000);
    ``parse_quantity`` also reports the approximation. The result is an int when
    the value is whole and no decimal was left unscaled, else a float.

    >>> parse_number("1.4万"), parse_number("两千六"), parse_number("十二点五"), parse_number("十分")
    (14000, 2600, 12.5, None)
    """
    if len(s) > MAX_LENGTH:
        return None
    if s.isdigit() and s.isascii():  # the common case: plain Arabic digits
        return int(s)
    if _PLAIN_ARABIC.fullmatch(s):
        text = s.replace(",", "")
        return float(text) if "." in text else int(text)
    m = _ARABIC_MAGNITUDE.fullmatch(s)
    if m:
        return _to_python(_Num(_arabic(m[1]).value * BIG_UNITS[m[2]]))
    num = _parse_normalized(_normalize(s))
    if num is None and "千" in s:
        return _thousands_counted(s)
    return None if num is None else _to_python(num)


def _thousands_counted(s: str) -> Number | None:
    """叁拾千, 一百七十二千八百: thousands counted like cash strings (千文), a number of ten or
    more before 千 and less than a thousand after it."""
    before, _, after = s.rpartition("千")
    written = before and "千" not in before and "万" not in before and any(ch in before for ch in "十拾百佰")  # not 四五千
    thousands = parse_number(before) if written else None
    rest = parse_number(after) if after else 0
    if not isinstance(thousands, int) or not 10 <= thousands < 1000 or not isinstance(rest, int) or not 0 <= rest < 1000:
        return None
    return thousands * 1000 + rest


@lru_cache(maxsize=16384)  # numerals repeat: 1, 2, 10万 …
def parse_quantity(s: str) -> tuple[Number, Number | None, str | None] | None:
    """``(value, value_max, approx)`` for the numeral part of a quantity mention.

    ``approx`` is "over" for 多/余/几 (``4800多万``, ``十几``); adjacent digits are a
    range (``四五千`` → 4000–5000, ``十七八``, ``一两``, ``三五``, ``百八十`` → 80–100); a bare magnitude
    counts (``万`` → 10000). Vague amounts (``几十``, ``数百``, ``成千上万``) and
    non-numbers give None. Anything else is ``(parse_number(s), None, None)``.

    >>> parse_quantity("4800多万"), parse_quantity("四五千"), parse_quantity("几十")
    ((48000000, None, 'over'), (4000, 5000, None), None)
    """
    if len(s) > MAX_LENGTH:
        return None
    if (s.isdigit() and s.isascii()) or _PLAIN_ARABIC.fullmatch(s) or _ARABIC_MAGNITUDE.fullmatch(s):
        return parse_number(s), None, None  # the common case (120, 12.5, 1.4万): parse_number's fast paths
    t = _normalize(s)
    if not t:
        return None
    pair = _adjacent_range(t)
    if pair is not None:
        return pair
    if t in _HUNDRED_OR_SO:
        return 100, None, "over"  # 百十来斤: a hundred and a bit
    loose = _LOOSE_ROUND.fullmatch(t)
    if loose:  # 百八十 is 80 to 100, 千儿八百 800 to 1000
        top, low = _LOOSE_ORDERS[loose.group(1)], _LOOSE_ORDERS[loose.group(2)]
        if top == low * 10:
            return 8 * low, top, None
    num = _parse_normalized(t)
    if num is None:
        num = _bare_magnitude(t)  # 万, 千, 百万
    if num is None and t[0] in "百千万" and (t[1:] == "几" or (len(t) > 2 and t[1] in _SPOKEN_AFTER_MAGNITUDE)):
        return parse_quantity("一" + t)  # 万几, 千几, 万一二: spoken Cantonese leaves the 一 out (万一 is "in case")
    if num is None and "千" in t and (thousands := _thousands_counted(t)) is not None:
        return thousands, None, None  # 叁拾千文: cash counted in thousands
    value = None if num is None else _to_python(num)
    return None if value is None else (value, None, num.approx)


_SPOKEN_AFTER_MAGNITUDE = "几一二三四五六七八九"


# A round number and eight of the order below it, spoken for "about that many".
_LOOSE_ROUND = regex.compile(r"([百千万])儿?八([十百千])")
_HUNDRED_OR_SO = ("百十", "百十来")
_LOOSE_ORDERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}


# ---------------------------------------------------------------- parsing


class _Num(NamedTuple):
    """An exact value while parsing: ``is_float`` marks an unscaled decimal (10.0)."""

    value: int | Decimal
    is_float: bool = False
    approx: str | None = None


_CLASSICAL_AND = regex.compile(r"(?<=[十拾百佰千仟万萬])有(?=[一二三四五六七八九壹贰叁肆伍陆柒捌玖])")


_DIGITS_WITH_POINT = regex.compile(r"[〇○零一二三四五六七八九]+\.[〇○零一二三四五六七八九]+")


def _normalize(s: str) -> str:
    """Half-width, lower-case letters, 廿 spelled out, no white space; "" if hopeless."""
    t = s.translate(_TRANSLATE).strip()
    if "有" in t:
        t = _CLASSICAL_AND.sub("", t)  # 六十有八, 八十有一: the classical "and" between tens and units
    if "." in t and _DIGITS_WITH_POINT.fullmatch(t):
        t = t.replace(".", "点")  # 一九.六: Chinese digits read one by one, with a written decimal point
    if WHITE_SPACE.search(t):
        mixed = _MIXED_WITH_SPACE.fullmatch(t)
        if mixed:
            return mixed[1] + MIXED_MARK + mixed[2]
        if _DIGIT_SPACE_DIGIT.search(t):
            return ""
        t = WHITE_SPACE.sub("", t)
    return t


def _parse_normalized(t: str) -> _Num | None:
    """Signed value of a normalized string."""
    if not t:
        return None
    sign = SIGNS.get(t[0])
    if sign is not None:
        t = t[1:]
    num = _parse_unsigned(t) if t else None
    if num is None or sign != -1:
        return num
    return num._replace(value=-num.value)


def _parse_unsigned(t: str) -> _Num | None:
    """Dispatch on the few marks that make a special form; else a plain numeral."""
    if MIXED_MARK in t:
        return _parse_mixed(t)
    if FRACTION_MARK in t or "/" in t:
        return _parse_fraction(t)
    last = t[-1]
    if last in YUAN or last in "角毛分整正钱" or (len(t) > 1 and t[-2] in "角毛"):
        return _parse_money(t)
    if last == DOZEN:
        num = _parse_numeral(t[:-1])
        return None if num is None or num.approx else _Num(num.value * DOZEN_SIZE)
    if t[0] == HALF:
        return _parse_half(t)
    if t.isascii() and ("e" in t or "^" in t or last in ARABIC_SUFFIXES):
        return _parse_arabic_forms(t)
    return _parse_numeral(t)


def _parse_numeral(t: str) -> _Num | None:
    """An integer numeral, or one with a Chinese decimal point (十二点五, 两千万点五)."""
    i = _find_point(t)
    if i < 0:
        return _scan_integer(t)
    head = _scan_integer(t[:i]) if i else None
    tail = _DECIMAL_TAIL.fullmatch(t, i + 1)
    if head is None or tail is None or head.approx or head.is_float:
        return None
    fraction = Decimal("0." + tail[1].translate(_DIGIT_TO_ASCII))
    scale = _product(tail[2])
    if scale != 1 and any(c in BIG_UNITS for c in t[:i]):
        return None  # 两万点五万
    return _Num((head.value + fraction) * scale, is_float=scale == 1)


def _find_point(t: str) -> int:
    for i, c in enumerate(t):
        if c in POINTS:
            return i
    return -1


def _product(units: str) -> int:
    scale = 1
    for c in units:
        scale *= BIG_UNITS[c]
    return scale


def _parse_fraction(t: str) -> _Num | None:
    """三分之一, 负3分之负一百五十七, 百分之五十 (0.5), 1/4."""
    if FRACTION_MARK in t:
        den_text, num_text = t.split(FRACTION_MARK, 1)
        den = _parse_numeral(den_text) or _bare_magnitude(den_text)  # 百分之, 万分之
        num = _parse_normalized(num_text)
    else:
        m = _SLASH_FRACTION.fullmatch(t)
        if not m:
            return None
        den, num = _arabic(m[2]), _arabic(m[1])
    if den is None or num is None or den.approx or num.approx or den.value == 0:
        return None
    return _Num(Decimal(num.value) / Decimal(den.value), is_float=True)


def _parse_mixed(t: str) -> _Num | None:
    """3又一千分之23, 负一又二分之一 (the sign is taken off before)."""
    whole_text, fraction_text = t.split(MIXED_MARK, 1)
    whole = _parse_numeral(whole_text)
    fraction = _parse_fraction(fraction_text)
    if whole is None or fraction is None or whole.approx:
        return None
    return _Num(whole.value + fraction.value, is_float=True)


def _parse_money(t: str) -> _Num | None:
    """cn2an's RMB form: 壹拾壹元整 → 11, 玖仟陆佰陆拾伍圆壹角捌分 → 9665.18; spoken, 一块四毛五 → 1.45."""
    m = _MONEY.fullmatch(t)
    if not m and len(t) > 1 and t[1] in "角毛" and t.endswith("分"):
        m = _MONEY.fullmatch("零元" + t)  # 七角五分: jiao and fen with no yuan
    if not m:
        return None
    if m[3] is not None and m[4] is not None:
        return None  # 四毛五 names its fen already: no second 分
    yuan = _parse_numeral(m[1])
    jiao, fen = _digit(m[2]), _digit(m[3] or m[4])
    if yuan is None or yuan.approx or jiao is None or fen is None:
        return None
    if m[2] is None and m[4] is None:
        return yuan
    return _Num(yuan.value + Decimal(jiao) / 10 + Decimal(fen) / 100, is_float=True)


def _digit(c: str | None) -> int | None:
    """One digit of a money amount; a missing one is 0."""
    if c is None:
        return 0
    return DIGITS.get(c, int(c) if c.isascii() and c.isdigit() else None)


def _parse_half(t: str) -> _Num | None:
    """半百 = 50: 半 before magnitudes only."""
    scale = _bare_magnitude(t[1:])
    return None if scale is None else _Num(Decimal("0.5") * scale.value)


def _bare_magnitude(t: str) -> _Num | None:
    """万 → 10000, 百万 → 1000000: magnitudes alone, read as if 一 came first."""
    if not t or not all(c in SMALL_UNITS or c in BIG_UNITS for c in t):
        return None
    return _scan_integer("一" + t)


def _parse_arabic_forms(t: str) -> _Num | None:
    """2e5, 2.7890e-1, 2^5, -1.1^--23 (signs multiply), 40k, 2.5m."""
    m = _SCIENTIFIC.fullmatch(t)
    if m:
        exponent = int(m[2])
        value = Decimal(m[1]) * Decimal(10) ** exponent
        return _Num(value, is_float="." in m[1] or exponent < 0)
    m = _POWER.fullmatch(t)
    if m:
        return _power(m[1], (-1) ** m[2].count("-") * int(m[3]))
    m = _SUFFIXED.fullmatch(t)
    if m:
        return _Num(Decimal(m[1]) * ARABIC_SUFFIXES[m[2]])
    return None


def _power(base_text: str, exponent: int) -> _Num | None:
    base = _arabic(base_text).value
    if base == 0 and exponent <= 0:
        return None
    if isinstance(base, int) and exponent >= 0:
        return _Num(base**exponent)
    return _Num(Decimal(base) ** exponent, is_float=True)


def _arabic(text: str) -> _Num:
    """An Arabic literal known to be well formed (digits, commas, one point)."""
    text = text.replace(",", "")
    if "." in text:
        return _Num(Decimal(text), is_float=True)
    return _Num(int(text))


def _scan_integer(t: str) -> _Num | None:
    """An integer numeral: digits, magnitudes, Arabic runs and one 多/余/几.

    It needs a digit, or 十 first: 十 and 十万 are numbers, but a bare 百 or 千万 is
    not (see ``_bare_magnitude``).
    """
    if not t:
        return None
    scanner = _IntegerScanner()
    if not scanner.feed(t) or not (scanner.digit_seen or t[0] in "十拾"):
        return None
    return scanner.result()


class _IntegerScanner:
    """One left-to-right pass over an integer numeral, holding the sums so far.

    ``parts`` are closed sections (value, level), highest level first: in
    一亿五千万 they are (1e8, 1e8) and (5e7, 1e4). ``section`` is the sum of the
    current section's 十/百/千 terms, and ``pending`` the digits read since the last
    magnitude: a single Chinese or Arabic digit ("digit"), a string of them ("string", or "written"
    when it is three digits or more or holds a zero: 四二〇〇万 may take a magnitude), only
    zeros ("zero", the filler of 一百零一) or an Arabic number ("arabic").
    """

    __slots__ = ("parts", "section", "last_small", "pending", "kind", "zero_before", "after_unit",
                 "unit_seen", "digit_seen", "approx")

    def __init__(self) -> None:
        self.parts: list[tuple[int | Decimal, int]] = []
        self.section: int | Decimal = 0
        self.last_small = 0  # the last 十/百/千 of this section, to check they go down
        self.pending: int | Decimal | None = None
        self.kind = ""
        self.zero_before = False  # a 零 filler before the pending digit: no 三万五 reading
        self.after_unit = 0  # the magnitude right before the pending digits
        self.unit_seen = False
        self.digit_seen = False
        self.approx: str | None = None

    def feed(self, t: str) -> bool:
        """Read all of ``t``; False as soon as it cannot be one numeral."""
        i, n = 0, len(t)
        while i < n:
            c = t[i]
            if c in DIGITS:
                j = i + 1
                while j < n and t[j] in DIGITS:
                    j += 1
                ok = self._digits(t[i:j])
                i = j
            elif c in SMALL_UNITS:
                ok = self._small_unit(SMALL_UNITS[c])
                i += 1
            elif c in BIG_UNITS:
                ok = self._big_unit(BIG_UNITS[c])
                i += 1
            elif c in APPROX_MORPHEMES:
                ok = self._morpheme(APPROX_MORPHEMES[c])
                i += 1
            else:
                m = _ARABIC_AT.match(t, i)
                ok = m is not None and self._set_pending(_arabic(m.group()).value,
                                                         "digit" if len(m.group()) == 1 and m.group() != "0" else "arabic", False)
                i = m.end() if m else n
            if not ok:
                return False
        return True

    def _digits(self, run: str) -> bool:
        core = run.lstrip(ZERO_DIGITS)
        zero_before = len(core) < len(run)
        if not core:
            return self._set_pending(0, "zero", True)
        if len(core) == 1:
            return self._set_pending(DIGITS[core], "digit", zero_before)
        if any(c in TWO_WORDS for c in run):
            return False  # 两两, 一两: not a digit string
        written = len(run) >= 3 or any(c in ZERO_DIGITS for c in run)  # 四二〇〇万: written digit by digit
        return self._set_pending(int(run.translate(_DIGIT_TO_ASCII)), "written" if written else "string", zero_before)

    def _set_pending(self, value: int | Decimal, kind: str, zero_before: bool) -> bool:
        if self.approx or (self.pending is not None and self.kind != "zero"):
            return False  # digits after 多, or two numbers side by side
        self.zero_before = zero_before or self.kind == "zero"
        self.pending, self.kind = value, kind
        self.digit_seen = True
        return True

    def _small_unit(self, unit: int) -> bool:
        if self.approx or self.kind in ("string", "written") or (self.last_small and unit >= self.last_small):
            return False  # 十多百, 三四十, 一十一十
        coefficient = 1 if self.pending is None or self.kind == "zero" else self.pending
        self.section += coefficient * unit
        self.last_small = unit
        self._after(unit)
        return True

    def _big_unit(self, unit: int) -> bool:
        if self.kind == "string":
            return False
        has_value = self.pending is not None or self.last_small != 0
        total, level = self.section + self._pending_value(closing=False), 1
        while self.parts and self.parts[-1][1] <= unit:  # 四万万, 一万五千亿, 二十一万亿
            value, part_level = self.parts.pop()
            total += value
            level = max(level, part_level)
            has_value = True
        level *= unit
        if not has_value or (self.parts and self.parts[-1][1] <= level):
            return False  # a leading 万, or 一亿二万万
        self.parts.append((total * unit, level))
        self.section, self.last_small = 0, 0
        self._after(unit)
        return True

    def _morpheme(self, approx: str) -> bool:
        if self.approx or not (self.parts or self.last_small or self.pending is not None):
            return False  # 几十 is vague, not a number
        self.approx = approx
        return True

    def _after(self, unit: int) -> None:
        self.pending, self.kind, self.zero_before = None, "", False
        self.after_unit = unit
        self.unit_seen = True

    def _pending_value(self, closing: bool) -> int | Decimal:
        """The pending digits' value. A lone digit right after 百/千, or after 万/亿 at
        the end, is the next place down: 两千六 → 600, 三百五万 → 50万, 三万五 → 5000;
        but 一百零六 → 6, and in 五亿五万 the 五 multiplies 万."""
        if self.pending is None:
            return 0
        unit = self.after_unit
        if self.kind == "digit" and not self.zero_before and unit > 10 and (closing or unit < 10**4):
            return self.pending * (unit // 10)  # 4万3 too (one Arabic digit counts as one): 43000
        return self.pending

    def result(self) -> _Num | None:
        if self.kind in ("string", "written") and self.unit_seen:
            return None  # 一百二三 is a range, see parse_quantity
        total = sum(value for value, _ in self.parts) + self.section + self._pending_value(closing=True)
        is_float = self.kind == "arabic" and isinstance(self.pending, Decimal)
        return _Num(total, is_float, self.approx)


def _adjacent_range(t: str) -> tuple[Number, Number, str | None] | None:
    """四五千 → (4000, 5000, None), 十七八 → (17, 18, None): the one pair of adjacent
    digits is read once with each digit."""
    if any(c in POINTS or c == MIXED_MARK for c in t) or FRACTION_MARK in t:
        return None  # 一点二三 is 1.23, not 1.2–1.3
    m = _DIGIT_PAIR.search(t)
    if m is None or _DIGIT_PAIR.search(t, m.end()):
        return None
    low, high = DIGITS[m[1]], DIGITS[m[2]]
    if not ((low >= 1 and high == low + 1) or (low, high) in EXTRA_RANGE_PAIRS):
        return None
    before, after = t[:m.start()], t[m.end():]
    low, high = _parse_normalized(before + m[1] + after), _parse_normalized(before + m[2] + after)
    if low is None or high is None:
        return None
    low_value, high_value = _to_python(low), _to_python(high)
    if low_value is None or high_value is None or not low_value < high_value:
        return None
    return low_value, high_value, low.approx


def _to_python(num: _Num) -> Number | None:
    """int when the value is whole and no decimal was left unscaled, else float."""
    value = num.value
    if not num.is_float:
        if isinstance(value, int):
            return value
        if value == value.to_integral_value():
            return int(value)
    result = float(value)
    return result if math.isfinite(result) else None
