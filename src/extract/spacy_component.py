"""spaCy pipeline component: ``nlp.add_pipe("extract_facts")`` sets ``doc._.facts``
(the Fact rows) and ``doc.spans["facts"]`` (labelled MONEY, QUANTITY, PERCENT, CARDINAL,
DATE for durations and ages) on any spaCy Doc, e.g. ``spacy.blank("zh")``.

The factory is registered through the ``spacy_factories`` entry point, so spaCy finds it
once the package is installed; importing this module registers it too.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .facts import extract
from .rules import load_rules

LABELS = {
    "money": "MONEY", "percent": "PERCENT", "percentage_point": "PERCENT", "people": "CARDINAL",
    "households": "CARDINAL", "count": "CARDINAL", "age": "DATE", "duration": "DATE",
}
DEFAULT_LABEL = "QUANTITY"  # area, weight, length, volume

if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)


class FactsComponent:
    """Adds the statistic facts of a Doc's text as spans and as ``doc._.facts``."""

    def __init__(self, rules_dirs: tuple[str, ...] = ()):
        self.rules = load_rules(tuple(rules_dirs))

    def __call__(self, doc: Doc) -> Doc:
        facts = extract(doc.text, None, self.rules).facts
        spans = []
        for fact in facts:
            span = doc.char_span(fact.start, fact.end, label=LABELS.get(fact.kind, DEFAULT_LABEL), alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["facts"] = spans
        doc._.facts = facts
        return doc


@Language.factory("extract_facts", default_config={"rules_dirs": []})
def make_facts_component(nlp: Language, name: str, rules_dirs: list[str]) -> FactsComponent:
    """spaCy factory for :class:`FactsComponent`."""
    return FactsComponent(tuple(rules_dirs))
