"""HTML news pages: the article's title and main text, without the page around it.

trafilatura finds the main text; it is asked for precision because a menu item or a "most read"
headline that slips into the stored text becomes a false event later. The stored text is the
title line, a blank line, then one paragraph per line: one fixed shape, so offsets are stable
and the title can be told from the body.

trafilatura and htmldate take a quarter of a second to import, so they are imported on the
first HTML input only: reading plain text never pays for them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rasd.document import Article
from rasd.errors import InputError
from rasd.ingest.decode import iso_date
from rasd.ingest.language import require_arabic

__all__ = ["Page", "extract_page", "article_from_html", "looks_like_html"]

# htmldate: only the page's own metadata and markup, never a broad text scan, so a footer
# copyright year is not taken for the publication date; prefer the original over the updated date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    "date_extraction_params": _DATE_PARAMS,
}
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)
# What sites put between a headline and their name: "Headline | Site", "Site - Headline".
_SEPARATORS = "|-–—•·:«»/"


@dataclass(slots=True)
class Page:
    """What a page yields: the stored text and the page's own metadata."""

    text: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None  # from the page's metadata, checked as a real date


def looks_like_html(text: str) -> bool:
    """True when a text file is really an HTML page (it starts like one)."""
    return _HTML_START.match(text[:4096]) is not None


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(value.split()) or None


def _strip_site(title: str, site: str | None) -> str:
    """Remove the site's name when a page glues it to the headline ("Headline | Site").

    Case-insensitive: trafilatura capitalises a lowercase site name ("elmaouid" → "Elmaouid").
    """
    if not site:
        return title
    folded, site = title.casefold(), " ".join(site.split()).casefold()
    if len(folded) != len(title):  # casefolding changed lengths (ß → ss): slicing would be wrong
        return title
    for sep in _SEPARATORS:
        for suffix in (f" {sep} {site}", f"{sep} {site}", f" {sep}{site}"):
            if folded.endswith(suffix) and len(title) > len(suffix):
                return title[: -len(suffix)].strip()
        prefix = f"{site} {sep} "
        if folded.startswith(prefix) and len(title) > len(prefix):
            return title[len(prefix):].strip()
    return title


def _extract(html: str, precision: bool) -> Any:
    from trafilatura import bare_extraction

    return bare_extraction(html, favor_precision=precision, **_OPTIONS)


def extract_page(html: str, source: str | None) -> Page:
    """Extract title, main text and metadata from an HTML page; refuse pages with no Arabic text.

    Raises InputError when no main text is found (including pages too broken to parse) and
    LanguageError when the main text is not Arabic.
    """
    try:
        found = _extract(html, precision=True)
        if found is None or not (found.text or "").strip():
            found = _extract(html, precision=False)  # precision can discard all of a short page
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many types on broken markup
        raise InputError(f"could not parse the HTML page ({type(exc).__name__}: {exc})", source=source) from None
    if found is None:
        raise InputError("no main text found in the HTML page", source=source)
    paragraphs = [line.strip() for line in (found.text or "").split("\n")]
    paragraphs = [p for p in paragraphs if p]
    outlet = _one_line(found.sitename) or _one_line(found.hostname)
    title = _one_line(found.title)
    if title:
        title = _strip_site(title, outlet)
    if paragraphs and title and " ".join(paragraphs[0].split()) == title:
        del paragraphs[0]  # the headline kept in the body would appear twice
    if not paragraphs:
        raise InputError("no main text found in the HTML page", source=source)
    body = "\n".join(paragraphs)
    require_arabic(body, source, what="the page's main text")
    published = None
    if found.date:
        try:
            published = iso_date(found.date)
        except ValueError:
            published = None  # a page's unreadable date is no date, not an error
    text = f"{title}\n\n{body}" if title else body
    return Page(text=text, title=title, outlet=outlet, url=_one_line(found.url), published=published)


def article_from_html(html: str, *, source: str | None = None, published: str | None = None,
                      stem: str | None = None) -> Article:
    """An Article from an HTML page. `published` (already checked) is the user's date and wins
    over the page's own; the page's date is used only when none is given.
    """
    page = extract_page(html, source)
    if published is not None:
        date, date_source = published, "cli"
    elif page.published is not None:
        date, date_source = page.published, "page"
    else:
        date, date_source = None, None
    return Article(text=page.text, source=source, title=page.title, outlet=page.outlet, url=page.url,
                   published=date, published_source=date_source, stem=stem)
