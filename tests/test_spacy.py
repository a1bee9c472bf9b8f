"""The spaCy component puts the facts on a blank Chinese pipeline."""
import pytest

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    import extract.spacy_component  # noqa: F401  (registers the factory if no entry point)

    pipeline = spacy.blank("zh")
    pipeline.add_pipe("extract_facts")
    return pipeline


def test_spans_and_facts_are_set(nlp):
    doc = nlp("稳岗补助 5202 人 624.24 万元，占比 12.5%，新建 160 吨仓库。")
    assert [(s.text, s.label_) for s in doc.spans["facts"]] == [
        ("5202 人", "CARDINAL"), ("624.24 万元", "MONEY"), ("12.5%", "PERCENT"), ("160 吨", "QUANTITY")]
    assert [f.value for f in doc._.facts] == [5202, 6242400, 12.5, 160]
    assert doc._.facts[1].subject == "稳岗补助"


def test_text_without_facts_has_empty_spans(nlp):
    doc = nlp("今天天气很好。")
    assert list(doc.spans["facts"]) == [] and doc._.facts == []
