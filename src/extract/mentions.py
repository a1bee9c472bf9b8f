"""Stage 3: find quantity mentions (number + unit) in cleaned text, and drop the
numbers that are not facts (dates, ordinals, names, set phrases, vague amounts).

The scan is one regex over the text for numeral tokens; each token is then extended
in place (range, 个, unit, 以上/左右, /斤) with dictionary look-ups built from
``rules/``. No segmentation is needed here, so the hot path stays a regex scan.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from itertools import chain, takewhile
import re

import regex

from .clean import HEADER_UNIT_TAIL, RULE_LINE, SERIAL_HEADERS, TOTAL_LABELS
from .numerals import WHITE_SPACE, parse_number, parse_quantity
from .rules import Rules, Unit, alternation

DIGITS = "〇○零一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖幺"
MAGNITUDES = "十拾佰仟万萬亿億廿卅卌"  # 百 and 千 are handled apart: they may start a unit; 廿 is 二十

# One numeral token: Arabic or Chinese, with magnitudes and the 多/余/几 morphemes
# that stand inside a number (4800多万, 2.4万余 keeps 余 outside, 十几).
_TOKEN = rf"""
(?:
    (?:(?<![\d.A-Za-z])|(?<=USD|EUR|HKD|RMB|CNY|GBP|JPY))  # not inside PM2.5, C919, G20; after USD
    \d+(?:\.\d+)?(?:[kKw](?![A-Za-z]))?  # Arabic, decimals, 12k, 3.2w (万)
  | (?:(?<![\d.])(?<![一二三四五六七八九两][〇零]?)|(?<=[A-Za-z]\d{{1,4}}))  # a Chinese numeral may follow a letter or a code: 1TB三种, U14三个,
                                      # not the rest of a numeral cut off by a digit (1155二零二五年)
  (?:
    [俩仨](?![{DIGITS}{MAGNITUDES}])  # spoken 两个, 三个
  | (?!(?<=队)伍)[{DIGITS}{MAGNITUDES}几]  # Chinese digits and magnitudes (the 伍 of 队伍 is none)
  | 百(?!分[之点比率]|帕)             # 百, but not 百分之, 百分点, 百帕 (三千五百分 is points)
  | 千(?![克米瓦卡帕伏字])          # 千, but not 千克 / 千米 / 千瓦 / 千字节
  )
)
(?:
    (?<![{DIGITS}])\d+(?:\.\d+)?       # no Arabic digits right after a Chinese one: 队伍1200余人
  | (?<=\d[万萬亿億千][零〇])\d+(?:\.\d+)?  # but 10万零8百: Arabic digits again after a magnitude and its 零
  | (?<!\d)  # no Chinese digit right after an Arabic one: ¥2一串
    (?!(?<=[百千万萬][{DIGITS}])一(?=[桌斤个天人份碗次亩箱盒袋只头件张瓶包串年月周晚趟车吨平方])  # 六百五一桌: 六百五 per 桌
      |(?<=[{DIGITS}][百千万萬])一(?=个月|天|年(?!级)))[{DIGITS}]  # 八百一个月: 八百 per 月
  | [{MAGNITUDES}几]
  | 百(?!分[之点比率]|帕) | 千(?![克米瓦卡帕伏字])
  | (?<!\.\d*)(?:(?<=\d)点(?=\d)|(?<!\d)点(?=[{DIGITS}\d]))  # a decimal point: 三点五, spoken 3点5 (not 3050.12点两市, 3300点一线)
  | (?<=[{DIGITS}])·(?=[{DIGITS}])     # 一·二六亿, 九八·六％
  | 兆(?=[\d{DIGITS}]|[亿億万萬]|元)  # 24兆6,812億元 (10¹²); 兆瓦 is a unit
  | [多余](?=[{MAGNITUDES}百千])     # 4800多万, 10余万
  | (?<=[十拾百佰千仟])有(?=[一二三四五六七八九](?![有十拾百佰千仟万萬一二三四五六七八九]))  # 享年六十有八 (classical "and"; not 十有八九)
  | 来(?=[万萬亿億])                 # 一百五十来万
)*
"""
SCAN = regex.compile(rf"(?P<pct>[百千万佰仟萬]分之|(?<![〇零一二两三四五六七八九十百千万\d])十分?之(?=[一二三四五六七八九]))|(?P<num>{_TOKEN})", regex.VERBOSE)
PERCENT_SCALE = {"百": 1, "佰": 1, "千": 0.1, "仟": 0.1, "万": 0.01, "萬": 0.01, "十": 10}  # 千分之三 = 0.3 %, 十之七 = 70 %
TOKEN = regex.compile(_TOKEN, regex.VERBOSE)

RANGE_SEPARATORS = "-—–~至到"
SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = SENTENCE_END + "，,、：:（）()"
CN_NUMERAL_CHARS = set(DIGITS + MAGNITUDES + "百千点几")
ARABIC_YEAR = regex.compile(r"[12]\d{3}")
CN_YEAR = regex.compile(rf"[{DIGITS}]{{4}}")
_HAN_RUN = regex.compile(r"\p{Han}+")
_HAN = regex.compile(r"\p{Han}")
_DECIMALS_END = r"(?=[^\d\p{Han}]|[的嘅高长宽深厚钱左多毛角以上下一参是为在都已被到至和涨降跌升调提贵便每就才也还呢吧啊呀嘛了哩算起计加减乘出收卖买付给拿不太整可我你他她俺咱连保将拉由从用投没有]|$)"
_DECIMALS = regex.compile(r"[1-9一二三四五六七八九]" + _DECIMALS_END
                            + r"|\d\d(?![\d.%％])")  # 9秒97夺冠: two digits are hundredths before any word
_COLLOQUIAL_MAGNITUDE = regex.compile(r"个(多?[亿万])")
_HOUSEHOLD_HEAD = regex.compile(r"(?![村镇乡组县区市省])[^\P{Han}〇零一二两三四五六七八九十百千万余多]{1,6}?(?:户(?![厕籍型口])|家庭|人家)")  # not 户厕, 户籍, 户型; nor 5个村的种粮大户, 四个村八百余户
_PERSON_HEAD = regex.compile(r"\p{Han}{1,3}?(?:员|者|娘|匠|嫂|师(?![傅范])|客(?![厅车栈运房源服流户]))(?![会工单位委站处所事])|(?![乡镇村县市区省社组])\p{Han}{1,2}(?:工人|农民|村民|学生|青年|老人|妇女|儿童)(?!\p{Han}?(?:会|队|节|村|家|学校|之家|中心|协会))"
                          r"|\p{Han}{1,2}(?<![加施开竣完复动用务返停分手人化做打罢误招员])工$"  # 采果工, 采茶工: the one who does the work
                          r"|\p{Han}{1,2}(?<![功工])夫|[^\P{Han}每各]{2,3}(?<![法个本他家主])人(?![力才民员口家次数均群工身事代文生气格性道权心情手士物居造])")  # 挑夫, 赶马人, 手艺人
_QUALIFIED = regex.compile(r"[\d万萬亿億千仟百佰十拾]")  # a digit or a magnitude: 5万, 120, 两千
_WORD_CHAR = regex.compile(r"[\p{Han}\dA-Za-z]")  # what goes on after a number (5G基站 is no 5 alone)
MODAL_PARTICLES = "吧呢啊呀嘛哦哈啦吗哒咯喽嘞噢伐"  # spoken sentence-final particles (伐: Wu)
PERCENT_KINDS = ("percent", "percentage_point")
_LATIN = regex.compile(r"[A-Za-z]")
# What closes a spoken clause after its figure: 了 (一个月就快一千了。), 就行/就够了 (两千就够了)
_CLAUSE_CLOSER = regex.compile(r"(?:(?:就行|就够|就好|就成)了?|了|不等)(?!\p{Han})")  # 三千到五千不等: a range that varies
_BIG_MAGNITUDE = regex.compile(r"[万萬亿億]|\dw")  # 2.5w is 2.5万


@dataclass
class Mention:
    """A candidate fact: where it is and the pieces it was built from."""

    start: int  # span in the cleaned text, approximation words included
    end: int
    num_start: int
    num_end: int
    tokens: tuple[str, ...]  # the numeral token, or two for a range
    unit: Unit | None
    pattern: str  # quantity, percent-words, fraction, counted-noun, implicit, carried, compound, …
    rule: str  # id of the unit or implicit rule that produced it
    approx: str | None = None  # from a marker inside or right after the mention
    approx_rule: str | None = None
    per: str | None = None  # from a marker right after the unit (元/斤)
    per_rule: str | None = None
    half: bool = False  # 一年半, 两个半小时
    fraction: float | None = None  # 七成六, 1米75: the digits after the unit (0.6, 0.75)
    fraction_max: float | None = None  # 两块八到三块二: those of the upper bound (0.2)
    unit_start: int | None = None  # where the unit's surface starts (after 余 in 500余名)
    fixed_value: float | None = None  # fractions: the value is computed here
    fixed_value_max: float | None = None  # 六个月至一年: a range whose bounds were converted here
    noun: str | None = None  # the counted noun right after, when a noun list names it
    noun_role: str | None = None


@dataclass
class Rejection:
    """A number that produced no fact, and why (for `extract try --explain`)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class Scan:
    mentions: list[Mention] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


# ---------------------------------------------------------------- compiled lookups


@dataclass
class _Lookups:
    surfaces: dict[str, Unit]
    surface_words: WordList
    symbol_words: WordList  # currency symbols, reversed: found by looking back from a number
    fixed_re: regex.Pattern | None  # phrases that are figures by themselves (rules: fixed)
    approx_after_words: WordList
    approx_before_words: dict[str, tuple[str, str]]  # word -> (approx, rule id): how ≥ and ≤ in a cell bound
    approx_inside_words: WordList  # between the number and its unit: 余 (500余名), 挂零 (一万挂零套)
    not_before: dict[str, regex.Pattern]  # unit id -> what may not follow it
    only_before: dict[str, regex.Pattern]  # unit id -> what must follow it
    only_after: dict[str, regex.Pattern]  # unit id -> what must stand just before the number
    strong_after: dict[str, regex.Pattern]  # the same without the weak words, for units that have them
    context_words: dict[str, regex.Pattern]  # unit id -> its only_after words, anywhere
    rules: Rules
    rate_after_words: WordList
    noun_sets: dict[str, WordList]  # role -> nouns, for prefix look-ups
    firm_words: regex.Pattern  # any firm or group noun, to find one inside a phrase (家庭医生团队 counts teams)
    phrases_re: re.Pattern | None  # the set phrases of exclusions.yaml
    patterns: list[tuple[regex.Pattern, str, str]]  # their patterns: regex, rule id, scope
    implicit: list[tuple[regex.Pattern, regex.Pattern, object]]  # before words: the clause before the number
    implicit_after: list[tuple[regex.Pattern, object]]  # after words: right after it
    implicit_question: list[tuple[regex.Pattern, object]]  # question words: the question the number answers
    implicit_written: list[tuple[str, object]]  # magnitude letters a bare figure is written with (2.5k): its unit
    rate_words: list[tuple[regex.Pattern, str]]  # the rate markers with a fixed denominator (人均 → 人)
    corrections: tuple[str, ...]  # a speaker taking a figure back: 不对, 说错了 (rules: spoken, role correction)
    carry_gap: regex.Pattern  # what may stand between a figure and the bare number that continues it
    account_sum: regex.Pattern  # a word that ends just before an account's sum: 一共, 中介费 (rules: spoken, role account-sum)
    not_an_entry: regex.Pattern  # a line label whose figure is no account's entry: 电话 (rules: spoken, role not-an-entry)
    said_before: regex.Pattern  # a verb of saying before a quotation: 说“…” is speech (rules: spoken, role saying)
    said_reach: int  # characters before a quotation that may hold the verb and a colon
    reckoned_next: regex.Pattern  # a verb of reckoning after a figure: 按427万计算 (rules: spoken, role reckoning)
    money_words: tuple[regex.Pattern, ...]  # the question words of the implicit rules in 元: talk about money


@lru_cache(maxsize=8)
def lookups(rules: Rules) -> _Lookups:
    """Lookup tables derived from ``rules``, built once per rule set."""
    nouns = {role: sorted(words, key=len, reverse=True) for role, words in rules.nouns.items()}
    phrases = sorted(rules.phrases, key=len, reverse=True)
    # The standard library's re finds literal alternatives several times faster.
    phrases_re = re.compile("|".join(map(re.escape, phrases))) if phrases else None
    patterns = [(regex.compile(pattern), rule_id, scope) for pattern, rule_id, scope in rules.patterns]
    implicit, implicit_after, implicit_question, implicit_written = [], [], [], []
    for rule in rules.implicit:
        if rule.get("written_with"):
            implicit_written.append(("".join(map(str, rule.get("written_with"))), rule))
        elif rule.get("question"):
            implicit_question.append((regex.compile("|".join(map(regex.escape, map(str, rule.get("question"))))), rule))
        elif rule.get("before") or rule.get("pattern"):
            words = rule.get("pattern") or alternation(str(w) for w in rule.get("before"))
            gap = int(rule.get("gap", 4))
            implicit.append((regex.compile(f"(?:{words})(?:\\s*[：:]\\s*)?[^\\d|{regex.escape(CLAUSE_END)}]{{0,{gap}}}$"), regex.compile(words), rule))
        else:  # the words stand right after the number and end its clause
            words = sorted((str(w) for w in rule.get("after")), key=len, reverse=True)
            implicit_after.append((regex.compile("(?:" + "|".join(map(regex.escape, words))
                                                 + rf")(?=[{regex.escape(CLAUSE_END)}\s]|$|{'|'.join(_BOUND_AFTER)})"), rule))
    contextual = list(chain(rules.surfaces.values(), *rules.surface_alternatives.values()))
    return _Lookups(
        surfaces=rules.surfaces,
        surface_words=WordList(rules.surfaces),
        symbol_words=WordList(symbol[::-1] for symbol in rules.symbols),
        fixed_re=regex.compile(r"\L<phrases>", phrases=sorted(rules.fixed)) if rules.fixed else None,
        approx_after_words=WordList(rules.approx_after),
        approx_before_words={word: (approx, rule_id) for word, approx, _, rule_id in reversed(rules.approx_before)},
        approx_inside_words=WordList(rules.approx_inside),
        not_before={u.id: _words_re(u.not_before, but=u.but_before) for u in rules.surfaces.values() if u.not_before},
        only_before={u.id: _words_re(u.only_before) for u in contextual if u.only_before},
        only_after={u.id: _context_re(u.only_after + u.weak_after) for u in contextual if u.only_after},
        strong_after={u.id: _context_re(u.only_after) for u in contextual if u.weak_after},
        context_words={u.id: _words_re(u.only_after) for u in contextual if u.only_after},
        rules=rules,
        rate_after_words=WordList(rules.rate_after),
        noun_sets={role: WordList(nouns.get(role, [])) for role in ("person", "household", "firm", "account", "group")},
        firm_words=regex.compile("|".join(map(regex.escape, [*nouns.get("firm", []), *nouns.get("group", [])])) or "(?!)"),
        phrases_re=phrases_re,
        patterns=patterns,
        implicit=implicit,
        implicit_after=implicit_after,
        implicit_question=implicit_question,
        implicit_written=implicit_written,
        rate_words=[(regex.compile(pattern), per) for pattern, per, _ in rules.rate_before if per != "$per"],
        corrections=tuple(rules.spoken_words.get("correction", ())),
        carry_gap=_carry_gap(rules.spoken_words.get("correction", [])),
        account_sum=_account_sum_re(rules.spoken_words.get("account-sum", [])),
        not_an_entry=_words_re(rules.spoken_words.get("not-an-entry", ())),
        said_before=regex.compile(f"(?:{alternation(rules.spoken_words.get('saying', ()))})[：:，,]?$"),
        said_reach=1 + max(map(len, rules.spoken_words.get("saying", [""]))),
        reckoned_next=regex.compile(f"(?:{alternation(rules.spoken_words.get('reckoning', ()))})(?=[，。；、）),;]|$)"),
        money_words=tuple(words for words, rule in implicit_question if rule.get("unit") == "元"),
    )


def _context_re(words: tuple[str, ...]) -> regex.Pattern:
    """One of ``words`` just before the number, up to ONLY_AFTER_GAP characters before it."""
    return regex.compile(f"(?:{_words_re(words).pattern})\\p{{Han}}{{0,{ONLY_AFTER_GAP}}}$")


def names_money(text: str, start: int, end: int, look: _Lookups) -> bool:
    """Does [start, end) hold a word of talk about money (工资, 房租, 花)?"""
    return any(words.search(text, start, end) for words in look.money_words)


CONTEXT_REACH = 12  # characters before a unit searched for another unit's context words
ONLY_AFTER_GAP = 2  # characters between an only_after word and the number: 偏北风4到5级, 风力达4级


def _words_re(words, but: tuple[str, ...] = ()) -> regex.Pattern:
    """Any of ``words``, the longest first, unless one of ``but`` stands there."""
    unless = f"(?!{'|'.join(map(regex.escape, but))})" if but else ""
    return regex.compile(unless + "(?:" + alternation(words) + ")")


# ---------------------------------------------------------------- document context


@dataclass
class DocSpans:
    """Spans of the document that block numbers: set phrases, patterns, quoted names."""

    blocked: list[tuple[int, int, str, str]]  # start, end, rule id, scope
    quoted: list[tuple[int, int]]
    phrases: list[tuple[int, int]]  # set phrases only: no rate marker inside them (一次性)


_QUOTES = regex.compile(r"“([^“”\n]{1,24})”|\"([^\"\n]{1,24})\"|‘([^‘’\n]{1,24})’|「([^「」\n]{1,24})」|《([^《》\n]{1,40})》|『([^『』\n]{1,24})』"
                        r"|#([^#\s]{1,30})#")  # a hashtag is a title: #打卡100个宝藏小镇#
_SPEECH = regex.compile(r"[，。！？；,!?;：]")
_SPOKEN_FIGURE_END = regex.compile(r"[\d〇零一二两三四五六七八九十百千万]+(?:出头|左右|上下|挂零)$"
                                   r"|^[约近超]?\d+(?:\.\d+)?[%％](?:左右|以上|以内|以下)?$")  # a figure said or a target (“6%左右”), not a name
_RATE_SAID = regex.compile(r"[一每](?:天|日|个月|月|年|斤|亩|小时)\p{Han}{0,2}?[\d〇零一二两三四五六七八九十百千万]+(?:块钱?|元|毛钱?|角)?"
                           r"[〇零一二两三四五六七八九]?")  # 从“一天一块八”到“一天三百二”: a wage said, not a name
_HEADLINE_DASH = regex.compile(r"[ \t]*(?:——|－－|--)")


def doc_spans(text: str, rules: Rules) -> DocSpans:
    """Precompute, once per document, the spans in which numbers are not facts."""
    look = lookups(rules)
    blocked, phrases = [], []
    for m in look.phrases_re.finditer(text) if look.phrases_re else ():
        if _inside_numeral(text, m.start(), m.end()) or _counted(text, m, look):
            continue  # 万一 inside 一万一千; 十一 (the holiday) in 建议十一件
        rule_id, scope = rules.phrases[m.group()]
        phrases.append((m.start(), m.end()))
        blocked.append((m.start(), m.end(), rule_id, scope))
    for pattern, rule_id, scope in look.patterns:
        blocked += [(m.start(), m.end(), rule_id, scope) for m in pattern.finditer(text)]
    blocked += _given_names_again(text, blocked)
    blocked += _group_names_again(text, blocked)
    names = [m for m in _QUOTES.finditer(text) if _is_name(text, m, look)]
    quoted = [m.span() for m in names]
    blocked += _names_again(text, names, quoted)
    return DocSpans(blocked=sorted(blocked), quoted=quoted, phrases=phrases)


GIVEN_NAMES_RULE = "numeral-given-names"


def _given_names_again(text: str, blocked: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """处长林三元指出 … 林三元说: a name found once by its role word is a name wherever the
    article writes it again."""
    names = {(text[start - 1:end + 1], scope) for start, end, rule_id, scope in blocked
             if rule_id == GIVEN_NAMES_RULE and start > 0 and end < len(text)}
    return [(m.start() + 1, m.end() - 1, GIVEN_NAMES_RULE, scope)
            for name, scope in names for m in regex.finditer(regex.escape(name), text)]


GROUP_NAMES_RULE = "group-names"


def _group_names_again(text: str, blocked: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """青杠坎村五组 … 五组11户把承包地流转: a village group named once is that group wherever the
    article names it again (but 十五组 is no 五组)."""
    names = {(name.group(), scope) for start, end, rule_id, scope in blocked if rule_id == GROUP_NAMES_RULE
             for name in _GROUP_NAME.finditer(text, start, end)}
    return [(m.start(), m.end(), GROUP_NAMES_RULE, scope) for name, scope in names
            for m in regex.finditer(rf"(?<![\d〇零一二两三四五六七八九十]){regex.escape(name)}(?!人|织|成|建|长)", text)]


_GROUP_NAME = regex.compile(r"[\d一二三四五六七八九十]{1,2}组")


_NUMBERED_NAME = regex.compile(r"[\p{Han}A-Za-z]{2,}\d+[A-Za-z号]?")  # 瀾峯18, 云栖里3号: a name ending in its number


def _names_again(text: str, names: list[regex.Match], quoted: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """A name quoted once (「瀾峯18」) is the same name where the article writes it without
    quotes (瀾峯18首張價單): its numbers are no figures there either."""
    spans = []
    for name in {_inner(m) for m in names}:
        if not _NUMBERED_NAME.fullmatch(name):
            continue  # not “131” (a bare number), nor “一个工分值两毛五” (a quoted saying)
        start = text.find(name)
        while start >= 0:
            if not any(a <= start < b for a, b in quoted):
                spans.append((start, start + len(name), "quoted-name", "number"))
            start = text.find(name, start + 1)
    return spans


# A short quotation is a name (“三落实一巩固行动”, “131”就业服务); a longer one is a name
# only when a word like these follows it, else it is speech (“一天开四五百公里是常事”).
NAME_LENGTH = 10
SAYING_LENGTH = 5  # … but a quotation after a verb of saying (rules: spoken, saying) is speech, unless as short as a slogan: 听人说“月入过万”
_NAME_ENDS = ("案", "事件", "专项行动", "工程")  # “徐某等12人特大跨境诈骗案”: a case's name, however long
_NAME_AFTER = regex.compile(r"[\p{Han}]{0,2}?(?:活动|工程|行动|计划|项目|服务|模式|机制|战略|品牌|工作|体系|平台|专项|政策|称号|"
                            r"基地|示范|名单|标准|理念|原则|目标|要求|生活圈|服务圈|经济圈|工作法|格局|目标)")


def _inner(quote: regex.Match) -> str:
    """The words inside a quotation's marks."""
    return next(g for g in quote.groups() if g is not None)


def _is_name(text: str, m: regex.Match, look: _Lookups) -> bool:
    inner = _inner(m)
    if m.group().startswith(("《", "#")):
        return True
    if _SPEECH.search(inner) or _HEADLINE_DASH.match(text, m.end()) or _SPOKEN_FIGURE_END.search(inner) or _RATE_SAID.fullmatch(inner) \
            or (len(inner) > SAYING_LENGTH and look.said_before.search(text, max(0, m.start() - look.said_reach), m.start())):
        return False  # a headline's quoted words, then a dash: “一天能卖三百多笼”——城南早餐店; “毛收入两万出头”; 说“现在卖一斤蛋要亏两毛”
    if "、" in inner and all(len(part) <= 4 for part in inner.split("、")):
        return True  # a saying of short parallel phrases: “一年栽、三年挂、五年丰”
    return len(inner) <= NAME_LENGTH or _NAME_AFTER.match(text, m.end()) is not None or inner.endswith(_NAME_ENDS)


def _counted(text: str, m: re.Match, look: _Lookups) -> bool:
    """Is a phrase made of numerals only (十一, 五一) a number with its unit after it?"""
    return all(ch in CN_NUMERAL_CHARS for ch in m.group()) and look.surface_words.at(text, m.end()) is not None


def _enclosing(spans: list[tuple[int, int]], mention: Mention) -> tuple[int, int] | None:
    """The span of sorted, non-overlapping ``spans`` that holds the whole mention, if any."""
    k = bisect_right(spans, (mention.start, float("inf")))  # the last span starting at or before the mention
    return spans[k - 1] if k and mention.end <= spans[k - 1][1] else None


def _inside_numeral(text: str, start: int, end: int) -> bool:
    """Does a phrase with a numeral at its edge continue a longer number (百分之十一 is no holiday)?"""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return (text[start] in CN_NUMERAL_CHARS and (before in CN_NUMERAL_CHARS or before.isdigit()
                                                or text.endswith("分之", 0, start))) or (
        text[end - 1] in CN_NUMERAL_CHARS and (after in CN_NUMERAL_CHARS or after.isdigit()))


# ---------------------------------------------------------------- the scan


def find_mentions(text: str, rules: Rules, spans: DocSpans | None = None) -> Scan:
    """Find every quantity mention in cleaned ``text``.

    >>> from extract.rules import load_rules
    >>> [(m.tokens, m.unit.unit) for m in find_mentions("共有193户木耳种植户", load_rules()).mentions]
    [(('193',), '户')]
    """
    look = lookups(rules)
    spans = spans or doc_spans(text, rules)
    scan = Scan()
    taken_until = 0
    fixed = [_fixed(m, look) for m in look.fixed_re.finditer(text)] if look.fixed_re is not None else []
    fixed = [f for f in fixed if not _enclosing(spans.phrases, f) and not _excluded(text, f, spans, rules.keep_if_qualified)]
    # 十天半个月 is a set phrase, “月入过万”不是梦 a slogan, 半个月后 a point in time: none holds a figure
    cells, unit_cells, rated_cells = _table_cells(text, look) if "|" in text else ([], set(), {})
    cells += _race_times(text, look) if ":" in text else []
    scan.mentions += cells
    in_cells = {k for m in cells for k in range(m.num_start, m.num_end)} | unit_cells
    for m in SCAN.finditer(text):
        if m.start() < taken_until or m.start() in in_cells:
            continue
        if m.group("pct"):
            mention = _percent_words(text, m, look)
        else:
            end = _token_end(m, look)
            mention = _quantity(text, m.start(), end, look)
            if (mention is None or _answers(mention, look)) and scan.mentions:  # a correction's unit comes first
                mention = _carried(text, m, scan.mentions[-1], look) or mention
            if mention is None:
                mention = _spoken_sum(text, m, end, scan.mentions, look)
        if mention is None:
            _reject_unitless(text, m, look, scan)
            continue
        reason = _excluded(text, mention, spans, rules.keep_if_qualified)
        if reason:
            scan.rejections.append(Rejection(mention.start, mention.end, text[mention.start:mention.end], reason))
            taken_until = mention.end
            continue
        if rated_cells:
            _rate_of_cell(text, mention, rated_cells, look)
        scan.mentions.append(mention)
        taken_until = mention.end
    scan.mentions = _bounded_ranges(text, scan.mentions)
    if fixed:  # 半小时 inside 2个半小时 is part of that figure
        scan.mentions += [f for f in fixed if not any(m.start < f.end and f.start < m.end for m in scan.mentions)]
    if fixed or cells:
        scan.mentions.sort(key=lambda m: m.start)
    return scan


_RACE_TIME = regex.compile(r"(?<![\d:：.])(?P<h>[1-9]):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:：])")
_RACE_WORDS = regex.compile(r"成绩|用时|完赛|净时间|枪声|冠军|名次|第\d{1,3}名|配速|马拉松|全程|半程")
_RESULTS_ROW = regex.compile(r"\s*(?:第\d{1,3}名|\d{1,3}[.、．]|[(（]?\d{1,3}[)）]|\d{1,3}[ \t\u3000|])")  # 第2名 马定远 2:15:31, 1　基普图伊 2:09:37
RACE_REACH = 40  # characters before a results row that may say it lists race times


def _race_times(text: str, look: _Lookups) -> list[Mention]:
    """男子全程前三名成绩如下：第1名 龙啸天 2:15:08 — a time of h:mm:ss on a line that speaks
    of a race, or on a results row under words that do, is a duration in 秒, not a clock time."""
    out, seconds_unit = [], look.surfaces.get("秒")
    rows: set[int] = set()  # the starts of results rows read: the row after one is a results row too
    for m in _RACE_TIME.finditer(text) if seconds_unit else ():
        line_start = text.rfind("\n", 0, m.start()) + 1
        row_above = text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else None
        if not (_RACE_WORDS.search(text, line_start, m.start()) or (_RESULTS_ROW.match(text, line_start) and (
                row_above in rows or _RACE_WORDS.search(text, max(0, line_start - RACE_REACH), line_start)))):
            continue
        rows.add(line_start)
        seconds = int(m.group("h")) * 3600 + int(m.group("m")) * 60 + int(m.group("s"))
        out.append(Mention(m.start(), m.end(), m.start(), m.end(), (m.group(),), seconds_unit, "compound",
                           seconds_unit.id, fixed_value=seconds))
    return out


# A unit in brackets, 金额（万元）: ending a table header or label, after a number (约2.5万（人）)
# or after the label before one (销量（辆）为4.86万); the 百 of （百分点） is no magnitude.
_UNIT_IN_BRACKETS = (r"[（(]\s*(?:±|\+/-|＋/－)?(?P<magnitude>(?:(?!百分点)(?:[十百千]万|[万亿千百]))?)(?P<unit>[^（）()\d\s/，,；;]{1,4}?)(?:/(?P<per>[^（）()\d\s/，,；;]{1,4})|每(?P<per>[^（）()\d\s/，,；;每]{1,2}))?"
                     r"(?:[，,；;][^（）()\n]{1,12})?\s*[）)]")  # （立方米每秒）: per 秒; （元/斤，10斤起批）: an aside after the unit
_HEADER_UNIT = regex.compile(r"(?:" + _UNIT_IN_BRACKETS + r"|(?<=\p{Han}(?:±|\+/-|＋/－)?)(?P<magnitude>)(?P<unit>[%％‰]))\s*$")  # or 增长%, 同比±%: a percent column
_BRACKET_AFTER = regex.compile(_UNIT_IN_BRACKETS)
_BRACKET_BEFORE = regex.compile(_UNIT_IN_BRACKETS + r"[为是达：:\t \u3000]{0,2}\Z")  # \Z: not across a line break as $ would be
_UNIT_CELL = regex.compile(r"\s*(?P<magnitude>(?:(?!百分点)[万亿千百])?)(?P<unit>[^\d\s|/]{1,4}?)(?:/(?P<per>[^\d\s|/]{1,3}))?\s*")  # a 单位 column: 万人, 所, 元/斤
_BARE_CELL = regex.compile(r"\s*(?!(?:19|20)\d{2}\.(?:0[1-9]|1[0-2])\s*$)"
                           r"(?:[-−+＋]?(?P<number>\d+(?:\.\d+)?)|[(（](?P<number>\d+(?:\.\d+)?)[)）]"
                           r"|(?!(?:19|20)\d{2}\s*[~～—–-])(?P<number>\d+(?:\.\d+)?)\s*[~～—–-]\s*(?P<high>\d+(?:\.\d+)?)"
                           r"|(?!(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2}\s*$)(?P<number>[〇○零一二两三四五六七八九十百千万亿点]{2,})"
                           r"|(?P<number>[〇○零一二三四五六七八九]+\.[〇○零一二三四五六七八九]+)"  # 一九.六 in an annal's table
                           r"|(?P<number>[零壹贰叁肆伍陆柒捌玖拾佰仟萬万亿億点]{2,}))\s*")  # 壹佰贰拾陆点肆: a cell in capital numerals
# 2025.04: a month, no figure; (15620.35): a loss; 600~800: a range, but not a period (2022—2023); 二万零八百: an annals table
# in Chinese numerals, but not its year column (一九五七; 三一〇七 is no year)
_RATIO_BASE = regex.compile(r"\p{Han}{1,2}\s*[=＝]\s*100")  # 女=100: the base of a ratio column (性别比) in a row of units
_MARKED_CELL = regex.compile(r"\s*(?P<number>\d+(?:\.\d+)?)(?P<marker>\p{Han}{1,2})\s*")  # a target cell: 235左右, 3800以上
_BOUND_CELL = regex.compile(r"\s*(?P<bound>[≥≧＞>≤≦＜<])\s*(?P<number>\d+(?:\.\d+)?)\s*")  # a grade's limit: ≥790
_RULE_ROW = regex.compile(r"[\s:：-]*")  # |---|:---:| under a Markdown header
UNIT_HEADERS = ("单位", "计量单位", "计价单位", "计量")  # 计量 over 单位 on a second header line
CATEGORY_HEADERS = ("类别", "类型", "分类", "大类", "门类", "行业", "类",  # a first column that groups the rows, not one
                    "乡镇", "乡（镇）", "镇（乡）", "所在乡镇", "所属乡镇")  # 乡镇 | 购机者: the buyer, not the town
MAGNITUDE_VALUES = {"": 1, "百": 100, "千": 1000, "万": 10_000, "十万": 100_000, "百万": 1_000_000, "千万": 10_000_000,
                    "亿": 100_000_000}


_REACHED = ("满", "超过")  # 年满70周岁不满75周岁: the lower bound reached …
_NOT_REACHED = ("不满", "未满", "不足", "不到")  # … and the upper one not


_RESTATED = regex.compile(r"[\d.]+\p{Han}{1,3}(?:/\p{Han}{1,2})?[（(]$")  # 31.2米/秒（11级）


def _context_end(text: str, start: int) -> int:
    """Where the context words of a unit must end: just before the number, or, for a figure
    in brackets that restates the one before it (阵风31.2米/秒（11级）), before that one."""
    if start and text[start - 1] in "（(":
        m = _RESTATED.search(text, max(0, start - 16), start)
        if m:
            return m.start()
    gap = _CELL_GAP_BEFORE.search(text, max(0, start - 4), start)
    return gap.start() if gap else start  # 沪　指　　３１８７.４２点: a label a cell before the figure


_CELL_GAP_BEFORE = regex.compile(r"(?<=\p{Han})[ \t\u3000|｜]+$")


def _other_context(text: str, start: int, surface: str, look: _Lookups) -> Unit | None:
    """Another unit written the same way whose context words stand before the number
    (发电1.2万度 is 千瓦时 where 气温38度 is ℃). A unit called by a weak word alone (最高38度)
    yields to one whose own words stand earlier in the clause (充电量最高超1.2万度)."""
    alternatives = look.rules.surface_alternatives.get(surface, ())
    for unit in alternatives:
        if not look.only_after[unit.id].search(text, max(0, start - 12), start):
            continue
        if unit.weak_after and not look.strong_after[unit.id].search(text, max(0, start - 12), start):
            clause = clause_start(text, start)
            return next((other for other in alternatives
                         if other is not unit and look.context_words[other.id].search(text, clause, start)), unit)
        return unit
    return None


def _token_end(m: regex.Match, look: _Lookups) -> int:
    """六十八一罐: a 一 that no numeral can end with (after 十八) opens the rate after it;
    二两酒, 四十两银子, 十六两一斤: a 两 that ends no numeral (四十两 is no 42) and counts
    nothing after it is the weight (but 一两天, 三两个 are ranges, 一万两 is 12000)."""
    token = m.group()
    liang = len(token) - 1 if token.endswith("两") else len(token) - 2 if token.endswith("两一") else -1
    if liang > 0 and parse_number(token[:liang]) is not None \
            and (parse_number(token[:liang + 1]) is None or token[liang - 1] in "十百拾佰") \
            and (look.surface_words.at(m.string, m.start() + liang + 1) is None
                 or _LONE_ER.search(m.string, max(0, m.start() + liang - 2), m.start() + liang)):  # 二两米
        return m.start() + liang
    if len(token) > 2 and token[-1] in "一两" and token[-2] not in MAGNITUDES + "百千" and parse_number(token) is None \
            and parse_number(token[:-1]) is not None:
        return m.end() - 1
    if len(token) > 2 and token[-1] == "一" and token[-2] in "万千kKwW" and token[-3].isdigit() \
            and look.surface_words.at(m.string, m.end()) is not None:
        return m.end() - 1  # 3万一平, 5千一个, 8k一年: an Arabic figure, then a rate (but 三万一 is 31000)
    liang = look.surfaces.get("两")
    if len(token) > 2 and token[-2] == "两" and liang is not None and liang.part and m.string.startswith(liang.part, m.end()) \
            and parse_number(token[:-2]) is not None:
        return m.end() - 2  # 十七两六钱, 叁两伍钱: 两, then a tenth of it in its part (钱)
    if len(token) > 3 and token[-3] == "两" and token[-2] in "零〇" and liang is not None and liang.part \
            and m.string.startswith(liang.part, m.end()) and parse_number(token[:-3]) is not None:
        return m.end() - 3  # 贰拾两零伍钱: the same, a 零 between
    return m.end()


def _bounded_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """一千元以上二千元以下, 18周岁以上、35周岁以下, 年满70周岁不满75周岁: a lower and an
    upper bound side by side are one range."""
    out: list[Mention] = []
    for m in mentions:
        low = out[-1] if out else None
        if (low is not None and low.pattern == m.pattern == "quantity"
                and low.unit is not None and m.unit is not None and low.unit.unit == m.unit.unit
                and len(low.tokens) == len(m.tokens) == 1
                and ((m.start - low.end <= 1 and text[low.end:m.start] in ("", "、") and text.endswith("以上", 0, low.end)
                      and text.endswith("以下", 0, m.end))
                     or (text[low.end:m.start] in _NOT_REACHED and text.endswith(_REACHED, 0, low.start))
                     or _spoken_pair(text, low, m))):
            out[-1] = Mention(low.start, m.end, low.num_start, m.num_end, (low.tokens[0], m.tokens[0]), low.unit,
                              "quantity", low.rule, noun=m.noun, noun_role=m.noun_role)
        else:
            out.append(m)
    return out


_PAIR_DIGITS = "一二两三四五六七八九十"


def _spoken_pair(text: str, low: Mention, high: Mention) -> bool:
    """三块五块, 十个八个, 三天五天: two small numbers said one after the other, each with the
    same measure word, are a rough range."""
    first, second = low.tokens[0], high.tokens[0]
    return high.start == low.end and len(first) == len(second) == 1 and first in _PAIR_DIGITS \
        and second in _PAIR_DIGITS and first != second and not low.approx \
        and text[low.num_end:low.end] == text[high.num_end:high.end]


def _series(text: str, cells: list[tuple[int, int]]) -> list[regex.Match] | None:
    """2022 | 786.2 | → | 2023 | 1,143.5: a chart's series under its caption, periods and figures by
    turns (arrows between them); the figures' cells, or None."""
    kept = [cell for cell in cells if text[slice(*cell)].strip() not in SERIES_ARROWS]
    if len(kept) < 4 or len(kept) % 2:
        return None
    periods, figures = kept[0::2], kept[1::2]
    if not all(_SERIES_PERIOD.fullmatch(text, *cell) for cell in periods):
        return None
    bare = [_BARE_CELL.fullmatch(text, *cell) for cell in figures]
    return bare if all(bare) else None


def _labelled_row(text: str, cells: list[tuple[int, int]]) -> regex.Match | None:
    """大白菜 | 0.58—0.72 | 涨3.6%: a label, then the row's one bare figure (a change or 持平 may follow)."""
    if len(cells) < 2 or any(ch.isdigit() for ch in text[slice(*cells[0])]) or not _HAN.search(text, *cells[0]):
        return None
    bare = [m for cell in cells[1:] if (m := _BARE_CELL.fullmatch(text, *cell))]
    rest = [cell for cell in cells[1:] if not _BARE_CELL.fullmatch(text, *cell)]
    return bare[0] if len(bare) == 1 and all(_CHANGE_CELL.fullmatch(text, *cell) for cell in rest) else None


def _labelled_pairs(text: str, cells: list[tuple[int, int]]) -> list[tuple[str, regex.Match]] | None:
    """第1名 | 150,000 | 第2名 | 80,000: a line of label and figure pairs, two or more, each label
    holding a Chinese character; the pairs, else None."""
    if len(cells) < 4 or len(cells) % 2:
        return None
    pairs = []
    for label_cell, figure_cell in zip(cells[::2], cells[1::2]):
        label, figure = text[slice(*label_cell)].strip(), _BARE_CELL.fullmatch(text, *figure_cell)
        if figure is None or not _HAN.search(label) or _BARE_CELL.fullmatch(text, *label_cell):
            return None
        pairs.append((label, figure))
    return pairs


_CHANGE_CELL = regex.compile(r"\s*(?:(?:涨|跌|升|降|上涨|下跌|环比|同比)?[+\-−↑↓]?\d+(?:\.\d+)?[%％]|持平|[—–-]{1,2}|)\s*")


SERIES_ARROWS = ("→", "->", "—>", "➡", "➡️", "→→")
_SERIES_PERIOD = regex.compile(r"\s*(?:(?:19|20)\d{2}年?(?:度|末|底|[上下]半年|[一二三四1-4]季度|Q[1-4])?|\d{1,2}月(?:份)?)\s*")


def _caption_cells(figures: list[regex.Match], caption: tuple, name: str | None) -> list[Mention]:
    """Cells' figures in their caption's unit and rate, of what ``name`` names (a chart's title, a row's label)."""
    (unit, magnitude), per = caption
    mentions = []
    for cell in figures:
        mention = _cell_mention(cell, unit, magnitude)
        if mention:
            mention.noun = name
            mention.per, mention.per_rule = per, "caption" if per else None
            mentions.append(mention)
    return mentions


_SERIES_TITLE = regex.compile(r"^\s*(?:\[[^\]]{1,6}\]|【[^】]{1,6}】)?\s*(?:(?:19|20)\d{2}\s*[—–~～-]\s*(?:19|20)?\d{2}年?)?|[（(]?单位[：:][^）)]*[）)]?\s*$")  # [图表] 2022—2024年 … （单位：万人次）


def _rate_of_cell(text: str, mention: Mention, rated_cells: dict[int, tuple[int, str | None, str | None]], look: _Lookups) -> None:
    """原年利率 | 4.80%: a figure that fills a cell with its own unit takes the rate its column's header
    names; 人口 | 六口: a column of people makes its mouths people; 运行时间 | 21分: a column of
    times makes its 分 minutes."""
    cell = rated_cells.get(mention.start)
    if cell is None or text[mention.end:cell[0]].strip():
        return
    end, per, counts = cell
    if per and mention.per is None:
        mention.per, mention.per_rule = per, "table-header"
    if counts == "people" and mention.unit is not None and mention.unit.kind == "count":
        mention.unit = next((u for u in look.rules.surface_alternatives.get(mention.unit.unit, ()) if u.kind == "people"), mention.unit)
    elif counts == "duration" and mention.unit is not None and mention.unit.unit == "分" and "分钟" in look.surfaces:
        mention.unit = look.surfaces["分钟"]


def _table_cells(text: str, look: _Lookups) -> tuple[list[Mention], set[int], dict[int, tuple[int, str | None, str | None]]]:
    """Cells of a table written as lines (项目 | 数量 | 金额（万元）, then 道路 | 12条 | 3,560;
    Markdown tables too): a bare number is a figure in the unit its column header names,
    else the unit its row names (地区生产总值（亿元）, or a 单位 column), and the row's
    first cell says what it counts. Also returns the positions of the 单位 cells (万人 is
    no figure)."""
    mentions: list[Mention] = []
    unit_cells: set[int] = set()
    rated_cells: dict[int, tuple[int, str | None, str | None]] = {}  # a cell's first character → (its end, its column's rate, the kind it counts)
    header = _Header({}, {}, None, {})
    caption = None  # （单位：万元） in the line above a table: the unit of its bare cells
    caption_rows: tuple = ()  # 单位：千元；每股盈余为元: rows the caption gives a unit of their own
    title_per = None  # 表6 全体居民人均收支情况: the title's 人均 rates every figure of the table
    header_width = 0  # cells of the header line above, for a header written on two lines
    header_line = -1  # the line that last read as a header
    named_units: dict[str, tuple] = {}  # 面积单位：亩: the units captions give columns by name, and the line of the last one
    named_at = -NAMED_UNITS_REACH - 1
    above: dict[int, str] = {}  # the label cells of the row above, for a merged cell left empty
    lines = [(line, _cells(line)) for line in regex.finditer(r"[^\n]+", text)]
    last_row: list[tuple[int, int]] = []
    for n, (line, cells) in enumerate(lines):
        if len(cells) < 2 and (RULE_LINE.fullmatch(line.group().strip()) or _ELIDED_ROWS.fullmatch(line.group().strip())):
            continue  # ------ between a fixed-width table's header and its rows; …… for rows left out
        if len(cells) < 2 and last_row and header.names and len(last_row) <= max(header.names) \
                and _BARE_CELL.fullmatch(line.group()):
            last_row = [*last_row, line.span()]  # a cell slipped onto a line of its own: the row's next column
            mentions += [m for m in _row_mentions(text, last_row, header, unit_cells, look, {}) if m.num_start >= line.start()]
            continue
        last_row = cells
        if len(cells) < 2 and n and header_line == n - 1 and header.names and _HEADER_TAIL.fullmatch(line.group()) \
                and n + 1 < len(lines) and len(lines[n + 1][1]) == header_width:
            lead = len(line.group()) - len(line.group().lstrip())  # 产量 | 比上年 over 增长（%）: the last header cell goes on
            read = _read_header(text, [(line.start() + lead, line.start() + len(line.group().rstrip()))], None, look)
            header = _two_line_header(header, header_width, read, 1)
            header_line = n
            continue
        if len(cells) < 2 and header.columns and _GROUP_ROW.fullmatch(line.group()) and n + 1 < len(lines) \
                and len(lines[n + 1][1]) == header_width:
            continue  # 义务教育 over 初中 | 24 | 9,860: a group's label inside the table keeps its header
        if len(cells) < 2 and (named := _named_units(line.group(), look)):
            named_units = (named_units if named_at == n - 1 else {}) | named  # 面积单位：亩 / 单产单位：公斤/亩 / 产量单位：吨
            named_at = n
        if len(cells) < 2 or _captioned_title(text, cells):
            header = _Header({}, {}, None, {})
            above.clear()
            caption = _caption_units(line.group(), look)
            caption_rows = _caption_rows(line.group(), look) if caption else ()
            if caption is None and _TABLE_TITLE.fullmatch(line.group()) and (unit := _TITLE_UNIT.search(line.group())):
                caption = _caption_units("单位：" + unit.group(1), look)  # 四、门诊诊查费标准（元/人次）: a title's unit
            if _TABLE_TITLE.fullmatch(line.group()):
                title_per = _title_per(line.group(), look) or (None if _NUMBERED_TITLE.match(line.group()) else title_per)
        elif all(_RULE_ROW.fullmatch(text, *cell) for cell in cells):
            continue
        elif _is_header(text, line, cells):  # a header repeated on the next page keeps the caption's units
            if header_width and len(cells) == header_width - 2 and len(whole := _cells(line, edges=False)) == header_width:
                cells = whole  # ,,,,,,户,万元,…,吨, under a CSV header: a units row's empty edge fields are cells
            by_name = len(named_units) > 1 and n - named_at <= NAMED_UNITS_REACH  # (one named unit is the table's: 金额单位：万元)
            read = _read_header(text, cells, None if by_name else caption or _caption_below(lines, n, look), look, title_per)
            if by_name:
                _units_by_name(read, named_units)
            header_above = header_width and n and lines[n - 1][1] and _is_header(text, lines[n - 1][0], lines[n - 1][1])
            header = _two_line_header(header, header_width, read, len(cells), left=_units_row_label_second(text, cells)) \
                if header_above else read
            header.row_units = caption_rows
            if read.columns and not read.names:  # a row of units alone (|公里|亩|万立方米|): 万 there is no figure
                unit_cells.update(k for cell in cells for k in range(*cell))
            header_width = max(len(cells), header_width) if header_above else len(cells)
            header_line = n
        else:
            if header_width and len(cells) == header_width - 2 and len(whole := _cells(line, edges=False)) == header_width:
                cells = whole  # ,,砌渠组小计,,72,,: a CSV row's empty fields at its edges are cells, no Markdown edges
            below = lines[n + 1][1] if n + 1 < len(lines) else []
            if not header.columns and not header.names and caption and len(caption) == 1:
                if series := _series(text, cells):
                    title = _SERIES_TITLE.sub("", lines[n - 1][0].group()).strip() if n else ""
                    mentions += _caption_cells(series, caption[0], title or None)
                    continue
                if labelled := _labelled_row(text, cells):  # 大白菜 | 0.58—0.72 | 涨3.6% under （单位：元/斤）
                    mentions += _caption_cells([labelled], caption[0], text[slice(*cells[0])].strip())
                    continue
                if pairs := _labelled_pairs(text, cells):  # 第1名 | 150,000 | 第2名 | 80,000 under （单位：元）
                    for label, figure in pairs:
                        mentions += _caption_cells([figure], caption[0], label)
                    continue
            mentions += _row_mentions(text, cells, header, unit_cells, look, above, below)
            for k, (start, end) in enumerate(cells):
                counts = "people" if k in header.people_columns else "duration" if k in header.time_columns else None
                if ((k in header.column_per and k not in header.columns) or counts) and (body := text[start:end].strip()):
                    first = start + text[start:end].index(body[0])
                    rated_cells[first] = (end, header.column_per.get(k), counts)
    return mentions, unit_cells, rated_cells


SUBTOTAL = "小计"
NAME_HAN = 6  # Chinese characters that make a label with digits a name (鲥口镇168果业专业合作社), not a code


def _merged_down(text: str, labels: dict[int, str], name: str, below: list[tuple[int, int]]) -> bool:
    """Is the label cell ``name`` merged with the row below (its cell there empty, a later one
    not, and the row below no 合计 of the whole table)?"""
    k = next(k for k, label in labels.items() if label == name)
    cells = [text[slice(*cell)].strip() for cell in below]
    return k + 1 < len(cells) and not cells[k] and any(cells[k + 1:]) and not any(cell in TOTAL_LABELS for cell in cells[:k])


def _captioned_title(text: str, cells: list[tuple[int, int]]) -> bool:
    """表1  城乡居民医保基金收支情况      单位：万元: a numbered title with its unit caption at the
    far end of the line, spaced out like the cells below, is a title, no header."""
    return _NUMBERED_TITLE.match(text, cells[0][0]) is not None and _CAPTION_LIST.search(text, *cells[-1]) is not None


_GROUP_ROW = regex.compile(r"\s*[\p{Han}（）()]{2,24}\s*")  # 义务教育 over its rows; 归属于上市公司股东的扣除非经常性 (a label wrapped onto the next line)


def _units_row_label_second(text: str, cells: list[tuple[int, int]]) -> bool:
    """\t单位\t亩\t元 under 序号 | 村 | 面积 | 金额 | 备注: a row of units whose 单位 label stands in the
    second cell, after an empty one, lines up with the header at the left (its empty last cell is lost)."""
    return len(cells) > 2 and not text[slice(*cells[0])].strip() and text[slice(*cells[1])].strip() in UNIT_HEADERS


def _two_line_header(upper: _Header, upper_width: int, lower: _Header, lower_width: int, left: bool = False) -> _Header:
    """学校类别 | 学校数 | 招生数 over （所）| （人）, or 播种面积 | 亩产 over 作物名称 | （亩）| （公斤）:
    a header written on two lines, the shorter one missing its label cell; both line up at the right,
    or at the left for a row of units labelled in its second cell (_units_row_label_second)."""
    width = max(upper_width, lower_width)
    up, low = (0, 0) if left else (width - upper_width, width - lower_width)

    def moved(cells: dict, by: int) -> dict:
        return {k + by: value for k, value in cells.items()}

    names = moved(upper.names, up)
    for k, name in moved(lower.names, low).items():
        names[k] = names[k] + name if k in names and k >= max(up, low) else name  # 总产量比上 + 年增长
    if left and lower.columns and not lower.names:
        lower = replace(lower, unit_column=None)  # |单位|亩|元: the 单位 cell names the row of units, no column
    unit_column = lower.unit_column + low if lower.unit_column is not None else (
        upper.unit_column + up if upper.unit_column is not None else None)
    if unit_column is not None and any(_DATE_CELL.fullmatch(name.strip()) for k, name in names.items() if k > unit_column):
        unit_column = None  # 收入项目 | 2024年 | 2025年 over 单位 | 万元 | 万元: the rows name what the periods' cells hold
    return _Header(moved(upper.columns, up) | moved(lower.columns, low), moved(upper.column_per, up) | moved(lower.column_per, low),
                   unit_column, names, frozenset(k + up for k in upper.captioned) | frozenset(k + low for k in lower.captioned),
                   lower.title_per or upper.title_per)


NAMED_UNITS_REACH = 30  # lines after a caption of named units that a header may still take them from
_NAMED_UNIT = regex.compile(r"(?:^[ \t\u3000]*[（(]?|(?<=[；;，,、]\s*))(?P<name>\p{Han}{1,6}?)单位[：:]\s*(?P<unit>[^；;，,、\s（）()]{1,8})")


def _named_units(line: str, look: _Lookups) -> dict[str, tuple]:
    """面积单位：亩；产量单位：吨: the unit (and rate) a caption gives each column it names."""
    named = {}
    for m in _NAMED_UNIT.finditer(line) if "单位" in line else ():
        units = _caption_units("单位：" + m.group("unit"), look)
        if units and len(units) == 1:
            named[m.group("name")] = units[0]
    return named


def _units_by_name(header: _Header, named: dict[str, tuple]) -> None:
    """Each column with no unit of its own takes the unit of the longest name in ``named`` it holds (播种面积 ← 面积)."""
    for k, name in header.names.items():
        key = max((key for key in named if key in name), key=len, default=None) if k not in header.columns else None
        if key is not None:
            (unit, per) = named[key]
            header.columns[k] = unit
            if per:
                header.column_per[k] = per


_HEADER_TAIL = regex.compile(r"[ \t\u3000]*\p{Han}{1,8}" + HEADER_UNIT_TAIL + r"?[ \t\u3000]*")  # 增长（%）, 比重
_ELIDED_ROWS = regex.compile(r"[.…⋯·]{2,}|[（(]?略[）)]?")


@dataclass
class _Header:
    """What a table's header row says of its columns."""
    columns: dict[int, tuple[Unit, int]]  # column → (unit, magnitude)
    column_per: dict[int, str]  # column → a rate's denominator
    unit_column: int | None  # the 单位 column, whose cells name each row's unit
    names: dict[int, str]  # column → what its header names, its unit left out (鲜叶收购量（公斤） → 鲜叶收购量)
    captioned: frozenset[int] = frozenset()  # columns whose unit is the caption's (单位：万元), which a row label's own unit overrides
    title_per: str | None = None  # 每百户…拥有量: the title's denominator, for cells whose unit a 单位 column gives
    row_units: tuple = ()  # (label, (unit, magnitude)): 每股盈余 in 元 where the caption says 千元

    @cached_property
    def people_columns(self) -> frozenset[int]:
        """人口, 享受人数: the columns that count people, read once for all the rows."""
        return frozenset(k for k, name in self.names.items() if _header_kind(name) == "people")

    @cached_property
    def time_columns(self) -> frozenset[int]:
        """最快运行时间, 用时: the columns of lengths of time, whose 分 are minutes."""
        return frozenset(k for k, name in self.names.items() if _TIME_HEADER.search(WHITE_SPACE.sub("", name)))

    @cached_property
    def code_columns(self) -> frozenset[int]:
        """项目编码, 序号: the columns of codes and ranks, no sums."""
        return frozenset(k for k, name in self.names.items() if _NO_AMOUNT_HEADER.search(WHITE_SPACE.sub("", name)))


def _read_header(text: str, cells: list[tuple[int, int]], caption: list | None, look: _Lookups,
                 title_per: str | None = None) -> _Header:
    headers = [_HEADER_UNIT.search(text, *cell) for cell in cells]
    plain = [_HEADER_UNIT.sub("", text[slice(*cell)]).strip() for cell in cells]  # each cell's name, its unit left out
    columns = {k: unit for k, header in enumerate(headers) if (unit := _unit_in(header, look))}
    units = {} if columns else {k: _unit_in(_UNIT_CELL.fullmatch(text, *cell), look) for k, cell in enumerate(cells)
                                if (word := text[slice(*cell)].strip()) and word not in UNIT_HEADERS and not _RATIO_BASE.fullmatch(word)}
    unit_row = len(units) > 1 and all(units.values())
    if unit_row:  # ;个;人;份;元;% (or 单位|人|%) under the labels: a row of units, one a column, naming nothing
        columns = units
    for k, cell in enumerate(cells):  # 金牌 | 银牌 | 铜牌 | 总分: medals in 枚 and points in 分
        scored = _SCORED_HEADER.fullmatch(text, *cell) if k not in columns else None
        surface = "枚" if scored and scored.group("medal") else "分" if scored else None
        if surface in look.surfaces:
            columns[k] = (look.surfaces[surface], 1)
    for k, cell in enumerate(cells):  # 户数, 人数, 工日: a count of households, people or days' work, no unit written
        counted = _COUNT_HEADER.fullmatch(text, *cell)
        word = counted and (counted.group(1) or counted.group(2))
        surface = _COUNTED_UNITS.get(word, word)
        if k not in columns and surface in look.surfaces and not (
                caption and any(unit[0].kind == look.surfaces[surface].kind for unit, _ in caption)):
            columns[k] = (look.surfaces[surface], MAGNITUDE_VALUES[counted.group("magnitude") or ""])  # (but 单位：万人 over 人数 is the caption's, with its magnitude)
    for k, name in enumerate(plain):
        if k in columns and columns[k][0].unit == "个" and (named := look.surfaces.get(name)) is not None and named.kind == "count":
            columns[k] = (named, columns[k][1])  # 劳动日（个）: the column counts 劳动日, a unit of its own
    column_per: dict[int, str] = {}
    bare = [k for k in range(1, len(cells)) if k not in columns and text[slice(*cells[k])].strip()
            and not _NO_AMOUNT_HEADER.search(WHITE_SPACE.sub("", text[slice(*cells[k])]))]  # 序号 | 日期 | 摘要 | 金额 under 单位：元
    if caption and 1 < len(caption) < len(bare):  # 单位：人、万元 over 外出务工人数 | 其中：省外 | 上半年务工收入
        _units_by_meaning(text, cells, bare, caption, columns, look)
    if caption and (len(caption) == 1 or len(caption) <= len(bare)) and not any(k in columns for k in bare):
        # 单位：亿元 serves the columns whose header names no unit; 单位：万亩、公斤/亩、万吨
        # names them one by one, the last ones when label columns come first (购机者 | 数量 | 补贴金额)
        for k, (unit, per) in zip(bare[-len(caption):] if len(caption) > 1 else bare,
                                  caption * len(bare) if len(caption) == 1 else caption):
            columns[k] = unit
            if per:
                column_per[k] = per
    column_per |= {k: per for k, cell in enumerate(cells) if (per := _rate_word_at(text[slice(*cell)].strip(), look)
                                                               or _each_of(plain[k], look))}  # 每班人数（人）
    column_per |= {k: worth.group(1) for k, name in enumerate(plain) if k in columns and k not in column_per
                   and (worth := _WORTH_OF.fullmatch(name)) and worth.group(1) in look.surfaces}  # 劳动日值（元）: what one 劳动日 is worth
    column_per |= {k: _per_unit(header.group("per"), look) for k, header in enumerate(headers)
                   if header and header.group("per") and k in columns  # 单产（公斤/亩）
                   and not _either_measure(columns[k][0], header.group("per"), look)}
    if title_per:  # but not its shares and changes (比上年增长（%）)
        column_per |= {k: title_per for k, (unit, _) in columns.items() if k not in column_per and unit.kind not in PERCENT_KINDS}
    unit_column = next((k for k, cell in enumerate(cells) if text[slice(*cell)].strip() in UNIT_HEADERS), None)
    names = {} if unit_row else {k: name for k, name in enumerate(plain) if name}
    captioned = frozenset(k for k in bare if k in columns)
    return _Header(columns, column_per, unit_column, names, captioned, title_per)


_COUNT_HEADER = regex.compile(r"[ \t]*\p{Han}{0,6}?(?:([户人家股例次件个])数|(人次|人口|工日|课时|学时|场次))"
                              r"(?:[（(](?P<magnitude>万|亿|千)[）)])?[ \t]*")  # 户数, 受益户数, 资助人次, 理论课时, 场次, 门急诊人次（万）: one header, not 补助资金 受益户数
_COUNTED_UNITS = {"人口": "人", "场次": "场"}  # 场次 over a film's row counts its screenings
_SCORED_HEADER = regex.compile(r"[ \t]*(?:(?P<medal>金牌|银牌|铜牌|奖牌)(?:数|总数)?|(?P<points>总分|总积分|积分|得分))[ \t]*")  # a medal table
# What a column's name says it counts, for a caption that names fewer units than the table has bare columns
_HEADER_KINDS = (("households", regex.compile(r"户数")), ("people", regex.compile(r"人数|人口|人次|人员|职工|劳动力|^[男女]性?$")),
                 ("money", regex.compile(r"收入|金额|资金|投资|产值|费|款|额")), ("area", regex.compile(r"面积|占地|耕地|用地")),
                 ("percent", regex.compile(r"增幅|增速|增长|比重|占比|率$")))


_WORTH_OF = regex.compile(r"(\p{Han}{2,4})值")  # 劳动日值, 工分值 (not 分值)
_TIME_HEADER = regex.compile(r"(?:运行|行驶|通行|乘车|车程|等候|排队|用|耗|历)时间?$|时长$|用时$|耗时$")
_NO_AMOUNT_HEADER = regex.compile(r"位次|排名|名次|排序|序号|编号|编码|代码|代号|备注|^附注$|^年份$|^年度$|日期$|^时间$|^月份$")  # ranks, codes, dates


_CHANGE_HEADER = regex.compile(r"增减|增加|减少|净增")


def _header_kind(name: str) -> str | None:
    """What a column's name says it counts (_HEADER_KINDS), white space aside."""
    name = WHITE_SPACE.sub("", name)
    return next((kind for kind, words in _HEADER_KINDS if words.search(name)), None)


def _names_a_sum(name: str) -> bool:
    """单价, 金额, 税额 beside a 单位 column: a column of sums in 元, not of the row's unit."""
    return _header_kind(name) == "money" or WHITE_SPACE.sub("", name).startswith(UNIT_PRICE_HEADERS)


def _units_by_meaning(text: str, cells: list[tuple[int, int]], bare: list[int], caption: list, columns: dict,
                      look: _Lookups) -> None:
    """Each bare column takes the caption's unit its name calls for (人数 → 人, 收入 → 万元,
    在校生数 → 人, 学校数 → 所), a period (2025年末) the caption's one unit of amount, and a 其中
    column the unit of the column before it; all or nothing."""
    by_kind = {unit[0].kind: unit for unit, _ in caption}
    amounts = [unit for unit, _ in caption if unit[0].kind not in PERCENT_KINDS]
    found = {}
    for k in bare:
        name = WHITE_SPACE.sub("", text[slice(*cells[k])])
        kind = _header_kind(name)
        if kind is None and name.endswith("数") and len(name) > 2:  # 在校生数, 专任教师数: people; 学校数: things
            kind = "people" if any(name[:-1].endswith(word) for word in look.noun_sets["person"].words) else "count"
        if kind in by_kind:
            found[k] = by_kind[kind]
        elif kind is None and _PERIOD_CELL.fullmatch(text, *cells[k]) and len(amounts) == 1:
            found[k] = amounts[0]  # 2025年末 under 单位：亿元、%: the amount the period holds
        elif name.startswith("其中") and k - 1 in found:
            found[k] = found[k - 1]  # 其中：省外: a part of the column before it
        elif _CHANGE_HEADER.search(name) and (amount := next((found[j] for j in reversed(bare[:bare.index(k)])
                                                              if j in found and found[j][0].kind not in PERCENT_KINDS), None)):
            found[k] = amount  # 金额 | 占比 | 较上年末增减, 户籍人口 | 男 | 女 | 比上年末增减: the change of the amount before it
    named = {(unit.unit, magnitude) for unit, magnitude in found.values()}
    unread = [k for k in bare if k not in found]
    unused = [unit for unit, _ in caption if (unit[0].unit, unit[1]) not in named]
    if len(unread) == 1 and len(unused) == 1:
        found[unread[0]] = unused[0]  # 单位：亿千瓦时、% over 用电量 | 同比增长 | 占比: the one unit left
        named.add((unused[0][0].unit, unused[0][1]))
    elif len(amounts) == 1 and unread and not unused:
        found |= dict.fromkeys(unread, amounts[0])  # 单位：处、% over 隐患数 | 已整改 | 整改率: the one amount, counted again
    if len(found) == len(bare) or {(unit.unit, magnitude) for (unit, magnitude), _ in caption} <= named:
        columns |= found


def _row_mentions(text: str, cells: list[tuple[int, int]], header: _Header, unit_cells: set[int],
                  look: _Lookups, above: dict[int, str], below: list[tuple[int, int]] = ()) -> list[Mention]:
    """The figures of one table row; the positions of its 单位 cell go into ``unit_cells``.
    The row is named by its first label cell with no digit (1 | 刘二福 | 轮式拖拉机: 刘二福),
    or by the next one when the row ``below`` leaves the first empty (中晚稻 | 城南直属库 over
    | 石埠收储点: 中晚稻 is a merged group, the row counts 城南直属库); a row with none, or a
    小计, by the innermost merged cell above its empty ones (| | 夜间（20:00—8:00） | 5)."""
    row_unit = unit_per = unit_cell_unit = None
    unit_column = header.unit_column
    if unit_column is not None and unit_column < len(cells):
        unit_cell = _UNIT_CELL.fullmatch(text, *cells[unit_column])
        row_unit = unit_cell_unit = _unit_in(unit_cell, look)
        if row_unit and unit_cell.group("per"):
            unit_per = _per_unit(unit_cell.group("per"), look)  # 计价单位 | 元/斤: the row's prices are per 斤
        unit_cells.update(range(*cells[unit_column]))
    own_header = _HEADER_UNIT.search(text, *cells[0])
    own_unit = _unit_in(own_header, look)  # 基本每股收益（元/股）: the row's own unit, over the caption's 万元
    own_per = _per_unit(own_header.group("per"), look) if own_unit and own_header.group("per") else None
    row_unit = row_unit or own_unit
    if own_unit is None and header.row_units:
        name = WHITE_SPACE.sub("", text[slice(*cells[0])])
        own_unit = next((unit for label, unit in header.row_units if label in name), None)
    first = 1 if len(cells) > 2 and _SERIAL_CELL.fullmatch(text, *cells[0]) else 0  # 1 | 禾丰家庭农场 | …
    codes = {k for k in header.code_columns if k >= first}
    count = sum(1 for _ in takewhile(lambda k: k in codes or not _BARE_CELL.fullmatch(text, *cells[k]), range(first, len(cells) - 1)))
    labels = {k: _HEADER_UNIT.sub("", text[slice(*cells[k])]).strip() for k in range(first, first + count) if k != unit_column}
    own = [name for name in labels.values() if name and (not any(ch.isdigit() for ch in name) or len(_HAN.findall(name)) >= NAME_HAN)]
    lead = next((k for k, name in labels.items() if name), None)
    labels = {k: name or (above.get(k, "") if lead is None or k < lead else "") for k, name in labels.items()}  # merged cells lead
    above.clear()
    above.update(labels)
    merged = [name for k, name in labels.items() if name and k < (lead or 0) and not any(ch.isdigit() for ch in name)]
    label = own[0] if own else (merged[-1] if merged else next((name for name in labels.values() if name), None))
    if label == SUBTOTAL and merged:
        label = merged[-1]  # | 小计 | 31,200 under 中晚稻: the group's sum
    elif len(own) > 1 and _merged_down(text, labels, own[0], below):
        label = own[1]
    elif len(own) > 1 and header.names.get(first, "").replace(" ", "") in CATEGORY_HEADERS:
        label = own[1]  # 类别 | 品名: 交通通信 | 家用汽车 counts 家用汽车
    elif len(own) == 1 and lead is not None and lead > first and header.names.get(first, "").replace(" ", "") in CATEGORY_HEADERS:
        label = own[0]  # | 移动电话 under 交通通信: the item, not the merged category
    by_column = label is None or _DATE_CELL.fullmatch(label) is not None or label.replace(" ", "") in TOTAL_LABELS \
        or _FIGURE_LABEL.fullmatch(label) is not None
    # 3月20日 | 1260 | 68, 合计 | 11390 | 675285 and 5% | 2464 | 216: each column names what its cells count
    row_per = next((per for cell in cells if (word := text[slice(*cell)].strip()).startswith("每") and len(word) <= 4
                    and (per := _rate_word_at(word, look))), None)  # 计费单位 | 每小时: the row's figures are per 小时
    label_per = (_rate_word_at(_BRACKETED.sub("", label), look) or _each_of(label, look)) if label else None  # 城镇居民人均可支配收入 | 元 | 43080 | 45450: per 人 (but 课桌椅（单人） | 套 | 600)
    mentions = []
    offset = 0  # 合计 | 16 | 321.8 | 190,000 under 序号 and five columns: the sums of the last ones
    if text[slice(*cells[0])].replace(" ", "").replace("\u3000", "") in TOTAL_LABELS and header.names.get(0) in SERIAL_HEADERS \
            and not _EMPTY_CELL.search(text, cells[0][0], cells[-1][1]):
        last = max(header.columns, default=None)  # the last column of figures (not 实施乡镇 after it)
        offset = max(0, (last if last is not None else max(header.names, default=-1)) + 1 - len(cells))
    for k, cell in enumerate(cells[1:], 1):
        unit = (own_unit if own_unit and k + offset in header.captioned else header.columns.get(k + offset)) or (
            row_unit if k != unit_column and k + offset not in codes else None)  # 项目编码 | 110200001: a code, no sum
        if unit and unit is unit_cell_unit and unit[0].kind != "money" and _names_a_sum(header.names.get(k + offset, "")):
            unit = (look.surfaces["元"], 1)  # 单位 | 数量 | 单价 | 金额 | 税额 over 刀 | 6 | 84.16 | 504.95 | 5.05: the sums are in 元
        if unit_cell_unit and unit and k != unit_column and unit[0].kind == unit_cell_unit[0].kind:
            unit = unit_cell_unit  # 单位 | 人数 over 万人 | 7.12: the row's unit cell scales the column's 人
        bare = (_BARE_CELL.fullmatch(text, *cell) or _marked_cell(text, cell, look) or _BOUND_CELL.fullmatch(text, *cell)) \
            if unit else None
        mention = _cell_mention(bare, *unit) if bare else None
        if mention:
            if "marker" in bare.re.groupindex:
                mention.end = _approx_after(text, bare.end("number"), mention, look)
            elif "bound" in bare.re.groupindex:  # the approximation rules say which way ≥ and ≤ bound
                approx, rule_id = look.approx_before_words.get(bare.group("bound"), (None, None))
                mention.start, mention.approx, mention.approx_rule = bare.start("bound"), approx, rule_id
            mention.noun = header.names.get(k + offset, label) if by_column else label
            if own_per and unit is own_unit:
                mention.per, mention.per_rule = own_per, "table-row-label"
            elif unit_per and unit is row_unit:
                mention.per, mention.per_rule = unit_per, "table-unit-cell"
            elif unit_cell_unit and unit[0].kind == "money" and unit_cell_unit[0].kind != "money" \
                    and header.names.get(k + offset, "").startswith(UNIT_PRICE_HEADERS):
                mention.per, mention.per_rule = unit_cell_unit[0].unit, "table-unit-cell"  # 单位 | 单价（元）: 套 | 420
            elif k + offset in header.column_per:  # 人均GDP（元）: each cell is per 人
                mention.per, mention.per_rule = header.column_per[k + offset], "table-header"
            elif row_per:
                mention.per, mention.per_rule = row_per, "table-row"
            elif label_per and (mention.unit.kind not in PERCENT_KINDS or _YEARLY_CHANGE.search(label)):
                mention.per, mention.per_rule = label_per, "table-row-label"  # (地区生产总值年均增长 | % | 6.5: per 年)
            elif header.title_per and mention.unit.kind not in PERCENT_KINDS:
                mention.per, mention.per_rule = header.title_per, "table-title"
            mentions.append(mention)
    return mentions


_YEARLY_CHANGE = regex.compile(r"年均(?:增长|增速|递增|下降|降低|提高)$")
_EMPTY_CELL = regex.compile(r"\|\s*\|")
_BRACKETED = regex.compile(r"[（(][^）)]*[）)]")
UNIT_PRICE_HEADERS = ("单价", "单位价格")  # a price column over a 单位 column: each price is per the row's unit
_FIGURE_LABEL = regex.compile(r"[\d.]+[%‰]?")  # 5% | 2464 | 216: a row led by a figure has no name
_DATE_CELL = regex.compile(r"(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}[日号])?|\d{4}年(?:度|末|底)?)|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?"
                           r"|[〇○零一二三四五六七八九]{4}年?|(?:19|20)\d{2}\s*[—–~～-]\s*(?:19|20)?\d{2}年?(?:度)?")  # 2022—2023: a period
_SERIAL_CELL = regex.compile(r"\s*\d{1,3}[.、．]?\s*")


def _caption_below(lines: list, n: int, look: _Lookups) -> list | None:
    """The units of a caption right under the table whose header is line ``n``
    (*表：旅游收入构成（单位：万元）*)."""
    below = next((line for line, cells in lines[n + 1:] if len(cells) < 2), None)
    return _caption_units(below.group(), look) if below is not None else None


_CAPTION_ITEM = r"(?:[^\s（）()，。；;*_]|[（(][^\s（）()、]{1,3}[）)](?=、))"  # a unit's character, or an aside before the next unit (台（套）、元)
_CAPTION_LIST = regex.compile(r"单位[：:]\s*(?P<list>" + _CAPTION_ITEM + r"{1,30}?)"
                           r"(?:[（(][^\s（）()]{1,3}[）)])?(?:(?:[；;]|[，,](?=按|含|不含|以|均|下同|其中|注))[^（）()\n]{1,40})?"
                           r"\s*[）)]?】?[：:]?(?:\s+币种[：:]\s*\S{1,6})?[\s*_]*$")  # 单位：万元　币种：人民币; 单位：台（套）、元; 如下（单位：元）：; （单位：户、元；明细另贴）; （单位：元/小时，按每片场地计）
_CAPTION_CURRENCY = r"(?:人民币|新台币|台币|港币|澳门币)?"  # 单位：新台币千元: the currency before a caption's 元
_BRACKET_CAPTION = regex.compile(r"\s*[（(](?P<unit>" + _CAPTION_CURRENCY + r"[万亿千百]?元)(?:[，,；;][^（）()\n]{1,16})?[）)]\s*")
_CAPTION_PART = regex.compile(_CAPTION_CURRENCY + r"(?P<magnitude>[万亿千百]?)(?P<unit>[^/]{1,4}?)(?:/(?P<per>[^/]{1,3}))?")


def _caption_units(line: str, look: _Lookups) -> list[tuple[tuple[Unit, int], str | None]] | None:
    """（单位：万元） or 单位：万亩、公斤/亩、万吨: the units a caption names, each with the
    rate's denominator after a slash, in the order of the table's bare columns."""
    m = _CAPTION_LIST.search(line)
    if m is None:
        bracket = _BRACKET_CAPTION.fullmatch(line)
        return _caption_units("单位：" + bracket.group("unit"), look) if bracket else None  # （港币千元，每股数据除外）
    units = []
    for part in m.group("list").split("、"):
        unit_match = _CAPTION_PART.fullmatch(_BRACKETED.sub("", part))  # 台（套）、元: the aside names the same unit
        unit = _unit_in(unit_match, look)
        if unit is None:
            return None
        per = unit_match.group("per")
        if units and units[-1][0][0].kind == "households" and unit[0].kind != "people":
            people = next((other for other in look.rules.surface_alternatives.get(unit_match.group("unit"), ())
                           if other.kind == "people"), None)
            unit = (people, unit[1]) if people else unit  # 单位：户、口、亩: the 口 after 户 counts people
        units.append((unit, _per_unit(per, look) if per else None))
    return units


_CAPTION_ROW = regex.compile(r"[；;]\s*(?P<label>\p{Han}{2,10}?)(?:为|以)" + _CAPTION_CURRENCY +
                           r"(?P<magnitude>[万亿千百]?)(?P<unit>\p{Han}{1,3}?)(?:计)?\s*[）)]?\s*$")


def _caption_rows(line: str, look: _Lookups) -> tuple:
    """单位：新台币千元；每股盈余为新台币元: a row whose label holds 每股盈余 is in 元, not 千元."""
    m = _CAPTION_ROW.search(line)
    unit = _unit_in(m, look) if m else None
    return ((m.group("label"), unit),) if unit else ()


def _either_measure(unit: Unit, per: str, look: _Lookups) -> bool:
    """救护数量（只/头）: two measure words of things counted are either one, no rate."""
    other = look.surfaces.get(per)
    return unit.kind == "count" and other is not None and other.kind == "count"


def _per_unit(word: str, look: _Lookups) -> str:
    """A denominator in a header or caption (万吨/日 → 天, 公斤/亩 → 亩), as the rates name it;
    of two (元/人·月), the one nearest the figure's unit is written last."""
    word = regex.split(r"[·•・]", word)[-1]
    after = look.rules.rate_after.get("/" + word)
    if after and after[0] != "$per":
        return after[0]
    unit = look.surfaces.get(word)
    return unit.unit if unit else word


_TITLE_UNIT = regex.compile(r"[（(]([^\s（）()，。；;:：、]{1,8})[）)][ \t\u3000]*$")
_TABLE_TITLE = regex.compile(r"[^，。；！？,;!?]{2,40}")  # a title line, no sentence
_NUMBERED_TITLE = regex.compile(r"\s*(?:(?:表|图|附表)\s*[\d一二三四五六七八九十]|\d{1,2}[-—.]\d{1,2}\s)")  # 表6, 12-3 农村住户…
TITLE_PERS = ("人", "户")  # 人均, 户均, 每百户 in a title average every figure; 年度, 月度 name the table's time instead


_EACH_AMOUNT = regex.compile(r"每([十百千万][户人])")


def _title_per(line: str, look: _Lookups) -> str | None:
    """表6 2025年全体居民人均收支情况: the people or households a table's title averages its figures over."""
    per = _rate_word_at(line, look)
    if per is None and (each := _EACH_AMOUNT.search(line)):
        per = each.group(1)  # 每百户年末主要耐用消费品拥有量: per 百户
    return per if per and per.endswith(TITLE_PERS) else None


def _each_of(label: str, look: _Lookups) -> str | None:
    """每股盈余 | 5.37 | 4.14, 每亩产量 | 512, 每千人口医师数 | 2.4: a row label opening with 每, perhaps
    a magnitude, and a measure word rates its figures."""
    each = _EACH_OF.match(label)
    unit = look.surfaces.get(each.group("measure")) if each and len(label) > each.end() else None
    return (each.group("magnitude") or "") + unit.unit if unit is not None and unit.kind not in PERCENT_KINDS else None


_EACH_OF = regex.compile(r"每(?P<magnitude>(?:十|百|千|万|十万)(?=人))?(?P<measure>\p{Han})")


def _rate_word_at(header: str, look: _Lookups) -> str | None:
    """The denominator of a rate word in a header cell: 人均GDP（元） → 人, 户均月补差 → 月."""
    found = [(m.start(), per) for pattern, per in look.rate_words if (m := pattern.search(header))]
    return max(found)[1] if found else None  # 户均月补差（元）: the denominator nearest the figure


def _is_header(text: str, line: regex.Match, cells: list[tuple[int, int]]) -> bool:
    """A header row holds no bare number, and names a unit or has no digit at all (nor figures in
    Chinese numerals: 六口 | 四百八十二个 | 二千八百六十四斤八两 is a row)."""
    if len(cells) >= 3 and not any(ch.isdigit() for ch in text[slice(*cells[0])]) \
            and all(_YEAR_CELL.fullmatch(text, *cell) for cell in cells[1:]):
        return True  # 品种 | 2019 | 2020 | 2021: years heading the columns
    if any(_BARE_CELL.fullmatch(text, *cell) for cell in cells):
        return False
    if sum(1 for cell in cells if _CHINESE_QUANTITY_CELL.fullmatch(text, *cell)) >= 2:
        return False
    return all(_PERIOD_CELL.fullmatch(text, *cell) or _RATIO_BASE.fullmatch(text[slice(*cell)].strip())
               or not any(ch.isdigit() for ch in _CLOCK_TIME.sub("", text[slice(*cell)])) for cell in cells) or any(
        _HEADER_UNIT.search(text, *cell) or text[slice(*cell)].strip() in UNIT_HEADERS for cell in cells)


_YEAR_CELL = regex.compile(r"\s*(?:19|20)\d{2}\s*")
_CHINESE_QUANTITY_CELL = regex.compile(r"\s*(?:超支|约|共)?[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*\p{Han}{1,2}"
                                    r"(?:[〇零一二两三四五六七八九十]+\p{Han}{1,2})*\s*")  # 四百八十二个, 三百三十一元一角三分
_CLOCK_TIME = regex.compile(r"\d{1,2}[:：]\d{2}")  # | 早场07:00—12:00 |: a header names a time of day
_PERIOD_CELL = regex.compile(r"\s*(?:(?:\d{4}|1[01]\d)年(?:度|\d{1,2}月份?|[一二三四1-4]季度|[上下]半年)?|\d{1,2}月份?|[1-4]季度)(?:\p{Han}{1,5}[数值额量]|\p{Han}{0,3}[末底])?\s*")  # | 2023年 | 2024年预算数 |, Taiwan's | 114年度 |


def _unit_in(m: regex.Match | None, look: _Lookups) -> tuple[Unit, int] | None:
    """(unit, magnitude) named by a header or unit cell match: （万元） → (元, 10000), （个百分点）."""
    if m is None:
        return None
    written = m.group("unit")
    unit = look.surfaces.get(written) or (look.surfaces.get(written[1:]) if written.startswith("个") else None)
    if unit is None or (written not in look.surfaces and not unit.classifier):
        return None
    return unit, MAGNITUDE_VALUES[m.group("magnitude")]


def _marked_cell(text: str, cell: tuple[int, int], look: _Lookups) -> regex.Match | None:
    """A cell of a figure and an approximation word after it (235左右), else None."""
    marked = _MARKED_CELL.fullmatch(text, *cell)
    return marked if marked and marked.group("marker") in look.rules.approx_after else None


def _cell_mention(cell: regex.Match, unit: Unit, magnitude: int) -> Mention | None:
    number = cell.group("number")
    parsed = number if number[0].isdigit() else parse_number(number)  # 二万零八百; 点点 is none
    if parsed is None:
        return None
    high = cell.groupdict().get("high")  # 600~800: a range cell
    start, end = cell.start("number"), cell.end("high" if high else "number")
    return Mention(start, end, start, end, (number, high) if high else (number,), unit, "table", unit.id,
                   fixed_value=_scaled(parsed, magnitude), fixed_value_max=_scaled(high, magnitude) if high else None)


def _scaled(value: float | str, magnitude: int) -> float:
    """A cell's figure times the magnitude of its header or caption: 586.3 亿 is 58630000000, not …999.99."""
    return _round(float(Decimal(str(value)) * magnitude))


def _cells(line: regex.Match, edges: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each cell of a line split at |, without the empty edges of a
    Markdown row (| a | b |) unless ``edges`` is false."""
    out, start = [], line.start()
    for m in regex.finditer(r"\|", line.group()):
        out.append((start, line.start() + m.start()))
        start = line.start() + m.end()
    if out:
        out.append((start, line.end()))
    if not edges:
        return out
    body = line.group().strip()
    if body.startswith("|") and out and (body.endswith("|") or body[1:2].isspace()):
        out = out[1:]  # a Markdown edge; a tab row's leading tab (\t合计\t38,600) is an empty cell
    if body.endswith("|") and out:
        out = out[:-1]
    return out


def _fixed(m: regex.Match, look: _Lookups) -> Mention:
    """对折 (50 %), 翻一番 (100 %): a phrase that is a figure by itself."""
    value, unit, approx, per = look.rules.fixed[m.group()]
    mention = Mention(m.start(), m.end(), m.start(), m.end(), (m.group(),), unit, "fixed", unit.id, fixed_value=value,
                      approx=approx, approx_rule=unit.id if approx else None, per=per, per_rule=unit.id if per else None)
    if approx is None:
        mention.end = _approx_after(m.string, m.end(), mention, look)  # 半年以上
    return mention


# Speech drops a unit it has just said: 一碗十二，加肉的十八; 一天跑三百多公里，有时候跑到四百.
CARRIED_KINDS = ("money", "weight", "length", "area", "volume", "people", "households", "count")
CARRY_GAP = 16  # characters between the figure and the bare number that continues it
# what may stand between a spoken figure and its clause's end (八万出头一点)
_APPROX_TAIL = "(?:左右|上下|多|来|出头|挂零|[都也还]?不[到止])?(?:一点儿?|点儿)?"
_SPOKEN_CLAUSE_MARKS = "，。！？；,!?;"
_CARRY_END = regex.compile(rf"{_APPROX_TAIL}(?P<done>了)?[{MODAL_PARTICLES}]?(?:[{_SPOKEN_CLAUSE_MARKS}]|$)")  # 还要五千五呢。, 现在掉到四十出头了
_RATIO_WORD = regex.compile(r"比[例重值为]|率")  # 女性四万四千二百人，性别比为一百零四: a ratio, no count


def _carry_gap(corrections: list[str]) -> regex.Pattern:
    """One clause between (一亩能收四千斤上下，管得好的能到五千), or a spoken correction after a
    dash, an ellipsis or a comma (四千八——不对，今年涨了，是五千二; 十五万——哦不，十六万多;
    三千斤，不对，三千五); the correction words are rules data (spoken, role correction)."""
    said = "|".join(map(regex.escape, corrections)) or "(?!)"
    return regex.compile(rf"[，,]\p{{Han}}{{0,{CARRY_GAP - 1}}}|[—…]+\p{{Han}}{{0,3}}[，,][，,\p{{Han}}]{{0,{CARRY_GAP - 4}}}"
                         rf"|[，,][哦哎噢啊呃嗯]?(?:{said})(?:{said})?[，,](?:\p{{Han}}{{1,6}}[，,])?\p{{Han}}{{0,3}}")  # 哦不对


_RATE_WORD = regex.compile(r"每|\p{Han}均")


def _carried(text: str, m: regex.Match, previous: Mention, look: _Lookups) -> Mention | None:
    """A spoken number that ends its clause right after a figure of the same sentence,
    counted in that figure's unit."""
    token, end = m.group(), _token_end(m, look)
    unit = previous.unit
    changed = previous.pattern == "implicit" and _CHANGED_TO_NEXT.fullmatch(text, previous.end, m.start()) is not None
    if unit is None or unit.kind not in CARRIED_KINDS or unit.tenths or unit.factor != 1 or not (_spoken_whole(token) or changed):
        return None  # 八毛，…八十: no one says eighty 毛; but 粉丝从3.2万涨到8.9万: the new level of a bare figure
    closed = _CARRY_END.match(text, end)
    if closed and closed.group("done") and unit.kind in ("people", "households"):
        closed = None  # 五口人，老母亲七十八了: an age, no more people
    if not (look.carry_gap.fullmatch(text, previous.end, m.start()) or changed) or not closed \
            or _RATIO_WORD.search(text, previous.end, m.start()) or _RATE_WORD.search(text, previous.end, m.start()) \
            or _one_of(text, m.start(), look):
        return None  # 十二桌，每桌八百八; 一百零三户，户均五千七; 九百七十来方，一方四百二: after a rate marker the number is a price, not more 桌
    if _far_apart(previous.tokens[0], token):
        return None  # 十二亩，满打满算五千出头: the sum is in money, not 亩
    mention = Mention(m.start(), end, m.start(), end, (token,), unit, "carried", previous.rule)
    _suffixes(text, mention, look)
    return mention


def _one_of(text: str, pos: int, look: _Lookups) -> bool:
    """Does 一 and a unit or measure word (一方, 一盘, 一个平方) stand right before ``pos``?"""
    return any(text[pos - length - 1:pos - length] == "一" and look.surface_words.at(text, pos - length) == text[pos - length:pos]
               for length in (1, 2, 3))


CARRY_RATIO = 20  # a figure said again, corrected or continued stays within this factor of the first


def _far_apart(first: str, second: str) -> bool:
    a, b = parse_quantity(first), parse_quantity(second)
    return bool(a and b and a[0] and b[0]) and not 1 / CARRY_RATIO <= b[0] / a[0] <= CARRY_RATIO


# A sum said aloud with no money word (兴趣班两万一——不对，是两万六; 八千六加三千二，一万一千八):
# an amount of hundreds or more in Chinese numerals that closes its clause, in talk about money —
# a money word earlier in its sentence (要他把欠我的工钱给我，七千六), a sum in yuan earlier in the
# same paragraph, or several in a transcript. A written figure with no unit (买菜：1560) is one too
# when it is an account's entry in a text that keeps accounts (_account_entry, _keeps_accounts).
_SPOKEN_AMOUNT = regex.compile(r"[一二两三四五六七八九十]+[来把几]?[百千万][零一二三四五六七八九十百千万]*|[1-9]\d{0,3}万\d")  # 十来万, 三万零五百, 28万8
_AGE_BEFORE = regex.compile(r"(?:今年|[我他她]|老伴|老头子?|老太太?)$")
_AGE_ASKED = regex.compile(r"(?:岁数|多大|年纪|几岁)[^。\n]{0,4}[？?]\s*\n?[^\n：:]{0,8}[：:]?\Z")
_SPOKEN_TENS = regex.compile(r"[二三四五六七八九]十[一二三四五六七八九]?")
# 剩下的二十六万八千由住户出, 四万五相当于大半年的收入, 收一千五的管理费: a sum that a statement
# is about; it starts something new, so it carries no rate of the figure before it
SUM_AS_TOPIC = r"由\p{Han}|相当于|是(?:[跟向找从]|贷款|借的|自筹)|卖给|的\p{Han}{0,3}(?:[费金款]|补贴|补助|工资|奖金)(?!\p{Han})"
_SPOKEN_SUM_END = regex.compile(rf"{_APPROX_TAIL}(?:[都就也还]|[{MODAL_PARTICLES}])?(?:[{_SPOKEN_CLAUSE_MARKS}、—…]|$)|[加减乘]"
                                r"|好[伐吗不]|行[伐吗]|就[零一二两三四五六七八九十百千万]+(?=[，。！？])|给(?:[你我他她侬]|您)"  # 三万好伐？, 三万就三万, 打五万给侬
                                rf"|[没未]\p{{Han}}{{1,2}}(?=[{_SPOKEN_CLAUSE_MARKS}]|$)"  # 还有一万二没结，: a sum still owed
                                r"|太[低高贵少多]|成交|我就|就[卖给行成]|卖不卖|行不行|行吗|能不能|不成问题|没问题|不是问题|对吧|对不对|是吧"  # haggling: 一千二太低了, 一千三我就卖
                                r"|(?=" + SUM_AS_TOPIC + ")")
TURN = regex.compile(r"(?m)^[ \t\u3000]*(?:\[[^\]\n]{1,8}\][ \t]*)?(\p{Han}{2,6})[：:]")  # a line of a transcript opening with a name and a colon


@lru_cache(maxsize=4)  # the figures of one document ask again and again
def turn_starts(text: str) -> tuple[int, ...]:
    """Where each line that opens with a name and a colon starts."""
    return tuple(m.start() for m in TURN.finditer(text))


SPOKEN_SUM_RULE = "spoken-sum"
_OLD_MONEY = ("两", "文", "枚")  # silver, copper cash and coins: no unit a spoken sum takes
SUM_REACH = 100  # characters back to a sum in yuan of the same paragraph
TALK_SUMS = 3  # sums in yuan before it that make a transcript talk about money
TALK_TURNS = 3  # lines opening with a speaker's name that make a text a transcript


_WRITTEN_AMOUNT = regex.compile(r"[1-9]\d{1,2}(?:,\d{3})+(?:\.\d{1,2})?|[1-9]\d{1,5}(?:\.\d{1,2})?")  # not 0771, not 12345678
_WRITTEN_SUM_END = regex.compile(r"\s*[（(]|\s*$", regex.MULTILINE)  # 买菜：1560（两个人…）, a line's last figure
_YEAR_LIKE = regex.compile(r"(?:19|20)\d{2}")
_DIGITS_GO_ON_AFTER_MARK = regex.compile(r"[,，.]\d")  # 合计12,34万元: a figure a stray comma split
ACCOUNT_SHARE = 0.4  # of the figures before, the share in money that makes a text one that keeps accounts
ACCOUNT_FIGURES = 3  # … and how many money figures at least


def _account_sum_re(words: list[str]) -> regex.Pattern:
    """A sum word (一共, 中介费) or a rate of one (一场600) just before a figure; the words are
    rules data (spoken, role account-sum)."""
    said = "|".join(map(regex.escape, words)) or "(?!)"
    return regex.compile(rf"(?:{said}|(?<![\d一二三四五六七八九十])一个?\p{{Han}})[^\S\n]?\Z")


def _account_entry(text: str, start: int, end: int, look: _Lookups) -> bool:
    """Is a bare written figure an entry of an account: a line's labelled amount (买菜：1560), a
    sum (一共1200, 中介费700), or a price with its rate before or after (一场600, 88一斤)?"""
    line_start = text.rfind("\n", 0, start) + 1
    if _LABEL_OF_LINE.fullmatch(text, line_start, start):  # the label list items' captions read (_list_caption_unit)
        return not look.not_an_entry.search(text, line_start, start)
    return look.account_sum.search(text, max(0, start - 4), start) is not None or look.rate_after_words.at(text, end) is not None


def _keeps_accounts(sums: int, figures: int) -> bool:
    """Is the text a post or a talk that keeps accounts: are many of its figures so far sums of money?"""
    return sums >= ACCOUNT_FIGURES and sums >= ACCOUNT_SHARE * figures


def _spoken_sum(text: str, m: regex.Match, end: int, mentions: list[Mention], look: _Lookups) -> Mention | None:
    token = text[m.start():end]
    tens = _SPOKEN_TENS.fullmatch(token) is not None  # 五十八太贵了: a small price, in haggling only
    written = _WRITTEN_AMOUNT.fullmatch(token) is not None  # 买菜：1560, 中介费700: a post that keeps accounts
    amount = parse_quantity(token) if _SPOKEN_AMOUNT.fullmatch(token) or tens or written else None  # 七八千: a range in one token
    if amount is None or (amount[0] or 0) < (10 if tens or written else 100):
        return None
    shape = _WRITTEN_AMOUNT if written else _SPOKEN_AMOUNT
    second = _range_end(text, end)  # 一千五到两千
    tokens = (token, second.group()) if second and shape.fullmatch(second.group()) else (token,)
    end = second.end() if len(tokens) == 2 else end
    if not _SPOKEN_SUM_END.match(text, end) and not (written and (_WRITTEN_SUM_END.match(text, end) or look.rate_after_words.at(text, end))):
        return None
    if text[max(0, m.start() - 1):m.start()] in ("第", "乘", "×"):
        return None  # 两千二乘十二: the multiplier counts months
    money = [x for x in mentions if x.unit is not None and x.unit.kind == "money" and x.unit.unit not in _OLD_MONEY]
    if written and (_YEAR_LIKE.fullmatch(token) or _DIGITS_GO_ON_AFTER_MARK.match(text, end)
                    or not _account_entry(text, m.start(), end, look) or not _keeps_accounts(len(money), len(mentions))):
        return None
    worded = names_money(text, clause_start(text, m.start(), SENTENCE_END), m.start(), look)
    if not money and not worded:
        return None
    turns = turn_starts(text)
    paragraph_start = text.rfind("\n", 0, m.start()) + 1 if len(turns) < TALK_TURNS else 0  # a transcript's turns are one talk
    near = worded or money[-1].end >= max(paragraph_start, m.start() - SUM_REACH)
    talk = len(money) >= TALK_SUMS and bisect_left(turns, m.start()) >= TALK_TURNS
    if (not near and not talk and not written) or (tens and not (talk and money[-1].end >= m.start() - SUM_REACH)):
        return None
    if tens and (_AGE_BEFORE.search(text, max(0, m.start() - 3), m.start()) or _AGE_ASKED.search(text, max(0, m.start() - 30), m.start())):
        return None  # 我今年五十一, 老伴七十一, 多大岁数？八十四啦: an age
    unit = money[-1].unit if money and money[-1].unit.factor == 1 and (
        money[-1].unit.unit == "元" or money[-1].end >= clause_start(text, m.start(), SENTENCE_END)) \
        else look.surfaces["元"]  # 四千多美元降到两千六 (a currency of the same sentence); not 旧水
    mention = Mention(m.start(), end, m.start(), end, tokens, unit, "carried", SPOKEN_SUM_RULE)
    _suffixes(text, mention, look)
    return mention


def _spoken_whole(token: str) -> bool:
    """十八, 四百, 三千八: a whole number of ten or more in Chinese numerals (地丁银…四十两
    is not: its 两 may be the unit)."""
    return not any(ch.isdigit() or ch in "点點" for ch in token) and (parse_number(token) or 0) >= 10 \
        and not (token.endswith("两") and len(token) > 1)


def _reject_unitless(text: str, m: regex.Match, look: _Lookups, scan: Scan) -> None:
    token = m.group()
    if token == "一":
        return  # a lone 一 with nothing after it is an ordinary word, not worth a line
    scan.rejections.append(Rejection(m.start(), m.end(), token, "no unit, measure word or counted noun after it"))


def _percent_words(text: str, m: regex.Match, look: _Lookups) -> Mention | None:
    """百分之十二点五 → 12.5 %, 千分之三 → 0.3 %, 万分之三 → 0.03 %."""
    token = TOKEN.match(text, m.end())
    if not token:
        return None
    spoken = parse_quantity(token.group())
    value = None if spoken and spoken[1] is not None else 100 if token.group() in ("百", "佰") else parse_number(token.group())  # 百分之百
    scale = PERCENT_SCALE[m.group("pct")[0]]
    spoken_range = value is None and spoken is not None and (scale == 1 or spoken[1] is not None)  # 百分之七八十, 十之六七
    if value is None and not spoken_range:
        return None
    fixed = _round(value * scale) if value is not None else None if scale == 1 else _round(spoken[0] * scale)
    mention = Mention(m.start(), token.end(), m.start(), token.end(), (token.group(),), look.surfaces.get("%"),
                      "percent-words", "%", fixed_value=fixed)
    if spoken_range and scale != 1:
        mention.fixed_value_max = _round(spoken[1] * scale)
    high = _percent_range_end(text, token.end(), m.group("pct"), look) if value is not None else None
    if high is not None:  # 百分之五至百分之六, 百分之五至六
        mention.end = mention.num_end = high[1]
        mention.fixed_value_max = _round(high[0] * scale)
    _suffixes(text, mention, look)
    return mention


def _percent_range_end(text: str, pos: int, pct: str, look: _Lookups) -> tuple[float, int] | None:
    """The upper bound of a range in percent words and where it ends: 至百分之六, or 至六
    when no unit follows it (至六成 is another figure)."""
    high = _range_end(text, pos, sign=pct)
    repeated = high is not None
    high = high or _range_end(text, pos)
    value = parse_number(high.group()) if high else None
    if value is None or (not repeated and (look.surface_words.at(text, high.end()) is not None
                                           or text.startswith("分之", high.end()))):
        return None  # 至六成, 至千分之六: another figure
    return value, high.end()


SPOKEN_COUNTS = "俩仨"  # 两个, 三个: the measure word is inside
_PAIR_WORDS = "他她你我咱俺们哥姐娘爷弟兄妻夫子女口伴"  # 他俩, 俺俩, 哥俩, 夫妻俩, 老伴俩: the two of them, no statistic


def _spoken_count(text: str, start: int, end: int, look: _Lookups) -> Mention | None:
    """俩技术员 (2 个), 仨人 (3 个), 仨礼拜 (3 周), 俩月 (2 月): 俩 and 仨 hold their own 个."""
    if start and text[start - 1] in _PAIR_WORDS:
        return None
    if text.startswith("月", end):
        unit, unit_end = look.surfaces.get("月"), end + 1
    else:
        found = _unit_at(text, end, look)
        if found and found[0].unit == "人":
            found = None  # 仨人 is 三个人: 3 个, and 人 what they are
        unit, unit_end = (found[0], found[1]) if found else (look.surfaces.get("个"), end)
    if unit is None:
        return None
    mention = Mention(start, unit_end, start, end, (text[start:end],), unit, "quantity", unit.id, unit_start=end)
    _suffixes(text, mention, look)
    _counted_noun(text, mention, look)
    return mention


_HMS = regex.compile(rf"(?:(?P<h>{_TOKEN})个?小时)?(?:(?P<m>{_TOKEN})分(?:钟)?(?!之))?"
                    rf"(?:(?P<s>{_TOKEN})秒(?:钟)?(?P<hundredths>\d\d(?![\d.])|\d(?=的|[^\d.\p{{Han}}]|$)|[〇零一二三四五六七八九]{{1,2}}(?=的|[^\p{{Han}}\d]|$))?)?",
                    regex.VERBOSE)  # 3分36秒5: tenths; 二分零八秒四一的成绩: hundredths
HMS_UNITS = {"h": "小时", "m": "分钟", "s": "秒"}  # their sizes in 秒 are units.yaml's


_YEARS_MONTHS = regex.compile(rf"(?P<y>{_TOKEN})年(?:[零又](?P<m>{_TOKEN})个?|(?P<m2>{_TOKEN})个)月", regex.VERBOSE)


def _years_and_months(text: str, start: int, look: _Lookups) -> Mention | None:
    """一年零三个月, 五年零俩月, 2年3个月, 2年又3个月: one length of time in months (2023年3月 is a date)."""
    m = _YEARS_MONTHS.match(text, start)
    if not m:
        return None
    years, months = parse_number(m.group("y")), parse_number(m.group("m") or m.group("m2"))
    unit, year = look.surfaces.get("月"), look.rules.sizes.get("年")
    if years is None or months is None or unit is None or year is None or years >= 100 or months >= year[1]:
        return None
    mention = Mention(start, m.end(), start, m.end(), (m.group(),), unit, "compound", unit.id,
                      fixed_value=_round(years * year[1] + months))
    _suffixes(text, mention, look)
    return mention


_YUAN_JIAO_FEN = regex.compile(rf"(?P<y>{_TOKEN})[块元蚊](?:[零〇]?(?P<j>{_TOKEN})[毛角毫](?P<f2>[1-9一二三四五六七八九]{_DECIMALS_END})?)?"
                               rf"(?:[零〇]?(?P<f>{_TOKEN})分)?(?:钱)?", regex.VERBOSE)  # 壹元零伍分: 1.05


_ZERO_JIAO = regex.compile(r"(?<=[块元])[零〇](?=[^角毛]+分|[^角毛分]{1,2}[角毛])")  # 一元零五分: no 角; 二百八十元零六角
_JIAO_FEN = regex.compile(r"(?P<j>[1-9一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖])[角毛](?P<f>[1-9一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖])分"
                       r"(?:(?P<li>[1-9一二三四五六七八九])(?:厘|(?![\d\p{Han}])))?")  # 一角八分五: 0.185 元


_CANTONESE_MONEY = str.maketrans("蚊毫", "元角")


def _compound_money(text: str, start: int, look: _Lookups) -> Mention | None:
    """一块四毛五 (1.45 元), 三元五角二分 (3.52 元), 七角五分 and 一毛四分 (0.75 and 0.14 元):
    yuan, jiao and fen as one sum."""
    m = _YUAN_JIAO_FEN.match(text, start) or _JIAO_FEN.match(text, start)
    if not m or not (m.group("j") or m.group("f")):
        return None
    li = m.groupdict().get("li")
    whole = text[start:m.start("li")] if li else m.group()
    whole = whole.translate(_CANTONESE_MONEY)  # 一百三十七蚊六毫: Cantonese 元 and 角
    value, unit = parse_number(_ZERO_JIAO.sub("", whole)), look.surfaces.get("元")  # the parser reads 元角分 sums
    if value is None or unit is None:
        return None
    if li:
        value += parse_number(li) / 1000  # 一角八分五, a price in 厘
    return _yuan_sum(text, start, m, value, unit, look)


def _yuan_sum(text: str, start: int, m: regex.Match, value: float, unit: Unit, look: _Lookups) -> Mention:
    """The mention of a sum in 元 written in smaller money units, its value worked out."""
    mention = Mention(start, m.end(), start, m.end(), (m.group(),), unit, "compound", unit.id, fixed_value=_round(value))
    _suffixes(text, mention, look)
    return mention


_FEN_LI = regex.compile(r"(?P<f>[1-9一二三四五六七八九])分(?P<li>[1-9一二三四五六七八九])厘")
_PRICE_BEFORE = regex.compile(r"(?:每(?![人户口亩])\p{Han}{1,2}|[价钱])\Z")  # 每斤, not 自留地每人一分二厘


def _fen_and_li(text: str, start: int, look: _Lookups) -> Mention | None:
    """玉米面每斤九分八厘: after a price's rate marker, 分 and 厘 are money (0.098 元), not a share of land."""
    m = _FEN_LI.match(text, start)
    unit = look.surfaces.get("元")
    if m is None or unit is None or not _PRICE_BEFORE.search(text, max(0, start - 4), start):
        return None
    return _yuan_sum(text, start, m, parse_number(m.group("f")) / 100 + parse_number(m.group("li")) / 1000, unit, look)


def _compound_duration(text: str, start: int, look: _Lookups) -> Mention | None:
    """2小时11分38秒, 1分30秒, 3小时20分, 2分01秒36: one length of time in its smallest unit."""
    if _YEARS_MONTHS.match(text, start):
        return _years_and_months(text, start, look)
    m = _HMS.match(text, start)
    parts = [name for name in ("h", "m", "s") if m and m.group(name)] if m else []
    if len(parts) < 2 or parts == ["h", "s"]:
        return None
    values = [parse_number(m.group(name)) for name in parts]
    sizes = [look.rules.sizes.get(HMS_UNITS[name], ("", None))[1] for name in parts]
    if any(v is None for v in values) or None in sizes:
        return None
    seconds = sum(v * size for v, size in zip(values, sizes))
    if m.group("hundredths"):  # 2分01秒36, 3分36秒5: a race time
        seconds += _fraction_after(m.group("hundredths"))
    unit = look.surfaces.get(HMS_UNITS[parts[-1]])
    if unit is None:
        return None
    mention = Mention(start, m.end(), start, m.end(), (m.group(),), unit, "compound", unit.id,
                      fixed_value=_round(seconds / sizes[-1]))
    _suffixes(text, mention, look)
    return mention


def _quantity(text: str, start: int, end: int, look: _Lookups) -> Mention | None:
    """Extend a numeral token at [start, end) into a mention, or None."""
    if end - start == 1 and text[start] in SPOKEN_COUNTS:
        return _spoken_count(text, start, end, look)
    if text.startswith(("小时", "个小时", "分", "年", "块", "元", "角", "毛", "蚊"), end):
        compound = _compound_money(text, start, look) if text[end] in "块元角毛蚊" else (
            _fen_and_li(text, start, look) or _compound_duration(text, start, look))
        if compound:
            return _duration_range(text, compound, look) or _money_range(text, compound, look) or compound
        jiao = _jiao_to_yuan(text, start, end, look) if text[end] in "角毛" else None
        if jiao:
            return jiao  # 每件8毛到1块5
    tokens = [text[start:end]]
    pos = end
    # a range: 300—1800, 三到五, 10万至20万
    second = _range_end(text, pos) or _neighbour_after(text, start, pos)
    if second:
        tokens.append(second.group())
        pos = second.end()
    # a fraction: 三分之一, 1/4
    if len(tokens) == 1 and _FRACTION_AT.match(text, pos):
        return _fraction(text, start, pos, look)
    if len(tokens) == 1 and text.startswith("/", pos):
        slashed = _slash_fraction(text, start, pos, look) or _slash_pair(text, start, pos, look)
        if slashed or not _IMPLICIT_RATE.match(text, pos):
            return slashed  # else 到手价39.8/份: a bare price per 份
    colloquial = _COLLOQUIAL_MAGNITUDE.match(text, pos)
    if colloquial and len(tokens) == 1:  # 5个亿, 3个多亿: the 个 is spoken, the 亿 a magnitude
        tokens[0] += colloquial.group(1)
        pos = colloquial.end()
    per_inside = None
    if text.startswith("每", pos) and pos + 2 < len(text):  # typo'd rates: 1.2每斤元
        word = text[pos:pos + 2]
        if word in look.rate_after_words and _unit_at(text, pos + 2, look):
            per_inside = (word, *look.rules.rate_after[word])
            pos += 2
    unit_match = _unit_after(text, pos, look)
    listed = _list_unit(text, pos if unit_match is None else unit_match[2], look) \
        if len(tokens) == 1 and _SMALL_NUMBER.fullmatch(tokens[0]) else None
    if listed and (unit_match is None or (unit_match[0].unit == "个" and listed.unit != "个" and listed.classifier)):
        # 5.2、3.1和2.0个百分点, 1.3个、0.8个和2.1个百分点: the unit after a list's last number
        stop = pos if unit_match is None else unit_match[2]  # 1.3个 keeps its lone 个
        mention = Mention(start, stop, start, end, tuple(tokens), listed, "quantity", listed.id, unit_start=pos)
        _suffixes(text, mention, look)
        return mention
    if unit_match is None or (unit_match[0].kind != "money" and _symbol_before(text, start, look)):
        return _unitless(text, start, pos, tokens, look)  # €1200万车规级芯片: the sign names the unit
    unit, unit_start, pos, half = unit_match
    surface = text[unit_start:pos - 1] if half and text[pos - 1] == "半" else text[unit_start:pos]  # 月息一分半: the unit is 分
    if unit.id not in look.only_after and look.rules.surface_alternatives:
        unit = _other_context(text, start, surface, look) or unit  # 地丁银一万二千六百四十两: silver
    context = look.only_after.get(unit.id)
    if context is not None and not context.search(text, max(0, start - 12), _context_end(text, start)) \
            and not (unit.decimals_free and "." in tokens[0]):
        following = look.only_before.get(unit.id)
        if following is None or not following.match(text, pos):
            unit = _other_context(text, start, surface, look)
            if unit is None:
                return None  # 4级 is a wind force only after 风力 (or, for a quake, before 地震); 三级 alone is a grade
    mention = Mention(start, pos, start, end if len(tokens) == 1 else second.end(), tuple(tokens), unit,
                      "quantity", unit.id, half=half, unit_start=unit_start)
    written = text[unit_start:pos]
    if len(written) > len(unit.unit) + 1 and written.startswith(unit.unit):
        mention.noun = written[len(unit.unit):]  # 36块光伏板: the unit's surface names what it counts
    compound = _sized_compound(text, mention, look)
    if compound:
        return compound
    tenths = _tenths_range(text, pos, unit) if len(tokens) == 1 else None
    digit = None if tenths else _decimals_after(text, pos, unit, look, tokens[0])
    if tenths:  # 两块四五 is 2.4–2.5 元, 七成六七 76–77 %
        mention.fraction, mention.fraction_max = _fraction_after(tenths[1]), _fraction_after(tenths[2])
        mention.end = pos = tenths.end()
    elif digit:  # 七成六 is 76 %, 四块五 4.5 元, 七亩五分 7.5 亩
        mention.fraction, mention.end, pos = _fraction_after(digit[0]), digit[1], digit[1]
    if per_inside:
        mention.per, mention.per_rule = per_inside[1], per_inside[2]
    # 300元至1800元: the unit repeated after the upper bound; a tier's bounds may carry
    # （含） or 以上 between (50亩（含）至200亩, 200亩以上至500亩)
    if len(tokens) == 1 and (ranged := _duration_range(text, mention, look)):
        return ranged
    aside = _RANGE_ASIDE.match(text, pos)
    repeat = _range_end(text, aside.end() if aside else pos)
    high = text[repeat.start():_token_end(repeat, look)] if repeat else ""  # 三两五钱至四两: 四, then 两
    if repeat and len(tokens) == 1 and not _change_then_level(text, start, tokens[0], high) \
            and not _subtraction(text, aside.end() if aside else pos, tokens[0], high):
        again = _unit_after(text, repeat.start() + len(high), look)
        rate = aside.group() if aside and aside.group().startswith("/") else ""
        same = again and (again[0].unit == unit.unit and again[0].factor == unit.factor or surface and text.startswith(surface, again[1]))
        if same and text.startswith(rate, again[2]):  # (五分至八分 after 银: the surface repeated is the same unit)
            mention.tokens = (tokens[0], high)
            mention.end = again[2]  # 1.12元/斤至1.18元/斤: the rate is read after the second bound
            digit = _decimals_after(text, again[2], unit, look, high)
            if digit:  # 两块八到三块二
                mention.fraction_max, mention.end = _fraction_after(digit[0]), digit[1]
    _suffixes(text, mention, look)
    _counted_noun(text, mention, look)
    return mention


def _subtraction(text: str, pos: int, low: str, high: str) -> bool:
    """（78500元-500元）×75%: a minus between two sums, the second the smaller, subtracts; no range."""
    if text[pos:pos + 1] not in MINUS_SIGNS:
        return False
    first, second = parse_quantity(low), parse_quantity(high)
    return bool(first and second and second[0] < first[0])


def _duration_range(text: str, low: Mention, look: _Lookups) -> Mention | None:
    """六个月至一年 (6–12 月), 一年至一年三个月 (12–15 月): a range whose bounds are
    lengths of time in different units, or whose upper bound is a compound one."""
    sizes = look.rules.sizes  # units.yaml's size: 年 = 12 月, 天 = 86400 秒
    if low.unit is None or low.unit.unit not in sizes or low.half or low.approx or len(low.tokens) != 1:
        return None
    second = _range_end(text, low.end)
    high = _quantity(text, second.start(), second.end(), look) if second else None
    family = sizes[low.unit.unit][0]
    if high is None or high.unit is None or sizes.get(high.unit.unit, ("",))[0] != family or high.half \
            or len(high.tokens) != 1:
        return None
    if high.unit.unit == low.unit.unit and high.fixed_value is None and low.fixed_value is None:
        return None  # 三个月至六个月: the plain range reads it
    low_value, high_value = _bound(low), _bound(high)
    if low_value is None or high_value is None:
        return None
    smaller = min((low.unit, high.unit), key=lambda unit: sizes[unit.unit][1])
    scale = sizes[smaller.unit][1]
    low_value, high_value = low_value * sizes[low.unit.unit][1] / scale, high_value * sizes[high.unit.unit][1] / scale
    if not low_value < high_value:
        return None
    return Mention(low.start, high.end, low.num_start, high.num_end, (text[low.start:high.end],), smaller, "compound",
                   smaller.id, approx=high.approx, approx_rule=high.approx_rule, fixed_value=_round(low_value),
                   fixed_value_max=_round(high_value))


def _jiao_to_yuan(text: str, start: int, end: int, look: _Lookups) -> Mention | None:
    """8毛到1块5: a range from jiao to yuan, read as the sum in 元 at both ends."""
    value, unit = parse_number(text[start:end]), look.surfaces.get("元")
    if value is None or unit is None or _range_end(text, end + 1) is None:
        return None
    low = Mention(start, end + 1, start, end + 1, (text[start:end + 1],), unit, "compound", unit.id, fixed_value=_round(value / 10))
    return _money_range(text, low, look)


def _money_range(text: str, low: Mention, look: _Lookups) -> Mention | None:
    """一块二毛二到一块二毛五, 一块二毛五到一块三: a range whose lower bound is a sum of
    yuan, jiao and fen."""
    second = _range_end(text, low.end) if low.fixed_value is not None and not low.approx else None
    high = _quantity(text, second.start(), second.end(), look) if second else None
    if high is None or high.unit is None or high.unit.unit != low.unit.unit or len(high.tokens) != 1:
        return None
    top = _bound(high)
    if top is not None and high.fixed_value is None:
        top = (top + (high.fraction or 0)) * high.unit.factor  # 一块三: the digit after the unit; 九毛: 0.9 元
    if top is None or not low.fixed_value < top:
        return None
    mention = Mention(low.start, high.end, low.num_start, high.num_end, (text[low.start:high.end],), low.unit, "compound",
                      low.unit.id, approx=high.approx, approx_rule=high.approx_rule, fixed_value=low.fixed_value,
                      fixed_value_max=_round(top))
    mention.per, mention.per_rule = high.per, high.per_rule
    return mention


def _sized_compound(text: str, mention: Mention, look: _Lookups) -> Mention | None:
    """一丈六尺 (16 尺), 一丈三尺五寸 (135 寸): a figure in a unit and, right after it, one in
    each smaller unit it holds (units.yaml's size), as one figure in the smallest unit.
    Lengths of time have their own readings (一年零三个月, 2小时11分)."""
    if mention.unit.kind == "duration" or len(mention.tokens) != 1:
        return None
    value, unit, end, num_end = parse_number(mention.tokens[0]), mention.unit, mention.end, mention.num_end
    while value is not None and (size := look.rules.sizes.get(unit.unit)) is not None and size[0] != unit.unit:
        second = TOKEN.match(text, end)
        smaller = _unit_at(text, second.end(), look) if second else None
        part = parse_number(second.group()) if smaller is not None and smaller[0].unit == size[0] else None
        if part is None or part >= size[1]:
            break
        value, unit, end, num_end = value * size[1] + part, smaller[0], smaller[1], second.end()
    if value is None or unit is mention.unit:
        return None
    compound = Mention(mention.start, end, mention.num_start, num_end, (text[mention.start:end],),
                       unit, "compound", unit.id, fixed_value=_round(value))
    _suffixes(text, compound, look)
    return compound


def _bound(mention: Mention) -> float | None:
    if mention.fixed_value is not None:
        return mention.fixed_value
    parsed = parse_quantity(mention.tokens[0])
    return parsed[0] if parsed and parsed[1] is None else None


_RANGE_ASIDE = regex.compile(r"[（(]不?含[^（）()]{0,3}[）)]|以上(?=至)|/\p{Han}{1,2}(?=[至到~～—-])")


# Verbs of change: 提高1.5米至182.0米 (a change, then the new level), 提高到800元 (a shared
# rate), 比上年末增加1140户 (a change of the count before).
CHANGE_VERBS = ("提高", "提升", "增加", "增长", "上升", "上涨", "上调", "下调", "抬高", "降低", "下降", "减少", "压减",
                "缩短", "延长", "扩大", "调整")
_CHANGE_VERB = regex.compile(rf"(?:{'|'.join(CHANGE_VERBS)})了?(?:约|約|近|超过|超過|逾)?$")  # 增加約4,200人至16.1萬人
_CHANGED_TO_NEXT = regex.compile(rf"(?:{'|'.join(CHANGE_VERBS)}|[涨增升降减跌]|缩小)(?:到|至)")  # 从3.2万涨到8.9万: a change, then the new level
LEVEL_RATIO = 5


def _change_then_level(text: str, start: int, low: str, high: str) -> bool:
    """提高1.5米至182.0米: after a verb of change, a small amount then 至 a level far above
    it are the change and the new level, not a range."""
    if not _CHANGE_VERB.search(text, max(0, start - 5), start):
        return False
    first, second = parse_quantity(low), parse_quantity(high)
    return bool(first and second and first[0] > 0 and second[0] >= LEVEL_RATIO * first[0])


def _decimals_after(text: str, pos: int, unit: Unit, look: _Lookups, token: str) -> tuple[str, int] | None:
    """七成六, 四块五, 1米75: the digits right after a ``digit_after`` unit, its decimals,
    written in the script of ``token`` (不到两成 then a slide's 03 are two things); 七亩五分,
    一石二斗: a digit and the unit a tenth of this one (its ``part``). Returns the digits and
    where the figure ends."""
    if unit.part:
        parts = _parts_after(text, pos, unit, look, token)
        if parts is not None:
            return parts
    digits = (_DECIMALS.match(text, pos) or (_HEIGHT_DIGITS.match(text, pos) if unit.unit == "米" else None)
              or (_PRICE_DIGITS.match(text, pos) if unit.unit in ("元", "角") else None)
              or (_FEN_AFTER_ZERO.match(text, pos) if unit.unit == "元" else None)) if unit.digit_after else None
    after = look.surface_words.at(text, digits.end()) if digits else None
    if after is not None and (len(digits.group()) == 2 or (unit.kind != "money" and look.surfaces[after].kind == "money")):
        return None  # 400米20名选手, 蓝布一尺三角二分: a figure of its own
    if digits and digits.group()[0].isascii() != any(ch.isascii() and ch.isdigit() for ch in token):
        return None
    return (digits.group(), digits.end()) if digits else None


def _parts_after(text: str, pos: int, unit: Unit, look: _Lookups, token: str) -> tuple[str, int] | None:
    """七亩五分, 二十四亩三分五厘, 四十亩零六分, 一石二斗四升: a digit before each of the unit's
    ``part`` units, each a tenth of the one before; 零 between them says "and", not a place.
    Returns the digits, a 0 for each place skipped (三亩零五厘: 05), and where they end."""
    digit_re = _TENTH_DIGIT if token[-1].isdigit() else _TENTH
    places, end, first = [], pos, 0
    while first < len(unit.part):
        at = end + 1 if token[-1] in CN_NUMERAL_CHARS and text.startswith("零", end) else end
        digit = digit_re.match(text, at)
        place = next((k for k in range(first, len(unit.part)) if digit and text.startswith(unit.part[k], digit.end())), None)
        if place is None:
            break
        part_end = digit.end() + len(unit.part[place])
        surface = look.surface_words.at(text, digit.end())
        if text.startswith(("钱", "钟"), part_end) or (surface is not None and len(surface) > len(unit.part[place])):
            break  # 一亩五分钱 is a price, 五分钟 a length of time, 五厘米 a length
        places += ["0"] * (place - first) + [digit.group()]
        end, first = part_end, place + 1
    return ("".join(places), end) if places else None


def _tenths_range(text: str, pos: int, unit: Unit) -> regex.Match | None:
    """两块四五, 七成六七: two neighbouring digits after a ``digit_after`` unit are a range of
    its tenths (but 一米六七 is a height, 1.67 米)."""
    if not unit.digit_after or unit.unit == "米":
        return None
    pair = _TENTHS_PAIR.match(text, pos)
    return pair if pair and parse_number(pair[2]) == parse_number(pair[1]) + 1 else None


_TENTHS_PAIR = regex.compile(r"([一二三四五六七八])([二三四五六七八九])" + _DECIMALS_END)


_FEN_AFTER_ZERO = regex.compile(r"[零〇][一二三四五六七八九]" + _DECIMALS_END)  # 一块零五: 1.05 元
_PRICE_DIGITS = regex.compile(r"[一二三四五六七八九][〇零一二三四五六七八九]" + _DECIMALS_END)  # 八毛七五: 0.875 元 (两块四五, neighbours, is a range)
_HEIGHT_DIGITS = regex.compile(r"[一二三四五六七八九][〇零一二三四五六七八九](?=[的个左，。、；\s]|$)")  # 一米六五的个子: 1.65 米


_TENTH = regex.compile(r"[一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖]")  # 叁亩伍分 too
_TENTH_DIGIT = regex.compile(r"[1-9](?![\d.])")


def _fraction_after(digits: str) -> float:
    """五 → 0.5, 75 → 0.75: the digits after a unit, read as its decimals."""
    return float("0." + "".join(str(int(parse_number(ch))) for ch in digits))


def _range_end(text: str, pos: int, sign: str = "") -> regex.Match | None:
    """The upper bound after a range separator at ``pos`` (300—1800, 三到五); with
    ``sign``, only when the sign is written again before it (HK$1,850至HK$5,460)."""
    if pos < len(text) and text[pos] in RANGE_SEPARATORS:
        nxt = pos + 1
        if text[pos] == "—" and text.startswith("—", nxt):
            nxt += 1  # the doubled dash ——
        if not text.startswith(sign, nxt):
            return None
        if not sign and text[nxt:nxt + 1] in MINUS_SIGNS and text[nxt + 1:nxt + 2].isdigit():
            nxt += 1  # -6~-4℃: the upper bound below zero too (normalize reads the sign)
        elif not sign and text.startswith("零下", nxt) and _BELOW_ZERO_BEFORE.search(text, max(0, pos - 10), pos):
            nxt += 2  # 零下25℃至零下19℃ (but not 车一到零下二十摄氏度: the low bound is below zero too)
        return TOKEN.match(text, nxt + len(sign))
    return None


MINUS_SIGNS = "-－−"
_BELOW_ZERO_BEFORE = regex.compile(r"零下[^，。；、\s]{1,8}$")


_NEIGHBOUR = regex.compile(r"(?<=、)(?:[一二三四五六七八九](?=[十百千万]?)|[1-9]\d?(?=[十百千万]|[块塊元蚊毛角个個只斤人岁歲户戶家名位成吨噸头頭台辆輛次天趟棵株亩畝]))(?!、)")


def _neighbour_after(text: str, start: int, pos: int) -> regex.Match | None:
    """三、四户 is 三四户, a range: two neighbouring numerals set apart by a 、 (not a
    longer list: 一、二、三类); so is 5、6千元, where the magnitude after them serves both, and
    25、26台."""
    first = text[start:pos]
    if not (len(first) == 1 or (len(first) == 2 and first.isdigit())) or not text.startswith("、", pos) \
            or text[start - 1:start] == "、":
        return None
    second = _NEIGHBOUR.match(text, pos + 1)
    if second is None or parse_number(second.group()) != (parse_number(first) or 0) + 1 \
            or (second.group().isdigit() != first.isdigit()):
        return None
    magnitude = TOKEN.match(text, second.start())
    return magnitude if magnitude and magnitude.group()[-1] in "十百千万" else second


def _fraction(text: str, start: int, pos: int, look: _Lookups) -> Mention | None:
    numerator = TOKEN.match(text, pos + 2)
    if not numerator:
        return None
    den, num = parse_number(text[start:pos]), parse_number(numerator.group())
    if not den or num is None:
        return None
    mention = Mention(start, numerator.end(), start, numerator.end(), (text[start:numerator.end()],), look.surfaces.get("%"),
                      "fraction", "%", fixed_value=_round(num / den * 100))
    _suffixes(text, mention, look)
    return mention


_SLASH_DENOMINATOR = regex.compile(r"/(\d{1,3})(?![\d./]|[日月号年时期])|/(\d{1,3})(?=[，。；、,;）)]|$)")
_SHARE_WORDS = ("约", "近", "为", "达", "超过", "不到", "不足", "仅", "是", "的", "接近")  # or 占 a few characters before


def _slash_fraction(text: str, start: int, pos: int, look: _Lookups) -> Mention | None:
    """占全市1/4 → 25 %: a slash fraction counts only after a share word or before
    以上/左右, so dates (5/14) and rates (元/斤) stay apart."""
    m = _SLASH_DENOMINATOR.match(text, pos)
    numerator = text[start:pos]
    if not m or not numerator.isdigit():
        return None
    if "占" not in text[max(0, start - 6):start] and not text[max(0, start - 2):start].endswith(_SHARE_WORDS) \
            and not look.approx_after_words.at(text, m.end()):  # 1/3以上 is a share too
        return None
    denominator = int(m.group(1) or m.group(2))
    if not denominator or int(numerator) >= denominator:
        return None
    mention = Mention(start, m.end(), start, m.end(), (text[start:m.end()],), look.surfaces.get("%"), "fraction", "%",
                      fixed_value=_round(int(numerator) / denominator * 100))
    _suffixes(text, mention, look)
    return mention


_IMPLICIT_RATE = regex.compile(r"/(?:\d{1,3}(?=\p{Han})(?![\d]*年))?(?:\p{Han}|㎡)")  # a bare figure, a slash and a measure word (39.8/份, 2.35万/㎡, ¥39.9/10斤)


def _slash_pair(text: str, start: int, pos: int, look: _Lookups) -> Mention | None:
    """血压160/100mmHg: the first of two readings whose unit (a slash_pair one) follows
    the second; the second is found by the scan on its own."""
    second = TOKEN.match(text, pos + 1)
    found = _unit_at(text, second.end(), look) if second else None
    if found is None or not found[0].slash_pair:
        return None
    return Mention(start, pos, start, pos, (text[start:pos],), found[0], "quantity", found[0].id)


def _round(value: float) -> float:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


_SMALL_NUMBER = regex.compile(r"\d{1,3}(?:\.\d+)?")  # no year (2023、2024年), no merged thousands
_LIST_ITEM = regex.compile(r"[、和及与](\d{1,3}(?:\.\d+)?)(?![\d.])")
MAX_LIST_ITEMS = 6


def _list_unit(text: str, pos: int, look: _Lookups) -> Unit | None:
    """The unit written after the last number of a list of bare numbers that starts at
    ``pos`` (、3.1和2.0个百分点), each item maybe with a lone 个; None if no list."""
    last = None
    for _ in range(MAX_LIST_ITEMS):
        if text.startswith("个", pos) and not text.startswith("个百分点", pos):
            pos += 1
        item = _LIST_ITEM.match(text, pos)
        if item is None:
            break
        pos = last = item.end()
    found = _unit_after(text, last, look) if last is not None else None
    return found[0] if found else None


def _unit_after(text: str, pos: int, look: _Lookups) -> tuple[Unit, int, int, bool] | None:
    """The unit at ``pos``: (unit, end, half) handling 个月, 个多月, 个半小时, 年半, and an
    approximation marker before it (500余名, 十来天); 3把椅子 keeps 把 as the unit; a
    Latin unit may stand after a space (780 m, 4,860 km)."""
    if text.startswith(" ", pos) and _LATIN.match(text, pos + 1):
        pos += 1
    marker = look.approx_inside_words.at(text, pos)
    if marker and pos + len(marker) < len(text):
        found = _unit_here(text, pos + len(marker), look)  # the marker is read again by _suffixes
        if found:
            return found
    return _unit_here(text, pos, look)


_LATIN_WORD_CHAR = regex.compile(r"[A-Za-z0-9]")


def _unit_here(text: str, pos: int, look: _Lookups) -> tuple[Unit, int, int, bool] | None:
    """(unit, where its surface starts, where the mention ends, 半 or not)."""
    if text.startswith("个", pos):
        after = pos + 1
        half = text.startswith("半", after)
        if text.startswith(("多", "半", "来", "余"), after):
            after += 1  # 两个多月, 一个来月
        unit = _unit_at(text, after, look)
        if unit and unit[0].classifier:
            return unit[0], after, unit[1], half
    split = _split_unit(text, pos, look)
    if split:
        return split
    unit = _unit_at(text, pos, look)
    if unit is None or unit[0].id == "月":  # a bare 月 after a number is a date
        return None
    end, half = unit[1], False
    if _LATIN.match(text, end - 1) and _LATIN_WORD_CHAR.match(text, end):
        return None  # 4LZ-8.0型: a model code, not 4 升
    if text.startswith("半", end) and (unit[0].kind in ("duration", "age") or unit[0].tenths or not _HAN.match(text, end + 1)
                                       or unit[0].kind == "area"  # 两亩半天麻
                                       or (unit[0].kind in ("weight", "length") and text[end + 1:end + 2] not in "价径")  # 一斤半米
                                       or (unit[0].kind == "count" and text[end + 1:end + 2] not in _HALF_WORD_STARTS  # 两张半蚕种
                                           and look.surface_words.at(text, end + 1) is None)  # (一包半公斤 is one pack of half a kilo)
                                       or look.approx_after_words.at(text, end + 1) or text[end + 1:end + 2] in ("到", "至", "的", "乘", "卖", "算")):
        half, end = True, end + 1  # 一年半(时间), 三斤半, 一成半(是), 五斤半上下, 两斤半到三斤; not 5米半径
    return unit[0], pos, end, half


_HALF_WORD_STARTS = "价径年月天日夜晌身岛导边路山成拉截场程数票劳"  # 一张半价票, 一个半劳力: 半 opens a word of its own


def _split_unit(text: str, pos: int, look: _Lookups) -> tuple[Unit, int, int, bool] | None:
    """两分多钟, 十秒来钟, 一分半钟: a one-character approximation marker, or 半, inside a
    two-character unit."""
    surface = text[pos:pos + 1] + text[pos + 2:pos + 3]
    if len(surface) == 2 and text[pos + 1:pos + 2] in look.rules.approx_inside and surface in look.surfaces:
        return look.surfaces[surface], pos + 2, pos + 3, False
    unit = look.surfaces.get(surface) if len(surface) == 2 and text[pos + 1:pos + 2] == "半" else None
    if unit is not None and unit.kind == "duration":
        return unit, pos + 2, pos + 3, True  # 一分半钟: one and a half minutes
    return None


_LONE_ER = regex.compile(r"(?<![\d〇零一二两三四五六七八九十百千万])二$")


def _unit_at(text: str, pos: int, look: _Lookups, guarded: bool = True) -> tuple[Unit, int] | None:
    """The longest unit surface at ``pos`` that its not_before words allow (any, unguarded)."""
    surface = look.surface_words.at(text, pos)
    if surface and not guarded:
        return look.surfaces[surface], pos + len(surface)
    while surface:
        unit = look.surfaces[surface]
        rest = pos + len(surface)
        blocker, needed = look.not_before.get(unit.id), look.only_before.get(unit.id)
        if unit.id in look.only_after:
            needed = None  # with only_after too, either context will do: checked by _quantity
        numeral = len(surface) == 1 and surface in DIGITS and look.surface_words.at(text, rest) is not None \
            and not _LONE_ER.search(text, max(0, pos - 2), pos)  # 一百二两盒 (but 二两米 is rice: no 二 stands alone)
        if (blocker is None or not blocker.match(text, rest)) and (needed is None or needed.match(text, rest)
                                                                   or _part_follows(text, rest, unit)) and not numeral:
            return unit, rest  # (1甲2分: a tenth of the unit after it lets it count)
        other = next((unit for unit in look.rules.surface_alternatives.get(surface, ())
                      if unit.id in look.only_before and look.only_before[unit.id].match(text, rest)), None)
        if other is not None and not numeral:
            return other, rest  # 三分地: not the score's 分, which 地 blocks, but the 亩's, which it calls for
        other = next((unit for unit in look.rules.surface_alternatives.get(surface, ())
                      if unit.id in look.context_words and unit.id not in look.not_before
                      and look.context_words[unit.id].search(text, max(0, pos - CONTEXT_REACH), pos)), None)
        if other is not None and not numeral:
            return other, rest  # 按月息2分支付: not the score's 分, which 支 blocks, but the interest's (checked by _quantity)
        # 3块地 is no money, 3位数 no people: try a shorter surface
        surface = next((text[pos:pos + n] for n in range(len(surface) - 1, 0, -1) if text[pos:pos + n] in look.surfaces), None)
    return None


def _suffixes(text: str, mention: Mention, look: _Lookups) -> None:
    """Approximation and rate words right after the mention: 左右, 以上, 多, /斤."""
    pos = mention.end
    # markers between the number and the unit count too: 500余名, 两个多月, 十来天
    between = text[mention.num_end:mention.unit_start if mention.unit_start is not None else mention.end]
    inside = next((word for word in look.approx_inside_words.longest_first if word in between), None)
    if inside:
        mention.approx, mention.approx_rule = look.rules.approx_inside[inside]
    marked = False
    for _ in range(2):  # 元/斤左右 and 左右/斤 alike; one marker only (3.0级以上余震: 余 is no second one)
        if not marked:
            after = _approx_after(text, pos, mention, look)
            marked, pos = after != pos, after
        pos = _rate_after(text, pos, mention, look)
    mention.end = pos


_ASIDE = regex.compile(r"[(（][^()（）]{1,6}[)）]")
_PLUS = ("+", "＋")


def _approx_after(text: str, pos: int, mention: Mention, look: _Lookups) -> int:
    """左右, 以上 … after the mention, also after a short aside: 10亿斤(原粮)左右."""
    aside = _ASIDE.match(text, pos) if text[pos:pos + 1] in ("(", "（") else None
    for start in (pos, aside.end() if aside else None):
        word = look.approx_after_words.at(text, start) if start is not None else None
        if word:
            approx, rule_id = look.rules.approx_after[word]
            following = text[start + len(word):start + len(word) + 1]
            if following and following in look.rules.approx_not_before.get(rule_id, ""):
                return pos  # 5人不到场: 不到 is the verb here
            if word in _PLUS and _HAN.match(text, start - 1) and _HAN.match(following):
                return pos  # 底薪2280元+加班费: a plus after the unit's word adds the next item, no "or more"
            mention.approx, mention.approx_rule = approx, rule_id
            return start + len(word)
    counted = _NOUN_THEN_APPROX.match(text, pos) if mention.unit and (mention.unit.kind == "count" or mention.unit.kind_by_noun) else None
    if counted and counted.group(1) in look.rules.approx_after:  # 一天能编20个果篮左右: the word after the noun
        mention.approx, mention.approx_rule = look.rules.approx_after[counted.group(1)]
    return pos


_NOUN_THEN_APPROX = regex.compile(r"[^\P{Han}〇零一二两三四五六七八九十百千万亿几]{1,3}?(左右|上下|以上|开外)(?=[，。；！？,;!?\s]|$)")


def _rate_after(text: str, pos: int, mention: Mention, look: _Lookups) -> int:
    if mention.per or mention.unit.kind == "age":
        return pos  # 80岁至99岁每人2000元: an age has no rate; 每人 is the sum's
    word = look.rate_after_words.at(text, pos)
    if word is not None and word.startswith("/") and len(look.surface_words.at(text, pos + 1) or "") >= len(word):
        word = None  # 1600吨/平方公里: the longer unit after the slash, not /平
    if word is not None and not (word.startswith("每") and _HAN.match(text, pos + len(word))) \
            and not (word.startswith("一") and (_LONGER_WORD.match(text, pos + len(word)) or _part_follows(
                text, pos + len(word), look.surfaces.get(word[1:])))) \
            and look.rules.rate_after[word][0] != mention.unit.unit:  # 租了3年一年都没回去: no 年 per 年
        # 1000元每人 closes the figure; 196人每人奖励… opens the next; 4—6人一间, but not 3人一个月… nor 30人一年级
        mention.per, mention.per_rule = look.rules.rate_after[word]
        return pos + len(word)
    if text.startswith("/", pos):  # 28微克/立方米: any unit after a slash
        amount = _SLASH_AMOUNT.match(text, pos + 1)  # 80毫克/100毫升: the denominator has an amount
        unit_at = amount.end() if amount else pos + 1
        unit = _unit_at(text, unit_at, look) or _unit_at(text, unit_at, look, guarded=False)  # 1.26毫克/升降至: a unit after a slash is one
        if unit and amount and unit[0].kind not in MEASURE_KINDS and mention.unit.kind != "money":
            unit = None  # 500千瓦/1000千瓦时: two readings of a plant, not a rate (but ¥10/4根 is a price)
        if unit and not amount and {unit[0].unit, mention.unit.unit} <= EITHER_MEASURES:
            return unit[1]  # 240件/套: one measure word or the other (件或套), not a rate (but 12瓶/箱 is)
        if unit:
            mention.per = (amount.group() if amount else "") + unit[0].unit
            mention.per_rule = f"slash/{unit[0].id}"
            return unit[1]
    return pos


_SLASH_AMOUNT = regex.compile(r"\d+(?=\p{Han}|[A-Za-z])")  # 12.8元/500g as 80毫克/100毫升
_LONGER_WORD = regex.compile(r"[级月半度期代]|(?<=个)\p{Han}|(?<=次)[性过]")  # 一年级, 一个月, 一年半, 一个时段, 一次性: 一年, 一个, 一次 begin a longer phrase


def _part_follows(text: str, pos: int, unit: Unit | None) -> bool:
    """Do a digit and a unit a tenth of ``unit`` (its ``part``) follow ``pos``? 一斤二两, 1甲2分:
    the unit is the first of a compound figure, neither a rate nor blocked."""
    return unit is not None and bool(unit.part) and (digit := _TENTH.match(text, pos) or _TENTH_DIGIT.match(text, pos)) is not None \
        and text.startswith(unit.part, digit.end())
MEASURE_KINDS = ("weight", "volume", "length", "area")  # the kinds a denominator with an amount is in
EITHER_MEASURES = {"件", "套", "台", "部"}  # 件/套, 台/套: a count of items or sets, written as two measure words


_DOER = regex.compile(r"(?![村镇乡组县市省区月年天季项点方人])\p{Han}{2,4}(?<![区村镇乡组县市省厂店])的(?=[，。；！？,;!?\s]|$)")  # 三个卖菜的: a verb phrase and 的 name the doers
_VERB_BETWEEN = regex.compile(r"[都在也是去进到了的还]")


def _counted_noun(text: str, mention: Mention, look: _Lookups) -> None:
    """Which noun list names what the figure counts: 劳动力 (person), 种植户 (household)."""
    after = text[mention.end:mention.end + 10]
    run = _HAN_RUN.match(after)
    run = run.group() if run else ""
    person = look.noun_sets["person"].at(run)
    firm = look.noun_sets["firm"].at(run) or look.noun_sets["group"].at(run)  # 9个村民小组: groups, not 村民
    if firm and person and len(person) > len(firm):
        firm = None  # 店员 is a person, though 店 is a firm
    inside = look.firm_words.search(run, 0, 16)
    firm_at = inside.start() if inside and inside.start() < 8 else None
    if firm_at is not None and (person and firm_at - len(person) > 2 or _VERB_BETWEEN.search(run, len(person or ""), firm_at)):
        firm_at = None  # 果农加入了电商合作社, 两个人都在厂里, 21户名单在各村民小组公示: the firm is where they are, not what is counted
    if firm or (firm_at is not None and firm_at >= len(person or "")):
        mention.noun, mention.noun_role = firm, "firm"  # 农民专业合作社 counts firms, not farmers
        return
    for role, word in (("person", person), ("household", look.noun_sets["household"].at(run))):
        if word:
            mention.noun, mention.noun_role = word, role
            return
    if _HOUSEHOLD_HEAD.match(run):
        mention.noun_role = "household"
    elif mention.unit.unit == "个" and _DOER.match(after):
        mention.noun_role = "person"  # 四五个端菜洗碗的: those who do it
    elif head := _PERSON_HEAD.match(run):
        mention.noun_role = "person"  # 球员, 参与者, 绣娘: nouns for people the list does not name
        if mention.unit.kind not in PERCENT_KINDS and mention.unit.kind != "money":
            mention.noun = head.group()  # but 60%用于社员分红 counts no 社员


class WordList:
    """A set of words, found by longest match at a position (a regex named list).

    >>> WordList(["种植", "种植户"]).at("木耳种植户", 2)
    '种植户'
    """

    def __init__(self, words):
        self.words = frozenset(str(w) for w in words)
        self.longest_first = sorted(self.words, key=len, reverse=True)
        self._re = regex.compile(r"\L<words>", words=sorted(self.words)) if self.words else None

    def at(self, text: str, pos: int = 0, shortest: int = 1) -> str | None:
        m = self._re.match(text, pos) if self._re else None
        return m.group() if m and len(m.group()) >= shortest else None

    def __contains__(self, word: str) -> bool:
        return word in self.words


def _bracket_unit(text: str, start: int, pos: int, tokens: list[str], look: _Lookups) -> Mention | None:
    """约2.5万（人）, 销量（辆）为4.86万: a unit in brackets right after the number, or
    after the label just before it."""
    after = _BRACKET_AFTER.match(text, pos)
    before = None if after else _BRACKET_BEFORE.search(text, max(0, start - 12), start)
    found = _unit_in(after or before, look)
    if found is None or (before and before.group("magnitude")):
        return None  # 面积（万亩）：12 folds 万 into a table's bare cells, not into prose
    unit = found[0]
    mention = Mention(start, after.end() if after else pos, start, pos, tuple(tokens), unit, "bracket", unit.id)
    per = (after or before).group("per")
    if per:  # 单产（公斤/亩）为183.5
        mention.per, mention.per_rule = _per_unit(per, look), "bracket"
    _suffixes(text, mention, look)
    return mention


_LABEL_OF_LINE = regex.compile(r"[^\n：:|｜]{1,36}(?:[：:]|[ \t\u3000]*[|｜]|(?<=[\p{Han}）”])[ \t\u3000])[ \t\u3000]*")  # 🔸带鱼（中条）：, ▪️1995届 陈二毛｜, 东营子镇　　28,600
_LABELLED_LINE = regex.compile(_LABEL_OF_LINE.pattern + r"[\d〇一二两三四五六七八九十][^\n]{0,40}")  # 🔸带鱼（中条）：38—45
_CELL_GAP = regex.compile(r"(?<=[\d）)%])[ \t\u3000|]+[^ \t\u3000|\n]+\Z")  # 燃油费：318.2　人工费：276.0: a label after a figure and a gap
LIST_REACH = 12  # lines from a list item up to its caption
_LIST_HEADING = regex.compile(r"\s*(?:(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])\p{Han}{2,12}[：:]?\s*)?")  # 一、单位捐款 between a caption and its list (or a blank line)
_BARS = regex.compile(r"[|｜]")


def _list_caption_unit(text: str, start: int, pos: int, tokens: list[str], look: _Lookups) -> Mention | None:
    """【今日鱼价】（单位：元/斤） over lines of 带鱼：38—45, 小黄鱼：22左右: the one unit of a
    caption above a list of labelled figures is the unit of each line's bare figure."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    paired = _label_figure_pairs(text[line_start:line_end])
    gap = _CELL_GAP.search(text, line_start, start)
    label_start = gap.end() - len(gap.group().lstrip(" \t\u3000|")) if gap else line_start
    if paired:  # the label is the cell before the figure's
        bars = [m.end() for m in _BARS.finditer(text, line_start, start)]
        label_start = bars[-2] if len(bars) > 1 else line_start
    if not _LABEL_OF_LINE.fullmatch(text, label_start, start):
        return None
    if _BARS.search(text, label_start, start) and (len(_BARS.findall(text, line_start, line_end)) > 1 or text[pos:line_end].strip()) \
            and not paired:
        return None  # ▪️1995届 陈二毛｜20,000: a label, a bar and the line's one figure (not a header row 项目|2025年末|…)
    end = line_start - 1
    for _ in range(LIST_REACH):
        if end <= 0:
            return None
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if "单位" in line and not _LIST_HEADING.fullmatch(line):
            return _caption_mention(text, start, pos, tokens, _caption_units(line, look), text[label_start:start], look)
        if (bracketed := _BRACKETED_CAPTION.search(line)) and not _LIST_HEADING.fullmatch(line):  # 雨量预报（毫米）：
            return _caption_mention(text, start, pos, tokens, _caption_units("单位：" + bracketed.group(1), look),
                                    text[label_start:start], look)
        if not (_LABELLED_LINE.fullmatch(text, begin, end) or _LIST_HEADING.fullmatch(line)):
            return None
        end = begin - 1
    return None


def _label_figure_pairs(line: str) -> bool:
    """城关| 25~35| 白塔| 20~30: a line of labels and figures by turns, two items of a list side by side."""
    cells = [cell.strip() for cell in _BARS.split(line)]
    return len(cells) >= 4 and len(cells) % 2 == 0 and not any(ch.isdigit() for cell in cells[0::2] for ch in cell) \
        and all(cell[:1].isdigit() for cell in cells[1::2])


_BRACKETED_CAPTION = regex.compile(r"[（(]([^\s（）()，。；：:、]{1,8})[）)][：:][ \t\u3000]*$")  # 累计雨量预报（毫米）： over 城关　25～35
_INLINE_LIST_CAPTION = regex.compile(r"[（(](?:单位[：:])?(?P<unit>[^\s（）()，。；：:、]{1,8})[）)][：:][ \t\u3000]*")
_INLINE_LIST_LABEL = r"\p{Han}[^\s\d，。；：:、|｜]{0,9}?"
_INLINE_LIST_ITEMS = regex.compile(rf"(?:{_INLINE_LIST_LABEL}[\d.,～~—–－\-至到]+(?:左右|以上|以下)?[ \t\u3000、，,；;|｜]+)*(?P<label>{_INLINE_LIST_LABEL})")


def _inline_list_unit(text: str, start: int, pos: int, tokens: list[str], look: _Lookups) -> Mention | None:
    """码头收购价（元/斤）：带鱼18～22　小黄鱼9.5: the one unit a caption names in brackets before
    its colon is the unit of each bare figure of the labelled list after it on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    caption = None
    for caption in _INLINE_LIST_CAPTION.finditer(text, line_start, start):
        pass
    items = caption and _INLINE_LIST_ITEMS.fullmatch(text, caption.end(), start)
    if not items:
        return None
    return _caption_mention(text, start, pos, tokens, _caption_units("单位：" + caption.group("unit"), look), items.group("label"), look)


def _caption_mention(text: str, start: int, pos: int, tokens: list[str], units: list | None, label: str,
                     look: _Lookups) -> Mention | None:
    """The bare figure of a list item in the one unit its caption names, of the item's label."""
    if not units or len(units) != 1:
        return None
    (unit, magnitude), per = units[0]
    values = [parse_number(token) for token in tokens]
    if None in values:
        return None
    mention = Mention(start, pos, start, pos, tuple(tokens), unit, "caption", unit.id, fixed_value=_scaled(values[0], magnitude),
                      fixed_value_max=_scaled(values[1], magnitude) if len(values) > 1 else None, noun=_line_label(label))
    mention.per, mention.per_rule = per, "caption" if per else None
    _suffixes(text, mention, look)
    return mention


_LABEL_EDGES = regex.compile(r"^[^\p{Han}A-Za-z0-9]*(?:(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,2}、)[^\p{Han}A-Za-z0-9]*)?"
                            r"|[\s：:|｜]+$")  # marks and a list item's number; the separator


def _line_label(label: str) -> str | None:
    """🔸带鱼（中条）： → 带鱼（中条）, 2.白萝卜： → 白萝卜, 　　东　营　子　镇　　 → 东营子镇: what a list
    line's figure is of."""
    label = _LABEL_EDGES.sub("", WHITE_SPACE.sub("", label))
    return _FIGURED_ASIDE.sub("", label) or label or None  # 集体杉木林流转租金（1200亩，每亩每年30元）: the aside's figures are facts of their own


_FIGURED_ASIDE = regex.compile(r"[（(](?=[^（）()]*\d)(?=[^（）()]*[，,每])[^（）()]*[）)]$")  # but 匿名（微信转账尾号6618） keeps its aside


def _symbol_before(text: str, start: int, look: _Lookups) -> tuple[int, str] | None:
    """(where it starts, the symbol) of a currency sign right before ``start``, a space
    allowed between (USD 2.5亿)."""
    end = start - 1 if start and text[start - 1] == " " else start
    symbol = look.symbol_words.at(text[max(0, end - 3):end][::-1])
    return (end - len(symbol), symbol[::-1]) if symbol else None


_ADVERBS_AFTER = "都也就才又"
_FRACTION_AT = regex.compile(r"分之(?!间)")  # 三分之一, but 六百零八分之间 is points, then 之间
_DIGITS_GO_ON = regex.compile(r"[ \t\u00a0\u3000]\d")


def _unitless(text: str, start: int, pos: int, tokens: list[str], look: _Lookups) -> Mention | None:
    """A number with no unit: a counted noun after it, or a word before it, names the unit."""
    symbol = _symbol_before(text, start, look)  # ￥500, US$100, USD 2.5亿
    if symbol:
        unit = look.rules.symbols[symbol[1]]
        high = _range_end(text, pos, sign=symbol[1]) if len(tokens) == 1 else None
        if high:  # HK$1,850至HK$5,460: the sign repeated before the upper bound
            tokens, pos = [*tokens, high.group()], high.end()
        mention = Mention(symbol[0], pos, start, pos, tuple(tokens), unit, "symbol", unit.id)
        _suffixes(text, mention, look)
        return mention
    bracketed = (_bracket_unit(text, start, pos, tokens, look) or _list_caption_unit(text, start, pos, tokens, look)
                 or _inline_list_unit(text, start, pos, tokens, look))
    if bracketed:
        return bracketed
    if len(tokens) > 1 and not all(_QUALIFIED.search(t) for t in tokens) or _FRACTION_AT.match(text, pos):
        return None  # 两千五到三千 may take an implicit unit; 三到五 alone is no figure
    if _DIGITS_GO_ON.match(text, pos):
        return None  # 800—1 500元: a number the scan split at a space goes on; it has its unit after
    token = tokens[0]
    qualified = _QUALIFIED.search(token) is not None
    after = text[pos:pos + 8]
    marker = look.approx_inside_words.at(text, pos)
    approx_inside = marker is not None
    noun_at = pos + len(marker or "")
    if qualified and len(tokens) == 1:
        for role, unit_id in (("person", "人"), ("household", "户")):
            word = look.noun_sets[role].at(text, noun_at, shortest=2)
            if word and not (role == "household" and not word.endswith(("户", "家庭", "人家"))):
                mention = Mention(start, noun_at, start, pos, (token,), look.surfaces[unit_id], "counted-noun", f"nouns:{role}")
                mention.noun, mention.noun_role = word, role
                _suffixes(text, mention, look)
                mention.end = noun_at + len(word)
                return mention
    left = clause_start(text, start)
    if left and text[left - 1] in "：:" and not text[left:start].strip():
        left = clause_start(text, left - 1)  # 彩礼：8.8w: the label before the colon names the figure
    before = text[left:start]
    # A word right after a bare number may be what it counts (在校生1200学生…): only a
    # 万/亿 figure after a money word (投资5个亿建设) is safe to read as 元 then.
    marker = look.approx_after_words.at(text, pos)  # 两千出头: what follows the marker counts
    next_char = text[pos + len(marker):pos + len(marker) + 1] if marker else after[:1]
    followed = (bool(next_char) and _WORD_CHAR.match(next_char) is not None and not approx_inside
                and next_char not in MODAL_PARTICLES  # 估计能落个二十五六万吧: 吧 ends the clause
                and next_char not in "加和及"  # 底薪3200加计件: another part of the sum follows
                and next_char not in _ADVERBS_AFTER  # 收车价四万到四万五都正常: an adverb opens what is said of it
                and look.rate_after_words.at(text, pos + len(marker or "")) is None  # 租金1300一个月: its rate follows
                and not _CLAUSE_CLOSER.match(text, pos + len(marker or ""))  # 一个月就快一千了。
                and not text.startswith("之间", pos + len(marker or ""))  # 在7k—9k之间: the range's frame
                and not _CHANGED_TO_NEXT.match(text, pos + len(marker or ""))  # 粉丝从3.2万涨到8.9万: the change, then the new level
                and not look.reckoned_next.match(text, pos + len(marker or ""))  # 按常住人口约427万计算, 均价按十七算
                and not (marker in _BOUND_AFTER and next_char == "的"))  # 月薪6000以上的岗位: the bound ends the figure
    for pattern, rule in look.implicit_after:
        if qualified and not approx_inside and (pattern.match(text, pos) or (marker and pattern.match(text, pos + len(marker)))):
            mention = Mention(start, pos, start, pos, tuple(tokens), _implicit_unit(rule, look), "implicit", rule.id)
            _suffixes(text, mention, look)
            return mention
    best = None
    for pattern, words, rule in look.implicit:
        if not qualified:
            break
        if rule.get("needs_magnitude") and not _BIG_MAGNITUDE.search(tokens[-1]):
            continue
        if followed and not (rule.get("needs_magnitude") and next_char != "\n" and not next_char.isdigit()) \
                and not words.match(text, pos):  # 满三百减三十: the rule's own word goes on
            continue
        if not pattern.search(before):
            continue
        found = max(m.start() for m in pattern.finditer(before, overlapped=True))  # the rule's word nearest the figure
        if best is None or found > best[0]:
            best = (found, rule)  # 船员工资一个月一万二: 工资, nearer the figure than 员工, names it
    if best is not None:
        mention = Mention(start, pos, start, pos, tuple(tokens), _implicit_unit(best[1], look), "implicit", best[1].id)
        _suffixes(text, mention, look)
        return mention
    money_of = next_char == "的" and names_money(text, pos, pos + WRITTEN_NOUN_REACH, look)  # 1.5w的农房改造补贴
    for letters, rule in look.implicit_written if not followed or money_of else ():
        if all(len(t) > 1 and t[-1] in letters and t[-2].isdigit() for t in tokens):  # 开价3.2k, 1.8k-2.4k
            mention = Mention(start, pos, start, pos, tuple(tokens), _implicit_unit(rule, look), "implicit", rule.id)
            _suffixes(text, mention, look)
            return mention
    answered = _question_answered(text, start, look) if qualified and not followed and len(tokens) <= 2 else None
    if answered is not None:
        mention = Mention(start, pos, start, pos, tuple(tokens), answered[0], "implicit", answered[1])
        _suffixes(text, mention, look)
        return mention
    return None


WRITTEN_NOUN_REACH = 10
ASKED_UNIT_RULE = "unit-named-in-the-question"  # 一天卖多少个包子？ 一千二左右吧: 1200 个


_BOUND_AFTER = ("起步", "起", "左右", "上下", "以上", "以下")  # 3万一平起步: a bound after the rate still ends it


def _answers(mention: Mention, look: _Lookups) -> bool:
    return mention.pattern == "implicit" and (mention.rule == ASKED_UNIT_RULE or any(
        rule.id == mention.rule for _, rule in look.implicit_question))


ANSWER_REACH = 60  # characters from a question's mark to the figures that answer it
HOW_MUCH = regex.compile(r"多少|几(?!口|个人|岁)|咋算|怎么算|好多钱|几多钱|几钱")  # a question of an amount (好多钱, 几多钱: south-western, Cantonese)


def question_before(text: str, start: int) -> int | None:
    """Where the question mark stands of the question the figure at ``start`` answers: on
    its own line before it, or closing the last line before (blank lines skipped), at most
    ANSWER_REACH characters back (记者：一个月能挣多少？ / 唐秀梅：好的时候小一万)."""
    line_start = text.rfind("\n", 0, start) + 1
    mark = max(text.rfind("？", line_start, start), text.rfind("?", line_start, start))
    if mark < 0:
        mark = line_start - 1
        while mark >= 0 and text[mark].isspace() and start - mark <= ANSWER_REACH:
            mark -= 1  # back over the line break and blank lines, not over the article
        if mark < 0 or text[mark] not in "？?":
            return None
    return mark if start - mark <= ANSWER_REACH else None


def _question_answered(text: str, start: int, look: _Lookups) -> tuple[Unit, str] | None:
    """The unit and rule of the question a spoken figure answers: the unit of an implicit
    rule whose question words it holds (一个月能挣多少？ is 元), else the unit it names
    after 多少 or 几 (一天卖多少个包子？ is 个)."""
    mark = question_before(text, start) if look.implicit_question else None
    if mark is None:
        return None
    asked_from = clause_start(text, mark, SENTENCE_END)
    question = text[asked_from:mark]
    how_much = HOW_MUCH.search(question)
    if not how_much:
        return None  # 您今年多大了？ 家里几口人？ ask no sum
    rule = next((rule for words, rule in look.implicit_question if words.search(question)), None)
    if rule is not None:
        return _implicit_unit(rule, look), rule.id
    asked_at = asked_from + how_much.end()
    asked = _unit_at(text, asked_at, look)
    # not a length of time or an age: 开多少年了？ 十八年喽。我今年五十一 (the answer says its 年)
    if not asked or asked[0].kind in ("money", "duration", "age"):
        return None
    said = regex.search(rf"[\d{CN_NUMERAL_CHARS}]{regex.escape(text[asked_at:asked[1]])}", text[mark + 1:start])
    return None if said else (asked[0], ASKED_UNIT_RULE)  # 几台机器？ 三台。…一万三: answered, the sum is no 台


def _implicit_unit(rule, look: _Lookups) -> Unit:
    unit = look.surfaces.get(rule.get("unit"))
    if unit is not None:
        return unit
    return Unit(id=rule.id, unit=rule.get("unit"), kind=rule.get("kind"), factor=1, classifier=False,
                kind_by_noun=False, tenths=False, not_before=())


def clause_start(text: str, pos: int, ends: str = CLAUSE_END) -> int:
    """Where the clause holding ``pos`` starts (after the last ，。；、 …); with
    ``ends=SENTENCE_END``, where its sentence starts."""
    k = pos
    while k > 0 and text[k - 1] not in ends:
        k -= 1
    return k


# ---------------------------------------------------------------- exclusions


MAX_BLOCK = 64  # no exclusion span is longer: look back this far for one that overlaps


def _excluded(text: str, mention: Mention, spans: DocSpans, keep_if_qualified: set[str]) -> str | None:
    """The reason this mention is not a fact, or None."""
    for check in (_ordinal, _denominator, _date, _vague):
        reason = check(text, mention)
        if reason:
            return reason
    first = bisect_left(spans.blocked, (mention.num_start - MAX_BLOCK,))
    for start, end, rule_id, scope in spans.blocked[first:]:
        if end <= mention.num_start:
            continue
        if start >= mention.end:
            break
        if scope == "mention" and not (start <= mention.start and mention.end <= end):
            continue
        qualified = mention.approx or mention.half or mention.fraction or mention.pattern == "compound" \
            or len(mention.tokens) > 1
        if qualified and rule_id in keep_if_qualified:  # 不到一年, 一年半, 一块五, 一年零三个月, 一到两年
            continue
        if start < mention.num_end and mention.num_start < end:
            return f"excluded by rule {rule_id}: {text[start:end]}"
    quoted = _enclosing(spans.quoted, mention)
    return f"inside a quoted name: {text[slice(*quoted)]}" if quoted else None


def _ordinal(text: str, mention: Mention) -> str | None:
    if mention.num_start and text[mention.num_start - 1] == "第":
        return "an ordinal (第…)"
    return None


def _denominator(text: str, mention: Mention) -> str | None:
    if mention.num_start and text[mention.num_start - 1] == "每" \
            and not _INTERVAL.search(text, mention.num_end, mention.end + 2) and not _INTERVAL_AFTER.match(text, mention.end) \
            and not (mention.unit is not None and mention.unit.kind == "duration" and _INTERVAL_LATER.match(text, mention.end)):
        return "the denominator of a rate (每10股, 每千人)"
    if mention.tokens == ("1",) or mention.tokens == ("一",):
        if _EACH_DONE.search(text, max(0, mention.num_start - 6), mention.num_start):
            return "the denominator of a rate (每吸纳1名, 每销售1吨)"
    if mention.unit is not None and mention.unit.kind in ("weight", "count") and _LOT.fullmatch(mention.tokens[0]) \
            and _PRICE_NEXT.match(text, mention.end):
        return "the lot a price is for (两斤六十)"
    return None


_LOT = regex.compile(r"[2-9]|[两俩仨三四五六七八九十]")
_PRICE_NEXT = regex.compile(r"(?:只要|只卖|才|就|卖)?[一二两三四五六七八九十百千]{1,6}(?:块钱?|元)?[一二三四五六七八九]?(?=[，。！？；,!?;…\s]|$)")


_EACH_DONE = regex.compile(r"每(?:成功|新)?(?![年月天日周季人户亩个次位名只头件台家平米公斤吨升元股份箱盒袋瓶]|[运车班架航]次)\p{Han}{2}$")  # 每吸纳1名脱贫劳动力，补贴2000元, 每成功输送1人 (but 每运次1元)

_INTERVAL = regex.compile(r"一[班趟次轮列]")  # 每2.5分钟一班: an interval, a figure of its own
_INTERVAL_AFTER = regex.compile(r"[发开有跑]一[班趟次轮列]")  # 每15分钟发一班车
_INTERVAL_LATER = regex.compile(r"[^，。；;,\d〇零一二两三四五六七八九十百千万]{1,12}一[次班趟轮]")  # 每30分钟报送一次水情: how often, a duration


def _date(text: str, mention: Mention) -> str | None:
    unit = mention.unit
    if unit is None or unit.unit != "年":
        return None
    if (ARABIC_YEAR.fullmatch(mention.tokens[0]) or CN_YEAR.fullmatch(mention.tokens[0])) \
            and not text.startswith(("多", "余"), mention.num_end):
        return "a year (date), not a length of time"  # 2023年, 一九六四年至七八年; but 树龄1300多年
    if len(mention.tokens) == 1 and _clipped_year(mention.tokens[0]):
        return "a year written with two digits (零九年, 一八年), not a length of time"
    return None


SPOKEN_PAIRS = {(3, 5)}  # 三五年: three to five years, though the digits are not neighbours


def _clipped_year(token: str) -> bool:
    """零九年, 一八年: two numeral digits that are no spoken range (七八年, 三五年) name a year."""
    if len(token) != 2 or not all(ch in DIGITS for ch in token) or token[0] in "两兩俩倆":
        return False
    first, second = (int(parse_number(ch)) for ch in token)
    return first == 0 or (second != first + 1 and (first, second) not in SPOKEN_PAIRS)


_COUNT_NOUN = regex.compile(r"[人户次总件个岁基指分天位股票台辆床头只家场亩册所条本字页名班]数$")  # 参保人数一百零八万人


def _vague(text: str, mention: Mention) -> str | None:
    if mention.fixed_value is not None:
        return None
    before = text[max(0, mention.num_start - 1):mention.num_start]
    first = mention.tokens[0]
    if before in ("数", "几") and not first[0].isdigit() and not _COUNT_NOUN.search(text, 0, mention.num_start):
        return "a vague amount (数百, 几千)"
    if before == "上" and first == "百":
        return "a vague amount (上百)"
    for token in mention.tokens:
        if parse_quantity(token) is None:
            return "a vague amount or not a number"
    return None
