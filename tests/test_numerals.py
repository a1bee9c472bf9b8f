"""Tests for ``extract.numerals``: example tables first, then properties.

New examples go in the table of their kind, as ``(input, expected)``; each case is
named by its input. Conformance with the peer suites in shared/peers is in
``test_peers.py``.
"""
from __future__ import annotations

import doctest
import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import numerals
from extract.numerals import NUMBER_RE, NUMERAL_CHARS, parse_number, parse_quantity


def _id(value: object) -> str:
    return str(value) if value != "" else "<empty>"


# ---------------------------------------------------------------- parse_number tables

ARABIC = [
    ("2165", 2165),
    ("-3", -3),
    ("+5", 5),
    ("1,234", 1234),
    ("1,234.5", 1234.5),
    ("1,050,000,000", 1050000000),
    ("10,000.233", 10000.233),
    (".23456000", 0.23456),
    ("-.5", -0.5),
    ("4.800", 4.8),
    ("012", 12),
    ("１２３", 123),
    ("２．２", 2.2),
    ("－１２２", -122),
    ("４，５６５", 4565),
    ("1.5e3", 1500.0),
    ("2e5", 200000),
    ("-12e-1", -1.2),
    ("2.7890e-1", 0.2789),
    ("2^5", 32),
    ("2^-1", 0.5),
    ("40k", 40000),
    ("-2.5 M", -2500000),
    ("10000000000000000000000000000000000000000000", 10**43),
]

CHINESE = [
    ("零", 0),
    ("〇", 0),
    ("一", 1),
    ("两", 2),
    ("十", 10),
    ("十一", 11),
    ("一十一", 11),
    ("二十", 20),
    ("一百零一", 101),
    ("一百一十", 110),
    ("一千零十", 1010),
    ("一万零一", 10001),
    ("十万", 100000),
    ("十万零一千", 101000),
    ("一千零一万一千零一", 10011001),
    ("一亿五千万零六千三百五十五", 150006355),
    ("四千萬零六千", 40006000),
    ("一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一", 1111111111111111),
    ("负三十二", -32),
    ("負三十二", -32),
    ("正三", 3),
    ("廿二", 22),
    ("一万零百一十一", 10111),
    ("一百零十万", 1100000),
    ("零十", 10),
    ("四万万", 400000000),
    ("万万", None),
    ("二十一万亿", 21000000000000),
    ("一万五千亿", 1500000000000),
    ("五兆六十二亿四万五千二", 5006200045200),
    ("七十八万五佰零六", 780506),
]

FORMAL = [
    ("壹", 1),
    ("拾", 10),
    ("拾壹", 11),
    ("壹佰壹拾壹", 111),
    ("壹拾万零叁仟肆佰伍拾叁", 103453),
    ("肆佰陸拾", 460),
    ("倆千两百贰拾二", 2222),
    ("參萬", 30000),
    ("壹拾壹元整", 11),
    ("壹拾壹元壹角壹分", 11.11),
    ("玖仟陆佰陆拾伍圆壹角捌分", 9665.18),
]

COLLOQUIAL = [
    ("两千六", 2600),
    ("兩千六", 2600),
    ("三万五", 35000),
    ("十三万五", 135000),
    ("一百二", 120),
    ("一百十一", 111),
    ("一百二十万三", 1203000),
    ("九百九", 990),
    ("百三", 130),
    ("千三", 1300),
    ("三百五万", 3500000),
    ("五亿五万", 500050000),
    ("一百零六", 106),
    ("半百", 50),
    ("一打", 12),
    ("五十打", 600),
]

DIGIT_STRINGS = [
    ("一一", 11),
    ("一二三", 123),
    ("一七二零", 1720),
    ("二〇〇二", 2002),
    ("二○二三", 2023),
    ("幺八九", 189),
    ("壹壹壹", 111),
    ("零一", 1),
]

DECIMALS = [
    ("十二点五", 12.5),
    ("零点五", 0.5),
    ("零点零零一", 0.001),
    ("零点零", 0.0),
    ("零点零零零零零零零零零零零零零零一", 1e-15),
    ("一七二零点一三四", 1720.134),
    ("负零点一零", -0.1),
    ("两千三点一", 2300.1),
    ("两千万点五五四四", 20000000.5544),
    ("四百亿点零五零", 40000000000.05),
    ("一百点123", 100.123),
    ("十二点五万", 125000),
    ("两千点零", 2000.0),
    ("八千 三百 八十五 万 二千 三百 二十六 点三三", 83852326.33),
]

MIXED = [
    ("1.4万", 14000),
    ("3.2亿", 320000000),
    ("4800万", 48000000),
    ("159.79万", 1597900),
    ("624.24万", 6242400),
    ("94.03万", 940300),
    ("3万5千", 35000),
    ("10万万", 1000000000),
    ("4.78万亿", 4780000000000),
    ("1万600", 10600),
    ("3万4000", 34000),
    ("25万6千", 256000),
    ("1百01", 101),
    ("1千零20", 1020),
    ("2千零30万", 20300000),
    ("200亿零四千230", 20000004230),
    ("100万三千", 1003000),
    ("1,100.9亿", 110090000000),
    ("-10.1万", -101000),
    ("负1.1", -1.1),
    ("１１.92亿", 1192000000),
    ("7 万5 千4 百", 75400),
    ("1000  万", 10000000),
]

FRACTIONS = [
    ("三分之一", 1 / 3),
    ("五分之壹", 0.2),
    ("二分之一", 0.5),
    ("1/4", 0.25),
    ("-3/2", -1.5),
    ("３／５", 0.6),
    ("1 3/5", 1.6),
    ("4 6/3", 6.0),
    ("3又一千分之23", 3.023),
    ("负一又二分之一", -1.5),
    ("负3分之负一百五十七", 157 / 3),
    ("四千二分之三", 3 / 4200),
    ("一百万又五十万分之二十五", 1000000.00005),
    ("二分 之一", 0.5),
    ("百分之五十", 0.5),
    ("一百分之二", 0.02),
    ("千分之五", 0.005),
    ("万分之三", 0.0003),
    ("十分之一", 0.1),
]

#: parse_number gives the lower bound; parse_quantity also says "over".
APPROXIMATE = [
    ("4800多万", 48000000),
    ("2.4万余", 24000),
    ("500余", 500),
    ("十几", 10),
    ("十 余 万", 100000),
    ("二十几万", 200000),
    ("一百零几万", 1000000),
    ("一千五百零几万", 15000000),
]

NOT_NUMBERS = [
    "",
    " ",
    "abc",
    "一些",
    "万一",
    "十分",
    "万",
    "万万",
    "百",
    "千万",
    "几",
    "几十",
    "数百",
    "成千上万",
    "两两",
    "一两",
    "四五千",
    "十七八",
    "三四十",
    "一百二三",
    "十点",
    "零点",
    "点五",
    "零点点",
    "负",
    "元整",
    "圆",
    "10..1万",
    "1 234",
    "1,2345",
    "二百三十三，五百七十七",
    "十一十二",
    "一点两",
    "5%",
    "1e999",
    "0/0",
    "0分之1",
    "第一",
    "一美元",
    "打",
    "分之",
]

NUMBER_TABLE = ARABIC + CHINESE + FORMAL + COLLOQUIAL + DIGIT_STRINGS + DECIMALS + MIXED + FRACTIONS + APPROXIMATE


@pytest.mark.parametrize(("text", "expected"), NUMBER_TABLE, ids=[_id(t) for t, _ in NUMBER_TABLE])
def test_parse_number(text: str, expected: float | None) -> None:
    result = parse_number(text)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected, rel=1e-9, abs=1e-18)


@pytest.mark.parametrize("text", NOT_NUMBERS, ids=_id)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


#: The type is part of the contract: int when whole and no decimal is left unscaled.
EXACT = [
    ("1.4万", 14000, int),
    ("159.79万", 1597900, int),
    ("624.24万", 6242400, int),
    ("0.3亿", 30000000, int),
    ("十二点五万", 125000, int),
    ("2165", 2165, int),
    ("两千六", 2600, int),
    ("12.5", 12.5, float),
    ("10.0", 10.0, float),
    ("十点零", 10.0, float),
    ("三分之一", 1 / 3, float),
]


@pytest.mark.parametrize(("text", "expected", "kind"), EXACT, ids=[t for t, _, _ in EXACT])
def test_exact_value_and_type(text: str, expected: float, kind: type) -> None:
    result = parse_number(text)
    assert result == expected
    assert type(result) is kind


# ---------------------------------------------------------------- parse_quantity tables

QUANTITIES = [
    ("万几", (10000, None, "over")), ("千几", (1000, None, "over")), ("万一二", (11000, 12000, None)),  # Cantonese leaves the 一 out
    ("4800多万", (48000000, None, "over")),
    ("2.4万余", (24000, None, "over")),
    ("500余", (500, None, "over")),
    ("十几", (10, None, "over")),
    ("十多", (10, None, "over")),
    ("两千多", (2000, None, "over")),
    ("5亿多", (500000000, None, "over")),
    ("10亿余", (1000000000, None, "over")),
    ("十几万", (100000, None, "over")),
    ("4万多", (40000, None, "over")),
    ("四五千", (4000, 5000, None)),
    ("两三千", (2000, 3000, None)),
    ("三四十", (30, 40, None)),
    ("七八百", (700, 800, None)),
    ("十七八", (17, 18, None)),
    ("三五", (3, 5, None)),
    ("一两", (1, 2, None)),
    ("两三", (2, 3, None)),
    ("二三十万", (200000, 300000, None)),
    ("一百二三十", (120, 130, None)),
    ("三四十多", (30, 40, "over")),
    ("万", (10000, None, None)),
    ("千", (1000, None, None)),
    ("百", (100, None, None)),
    ("十", (10, None, None)),
    ("千万", (10000000, None, None)),
    ("2165", (2165, None, None)),
    ("1.4万", (14000, None, None)),
    ("十二点五", (12.5, None, None)),
    ("一点二三", (1.23, None, None)),
    ("一二三", (123, None, None)),
    ("三分之一", (1 / 3, None, None)),
]

VAGUE = ["几十", "数百", "几千", "成千上万", "数十万", "几", "几十万", "一些", "", "abc", "十分", "万一"]


@pytest.mark.parametrize(("text", "expected"), QUANTITIES, ids=[t for t, _ in QUANTITIES])
def test_parse_quantity(text: str, expected: tuple) -> None:
    value, value_max, approx = parse_quantity(text)
    assert value == pytest.approx(expected[0])
    assert value_max == expected[1]
    assert approx == expected[2]


@pytest.mark.parametrize("text", VAGUE, ids=_id)
def test_vague_quantity(text: str) -> None:
    assert parse_quantity(text) is None


# ---------------------------------------------------------------- NUMBER_RE

TOKENS = [
    ("种植1.4万亩", ["1.4万"]),
    ("159.79 万元", ["159.79 万"]),
    ("2023 年", ["2023"]),
    ("4800多万棒", ["4800多万"]),
    ("2.4万余元", ["2.4万余"]),
    ("500余名劳动力", ["500余"]),
    ("十几名", ["十几"]),
    ("一个月能挣四五千元", ["一", "四五千"]),
    ("300—1800元", ["300", "1800"]),
    ("300-1800元", ["300", "1800"]),
    ("3万5千人", ["3万5千"]),
    ("两千六百万元", ["两千六百万"]),
    ("壹拾万零叁仟元", ["壹拾万零叁仟"]),
    ("1,234.5元", ["1,234.5"]),
    ("增长百分之十二点五", ["十二点五"]),
    ("提高3个百分点", ["3"]),
    ("千分之五", ["五"]),
    ("5千克", ["5"]),
    ("3千米", ["3"]),
    ("2千瓦", ["2"]),
    ("100万千瓦时", ["100万"]),
    ("近三分之一", ["三分之一"]),
    ("占全市1/4", ["1/4"]),
    ("2023/10/1", ["2023", "10", "1"]),
    ("成千上万的人", ["成千上万"]),
    ("几十年", ["几十"]),
    ("数百名", ["数百"]),
    ("上万人", ["万"]),
    ("十点三十分", ["十", "三十"]),
    ("十二点五万", ["十二点五万"]),
    ("G20峰会", []),
    ("PM2.5浓度", []),
    ("负增长", []),
    ("下降-5%", ["-5"]),
    ("负3.5亿", ["负3.5亿"]),
    ("１２３元", ["１２３"]),
    ("20万兆瓦", ["20万"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS, ids=[t for t, _ in TOKENS])
def test_number_re(text: str, expected: list[str]) -> None:
    assert [m.group() for m in NUMBER_RE.finditer(text)] == expected


def test_numeral_chars() -> None:
    for c in "〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億幺点负":
        assert c in NUMERAL_CHARS
    assert "多" not in NUMERAL_CHARS


def test_doctests() -> None:
    result = doctest.testmod(numerals)
    assert result.attempted >= 3
    assert result.failed == 0


# ---------------------------------------------------------------- properties


def _close(result: float | None, expected: float) -> bool:
    return result is not None and math.isclose(result, expected, rel_tol=1e-9, abs_tol=1e-12)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_cn2an_low_integers(n: int) -> None:
    cn2an = pytest.importorskip("cn2an")
    assert parse_number(cn2an.an2cn(n, "low")) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_cn2an_up_integers(n: int) -> None:
    cn2an = pytest.importorskip("cn2an")
    assert parse_number(cn2an.an2cn(n, "up")) == n


@given(st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False),
       st.sampled_from(["low", "up"]))
def test_cn2an_decimals(d: Decimal, mode: str) -> None:
    cn2an = pytest.importorskip("cn2an")
    text = f"{d:f}"
    assert _close(parse_number(cn2an.an2cn(text, mode)), float(text))


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_arabic_integers(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=99999), st.integers(min_value=0, max_value=99),
       st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_arabic_with_magnitude_is_exact(whole: int, cents: int, unit: tuple[str, int]) -> None:
    text = f"{whole}.{cents:02d}{unit[0]}"
    expected = (Decimal(whole) + Decimal(cents) / 100) * unit[1]
    result = parse_number(text)
    assert result == expected
    assert type(result) is int


@given(st.text())
@settings(max_examples=300)
def test_never_raises_on_any_text(text: str) -> None:
    parse_number(text)
    parse_quantity(text)


_NUMERAL_ALPHABET = NUMERAL_CHARS + "0123456789.,多余几分之又元角整打半e^km/-+ 数成上"


@given(st.text(alphabet=_NUMERAL_ALPHABET, max_size=20))
@settings(max_examples=500)
def test_never_raises_on_numeral_soup(text: str) -> None:
    parse_number(text)
    parse_quantity(text)
    for m in NUMBER_RE.finditer(text):
        parse_quantity(m.group())


@given(st.text(alphabet=_NUMERAL_ALPHABET, max_size=20))
def test_quantity_agrees_with_number(text: str) -> None:
    """Where parse_quantity finds no range, its value is parse_number's."""
    quantity = parse_quantity(text)
    if quantity is not None and quantity[1] is None:
        number = parse_number(text)
        if number is not None:
            assert quantity[0] == number


def test_chinese_digits_read_one_by_one_take_a_written_decimal_point():
    assert [parse_number(s) for s in ("一九.六", "一七四．二", "三.八妇")] == [19.6, 174.2, None]
