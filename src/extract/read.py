"""Stage 0: read articles — a folder (recursively), files, or ``-`` for stdin — in
UTF-8 (with or without BOM), GB18030/GBK or Big5, detected per file.

A file that cannot be read becomes an ``InputError`` naming it; the batch goes on.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".text"}
# Files that describe a corpus rather than belong to it.
SKIP_NAMES = ("README", "SOURCES", "LICENSE", "CHANGELOG", "NOTICE")
MAX_BYTES = 20_000_000


@dataclass
class Article:
    doc: str
    text: str
    path: str


def iter_paths(inputs: list[str]) -> Iterator[str]:
    """Article paths of the inputs, in a stable order; ``-`` stays as is."""
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
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return False
    if path.name.upper().startswith(SKIP_NAMES):
        return False
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def doc_id(path: str) -> str:
    """The document id: the file name without its extension."""
    return "stdin" if path == "-" else Path(path).name.rsplit(".", 1)[0]


def read_article(path: str, encoding: str | None = None) -> Article:
    """Read and decode one article; raise InputError naming the file on failure."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            size = Path(path).stat().st_size
            if size > MAX_BYTES:
                raise InputError(path, f"file too large ({size} bytes)", f"split it into articles under {MAX_BYTES} bytes")
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise InputError(path, "no such file", "check the path") from None
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror}") from None
    text = decode(data, path, encoding)
    if not text.strip():
        raise InputError(path, "empty article", "the file has no text")
    return Article(doc=doc_id(path), text=text, path=path)


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Bytes to text: the given encoding, else UTF-8 (BOM dropped), else detected."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(path, f"cannot decode as {encoding}: {exc}", "try another --encoding") from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "binary file, not text", "pass only text articles")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "cannot detect the text encoding", "convert it to UTF-8 or pass --encoding gb18030")
    encoding = "gb18030" if best.encoding in ("gbk", "gb2312") else best.encoding
    return data.decode(encoding, errors="replace")
