"""Stage 6: the facts of an article — clean, find, normalize, attach subjects — as rows."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, fields
from functools import lru_cache

import regex

from .clean import CleanText, clean
from .mentions import CHANGE_VERBS, PERCENT_KINDS, SENTENCE_END, SPOKEN_SUM_RULE, SUM_AS_TOPIC, Mention, Rejection, doc_spans, find_mentions, lookups
from .normalize import is_threshold, is_attribute, normalize
from .numerals import WHITE_SPACE
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
        return {name: getattr(self, name) for name in FACT_COLUMNS}


FACT_COLUMNS = tuple(f.name for f in fields(Fact) if f.name != "steps")


@dataclass
class Extraction:
    """Facts and the numbers that did not become facts, for one article."""

    doc: str | None
    cleaned: CleanText
    facts: list[Fact]
    rejections: list[Rejection]


def extract(text: str, doc: str | None = None, rules: Rules | None = None, context: bool = True,
            date: str | None = None) -> Extraction:
    """Run the whole pipeline on one article's raw text.

    With ``context=False`` only the core fields are filled (no subject, indicator,
    year, place, scope): the fast path when only the figures are needed. ``date`` is
    the article's date when known (from HTML or a collection): its year is the year
    of facts whose sentence names none.
    """
    rules = rules or load_rules()
    cleaned = clean(text, rules)
    body = cleaned.text
    spans = doc_spans(body, rules)
    scan = find_mentions(body, rules, spans)
    taken = [(m.num_start, m.end) for m in scan.mentions
             if not _strength(body, m) and not is_attribute(body, m, rules) and not is_threshold(body, m)]
    sentences = Sentences(body)
    facts, kept, rejections = [], [], list(scan.rejections)
    restated: list[tuple[int, bool]] = []  # facts restating the one before in brackets; the same sum or not
    for mention in scan.mentions:
        normalized = normalize(body, mention, rules, taken, spans.phrases)
        if normalized is None:
            rejections.append(Rejection(mention.start, mention.end, body[mention.start:mention.end], "no value"))
            continue
        fact = _fact(doc, cleaned, mention, normalized, sentences)
        if facts and _written_again(body, kept[-1], facts[-1], mention, fact):
            fact.per, fact.approx = facts[-1].per, facts[-1].approx
            fact.steps.append(f"per and approx of {facts[-1].text}: the same sum written again")
            restated.append((len(facts), True))
        elif facts and _RESTATED.fullmatch(body, kept[-1].end, mention.start):
            restated.append((len(facts), False))
        elif fact.per is None and facts:
            _share_rate(body, kept[-1], facts[-1], mention, fact, rules)
            if fact.per is None:
                _share_breakdown(body, kept, facts, mention, fact)
            if fact.per is None:
                _share_contrast(body, kept, facts, mention, fact)
            if fact.per is None:
                _share_dose(body, kept, facts, mention, fact)
            if fact.per is None:
                _share_comparison(body, kept[-1], facts[-1], mention, fact)
        if facts and fact.approx is None:
            _share_bound(body, kept[-1], facts[-1], mention, fact)
        if facts and mention.noun is None:
            _share_kind(body, kept[-1], facts[-1], mention, fact)
            _change_in_fen(body, kept[-1], facts[-1], mention, fact)
        if mention.noun is None:
            _people_counted(body, kept[-1] if kept else None, facts[-1] if facts else None, mention, fact, rules)
        facts.append(fact)
        kept.append(mention)
    if context:
        _add_context(body, facts, kept, sentences, rules, _year_of(date))
        for fact, mention in zip(facts, kept):
            fact.subject = _as_written(cleaned, fact.subject, mention, sentences)
        for k, same_sum in restated:  # a sum written again always; a conversion (合21.3万亩) when it names nothing
            if same_sum or facts[k].subject is None:
                facts[k].subject = facts[k - 1].subject
    return Extraction(doc, cleaned, facts, sorted(rejections, key=lambda r: r.start))


_PRODUCT_AFTER = regex.compile(r"(?![的以左上下和及与或至到为是向给作计用返递])\p{Han}")


def _strength(text: str, mention: Mention) -> bool:
    """每亩用50%多菌灵可湿性粉剂100克, 每亩用240克/升噻呋酰胺悬浮剂20毫升: a percentage or a
    concentration naming a product's strength takes no rate marker away from the dose after it."""
    strength = mention.unit is not None and (mention.unit.kind == "percent" or "/" in text[mention.num_end:mention.end])
    return strength and _PRODUCT_AFTER.match(text, mention.end) is not None


def _year_of(date: str | None) -> int | None:
    """2015 from an article date such as 2015-12-13 or 2015年12月13日."""
    m = regex.search(r"(?<!\d)(19|20)\d\d(?!\d)", date or "")
    return int(m.group()) if m else None


_CHANGES = "|".join(CHANGE_VERBS)
_PARALLEL = regex.compile(rf"(?:[、和及与]|(?:{_CHANGES}|压缩|调?[降升增减高低]|涨|跌)?(?:到|至|为)|[，,](?:达到|达)"  # 每人每月再提高20元，达到173元
                          r"|[，,]?(?:比|较)[^，。；;,]{0,8}?(?:便宜|贵|多出|高出|多|少|高|低|涨|降)了?(?:约|近)?"  # ¥39.9一斤，比外面便宜十来块, 比上周降了2毛
                          r"|[，,]?(?:高于|低于|高出|低出)[^，。；;,\d]{0,8}?(?:约|近)?"  # 每斤42元，高于市场价3元左右
                          rf"|[，,]?(?:分别)?(?:(?:环比|同比|比|较)(?:\d{{4}}年(?:末|底)?)?[^，。；;,\d]{{0,6}}?)?(?:{_CHANGES}|高出|低了|涨了|跌了|下跌|上升|回落|回升|下滑|攀升)了?(?:约|近)?"  # 每公斤6.8元，环比上涨0.5元
                          r"|[，,]?(?:上年|去年|前年|上月|上季度|上周|同期)(?:同期)?(?:为|是|仅为|只有)?"  # 每股收益0.21元，上年同期为0.25元
                          r"|[，,；;、]第?[一二三四五六七八九十\d]{1,2}[档级等类](?:标准)?(?:为|是)?"  # 一档每生每年2500元，二档2000元: tiers of a rate
                          r"|[，,；;、]\p{Han}{1,6}(?:组|居民|职工|研究生)(?:为|是)?"  # 高收入组人均36210元，低收入组7480元; 每人…本科1万元，硕士研究生3万元: groups
                          r"|[，,；;、]\d{1,2}年及?(?:以上|以下)(?:的)?(?:为|是)?)")  # 5年以上年利率为2.85%，5年及以下为2.35%: tenors


def _share_rate(text: str, before: Mention, prior: Fact, mention: Mention, fact: Fact, rules: Rules) -> None:
    """每人每月760元提高到800元, 分别达到43260元、21580元, 39.9元一斤，比外面便宜十来块:
    a figure right after another of the same unit, joined by 到/至/、 or a comparison, is a
    rate of the same denominator, as is the same figure of an earlier period (每股收益0.21元，
    上年同期为0.25元); so is a spoken number that carries on the unit of the
    figure before it (一亩能收四千斤上下，管得好的能到五千), but not a sum said aloud, which
    is as often a total (两千二乘十二，两万六千四) as the same rate again, unless it corrects
    the figure (一个月四千二……不对，他出两千三) or follows such a correction in the next clause."""
    if _TOTAL_WORD.search(text, before.end, mention.start):
        return  # 每次一千二，一共四千八: a total, no rate
    if prior.per and prior.unit == fact.unit and (
            _carries_on(text, before, mention, rules) or _PARALLEL.fullmatch(text, before.end, mention.start)
            or _corrects(text, before, mention, rules)
            or (fact.kind in LISTED_KINDS and not text.startswith("的", mention.end)  # 不足1亩的农户: a threshold
                and (_LISTED.fullmatch(text, before.end, mention.start) or _LISTED_LONG.fullmatch(text, before.end, mention.start)))
            or (fact.kind == "money" and _LISTED_SUM.fullmatch(text, before.end, mention.start))) \
            or _listed_holding(text, before, prior, mention, fact):
        fact.per = prior.per
        fact.steps.append(f"per {prior.per}: the same rate as {prior.text} before it")


PART_RATIO = 3  # a part of a rate by group (城镇居民49210元 of 人均36850元) stays near the whole
CONTRAST_GAP = 20  # characters between a rate and a figure of the next clause that contrasts with it
CONTRAST_RATIO = 5
_NEW_FRAME = regex.compile(r"[总合累共]计|计[洋银钱]|一共|总共|全年|[今去前明]年|\d{4}年|一次性|每|\p{Han}均|[。！？!?；;\n]")


def _share_contrast(text: str, kept: list[Mention], facts: list[Fact], mention: Mention, fact: Fact) -> None:
    """小工一天三百来块，手艺好的大工能拿四百; 平时一天卖个两三百碗，周末人多，三百五六十碗也卖过:
    a figure said in words in the next clauses of the same sentence, in the unit and about
    the size of a rate before it, with no rate or total of its own, is the same rate."""
    if fact.kind in PERCENT_KINDS or any(ch.isdigit() for ch in mention.tokens[0]):
        return  # written figures list things side by side (单日票价280元，“三日通票”680元)
    for before, prior in zip(reversed(kept), reversed(facts)):
        if before.end < mention.start - CONTRAST_GAP or _NEW_FRAME.search(text, before.end, mention.start):
            return
        if prior.unit == fact.unit:
            if prior.per and prior.value and fact.value and \
                    1 / CONTRAST_RATIO <= fact.value / prior.value <= CONTRAST_RATIO:
                fact.per = prior.per
                fact.steps.append(f"per {prior.per}: the same rate as {prior.text}, in a clause after it")
            return


_BREAKDOWN = regex.compile(r"[，,]其中[^。；;！？!?\n]*\Z")
_SENTENCE_BREAK = regex.compile(r"[。！？!?\n]")


def _share_breakdown(text: str, kept: list[Mention], facts: list[Fact], mention: Mention, fact: Fact) -> None:
    """人均可支配收入36850元，增长5.9%，其中城镇居民49210元、农村居民24370元: the parts of a
    rate, in the clause that 其中 opens, are rates of the same denominator."""
    if fact.kind in PERCENT_KINDS:
        return  # 其中70%用于分红，20%…: shares of a sum, not parts of a rate
    opened = _BREAKDOWN.search(text, max(0, mention.start - 40), mention.start)
    if opened is None:
        return
    for before, prior in zip(reversed(kept), reversed(facts)):
        if before.end > opened.start():
            continue  # an earlier part of the same breakdown
        if _SENTENCE_BREAK.search(text, before.end, opened.start()):
            return
        if prior.unit == fact.unit:  # the whole, 36850元, past the change 5.9% after it
            if prior.per and fact.approx is None and fact.value <= prior.value * PART_RATIO:  # not 低于1万元, nor a total
                fact.per = prior.per
                fact.steps.append(f"per {prior.per}: a part of {prior.text}, after 其中")
            return


def _share_comparison(text: str, before: Mention, prior: Fact, mention: Mention, fact: Fact) -> None:
    """按每斤四块五的保底价收购，比市场价高三四毛: a figure whose own clause, later in the same
    sentence, compares it with the rate before it (the links of ``_share_rate``) is of the
    same denominator."""
    if fact.kind in PERCENT_KINDS or not prior.per or prior.unit != fact.unit:
        return
    between = text[before.end:mention.start]
    last = max(between.rfind("，"), between.rfind(","))
    if last > 0 and _SENTENCE_BREAK.search(between) is None and _PARALLEL.fullmatch(between, last):
        fact.per = prior.per
        fact.steps.append(f"per {prior.per}: compared with the rate {prior.text} before it")


_BOUND_LIST = regex.compile(r"[和、及与或]")


def _share_bound(text: str, before: Mention, prior: Fact, mention: Mention, fact: Fact) -> None:
    """最高分别不超过1万元和3万元: the bound word before a list of two figures bounds both."""
    if prior.approx in ("under", "over") and prior.unit == fact.unit and _BOUND_LIST.fullmatch(text, before.end, mention.start) \
            and before.start < before.num_start:  # the bound word joined the first figure: it stands right before it
        fact.approx = prior.approx
        fact.steps.append(f"approx {prior.approx}: of the list {prior.text} opens")


def _share_dose(text: str, kept: list[Mention], facts: list[Fact], mention: Mention, fact: Fact) -> None:
    """每亩用…悬浮剂20毫升，或…水剂150—200毫升，兑水30公斤: the doses of one application,
    whatever their units, and the water they are mixed into share the rate of the first."""
    if fact.kind not in LISTED_KINDS:
        return
    for before, prior in zip(reversed(kept), reversed(facts)):
        if _strength(text, before):
            continue  # 5%井冈霉素: the strength of the next product, not a dose
        if prior.kind in LISTED_KINDS and prior.per and _DOSE_LINK.fullmatch(text, before.end, mention.start):
            fact.per = prior.per
            fact.steps.append(f"per {prior.per}: a dose of the same application as {prior.text}")
        return


_DOSE_LINK = regex.compile(r"[，,]?(?:或|加|再加|另加|兑水|对水|加水)[^。；;！？!?\n每]{0,24}")


# 每亩施磷酸二铵三十斤、尿素十五斤: the items of a list of inputs share the rate before them
# (not a total: 户均增收3000元、村集体增收5万元, so money is left out)
LISTED_KINDS = ("weight", "volume", "area")
_LISTED = regex.compile(r"[、，,](?:再加)?(?![总全合累实共计])\p{Han}{1,4}")
_LISTED_SUM = regex.compile(r"、(?![总全合累实共计])\p{Han}{1,4}"  # 每头保额1500元、保费90元: the items of a list of sums share the rate
                            r"|[，,](?![总全合累实共计另])\p{Han}{1,6}[（(][^）)，。]{1,6}[）)]")  # 初级工（五级）每人补贴1000元，中级工（四级）1500元
# 每年可节约标准煤约295吨、减少二氧化碳排放约780吨, 亩产…，比去年多收一百来斤: a longer item of a list of
# weights or volumes keeps the rate, unless it opens a frame of its own (累计, 全年, 总产量, 在建, 今年已)
_LISTED_LONG = regex.compile(r"[、，,](?![^，。；、]*?(?:累计|全年|总|共计|合计|预计|在建|今年|已|周|月))\p{Han}{5,10}")
# 每百户拥有家用汽车32.6辆、移动电话268部, 每人发放服装1套、帽子1顶: a denominator with an amount
# (百户, 千人) or of a thing (人, 户, not a span of time) serves a whole list of holdings, whatever their units
_PER_AMOUNT = regex.compile(r"\d|[十百千万]")
HOLDING_KINDS = ("count", "people")
TIME_PERS = ("年", "月", "天", "日", "周", "季度", "小时", "晚", "次")  # 每年培训1200人次、发放资料3000份: a year's totals, side by side


def _listed_holding(text: str, before: Mention, prior: Fact, mention: Mention, fact: Fact) -> bool:
    """Is ``fact`` the next item of a list of holdings under the rate of ``prior``?"""
    if not (prior.per and fact.kind in HOLDING_KINDS and prior.kind in HOLDING_KINDS):
        return False
    if prior.per not in TIME_PERS and _LISTED_NOUN_AFTER.fullmatch(text, before.end, mention.start):
        return True  # 每支团队由1名全科医生、1名护士和2—3名乡村医生组成: each figure before its noun
    return (_PER_AMOUNT.match(prior.per) is not None or (prior.per not in TIME_PERS and text.startswith("、", before.end))) \
        and _LISTED.fullmatch(text, before.end, mention.start) is not None


_LISTED_NOUN_AFTER = regex.compile(r"\p{Han}{1,6}(?<![的了])[、和及与]")


def _carries_on(text: str, before: Mention, mention: Mention, rules: Rules) -> bool:
    if mention.pattern != "carried":
        return False
    between = text[before.end:mention.start]
    if _NEW_SUM.search(between) or _SUM_AS_TOPIC.match(text, mention.end):
        return False  # 房租一年四万八，押金八千: another kind of money; 四万五相当于…: a sum talked about
    if mention.rule != SPOKEN_SUM_RULE:
        return True
    corrected = "\n" not in between and any(word in between for word in lookups(rules).corrections)
    return corrected or (before.rule == SPOKEN_SUM_RULE and _NEXT_CLAUSE.fullmatch(between) is not None)


_TOTAL_WORD = regex.compile(r"一共|总共|合计|共计|总计|加起来|计[洋银钱]")  # not 累计下降, a change; 计洋肆拾叁元: a ledger's total
CORRECTION_GAP = 8  # characters of 不对, 哦不 and the like between a figure and its correction


def _corrects(text: str, before: Mention, mention: Mention, rules: Rules) -> bool:
    """一双两块一，不对，两块三: a figure said again to correct the one before it."""
    between = text[before.end:mention.start]
    return len(between) <= CORRECTION_GAP and "\n" not in between and any(
        word in between for word in lookups(rules).corrections)


_NEXT_CLAUSE = regex.compile(r"[，,]\p{Han}{0,4}")  # 他出两千三，我出一千九
_NEW_SUM = regex.compile(r"[费金租款]")
_SUM_AS_TOPIC = regex.compile(SUM_AS_TOPIC)


_AGAIN = regex.compile(r"整?\s*[（(]\s*")
_RESTATED = regex.compile(r"\s*[（(]\s*(?:合|折合|约合|即|相当于)\s*")  # 1.42万公顷（合21.3万亩）: the same area again


def _written_again(text: str, before: Mention, prior: Fact, mention: Mention, fact: Fact) -> bool:
    """伍万柒仟陆佰元整（¥57,600.00）: the same sum in figures, in brackets right after it in
    words, is the same fact written again; it keeps the rate and approximation of the first."""
    return prior.value == fact.value and prior.unit == fact.unit and \
        _AGAIN.fullmatch(text, before.end, mention.start) is not None


_CHANGED_BY = regex.compile(rf"[，,]?(?:比|较)?[^，。；;,\d]{{0,6}}?(?:{_CHANGES}|新增|净增|净减)了?(?:约|近)?|[，,][日月年]均\p{{Han}}{{0,4}}?(?:约|近)?")  # 日均新登记近19户: the same, by the day


def _share_kind(text: str, before: Mention, prior: Fact, mention: Mention, fact: Fact) -> None:
    """企业2.37万户，比上年末增加1140户: a change of a count in the same unit, with no
    noun of its own, counts the same kind of thing (firms here, not households)."""
    if prior.unit == fact.unit and prior.kind != fact.kind and _CHANGED_BY.fullmatch(text, before.end, mention.start):
        fact.kind = prior.kind
        fact.steps.append(f"kind {prior.kind}: the change of {prior.text} before it")


def _change_in_fen(text: str, before: Mention, prior: Fact, mention: Mention, fact: Fact) -> None:
    """每个劳动日值七角三分六厘，比上年提高九分: a change in 分 right after a sum in 元 is money,
    a hundredth of a 元, not points."""
    if prior.unit == "元" and fact.unit == "分" and fact.kind == "count" and _CHANGED_BY.fullmatch(text, before.end, mention.start):
        fact.value = _hundredth(fact.value)
        fact.value_max = _hundredth(fact.value_max) if fact.value_max is not None else None
        fact.unit, fact.kind, fact.per = "元", "money", fact.per or prior.per
        fact.steps.append(f"money: a change in 分 of {prior.text} before it, at its rate")


def _hundredth(value: float) -> float:
    return round(value / 100, 10)


_CLAUSE_CLOSE = regex.compile(r"[，。；！？、,;!?\s（）()|｜]|$")  # 女劳力二十九个）: a bracket or a cell's edge closes it too
_CLAUSE_BREAK = regex.compile(r"[，,；;]")  # 超过5万人的有两个: a head count inside the clause names what the 个 is not
_COUNT_LINK = r"(?:就有|也有|还有|只有|一共|总共|共有|增加到|增至|达到|只剩|还剩|就剩|剩下|有|就|才|共|约|都|也)"
_AGAIN_LINK = regex.compile(_COUNT_LINK + r"$|[来到走去回留]了$|[上下回出进]来$")  # 今天来了三十八个, 救上来两个: the same people come or go
PEOPLE_REACH = 14  # characters from a head count to a figure in 个 that goes on counting the same people


@lru_cache(maxsize=8)
def _person_before(rules: Rules) -> regex.Pattern:
    return regex.compile(r"(?!(?<=法)人(?!员))(?:\L<nouns>)(?:\p{Han}{1,6}的|[来到走去回留]了|[上下回出进]来了?"
                         r"|(?:倒是|也|又|还|都|就|前后|先后)?(?:带|招|请|雇|收|教|培养|培训|找)[了过])?" + _COUNT_LINK + r"{0,2}$",
                         nouns=sorted(rules.nouns.get("person", {}), key=len, reverse=True))  # 老人还能干活的有十几个, 年轻人回来了三十多个, 徒弟倒是带过三个
    # (a 法人, a legal person, is a body: 企业法人2914个 counts bodies)


def _people_counted(text: str, before: Mention | None, prior: Fact | None, mention: Mention, fact: Fact, rules: Rules) -> None:
    """老人有六十二个，独居的就有十九个; 孙女三个: 个 with no noun after it, closing its clause,
    counts the people named right before it, or goes on counting the people of the head
    count just before it in the sentence."""
    if fact.unit != "个" or fact.kind != "count" or not _CLAUSE_CLOSE.match(text, mention.end):
        return
    if _person_before(rules).search(text, max(0, mention.num_start - 12), mention.num_start):
        fact.kind = "people"
        fact.steps.append("kind people: 个 counts the people named before it")
    elif prior is not None and prior.kind == "people" and before.end >= mention.start - PEOPLE_REACH \
            and not _SENTENCE_BREAK.search(text, before.end, mention.start) and _CLAUSE_BREAK.search(text, before.end, mention.start) \
            and _AGAIN_LINK.search(text, max(0, mention.num_start - 2), mention.num_start):
        fact.kind = "people"
        fact.steps.append(f"kind people: 个 goes on counting the people of {prior.text}")


_SPACE_IN_WORD = regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")


def _add_context(body: str, facts: list[Fact], kept: list[Mention], sentences: "Sentences", rules: Rules,
                 article_year: int | None = None) -> None:
    """Subject, indicator, year, place and scope of each fact."""
    for fact, mention, subject in zip(facts, kept, find_subjects(body, kept, [f.kind for f in facts], rules)):
        fact.subject = subject and _SPACE_IN_WORD.sub("", subject)  # 土 豆 | 2.38: a table's label spaced out to its column
        left, right = sentences.bounds(mention.start)
        found = fact_context(body[left:right], body[left:mention.num_start], subject, fact.kind, rules)
        fact.indicator, fact.place, fact.scope = found.indicator, found.place, found.scope
        fact.year = found.year or article_year
    fallback = article_place(body, rules) if any(f.place is None for f in facts) else None
    for fact in facts:
        fact.place = fact.place or fallback


def _as_written(cleaned: CleanText, subject: str | None, mention: Mention, sentences: "Sentences") -> str | None:
    """The subject in the article's own characters (韓國, not the 韩国 the rules read),
    when it stands in the figure's sentence."""
    if not subject:
        return subject
    left, right = sentences.bounds(mention.start)
    body = cleaned.text
    at = body.rfind(subject, left, mention.start + len(subject))
    if at < 0:
        at = body.find(subject, mention.start, right)
    if at < 0:
        return subject
    raw_start, raw_end = cleaned.raw_span(at, at + len(subject))
    written = WHITE_SPACE.sub("", cleaned.raw[raw_start:raw_end])
    return written if len(written) == len(subject) else subject


class Sentences:
    """Sentence bounds of a text, found once (one regex pass) and looked up by bisection."""

    _END = regex.compile(f"[{regex.escape(SENTENCE_END)}]")

    def __init__(self, text: str):
        self.text = text
        self.ends = [m.end() for m in self._END.finditer(text)]

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``, its closing mark included."""
        k = bisect_right(self.ends, pos)
        left = self.ends[k - 1] if k else 0
        right = self.ends[k] if k < len(self.ends) else len(self.text)
        if right and self.text[right - 1] == "\n":
            right -= 1
        return left, right

    def sentence(self, pos: int) -> str:
        left, right = self.bounds(pos)
        return self.text[left:right].strip()


def _fact(doc, cleaned: CleanText, mention: Mention, n, sentences: Sentences) -> Fact:
    raw_start, raw_end = cleaned.raw_span(mention.start, mention.end)
    return Fact(
        doc=doc, text=WHITE_SPACE.sub("", cleaned.raw[raw_start:raw_end]), value=n.value, value_max=n.value_max,
        unit=n.unit, kind=n.kind, approx=n.approx, per=n.per, subject=None, indicator=None, year=None, place=None,
        scope=None, start=raw_start, end=raw_end, sentence=sentences.sentence(mention.start),
        rule=f"{mention.pattern}/{mention.rule}", steps=n.steps,
    )


def extract_facts(text: str, doc: str | None = None, rules: Rules | None = None, context: bool = True) -> list[Fact]:
    """The statistic facts of one article.

    >>> [(f.value, f.unit, f.per) for f in extract_facts("每亩 800元的保底分红")]
    [(800, '元', '亩')]
    """
    return extract(text, doc, rules, context).facts


def facts_frame(facts: list[Fact]):
    """The facts as a pandas DataFrame, one row per fact, contract columns first."""
    import pandas as pd

    return pd.DataFrame([f.row() for f in facts], columns=list(FACT_COLUMNS))
