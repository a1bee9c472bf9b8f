"""Stage 4: turn a mention into the contract's normalized fields: value in base
units, value_max, canonical unit, kind, approx and per."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex

from .mentions import (CHANGE_VERBS, CLAUSE_END, HOW_MUCH, MINUS_SIGNS, PERCENT_KINDS, SENTENCE_END, Mention, clause_start as _clause_start, lookups,
                       names_money, question_before)
from .numerals import parse_number, parse_quantity
from .rules import Rules

MAGNITUDE_SUFFIX = regex.compile(r"[十百千万萬亿億]+$")
BARE_MAGNITUDES = {"十", "百", "千", "万", "萬", "亿", "億"}
_ALL_HAN = regex.compile(r"\p{Han}*")


@dataclass
class Normalized:
    value: float
    value_max: float | None
    unit: str
    kind: str
    approx: str | None
    per: str | None
    steps: list[str]  # how each field was decided, for --explain


def normalize(text: str, mention: Mention, rules: Rules, taken: list[tuple[int, int]],
              blocked: list[tuple[int, int]] = ()) -> Normalized | None:
    """Normalized fields of ``mention`` in cleaned ``text``, or None if it has no value.

    ``taken`` holds the spans of the document's mentions and ``blocked`` those of set
    phrases: a rate marker inside either (`不到一年`, `一次性`) is no denominator.
    """
    steps: list[str] = []
    values = _values(mention, steps)
    if values is None:
        return None
    value, value_max, approx = values
    unit = mention.unit
    if mention.half:
        value += 0.5
        steps.append("半: +0.5")
    whole = value
    if mention.fraction is not None:
        value = _clean_float(whole + mention.fraction)
        steps.append(f"digits after the unit (七成六, 四块五, 1米75): +{mention.fraction}")
    if mention.fraction_max is not None:  # 两块八到三块二; 两块四五 (one whole, two tenths)
        value_max = _clean_float((whole if value_max is None else value_max) + mention.fraction_max)
    factor = unit.factor
    if unit.tenths and value <= 10:
        factor = factor * 10
    if factor != 1:
        value = _clean_float(value * factor)
        value_max = None if value_max is None else _clean_float(value_max * factor)
        steps.append(f"factor ×{factor} ({unit.id}{', tenths' if unit.tenths else ''})")
    if _negative(text, mention):
        if not unit.signed and _a_change(text, mention):  # 增长-2.1%, 净利润-1.37亿元, a table's -628.30 or -8.1%
            steps.append("a minus marks a fall or a loss; the contract stores no direction, so the value keeps no sign")
        else:
            value = -value
            steps.append("negative: a minus sign before the number")
    if value_max is not None and unit.signed and _upper_bound_negative(text, mention):
        value_max = -value_max
        steps.append("negative upper bound: a minus sign before it (-6~-4℃)")
    if value_max is not None and value_max < value:  # 1.2万美元至1000美元 is stored 1000–12000
        value, value_max = value_max, value
        steps.append(f"range stored low to high: {value}–{value_max}")
    steps.append(f"unit {unit.unit} (rule {unit.id})")
    kind = _kind(text, mention, rules, steps)
    approx = _approx(text, mention, approx, rules, steps)
    if approx is None and unit.approx:
        approx = unit.approx
        steps.append(f"approx {approx}: the unit {unit.id} tells no more")  # 八旬老人: eighty and more
    if mention.per:
        steps.append(f"per {mention.per}: rule {mention.per_rule}")
    per = mention.per or _per_before(text, mention, kind, rules, taken, blocked, steps) \
        or _per_asked(text, mention, kind, rules, blocked, steps)
    if per == unit.unit and kind != "people":
        per = None  # (but 每名家庭医生签约1680人 is per 人)
    if per and kind in PERCENT_KINDS and per[-1] not in SHARE_PERIODS:  # 每3年递增5% keeps its 3年
        steps.append(f"no per {per}: a share or a change (亩产可增加一成半, 较前一周上升1.7个百分点) is no rate of {per}")
        per = None
    return Normalized(value, value_max, unit.unit, kind, approx, per, steps)


SHARE_PERIODS = ("年", "月", "天", "日")  # a percent per period is an interest or growth rate (年利率, 每日万分之五)


_MINUS = regex.compile(r"(?:(?<![\w.])负|(?<![\dA-Za-z.])(?<!\d\p{Han}{1,2})[-－−]|零下)$")  # 降至-4℃; not the dash of 300-1800, nor 78500元-500元


_BARE_JOIN = regex.compile(r"\s*(?:至|到|~|～|-|－|—|——)\s*")


def _upper_bound_negative(text: str, mention: Mention) -> bool:
    """-6~-4℃, 零下25℃至零下19℃: a minus before the upper bound too; 零下五六度, 零下5至6度: 零下 governs both bounds."""
    start = mention.num_end - len(mention.tokens[-1])
    if len(mention.tokens) == 2 and mention.end > mention.num_end:  # 零下25℃至零下19℃: the unit came between
        start = max(start, text.rfind(mention.tokens[-1], mention.num_start + len(mention.tokens[0]), mention.end))
    if text.startswith("零下", mention.start) and (len(mention.tokens) == 1 or _BARE_JOIN.fullmatch(
            text, mention.num_start + len(mention.tokens[0]), start)):
        return True  # (but 零下3℃至2℃ gives the low bound its own unit: the high one is above zero)
    return len(mention.tokens) == 2 and start > 0 and (text[start - 1] in MINUS_SIGNS or text.endswith("零下", 0, start))


def _negative(text: str, mention: Mention) -> bool:
    """负3.9%, -22.2%, 零下4.3℃: a minus that is no range dash (300-1800) stands right before."""
    m = _MINUS.search(text, max(0, mention.num_start - 3), mention.num_start)
    if m:
        mention.start = min(mention.start, m.start())
        return True
    return False


_CHANGE_BEFORE = regex.compile(rf"(?:{'|'.join(CHANGE_VERBS)}|同比|环比|增速|增幅|增减|变动|比上年|较上年|利润|亏损|收益|毛利|盈利|损益|结余)"
                            r"\p{Han}{0,2}$")


def _a_change(text: str, mention: Mention) -> bool:
    """同比-2.1%, 净利润为-1.37亿元, a table's -628.30 or -8.1%: a change or a result whose
    direction (a fall, a loss) the contract does not store; a bare -22.2% keeps its sign, and
    so does a temperature (its unit is `signed`)."""
    if mention.pattern == "table" or _CHANGE_BEFORE.search(text, max(0, mention.start - 8), mention.start):
        return True
    line_end = text.find("\n", mention.end)
    return "|" in text[text.rfind("\n", 0, mention.start) + 1:line_end if line_end >= 0 else len(text)]  # | 白菜 | -8.1% |


def _clean_float(x: float) -> float:
    rounded = round(x, 9)
    return int(rounded) if rounded == int(rounded) else rounded


def _values(mention: Mention, steps: list[str]) -> tuple[float, float | None, str | None] | None:
    if mention.fixed_value is not None:
        steps.append(f"value {mention.fixed_value} ({mention.pattern})")
        spoken = parse_quantity(mention.tokens[0]) if mention.pattern == "percent-words" else None
        return mention.fixed_value, mention.fixed_value_max, spoken[2] if spoken else None  # 百分之六十几: over
    first = parse_quantity(mention.tokens[0])
    if first is None:
        return None
    value, value_max, approx = first
    if len(mention.tokens) == 2:
        second = parse_quantity(mention.tokens[1])
        if second is None:
            return None
        value, value_max = _range(mention.tokens[0], value, mention.tokens[1], second[0])
        approx = approx or second[2]
    steps.append(f"number {'–'.join(mention.tokens)} → {value}" + (f"–{value_max}" if value_max is not None else ""))
    return value, value_max, approx


def _range(low_token: str, low: float, high_token: str, high: float) -> tuple[float, float]:
    """10至20万 is 100000–200000: the upper bound's magnitude applies to a bare lower bound.
    The bounds stay in the order written (a minus before the range is the first one's)."""
    suffix = MAGNITUDE_SUFFIX.search(high_token)
    if suffix and not MAGNITUDE_SUFFIX.search(low_token):
        scaled = parse_number(low_token + suffix.group())
        if scaled is not None and scaled <= high:
            low = scaled
    return low, high


ACCOUNT_GAP = 10  # characters before a figure in 户 searched for an account word


@lru_cache(maxsize=8)
def _accounts(rules: Rules) -> list[str]:
    """The account words (宽带用户, 企业), longest first, sorted once per rule set."""
    return sorted(lookups(rules).noun_sets["account"].words, key=len, reverse=True)


_HOUSEHOLD_NOUN = regex.compile(r"\p{Han}户")  # 农户, 贫困户 (a 户 cell alone is the unit)
_HOUSEHOLD_LISTED = regex.compile(r"\p{Han}户(?:和|及|与|、|以及)\p{Han}{0,4}$")  # 农户和新型农业


COUNT_WORD_GAP = 6  # 完成四级手术1860例: how far before the number a count_after word may stand


def _kind(text: str, mention: Mention, rules: Rules, steps: list[str]) -> str:
    unit = mention.unit
    kind = unit.kind
    if unit.count_after:
        clause = text[_clause_start(text, mention.num_start):mention.num_start]
        before = clause[-COUNT_WORD_GAP:]
        word = next((w for w in unit.count_after if w in before or f"{w}量" in clause or f"{w}数" in clause), None)  # 手术量比去年同期增加418例
        if word:
            steps.append(f"kind count: {unit.unit} of {word}")
            return "count"
    if unit.unit == "月" and text.startswith("个", mention.num_end) and _MONTHS_OLD.match(text, mention.end):
        steps.append("kind age: 个月大 tells how old")
        return "age"  # 年纪最小的仅8个月大
    if not unit.kind_by_noun:
        return kind
    role = mention.noun_role
    if unit.unit in ("户", "户次"):
        before = text[_clause_start(text, mention.num_start):mention.num_start]
        # 宽带用户60万户, 企业首贷户306户: an account word just before the figure makes the 户
        # accounts; so does one a little before, with no household noun between (停电用户最多
        # 时达21.4万户, but not 企业带动农户2000户)
        near = before[-ACCOUNT_GAP:]
        account = next((w for w in _accounts(rules) if w in before[-len(w) - 3:] or (
            w in near and not _HOUSEHOLD_NOUN.search(near, near.rindex(w) + len(w)))), None)
        if account and any(account in word and word in before[-len(word) - 3:] for word in lookups(rules).noun_sets["household"].words):
            account = None  # 信用户2.4万户: the 用户 inside a household noun
        if account and _HOUSEHOLD_LISTED.search(before, 0, before.rfind(account)):
            account = None  # 农户和农业经营主体2.4万余户: households listed with the accounts
        after = lookups(rules).noun_sets["account"].at(text, mention.end)
        if after:  # 停电约2100户用户: accounts named right after
            steps.append(f"kind count: 户 counts accounts ({after})")
            return "count"
        if role == "firm" or (account and role not in ("person", "household")):  # 企业与3100余户果农: the farmers
            steps.append(f"kind count: 户 counts {'firms (' + (mention.noun or 'firm noun') + ')' if role == 'firm' else 'accounts (' + account + ')'}")
            return "count"
        steps.append("kind households")
        return "households"
    if role == "person" and unit.unit != "家":  # 1260家经营者: 家 counts firms, whatever their noun
        steps.append(f"kind people: counts {mention.noun}")
        return "people"
    if role == "household" and unit.unit not in ("家", "人"):  # 78名脱贫家庭学生, 3人低保家庭: 名 and 人 count people
        steps.append(f"kind households: counts {mention.noun or 'households'}")
        return "households"
    return kind


_MONTHS_OLD = regex.compile(r"大(?![幅规概力量部多于战会修检])")


def _approx(text: str, mention: Mention, token_approx: str | None, rules: Rules, steps: list[str]) -> str | None:
    if token_approx and not mention.approx:
        steps.append(f"approx {token_approx}: inside the number {mention.tokens[0]}")
        return token_approx
    if mention.approx:  # a word beats the number's own vagueness: 百十来块 is about 100
        steps.append(f"approx {mention.approx}: rule {mention.approx_rule}")
        return mention.approx
    start = mention.start if mention.pattern == "symbol" else mention.num_start  # 约USD1.8亿: before the sign
    currency = _currency_before(rules).search(text, max(0, start - 4), start)
    if currency:
        start = currency.start()  # 约为港币238亿元: the word stands before the currency's name
    if start and text[start - 1] == "上" and mention.tokens[0] in BARE_MAGNITUDES:
        mention.start = start - 1
        steps.append("approx over: 上 before a bare magnitude (上万)")
        return "over"
    pattern, reach = _approx_pattern(rules)
    m = pattern.search(text, max(_clause_start(text, start), start - reach), start) if pattern else None
    rate = _RATE_LEAD.search(text, max(0, start - 8), start) if m is None and pattern else None
    if rate:  # 不低于每人每年670元, 约为每平方米6800元: the word stands before the rate's denominator
        start = rate.start()
        m = pattern.search(text, max(_clause_start(text, start), start - reach), start)
    if m is None:
        share = _ABOUT_SHARE_OF.search(text, max(0, start - 30), start) if mention.unit and mention.unit.unit == "%" else None
        if share:  # 约占公司总股本15.66亿股的1.52%: 约占 stands before the base and its figure
            steps.append(f"approx about: {share.group(1)} before the base of the share")
            return "about"
        return None
    if not _may_stand(text, m, rules):
        return None  # 带过一千多个学生 holds no 过
    word, approx, _, rule_id = rules.approx_before[int(m.lastgroup[1:])]
    # 预估每年可服务逾3万6千人次: the word nearest the number (逾) wins, if it may stand there
    # (至少完成过1项: 过 is "over" only before 万, 千, 百, 亿)
    while (closer := pattern.search(text, m.start() + len(word), start)) is not None and _may_stand(text, closer, rules):
        m = closer
        word, approx, _, rule_id = rules.approx_before[int(m.lastgroup[1:])]
    if word.endswith("占") and m.start() + len(word) < start and text.startswith("的", mention.end):
        return None  # 约占公司总股本15.66亿股的1.52%: the base of the share is exact; the share is about
    if m.start() + len(word) == start:  # the word joins the mention, but not the 数 of 人数 in 人数过了五千二
        mention.start = min(mention.start, m.start() + (word[0] in "数量额" and len(word) > 1))
    steps.append(f"approx {approx}: {word} before the number (rule {rule_id})")
    return approx


def _may_stand(text: str, m: regex.Match, rules: Rules) -> bool:
    """Does what follows an approximation word allow it (its rule's only_before characters)?"""
    needed = rules.approx_only_before.get(rules.approx_before[int(m.lastgroup[1:])][3])
    return not needed or text[m.end():m.end() + 1] in needed


_ABOUT_SHARE_OF = regex.compile(r"(约占|大约占)[^，。；;,\n]{1,24}的$")
_RATE_LEAD = regex.compile(r"(?:每一?个?\p{Han}{1,3}?|[人户亩村日月年]均)+$")


@lru_cache(maxsize=8)
def _currency_before(rules: Rules) -> regex.Pattern:
    """The names of currencies (港币, 人民币: surfaces of money units) ending right before a number."""
    names = sorted({surface for surface, unit in rules.surfaces.items() if unit.kind == "money" and len(surface) > 1},
                   key=len, reverse=True)
    return regex.compile("(?:" + "|".join(map(regex.escape, names)) + ")$")


@lru_cache(maxsize=8)
def _approx_pattern(rules: Rules) -> tuple[regex.Pattern | None, int]:
    """One regex for every approximation word before a number, anchored at the number:
    group ``a<N>`` names the entry of ``rules.approx_before``."""
    if not rules.approx_before:
        return None, 0
    parts = [f"(?P<a{n}>{_not_after(rules, rule_id) if len(word) == 1 else ''}{regex.escape(word)}"
             f"{_not_before(rules, rule_id)}(?:{_CLAUSE_CHAR if rule_id in rules.approx_gap_any else _HAN_CHAR}{{0,{gap}}}{_BASE if rule_id in rules.approx_of_base else ''}))"
             for n, (word, _, gap, rule_id) in enumerate(rules.approx_before)]
    reach = max(len(word) + (max(gap, BASE_LENGTH + 1) if rule_id in rules.approx_of_base else gap)
                for word, _, gap, rule_id in rules.approx_before)
    return regex.compile("(?:" + "|".join(parts) + ")$"), reach


_HAN_CHAR = r"\p{Han}"
_CLAUSE_CHAR = r"[^，。；;,！？!?\n]"  # gap_any: 预计2025年营业收入为7.8亿元
BASE_LENGTH = 14  # 超过全县上年一般公共预算收入的四成
_BASE = f"|\\p{{Han}}{{1,{BASE_LENGTH}}}(?<!部分)的"  # 不超过收益的20%, but 超过部分的50%: the excess, not a bound


def _not_before(rules: Rules, rule_id: str) -> str:
    """A lookahead for the characters that may not follow the word (预计会达到 is no estimate here)."""
    chars = rules.approx_not_before.get(rule_id)
    return f"(?![{regex.escape(chars)}])" if chars else ""


def _not_after(rules: Rules, rule_id: str) -> str:
    """A lookbehind for the characters that make a one-character word part of another (签约
    is no 约; 最高超过 keeps 超过)."""
    chars = rules.approx_not_after.get(rule_id)
    return f"(?<![{regex.escape(chars)}])" if chars else ""


@lru_cache(maxsize=8)
def _rate_pattern(rules: Rules) -> regex.Pattern | None:
    """All rate markers as one regex; group ``r<N>`` names the marker's rule."""
    return _rate_alternation(rules, at_number=False)


@lru_cache(maxsize=8)
def _anchored_rate_pattern(rules: Rules) -> regex.Pattern | None:
    """The rate markers that end right at the number (rates.yaml: at_number), matched there
    alone: a pattern that may end in any character (一碗阳春面) would make the search of all
    the others try every position."""
    return _rate_alternation(rules, at_number=True)


def _rate_alternation(rules: Rules, at_number: bool) -> regex.Pattern | None:
    alternatives = "|".join(f"(?P<r{n}>{pattern})" for n, (pattern, _, rule_id) in enumerate(rules.rate_before)
                            if (rule_id in rules.rate_at_number) == at_number)
    return regex.compile(alternatives, regex.REVERSE) if alternatives else None  # searched from the number backwards


PERCENT_RATE_GAP = 4
_POINT_IN_TIME = regex.compile(r"[前后内]|以[前后来内]|之[前后内]")
ONE_PERIODS = ("年", "月", "周", "天", "日", "季度", "季")
_ONE_PERIOD = regex.compile(r"(?:(?<![外里上码])头|(?<![以之])前|近)$")  # 头一年, 前一年, 近一周 (not 以前一天, 外头一个月)


_PAID_ON = regex.compile(r"\s*(?:按照|按|以)")


def _names_a_base(between: str) -> bool:
    """人均纯收入的5成: the marker belongs to the base of a share, not to the percentage."""
    return len(between) > PERCENT_RATE_GAP or any(ch in between for ch in "的占比")


_ONE_MEASURE_BEFORE = regex.compile(r"一\p{Han}{1,2}\Z")


def is_threshold(text: str, mention: Mention) -> bool:
    """每年出现35℃以上高温日8.6天, 每千人口拥有3岁以下婴幼儿托位3.2个: a temperature or an age
    bounding the thing counted after it takes no rate, and leaves the rate to the count."""
    if mention.unit is None or mention.unit.unit not in ("℃", "岁"):
        return False
    after = _THRESHOLD_AFTER.match(text, mention.end)
    if after is None:
        return False
    return mention.unit.unit == "℃" or _BOUND.search(text[mention.start:after.end()]) is not None  # 3岁以下婴幼儿, not 3岁孩子


_THRESHOLD_AFTER = regex.compile(r"(?:(?:及|或)?(?:以上|以下))?(?:的)?\p{Han}")
_BOUND = regex.compile(r"以上|以下")


def is_attribute(text: str, mention: Mention, rules: Rules) -> bool:
    """一头600公斤的育肥牛可卖15800元, 一只四两的母蟹…三十八: a weight between 一 + measure
    word and 的 + noun describes the thing counted; the 一 is the rate of the price after it.
    So does any figure after 一 and the measure word of a single object (一台12万元的收获机,
    一条3米宽的泥巴路; but 一桶5升的食用油 and 一年1000块的助学金 are per 桶 and per 年): units.yaml,
    one_object."""
    if mention.unit is None or _OF_AFTER.match(text, mention.end) is None:
        return False
    one = _ONE_MEASURE_BEFORE.search(text, max(0, mention.num_start - 3), mention.num_start)
    if one is None:
        return False
    measure = rules.surfaces.get(one.group()[1])
    return (mention.unit.kind in ("weight", "area") and text.startswith("的", mention.end)
            or measure is not None and measure.one_object)


_OF_AFTER = regex.compile(r"[长宽高深厚]?的")


def _per_before(text: str, mention: Mention, kind: str, rules: Rules, taken: list[tuple[int, int]],
                blocked: list[tuple[int, int]], steps: list[str]) -> str | None:
    """The nearest rate marker earlier in the clause: 每亩, 人均, 一个月, 年产.

    A marker serves the first figure after it only, and never one inside a set phrase
    (一次性) or inside another fact (不到一年).
    """
    if kind == "age" or is_attribute(text, mention, rules) or is_threshold(text, mention):
        return None  # 人均预期寿命79.6岁: an age is a person's by nature, no rate
    clause_start = _clause_start(text, mention.num_start, RATE_CLAUSE_END)  # 每晚安排交警、城管等人员120名
    label_start = _clause_start(text, clause_start - 1, RATE_CLAUSE_END) if clause_start and text[clause_start - 1] in "：:" else None
    if label_start is not None and _SHORT_LABEL.fullmatch(text, label_start, clause_start - 1):
        clause_start = label_start  # 每公里造价：约146.9万元: the rate of the label before the colon
    if aside := _WORD_ASIDE.search(text, max(0, clause_start - 9), clause_start):
        if text[clause_start - 1] != "\n":
            clause_start = _clause_start(text, aside.start(), RATE_CLAUSE_END)  # 每千人口执业（助理）医师2.9人
        elif "|" not in text[text.rfind("\n", 0, aside.start()) + 1:aside.start()]:
            clause_start = aside.start()  # 成本（按每盒算） over a list: the aside's own rate (not a table header's, nor the line's)
    k = bisect_left(taken, (mention.num_start,))
    if k and clause_start < taken[k - 1][1] <= mention.num_start:
        clause_start = taken[k - 1][1]  # a figure between marker and number takes the marker
    else:
        frame = _FRAME_CLAUSE.search(text, max(0, clause_start - FRAME_LENGTH), clause_start)
        if frame and frame.group("frame").startswith("每") and kind != "money":
            frame = None  # 每吸纳1名劳动力，签订1年以上合同: a unit's frame serves the payment only
        if frame and not (k and taken[k - 1][1] > frame.start()):
            clause_start = frame.start("frame")  # 一年下来，刨去开销能落个七八万: a clause of the period alone
    pattern = _rate_pattern(rules)
    best = None
    for m in pattern.finditer(text, clause_start, mention.num_start) if pattern else ():  # nearest first
        if not _inside(blocked, m.start(), m.end()):
            best = (m, *rules.rate_before[_rule_index(m)][1:])
            break
    anchored = _anchored_rate_pattern(rules)
    if anchored is not None and (best is None or best[0].end() < mention.num_start):
        m = anchored.match(text, clause_start, mention.num_start)  # reverse: a match that ends at the number
        if m is not None and not _inside(blocked, m.start(), m.end()):
            best = (m, *rules.rate_before[_rule_index(m)][1:])
    if best is None:
        return None
    m, per, rule_id = best
    if per == "$per":
        per = _canonical(m.group("per"), rules)
    if m.group().startswith("一") and (_POINT_IN_TIME.match(text, m.end()) or (
            per in ONE_PERIODS and _ONE_PERIOD.search(text, max(0, m.start() - 3), m.start()))):
        return None  # 比一周前回落0.3元, 头一年: a point in time or one period, no rate (checked here: lookarounds in every 一 marker slow the search)
    between = text[m.end():mention.num_start]
    share = kind in PERCENT_KINDS or mention.unit.unit == "倍"  # 月平均工资的3倍: a multiple of a base is a share
    if share and _names_a_base(between) and not (per in SHARE_PERIODS and _PAID_ON.match(between)):
        return None  # but 每年按入股资金的6%支付: a yearly payment at a rate of a base
    if kind in PERCENT_KINDS and per.endswith("元"):
        return None  # 万元GDP用水量下降3%: a share or a change of a per-万元 indicator is no rate
    steps.append(f"per {per}: {m.group()} before the number (rule {rule_id})")
    return per


_SHORT_LABEL = regex.compile(r"\s*\p{Han}{2,10}")
_WORD_ASIDE = regex.compile(r"[（(][^（）()\d，。；,;]{1,6}[）)]$")  # a word in brackets inside a noun, no clause end
RATE_CLAUSE_END = CLAUSE_END.replace("、", "")  # a list of nouns stays in the rate's clause; a figure in it takes the marker
FRAME_LENGTH = 16
# 一年下来，… and 每吸纳1名脱贫劳动力，给予…: a clause of the period or the unit alone frames the next
_FRAME_CLAUSE = regex.compile(r"(?:^|(?<=[，。；！？：,;!?:\n]))\s*(?P<frame>(?:算下来|算起来)?(?:一年|一个月|一天|一季|一茬|每年|每月|每天)"
                              r"(?:下来|到头|算下来|算起来|干下来)?|每(?:成功)?\p{Han}{1,2}[1一][名个位人户吨亩斤头只件台辆车方]\p{Han}{0,8})[，,]\s*\Z")


_SPACE = regex.compile(r"\s*")
_ANSWER_SENTENCE_END = regex.compile(r"[。！？!?；;\n]")
_PERIODS = ("年", "月", "天", "周", "季", "季度", "晚", "小时")
_PERIOD_NAMED = regex.compile(r"[去今前明]年|上半年|下半年|[上这本]个?月|\d{4}年|[〇零一二三四五六七八九]{2,4}年")
_UNASKED_KINDS = ("age", "duration", *PERCENT_KINDS)  # 一天开多长时间？ 十二个钟头: a length, no rate


def _per_asked(text: str, mention: Mention, kind: str, rules: Rules, blocked: list[tuple[int, int]],
               steps: list[str]) -> str | None:
    """记者：一天跑多少单？ / 赵师傅：四十来单吧: an answer with no rate marker of its own
    takes the one of the question it answers."""
    mark = question_before(text, mention.num_start) if kind not in _UNASKED_KINDS else None
    pattern = _rate_pattern(rules)
    if mark is None or pattern is None:
        return None
    answer_from = _SPACE.match(text, mark + 1).end()
    asked_from = _clause_start(text, mark, SENTENCE_END)
    if not _plain_answer(text, answer_from, mention.num_start, rules, pattern, blocked) \
            or not _asks_amount(text, asked_from, mark, kind, rules):
        return None
    for m in pattern.finditer(text, asked_from, mark):  # nearest the question mark first
        if _inside(blocked, m.start(), m.end()) or text[m.start() - 1:m.start()] == "哪":
            continue  # 从哪一年开始的？ asks for a date
        per, rule_id = rules.rate_before[_rule_index(m)][1:]
        per = _canonical(m.group("per"), rules) if per == "$per" else per
        if per in _PERIODS and _PERIOD_NAMED.search(text, answer_from, mention.num_start):
            return None  # 一年能挣多少？ / 去年毛收入四十来万: the total of the year named
        steps.append(f"per {per}: {m.group()} in the question it answers (rule {rule_id})")
        return per
    return None


def _plain_answer(text: str, start: int, end: int, rules: Rules, pattern: regex.Pattern,
                  blocked: list[tuple[int, int]]) -> bool:
    """Does the answer, up to the figure, stay in its first sentence (or correct it) and frame
    no rate of its own (一亩七八百，二十八亩就是两万出头)?"""
    return _first_sentence(text, start, end, rules) and not any(
        not _inside(blocked, m.start(), m.end()) for m in pattern.finditer(text, start, end))


def _asks_amount(text: str, start: int, end: int, kind: str, rules: Rules) -> bool:
    """Does the question ask how much (not 收入不少吧？), and of this kind of figure
    (一个月买菜得花多少？ asks for money: 我们家四口人 is no rate)?"""
    return HOW_MUCH.search(text, start, end) is not None and (kind == "money" or not names_money(text, start, end, lookups(rules)))


def _first_sentence(text: str, start: int, end: int, rules: Rules) -> bool:
    """Is [start, end) one sentence, or sentences that correct the first (一千一百来斤。不对，…)?"""
    corrections = lookups(rules).corrections
    return all(corrections and text.startswith(corrections, m.end()) for m in _ANSWER_SENTENCE_END.finditer(text, start, end))


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted, non-overlapping ``spans``?"""
    k = bisect_left(spans, (end,))
    return bool(k) and spans[k - 1][1] > start


def _rule_index(m: regex.Match) -> int:
    if m.lastgroup and m.lastgroup.startswith("r"):
        return int(m.lastgroup[1:])
    return next(int(name[1:]) for name, value in m.groupdict().items() if name.startswith("r") and value is not None)


_AMOUNT = regex.compile(r"[\d.]*[十百千万亿]*")
_SMALL_NUMERAL = regex.compile(r"[一二两俩仨三四五六七八九十]{1,2}(?=\p{Han})")  # 三斤八块: per 3斤


def _canonical(measure: str, rules: Rules) -> str:
    """A measure word as its unit (个月 → 月); after an amount too (千名 → 千人, 10股, 三斤 → 3斤)."""
    small = _SMALL_NUMERAL.match(measure)
    if small:
        measure = f"{parse_number(small.group()):g}{measure[small.end():]}"
    amount = _AMOUNT.match(measure).group()
    word = measure[len(amount):]
    if word == "度电":
        return amount + "度"  # 每度电: per 度, as written (one 度 is a 千瓦时; the text is simplified by now)
    unit = rules.surfaces.get(word) or rules.surfaces.get(word.removeprefix("个"))
    if unit is None and amount:  # 千常住人: an amount of people of a kind is an amount of 人
        unit = next((rules.surfaces[word[k:]] for k in range(1, len(word)) if word[k:] in rules.surfaces), None)
    if unit is None and len(word) > 2 and word.startswith("个"):
        return amount + word[1:]  # 一个工分: per 工分, a measure the units do not list
    if unit is None or unit.kind == "money":  # 单块组件: a piece, not 元
        return measure
    return amount + unit.unit
