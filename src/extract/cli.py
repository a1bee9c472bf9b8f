"""Command line: ``extract run | try | score | check | diff | gold-draft``. Data goes to stdout, messages
to stderr; ``python -m extract`` works the same."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ExtractError, RulesError
from .rules import default_rules_dir, load_rules

rules_option = click.option(
    "--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="A folder of extra rule files layered over the built-in rules/ (repeatable).",
)


def _load(rules_dirs) -> object:
    try:
        return load_rules(tuple(rules_dirs))
    except RulesError as exc:
        raise click.ClickException("rule files have problems:\n" + "\n".join(exc.problems)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="extract")
def main():
    """Statistic facts from Chinese news articles."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True,
              help="Folder for extract.db, facts.jsonl, facts.csv and errors.jsonl.")
@click.option("--encoding", default=None, help="Decode every article with this encoding instead of detecting it.")
@click.option("--parquet", is_flag=True, help="Also write facts.parquet (needs the parquet extra).")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1), help="Worker processes.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0),
              help="Seconds one document may take before it is recorded as failed (0: no limit).")
@click.option("--force", is_flag=True, help="Process every document again, even those unchanged since the last run.")
@click.option("--id-field", default="id", show_default=True, help="Collections (JSONL/JSON/CSV): the document id field.")
@click.option("--text-field", default=None, help="Collections: the text field [default: text, else content, else body].")
@click.option("--title-field", default="title", show_default=True, help="Collections: the title field.")
@click.option("--date-field", default="date", show_default=True, help="Collections: the date field.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine, or on a Dask cluster (needs the dask extra and --scheduler).")
@click.option("--scheduler", default=None, help="The Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@rules_option
def run(inputs, out_dir, encoding, parquet, jobs, timeout, force, id_field, text_field, title_field, date_field,
        engine, scheduler, rules_dirs):
    """Extract the facts of every article in INPUTS (folders, files, or - for stdin).

    Articles are .txt/.md, .html/.htm, .pdf, or collections in .jsonl/.json/.csv.
    Results go into OUT/extract.db; a second run processes only new or changed
    articles. Exit status 1 if any article failed.

    Example: extract run corpus/ --out out/
    """
    from .batch import Options, run_batch
    from .read import Fields

    _load(rules_dirs)  # report rule file problems before any work
    text_fields = (text_field,) if text_field else Fields.text
    options = Options(
        out_dir=out_dir, encoding=encoding, parquet=parquet, rules_dirs=tuple(str(d) for d in rules_dirs),
        jobs=jobs, timeout=timeout, force=force, engine=engine, scheduler=scheduler,
        fields=Fields(id=id_field, text=text_fields, title=title_field, date=date_field),
        log=lambda line: click.echo(line, err=True),
    )
    try:
        summary = run_batch(list(inputs), options)
    except ExtractError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(1)


@main.command(name="try")
@click.argument("text", required=False)
@click.option("--explain", is_flag=True, help="Show how each fact was built and why other numbers gave none.")
@click.option("--json", "as_json", is_flag=True, help="Print facts as JSON lines.")
@rules_option
def try_(text, explain, as_json, rules_dirs):
    """Print the facts of TEXT (or of stdin) as a table.

    Example: extract try "每亩 800元的保底分红"
    """
    from .export import fact_json, table_text
    from .facts import extract

    if text is None:
        text = sys.stdin.read()
    rules = _load(rules_dirs)
    result = extract(text, None, rules)
    if as_json:
        for fact in result.facts:
            click.echo(fact_json(fact))
    elif result.facts:
        click.echo(table_text(result.facts))
    else:
        click.echo("no facts", err=True)
    if explain:
        _explain(result)


_MAGNITUDES = {"亿": "×10⁸", "万": "×10⁴", "千": "×10³", "百": "×10²"}


def _explain(result) -> None:
    for line in explain_lines(result):
        click.echo(line)


def explain_lines(result) -> list[str]:
    """How each fact of an ``Extraction`` was built, step by step, and why the other
    numbers gave no fact."""
    lines = []
    for fact in result.facts:
        value = _num(fact.value) + (f"–{_num(fact.value_max)}" if fact.value_max is not None else "")
        lines += ["", f"{fact.text} → {value} {fact.unit} ({fact.kind})   rule {fact.rule}"]
        steps = {"number": [], "unit": [], "kind": [], "approx": [], "per": []}
        for step in fact.steps:
            head = step.split(" ", 1)[0].rstrip(":")
            head = {"value": "number", "factor": "number", "半": "number"}.get(head, head)
            steps.setdefault(head if head in steps else "number", []).append(step)
        defaults = {"kind": f"kind {fact.kind} (the unit's kind)", "approx": "approx - (no marker)",
                    "per": "per - (no rate marker)"}
        for head in ("number", "unit", "kind", "approx", "per"):
            found = steps[head] or [defaults.get(head, "-")]
            for step in found:
                lines.append(f"  {head:<9} {step.removeprefix(head + ' ') if step.startswith(head + ' ') else step}")
            if head == "number":
                number = fact.steps[0].split(" → ")[0] if fact.steps else ""
                mags = [f"{m} {x}" for m, x in _MAGNITUDES.items() if m in number]
                lines.append(f"  {'magnitude':<9} {', '.join(mags) + ' (folded into the value)' if mags else '-'}")
        lines.append(f"  {'subject':<9} {fact.subject or '- (none found)'}")
    lines += ["", "why not:"]
    if not result.rejections:
        lines.append("  every number gave a fact")
    for rejection in result.rejections:
        lines.append(f"  {rejection.text}: {rejection.reason}")
    return lines


def _num(x) -> str:
    return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)


@main.command()
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.argument("pred", type=click.Path(exists=True, path_type=Path))
@click.option("--kinds", default=None, help="Score only these kinds, comma-separated.")
@click.option("--docs", default=None, help="Score only documents whose id starts with this.")
@click.option("--misses", default=0, show_default=True, help="List up to N misses and extras.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--by-rule", is_flag=True, help="Also print true and false positives per rule, overlapping or "
              "conflicting rules, and every miss and false positive with its sentence.")
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the gold articles, to show the sentence of each miss (with --by-rule).")
def score(gold, pred, kinds, docs, misses, as_json, by_rule, texts):
    """Score PRED facts (JSONL) against GOLD (a *.gold.jsonl file or a folder of them).

    Example: extract score corpus/gold out/facts.jsonl --by-rule --texts corpus/
    """
    from .score import load_facts, score as score_facts

    pred_by_doc = load_facts(pred, docs)
    result = score_facts(load_facts(gold, docs), pred_by_doc, set(kinds.split(",")) if kinds else None)
    if as_json:
        click.echo(json.dumps(result.summary, ensure_ascii=False))
    else:
        click.echo(" ".join(f"{k}={v}" for k, v in result.summary.items()))
    if by_rule:
        from .diff import by_rule_report, read_texts

        click.echo("")
        for line in by_rule_report(result, pred_by_doc, read_texts(texts) if texts else None):
            click.echo(line)
    for doc, g in result.misses[:misses]:
        click.echo(f"MISS {doc} {g.get('text')} {g.get('value')} {g.get('value_max')} {g.get('unit')}", err=True)
    for doc, p in result.extras[:misses]:
        click.echo(f"EXTRA {doc} {p.get('text')} {p.get('value')} {p.get('value_max')} {p.get('unit')}", err=True)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@rules_option
def check(files, rules_dirs):
    """Check rule files (default: all of them) and run every rule's examples.

    Prints one `file:line: message` line per problem — YAML syntax, unknown keys,
    duplicate ids, bad kinds, invalid or slow regexes — and per failing example, and
    exits with status 1 if there is any.

    Example: extract check rules/units.yaml
    """
    from .check import check_rules

    report = check_rules(list(files), [default_rules_dir(), *rules_dirs])
    for line in report.lines():
        click.echo(line)
    click.echo(report.summary(), err=True)
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--old", "old_spec", default=None,
              help="The old rule set: a rules folder or a git revision (HEAD, main~1) whose rules/ is read "
                   "with git show. Default: the built-in rules/ without --rules folders.")
@click.option("--new", "new_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The new rule set: a rules folder used in place of the built-in rules/. Default: rules/.")
@click.option("--encoding", default=None, help="Decode every article with this encoding instead of detecting it.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A newsroom folder layered over the new rule set only (repeatable): shows what it changes.")
def diff(inputs, old_spec, new_dir, encoding, rules_dirs):
    """Facts added, removed and changed per document between two rule sets, before
    you commit a rule change: a summary, then one table row per differing fact.

    Example: extract diff corpus/ --old HEAD
    """
    import tempfile

    from .diff import RuleSetError, diff_rules, diff_table, iter_articles, materialize_rules
    from .rules import load_rules_from

    builtin = default_rules_dir()
    with tempfile.TemporaryDirectory(prefix="extract-diff-") as work:
        try:
            old_dir = materialize_rules(old_spec, builtin, Path(work)) if old_spec else builtin
        except RuleSetError as exc:
            raise click.ClickException(str(exc)) from None
        try:
            old = load_rules_from(old_dir)
        except RulesError as exc:
            raise click.ClickException(f"old rules ({old_spec}) have problems:\n" + "\n".join(exc.problems)) from None
        try:
            new = load_rules_from(new_dir or builtin, tuple(rules_dirs))
        except RulesError as exc:
            raise click.ClickException("rule files have problems:\n" + "\n".join(exc.problems)) from None
    errors: list[str] = []
    result = diff_rules(iter_articles(list(inputs), encoding, errors), old, new)
    for error in errors:
        click.echo(f"Error: {error}", err=True)
    click.echo(result.summary())
    if result.changes:
        click.echo("")
        click.echo(diff_table(result))


@main.command(name="gold-draft")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for one <doc>.gold.jsonl per document.")
@click.option("--encoding", default=None, help="Decode every article with this encoding instead of detecting it.")
@rules_option
def gold_draft(inputs, out_dir, encoding, rules_dirs):
    """Write the pipeline's facts as draft gold files (the contract's fields only), one
    <doc>.gold.jsonl per document, for an editor to correct.

    Example: extract gold-draft corpus/new-article.txt --out corpus/gold/
    """
    from .diff import iter_articles, write_gold_drafts

    rules = _load(rules_dirs)
    errors: list[str] = []
    written = write_gold_drafts(iter_articles(list(inputs), encoding, errors), rules, out_dir)
    for error in errors:
        click.echo(f"Error: {error}", err=True)
    for path in written:
        click.echo(str(path))
    click.echo(f"{len(written)} gold drafts written, {len(errors)} failed", err=True)
    if errors:
        sys.exit(1)


def run_main() -> None:  # pragma: no cover - console entry point wrapper
    try:
        main()
    except ExtractError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)


@main.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Keep 127.0.0.1 unless you mean to let others edit your rule files.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--rules-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The rule folder the page reads and edits [default: the built-in rules/].")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("corpus"),
              show_default=True, help="Folder of articles to pick from and to diff across.")
@click.option("--open", "open_browser", is_flag=True, help="Also open the page in your web browser.")
def serve_(host, port, rules_dir, corpus_dir, open_browser):
    """Start the workbench: a local web page to paste or pick an article, see every
    figure highlighted with how it was read, edit rule files and see what changes.

    Needs the web extra (pip install -e '.[web]'). Stop it with Ctrl+C.

    Example: extract serve --open
    """
    from .rules import load_rules_from, show_path
    from .serve import Server

    try:
        load_rules_from(rules_dir or default_rules_dir())
    except RulesError as exc:  # the page can still be used to fix them
        click.echo("Warning: rule files have problems:\n" + "\n".join(exc.problems), err=True)
    try:
        server = Server(host, port, rules_dir, corpus_dir)
    except ImportError as exc:
        raise click.ClickException(f"extract serve needs the web extra ({exc})") from None
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc} (try another --port)") from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"Warning: listening on {host}: anyone who can reach it can edit the rule files.", err=True)
    bench = server.app.extensions["workbench"]
    click.echo(f"Workbench at {server.url} (rules: {show_path(bench.rules_dir)}, corpus: {show_path(bench.corpus_dir)});"
               " Ctrl+C stops it.", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
