"""``extract serve``: the workbench, a local web page over the pipeline.

The page (``web/``: plain HTML, JavaScript and CSS, no build step) talks to a small
JSON API. Every answer comes from the functions the commands use — ``extract()``
and ``explain_lines`` (``extract try --explain``), ``check_rules`` (``extract check``),
``compare_facts`` and ``diff_rules`` (``extract diff``) — so the page is a view, not a
second implementation.

    POST /api/extract      {text, doc?}        facts, numbers without a fact, changes
    GET  /api/rules                            the rule files of the rules folder
    GET  /api/rules/NAME                       one rule file's text
    PUT  /api/rules/NAME   {content, version}  check, then save (400 with the problems it brings)
    GET  /api/corpus                           the corpus articles
    GET  /api/corpus/DOC                       one article's text
    POST /api/diff         {}                  the corpus under the baseline vs the current rules
    POST /api/baseline     {source}            compare with "current" rules or a git revision

"Changes" always compare the baseline rules (a copy of the rules folder taken when the
server started, or later with POST /api/baseline) with the rule files as they are now,
so edits made on disk show up as well as edits made in the page.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

try:
    from flask import Flask, abort, jsonify, request, send_from_directory
    from werkzeug.serving import make_server
except ImportError:  # the web extra is not installed: create_app says so
    Flask = None

from . import rules as rules_module
from .check import check_rules
from .cli import explain_lines
from .diff import RuleSetError, compare_facts, diff_rules, iter_articles, materialize_rules
from .errors import KINDS, RulesError
from .facts import FACT_COLUMNS, Extraction, Fact, extract
from .rules import default_rules_dir, load_rules_from, show_path

WEB_DIR = Path(__file__).resolve().parent / "web"
MAX_TEXT = 2_000_000  # characters of one pasted article


def _hostname(host: str) -> str:
    """``127.0.0.1:8765`` → ``127.0.0.1``, ``[::1]:8765`` → ``::1``."""
    if host.startswith("["):
        return host[1:host.find("]")]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


class Workbench:
    """What the server works on: the rules folder it edits, the corpus it reads, and the
    baseline rule set that changes are measured against."""

    def __init__(self, rules_dir: Path, corpus_dir: Path):
        self.rules_dir = Path(rules_dir).resolve()
        self.corpus_dir = Path(corpus_dir)
        self.lock = threading.RLock()  # one pipeline run at a time
        self._work = tempfile.TemporaryDirectory(prefix="extract-serve-")
        self.baseline_dir: Path | None = None
        self.baseline_label = ""
        self._taken = 0
        self.set_baseline("current")

    def close(self) -> None:
        self._work.cleanup()

    # ------------------------------------------------------------ rules

    def rules(self):
        """The current rules (the files as they are on disk now)."""
        return load_rules_from(self.rules_dir)

    def rule_path(self, name: str) -> Path:
        """The path of rule file ``name``, which must be a file of the rules folder."""
        path = self.rules_dir / name
        if "/" in name or "\\" in name or not name.endswith(".yaml") or not path.is_file():
            abort(404, f"no rule file {name!r} in {show_path(self.rules_dir)}")
        return path

    def check_edit(self, name: str, content: str) -> tuple[list[str], list[str], str]:
        """``extract check`` on the rules folder with ``content`` in place of file
        ``name``: the problems the edit brings (naming the real files), the problems
        that were there before it, and the check's summary."""
        after, summary = self._check(name, content)
        if not after:
            return [], [], summary
        before = set(self._check(name, self.rule_path(name).read_text(encoding="utf-8"))[0])
        return [p for p in after if p not in before], [p for p in after if p in before], summary

    def _check(self, name: str, content: str) -> tuple[list[str], str]:
        with tempfile.TemporaryDirectory(prefix="extract-check-") as tmp:
            tmp_dir = Path(tmp).resolve()
            for path in self.rules_dir.glob("*.yaml"):
                shutil.copyfile(path, tmp_dir / path.name)
            (tmp_dir / name).write_text(content, encoding="utf-8", newline="")
            report = check_rules([], [tmp_dir])
        shown = show_path(self.rules_dir)
        lines = [line.replace(str(tmp_dir), shown).replace(show_path(tmp_dir), shown) for line in report.lines()]
        return lines, report.summary()

    def save_rule(self, name: str, content: str) -> None:
        path = self.rule_path(name)
        tmp = path.with_name(f".{name}.saving")
        tmp.write_text(content, encoding="utf-8", newline="")
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
        rules_module._load_cached.cache_clear()  # read the new file even within one mtime tick

    # ------------------------------------------------------------ baseline

    def set_baseline(self, source: str) -> None:
        """Take the baseline from the current rule files ("current") or from the rules
        folder at a git revision ("HEAD", "main~1"); raises RuleSetError."""
        self._taken += 1
        work = Path(self._work.name)
        if source == "current":
            folder, label = self.rules_dir, f"the rule files as they were at {time.strftime('%H:%M:%S')}"
        else:
            folder = materialize_rules(source, self.rules_dir, work / f"revision-{self._taken}")
            label = f"the rule files of {source}"
        target = work / f"baseline-{self._taken}"
        target.mkdir()
        for path in folder.glob("*.yaml"):
            shutil.copyfile(path, target / path.name)
        previous, self.baseline_dir, self.baseline_label = self.baseline_dir, target, label
        for stale in (previous, work / f"revision-{self._taken}"):
            if stale is not None:
                shutil.rmtree(stale, ignore_errors=True)

    def baseline_rules(self):
        return load_rules_from(self.baseline_dir)

    # ------------------------------------------------------------ corpus

    def articles(self, errors: list[str] | None = None) -> list:
        if not self.corpus_dir.is_dir():
            return []
        return list(iter_articles([str(self.corpus_dir)], None, errors))


# ---------------------------------------------------------------- JSON shapes


def fact_json(result: Extraction, fact: Fact, index: int) -> dict:
    """A fact's row, its steps and the explanation ``extract try --explain`` prints."""
    lines = explain_lines(replace(result, facts=[fact], rejections=[]))
    explain = lines[1:lines.index("why not:") - 1] if "why not:" in lines else lines[1:]
    return {"id": index, **fact.row(), "steps": list(fact.steps), "explain": explain}


def extraction_json(result: Extraction) -> dict:
    """Facts (raw offsets) and numbers without a fact (mapped to raw offsets)."""
    rejections = []
    for i, rejection in enumerate(result.rejections):
        start, end = result.cleaned.raw_span(rejection.start, rejection.end)
        rejections.append({"id": i, "start": start, "end": end, "text": rejection.text, "reason": rejection.reason})
    return {
        "doc": result.doc,
        "text": result.cleaned.raw,
        "facts": [fact_json(result, f, i) for i, f in enumerate(result.facts)],
        "rejections": rejections,
    }


def changes_json(before: list[Fact], after: list[Fact], out: dict) -> list[dict]:
    """Mark each fact of ``out`` as added or changed against ``before`` (compare_facts,
    as ``extract diff`` pairs them) and list every change."""
    by_span = {(f["start"], f["end"]): f for f in out["facts"]}
    changes = []
    for kind, old, new in compare_facts(before, after)[0]:
        fields = [k for k in ("text", "value", "value_max", "unit", "kind", "approx", "per", "subject")
                  if old is None or new is None or old.get(k) != new.get(k)]
        changes.append({"change": kind, "old": old, "new": new, "fields": fields})
        if new is not None and (new["start"], new["end"]) in by_span:
            by_span[(new["start"], new["end"])]["change"] = kind
            by_span[(new["start"], new["end"])]["old"] = old
    return changes


def problems_response(message: str, problems: list[str], status: int = 400, **extra):
    return jsonify({"error": message, "problems": problems, **extra}), status


# ---------------------------------------------------------------- the app


def create_app(rules_dir: str | Path | None = None, corpus_dir: str | Path = "corpus") -> Flask:
    """The workbench app over the rules folder ``rules_dir`` (default: the built-in
    rules/) and the articles of ``corpus_dir``."""
    if Flask is None:
        raise ImportError("the workbench needs Flask: pip install -e '.[web]'")
    bench = Workbench(Path(rules_dir) if rules_dir else default_rules_dir(), Path(corpus_dir))
    app = Flask(__name__, static_folder=str(WEB_DIR), static_url_path="/static")
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.config["MAX_CONTENT_LENGTH"] = 4 * MAX_TEXT
    app.extensions["workbench"] = bench

    @app.before_request
    def _same_machine_only():
        # A page of another site must not drive the API through this browser (DNS
        # rebinding): on loopback, accept only loopback host names.
        if _is_loopback(request.environ.get("SERVER_NAME", "")) and not _is_loopback(_hostname(request.host)):
            abort(403, "this workbench answers only to 127.0.0.1 and localhost")

    @app.errorhandler(400)
    @app.errorhandler(403)
    @app.errorhandler(404)
    @app.errorhandler(409)
    @app.errorhandler(413)
    @app.errorhandler(415)
    def _error(exc):
        return jsonify({"error": exc.description, "problems": []}), exc.code

    def body() -> dict:
        data = request.get_json(silent=False)  # 415 unless application/json: no cross-site form posts
        if not isinstance(data, dict):
            abort(400, "expected a JSON object")
        return data

    @app.get("/")
    def index():
        return send_from_directory(WEB_DIR, "index.html")

    @app.get("/api/info")
    def info():
        return jsonify({
            "rules_dir": show_path(bench.rules_dir), "corpus_dir": show_path(bench.corpus_dir),
            "baseline": bench.baseline_label, "kinds": list(KINDS), "columns": list(FACT_COLUMNS),
        })

    @app.post("/api/extract")
    def api_extract():
        data = body()
        text, doc = data.get("text"), data.get("doc") or None
        if not isinstance(text, str):
            abort(400, "expected {\"text\": \"the article\"}")
        if len(text) > MAX_TEXT:
            abort(413, f"the article has {len(text)} characters; the workbench takes at most {MAX_TEXT}")
        with bench.lock:
            try:
                rules = bench.rules()
            except RulesError as exc:
                return problems_response("the rule files have problems; fix them and extract again", exc.problems)
            result = extract(text, doc, rules)
            out = extraction_json(result)
            out["baseline"] = bench.baseline_label
            try:
                old = bench.baseline_rules()
            except RulesError as exc:
                out["changes"], out["baseline_problems"] = None, exc.problems
            else:
                before = result.facts if old.version == rules.version else extract(text, doc, old).facts
                out["changes"] = changes_json(before, result.facts, out)
        return jsonify(out)

    @app.get("/api/rules")
    def api_rules():
        files = [{"name": p.name, "lines": p.read_text(encoding="utf-8", errors="replace").count("\n")}
                 for p in sorted(bench.rules_dir.glob("*.yaml"))]
        return jsonify({"dir": show_path(bench.rules_dir), "files": files})

    @app.get("/api/rules/<name>")
    def api_rule(name):
        raw = bench.rule_path(name).read_bytes()
        return jsonify({"name": name, "content": raw.decode("utf-8", errors="replace"),
                        "version": hashlib.sha1(raw).hexdigest()})

    @app.put("/api/rules/<name>")
    def api_save_rule(name):
        path = bench.rule_path(name)
        data = body()
        content = data.get("content")
        if not isinstance(content, str):
            abort(400, "expected {\"content\": \"the rule file\"}")
        with bench.lock:
            if data.get("version") and hashlib.sha1(path.read_bytes()).hexdigest() != data["version"]:
                abort(409, f"{name} changed on disk since you opened it: reload it (copy your edit first)")
            problems, known, summary = bench.check_edit(name, content)
            if problems:
                return problems_response(f"not saved: extract check found {len(problems)} problem(s) in this edit",
                                         problems, summary=summary, known=known)
            bench.save_rule(name, content)
            version = hashlib.sha1(path.read_bytes()).hexdigest()
        # Problems that were there before the edit do not stop it; the page shows them.
        return jsonify({"saved": name, "summary": summary, "version": version, "known": known})

    @app.get("/api/corpus")
    def api_corpus():
        errors: list[str] = []
        docs = [{"doc": a.doc, "chars": len(a.text)} for a in bench.articles(errors)]
        return jsonify({"dir": show_path(bench.corpus_dir), "docs": docs, "errors": errors})

    @app.get("/api/corpus/<doc>")
    def api_corpus_doc(doc):
        article = next((a for a in bench.articles() if a.doc == doc), None)
        if article is None:
            abort(404, f"no article {doc!r} in {show_path(bench.corpus_dir)}")
        return jsonify({"doc": article.doc, "text": article.text})

    @app.post("/api/diff")
    def api_diff():
        body()
        with bench.lock:
            try:
                new = bench.rules()
            except RulesError as exc:
                return problems_response("the rule files have problems", exc.problems)
            try:
                old = bench.baseline_rules()
            except RulesError as exc:
                return problems_response("the baseline rules have problems", exc.problems)
            errors: list[str] = []
            result = diff_rules(bench.articles(errors), old, new)
        changes = [{"doc": c.doc, "change": c.kind, "fields": c.fields(), "old": c.old, "new": c.new}
                   for c in result.changes]
        return jsonify({"summary": result.summary(), "baseline": bench.baseline_label, "changes": changes,
                        "errors": errors, "corpus_dir": show_path(bench.corpus_dir)})

    @app.post("/api/baseline")
    def api_baseline():
        source = str(body().get("source") or "current")
        if source.startswith("-") or not source.strip():
            abort(400, f"{source!r} is not a git revision")
        with bench.lock:
            try:
                bench.set_baseline(source)
            except RuleSetError as exc:
                abort(400, str(exc))
        return jsonify({"baseline": bench.baseline_label})

    return app


class Server:
    """The workbench on a background thread (tests) or in the foreground (``extract serve``)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, rules_dir=None, corpus_dir="corpus"):
        self.app = create_app(rules_dir, corpus_dir)
        self.httpd = make_server(host, port, self.app, threaded=True)
        self.host, self.port = host, self.httpd.server_port
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def start(self) -> "Server":
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        try:
            self.httpd.serve_forever()
        finally:
            self.close()

    def close(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.httpd.server_close()
        self.app.extensions["workbench"].close()
