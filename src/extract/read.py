"""Stage 0: read articles — a folder (recursively), files, or ``-`` for stdin.

One file is one article (``.txt``/``.md``, ``.html``/``.htm`` via trafilatura,
``.pdf`` via pypdf), or a collection of articles (``.jsonl``, ``.json``, ``.csv``) whose
fields for id, title, date and text are set by ``Fields``. Text is UTF-8 (with or
without BOM), GB18030/GBK or Big5, detected per file.

A file or record that cannot be read becomes an ``InputError`` naming it and what to
do; the batch goes on.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
COLLECTION_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
# Files that describe a corpus rather than belong to it.
SKIP_NAMES = ("README", "SOURCES", "LICENSE", "CHANGELOG", "NOTICE")
# Gold annotations sit beside the texts they annotate; they are never articles.
SKIP_SUFFIX = ".gold.jsonl"
SKIP_FOLDERS = {"gold"}
MAX_BYTES = 20_000_000  # one article file; collections are streamed
MAX_CHARS = 5_000_000  # one article's text, wherever it came from
SNIFF_BYTES = 65_536


@dataclass
class Article:
    """One article's text and where it came from."""

    doc: str
    text: str
    path: str
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Fields:
    """Which fields of a collection record hold the id, text, title and date.

    ``text`` lists candidates in order: the first one present and non-empty wins.
    """

    id: str = "id"
    text: tuple[str, ...] = ("text", "content", "body")
    title: str = "title"
    date: str = "date"


class RecordError(InputError):
    """A record of a collection that cannot be used; ``doc`` is its id or position."""

    def __init__(self, path: str, doc: str, reason: str, hint: str = ""):
        self.doc = doc
        super().__init__(path, reason, hint)


# ---------------------------------------------------------------- which files


def iter_paths(inputs: list[str]) -> Iterator[str]:
    """Article and collection paths of the inputs, in a stable order; ``-`` stays as is.

    A folder is read recursively, leaving out hidden files, corpus notes (README,
    SOURCES…), gold annotations (``*.gold.jsonl``, ``gold/``) and other suffixes.
    A file named on the command line is always taken.
    """
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _is_article(child, path):
                    yield str(child)
        else:
            yield str(path)


def _is_article(path: Path, root: Path) -> bool:
    name = path.name
    if path.suffix.lower() not in ARTICLE_SUFFIXES | COLLECTION_SUFFIXES:
        return False
    if name.upper().startswith(SKIP_NAMES) or name.lower().endswith(SKIP_SUFFIX):
        return False
    folders = path.relative_to(root).parts[:-1]
    if any(part.lower() in SKIP_FOLDERS for part in folders):
        return False
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def is_collection(path: str) -> bool:
    """True for a file that holds many articles (JSONL, JSON, CSV)."""
    return path != "-" and Path(path).suffix.lower() in COLLECTION_SUFFIXES


def doc_id(path: str) -> str:
    """The document id: the file name without its extension.

    >>> doc_id("corpus/jianli-drought.txt"), doc_id("-")
    ('jianli-drought', 'stdin')
    """
    return "stdin" if path == "-" else Path(path).name.rsplit(".", 1)[0]


# ---------------------------------------------------------------- one article per file


def read_article(path: str, encoding: str | None = None) -> Article:
    """Read and parse one article file; raise InputError naming the file on failure."""
    return parse_article(path, read_bytes(path), encoding)


def read_bytes(path: str) -> bytes:
    """The bytes of an article file (or stdin), refusing oversized files."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file too large ({size} bytes, limit {MAX_BYTES})",
                             "split it into articles, or put them in a JSONL collection")
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file", "check the path") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder", "pass the folder itself, not a path inside it") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}", "check the file's permissions") from None


def parse_article(path: str, data: bytes, encoding: str | None = None) -> Article:
    """The article in ``data`` (the bytes of ``path``), parsed by the file's suffix."""
    suffix = "" if path == "-" else Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        text, title, date = html_text(decode(data, path, encoding), path)
    elif suffix in PDF_SUFFIXES:
        text, title, date = pdf_text(data, path), None, None
    else:
        text, title, date = decode(data, path, encoding), None, None
    return checked(Article(doc=doc_id(path), text=text, path=path, title=title, date=date))


def checked(article: Article) -> Article:
    """The article if its text is usable; InputError for an empty or oversized text."""
    if not article.text.strip():
        raise InputError(article.path, "empty article", "the file or record has no text")
    if len(article.text) > MAX_CHARS:
        raise InputError(article.path, f"article too long ({len(article.text)} characters, limit {MAX_CHARS})",
                         "split it into several articles")
    return article


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Bytes to text: the given encoding, else UTF-8 (BOM dropped), else detected."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(path, f"cannot decode as {encoding}: {exc}", "try another --encoding") from None
    _refuse_binary(data, path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    encoding = _detect(data, path)
    return data.decode(encoding, errors="replace")


def _refuse_binary(data: bytes, path: str) -> None:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "binary file, not text", "pass only text, HTML, PDF, JSONL, JSON or CSV files")


def _detect(data: bytes, path: str) -> str:
    """The encoding charset-normalizer finds, with GBK/GB2312 widened to GB18030."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "cannot detect the text encoding", "convert it to UTF-8 or pass --encoding gb18030")
    return "gb18030" if best.encoding in ("gbk", "gb2312") else best.encoding


def html_text(html: str, path: str) -> tuple[str, str | None, str | None]:
    """The main text, title and date of an HTML page (trafilatura)."""
    import trafilatura

    found = trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False,
                                include_tables=True, favor_recall=True)
    if found:
        meta = json.loads(found)
        # "text" keeps paragraph breaks; "raw_text" runs the headline into the first line
        text, title = meta.get("text") or meta.get("raw_text") or "", meta.get("title") or None
        if title and title not in text[:len(title) + 80]:
            text = f"{title}\n{text}"  # the headline's figures are the article's too
        return text, title, meta.get("date") or None
    # Short pages fall below trafilatura's size floor: take all the page's text.
    text = trafilatura.html2txt(html)
    if not text.strip():
        raise InputError(path, "no article text found in the HTML page", "check that the page is an article")
    return text, None, None


def pdf_text(data: bytes, path: str) -> str:
    """The text of a PDF, page by page (pypdf); scanned PDFs have none."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(path, f"cannot read the PDF: {exc}", "check that the file is a whole, unencrypted PDF") from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(path, "the PDF has no text layer", "run OCR on it first, or pass the text")
    return text


# ---------------------------------------------------------------- collections


def iter_records(path: str, fields: Fields = Fields(), encoding: str | None = None) -> Iterator[Article | RecordError]:
    """The articles of a JSONL, JSON or CSV collection, streamed.

    A record that cannot be used comes as a RecordError (the batch records it and
    goes on); a file that cannot be read at all raises InputError.
    """
    suffix = Path(path).suffix.lower()
    text_stream = _open_text(path, encoding)
    with text_stream:
        if suffix == ".csv":
            rows = _csv_rows(text_stream)
        elif suffix == ".json":
            rows = _json_rows(text_stream, path)
        else:
            rows = _jsonl_rows(text_stream)
        for number, row in rows:
            yield _record(path, number, row, fields)


def _open_text(path: str, encoding: str | None) -> io.TextIOBase:
    try:
        with open(path, "rb") as raw:
            sample = raw.read(SNIFF_BYTES)
        encoding = encoding or _sniff_encoding(sample, path)
        return open(path, encoding=encoding, errors="replace", newline="")
    except FileNotFoundError:
        raise InputError(path, "no such file", "check the path") from None
    except (OSError, LookupError) as exc:
        raise InputError(path, f"cannot read: {exc}", "check the file and --encoding") from None


def _sniff_encoding(sample: bytes, path: str) -> str:
    """The encoding of a collection, judged from its first bytes."""
    if not sample.strip():
        raise InputError(path, "empty file", "the collection has no records")
    _refuse_binary(sample, path)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return _detect(sample, path)


def _jsonl_rows(lines: Iterable[str]) -> Iterator[tuple[int, object]]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, exc


def _json_rows(stream: io.TextIOBase, path: str) -> Iterator[tuple[int, object]]:
    try:
        data = json.load(stream)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"invalid JSON: {exc}", "a .json collection is a list of article objects; use .jsonl for one per line") from None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else [data]
    if not isinstance(data, list):
        raise InputError(path, "expected a list of article objects", "write the articles as a JSON list")
    yield from enumerate(data, 1)


def _csv_rows(stream: io.TextIOBase) -> Iterator[tuple[int, object]]:
    csv.field_size_limit(2**31 - 1)
    for number, row in enumerate(csv.DictReader(stream), 2):  # line 1 is the header
        yield number, row


def _record(path: str, number: int, row: object, fields: Fields) -> Article | RecordError:
    where = f"{path}:{number}"
    fallback = f"{doc_id(path)}-{number}"
    if isinstance(row, json.JSONDecodeError):
        return RecordError(where, fallback, f"invalid JSON: {row}", "fix or remove this line")
    if not isinstance(row, dict):
        return RecordError(where, fallback, f"expected an article object, got {type(row).__name__}", "each record must be an object")
    doc = _field(row, fields.id) or fallback
    text = next((t for t in (_field(row, f) for f in fields.text) if t), None)
    if text is None:
        return RecordError(where, doc, f"no text in fields {', '.join(fields.text)}",
                           f"name the text field with --text-field (fields here: {', '.join(map(str, row))})")
    article = Article(doc=doc, text=text, path=where, title=_field(row, fields.title), date=_field(row, fields.date))
    try:
        return checked(article)
    except InputError as exc:
        return RecordError(exc.path, doc, exc.reason, exc.hint)


def _field(row: dict, name: str) -> str | None:
    value = row.get(name)
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)
