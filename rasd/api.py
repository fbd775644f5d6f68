"""The Python API: `extract()` for a string, `extract_file()` for inputs on disk.

Notebooks and other programs use rasd through these; the command line is a thin layer over them.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .document import Article
from .errors import InputError, LanguageError
from .pipeline import Pipeline, extract_article

__all__ = ["extract", "extract_articles", "process"]


def process(article: Article, *, check_language: bool = True, with_rejected: bool = False,
            pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Run the pipeline on one article and return the document object of spec/records.md.

    The file readers already refuse non-Arabic input; `check_language` is for text given directly.
    `with_rejected` adds `rejected`: the triggers that made no record, and why (for `rasd explain`).
    `pipeline` replaces the default one (e.g. `Pipeline(default_stages(ner_model=...))`).
    """
    if check_language:
        from .ingest.language import detect_language

        lang = detect_language(article.text)
        if lang != "ar":
            raise LanguageError(f"no Arabic text: the text looks like {lang}; nothing extracted",
                                source=article.source)
    doc = extract_article(article, pipeline)
    out = doc.to_dict()
    if with_rejected:
        out["rejected"] = doc.annotations.get("rejected", [])
    return out


def extract(text_or_html: str, published: str | None = None, *, title: str | None = None, url: str | None = None,
            outlet: str | None = None, doc_id: str | None = None, source: str | None = None) -> dict[str, Any]:
    """Extract records from one Arabic article given as plain text or as an HTML page.

    `published` (YYYY-MM-DD) resolves relative dates; for HTML without it, the page's own date is used.
    Returns the document object of spec/records.md (doc_id, text, records, …).
    """
    from .ingest import parse_published

    pub = parse_published(published) if published else None
    if not text_or_html or not text_or_html.strip():
        raise InputError("the text is empty", source=source)
    from .ingest.html import article_from_html, looks_like_html

    if looks_like_html(text_or_html):
        article = article_from_html(text_or_html, source=source or "<html>", published=pub)
        article.url = url or article.url
        article.outlet = outlet or article.outlet
        if doc_id:
            article.doc_id = doc_id
    else:
        article = Article(text=text_or_html, source=source, title=title, outlet=outlet, url=url, published=pub,
                          published_source="cli" if pub else None, doc_id=doc_id)
    return process(article)


def extract_articles(paths: list[str], *, published: str | None = None, max_bytes: int | None = None,
                     with_rejected: bool = False, ner_model: str | None = None
                     ) -> Iterator[dict[str, Any] | InputError]:
    """Documents (or the input error of each bad file or row) for files, folders and globs, in order.

    `ner_model` names the entity tagger (fast, accurate, or a model folder) instead of the setting."""
    from .ingest import iter_articles
    from .settings import get_setting

    limit = get_setting("max_size", max_bytes)
    pipeline = None
    if ner_model:
        from .pipeline import default_stages
        from .pipeline import ner_model as load_ner_model

        load_ner_model(ner_model)  # a model that cannot load fails here, before any input is read
        pipeline = Pipeline(default_stages(ner_model=ner_model))
    for item in iter_articles(paths, published=published, max_bytes=limit):
        if isinstance(item, InputError):
            yield item
            continue
        doc = process(item, check_language=False, with_rejected=with_rejected, pipeline=pipeline)
        doc["_stem"] = item.stem or (Path(item.source).stem if item.source else item.doc_id)
        yield doc
