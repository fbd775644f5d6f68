"""Finding actor mentions in an article and linking them to the dictionary.

One Aho–Corasick pass over a matching *view* of the normalised text finds every lexicon form at once:
aliases, nationality adjectives, country names, generic words (force words, civilians, cue words), short
references, role words and well-known people. The view is `NormText.text` with quotes and dashes read as
spaces and runs of spaces collapsed (so «قوات “البنيان المرصوص”» meets the alias «قوات البنيان المرصوص»);
`_View` maps its offsets back. A form counts only at a word start or after a proclitic sequence
(`rasd.segment.proclitic_before`), and only up to a word end. Forms starting with ال also match after لل.

Rules, in the order they compete (the longest span wins; at equal length the earlier rule):
  alias            a dictionary alias, extended over a cue word before it (تنظيم “داعش”، قوات البنيان المرصوص)
  force+nationality a force or people word followed by a nationality adjective or a country name
                   (الجيش البوركيني، قوات الجيش المالي، جيش بوركينا فاسو، مدنيين ماليين), and elliptical
                   coordination after it (سلاح الجو الليبي والأميركي → also the US)
  unknown_group    a group cue followed by a name not in the dictionary (جماعة “أنصار الفجر”)
  generic          a word that builds an actor alone from the country context (مسلحون مجهولون، السكان، الجيش)
  short_ref        a generic back-reference (التنظيم، الجماعة، الحركة) → the latest actor that accepts it
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick

from ..normalize import NormText, normalize
from ..segment import proclitic_before, sentence_spans
from .dictionary import SOFT_CHARS, Actor, Dictionary, dictionary, norm_form

__all__ = ["ActorMention", "find_actors", "scan", "Scan", "Hit"]

_SOFT_RE = re.compile("[" + re.escape(SOFT_CHARS) + "]")
_MULTISPACE = re.compile(r" {2,}")
_LIL = frozenset({"لل", "ولل", "فلل"})
_STATE = frozenset({"military", "police", "gendarmerie", "air_force", "navy", "intelligence", "government"})
_PEOPLE = {"unidentified_armed_group": ("Unidentified Armed Group", 3), "civilians": ("Civilians", 7),
           "protesters": ("Protesters", 6), "rioters": ("Rioters", 5)}
_ORGAN_NAME = {"military": "Military Forces of {}", "air_force": "Military Forces of {}",
               "navy": "Military Forces of {}", "police": "Police Forces of {}",
               "gendarmerie": "Police Forces of {}", "intelligence": "Intelligence Services of {}",
               "government": "Government of {}"}
_ORGAN_FALLBACK = {"air_force": "military", "navy": "military", "gendarmerie": "police"}
# Generic back-references accepted by actors built without a dictionary entry.
_ORGAN_SHORT = {
    "military": ("الجيش", "القوات المسلحة", "الجنود"),
    "air_force": ("سلاح الجو", "الطيران", "القوات الجوية", "الطيران الحربي"),
    "navy": ("البحرية", "القوات البحرية"),
    "police": ("الشرطة", "قوات الشرطة", "قوات الأمن", "القوات الأمنية", "الأجهزة الأمنية", "الأمن"),
    "gendarmerie": ("الدرك", "قوات الدرك"),
    "intelligence": ("المخابرات", "الاستخبارات"),
    "government": ("الحكومة", "السلطات"),
    "unidentified_armed_group": ("المسلحون", "المسلحين"),
}
# Words after a short reference that leave it a reference (التنظيم الإرهابي); any other definite word after
# it makes it the start of a name we do not know (الحركة الشعبية …), which is not resolved.
_SHORT_OK_NEXT = frozenset(norm_form(w) for w in (
    "الإرهابي", "الإرهابية", "الارهابي", "المتطرف", "المتطرفة", "المتشدد", "المتشددة", "المسلح", "المسلحة",
    "الجهادي", "الجهادية", "المتمرد", "المتمردة", "نفسه", "نفسها", "ذاته", "ذاتها", "المذكور", "المذكورة",
    "التكفيري", "التكفيرية", "الدموي", "الإرهابيين", "الإرهابيون", "المتطرفين", "المسلحين",
    "إلى", "الذي", "التي", "الذين", "اللذين", "إلا", "الآن", "الأم", "اليوم", "الأحد", "الاثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت"))
# A definite word ending like a masculine plural cannot qualify a singular cue noun: after التنظيم it starts the
# rest of the sentence (فلول التنظيم المتبقيين), not a name.
_PLURAL_ENDINGS = ("ين", "ون")
_SHORT_WINDOW = 600  # a bare force word (الجيش) refers back only this far (view characters)
# Definite collective nouns («الجماعات المسلحة», «التنظيمات الإرهابية») name many groups, not one named before.
_COLLECTIVE = tuple(norm_form(w) for w in ("الجماعات", "التنظيمات", "المجموعات", "العصابات", "العناصر"))
# Words that cannot start an unknown group's name (the cue is then a common noun: تنظيم الانتخابات).
_GROUP_HEADS = frozenset(norm_form(w) for w in (
    "أنصار", "انصار", "جند", "جنود", "جيش", "أبناء", "أهل", "حماة", "شباب", "فرسان", "أسود", "أحرار", "ثوار",
    "مجاهدي", "المجاهدين", "التوحيد", "الجهاد", "الدولة", "المرابطين", "الشباب", "الدعوة", "نصرة", "لواء",
    "كتائب", "سرايا", "الفتح", "النصر", "الحق", "المقاومة", "تحرير", "الإنقاذ", "الحسم", "عصبة", "حراس",
    "بيت", "الأنصار", "المهاجرين", "الفرقان", "الهجرة", "رجال", "أحفاد", "فيلق", "درع", "صقور", "أمناء",
    "شهداء", "الشهداء", "الشهيد", "أشبال", "أجناد", "حزب", "الخلافة", "السنة", "الإسلام", "الإسلامية",
    "القسام", "الأقصى", "المجاهدون", "مجاهدو", "ثورة", "الثورة", "حماية", "الدفاع"))
_NAME_STOP = frozenset(norm_form(w) for w in (
    "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "إن", "ان", "قد", "لا", "ما", "لم", "لن", "هو", "هي",
    "هم", "هذا", "هذه", "ذلك", "تلك", "الذي", "التي", "الذين", "كان", "كانت", "بعد", "قبل", "خلال", "منذ",
    "حيث", "حتى", "عند", "لدى", "أو", "او", "ثم", "كما", "لكن", "بين", "ضد", "عبر", "نحو", "حول", "دون", "غير",
    "كل", "بعض", "وقد", "فقد", "لقد", "التي", "اليوم", "أمس", "الإرهابي", "الإرهابية", "المتطرف", "المتطرفة",
    "المسلح", "المسلحة", "مسلحة", "إرهابية", "متطرفة", "جهادية", "المتشدد", "المتشددة", "الجهادي", "الجهادية",
    "مسلحين", "مسلحون", "وهو", "وهي", "أيضا", "جديدة", "جديد", "أخرى", "مسلح", "إرهابي", "متطرف", "عدة"))
_STRONG_CUES = frozenset(norm_form(w) for w in (
    "كتيبة", "كتائب", "سرايا", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "فصيل", "مجلس شورى", "لواء", "ألوية"))
# Country names that are also common words (مالي "financial"): they name the country only after a proclitic
# (بمالي، لمالي) or one of these words.
_AMBIGUOUS_COUNTRIES = {norm_form("مالي"): _NAME_STOP | frozenset(norm_form(w) for w in (
    "دولة", "جمهورية", "حكومة", "جيش", "شمال", "جنوب", "شرق", "غرب", "وسط", "عاصمة", "رئيس", "بين", "إلى", "في",
    "من", "مثل", "داخل", "خارج", "أراضي", "حدود", "سلطات", "شعب", "جارتها", "و", "دولتي", "دول"))}
# Nationality forms that are also common words (المالية "finance"): they count with a force word before them
# (القوات المالية) but not for the article's country or a person's role (وزير المالية).
_AMBIGUOUS_NAT = frozenset(norm_form(w) for w in ("مالي", "مالية", "المالي", "المالية", "ماليون", "الماليون"))
_VERBISH = re.compile(r"^[يت][^\W\d_]{3,}$")  # imperfect verbs (يسيطر، تشن) end a name without a lexicon


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text. `start`/`end` are offsets into the original text."""

    start: int
    end: int
    text: str
    actor_id: str | None
    ref: dict[str, Any]
    how: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon form found in the view: [start, end) excludes any proclitics before it."""

    start: int
    end: int
    kind: str  # A alias, N nationality, C country, G generic, S short ref, R role, P person, Q person surname
    key: str  # the normalised form matched (without the ال for لل-matches)
    data: Any
    prefix: str  # the proclitics before it in its word ("" when none)
    lil: bool = False  # matched after لل with its ال dropped (للأمم المتحدة); spans then start at لل

    @property
    def span_start(self) -> int:
        return self.start - 2 if self.lil else self.start


class _View:
    """The matching view: NormText.text with soft characters as spaces and space runs collapsed."""

    __slots__ = ("norm", "text", "_vpos", "_tpos", "_tend", "_cum")

    def __init__(self, norm: NormText):
        self.norm = norm
        soft = _SOFT_RE.sub(" ", norm.text)
        self._vpos: list[int] = []  # view position of the space each collapsed run became
        self._tpos: list[int] = []  # start of each run in the normalised text
        self._tend: list[int] = []  # end of each run
        self._cum: list[int] = []  # characters removed up to and including each run
        if "  " not in soft:
            self.text = soft
            return
        parts = []
        last = removed = 0
        for m in _MULTISPACE.finditer(soft):
            parts.append(soft[last:m.start() + 1])
            self._vpos.append(m.start() - removed)
            removed += m.end() - m.start() - 1
            self._tpos.append(m.start())
            self._tend.append(m.end())
            self._cum.append(removed)
            last = m.end()
        parts.append(soft[last:])
        self.text = "".join(parts)

    def to_norm(self, pos: int) -> int:
        """View offset → offset in NormText.text."""
        if not self._vpos:
            return pos
        k = bisect_left(self._vpos, pos)  # runs whose kept space lies before pos
        return pos + (self._cum[k - 1] if k else 0)

    def from_norm(self, pos: int) -> int:
        """Offset in NormText.text → view offset (a position inside a collapsed run maps after its space)."""
        if not self._tpos:
            return pos
        k = bisect_left(self._tpos, pos)  # runs starting before pos
        if not k:
            return pos
        j = k - 1
        if pos >= self._tend[j]:
            return pos - self._cum[j]
        return self._vpos[j] + 1

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(self.to_norm(start), self.to_norm(end))

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        s, e = self.norm.from_original(start, end)
        return self.from_norm(s), self.from_norm(e)


@cache
def _automaton() -> ahocorasick.Automaton:
    """Every lexicon form, keyed by its normalised form; values are tuples of (kind, data, needs_lil)."""
    d = dictionary()
    table: dict[str, list[tuple[str, Any, bool]]] = {}

    def add(form: str, kind: str, data: Any, lil_too: bool = True) -> None:
        if not form:
            return
        table.setdefault(form, []).append((kind, data, False))
        if lil_too and form.startswith("ال") and len(form) > 3:
            table.setdefault(form[2:], []).append((kind, data, True))

    for alias in d.alias_ids:
        add(alias, "A", alias)
    for form, iso in d.nationality.items():
        add(form, "N", iso, lil_too=False)
    for form, iso in d.country_names.items():
        add(form, "C", iso)
    for form, infos in d.generic.items():
        for info in infos:
            add(form, "G", info)
    shorts = {s for refs in d.short_ids.values() for s in refs}
    shorts.update(norm_form(s) for forms in _ORGAN_SHORT.values() for s in forms)
    for form in shorts:
        add(form, "S", form)
    for form, info in d.roles.items():
        add(form, "R", info)
    for form, pid in d.person_forms.items():
        add(form, "P", pid, lil_too=False)
    for form, pid in d.person_short.items():
        add(form, "Q", pid, lil_too=False)
    auto = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for form, values in table.items():
        auto.add_word(form, (len(form), tuple(values)))
    auto.make_automaton()
    return auto


@dataclass(slots=True)
class Scan:
    """Everything found in one text by one automaton pass, shared by the actor and person finders."""

    original: str
    view: _View
    hits: list[Hit]
    by_kind: dict[str, list[Hit]]
    _sentences: list[tuple[int, int]] | None = None
    _links: dict[str | None, list[_Linked]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.view.text

    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            self._sentences = sentence_spans(self.view.text)
        return self._sentences


def _accept(text: str, start: int, end: int, needs_lil: bool) -> str | None:
    """The proclitic prefix when a form found at [start, end) stands as a word (or after proclitics)."""
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return None
    if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None if needs_lil else ""
    prefix = proclitic_before(text, start)
    if prefix is None:
        return None
    if needs_lil:
        return prefix if prefix in _LIL else None
    if prefix.endswith("ال") or prefix in _LIL:  # the word has the article but the form does not
        return None
    return prefix


_cache: dict[str, Scan] = {}


def scan(text: str, norm: NormText | None = None) -> Scan:
    """Run the automaton over `text` once; the last result is kept for the other finder."""
    cached = _cache.get("last")
    if cached is not None and cached.original is text:
        return cached
    norm = norm if norm is not None and norm.original == text else normalize(text)
    view = _View(norm)
    vtext = view.text
    hits: list[Hit] = []
    by_kind: dict[str, list[Hit]] = {}
    for end_index, (length, values) in _automaton().iter(vtext):
        end = end_index + 1
        start = end - length
        key = vtext[start:end]
        for kind, data, needs_lil in values:
            prefix = _accept(vtext, start, end, needs_lil)
            if prefix is None or ("ك" in prefix and kind != "A"):  # كبيرو is not ك + بيرو
                continue
            if kind == "C" and not prefix and key in _AMBIGUOUS_COUNTRIES:
                before = vtext[max(0, start - 30):start].rstrip().rsplit(" ", 1)[-1] if start else ""
                if before not in _AMBIGUOUS_COUNTRIES[key] and before[1:] not in _AMBIGUOUS_COUNTRIES[key]:
                    continue
            hit = Hit(start, end, kind, key if not needs_lil else "ال" + key, data, prefix, needs_lil)
            hits.append(hit)
            by_kind.setdefault(kind, []).append(hit)
    result = Scan(text, view, hits, by_kind)
    _cache["last"] = result
    return result


@dataclass(slots=True)
class _Linked:
    """A resolved mention in view coordinates."""

    start: int
    end: int
    actor_id: str | None
    name: str
    type: int
    country: str | None
    how: str
    shorts: frozenset[str]
    kind: str  # alias | force | generic | short | unknown


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    prio: int
    kind: str
    data: Any
    how: str = ""


class _Context:
    """Country context of an article: counts, per-sentence mentions, the caller's hint."""

    def __init__(self, sc: Scan, hint: str | None):
        self.sc = sc
        self.hint = hint
        self.names = sorted((h.start, h.data) for h in sc.by_kind.get("C", ()))
        self.adjectives = sorted((h.start, h.data) for h in sc.by_kind.get("N", ()) if h.key not in _AMBIGUOUS_NAT)
        counts = Counter(iso for _, iso in self.names)
        counts.update(iso for _, iso in self.adjectives)
        self.counts = counts
        self.present = set(counts) | ({hint} if hint else set())

    def majority(self) -> str | None:
        if not self.counts:
            return None
        return max(self.counts.items(), key=lambda kv: (kv[1], -self._first(kv[0])))[0]

    def _first(self, iso: str) -> int:
        for pos, code in self.names + self.adjectives:
            if code == iso:
                return pos
        return 1 << 30

    def at(self, pos: int) -> str | None:
        """The country a generic actor at `pos` belongs to: its sentence, then the hint, then the article."""
        for s, e in self.sc.sentences():
            if s <= pos < e:
                for table in (self.names, self.adjectives):
                    inside = [(abs(p - pos), iso) for p, iso in table if s <= p < e]
                    if inside:
                        return min(inside)[1]
                break
        return self.hint or self.majority()

    def score(self, actor: Actor) -> int:
        return sum(self.counts.get(c, 0) + (5 if c == self.hint else 0) for c in actor.countries)


def _next_word(text: str, pos: int) -> tuple[int, int] | None:
    """The word starting after one space at `pos`, or None (end of text, punctuation)."""
    if pos >= len(text) or text[pos] != " ":
        return None
    i = j = pos + 1
    while j < len(text) and (text[j].isalnum() or text[j] == "_"):
        j += 1
    return (i, j) if j > i else None


def _generated(d: Dictionary, builds: str, iso: str | None) -> tuple[str | None, str, int, str | None]:
    """(id, name, type, country) of the actor a generic word builds for a country."""
    if builds in _PEOPLE:
        base, atype = _PEOPLE[builds]
        return None, f"{base} ({d.country_of(iso).en})" if iso else base, atype, iso
    if iso is None:
        return None, "", 0, None
    aid = d.by_force.get((builds, iso))
    if aid is None and builds in _ORGAN_FALLBACK:
        aid = d.by_force.get((_ORGAN_FALLBACK[builds], iso))
    if aid is not None:
        actor = d.actors[aid]
        return aid, actor.name, actor.type, iso
    return None, _ORGAN_NAME[builds].format(d.country_of(iso).of), 1, iso


def state_force(iso: str, organ: str = "military") -> dict[str, Any]:
    """The reference of a country's force (its dictionary entry where there is one) for an incident that names
    the force only by what it hit: «معسكر للجيش» in Somalia is the Military Forces of Somalia."""
    aid, name, atype, country = _generated(dictionary(), organ, iso)
    return {"text": None, "name": name, "id": aid, "type": atype, "country": country}


def _organ_shorts(builds: str) -> frozenset[str]:
    return _ORGAN_SHORT_NORM.get(builds, frozenset())


_ORGAN_SHORT_NORM = {k: frozenset(norm_form(w) for w in v) for k, v in _ORGAN_SHORT.items()}


def _candidates(sc: Scan, d: Dictionary, ctx: _Context) -> list[_Cand]:
    text = sc.text
    by_kind = sc.by_kind
    cands: list[_Cand] = []
    generic_end: dict[int, list[Hit]] = {}
    for h in by_kind.get("G", ()):
        generic_end.setdefault(h.end, []).append(h)
    nat_start: dict[int, Hit] = {}
    for h in by_kind.get("N", ()):
        nat_start.setdefault(h.start - len(h.prefix), h)
    country_start: dict[int, Hit] = {}
    for h in by_kind.get("C", ()):
        if not h.prefix:
            country_start.setdefault(h.start, h)

    strong_ids: set[str] = set()
    alias_hits = by_kind.get("A", ())
    strong_spans: list[tuple[int, int]] = []
    for h in alias_hits:
        if h.key not in d.weak:
            strong_ids.update(d.alias_ids[h.data])
            strong_spans.append((h.span_start, h.end))
    strong_ids |= _related(d, strong_ids)

    for h in alias_hits:
        alias = h.data
        blockers = d.not_followed_by.get(alias)
        if blockers:
            nxt = _next_word(text, h.end)
            if nxt is not None:
                word = text[nxt[0]:nxt[1]]
                if word in blockers or ("@nat" in blockers and word in d.nationality):
                    continue
        ids = d.alias_ids[alias]
        if alias in d.weak and not any(
                i in strong_ids or ctx.present.intersection(d.actors[i].countries) for i in ids
        ) and not _coordinated(text, h, strong_spans):
            continue
        shown = d.alias_display.get(alias, alias)
        start, how = h.start, f"alias:{shown}"
        if not h.prefix and h.start > 0 and text[h.start - 1] == " ":  # a cue word right before: تنظيم “داعش”
            for cue in generic_end.get(h.start - 1, ()):
                if cue.data[0] in ("group_cue", "name_cue"):
                    start, how = cue.start, f"alias+cue:{shown}"
                    break
        cands.append(_Cand(h.span_start if start == h.start else start, h.end, 0, "alias", ids, how))

    for h in by_kind.get("G", ()):
        builds, alone, atype = h.data
        if builds in ("group_cue", "name_cue"):
            if builds == "group_cue":
                unknown = _unknown_group(sc, d, h)
                if unknown is not None:
                    cands.append(unknown)
            continue
        # a nationality adjective or a country name right after: الجيش البوركيني، جيش بوركينا فاسو
        nat = nat_start.get(h.end + 1) if h.end < len(text) and text[h.end] == " " else None
        if nat is not None and not nat.prefix:
            cands.append(_Cand(h.span_start, nat.end, 1, "force", (builds, nat.data), "force+nationality"))
            end = nat.end
            while end + 2 < len(text) and text[end] == " ":  # سلاح الجو الليبي والأميركي
                more = nat_start.get(end + 1)
                if more is None or more.prefix != "و":
                    break
                cands.append(_Cand(more.start, more.end, 1, "force", (builds, more.data),
                                   "force+nationality (coordinated)"))
                end = more.end
            continue
        country = country_start.get(h.end + 1) if h.end < len(text) and text[h.end] == " " else None
        if country is not None and not h.key.startswith("ال"):
            cands.append(_Cand(h.span_start, country.end, 1, "force", (builds, country.data), "force+country"))
            continue
        if alone:
            cands.append(_Cand(h.span_start, h.end, 3, "generic", (builds, atype, h.key), f"generic:{builds}"))

    for h in by_kind.get("S", ()):
        if not h.key.startswith("ال"):
            continue
        nxt = _next_word(text, h.end)
        if nxt is not None and h.key[2:] in d.generic:  # a cue noun (الحركة) may start a name we do not know
            word = text[nxt[0]:nxt[1]]
            if (word.startswith("ال") and word not in _SHORT_OK_NEXT and word not in d.nationality
                    and not word.endswith(_PLURAL_ENDINGS)):
                continue
        cands.append(_Cand(h.span_start, h.end, 4, "short", h.key, "short_ref"))

    for kind in ("P", "Q"):  # known people: their names are not actors (عبد الملك الحوثي)
        for h in by_kind.get(kind, ()):
            cands.append(_Cand(h.start, h.end, -1, "person", h.data))
    return _known_inside_unknown(cands)


def _related(d: Dictionary, ids: set[str]) -> set[str]:
    """Actors tied to `ids` by parenthood or a relation (النصرة next to هيئة تحرير الشام, its successor)."""
    out: set[str] = set()
    for aid in ids:
        actor = d.actors[aid]
        if actor.parent:
            out.add(actor.parent)
        out.update(rel["object"] for rel in actor.relations)
        out.update(rel["subject"] for rel in d.relations_in.get(aid, ()))
    return out


def _coordinated(text: str, h: Hit, strong: list[tuple[int, int]]) -> bool:
    """A weak alias joined by و to an unambiguous one (حزب الله وحماس، حماس والجهاد الإسلامي) names the group."""
    if h.prefix == "و" and any(end == h.start - 2 and text[end] == " " for _, end in strong):
        return True
    return text[h.end:h.end + 2] == " و" and any(start == h.end + 2 for start, _ in strong)


def _known_inside_unknown(cands: list[_Cand]) -> list[_Cand]:
    """تنظيم “الدولة الإسلامية - ولاية غرب إفريقيا”: a quoted group name that holds a known alias is that actor."""
    aliases = [c for c in cands if c.kind == "alias"]
    out = []
    for c in cands:
        if c.kind == "unknown":
            inner = [a for a in aliases if c.start <= a.start and a.end <= c.end]
            if inner:
                best = max(inner, key=lambda a: (a.end, a.end - a.start))  # the branch follows the parent
                c = _Cand(c.start, c.end, 0, "alias", best.data, best.how.replace("alias", "alias-in-name", 1))
        out.append(c)
    return out


def _unknown_group(sc: Scan, d: Dictionary, cue: Hit) -> _Cand | None:
    """A group cue followed by a name: in quotes, or starting with a typical group-name word."""
    text = sc.text
    norm_text = sc.view.norm.text
    nxt = _next_word(text, cue.end)
    if nxt is None:
        return None
    between = norm_text[sc.view.to_norm(cue.end):sc.view.to_norm(nxt[0])]
    quoted = any(q in between for q in "\"“«‘'„‹")
    strong = cue.key in _STRONG_CUES
    first = text[nxt[0]:nxt[1]]
    if (first in _NAME_STOP or first in d.nationality or first.isdigit()
            or any(info[0] != "group_cue" for info in d.generic.get(first, ()))):
        return None
    if not (quoted or strong or first in _GROUP_HEADS):
        return None
    if cue.key == "لواء" and cue.prefix.endswith("ال"):
        return None
    end = nxt[1]
    words = 1
    limit = 6 if quoted else 3
    closing = None
    if quoted:  # the name runs to the closing quote
        norm_end = norm_text.find("”", sc.view.to_norm(nxt[0]))
        for q in ("»", "\"", "’", "'"):
            pos = norm_text.find(q, sc.view.to_norm(nxt[0]))
            if pos != -1 and (norm_end == -1 or pos < norm_end):
                norm_end = pos
        closing = sc.view.from_norm(norm_end) if norm_end != -1 else None
    prev = first
    while words < limit:
        w = _next_word(text, end)
        if w is None:
            break
        word = text[w[0]:w[1]]
        if closing is not None:
            if w[0] > closing:
                break
        elif (word in _NAME_STOP or word in d.nationality or _VERBISH.match(word)
              or (not word.startswith("ال") and prev.startswith("ال"))):
            break
        end = w[1]
        prev = word
        words += 1
    if closing is not None and end > closing:
        return None
    name_text = text[cue.start:end]
    return _Cand(cue.start, end, 2, "unknown", (name_text, cue.data[2]), "unknown_group")


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest first, then the earlier rule; no overlaps."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[_Cand] = []
    for c in cands:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return [c for c in chosen if c.kind != "person"]


def _pick(d: Dictionary, ids: tuple[str, ...], ctx: _Context) -> str:
    if len(ids) == 1:
        return ids[0]
    scored = [(ctx.score(d.actors[i]), -n, i) for n, i in enumerate(ids)]
    return max(scored)[2]


def _resolve(sc: Scan, d: Dictionary, ctx: _Context, chosen: list[_Cand]) -> list[_Linked]:
    out: list[_Linked] = []
    for c in chosen:
        if c.kind == "alias":
            aid = _pick(d, c.data, ctx)
            actor = d.actors[aid]
            out.append(_Linked(c.start, c.end, aid, actor.name, actor.type, actor.country, c.how,
                               d.short_ids[aid], "alias"))
        elif c.kind == "force":
            builds, iso = c.data
            aid, name, atype, country = _generated(d, builds, iso)
            shorts = d.short_ids[aid] if aid else _organ_shorts(builds)
            out.append(_Linked(c.start, c.end, aid, name, atype, country, c.how, shorts, "force"))
        elif c.kind == "unknown":
            name, atype = c.data
            iso = ctx.at(c.start)
            cue_short = "ال" + name.split(" ", 1)[0]
            out.append(_Linked(c.start, c.end, None, name, atype, iso, c.how, frozenset({cue_short}), "unknown"))
        elif c.kind == "generic":
            builds, atype, key = c.data
            if builds in _STATE:
                back = _antecedent(out, key, c.start, _SHORT_WINDOW)
            elif builds == "unidentified_armed_group" and key.startswith("ال") and not key.startswith(_COLLECTIVE):
                back = _named_group_before(out, c.start, sc)  # «الجهاديون» after «داعش»: its fighters
            else:
                back = None
            if back is not None:
                out.append(_Linked(c.start, c.end, back.actor_id, back.name, back.type, back.country,
                                   f"generic:{builds}→{back.actor_id or back.name}", back.shorts, "short"))
                continue
            aid, name, atype2, country = _generated(d, builds, ctx.at(c.start))
            if not name:
                continue
            shorts = d.short_ids[aid] if aid else _organ_shorts(builds)
            out.append(_Linked(c.start, c.end, aid, name, atype2, country, c.how, shorts, "generic"))
        elif c.kind == "short":
            back = _antecedent(out, c.data, c.start, None)
            if back is None:
                continue
            out.append(_Linked(c.start, c.end, back.actor_id, back.name, back.type, back.country,
                               f"short_ref→{back.actor_id or back.name}", back.shorts, "short"))
    return out


def _named_group_before(out: list[_Linked], pos: int, sc: Scan) -> _Linked | None:
    """The armed group a definite description («المسلحون», «الإرهابيين») points back to: the latest named rebel
    group or militia within the short-reference window; in its own sentence, not the group that opens it (that
    one is likely the subject, and the description the other side: «خاضت قوات الحشد معارك مع المتطرفين»)."""
    own_start = next((a for a, b in sc.sentences() if a <= pos < b), 0)
    for prior in reversed(out):
        if pos - prior.end > _SHORT_WINDOW:
            return None
        if prior.actor_id is not None and prior.type in (2, 3):
            opens = prior.start >= own_start and not any(own_start <= o.start < prior.start for o in out)
            return None if opens else prior
    return None


def _antecedent(out: list[_Linked], key: str, pos: int, window: int | None) -> _Linked | None:
    """The actor a back-reference points to: the latest one that accepts the word; but when that one is a
    branch of an earlier accepted actor named more often (ولاية غرب إفريقيا after many داعش), the latter."""
    latest = None
    for prior in reversed(out):
        if window is not None and pos - prior.end > window:
            return None
        if key in prior.shorts:
            latest = prior
            break
    if latest is None or latest.actor_id is None or window is not None:
        return latest
    d = dictionary()
    counts = Counter(m.actor_id for m in out if m.actor_id is not None)
    best, parent = latest, d.actors[latest.actor_id].parent
    seen = {latest.actor_id}
    while parent is not None and parent not in seen:
        seen.add(parent)
        if counts[parent] > counts[best.actor_id] and key in d.short_ids[parent]:
            best = next(m for m in reversed(out) if m.actor_id == parent)
        parent = d.actors[parent].parent
    return best


def link(sc: Scan, country_hint: str | None = None) -> list[_Linked]:
    """Resolved actor mentions of a scanned text, in view coordinates (cached on the scan)."""
    cached = sc._links.get(country_hint)
    if cached is not None:
        return cached
    d = dictionary()
    ctx = _Context(sc, country_hint)
    linked = _resolve(sc, d, ctx, _select(_candidates(sc, d, ctx)))
    sc._links[country_hint] = linked
    return linked


def _closing_quote(original: str, start: int, end: int) -> int:
    """Extend a span over a closing quote when the span holds the opening one: قوات “البنيان المرصوص”."""
    segment = original[start:end]
    for opening, closer in (("“", "”"), ("«", "»"), ("‘", "’"), ("\"", "\""), ("’", "’")):
        if opening == closer:
            unbalanced = segment.count(opening) % 2 == 1
        else:
            unbalanced = segment.count(opening) > segment.count(closer)
        if unbalanced and end < len(original) and original[end] == closer:
            return end + 1
    return end


_QUOTES = re.compile("[\"'“”„«»‘’‚‹›]")


def actor_ref(original: str, view: _View, m: _Linked) -> tuple[int, int, dict[str, Any]]:
    start, end = view.to_original(m.start, m.end)
    end = _closing_quote(original, start, end)
    name = m.name
    if m.kind == "unknown":  # an unknown group is named as written, without its quotes
        name = " ".join(_QUOTES.sub(" ", original[start:end]).split())
    ref = {"text": original[start:end], "name": name, "id": m.actor_id, "type": m.type,
           "country": m.country, "start": start, "end": end}
    return start, end, ref


def find_actors(text: str, *, norm: NormText | None = None, country_hint: str | None = None) -> list[ActorMention]:
    """Every actor mention in `text`, sorted by start, with offsets into `text`."""
    sc = scan(text, norm)
    out = []
    for m in link(sc, country_hint):
        start, end, ref = actor_ref(text, sc.view, m)
        out.append(ActorMention(start, end, ref["text"], m.actor_id, ref, m.how))
    return out
