"""Command line: ``extract run | try | score | check``. Data goes to stdout, messages
to stderr; ``python -m extract`` works the same."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import ExtractError, InputError, RulesError
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
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True,
              help="Folder for facts.jsonl, facts.csv and errors.jsonl.")
@click.option("--encoding", default=None, help="Decode every article with this encoding instead of detecting it.")
@click.option("--parquet", is_flag=True, help="Also write facts.parquet (needs the parquet extra).")
@rules_option
def run(inputs, out_dir, encoding, parquet, rules_dirs):
    """Extract the facts of every article in INPUTS (folders, files, or - for stdin).

    Example: extract run corpus/ --out out/
    """
    from .export import write_jsonl, write_tables
    from .facts import extract
    from .read import iter_paths, read_article

    rules = _load(rules_dirs)
    facts, errors, docs = [], [], 0
    started = time.perf_counter()
    for path in iter_paths(list(inputs)):
        try:
            article = read_article(path, encoding)
            facts.extend(extract(article.text, article.doc, rules).facts)
            docs += 1
        except InputError as exc:
            errors.append({"path": exc.path, "reason": exc.reason, "hint": exc.hint})
            click.echo(f"Error: {exc}", err=True)
        except Exception as exc:  # one bad article never stops the batch
            errors.append({"path": path, "reason": f"{type(exc).__name__}: {exc}", "hint": "please report this article"})
            click.echo(f"Error: {path}: {type(exc).__name__}: {exc}", err=True)
    written = write_tables(facts, out_dir, parquet=parquet)
    errors_path = out_dir / "errors.jsonl"
    if errors:
        write_jsonl(errors, errors_path)
    elif errors_path.exists():
        errors_path.unlink()
    seconds = time.perf_counter() - started
    click.echo(f"{docs} documents, {len(facts)} facts, {len(errors)} failed in {seconds:.1f}s → "
               + ", ".join(str(p) for p in written), err=True)
    if errors:
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


def _explain(result) -> None:
    for fact in result.facts:
        click.echo(f"\n{fact.text}  [{fact.rule}]")
        for step in fact.steps:
            click.echo(f"  - {step}")
        click.echo(f"  - subject {fact.subject or '-'}")
    if result.rejections:
        click.echo("\nwhy not:")
        for rejection in result.rejections:
            click.echo(f"  {rejection.text}: {rejection.reason}")


@main.command()
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.argument("pred", type=click.Path(exists=True, path_type=Path))
@click.option("--kinds", default=None, help="Score only these kinds, comma-separated.")
@click.option("--docs", default=None, help="Score only documents whose id starts with this.")
@click.option("--misses", default=0, show_default=True, help="List up to N misses and extras.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def score(gold, pred, kinds, docs, misses, as_json):
    """Score PRED facts (JSONL) against GOLD (a *.gold.jsonl file or a folder of them).

    Example: extract score corpus/gold out/facts.jsonl
    """
    from .score import load_facts, score as score_facts

    result = score_facts(load_facts(gold, docs), load_facts(pred, docs), set(kinds.split(",")) if kinds else None)
    if as_json:
        click.echo(json.dumps(result.summary, ensure_ascii=False))
    else:
        click.echo(" ".join(f"{k}={v}" for k, v in result.summary.items()))
    for doc, g in result.misses[:misses]:
        click.echo(f"MISS {doc} {g.get('text')} {g.get('value')} {g.get('value_max')} {g.get('unit')}", err=True)
    for doc, p in result.extras[:misses]:
        click.echo(f"EXTRA {doc} {p.get('text')} {p.get('value')} {p.get('value_max')} {p.get('unit')}", err=True)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@rules_option
def check(files, rules_dirs):
    """Check rule files (default: all of them) and run every rule's examples.

    Example: extract check rules/units.yaml
    """
    from .check import check_files, load_for_check, run_examples

    folders = [default_rules_dir(), *rules_dirs]
    targets = list(files) or [p for d in folders for p in sorted(Path(d).glob("*.yaml"))]
    problems = check_files(targets)
    rules, load_problems = load_for_check(folders)
    problems += [p for p in load_problems if p not in problems]
    for problem in problems:
        click.echo(problem)
    if rules is None:
        sys.exit(1)
    only = {p.resolve() for p in files} if files else None
    results = run_examples(rules, only)
    failed = [r for r in results if not r.ok]
    for r in failed:
        click.echo(f"{r.rule.where}: rule {r.rule.id}: example {r.text!r}: {r.message}")
    click.echo(f"{len(targets)} files, {len(results) - len(failed)} examples passed, {len(failed)} failed, "
               f"{len(problems)} problems", err=True)
    if problems or failed:
        sys.exit(1)


def run_main() -> None:  # pragma: no cover - console entry point wrapper
    try:
        main()
    except ExtractError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
