"""extract: statistic facts from Chinese news articles.

>>> from extract import extract_facts
>>> [(f.value, f.unit, f.kind) for f in extract_facts("稳岗补助 5202 人 624.24 万元")]
[(5202, '人', 'people'), (6242400, '元', 'money')]
"""
from .errors import ExtractError, InputError, RulesError
from .facts import Fact, extract, extract_facts, facts_frame
from .numerals import parse_number, parse_quantity
from .rules import load_rules

__all__ = [
    "ExtractError", "InputError", "RulesError", "Fact", "extract", "extract_facts",
    "facts_frame", "parse_number", "parse_quantity", "load_rules",
]
__version__ = "0.1.0"
