"""Stage 5: the subject of a fact — the short phrase naming what is counted or paid.

Where the article names it, in order of preference:
1. a quoted name right before the number: `“大学生就业创业基地”1个`;
2. the noun phrase right after the figure: `193户木耳种植户`, `2100座大棚`,
   `每亩 800元的保底分红`, `10多万元资金`;
3. the phrase just before the number in its clause: `稳岗补助 5202 人`,
   `累计发放工资 614.42 万元` (the verb is dropped when a noun follows it), or the
   verb phrase itself when there is no noun (`吸纳带动就业 998人`);
4. the subject of a neighbouring fact: `2165 人 159.79 万元` share the programme,
   `由300—1800元调整为500—1800元` shares the subject of the first range.
Only the clause around a figure is segmented (jieba), never the whole article.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile
from typing import Callable

import regex

from .mentions import MODAL_PARTICLES, PERCENT_KINDS, SENTENCE_END, TURN, Mention, clause_start, question_before
from .rules import Rules, alternation
from .segment import tagger

# jieba tags that can be part of a noun phrase; verbs (v, vn) may join in a phrase
# before the number.
NOUN_TAGS = {"n", "nz", "nt", "nr", "ns", "nrt", "j", "l", "ng", "an", "eng", "b", "i", "zg", "k"}  # k: 跑者's 者
VERB_TAGS = {"v", "vn", "vd"}
# Particles, prepositions, conjunctions, pronouns and punctuation never end or open a subject.
FUNCTION_TAGS = {"u", "uj", "ul", "uz", "ug", "uv", "ud", "p", "c", "r", "x", "y", "w", "e", "o"}
# Adverbs and place words never end a subject: 粉丝也(涨到), 住院楼地上(22层).
TRAILING_TAGS = {"d", "f", "s"}
MAX_SUBJECT = 10
MAX_LABEL = 8  # a longer text before a colon is a sentence, not a label
# A percentage (PERCENT_KINDS) or 倍 with no subject of its own usually tells the change of
# the figure before it.
CHANGE_UNITS = ("倍",)  # 是上年的2.3倍, 增长近一倍: a multiple of the figure before
_DATES = regex.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:以来|底|初|末|来)?|\d{1,2}月(?:\d{1,2}日|份|底|初)?|[〇○零一二三四五六七八九]{4}年")
_QUOTED_BEFORE = regex.compile(r"[“\"「『]([^“”\"「」『』，。！？；：,!?;:]{2,16})[”\"」』]\s*$")  # a name, not speech
_RUN_AFTER = regex.compile(r"的?(\p{Han}{1,12})")
_NOT_HAN = regex.compile(r"[^\p{Han}A-Za-z]")
_PRICE_OF_ONE = regex.compile(r"一个?(?:钟头|小时|平方米?|平米|斤|公斤|亩|天|晚|人|户|单|件|次|趟|份|碗|杯|瓶|盒|袋|箱|包|条|只|顿|针|节课)"
                              r"[能要卖就才得赚挣收花罚抽给到了是]{0,3}$")  # 一级果一斤卖到了12块
_NOT_HAN_BUT_NUMBERED = regex.compile(r"(?![A-Z]?\d+(?:号线|路(?=公交|车|全长|线路|日均|开通|途经|共|设)))[^\p{Han}A-Za-z]")  # 1号线, 301路: a line's number is its name
_GAP = regex.compile(r"[\s、]?|整?[（(]")  # 叁佰伍拾万元整（¥3500000.00）: the same sum again
_WHOLE_PLACE = regex.compile(r"全[村乡镇县市区省州旗]")
_FROM_WORDS = ("从", "由", "比", "较", "高于", "低于", "高出", "快于", "慢于", "超出")  # what changes or compares stands before
_CHANGED_TO = regex.compile(r"\p{Han}{0,4}(?:到|至|为)")
_DURATION_NOUN = regex.compile(r"(?:周期|工期|期限|时间|时长|年限|日数|天数|寿命|用时|耗时)$")  # jieba tags them as times
_SPAN_NOUN = regex.compile(r"(?:假期|长假|档期)$")  # 国庆假期7天: what a length of time is the length of


@dataclass(frozen=True)
class _WordSets:
    links: frozenset[str]
    leads: frozenset[str]
    long_links: tuple[str, ...]  # link words of two characters or more, for str.startswith
    vague: frozenset[str]  # words that name no thing of their own (涨幅, 同期)
    grants: tuple[str, ...]  # verbs after a sum that introduce what it is (给予)
    surnames: tuple[str, ...]
    shares: tuple[str, ...]  # the verbs of a share (占): a percentage's subject stands before them
    progress: frozenset[str]  # verbs of progress on the thing counted before (整改到位, 已完工)
    speaker: regex.Pattern  # a speaker's name or nickname ending a label: 听众阿峰, 老周, 刘叔, 小雨妈
    dimensions: frozenset[str]  # 长, 宽, 重: a clause of only one of these measures the thing counted before it
    hosts: tuple[str, ...]  # turn labels of those who ask or narrate (记者, 主持人, 问): never the speaker of an age
    groups: regex.Pattern | None  # 在职职工为, 退休人员为: a group a figure is given for, then its link, ending the phrase
    no_topic: tuple[str, ...]  # 受, 由于: a sentence opening with one of these has no topic
    outcomes: tuple[str, ...]  # 死亡, 受伤: what befalls the people counted before it
    singles: frozenset[str]  # 牛, 米, 煤: things a figure counts that one character names
    standards: tuple[str, ...]  # 标准: after a figure, the standard it sets for what is paid
    spans: regex.Pattern | None  # 为期(约): before a length of time, which is of the event named after its 的
    cap: regex.Pattern  # 最高不超过: a clause of a cap on what the clause before pays
    tag: Callable[[str], tuple[tuple[str, str], ...]]  # segmentation with the rule set's nouns


@lru_cache(maxsize=8)
def _word_sets(rules: Rules) -> _WordSets:
    """The subject word lists of ``rules`` as sets, built once per rule set."""
    links = rules.subject_words.get("link", [])
    words = rules.subject_words
    surnames = tuple(words.get("surname", []))
    return _WordSets(frozenset(links), frozenset(words.get("lead", [])), tuple(word for word in links if len(word) > 1),
                     frozenset(words.get("vague", [])), tuple(words.get("grant", [])), surnames,
                     tuple(words.get("share", [])), frozenset(words.get("progress", [])), _speaker_re(surnames),
                     frozenset(words.get("dimension", [])), tuple(words.get("host", [])), _group_re(words.get("group", [])),
                     tuple(words.get("no-topic", [])), tuple(words.get("outcome", [])),
                     frozenset(words.get("single", [])), tuple(words.get("standard", [])),
                     _span_re(words.get("span", [])),
                     _cap_re(words.get("cap", []), words.get("cap-opening", []), words.get("cap-verb", [])), tagger(rules))


def _cap_re(heads: list[str], openings: list[str], verbs: list[str]) -> regex.Pattern:
    """但最高不超过, 单笔上限为: a cap's head word with the word that may open it and the verb after."""
    return regex.compile(rf"[ \t]*(?:{alternation(openings)})?(?:{alternation(heads)})"
                         rf"(?:{alternation(verbs)})?(?:人民币)?")


def _span_re(words: list[str]) -> regex.Pattern | None:
    return regex.compile("(?:" + alternation(words) + ")约?$") if words else None


_GROUP_LINKS = ("为", "是")


def _group_re(groups: list[str]) -> regex.Pattern | None:
    """起付标准在职职工为, 退休人员为: what a figure is given for, with the link before the number."""
    return regex.compile(f"(?:{alternation(groups)})均?(?:{'|'.join(_GROUP_LINKS)})$") if groups else None


def _speaker_re(surnames: tuple[str, ...]) -> regex.Pattern:
    """How Chinese writes a speaker's nickname in a transcript or a chat: 阿禾, 阿May, 老周,
    小宋, 刘叔, 陈姐, 小雨妈."""
    names = alternation(surnames)
    return regex.compile(rf"(?:阿[\p{{Han}}A-Za-z]{{1,4}}|[小老](?:{names})|(?:{names})(?:[叔姨姐哥伯婶嫂爷奶]|师傅|老师|大爷|大妈|阿姨)"
                         rf"|\p{{Han}}{{1,2}}[妈爸])$")


@dataclass
class _Found:
    text: str | None
    weak: bool = False  # a verb phrase only: a neighbour's noun subject is better
    rate_only: bool = False  # the clause before names only the rate (，每立方米3.45元)


def find_subjects(text: str, mentions: list[Mention], kinds: list[str], rules: Rules) -> list[str | None]:
    """Subjects of the ``mentions`` of cleaned ``text`` (same order), None where unnamed.

    >>> from extract.facts import extract_facts
    >>> [f.subject for f in extract_facts("共有 193 户木耳种植户，2100 座大棚")]
    ['木耳种植户', '大棚']
    """
    if _LOWER_WORD.search(text):  # most articles hold no English word: skip the pass
        text = _GLOSS.sub(lambda m: " " * len(m.group()), text)
    found = [_own_subject(text, m, mentions[k - 1] if k else None, kind, rules)
             for k, (m, kind) in enumerate(zip(mentions, kinds))]
    resolved: list[str | None] = []
    sets = _word_sets(rules)
    for k in range(len(mentions)):
        subject = _or_neighbour(text, k, mentions, found, resolved, sets.progress)
        if subject is None and kinds[k] not in PERCENT_KINDS:
            subject = _sentence_topic(text, mentions[k].start, sets)  # the last resort, in talk
        if subject is None:
            subject = _prose_topic(text, mentions[k].start, kinds[k], sets)
        resolved.append(subject)
    if "分别" in text:
        _respectively(text, mentions, kinds, resolved, sets)
    if sets.groups is not None:
        _given_for_groups(text, mentions, resolved, sets)
    _whose_age(text, mentions, kinds, resolved)
    return resolved


_AGE_WORDS = ("年龄", "年纪")
_EXTREME_AGE = regex.compile(r"(?:年龄|年纪)?最[大小]的(?:已经|才|仅|已|只有|也有|也)?\Z")  # 最大的68岁, 年纪最小的才22岁
_AGE_OF = regex.compile(r"(?:^|(?<=[，。；！？：,;!?:\n]))\s*(\p{Han}{2,10}?)(?:(?:当中|中)[，,]?\s*\p{Han}{0,4}?)?(?:年龄|年纪)")  # 患者中年龄, 外出劳动力中，近三成年龄
_NOT_A_GROUP = ("其", "其中", "平均", "男", "女", "男性", "女性")


def _whose_age(text: str, mentions: list[Mention], kinds: list[str], resolved: list[str | None]) -> None:
    """护路员年龄大多在四十五岁到六十岁之间, 患者中年龄最小的9岁, 有队员三十六人，年龄最小的只有九岁:
    an age told of 年龄 is the age of the people the sentence names or counts before it."""
    for k, mention in enumerate(mentions):
        if kinds[k] != "age" or not ((resolved[k] or "").startswith(_AGE_WORDS) or (
                resolved[k] is None and _EXTREME_AGE.search(text, max(0, mention.start - 8), mention.start))):
            continue
        sentence = clause_start(text, mention.start, SENTENCE_END)
        named = [m.group(1) for m in _AGE_OF.finditer(text, sentence, mention.start)]
        group = next((name for name in named if not name.endswith(_NOT_A_GROUP)), None)
        if group is None:
            counted = [j for j in range(k) if kinds[j] == "people" and resolved[j]]
            same = [j for j in counted if mentions[j].start >= sentence]
            before = [j for j in counted if mentions[j].start >= clause_start(text, max(0, sentence - 1), SENTENCE_END)]
            group = resolved[same[0]] if same else (resolved[before[-1]] if before else None)
        if group:
            resolved[k] = group


def _given_for_groups(text: str, mentions: list[Mention], resolved: list[str | None], sets: _WordSets) -> None:
    """起付标准在职职工为800元，退休人员为600元: a figure given for a group (rules: subjects,
    role group) is of the indicator named before the group; a clause naming the group alone
    continues the indicator of the figure before it."""
    for k, mention in enumerate(mentions):
        if text[mention.start - 1:mention.start] not in _GROUP_LINKS:
            continue  # the group's link (为, 是) stands right before the figure: the clause is read only then
        left = clause_start(text, mention.start)
        group = sets.groups.search(text, left, mention.start)
        if group is None:
            continue
        indicator = _HAN_TAIL.search(text, left, group.start())
        if indicator and len(indicator.group()) >= 2:
            resolved[k] = indicator.group()
        elif group.start() == left and k and resolved[k - 1] and _same_sentence(text, mentions[k - 1], mention):
            resolved[k] = resolved[k - 1]


_HAN_TAIL = regex.compile(r"\p{Han}{1,%d}$" % MAX_SUBJECT)


# An English gloss after a Chinese label (货物吞吐量Cargo Throughput：, 出口Export：) names
# nothing new; an acronym (人均GDP) or a brand (iPhone手机) is no gloss.
_LOWER_WORD = regex.compile(r"[a-z]{3}")
_GLOSS = regex.compile(r"(?<=\p{Han})(?=[^：:\p{Han}\n]*?[a-z]{3})\s?(?:[A-Za-z]+\.?(?:[ &/-]+[A-Za-z]+\.?)+|[A-Z][a-z]{3,}(?=\s?[：:]))"
                       r"(?=\s?[：:\p{Han}（(])")


_RESPECTIVELY = regex.compile("分别")
_LIST_SEPARATORS = ("、", "和", "及", "与", "以及")


def _respectively(text: str, mentions: list[Mention], kinds: list[str], resolved: list[str | None],
                  sets: _WordSets) -> None:
    """对欧盟、美国分别进出口192.6亿元和147.2亿元: as many figures after 分别 as things
    listed before it take those things as subjects, in order; 航班起降1.1万架次，运送旅客172.6万人次，
    同比分别增长5.2%和9.8%: changes after 分别 take the subjects of as many figures before it."""
    starts = [m.start for m in mentions]
    for marker in _RESPECTIVELY.finditer(text):
        left = clause_start(text, marker.start(), SENTENCE_END)
        right = min([i for i in (text.find(ch, marker.end()) for ch in SENTENCE_END) if i >= 0] or [len(text)])
        following = text.find("分别", marker.end(), right)
        right = following if following >= 0 else right
        figures = [k for k, start in enumerate(starts) if marker.end() <= start < right]
        items = _enumeration(text[left:marker.start()], sets.tag)
        if items and len(figures) == len(items):
            for k, item in zip(figures, items):
                resolved[k] = item
        elif len(figures) >= 2 and all(kinds[k] in PERCENT_KINDS for k in figures) and _names_nothing(text, marker.start(), sets.shares):
            before = [k for k, start in enumerate(starts) if left <= start < marker.start() and kinds[k] not in PERCENT_KINDS]
            if len(before) >= len(figures):
                for k, earlier in zip(figures, before[-len(figures):]):
                    resolved[k] = resolved[earlier] or resolved[k]


def _names_nothing(text: str, pos: int, shares: tuple[str, ...]) -> bool:
    """Does the clause before ``pos`` hold no more than a comparison (同比分别增长)?"""
    head = text[clause_start(text, pos):pos]
    for word in shares:  # longest first
        head = head.replace(word, "")
    return len(_NOT_HAN.sub("", head)) <= 1


def _enumeration(segment: str, tag: Callable) -> list[str] | None:
    """The last list of nouns in ``segment`` (日本、韩国及港澳旅客 → 3 items), or None."""
    words = tag(_NOT_HAN_OR_LIST.sub("", segment))
    separators = [k for k, (word, _) in enumerate(words) if word in _LIST_SEPARATORS]
    for last in reversed(separators):
        tail = _nouns(words[last + 1:], from_end=False)
        if not tail:
            continue
        items, end = [tail], last
        while True:
            start = max((k for k in separators if k < end), default=-1)
            item = _nouns(words[start + 1:end], from_end=True)
            if not item:
                break
            items.insert(0, item)
            if start < 0 or start not in separators or start + 1 == end:
                break
            end = start
            if not any(k < end for k in separators):
                first = _nouns(words[:end], from_end=True)
                if first:
                    items.insert(0, first)
                break
        if len(items) >= 2:
            return items
    return None


_NOT_HAN_OR_LIST = regex.compile(r"[^\p{Han}、]")


def _nouns(words, from_end: bool) -> str | None:
    """The run of nouns at the end (or the start) of ``words``."""
    picked = []
    for word, flag in (reversed(words) if from_end else words):
        if flag not in NOUN_TAGS:
            break
        picked.append(word)
    if from_end:
        picked.reverse()
    phrase = "".join(picked)
    return phrase if 2 <= len(phrase) <= MAX_SUBJECT else None


def _own_subject(text: str, mention: Mention, previous: Mention | None, kind: str, rules: Rules) -> _Found:
    quoted = _QUOTED_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    if quoted:
        return _Found(quoted.group(1))
    if mention.noun and mention.pattern in ("counted-noun", "table", "caption"):
        return _Found(mention.noun)  # 近5万在校生: the noun is part of the mention; a table row's or a list line's label
    sets = _word_sets(rules)
    if kind == "age":
        person = _named_after_age(text, mention.end, sets) or _person_after_age(text, mention.end, sets) \
            or _person_before_age(text, mention.start, sets.surnames) or _person_referred(text, mention, sets)
        if person:
            return _Found(person)
    label = _label_after_figure(text, mention, sets)
    if label:
        return _Found(label)
    event = _event_spanned(text, mention, sets) if kind == "duration" else None
    if event:
        return _Found(event)
    if kind == "length" and text.startswith(_AWAY, mention.end):
        place = _place_after(text, mention.end + len(_AWAY), sets)
        if place:
            return _Found(place)  # 从60多公里外的鹞子岩搬来: how far away the place is
    outcome = next((word for word in sets.outcomes if text.startswith(word, mention.end)), None) if kind == "people" else None
    if outcome and _OUTCOME_END.match(text, mention.end + len(outcome)):
        return _Found(outcome)  # 造成37人死亡、196人受伤
    standard = _standard_of(text, mention, kind, sets)
    if standard is not None:
        return _Found(standard or None)
    after = _phrase_after(text, mention.end, kind, sets, bound=_is_bound(text, mention))
    if after and after.startswith(sets.long_links):
        after = None  # 1286.5亿元同比增长8.6%: 同比 tells a change, it names nothing
    grant_at = _grant_after(text, mention.end, sets) if after is None and kind in ("money", "percent") else None
    if grant_at is not None:
        grant = next(word for word in sets.grants if text.startswith(word, grant_at))
        granted = _GRANTED.match(text, grant_at + len(grant))  # 按每人1500元给予一次性扩岗补助
        after = granted.group(1) if granted else None
    if mention.noun and not (after and after.startswith(mention.noun) and not _verb_next(after, mention.noun, sets.tag)):
        return _Found(mention.noun)  # 1086名老人发放高龄津贴: the noun, not what it does
    if after:
        return _Found(after)
    capped = _capped(text, mention, previous, sets) if kind == "money" else None
    if capped:
        return _Found(capped)
    found = _phrase_before(text, mention, previous, kind, rules)
    if found.text in sets.grants:  # 每个给予5万元一次性奖补: what the verb gives, after the figure
        granted = _GRANTED_AFTER.match(text, mention.end)  # but not 补助1.5万元至3.5万元不等
        found = _Found(_granted_before(text, mention.start, found.text, sets) or (granted and granted.group(1)) or found.text)
    if found.text and _COMPARED.sub("", found.text) in sets.vague and not (kind == "people" and found.text in sets.hosts):
        found = _Found(None)  # 涨幅0.56%, 较常年同期偏高2.1℃: the figure before names the thing
    if not found.text:
        among = _AMONG.search(text, max(0, mention.start - 24), mention.start)
        if among:  # 在接受手术的患者中，七十岁以上的占…; 在岗人员中，
            return _Found(among.group(1)[among.group(1).rfind("的") + 1:])
        pack = _PACK_BEFORE.search(text, clause_start(text, mention.start), mention.start) if kind == "money" else None
        label = _sentence_label(text, mention.start, sets)
        if pack and not (label and not _ALL_HAN.match(pack.group("pack"))):
            return _Found(pack.group("pack"))  # 水蜜桃3斤装¥25.8, 10斤装每箱39.9元: the pack the price is for (食用油：5升装… is 食用油's)
        if label:
            return _Found(label, weak=True)  # 阳光玫瑰葡萄：每盒2斤，团购价29.9，原价59
        topic = _question_topic(text, mention.start, previous, sets)
        if topic:
            return _Found(topic, weak=True)
        speaker = _speaker_of_line(text, mention.start, sets) if kind == "age" else None
        if speaker:
            return _Found(speaker)  # 老贺：〇六年，二十七岁才跟着我舅出来
    return found


_EVENT_PREFIX = regex.compile(r"[^，。；\n“”「」]{0,10}?(?:第[\d一二三四五六七八九十百]+|首|本)届|\d{2,4}年?|[〇○零一二三四五六七八九]{4}年")
_EVENT_END = regex.compile(r"[在于，。；、,;：:！!\n（(]|落下|落幕|闭幕|开幕|收官|收竿|圆满|日前|近日|拉开|举行|结束|期间|中(?=[，,])|\d{1,2}[月日]")
_QUOTED = regex.compile(r"[“「『\"《]([^”」』\"》]*)[”」』\"》]")
_EVENT_NAME = 8  # characters: the head of a long event name (城镇燃气安全专项整治行动 → 安全专项整治行动)


def _event_spanned(text: str, mention: Mention, sets: _WordSets) -> str | None:
    """为期10天的第九届鄜溪采茶戏艺术节在县大剧院落下帷幕: a length of time said before 的 is the
    event's, named after the 的 without its edition, year or slogan."""
    if sets.spans is None or not text.startswith("的", mention.end) \
            or not sets.spans.search(text, max(0, mention.start - 5), mention.num_start):
        return None
    pos = mention.end + 1
    prefix = _EVENT_PREFIX.match(text, pos)
    pos = prefix.end() if prefix else pos
    end = _EVENT_END.search(text, pos, pos + 30)
    phrase = text[pos:end.start() if end else pos + 30]
    quoted = _QUOTED.search(phrase)
    if quoted:  # the slogan goes (“三清一灭”爱国卫生运动), unless it is all the name there is (“千年窑火——琅溪古瓷特展”)
        unquoted = phrase[:quoted.start()] + phrase[quoted.end():]
        named_outside = len(phrase) - quoted.end() >= 3 or (quoted.start() and quoted.end() < len(phrase))
        phrase = unquoted if named_outside else quoted.group(1)
    named = _ALL_HAN.match(_NAME_BREAK.split(phrase)[-1])  # 泓城大剧院2025暑期惠民演出季, 千年窑火——琅溪古瓷特展
    words = _name_words(sets.tag(named.group())) if named else []
    while len("".join(words)) > _EVENT_NAME and len(words) > 1:
        words.pop(0)
    name = "".join(words)
    return name if len(name) >= 2 and _ALL_HAN.fullmatch(name) else None


_NAME_BREAK = regex.compile(r"\d{4}年?|[—·\-–]+")
_TIME_BEFORE_A_NAME = {"t", "m", "q"}
_NOT_IN_A_NAME = {"d", "p", "f", "u", "uj", "ul", "uz", "c", "r", "y", "ad"}


def _name_words(words: tuple[tuple[str, str], ...]) -> list[str]:
    """The words of a name up to the predicate after it (比赛共设42个小项, 茶节吸引了游客)."""
    name: list[str] = []
    for k, (word, flag) in enumerate(words):
        if not name and flag in _TIME_BEFORE_A_NAME:
            continue  # 暑期惠民演出季
        verb_ends = flag == "v" and name and not (k + 1 < len(words) and words[k + 1][1] in NOUN_TAGS | {"v", "vn"})
        if flag in _NOT_IN_A_NAME or verb_ends:
            break
        name.append(word)
    return name


_AWAY = "外的"


def _place_after(text: str, pos: int, sets: _WordSets) -> str | None:
    """The nouns that open the text at ``pos`` (鹞子岩 of 鹞子岩搬到这里), if two characters or more."""
    words = []
    for word, flag in sets.tag(text[pos:pos + MAX_SUBJECT]):
        if flag not in NOUN_TAGS:
            break
        words.append(word)
    place = "".join(words)
    return place if len(place) > 1 else None


_PACK_BEFORE = regex.compile(r"(?P<pack>(?:\p{Han}{1,6}[ \t]?)?[\d一二三四五六七八九十两]+(?:斤|公斤|千克|克|升|L|个|只|枚|袋|盒|瓶)装)"
                          r"(?:的\p{Han}{1,3})?(?:只要|只卖|才|仅|仅需|售价|卖|每\p{Han})?[ \t]*\Z")
_CLAUSE_ENDS_IN_A_THING = regex.compile(r"\p{Han}{2}[，,]\s*\Z")


def _capped(text: str, mention: Mention, previous: Mention | None, sets: _WordSets) -> str | None:
    """按投资额的30%给予补贴，最高不超过50万元: a cap in a clause of its own is on what the
    clause before pays, named at its end: a grant verb's object (给予补贴), a noun after 的
    (设备投资额8%的奖补), or the nouns ending the clause (支付违约金)."""
    left = clause_start(text, mention.start)
    if left == 0 or not sets.cap.fullmatch(text, left, mention.num_start) or not _CLAUSE_ENDS_IN_A_THING.search(text, max(0, left - 3), left):
        return None
    if previous is not None and previous.end >= left - 2:
        return None  # 支付违约金人民币贰佰元，最高不超过…: the figure before names the thing
    before = text[clause_start(text, left - 1):left - 1]
    granted = [at + len(word) for word in sets.grants if (at := before.rfind(word)) >= 0 and _PAID.fullmatch(before, at + len(word))]
    if granted:
        return _grant_object(before, max(granted), sets)  # the last grant verb's object: 给予奖励
    of = _OF_A_THING.search(before)
    if of:
        return of.group(1)
    words = tuple(sets.tag(before))
    if not words or words[-1][1] not in NOUN_TAGS:
        return None
    found = _chunk(words, sets.singles)
    return found.text if found.text and not found.weak else None


_OF_A_THING = regex.compile(r"的(\p{Han}{2,6})$")


def _standard_of(text: str, mention: Mention, kind: str, sets: _WordSets) -> str | None:
    """按每户2万元的标准给予重建补助, 长护险基金按每人每年120元的标准筹集: a figure a payment
    is made by (按 … 的标准) is of what is paid: the thing a grant verb after the standard gives,
    else the noun phrase before 按; "" when a sum's clause opens with 按 (it is that of the sum before;
    but 按14%的标准含水量 names a measure, no payment)."""
    after = mention.end + text.startswith("的", mention.end)
    if not any(text.startswith(word, after) for word in sets.standards):
        return None
    left = clause_start(text, mention.start)
    by = _BY_STANDARD.search(text, left, mention.start)
    if by is None:
        return None
    rest = text[mention.end:_LABEL_END.search(text + "\n", mention.end).start()]
    grant = min(((rest.find(grant), grant) for grant in sets.grants if grant in rest), default=None)
    paid = _grant_object(rest, grant[0] + len(grant[1]), sets) if grant else None
    if paid:
        return paid
    if not text[left:by.start()].strip():
        return "" if kind == "money" else None  # 下达补贴…，按每亩105元标准直补到户: the sum before is paid by it
    words = list(sets.tag(text[left:by.start()]))
    if len(words) == 1 and len(words[0][0]) > 1 and words[0][1] in VERB_TAGS:
        return words[0][0]  # 补助按每生每年3000元标准: the payment named by its verb
    while words and (words[0][0] in sets.leads or words[0][1] not in NOUN_TAGS):
        words.pop(0)  # 各乡镇要按照…: the scope and the modal before the thing
    found = _chunk(tuple(words), sets.singles) if words and (words[-1][1] in NOUN_TAGS or words[-1][1] == "vn") else None
    return found.text if found and not found.weak else None


def _granted_before(text: str, start: int, grant: str, sets: _WordSets) -> str | None:
    """按每人500元标准发放一次性交通补贴，共发放2917人: a figure of a grant verb alone counts
    what the same verb earlier in its sentence gives."""
    sentence = text[clause_start(text, start, SENTENCE_END):start]
    at = sentence.rfind(grant)
    while at >= 0 and not _PAID.match(sentence, at + len(grant)):
        at = sentence.rfind(grant, 0, at)  # the last time the verb gives something
    return _grant_object(sentence, at + len(grant), sets) if at >= 0 else None


def _grant_object(text: str, pos: int, sets: _WordSets) -> str | None:
    """What a grant verb ending at ``pos`` gives: the nouns right after it (发放一次性交通补贴)."""
    paid = _PAID.match(text, pos)
    words = list(sets.tag(paid.group())) if paid else []
    while words and words[-1][0] in sets.links:
        words.pop()  # 每公顷补助新台币4万元: the currency before a figure is no object
    if not words or words[0][0].startswith("每"):
        return None  # 奖励每村2万元: the grant's rate, not its object
    return _trim([word for word, _ in words], sets.singles)


_BY_STANDARD = regex.compile(r"按照|依照|按")
_PAID = regex.compile(r"\p{Han}{2,12}")


_OUTCOME_END = regex.compile(r"[，。；、,;）)！!\n]|$")
_LINE_OPENING = regex.compile(r"(?:^|(?<=\n))[ \t\u3000]*(?:[▲△●○■□◆◇★☆►▶·•\-\*>]|\d{1,2}[.、]|[（(]\d{1,2}[)）])?[ \t\u3000]*\Z")
_COLON_AFTER = regex.compile(r"[ \t\u3000]*[：:][ \t\u3000]*")
_LABEL_END = regex.compile(r"[，。；,;！？!?\n]")


def _label_after_figure(text: str, mention: Mention, sets: _WordSets) -> str | None:
    """▲158.7亿元：全县地区生产总值，增长5.8%: a figure opening a line, then a colon, is of the
    label after the colon (its noun after any 的, without the scope and the verb opening it)."""
    colon = _COLON_AFTER.match(text, mention.end)
    if colon is None or not _LINE_OPENING.search(text, max(0, mention.start - 8), mention.start):
        return None
    end = _LABEL_END.search(text, colon.end(), colon.end() + 40)
    label = text[colon.end():end.start() if end else colon.end()]
    label = label[label.rfind("的") + 1:]  # 实现“同网同价”后的居民水价
    words = list(sets.tag(label))
    while words and (words[0][0] in sets.leads or words[0][1] not in NOUN_TAGS):
        words.pop(0)  # 全年安排县级重点项目, 新改建农村公路里程
    phrase = (_trim([word for word, _ in words], sets.singles) or "").lstrip("、，,")
    return phrase if len(phrase) >= 2 and phrase not in sets.vague else None


_AMONG = regex.compile(r"(?:^|(?<=[，。；！？：\n]))\s*(\p{Han}{2,15}?)(?:当中|中)[，,]\s*(?:其中)?\Z")  # a clause naming the group a figure is of


def _sentence_label(text: str, start: int, sets: _WordSets) -> str | None:
    """The label before a colon earlier in the sentence (a list item: `X：a，b，c`); not a
    speaker's name (马长河：…) nor a clause with a verb."""
    sentence_start = clause_start(text, start, SENTENCE_END)
    colon = max(text.rfind("：", sentence_start, start), text.rfind(":", sentence_start, start))
    if colon <= sentence_start:
        return None
    label = _colon_label(text, colon, sets)
    if label is None or (len(label) <= 3 and label.startswith(sets.surnames)):
        return None
    return label if not any(flag == "v" for _, flag in sets.tag(label)) else None


_TO_WHOM = regex.compile(r"[向给为]\p{Han}+")  # 按每亩350元向农户支付土地流转费: to whom it is paid
TO_WHOM_LENGTH = 8  # characters of the one paid


def _grant_after(text: str, pos: int, sets: _WordSets) -> int | None:
    """Where a grant verb starts right after ``pos``, or after a short 向/给 phrase (向农户支付)."""
    if text.startswith(sets.grants, pos):
        return pos
    if not _TO_WHOM.match(text, pos):
        return None
    return next((end for end in range(pos + 2, pos + 2 + TO_WHOM_LENGTH)
                 if text.startswith(sets.grants, end) and _TO_WHOM.fullmatch(text, pos, end)), None)


_GRANTED = regex.compile(r"(\p{Han}{2,10})(?=[，。；、,;：:）)]|$)")  # what a grant verb gives, to the clause end
_RANGE_TAIL = r"(?:不等|左右|以上|以下|之间|以内|上下)"
_GRANTED_AFTER = regex.compile(rf"(?:{_RANGE_TAIL}的)?(?!{_RANGE_TAIL})(\p{{Han}}{{2,10}})(?=[，。；、,;：:）)]|$)")  # 收取1至5美元不等的税款
_COMPARED = regex.compile(r"偏[高低多少大小早晚]$")  # 同期偏高: 偏高 tells the comparison


# What an age is of: 七十一岁的郑守田, 严国富今年五十八岁, 被告人柯某某，男，…案发时45岁.
_AFTER_AGE = regex.compile(r"的(\p{Han}{2,10}?)(?=[，。；、,;：:）)]|是|在|从|带|把|被|将|说|和|与|等|$)")
_BEFORE_AGE = regex.compile(r"(\p{Han}{2,4}?)(?:今年|时年|现年|当年|年仅|年满|年届|年逾|年过|年近|年已|已经|已|才|只有|刚满|满)*$")
_PERSON_ENTRY = regex.compile(r"(?:^|[。！？：:\n])(?:被告人|被害人|犯罪嫌疑人|申请人|当事人)?(\p{Han}{2,4})[，,][男女][，,]")
_NOT_A_PERSON = ("他", "她", "其", "我", "你", "全村", "全县", "全市")


_ROLE_END = "民人员手将师生户工长者娘授任记理士农主众"  # 村民, 老人, 球员, 门将, 教授, 主任, 果农, 园主: a role before a name
_ROLE_REACH = 8  # characters from 的 to the name


@lru_cache(maxsize=8)
def _name_re(surnames: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(rf"(?:{alternation(surnames)})(?:某某|某|\p{{Han}}{{2}})")


def _named_after_age(text: str, end: int, sets: _WordSets) -> str | None:
    """62岁的村民郑老栓正蹲着…, 年仅14岁的替补球员黄思远, 76岁老人周德厚: the name right after 的,
    or after the role the age describes; not a word that merely opens with a family name (高龄老人)."""
    first = end + 1 if text.startswith("的", end) else end + 2  # without 的, a role comes first
    if not _ALL_HAN.match(text, end, end + 1):
        return None
    name_re = _name_re(sets.surnames)
    for pos in range(first, min(len(text), end + 1 + _ROLE_REACH)):
        if not _ALL_HAN.match(text, pos - 1, pos + 1):
            return None  # the clause ends
        if pos > end + 1 and text[pos - 1] not in _ROLE_END:
            continue
        m = name_re.match(text, pos)
        if m and text[m.end():m.end() + 1] not in _PLACE_ENDS and _is_person_name(m.group(), text[m.end():m.end() + 2], sets):
            return m.group()
    return None


_PLACE_ENDS = "村镇乡县市区省"  # 刘家坪村: a place, not a person
_PLACE_OR_ROLE_BEFORE_NAME = regex.compile(r"(?:[村镇乡组]|社区|[户农]|村民|居民|群众)\Z")  # 七里冲村吴大兴, 养殖户钱四宝


def _is_person_name(name: str, after: str, sets: _WordSets) -> bool:
    """Is ``name`` a person's name: does its first word stand alone or as a name, and does
    it end where a word ends (岳宁大学 holds no 岳宁大)?"""
    words = sets.tag(name + after)
    first, flag = words[0]
    ends, at_boundary = 0, False
    for word, _ in words:
        ends += len(word)
        at_boundary = at_boundary or ends == len(name)
    return (len(first) == 1 or flag.startswith(("nr", "nz"))) and at_boundary


def _person_after_age(text: str, end: int, sets: _WordSets) -> str | None:
    """60岁以上的老人有142个: who the age describes, after 的, without the figure of how many
    follow (七十岁以上的占百分之六十二 names nobody)."""
    m = _AFTER_AGE.match(text, end, end + 12)
    if m is None or m.group(1).startswith(_NOT_A_PERSON):
        return None
    phrase = m.group(1)
    quantity = _QUANTITY_INSIDE.search(phrase)
    if quantity:
        words = list(sets.tag(phrase[:quantity.start()]))
        while words and words[-1][1] not in NOUN_TAGS:
            words.pop()  # 年轻驾驶人约占三成, 小母牛要价一万一
        phrase = "".join(word for word, _ in words)
    return phrase if len(phrase) >= 2 and phrase not in sets.vague else None


_QUANTITY_INSIDE = regex.compile(r"百分之|[〇零一二两三四五六七八九十]成|[〇零一二两三四五六七八九十百千万]{3,}")


def _person_before_age(text: str, start: int, surnames: tuple[str, ...]) -> str | None:
    """The name alone before an age in its clause, or the person a sentence opens
    with in the 姓名，性别， pattern of judgments and personnel notices."""
    left = clause_start(text, start)
    m = _BEFORE_AGE.fullmatch(text, left, start)
    if m and m.group(1).startswith(surnames):
        return m.group(1)
    named = _named_before_mark(text, start, surnames)
    if named:
        return named
    entry = _PERSON_ENTRY.search(text, max(0, clause_start(text, start, SENTENCE_END) - 1), start)
    if entry:
        return entry.group(1)
    if left == start and left and text[left - 1] in "，,":  # 编者按：覃德旺，四十七岁; 七里冲村吴大兴，91岁
        for n in (3, 2):
            name = _name_ending_at(text, left - 1, surnames, (n,))
            opening = left - 1 - n
            if name and (opening == clause_start(text, opening) or _PLACE_OR_ROLE_BEFORE_NAME.search(text, max(0, opening - 8), opening)):
                return name
    aside = _NAME_ASIDE.search(text, max(0, start - 12), start)
    if aside is None:
        return None
    return _name_ending_at(text, aside.start(), surnames, (2, 3, 4))


_PRONOUN_BEFORE_AGE = regex.compile(r"[他她](?:今年|当年|已经|已|才|只有|刚满|满|也)*$")
_PRONOUN_AFTER_AGE = regex.compile(r"的[他她](?!们)")
_REFERENCE_REACH = 160  # characters back to the person a 他 or 她 stands for


def _person_referred(text: str, mention: Mention, sets: _WordSets) -> str | None:
    """他今年67岁, 今年45岁的她: the person named last before the pronoun, within a few
    sentences."""
    if not (_PRONOUN_BEFORE_AGE.search(text, max(0, mention.start - 8), mention.start)
            or _PRONOUN_AFTER_AGE.match(text, mention.end)):
        return None
    found = None
    for m in _name_re(sets.surnames).finditer(text, max(0, mention.start - _REFERENCE_REACH), mention.start):
        if m.group()[-1] not in _PLACE_ENDS and text[m.end():m.end() + 1] not in _PLACE_ENDS \
                and _is_person_name(m.group(), text[m.end():m.end() + 2], sets) and _word_starts_at(text, m.start(), sets):
            found = m.group()
    return found


def _word_starts_at(text: str, pos: int, sets: _WordSets) -> bool:
    """Does a word begin at ``pos`` (村民邵秀英), rather than the family name ending one (支付限额)?"""
    left = max(0, pos - 3)
    ends = left
    for word, _ in sets.tag(text[left:pos + 2]):
        if ends == pos:
            return True
        ends += len(word)
    return ends == pos


# 退休教师黄四海今年72岁, 受助学生小周今年19岁, 我叫潘玉珍，今年五十六岁: the name right
# before 今年 (or the one a speaker gives), however long the clause before it
_AGE_MARK = regex.compile(r"(?:(?:[我俺额]|阿拉)(?P<verb>叫|是)(?P<called>\p{Han}{2,3})[，,])?(?:今年|时年|现年|年仅|年方)(?:已经|已|才|刚满|刚|满)?$")
_NAME_PREFIXES = ("小", "老", "阿")


def _named_before_mark(text: str, start: int, surnames: tuple[str, ...]) -> str | None:
    mark = _AGE_MARK.search(text, max(0, start - 12), start)
    if mark is None:
        return None
    called = mark.group("called")
    if called and (mark.group("verb") == "叫" or _name_ending_at(called, len(called), surnames, (len(called),))):
        return called  # 我叫潘玉珍，今年…; 额是老车，今年… (but not 我是党员)
    return _name_ending_at(text, mark.start(), surnames, (3, 2))


def _name_ending_at(text: str, end: int, surnames: tuple[str, ...], lengths: tuple[int, ...]) -> str | None:
    """The name of one of ``lengths`` characters that ends at ``end``: a family name first
    (黄四海), or 小, 老, 阿 and one (小周); the first length that fits wins."""
    for n in lengths:
        name = text[max(0, end - n):end]
        if len(name) == n and _ALL_HAN.fullmatch(name) and (name.startswith(surnames) or (
                name.startswith(_NAME_PREFIXES) and name[1:].startswith(surnames))):
            return name
    return None


_ALL_HAN = regex.compile(r"\p{Han}+")


# 犯罪嫌疑人刘某（男，27岁）, 市民王女士（化名，56岁）: the age in brackets after a name
_NAME_ASIDE = regex.compile(r"[（(](?:[男女]|化名|\p{Han}{1,2}族|[，,、\s])*$")


def _verb_next(phrase: str, noun: str, tag: Callable) -> bool:
    """Does a verb follow ``noun`` at the start of ``phrase``?"""
    rest = tag(phrase[len(noun):]) if len(phrase) > len(noun) else ()
    return bool(rest) and rest[0][1] == "v"


_BOUND_BEFORE = regex.compile(r"(?:[低高]于|超过|不足|不到|不超过|不少于)$")
_BOUND_AFTER_FIGURE = ("以上", "以下", "以内", "及以上", "及以下")


def _is_bound(text: str, mention: Mention) -> bool:
    """海拔1200米以上的陡坡, 低于70分的: a threshold, which describes what lies beyond it."""
    return text.endswith(_BOUND_AFTER_FIGURE, mention.start, mention.end) or \
        _BOUND_BEFORE.search(text, max(0, mention.start - 3), mention.start) is not None \
        or _BOUND_BEFORE.search(text, mention.start, mention.num_start) is not None


def _phrase_after(text: str, pos: int, kind: str, sets: _WordSets, bound: bool = False) -> str | None:
    """The noun phrase right after the figure (a 的 may stand between; after a figure that is
    no threshold, verbs may open it: 1000元的吸纳就业补贴)."""
    run = _RUN_AFTER.match(text, pos, pos + 13)
    if not run:
        return None
    single = run.group(1)[0] if run.group(1)[0] in sets.singles and not text.startswith("的", pos) \
        and kind not in _NOT_OF_A_THING else None
    if single and _ONE_NOUN_END.match(text, pos + 1):
        return single  # 二十斤米, 三斤多米了: a one-character thing after the unit (jieba takes 米 for a measure)
    words = tuple((word, "n" if flag == "t" and _time_noun(word, kind) else flag)
                  for word, flag in _with_suffixes(sets.tag(run.group(1))))
    if single and words and words[0][0] == single and (len(words) == 1 or words[1][1] not in NOUN_TAGS):
        return single  # 6亩地入了股: a word of its own before the verb (but 村卫生室 is one noun)
    if words and text.startswith("的", pos) and not bound:
        modified_by_figure = _noun_after_de(words)
        if modified_by_figure:
            return modified_by_figure  # 给予1000元的吸纳就业补贴: the figure describes the noun after 的
    if words and words[0][1] == "h" and len(words) > 1 and words[1][1] in NOUN_TAGS:
        words = ((words[0][0] + words[1][0], "n"),) + words[2:]  # 43个非遗项目: a prefix opens the noun
    if not words or not _opens_phrase(words, kind):
        return None
    modified = _modified_noun(words, kind)
    picked: list[tuple[str, str]] = []
    for k, (word, flag) in enumerate(words):
        next_is_noun = k + 1 < len(words) and words[k + 1][1] in NOUN_TAGS
        if picked and flag == "v" and len(word) > 1 and len(words) - k > 2 and k >= modified:
            break  # 三名干警获评全省检察业务标兵: a verb with an object after it starts the predicate
        if modified and k > modified and flag not in NOUN_TAGS and flag != "vn":
            break  # 三四十名采茶工正在茶园: the modified noun is the phrase
        if flag in NOUN_TAGS or flag in ("vn", "t") or k < modified or (
                picked and next_is_noun and (flag == "v" or word in "和与及")):
            picked.append((word, flag))
        else:
            break
    while picked and picked[-1][1] not in NOUN_TAGS and picked[-1][1] != "vn":
        picked.pop()
    if len(picked) == 1 and len(picked[0][0]) == 1 and not modified and not text.startswith("的", pos) \
            and picked[0][0] not in _NOT_COUNTED:
        return picked[0][0]  # 一千六百来棵树, 三千来斤果, 三成利: the thing counted, one character long
    return _trim([w for w, _ in picked], sets.singles)


_NOT_OF_A_THING = ("length", "duration", "age")  # 二里地, 三十来年地: the measure, not what is measured


def _noun_after_de(words: tuple[tuple[str, str], ...]) -> str | None:
    """The noun phrase a 的 after the figure opens: verbs and nouns up to its last noun."""
    picked = list(takewhile(lambda w: w[1] in NOUN_TAGS or w[1] in ("v", "vn"), words))
    while picked and picked[-1][1] not in NOUN_TAGS:
        picked.pop()
    phrase = "".join(word for word, _ in picked)
    return phrase if 2 <= len(phrase) <= MAX_SUBJECT and any(flag in NOUN_TAGS for _, flag in picked) else None


_NOT_COUNTED = set("年月日天时人家次元钱" + MODAL_PARTICLES)  # one character after a figure that names no counted thing (五千二哒)


def _time_noun(word: str, kind: str) -> bool:
    """Does a word jieba tags as a time name the thing a figure measures (工期18个月)?"""
    return _DURATION_NOUN.search(word) is not None or (kind == "duration" and _SPAN_NOUN.search(word) is not None)


def _with_suffixes(words: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """跑/v 者/k → 跑者/n: a suffix makes a noun of the word before it."""
    merged: list[tuple[str, str]] = []
    for word, flag in words:
        if flag == "k" and merged:
            merged[-1] = (merged[-1][0] + word, "n")
        else:
            merged.append((word, flag))
    return tuple(merged)


_MODIFIERS = ("a", "v")
MAX_MODIFIERS = 2


def _modified_noun(words: tuple[tuple[str, str], ...], kind: str) -> int:
    """How many words of an adjective or verb open a noun phrase after a measure-word
    count (126个接种门诊, 38个老旧小区, 15个打包工人): 0 when they do not, or the figure is no count."""
    if kind not in ("count", "people", "households"):
        return 0
    k = 0
    while k < len(words) and k < MAX_MODIFIERS and words[k][1] in _MODIFIERS:
        k += 1
    ends = _HEAD_ENDS.get(kind)
    if ends and not (k < len(words) and words[k][0].endswith(ends)):
        return 0  # 161人实现就业, 92名专家下沉乡镇, 32户签订协议: after a head count a verb starts the predicate
    return k if k and k < len(words) and words[k][1] in NOUN_TAGS else 0


# What a modifier before the noun of a head count may open: 打包工人, 返乡大学生, 大病患者; 107户分散农户
_HEAD_ENDS = {"people": tuple("人员者工生师农民嫂"), "households": ("户", "家庭")}


def _opens_phrase(words: tuple[tuple[str, str], ...], kind: str) -> bool:
    """Can the first word open a subject? 的长江食品 yes, 建设厂房 (after money) no."""
    if _modified_noun(words, kind):
        return True
    first = words[0][1]
    followed_by_noun = len(words) > 1 and words[1][1] in NOUN_TAGS
    if first == "ns":
        return followed_by_noun
    if first == "vn":
        return kind != "money" or len(words) == 1
    return first in NOUN_TAGS or (first == "t" and followed_by_noun)


def _phrase_before(text: str, mention: Mention, previous: Mention | None, kind: str, rules: Rules) -> _Found:
    end = mention.start
    if end and text[end - 1] in "（(":
        end -= 1  # 全程马拉松（42.195公里）: what the aside is about stands before it
    left = clause_start(text, end)
    aside = _aside_before(text, left)
    if aside:
        left = clause_start(text, aside[0])  # 细颗粒物（PM2.5）年均浓度: the aside is skipped, not a clause end
    if previous is not None and left <= previous.end <= mention.start and not (aside and aside[0] <= previous.start < aside[1]):
        left = previous.end
    turn = TURN.match(text, left)
    if turn is not None and turn.end() == end and left in (0, text.rfind("\n", 0, end) + 1):
        return _Found(None)  # 刘师傅：十五。: a speaker's name opens the turn; it names nothing counted
    before = text[left:end] if not aside or aside[0] < left else text[left:aside[0]] + text[aside[1]:end]
    before = _DATES.sub("", before)
    sets = _word_sets(rules)
    if kind in PERCENT_KINDS:
        for share in sets.shares:
            if share in before:
                before = before[:before.rfind(share)]
                break
    before = _NOT_HAN_BUT_NUMBERED.sub("", before)
    thing = _PRICE_OF_ONE.sub("", before) if kind == "money" else before
    if not thing or (len(thing) >= 2 and thing not in sets.vague):
        before = thing  # 地砖一个平方三十五: 一个平方 is the price's denominator, 地砖 the thing (but 盐一斤, 原价一斤)
    if len(before) == 1 and before in sets.singles and (not left or text[left - 1] in _LIST_MARKS):
        return _Found(before)  # 生猪存栏4.26万头、牛3180头
    if len(before) < 2 or before in sets.dimensions:  # 改造干渠2条，长28.4公里: the length of the 干渠
        return _label(text, left, sets) or _topic_before(text, left, previous, sets) \
            or _Found(None, rate_only=before in sets.dimensions)
    tokens = [(word, "n" if flag == "t" and _time_noun(word, kind) else flag) for word, flag in sets.tag(before)]
    base = max((k for k, (word, flag) in enumerate(tokens) if word in _FROM_WORDS and (flag == "p" or word not in "从由比")), default=None)
    if base is not None:  # 稻田养虾面积从最初的三十亩: what changes stands before 从/由/比;
        tokens = tokens[:base] if base or tokens[0][0] != "由" else tokens[1:]  # 由库区迁入移民: what follows
    tokens = _join_each(tokens)
    rate = max((k for k, (word, _) in enumerate(tokens) if word.startswith("每")), default=None)
    one = max((k for k, (word, flag) in enumerate(tokens) if flag == "m" and _ONE_MEASURE.fullmatch(word)), default=None)
    if rate is None and one is not None and (any(flag in NOUN_TAGS for _, flag in tokens[one + 1:])
                                             or len("".join(word for word, _ in tokens[:one])) >= 2
                                             and "".join(word for word, _ in tokens[:one]) not in sets.vague):
        rate = one  # 一吨煤才卖: the thing after the one measured; 木材一方卖: the thing before it
    after_rate = None if rate is None else rate + (2 if tokens[rate][0] == "每" else 1)  # 每 + its measure word
    if after_rate is not None and after_rate < len(tokens) and tokens[after_rate][0] == "口" and tokens[after_rate - 1][0].endswith("人"):
        after_rate += 1  # 每千人口床位数: the 口 of 人口 goes with the rate
    if after_rate is not None and any(flag in NOUN_TAGS for _, flag in tokens[after_rate:]):
        tokens = tokens[after_rate:]  # 生猪养殖保险每头保额: the noun after the rate marker
    elif rate is not None and not any(flag in NOUN_TAGS or flag in VERB_TAGS for _, flag in tokens[after_rate:]):
        while rate and tokens[rate - 1][0].startswith("每"):
            rate -= 1  # 每人每月: the markers side by side
        tokens = tokens[:rate]  # 电价为每千瓦时0.5653元: a rate marker at the end names no thing
        if not tokens:
            return _rate_only(text, left, previous, sets)
    link, lead = sets.links, sets.leads
    if tokens and all(word in link or word in lead or word.startswith("每") or word.endswith("均") for word, _ in tokens) \
            and any(word.startswith("每") or word.endswith("均") for word, _ in tokens):
        return _rate_only(text, left, previous, sets)  # 同比增长6.1%，日均约105万人次: the figure before
    while tokens and (tokens[-1][0] in link or tokens[-1][1] in FUNCTION_TAGS or tokens[-1][0].startswith("每")
                      or tokens[-1][1] in TRAILING_TAGS or tokens[-1][1] == "t"):  # 母亲今年(81岁): a time word ends no subject
        tokens.pop()
    place = None
    while tokens and (tokens[0][0] in lead or tokens[0][1] in FUNCTION_TAGS):
        word = tokens.pop(0)[0]
        place = word if _WHOLE_PLACE.fullmatch(word) else place
    if not tokens and place:
        return _Found(place)  # 全村三百二十多户: the place is all the clause names
    if tokens and tokens[-1][1] == "q" and len(tokens) > 1:
        tokens[-1] = (tokens[-1][0], "n")  # 充电桩, 机井: a measure word that ends the phrase is its head noun
    found = _chunk(tuple(tokens), sets.singles) if tokens else _Found(None)
    if not tokens:
        return _label(text, left, sets) or _topic_before(text, left, previous, sets) or found
    if not found.text or found.weak:
        found = _doer(tokens, sets.singles) or found
    return found if found.text and not found.weak else _label(text, left, sets) or found  # 品种改良：每亩补助300元


def _doer(tokens: list[tuple[str, str]], singles: frozenset[str]) -> _Found | None:
    """粉丝也涨到了3.2w: when the phrase ends in a verb, the nouns before the verb (and its
    adverbs) name the thing."""
    k = len(tokens)
    while k and (tokens[k - 1][1] in VERB_TAGS or tokens[k - 1][1] in TRAILING_TAGS):
        k -= 1
    if k == len(tokens) or not k or tokens[k - 1][1] not in NOUN_TAGS:
        return None
    found = _chunk(tuple(tokens[:k]), singles)
    return found if found.text and not found.weak else None


def _label(text: str, left: int, sets: _WordSets) -> _Found | None:
    """质保期：2年, 定额调整：每人每月增加28元: the label before a colon names the figures
    of a clause that names nothing itself."""
    if not left or text[left - 1] not in "：:":
        return None
    label = _colon_label(text, left - 1, sets)
    return _Found(label) if label else None


def _colon_label(text: str, colon: int, sets: _WordSets) -> str | None:
    """The noun phrase of the clause ending at the colon at ``colon``, if it is short enough
    to be a label (还有个暖心的：…, 其余由居民按楼层分摊：…, 嘉宾：…, 听众阿峰：… are none)."""
    raw = text[clause_start(text, colon):colon]
    label = _NOT_HAN.sub("", raw)
    if not 2 <= len(label) <= MAX_LABEL or label in sets.vague or label.startswith(sets.hosts) or sets.speaker.search(raw.strip()) \
            or sets.tag(label)[-1][1] not in NOUN_TAGS | {"vn"} or _is_speaker(text, colon, label, sets):
        return None
    return label


def _is_speaker(text: str, colon: int, label: str, sets: _WordSets) -> bool:
    """葛长顺：一个月一千二: a name opening a line of a transcript, whose turns it opens
    more than once, is who speaks, not what is counted."""
    turn = TURN.match(text, text.rfind("\n", 0, colon) + 1)
    if turn is None or turn.end() != colon + 1:
        return False
    role = next((word for word in sets.vague if len(word) > 1 and label.startswith(word)), "")  # 嘉宾郑经理
    name = label[len(role):]
    return len(name) <= 3 and name.startswith(sets.surnames) and _turn_labels(text)[label] > 1


def _speaker_of_line(text: str, start: int, sets: _WordSets) -> str | None:
    """老贺：〇六年，二十七岁才跟着我舅出来: an age said in a transcript's turn, naming nobody,
    is the speaker's own; a person's name or nickname opening the line (not 记者, 答)."""
    turn = TURN.match(text, text.rfind("\n", 0, start) + 1)
    if turn is None or turn.end() > start:
        return None
    name = turn.group(1)
    if name.startswith(sets.hosts):
        return None
    return name if sets.speaker.search(name) or (len(name) <= 3 and name.startswith(sets.surnames)) else None


@lru_cache(maxsize=4)  # the figures of one document ask again and again
def _turn_labels(text: str) -> Counter:
    """How many lines of ``text`` each name-and-colon label opens."""
    return Counter(m.group(1) for m in TURN.finditer(text))


_ASKED = regex.compile(r"(?:一个月|一天|一年|一斤|一晚|每|多少|几|怎么|咋|啥|什么|有多|能|要|得|大概|一般|呢|吗)")


def _question_topic(text: str, start: int, previous: Mention | None, sets: _WordSets) -> str | None:
    """记者：摊位费一个月多少？ / 葛长顺：一个月一千二: a figure opening a transcript's answer
    counts what the question before it asked about."""
    line_start = text.rfind("\n", 0, start) + 1
    turn = TURN.match(text, line_start)
    if turn is None or text.find("，", turn.end(), start) >= 0 \
            or (previous is not None and previous.end > turn.end()):
        return None  # only the first figure of the answer
    mark = question_before(text, start)
    if mark is None or mark > line_start:
        return None  # the question is another speaker's line
    asked = TURN.match(text, text.rfind("\n", 0, mark) + 1)
    if asked is None:
        return None
    last = max(asked.end(), clause_start(text, mark))  # 那也不涨不行吧？房租多少？: the last clause
    stop = _ASKED.search(text, last, mark)
    words = list(sets.tag(_NOT_HAN.sub("", text[last:stop.start() if stop else mark])))
    while words and words[0][1] in _NO_TOPIC_TAGS:
        words.pop(0)  # 现在剪个头多少钱了？: 现在 frames the question
    while words and words[-1][1] in _NO_TOPIC_TAGS:
        words.pop()  # 全镇还有多少…？: 还 is no part of it
    topic = "".join(word for word, _ in words)
    if not words or words[-1][1] not in NOUN_TAGS:
        return None  # 买俩箱有没有优惠？ asks no amount of a thing
    return topic if 2 <= len(topic) <= MAX_LABEL and topic not in sets.vague else None


_NO_TOPIC_TAGS = {"t", "r", "d", "c", "p", "u", "y", "e", "zg"}
_TOPIC_REACH = 8  # characters of a sentence's opening read for its topic


def _sentence_topic(text: str, start: int, sets: _WordSets) -> str | None:
    """黄瓜今天一块九一斤, 土豆，两块二一斤: in a speaker's line, a figure with nothing named
    near it is of the thing its sentence opens with (past 我, 今天)."""
    turn = TURN.match(text, text.rfind("\n", 0, start) + 1)
    if turn is None:
        return None  # a speaker's line only: elsewhere the figures around name the thing
    opening = max(clause_start(text, start, SENTENCE_END), turn.end())
    words = list(sets.tag(text[opening:min(start, opening + _TOPIC_REACH)]))
    while words and words[0][1] in _NO_TOPIC_TAGS:
        words.pop(0)
    topic = ""
    for word, flag in words:
        if flag not in NOUN_TAGS:
            break
        topic += word
    return topic if 2 <= len(topic) <= MAX_LABEL and topic not in sets.vague else None


_TOPIC_DATELINE = regex.compile(r"(?:本报讯|本报\p{Han}{0,6}电|新华社\p{Han}{0,8}电)?\s*(?:[（(][^）)\n]{0,30}[）)])?")
_TOPIC_TAGS = NOUN_TAGS - {"ng", "k", "i"}


def _prose_topic(text: str, start: int, kind: str, sets: _WordSets) -> str | None:
    """小麦平均亩产468.5公斤，比上年增加21斤, 本合同一式三份: a figure that nothing near it
    names is of the sentence's topic, the nouns it opens with (past its dateline, dates and
    places)."""
    opening = _TOPIC_DATELINE.match(text, clause_start(text, start, SENTENCE_END)).end()
    words = list(sets.tag(_DATES.sub("", text[opening:min(start, opening + _PROSE_TOPIC_REACH)])))
    if words and (words[0][1] == "p" or words[0][0] in sets.no_topic or (kind == "age" and words[0][1] == "r")):
        return None  # 按不变价格计算，增长5.6%, 受央行…影响: a sentence opening with a preposition has no topic; 我是党员: an age is mine
    while words and (words[0][1] in _NO_TOPIC_TAGS or _WHOLE_PLACE.fullmatch(words[0][0])):
        words.pop(0)
    run = []
    for word, flag in words:
        if (flag not in _TOPIC_TAGS and flag not in VERB_TAGS) or not _LETTERS.fullmatch(word) or word.startswith("每"):
            break
        run.append((word, flag))
    else:
        if not run or run[-1][1] not in VERB_TAGS:
            return None  # the nouns run up to the figure: the phrase before it was read already
    if len(run) > 1 and run[0][1] == "v" and len(run[0][0]) == 1 and sum(len(w) for w, _ in run[1:]) >= 2:
        run.pop(0)  # 是职工医保, 有自有住房: a one-character verb before the thing
    while run and run[-1][1] in VERB_TAGS:
        run.pop()  # 公示期为: 公示 and 期 make one noun; a verb that ends the run is the sentence's
    topic = _trim([word for word, _ in run], sets.singles)
    return topic if topic and len(topic) <= MAX_SUBJECT and topic not in sets.vague else None


_PROSE_TOPIC_REACH = 16  # characters of a sentence's opening read for its topic: the topic is short, tagging is not cheap
_LETTERS = regex.compile(r"[\p{Han}A-Za-z]+")
_ASIDE_LENGTH = 24


def _aside_before(text: str, left: int) -> tuple[int, int] | None:
    """The bracketed aside that a clause starting at ``left`` follows: (its start, ``left``)."""
    if not left or text[left - 1] not in "）)":
        return None
    opened = max(text.rfind("（", max(0, left - _ASIDE_LENGTH), left - 1), text.rfind("(", max(0, left - _ASIDE_LENGTH), left - 1))
    if opened < 0 or any(ch in SENTENCE_END for ch in text[opened:left]):
        return None
    return opened, left


def _clause_before(text: str, left: int, previous: Mention | None, tag: Callable, after_figure: bool = False) -> tuple[tuple[str, str], ...]:
    """The tagged words of the clause before the one starting at ``left`` (after a comma),
    dates dropped; none when a figure stands in it, or, with ``after_figure``, the words
    after that figure (为1685名80周岁以上老人发放高龄津贴，…)."""
    if not left or text[left - 1] not in "，,":
        return ()
    start = clause_start(text, left - 1)
    if previous is not None and previous.end > start:
        if not (after_figure and previous.end < left):
            return ()
        start = previous.end
    phrase = _NOT_HAN.sub("", _DATES.sub("", text[start:left - 1]))
    return tag(phrase) if len(phrase) >= 2 else ()


def _topic_before(text: str, left: int, previous: Mention | None, sets: _WordSets) -> _Found | None:
    """最高气温出现在14日，为26.8℃: a clause that names nothing takes the topic of the
    clause before it (what stands before its first verb), when that clause has no figure."""
    words = _clause_before(text, left, previous, sets.tag)
    de = max((k for k, (word, _) in enumerate(words) if word == "的"), default=None)
    if de is not None and words[-1][1] in NOUN_TAGS and words[0][1] != "p" and not any(word == "是" for word, _ in words):
        found = _chunk(tuple(words[de + 1:]), sets.singles)  # 去年中秋前后出库的李子，一斤卖到了六块五 (but X是…的Y is of X)
        if found.text and not found.weak:
            return found
    verb = next((k for k, (_, flag) in enumerate(words) if flag == "v"), None)
    if not verb or words[verb - 1][1] not in NOUN_TAGS or words[0][1] == "p":
        return None  # 按不变价格计算，…: a clause opening with a preposition has no topic
    found = _chunk(tuple(words[:verb]), sets.singles)
    return found if found.text and not found.weak else None


def _rate_only(text: str, left: int, previous: Mention | None, sets: _WordSets) -> _Found:
    """居民电价，每千瓦时0.5283元: a clause with only a rate marker names the thing of the
    clause before, or of the figure before (marked for the neighbour rules)."""
    words = _clause_before(text, left, previous, sets.tag, after_figure=True)
    if words and words[-1][1] in NOUN_TAGS:
        found = _chunk(words, sets.singles)
        if found.text and not found.weak:
            return found
    return _label(text, left, sets) or _Found(None, rate_only=True)


def _chunk(words: tuple[tuple[str, str], ...], singles: frozenset[str]) -> _Found:
    """The trailing run of nouns and verbs; a verb is dropped when nouns follow it."""
    picked: list[tuple[str, str]] = []
    length = 0
    for k in range(len(words) - 1, -1, -1):
        word, flag = words[k]
        if flag == "z" or (flag == "q" and len(word) == 1 and picked and picked[0][1] in NOUN_TAGS):
            flag = "n"  # jieba tags 湿地 a state word and the 户 of 农村户厕 a measure word
        if word in _PERIOD_INSIDE and len(picked) == 1 and len(picked[0][0]) == 2 and picked[0][1] in NOUN_TAGS \
                and k and words[k - 1][1] in NOUN_TAGS:
            flag = "n"  # 邮政储蓄年末余额: a bare measure (余额, 用户) keeps its thing across the period
        if flag not in NOUN_TAGS and flag not in VERB_TAGS and flag not in ("d", "a", "m"):
            break
        if picked and length + len(word) > MAX_SUBJECT:  # one long term (居民人均可支配收入) still counts
            break
        if flag in ("d", "m") and picked:  # an adverb or numeral ends the phrase: 共落实…
            break
        picked.insert(0, (word, flag))
        length += len(word)
    while picked and picked[0][1] in ("d", "a", "m") and not (
            picked[0][1] == "a" and len(picked) > 1 and len(picked[1][0]) == 1 and picked[1][1] in NOUN_TAGS):
        picked.pop(0)  # (but 大果, 小口 keep the adjective of their one-character noun)
    nouns_from = next((k for k, (_, flag) in enumerate(picked) if (flag in NOUN_TAGS or flag == "vn") and flag != "ns"
                       and (flag != "vn" or k + 1 < len(picked))), None)
    if nouns_from is None:
        return _Found(_trim([w for w, _ in picked], singles), weak=True)
    last_verb = max((k for k, (word, flag) in enumerate(picked) if flag == "v" and k >= nouns_from and (len(word) > 1 or _exists_before_noun(word, picked, k))),
                    default=None)  # 稻田养虾面积: a one-character verb is a morpheme of the noun
    if last_verb is not None and last_verb + 1 < len(picked) and not (
            last_verb + 2 == len(picked) and _MEASURE_OF.fullmatch(picked[-1][0])):
        nouns_from = last_verb + 1  # 确保公益岗最低工资 → 公益岗最低工资; but 商品住宅成交套数
    if sum(len(w) for w, _ in picked[nouns_from:]) < 2 and nouns_from:
        nouns_from -= 1  # 育苗量: a one-character noun keeps the verb before it
    return _Found(_trim([w for w, _ in picked[nouns_from:]], singles))


_ONE_MEASURE = regex.compile(r"一\p{Han}{1,2}")


def _join_each(tokens: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """每/生/每年 → 每生/每年: a 每 jieba cut off from a one-character measure word, before
    another rate marker or at the end, is one rate marker with it."""
    joined: list[tuple[str, str]] = []
    for k, (word, flag) in enumerate(tokens):
        nxt = tokens[k + 1][0] if k + 1 < len(tokens) else "每"
        if joined and joined[-1][0] == "每" and len(word) == 1 and nxt.startswith("每"):
            joined[-1] = ("每" + word, "m")
        else:
            joined.append((word, flag))
    return joined


_PERIOD_INSIDE = ("年末", "年底", "年初", "全年", "当年", "期末", "年内")
_MEASURE_OF = regex.compile(r"\p{Han}[数量额]|规模|面积|比重|比例")  # 套数, 人数, 销量, 规模: how much of the thing before the verb


def _exists_before_noun(word: str, picked: list[tuple[str, str]], k: int) -> bool:
    """全镇有山塘, 停车场设泊位: 有 and 设 before a noun say the thing exists; the noun is the subject."""
    return word in "有设" and k + 1 < len(picked) and picked[k + 1][1] in NOUN_TAGS and len(picked[k + 1][0]) > 1


_LIST_MARKS = "、，,；;：:\n"  # what stands before an item of a list


def _trim(words: list[str], singles: frozenset[str]) -> str | None:
    """Join words, keeping the head (the end) when the phrase is too long."""
    while len(words) > 1 and sum(map(len, words)) > MAX_SUBJECT:
        words = words[1:]
    phrase = "".join(words)
    return phrase if len(phrase) >= 2 or (phrase and len(words) == 1 and phrase in singles) else None


_ONE_NOUN_END = regex.compile(r"[^\p{Han}]|[了呢吧啊的]|$")


def _or_neighbour(text: str, k: int, mentions: list[Mention], found: list[_Found], resolved: list[str | None],
                  progress: frozenset[str] = frozenset()) -> str | None:
    own = found[k]
    j = k - 1
    if own.text in progress and j >= 0 and resolved[j] and mentions[j].unit.unit == mentions[k].unit.unit \
            and _same_sentence(text, mentions[j], mentions[k]):
        return resolved[j]  # 排查安全隐患293处，整改到位288处: progress on the thing counted before
    if own.text and not own.weak:
        return own.text
    for j in (k - 1, k + 1):
        if 0 <= j < len(mentions) and _adjacent(text, mentions[min(j, k)], mentions[max(j, k)]):
            other = found[j]
            if other.text and not other.weak:
                return other.text
    j = k - 1
    if j >= 0 and resolved[j] and mentions[j].unit.unit == mentions[k].unit.unit and \
            _CHANGED_TO.fullmatch(text, mentions[j].end, mentions[k].start):
        return resolved[j]  # 查勘定损时间由平均7天压缩到3天以内: the same thing, changed
    if own.text:
        return own.text
    for j in (k - 1, k + 1):  # 批准逮捕二百八十九件三百九十七人: adjacent figures share even a verb phrase
        if 0 <= j < len(mentions) and _adjacent(text, mentions[min(j, k)], mentions[max(j, k)]) and found[j].text:
            return found[j].text
    j = k - 1
    if j >= 0 and _same_sentence(text, mentions[j], mentions[k]) and (
            mentions[j].unit.unit == mentions[k].unit.unit or mentions[k].unit.kind in PERCENT_KINDS
            or mentions[k].unit.unit in CHANGE_UNITS or own.rate_only):
        return resolved[j]  # 生产总值286.4亿元、增长6.3%: the change of the figure before
    for i in range(k - 2, -1, -1):  # 余震98次，其中1.0—1.9级82次: what the last count in its unit counted
        if not _same_sentence(text, mentions[i], mentions[k]):
            break
        if mentions[i].unit.unit == mentions[k].unit.unit:
            return resolved[i]
    return None


def _adjacent(text: str, first: Mention, second: Mention) -> bool:
    """Two figures with nothing but a space or 、 between them: `2165 人 159.79 万元`."""
    return _GAP.fullmatch(text, first.end, second.start) is not None


def _same_sentence(text: str, first: Mention, second: Mention) -> bool:
    return not any(ch in SENTENCE_END for ch in text[first.end:second.start])
