"""The `rasd` command line: a thin layer over the library.

Each command parses its options, calls one library function, and prints. Errors the library raises
(`RasdError`) become one line on stderr naming the input and the problem, and a non-zero exit code.
Heavy modules (DuckDB, trafilatura, the tagger) are imported inside the commands that need them,
so `rasd --help` and `rasd extract` start fast.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import InputError, RasdError

app = typer.Typer(
    help="rasd (رصد): Arabic conflict news in, geocoded, evidence-linked event records out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
geo_app = typer.Typer(help="Places: look up and geocode Arabic place names.", no_args_is_help=True)
actors_app = typer.Typer(help="Actors: see how a mention links to the actor dictionary.", no_args_is_help=True)
ner_app = typer.Typer(help="Named entities: tag, evaluate, retrain the tagger.", no_args_is_help=True)
app.add_typer(geo_app, name="geo")
app.add_typer(actors_app, name="actors")
app.add_typer(ner_app, name="ner")

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default ./rasd.duckdb or $RASD_DB).")]


def _fail(exc: RasdError) -> typer.Exit:
    typer.echo(f"rasd: {exc}", err=True)
    return typer.Exit(exc.exit_code)


def _db_path(db: str | None) -> str:
    from .settings import get_setting

    return get_setting("db", db)


def _open_store(db: str | None, *, read_only: bool = False):
    from .store import Store

    return Store(_db_path(db), read_only=read_only)


def _published(value: str | None) -> str | None:
    if value is None:
        return None
    from .ingest import parse_published

    return parse_published(value)


# ------------------------------------------------------------------ extract
@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns (.txt, .html, .jsonl).")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that lack one.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | table")] = "json",
    out: Annotated[Path | None, typer.Option(help="Write one JSON file per document into this folder.")] = None,
    max_size: Annotated[int | None, typer.Option(help="Largest input in bytes (default 5 MB).")] = None,
    ner_model: Annotated[str | None, typer.Option(
        help="Entity tagger: fast, accurate, or a model folder (a rasd model, or a Hugging Face "
             "token-classification model with `transformers` installed). Default: the ner_model setting.")] = None,
) -> None:
    """Extract records from articles, without a database.

    Examples:
      rasd extract article.txt --published 2016-10-19
      rasd extract page.html --format table
      rasd extract news.jsonl --out results/
      rasd extract article.txt --ner-model ~/models/camelbert-ner
    """
    from .api import extract_articles

    if format not in ("json", "jsonl", "table"):
        raise typer.BadParameter("must be json, jsonl or table", param_hint="--format")
    try:
        pub = _published(published)
    except RasdError as exc:
        raise _fail(exc) from None
    docs: list[dict[str, Any]] = []
    errors = 0
    if ner_model:
        _ner_model(ner_model)  # a model that cannot load: one line and exit 2, before any input is read
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    for item in extract_articles(paths, published=pub, max_bytes=max_size, ner_model=ner_model):
        if isinstance(item, RasdError):
            errors += 1
            typer.echo(f"rasd: {item}", err=True)
            continue
        stem = item.pop("_stem", None) or item["doc_id"]
        if out is not None:
            (out / f"{stem}.json").write_text(json.dumps(item, ensure_ascii=False, indent=2), encoding="utf-8")
        elif format == "jsonl":
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
        else:
            docs.append(item)
    if out is None and format == "json" and (docs or not errors):
        payload: Any = docs[0] if len(docs) == 1 else docs
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif out is None and format == "table":
        from .render import records_table

        for doc in docs:
            records_table(doc)
    if errors:
        typer.echo(f"rasd: {errors} input(s) could not be read (see above)", err=True)
        raise typer.Exit(InputError.exit_code)


# ------------------------------------------------------------------ ingest / reprocess
@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")],
    db: DbOption = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that lack one.")] = None,
    max_size: Annotated[int | None, typer.Option(help="Largest input in bytes (default 5 MB).")] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Store articles and their records in the database (idempotent: the same article twice changes nothing).

    Examples:
      rasd ingest examples/
      rasd ingest 'feeds/*.jsonl' --db news.duckdb
    """
    from .ingest_run import ingest_paths

    try:
        pub = _published(published)
        with _open_store(db) as store:
            summary = ingest_paths(store, paths, published=pub, max_bytes=max_size, progress=progress,
                                   on_error=lambda msg: typer.echo(f"rasd: {msg}", err=True))
    except RasdError as exc:
        raise _fail(exc) from None
    typer.echo(f"{summary['stored']} stored, {summary['unchanged']} unchanged, {summary['records']} records, "
               f"{summary['errors']} errors → {_db_path(db)}")
    if summary["errors"]:
        raise typer.Exit(InputError.exit_code)


@app.command()
def reprocess(
    db: DbOption = None,
    all: Annotated[bool, typer.Option("--all", help="Re-run even documents already at this extractor version.")] = False,
) -> None:
    """Re-run extraction on stored documents made by an older extractor version.

    Examples:
      rasd reprocess
      rasd reprocess --db news.duckdb --all
    """
    from .ingest_run import reprocess_store

    try:
        with _open_store(db) as store:
            n, total = reprocess_store(store, force=all)
    except RasdError as exc:
        raise _fail(exc) from None
    typer.echo(f"{n} of {total} documents re-extracted")


# ------------------------------------------------------------------ queries
@app.command()
def events(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 code, e.g. LY.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="ACLED event type or sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Text in an actor's name (Arabic or English).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table | csv | json")] = "table",
) -> None:
    """Query stored events.

    Examples:
      rasd events --country LY --since 2016-01
      rasd events --type "Suicide bomb" --format csv
      rasd events --actor "Islamic State" --format json
    """
    try:
        with _open_store(db, read_only=True) as store:
            rows = store.events(country=country, since=since, until=until, event_type=type, actor=actor)
    except RasdError as exc:
        raise _fail(exc) from None
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif format == "csv":
        from .render import event_row, EVENT_COLUMNS

        w = csv.writer(sys.stdout)
        w.writerow(EVENT_COLUMNS)
        for r in rows:
            w.writerow(event_row(r))
    elif format == "table":
        from .render import events_table

        events_table(rows)
    else:
        raise typer.BadParameter("must be table, csv or json", param_hint="--format")


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="A stored document id (or a unique prefix of it).")],
    db: DbOption = None,
) -> None:
    """Show a stored article with each record's evidence highlighted, and its records.

    Examples:
      rasd show 3f2a9c
    """
    from .render import show_document

    try:
        with _open_store(db, read_only=True) as store:
            doc = _stored_doc(store, doc_id)
    except RasdError as exc:
        raise _fail(exc) from None
    show_document(doc)


def _stored_doc(store, doc_id: str) -> dict[str, Any]:
    from .errors import StoreError

    ids = store.find_doc_ids(doc_id)
    if not ids:
        raise StoreError(f"no stored document {doc_id!r}")
    if len(ids) > 1 and doc_id not in ids:
        raise StoreError(f"{doc_id!r} matches {len(ids)} documents: give more of the id")
    return store.document(doc_id if doc_id in ids else ids[0])


@app.command()
def explain(
    target: Annotated[str, typer.Argument(help="An article file, or a stored document id.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for a file.")] = None,
    db: DbOption = None,
) -> None:
    """Show how each record was built: evidence highlighted, every field with the rule that filled it.

    Examples:
      rasd explain article.txt --published 2016-10-19
      rasd explain 3f2a9c
    """
    from .render import explain_document

    try:
        if Path(target).exists():
            from .api import extract_articles

            items = list(extract_articles([target], published=_published(published), with_rejected=True))
            for item in items:
                if isinstance(item, RasdError):
                    raise item
                item.pop("_stem", None)
                explain_document(item)
            return
        with _open_store(db, read_only=True) as store:
            doc = _stored_doc(store, target)
        from .api import process
        from .document import Article

        again = process(Article(text=doc["text"], published=doc["published"], doc_id=doc["doc_id"]),
                        check_language=False, with_rejected=True)
        doc["rejected"] = again["rejected"]
    except RasdError as exc:
        raise _fail(exc) from None
    explain_document(doc)


# ------------------------------------------------------------------ debugging tools for each stage
@app.command()
def dates(
    text: Annotated[str, typer.Argument(help="Arabic text, or a file holding it.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD to resolve relative dates.")] = None,
) -> None:
    """Print the date expressions found in a text and what each resolves to.

    Examples:
      rasd dates "وفي جويلية الماضي قدم تقريرا" --published 2016-10-19
    """
    from .dates import find_dates

    try:
        pub = _published(published)
    except RasdError as exc:
        raise _fail(exc) from None
    body = _text_arg(text)
    for d in find_dates(body, pub):
        typer.echo(f"{d.start}-{d.end}\t{d.text}\t{d.value}\t{d.precision}\t{d.basis}"
                   + (f"\tend={d.end_value}" if d.end_value else ""))


@app.command()
def numbers(
    text: Annotated[str, typer.Argument(help="Arabic text, or a file holding it.")],
) -> None:
    """Print the numbers and casualty figures found in a text.

    Examples:
      rasd numbers "مقتل 15 شخصا على الأقل وجرح 80 آخرين"
    """
    from .numbers import find_casualties, find_numbers

    body = _text_arg(text)
    for n in find_numbers(body):
        typer.echo(f"number\t{n.start}-{n.end}\t{n.text}\tbest={n.best} low={n.low} high={n.high}")
    for c in find_casualties(body):
        typer.echo(f"{c.category}\t{c.start}-{c.end}\t{c.text}\tbest={c.best} low={c.low} high={c.high}"
                   f"\twho={c.who}")


def _text_arg(text: str) -> str:
    p = Path(text)
    if len(text) < 300 and "\n" not in text and p.is_file():
        return p.read_text(encoding="utf-8")
    return text


@geo_app.command("resolve")
def geo_resolve(
    text: Annotated[str, typer.Argument(help="A place name or a sentence.")],
    country: Annotated[str | None, typer.Option(help="Country context, ISO2.")] = None,
) -> None:
    """Print place candidates and the chosen place for each mention.

    Examples:
      rasd geo resolve "قرب الحدود مع النيجر"
      rasd geo resolve طرابلس --country LB
    """
    from .places import explain as explain_places

    typer.echo(json.dumps(explain_places(text, country=country), ensure_ascii=False, indent=2))


@actors_app.command("find")
def actors_find(text: Annotated[str, typer.Argument(help="A sentence or a name.")]) -> None:
    """Show how each actor or person mention in a text links, and why.

    Examples:
      rasd actors find "أعلنت حركة بوكو حرام ولاءها لداعش"
    """
    from .actors import explain as explain_actors

    typer.echo(json.dumps(explain_actors(text), ensure_ascii=False, indent=2))


NerModel = Annotated[str | None, typer.Option("--model", help="fast | accurate | a model folder "
                                                              "(default: the ner_model setting).")]


def _ner_model(name: str | None):
    from .pipeline import ner_model

    try:
        return ner_model(name)
    except RasdError as exc:
        raise _fail(exc) from None


@ner_app.command("tag")
def ner_tag(text: Annotated[str, typer.Argument(help="Arabic text, or a file holding it.")],
            model: NerModel = None) -> None:
    """Print named entities with their character offsets and types.

    Examples:
      rasd ner tag "قال وزير الدفاع الفرنسي جان إيف لودريان في باريس"
      rasd ner tag article.txt --model accurate
    """
    from . import ner

    for ent in ner.tag(_text_arg(text), _ner_model(model)):
        typer.echo(f"{ent.start}\t{ent.end}\t{ent.label}\t{ent.text}")


@ner_app.command("evaluate")
def ner_evaluate(path: Annotated[Path, typer.Argument(help="A CoNLL file: one 'token TAG' per line (IOB2).")],
                 model: NerModel = None) -> None:
    """Score the tagger on a CoNLL file: P, R, F1 per type, then micro-F1 (CoNLL exact match).

    Examples:
      rasd ner evaluate ../shared/data/ner/anercorp/ANERCorp_CamelLab_test.REPAIRED_sentence_initial.txt
      rasd ner evaluate test.conll --model accurate
    """
    from . import ner

    scores = ner.evaluate_file(path, _ner_model(model))
    for label, s in sorted(scores.get("per_type", {}).items()):
        typer.echo(f"{label:<6} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    typer.echo(f"micro-F1 {scores['micro']['f1']:.3f}")


@ner_app.command("train")
def ner_train(
    data: Annotated[Path, typer.Option(help="Training file (CoNLL IOB2).")] = Path(
        "../shared/data/ner/anercorp/ANERcorp_CamelStyle_train.txt"),
    out: Annotated[Path, typer.Option(help="Folder for the model.")] = Path("rasd/data/ner"),
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
) -> None:
    """Retrain the entity tagger reproducibly (seeded).

    Examples:
      rasd ner train --data ../shared/data/ner/anercorp/ANERcorp_CamelStyle_train.txt
    """
    from . import ner

    result = ner.train_model(data, out, seed=seed)
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
