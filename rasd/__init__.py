"""rasd (رصد): Arabic conflict news in, geocoded, evidence-linked event records out.

    >>> import rasd
    >>> doc = rasd.extract("…نص الخبر…", published="2016-10-19")
    >>> doc["records"]

The pipeline, in order (see ARCHITECTURE.md): ingest → normalize → segment → entities (ner) →
places → actors → dates → figures (numbers) → records (events) → store.
"""
from .api import extract, extract_articles, process
from .document import Article, Document, Span
from .errors import RasdError
from .pipeline import Pipeline, Stage, default_stages
from .version import EXTRACTOR_VERSION, __version__

__all__ = ["extract", "extract_articles", "process", "Article", "Document", "Span", "RasdError", "Pipeline",
           "Stage", "default_stages", "EXTRACTOR_VERSION", "__version__"]
