"""The pipeline: a short, explicit list of stages from an article to its records.

Each stage is a pure function `Document -> dict of annotations` with declared `requires` and
`assigns`; the runner checks the contract once when the pipeline is built (every requirement is
assigned upstream) and on every call (a stage returns exactly what it declared), naming the stage
in any error. Replacing a stage (a better tagger, a better geocoder) touches nothing else.

Stages keep no per-article state: the same `Pipeline` can serve many threads or workers.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .document import Article, Document
from .errors import ModelError, PipelineError, RasdError

__all__ = ["Stage", "Pipeline", "default_stages", "extract_article"]


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document], dict[str, Any]]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    doc: str = ""


# ------------------------------------------------------------------ the stages, in order
def _normalize(doc: Document) -> dict[str, Any]:
    from .normalize import normalize

    return {"norm": normalize(doc.text)}


def _segment(doc: Document) -> dict[str, Any]:
    from .segment import sentence_spans

    return {"sentences": sentence_spans(doc.text)}


def _entities_with(model: str | None) -> Callable[[Document], dict[str, Any]]:
    """The entity stage with the tagger named (`--ner-model`: fast, accurate or a model folder), or, with
    None, the one of the `ner_model` setting."""

    def entities(doc: Document) -> dict[str, Any]:
        from . import ner

        return {"entities": ner.tag(doc.text, ner_model(model), sentences=doc.annotations["sentences"])}

    return entities


def ner_model(name: str | None = None):
    """The tagger named, else the one of the `ner_model` setting ("accurate" is the BiLSTM-CRF in
    rasd/data/ner/; a folder may hold a rasd model or a Hugging Face token-classification model)."""
    from . import ner
    from .settings import get_setting

    name = get_setting("ner_model", name)
    try:
        return ner.load_model(None if name == "accurate" else name)
    except (OSError, ImportError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the entity model {name!r}: {exc}. Use fast, accurate, or a folder holding "
                         "a rasd model.json or a Hugging Face token-classification model") from None


def _places(doc: Document) -> dict[str, Any]:
    from .places import find_places

    return {"places": find_places(doc.text, norm=doc.annotations["norm"])}


def _actors(doc: Document) -> dict[str, Any]:
    from .actors import find_actors, find_persons

    norm = doc.annotations["norm"]
    pers = [(e.start, e.end) for e in doc.annotations["entities"] if e.label == "PERS"]
    locs = [(e.start, e.end) for e in doc.annotations["entities"] if e.label == "LOC"]
    locs += [(p.start, p.end) for p in doc.annotations["places"] if p.kind != "nationality"]
    return {"actors": find_actors(doc.text, norm=norm),
            "persons": find_persons(doc.text, norm=norm, pers_spans=pers, loc_spans=locs)}


def _dates(doc: Document) -> dict[str, Any]:
    from .dates import find_dates

    return {"dates": find_dates(doc.text, doc.article.published, norm=doc.annotations["norm"])}


def _figures(doc: Document) -> dict[str, Any]:
    from .numbers import find_casualties

    return {"figures": find_casualties(doc.text, norm=doc.annotations["norm"])}


def _records(doc: Document) -> dict[str, Any]:
    from .events import build_records
    from .events.adapt import doc_view

    rejected: list[dict[str, Any]] = []
    return {"records": build_records(doc_view(doc), rejected), "rejected": rejected}


def default_stages(*, ner_model: str | None = None) -> list[Stage]:
    """The stages in order; `ner_model` names the entity tagger instead of the setting."""
    return [
        Stage("normalize", _normalize, (), ("norm",), "matching view of the text with an offset map"),
        Stage("segment", _segment, (), ("sentences",), "sentence spans"),
        Stage("entities", _entities_with(ner_model), ("sentences",), ("entities",),
              "named entities (PERS, ORG, LOC, MISC)"),
        Stage("places", _places, ("norm",), ("places",), "place mentions, geocoded"),
        Stage("actors", _actors, ("norm", "entities", "places"), ("actors", "persons"), "actors and people, linked"),
        Stage("dates", _dates, ("norm",), ("dates",), "date expressions, resolved"),
        Stage("figures", _figures, ("norm",), ("figures",), "casualty figures"),
        Stage("records", _records, ("norm", "sentences", "places", "actors", "persons", "dates", "figures"),
              ("records", "rejected"), "events, statements, relations, tallies (and the triggers that made none)"),
    ]


class Pipeline:
    """Runs stages in order over articles. Build once; call for each article."""

    def __init__(self, stages: Iterable[Stage] | None = None):
        self.stages = list(stages) if stages is not None else default_stages()
        assigned: set[str] = set()
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in assigned]
            if missing:
                raise PipelineError(f"stage {stage.name!r} requires {missing}, which no earlier stage assigns")
            assigned.update(stage.assigns)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Document:
        doc = Document(article)
        for stage in self.stages:
            try:
                out = stage.run(doc)
            except RasdError:
                raise
            except Exception as exc:  # a bug in a stage: name the stage and the article
                raise PipelineError(f"stage {stage.name!r} failed: {type(exc).__name__}: {exc}",
                                    source=article.source or article.doc_id) from exc
            if not isinstance(out, dict) or set(out) != set(stage.assigns):
                raise PipelineError(f"stage {stage.name!r} returned {sorted(out) if isinstance(out, dict) else out!r}"
                                    f", expected {list(stage.assigns)}", source=article.source)
            doc.annotations.update(out)
        doc.records = doc.annotations.pop("records", [])
        return doc


_DEFAULT: Pipeline | None = None


def extract_article(article: Article, pipeline: Pipeline | None = None) -> Document:
    """Run a pipeline on one article: the one given, else the default one (built once per process)."""
    global _DEFAULT
    if pipeline is not None:
        return pipeline(article)
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT(article)
