"""Actors and people named in an Arabic article, linked to canonical actors.

`find_actors` turns every mention of an armed group, a state force or an international body into an ACLED-style
actor reference; `find_persons` finds people with their roles and affiliations; `lookup` and `relations_of`
read the dictionary (rasd/data/actors.yaml); `explain` lists both kinds of mention with the rule that linked them.
"""
from __future__ import annotations

from typing import Any

from .dictionary import ActorDataError, dictionary, norm_form
from .link import ActorMention, find_actors, state_force
from .persons import PersonMention, find_persons

__all__ = ["ActorMention", "PersonMention", "ActorDataError", "find_actors", "find_persons", "lookup",
           "relations_of", "explain", "state_force"]


def lookup(name: str) -> dict[str, Any] | None:
    """The dictionary entry for an id, an Arabic alias (any spelling variant) or an English name/alias."""
    d = dictionary()
    if name in d.actors:
        return d.actors[name].as_dict()
    form = norm_form(name)
    ids = d.alias_ids.get(form) or d.en_ids.get(form.casefold())
    if not ids:
        return None
    return d.actors[ids[0]].as_dict()


def relations_of(actor_id: str) -> list[dict[str, Any]]:
    """Relations with `actor_id` as subject or object: [{subject, type, object, date, new_name_ar}], by date."""
    d = dictionary()
    actor = d.actors.get(actor_id)
    if actor is None:
        return []
    out = [{"subject": actor_id, **rel} for rel in actor.relations]
    out += [dict(rel) for rel in d.relations_in.get(actor_id, []) if rel["subject"] != actor_id]
    return sorted(out, key=lambda r: (r["date"] or "", r["subject"], r["type"]))


def explain(text: str) -> list[dict[str, Any]]:
    """Actor and person mentions of `text`, in reading order, with the rule behind each (for `rasd actors find`)."""
    rows: list[dict[str, Any]] = []
    for m in find_actors(text):
        rows.append({"kind": "actor", "start": m.start, "end": m.end, "text": m.text, "name": m.ref["name"],
                     "id": m.actor_id, "type": m.ref["type"], "country": m.ref["country"], "how": m.how})
    for p in find_persons(text):
        aff = p.ref["affiliation"]
        rows.append({"kind": "person", "start": p.start, "end": p.end, "text": p.text, "name": p.ref["name"],
                     "id": p.ref["id"], "role": p.ref["role"], "affiliation": aff["name"] if aff else None,
                     "country": p.ref["country"], "how": p.how})
    rows.sort(key=lambda r: (r["start"], r["kind"]))
    return rows
