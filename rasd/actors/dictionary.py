"""The actor dictionary (rasd/data/actors.yaml) and the word lists around it, loaded once and validated.

Everything here is keyed by normalised forms (`norm_form`): the same folding as `rasd.normalize`, plus
quotes and dashes read as spaces and runs of spaces collapsed, so that a lexicon entry and the matching
view of an article (`rasd.actors.link`) always meet in the same form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..compiled import Compiled
from ..errors import PipelineError
from ..lexicon import data_path, load_tsv
from ..normalize import normalize_text

__all__ = [
    "Actor", "Person", "Country", "Dictionary", "ActorDataError", "dictionary", "norm_form",
    "RELATION_TYPES", "FORCES", "GENERIC_BUILDS", "SOFT_CHARS",
]

RELATION_TYPES = frozenset({"allegiance", "alliance", "split", "merger", "rename"})
FORCES = frozenset({"military", "police", "gendarmerie", "air_force", "navy", "intelligence", "government"})
GENERIC_BUILDS = FORCES | {"unidentified_armed_group", "civilians", "protesters", "rioters", "group_cue", "name_cue"}
ROLE_KINDS = frozenset({"office", "title", "source"})

# Characters read as a space when matching: quotes and dashes may sit inside or around a name
# (قوات “البنيان المرصوص”، الحركة الشعبية - شمال) without changing what it names; hashtags join a name's words
# with underscores (#مجلس_الأمن).
SOFT_CHARS = "\"'“”„«»‘’‚‹›`´-–—‐‑‒―\t_"
_SOFT_TABLE = str.maketrans({c: " " for c in SOFT_CHARS})
_SPACES = re.compile(r"\s+")
_ALIAS_OK = re.compile(r"^[^\W_]+(?: [^\W_]+)*$")
_ID_OK = re.compile(r"^[a-z][a-z0-9_]*$")
_ISO_OK = re.compile(r"^[A-Z]{2}$")
_DATE_OK = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")
_UN_REF_OK = re.compile(r"^[A-Z]{2}[ei]\.\d{3}$")
_WIKIDATA_OK = re.compile(r"^Q\d+$")


class ActorDataError(PipelineError):
    """actors.yaml (or one of the lists beside it) breaks its own rules; the message names the entry."""


def norm_form(text: str) -> str:
    """The matching form of a lexicon string: folded like the text view, quotes/dashes as spaces, one space."""
    return _SPACES.sub(" ", normalize_text(text).translate(_SOFT_TABLE)).strip()


@dataclass(frozen=True, slots=True)
class Actor:
    """One dictionary entry (see the header of actors.yaml for the fields)."""

    id: str
    name: str
    type: int
    countries: tuple[str, ...]
    ar: tuple[str, ...]
    en: tuple[str, ...]
    parent: str | None
    relations: tuple[dict[str, Any], ...]
    short_refs: tuple[str, ...]
    force: str | None = None
    un_ref: str | None = None
    wikidata: str | None = None

    @property
    def country(self) -> str | None:
        """Home country: the first listed, or None for international bodies."""
        return self.countries[0] if self.countries else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "name": self.name, "type": self.type, "countries": list(self.countries),
            "ar": list(self.ar), "en": list(self.en), "parent": self.parent,
            "relations": [dict(r) for r in self.relations], "short_refs": list(self.short_refs),
        }
        for key in ("force", "un_ref", "wikidata"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True, slots=True)
class Person:
    """A well-known person from persons.yaml."""

    id: str
    name: str
    ar: tuple[str, ...]
    short: tuple[str, ...]
    countries: tuple[str, ...]
    affiliation: str | None


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    en: str
    of: str  # the form after "Military Forces of"
    ar: tuple[str, ...]


@dataclass(slots=True)
class Dictionary:
    """All actor knowledge, indexed for linking. Built once by `dictionary()`."""

    actors: dict[str, Actor]
    countries: dict[str, Country]
    persons: dict[str, Person]
    shared: frozenset[str]  # normalised aliases deliberately listed under several actors
    weak: frozenset[str]  # normalised aliases that need country context
    not_followed_by: dict[str, frozenset[str]]
    nationality: dict[str, str]  # normalised nationality form -> ISO2
    country_names: dict[str, str]  # normalised Arabic country name -> ISO2
    generic: dict[str, tuple[tuple[str, bool, int], ...]]  # normalised word -> ((builds, alone, type), ...)
    roles: dict[str, tuple[str, str]]  # normalised role word -> (kind, affiliation)
    alias_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)  # normalised Arabic alias -> ids
    alias_display: dict[str, str] = field(default_factory=dict)  # normalised alias -> the alias as listed
    en_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)  # casefolded English alias -> ids
    by_force: dict[tuple[str, str], str] = field(default_factory=dict)  # (force, ISO2) -> id
    short_ids: dict[str, frozenset[str]] = field(default_factory=dict)  # id -> normalised short refs
    person_forms: dict[str, str] = field(default_factory=dict)  # normalised full name -> person id
    person_short: dict[str, str] = field(default_factory=dict)  # normalised surname form -> person id
    relations_in: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def country_of(self, iso: str) -> Country:
        return self.countries.get(iso) or Country(iso, iso, iso, ())


def _fail(where: str, message: str) -> ActorDataError:
    return ActorDataError(f"{where}: {message}", source="rasd/data/actors.yaml")


def _load_yaml(name: str) -> Any:
    import yaml  # only when building from the sources: the precompiled index needs no YAML

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
    return yaml.load(data_path(name).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - safe loader


def _str_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, f"`{key}` must be a list of non-empty strings")
    return tuple(value)


def _parse_actor(raw: Any, index: int) -> Actor:
    if not isinstance(raw, dict):
        raise _fail(f"actors[{index}]", "an entry must be a mapping")
    aid = raw.get("id")
    where = f"actor {aid!r}"
    if not isinstance(aid, str) or not _ID_OK.match(aid):
        raise _fail(f"actors[{index}]", f"bad id {aid!r} (snake_case expected)")
    unknown = set(raw) - {"id", "name", "type", "countries", "force", "ar", "en", "parent", "relations",
                          "un_ref", "wikidata", "short_refs"}
    if unknown:
        raise _fail(where, f"unknown fields {sorted(unknown)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(where, "missing name")
    atype = raw.get("type")
    if not isinstance(atype, int) or isinstance(atype, bool) or not 1 <= atype <= 8:
        raise _fail(where, f"type must be an ACLED actor type 1-8, not {atype!r}")
    countries = _str_list(raw.get("countries"), where, "countries")
    for iso in countries:
        if not _ISO_OK.match(iso):
            raise _fail(where, f"bad country code {iso!r}")
    force = raw.get("force")
    if force is not None and force not in FORCES:
        raise _fail(where, f"unknown force {force!r}")
    ar = _str_list(raw.get("ar"), where, "ar")
    if not ar:
        raise _fail(where, "no Arabic names")
    relations = []
    for rel in raw.get("relations") or []:
        if not isinstance(rel, dict) or rel.get("type") not in RELATION_TYPES or not isinstance(rel.get("object"), str):
            raise _fail(where, f"bad relation {rel!r}")
        if set(rel) - {"type", "object", "date", "new_name_ar"}:
            raise _fail(where, f"unknown relation fields in {rel!r}")
        date = rel.get("date")
        if date is not None and not (isinstance(date, str) and _DATE_OK.match(date)):
            raise _fail(where, f"relation date must be \"YYYY\" or \"YYYY-MM\", not {date!r}")
        relations.append({"type": rel["type"], "object": rel["object"], "date": date,
                          "new_name_ar": rel.get("new_name_ar")})
    un_ref = raw.get("un_ref")
    if un_ref is not None and not (isinstance(un_ref, str) and _UN_REF_OK.match(un_ref)):
        raise _fail(where, f"bad un_ref {un_ref!r}")
    wikidata = raw.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and _WIKIDATA_OK.match(wikidata)):
        raise _fail(where, f"bad wikidata id {wikidata!r}")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise _fail(where, "parent must be an id or null")
    return Actor(aid, name.strip(), atype, countries, ar, _str_list(raw.get("en"), where, "en"), parent,
                 tuple(relations), _str_list(raw.get("short_refs"), where, "short_refs"), force, un_ref, wikidata)


# Spellings that alternate freely in news (after normalisation): each alias also matches its variants.
_VARIANTS = (("افريقيا", "افريقيه"), ("سوريا", "سوريه"), ("الامريكي", "الاميركي"), ("الامريكيه", "الاميركيه"),
             ("الديمقراطي", "الديموقراطي"), ("الديمقراطيه", "الديموقراطيه"), ("ميليشيا", "مليشيا"),
             ("ميليشيات", "مليشيات"), ("الاوروبي", "الاوربي"))


def _variants(form: str) -> list[str]:
    """The form and its spelling variants, with or without the article (ميليشيات، الميليشيات ↔ مليشيات، المليشيات)."""
    out = [form]
    words = {w.removeprefix("ال") for w in form.split(" ")}
    for a, b in _VARIANTS:
        for src, dst in ((a, b), (b, a)):
            if src in words:
                swap = {src: dst, "ال" + src: "ال" + dst}
                out += [" ".join(swap.get(w, w) for w in f.split(" ")) for f in list(out)]
    return list(dict.fromkeys(out))


def _alias_form(alias: str, where: str) -> str:
    form = norm_form(alias)
    if not _ALIAS_OK.match(form):
        raise _fail(where, f"alias {alias!r} does not normalise to plain words ({form!r})")
    return form


def _read_countries(raw: Any) -> dict[str, Country]:
    out: dict[str, Country] = {}
    gazetteer = data_path("gazetteer/countries.tsv")
    if gazetteer.is_file():  # the places stage's country table, when present: fallback names
        header = None
        for line in gazetteer.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            iso, en = row.get("iso2", ""), row.get("name_en", "")
            if not _ISO_OK.match(iso) or not en:
                continue
            names = [row.get("name_ar", "")] + row.get("ar_aliases", "").split("|")
            out[iso] = Country(iso, en, en, tuple(n.strip() for n in names if n.strip()))
    for iso, info in (raw or {}).items():
        if not _ISO_OK.match(str(iso)) or not isinstance(info, dict) or not info.get("en"):
            raise _fail(f"countries.{iso}", "needs an ISO2 key and an `en` name")
        ar = _str_list(info.get("ar"), f"countries.{iso}", "ar")
        prior = out.get(iso)
        merged = tuple(dict.fromkeys(ar + (prior.ar if prior else ())))
        out[iso] = Country(iso, info["en"], info.get("of") or info["en"], merged)
    return out


def _read_persons(actors: dict[str, Actor]) -> dict[str, Person]:
    raw = _load_yaml("persons.yaml") or {}
    out: dict[str, Person] = {}
    for index, entry in enumerate(raw.get("persons") or []):
        pid = entry.get("id") if isinstance(entry, dict) else None
        where = f"persons.yaml person {pid!r}"
        if not isinstance(pid, str) or not _ID_OK.match(pid) or pid in out:
            raise ActorDataError(f"persons[{index}]: missing, malformed or repeated id {pid!r}")
        affiliation = entry.get("affiliation")
        if affiliation is not None and affiliation not in actors:
            raise ActorDataError(f"{where}: affiliation {affiliation!r} is not an actor id")
        ar = _str_list(entry.get("ar"), where, "ar")
        if not ar or not entry.get("name"):
            raise ActorDataError(f"{where}: needs a name and Arabic forms")
        out[pid] = Person(pid, entry["name"], ar, _str_list(entry.get("short"), where, "short"),
                          _str_list(entry.get("countries"), where, "countries"), affiliation)
    return out


def _build() -> Dictionary:
    raw = _load_yaml("actors.yaml")
    if not isinstance(raw, dict) or not isinstance(raw.get("actors"), list):
        raise ActorDataError("actors.yaml must be a mapping with an `actors` list")
    actors: dict[str, Actor] = {}
    for index, entry in enumerate(raw["actors"]):
        actor = _parse_actor(entry, index)
        if actor.id in actors:
            raise _fail(f"actor {actor.id!r}", "id used twice")
        actors[actor.id] = actor

    shared = frozenset(_alias_form(a, "shared") for a in raw.get("shared") or [])
    weak = frozenset(_alias_form(a, "weak") for a in raw.get("weak") or [])
    blockers = {_alias_form(k, "not_followed_by"): frozenset(norm_form(w) for w in v)
                for k, v in (raw.get("not_followed_by") or {}).items()}

    alias_ids: dict[str, list[str]] = {}
    alias_display: dict[str, str] = {}
    en_ids: dict[str, list[str]] = {}
    by_force: dict[tuple[str, str], str] = {}
    short_ids: dict[str, frozenset[str]] = {}
    relations_in: dict[str, list[dict[str, Any]]] = {}
    for actor in actors.values():
        where = f"actor {actor.id!r}"
        if actor.parent is not None and actor.parent not in actors:
            raise _fail(where, f"parent {actor.parent!r} is not an actor id")
        for rel in actor.relations:
            if rel["object"] not in actors:
                raise _fail(where, f"relation object {rel['object']!r} is not an actor id")
            relations_in.setdefault(rel["object"], []).append({"subject": actor.id, **rel})
        for alias in actor.ar:
            for form in _variants(_alias_form(alias, where)):
                alias_display.setdefault(form, " ".join(alias.split()))
                ids = alias_ids.setdefault(form, [])
                if actor.id not in ids:
                    ids.append(actor.id)
        for alias in (actor.name, *actor.en):
            ids = en_ids.setdefault(norm_form(alias).casefold(), [])
            if actor.id not in ids:
                ids.append(actor.id)
        if actor.force and len(actor.countries) == 1:
            by_force.setdefault((actor.force, actor.countries[0]), actor.id)
        short_ids[actor.id] = frozenset(_alias_form(s, where) for s in actor.short_refs)
    shared = frozenset(v for form in shared for v in _variants(form))
    weak = frozenset(v for form in weak for v in _variants(form))
    for alias, ids in alias_ids.items():
        if len(ids) > 1 and alias not in shared:
            raise _fail(f"alias {alias!r}", f"listed under {ids} but not declared in `shared`")

    nationality: dict[str, str] = {}
    if data_path("nationalities.tsv").is_file():
        for row in load_tsv("nationalities.tsv"):
            if len(row) >= 2 and _ISO_OK.match(row[0]) and row[1]:
                nationality.setdefault(norm_form(row[1]), row[0])
    countries = _read_countries(raw.get("countries"))
    country_names: dict[str, str] = {}
    for country in countries.values():
        for name in country.ar:
            form = norm_form(name)
            if form:
                country_names.setdefault(form, country.iso)

    generic: dict[str, tuple[tuple[str, bool, int], ...]] = {}
    for row in load_tsv("generic_actors.tsv"):
        if len(row) < 4 or row[1] not in GENERIC_BUILDS or row[2] not in ("yes", "no") or not row[3].isdigit():
            raise ActorDataError(f"generic_actors.tsv: bad row {row!r}")
        form = norm_form(row[0])
        generic[form] = generic.get(form, ()) + ((row[1], row[2] == "yes", int(row[3])),)
    roles: dict[str, tuple[str, str]] = {}
    for row in load_tsv("roles.tsv"):
        if len(row) < 3 or row[1] not in ROLE_KINDS:
            raise ActorDataError(f"roles.tsv: bad row {row!r}")
        roles[norm_form(row[0])] = (row[1], row[2])

    persons = _read_persons(actors)
    person_forms: dict[str, str] = {}
    person_short: dict[str, str] = {}
    for person in persons.values():
        for form in person.ar:
            person_forms.setdefault(norm_form(form), person.id)
        for form in person.short:
            person_short.setdefault(norm_form(form), person.id)

    return Dictionary(
        actors=actors, countries=countries, persons=persons, shared=shared, weak=weak,
        not_followed_by=blockers, nationality=nationality, country_names=country_names, generic=generic,
        roles=roles, alias_ids={k: tuple(v) for k, v in alias_ids.items()}, alias_display=alias_display,
        en_ids={k: tuple(v) for k, v in en_ids.items()}, by_force=by_force, short_ids=short_ids,
        person_forms=person_forms, person_short=person_short, relations_in=relations_in,
    )


# The precompiled index (rasd.compiled): the built Dictionary behind a digest of its data files and readers.
# Parsing the YAML and validating it costs ~0.13 s; reading the index ~0.015 s.
INDEX = Compiled(
    "actors/index.bin",
    sources=("actors.yaml", "persons.yaml", "roles.tsv", "generic_actors.tsv", "nationalities.tsv",
             "gazetteer/countries.tsv"),
    code=("actors/dictionary.py", "normalize.py", "lexicon.py", "compiled.py"),
    build=lambda: _build(),
    kind=Dictionary,
)


@cache
def dictionary() -> Dictionary:
    """The validated dictionary, loaded on first use (from the index when current) and cached for the process."""
    return INDEX.load()
