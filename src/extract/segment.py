"""Stage 2: segmentation with jieba, for the short clause around a figure only.

jieba loads its dictionary once (about a second); the nouns of ``rules/`` are added as
a user dictionary so `脱贫劳动力`, `木耳种植户` and `稳岗补助` stay whole.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from .rules import Rules, load_rules

_tokenizer = None


def _posseg(rules: Rules | None = None):
    global _tokenizer
    if _tokenizer is None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        # Our own tokenizer, so the user words stay out of the global jieba; it shares
        # the part-of-speech table jieba.posseg already loaded (reading it again takes
        # half a second).
        tokenizer = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        tokenizer.tokenizer = jieba.Tokenizer()
        tokenizer.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
        for word, flag in user_words(rules or load_rules()):
            tokenizer.tokenizer.add_word(word, freq=None, tag=flag)
        _tokenizer = tokenizer
    return _tokenizer


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


@lru_cache(maxsize=16384)
def tag(text: str) -> tuple[tuple[str, str], ...]:
    """Words and jieba POS tags of a short text.

    >>> tag("脱贫劳动力")
    (('脱贫劳动力', 'n'),)
    """
    return tuple((p.word, p.flag) for p in _posseg().cut(text, HMM=False))
