"""Stage 2: segmentation with jieba, for the short clause around a figure only.

jieba loads its dictionary once (about a second); the nouns of ``rules/`` are added as
a user dictionary so `脱贫劳动力`, `木耳种植户` and `稳岗补助` stay whole.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Callable

from .rules import Rules, load_rules

@lru_cache(maxsize=4)
def tagger(rules: Rules) -> Callable[[str], tuple[tuple[str, str], ...]]:
    """The tagging function of ``rules``: jieba with that rule set's nouns as user words,
    and its own cache. Each rule set gets its own tokenizer, so nouns an editor adds in
    a rules folder of their own stay whole too, and the global jieba is left alone."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    # It shares the part-of-speech table jieba.posseg already loaded (reading it again
    # takes half a second).
    tokenizer = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tokenizer.tokenizer = jieba.Tokenizer()
    tokenizer.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    for word, flag in user_words(rules):
        tokenizer.tokenizer.add_word(word, freq=None, tag=flag)

    @lru_cache(maxsize=4096)
    def tag(text: str) -> tuple[tuple[str, str], ...]:
        return tuple((p.word, p.flag) for p in tokenizer.cut(text, HMM=False))

    return tag


def user_words(rules: Rules) -> list[tuple[str, str]]:
    """Words from the rule files that segmentation must keep whole, with a POS tag."""
    words: dict[str, str] = {}
    for role, table in rules.nouns.items():
        for word in table:
            if len(word) > 1:
                words[word] = "n"
    for word in rules.subject_words.get("term", []):
        words[word] = "n"
    for word in rules.subject_words.get("adverb", []):
        words[word] = "d"  # jieba tags 全部 a noun
    return sorted(words.items())


def tag(text: str, rules: Rules | None = None) -> tuple[tuple[str, str], ...]:
    """Words and jieba POS tags of a short text, with the nouns of ``rules`` (the
    built-in rules when None) kept whole.

    >>> tag("脱贫劳动力")
    (('脱贫劳动力', 'n'),)
    """
    return tagger(rules or load_rules())(text)
