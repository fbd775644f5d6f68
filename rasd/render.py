"""Rendering for people: tables of records and events, an article with its evidence highlighted.

Only the command line calls this module; it is the one place (with cli.py) that prints.
"""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["records_table", "events_table", "event_row", "EVENT_COLUMNS", "show_document", "explain_document"]

EVENT_COLUMNS = ["date", "country", "place", "event_type", "sub_event_type", "actor1", "actor2", "fatalities",
                 "injuries", "status", "doc_id", "evidence"]
_STYLE = {"event": "bold red", "statement": "bold blue", "relation": "bold magenta", "tally": "bold yellow"}


def _console() -> Console:
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:  # piped or captured: do not squeeze Arabic text into 80 columns
        console = Console(highlight=False, soft_wrap=False, width=160)
    return console


def _name(ref: Any) -> str:
    if isinstance(ref, dict):
        return str(ref.get("name") or ref.get("text") or "")
    return ""


def _fig(value: Any) -> str:
    if isinstance(value, dict):
        best = value.get("best")
        return "?" if best is None else str(best)
    return ""


def event_row(rec: dict[str, Any]) -> list[str]:
    loc = rec.get("location") or {}
    return [
        (rec.get("date") or {}).get("value") or "", loc.get("country") or "", loc.get("name") or "",
        rec.get("event_type") or "", rec.get("sub_event_type") or "", _name(rec.get("actor1")),
        _name(rec.get("actor2")), _fig(rec.get("fatalities")), _fig(rec.get("injuries")), rec.get("status") or "",
        rec.get("doc_id") or "", (rec.get("evidence") or {}).get("text", "")[:90],
    ]


def _summary(rec: dict[str, Any]) -> str:
    kind = rec["kind"]
    if kind == "event":
        return f"{rec.get('event_type')} / {rec.get('sub_event_type')}"
    if kind == "statement":
        return f"{rec.get('statement_type')} by {_name(rec.get('speaker')) or '?'}"
    if kind == "relation":
        return f"{rec.get('relation_type')}: {_name(rec.get('subject')) or '?'} → {_name(rec.get('object')) or '—'}"
    return f"tally: {(rec.get('scope') or {}).get('text', '')} killed {_fig(rec.get('fatalities'))}" \
           f" injured {_fig(rec.get('injuries'))}"


def records_table(doc: dict[str, Any], console: Console | None = None) -> None:
    """All records of one document, one line each."""
    console = console or _console()
    table = Table(title=f"{doc.get('title') or doc['doc_id']} ({doc.get('published') or 'date unknown'})",
                  show_lines=False)
    for col in ("kind", "what", "where", "when", "killed", "injured", "status"):
        table.add_column(col)
    for rec in doc["records"]:
        loc = rec.get("location") or {}
        table.add_row(rec["kind"], _summary(rec), " ".join(filter(None, [loc.get("name"), loc.get("country")])),
                      (rec.get("date") or {}).get("value") or "", _fig(rec.get("fatalities")),
                      _fig(rec.get("injuries")), rec.get("status") or "")
    console.print(table)


def events_table(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    console = console or _console()
    table = Table(title=f"{len(rows)} events")
    for col in ("date", "country", "place", "type", "actor1", "actor2", "killed", "injured", "status"):
        table.add_column(col)
    for rec in rows:
        r = event_row(rec)
        table.add_row(r[0], r[1], r[2], r[4] or r[3], r[5], r[6], r[7], r[8], r[9])
    console.print(table)


def _highlighted(doc: dict[str, Any]) -> Text:
    text = Text(doc["text"])
    for rec in doc["records"]:
        ev = rec.get("evidence") or {}
        if isinstance(ev.get("start"), int):
            text.stylize("underline", ev["start"], ev["end"])
        trig = rec.get("trigger") or {}
        if isinstance(trig.get("start"), int):
            text.stylize(_STYLE.get(rec["kind"], "bold"), trig["start"], trig["end"])
    return text


def show_document(doc: dict[str, Any], console: Console | None = None) -> None:
    """The article with evidence underlined and triggers coloured, then its records."""
    console = console or _console()
    console.rule(f"{doc['doc_id']}  {doc.get('source') or ''}  published {doc.get('published') or '?'}")
    console.print(_highlighted(doc))
    console.rule("records")
    for i, rec in enumerate(doc["records"], 1):
        console.print(Text(f"[{i}] {rec['kind']}: {_summary(rec)}", style=_STYLE.get(rec["kind"], "")))
        console.print(Text(f"    «{(rec.get('evidence') or {}).get('text', '')}»"))


def _field_value(value: Any) -> str:
    if isinstance(value, dict):
        if "best" in value:
            return f"{value.get('best')} (low {value.get('low')}, high {value.get('high')}) «{value.get('text')}»"
        if "value" in value and "precision" in value:
            return f"{value.get('value')} [{value.get('precision')}, {value.get('basis')}] «{value.get('text')}»"
        name = value.get("name") or value.get("text")
        extra = [f"{k}={value[k]}" for k in ("country", "precision", "type", "role") if value.get(k) is not None]
        return f"{name} ({', '.join(extra)})" if extra else str(name)
    if isinstance(value, list):
        return "; ".join(_field_value(v) for v in value)
    return str(value)


_SKIP = {"kind", "id", "doc_id", "evidence", "trigger", "mentions", "provenance"}


def explain_document(doc: dict[str, Any], console: Console | None = None) -> None:
    """Every record with each filled field and the rule that filled it; then the triggers that made no record."""
    console = console or _console()
    show_document(doc, console)
    console.rule("how each field was filled")
    for i, rec in enumerate(doc["records"], 1):
        prov = rec.get("provenance") or {}
        trig = rec.get("trigger") or {}
        console.print(Text(f"[{i}] {rec['kind']} {rec['id']} — trigger «{trig.get('text')}» at {trig.get('start')}"
                           f" ({prov.get('kind', '')})", style=_STYLE.get(rec["kind"], "")))
        for key, value in rec.items():
            if key in _SKIP or value in (None, [], False):
                continue
            rule = prov.get(key, "")
            console.print(Text(f"    {key:<15} {_field_value(value)}" + (f"   ← {rule}" if rule else "")))
        for m in rec.get("mentions") or []:
            console.print(Text(f"    also told in   «{m.get('text', '')[:100]}»"))
    rejected = doc.get("rejected") or []
    if rejected:
        console.rule("candidates that made no record")
        for r in rejected:
            console.print(Text(f"    «{r['text']}» at {r['start']}: {r['reason']}"))
