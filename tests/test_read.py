"""Reading articles: which files a folder yields, encodings, HTML, PDF and collections.

New input formats get a builder here (``tiny_pdf``) and a row in the tables below.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.errors import InputError
from extract.read import Fields, RecordError, iter_paths, iter_records, read_article

ARTICLE = "稳岗补助 5202 人 624.24 万元，每亩 800元的保底分红。"


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer is ``text``: a Type0 font with a ToUnicode map
    from two-byte codes to the characters (the glyphs are not embedded; only the text
    layer matters here)."""
    chars = sorted(set(text))
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    shown = "".join(f"{code[ch]:04X}" for ch in text)
    pairs = "\n".join(f"<{code[ch]:04X}> <{ord(ch):04X}>" for ch in chars)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CMapName /Custom def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(chars)} beginbfchar\n{pairs}\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end")
    content = f"BT /F1 12 Tf 20 800 Td <{shown}> Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R >>",
        f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
        "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def news_page(body: str) -> str:
    """An HTML news page: navigation and footer around one article with a title and date."""
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n"))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>定南县民生工作 - 新闻网</title>
<meta property="og:title" content="定南县民生工作">
<meta name="pubdate" content="2023-06-15"></head><body>
<nav><ul><li><a href="/a">首页</a></li><li><a href="/b">要闻 共有 88 个栏目</a></li></ul></nav>
<article><h1>定南县民生工作</h1><p class="date">2023-06-15</p>{paragraphs}</article>
<footer>联系电话 0797-1234567 版权所有 备案号 12345 号</footer></body></html>"""


LONG_BODY = "\n".join([
    "近年来，定南县把民生摆上重中之重的位置，每年民生支出占财政收入的70%以上。",
    "今年以来，稳岗补助 5202 人 624.24 万元，便民服务队共走访群众15924户，化解信访矛盾纠纷357件。",
    "该县今年新增创业人员5000多人，新增就业人数15325人，群众纷纷点赞，生活越过越红火。",
    "驻村工作队了解实际情况后，筹集10多万元资金，把自来水引到各家各户，村民喝上了干净水。",
])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(news_page(LONG_BODY), encoding="utf-8")
    (tmp_path / "sub" / "c.pdf").write_bytes(tiny_pdf(ARTICLE))
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "d1", "text": ARTICLE}) + "\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.gold.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "a.gold.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("# sources\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_a_folder_yields_articles_and_collections_but_no_gold_or_notes(folder: Path):
    names = [Path(p).relative_to(folder).as_posix() for p in iter_paths([str(folder)])]
    assert names == ["a.txt", "d.jsonl", "sub/b.html", "sub/c.pdf"]


def test_a_named_file_is_always_taken_and_stdin_stays(folder: Path):
    assert list(iter_paths([str(folder / "SOURCES.md"), "-"])) == [str(folder / "SOURCES.md"), "-"]


@pytest.mark.parametrize("encoding,prefix", [
    ("gb18030", b""), ("gbk", b""), ("big5", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-8", b""),
], ids=["gb18030", "gbk", "big5", "utf-8-bom", "utf-8"])
def test_text_files_are_decoded_whatever_their_encoding(tmp_path: Path, encoding: str, prefix: bytes):
    text = ARTICLE * 3 if encoding != "big5" else "穩崗補助 5202 人 624.24 萬元，每畝 800元的保底分紅。" * 3
    path = tmp_path / "x.txt"
    path.write_bytes(prefix + text.encode(encoding))
    article = read_article(str(path))
    assert article.text == text and article.doc == "x"


def test_html_gives_the_article_text_with_its_title_and_date(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(news_page(LONG_BODY), encoding="utf-8")
    article = read_article(str(path))
    assert "稳岗补助 5202 人 624.24 万元" in article.text
    assert "88 个栏目" not in article.text and "0797" not in article.text
    assert article.title == "定南县民生工作"
    assert article.date == "2023-06-15"


def test_pdf_gives_its_text_layer(tmp_path: Path):
    path = tmp_path / "report.pdf"
    path.write_bytes(tiny_pdf(ARTICLE))
    assert read_article(str(path)).text.strip() == ARTICLE


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty article"),
    ("blank.txt", b"  \n\n ", "empty article"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary file"),
    ("broken.pdf", b"%PDF-1.4\nnot really a pdf", "PDF"),
    ("missing.txt", None, "no such file"),
])
def test_unreadable_files_raise_an_input_error_naming_them(tmp_path: Path, name: str, data, reason: str):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_article(str(path))
    assert caught.value.path == str(path)
    assert reason in caught.value.reason and caught.value.hint


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch):
    import extract.read as read

    monkeypatch.setattr(read, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_article(str(path))


def _records(path: Path, fields: Fields = Fields()) -> list:
    return list(iter_records(str(path), fields))


def test_jsonl_records_take_id_title_date_and_a_text_fallback(tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": 7, "title": "标题", "date": "2023-01-02", "text": ARTICLE}, ensure_ascii=False),
        "",
        json.dumps({"id": "b", "content": "内容 3 人"}, ensure_ascii=False),
        json.dumps({"body": "正文 4 户"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "e", "text": ""}),
        json.dumps({"id": "f", "words": "没有正文"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = _records(path)
    good = [(r.doc, r.text, r.title, r.date) for r in got if not isinstance(r, RecordError)]
    assert good == [("7", ARTICLE, "标题", "2023-01-02"), ("b", "内容 3 人", None, None), ("dump-4", "正文 4 户", None, None)]
    bad = [(r.doc, r.path, r.reason.split(":")[0]) for r in got if isinstance(r, RecordError)]
    assert bad == [("dump-5", f"{path}:5", "invalid JSON"), ("e", f"{path}:6", "no text in fields text, content, body"),
                   ("f", f"{path}:7", "no text in fields text, content, body")]
    assert "words" in [r for r in got if isinstance(r, RecordError)][-1].hint


def test_collection_fields_are_configurable(tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"key": "k1", "headline": "H", "when": "2024", "article": ARTICLE}, ensure_ascii=False),
                    encoding="utf-8")
    (record,) = _records(path, Fields(id="key", text=("article",), title="headline", date="when"))
    assert (record.doc, record.title, record.date, record.text) == ("k1", "H", "2024", ARTICLE)


def test_csv_and_json_collections(tmp_path: Path):
    csv_path = tmp_path / "dump.csv"
    csv_path.write_text(f'id,title,text\nc1,T,"{ARTICLE}"\nc2,,"多行\n文本 5 人"\n', encoding="utf-8-sig")
    assert [(r.doc, r.title, r.text) for r in _records(csv_path)] == [("c1", "T", ARTICLE), ("c2", None, "多行\n文本 5 人")]
    json_path = tmp_path / "dump.json"
    json_path.write_text(json.dumps({"articles": [{"id": "j1", "text": ARTICLE}]}, ensure_ascii=False), encoding="utf-8")
    assert [(r.doc, r.text) for r in _records(json_path)] == [("j1", ARTICLE)]


def test_a_gbk_collection_is_decoded(tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes((json.dumps({"id": "g", "text": ARTICLE * 20}, ensure_ascii=False) + "\n").encode("gb18030"))
    (record,) = _records(path)
    assert record.text == ARTICLE * 20


@pytest.mark.parametrize("name,data,reason", [
    ("empty.jsonl", b"", "empty file"),
    ("binary.csv", b"\x00\x01" * 100, "binary file"),
    ("bad.json", b"[{", "invalid JSON"),
])
def test_unreadable_collections_raise_an_input_error(tmp_path: Path, name: str, data: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        _records(path)
