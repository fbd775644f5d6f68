"""People: names with their roles and affiliations, found without a named-entity model.

A person is found where a role word (rasd/data/roles.tsv) meets a name:
  role, then name          وزير الدفاع الفرنسي، جان إيف لودريان — الأمين العام للأمم المتحدة بان كي مون
  name, then role          وقال محمد الغصري، المتحدث باسم “البنيان المرصوص”
  nationality, name, role  البنيني، مارسيل آلان دو سوزا، رئيس مفوضية المجموعة الاقتصادية لدول غرب إفريقيا
  title, name              العقيد أحمد المسماري — العقيد الركن صادق الدويد (ranks and their qualifiers)
  role, title, name        المتحدث باسم المقاومة الوطنية، العقيد الركن صادق الدويد (the rank is in neither)
  title, name, role        العقيد مامادو تراوري، قائد المنطقة العسكرية الخامسة (one person, the office its role)
  role without a name      قائد غرفة عمليات تحرير سرت — مصدر مسؤول في قوات “البنيان المرصوص”
  a cue without a role     وقال سالم الورفلي إن … — رائد شرطة، يدعى عبد القادر علي (only without a tagger)
The role phrase runs over the words that complete it: definite words and adjectives, a construct chain of
indefinite nouns (قائد غرفة عمليات تحرير سرت), باسم/في + an actor; an actor named inside it is the person's
affiliation, and a nationality adjective in it gives the country (وزير الدفاع الفرنسي → Government of France).
A role after منصب names a post, not a person.
A name is a run of words that are not function words, verbs or actors, ended by a verbal noun (يحيى سريع
استهداف …) and kept whole when its last word only looks like a verb (بن علي يلدريم، — وقالت ناورت elsewhere
shows ناورت is a name); or a well-known person (rasd/data/persons.yaml); or, when a tagger supplies them, a PERS
span: one cut a word short is extended up to a clear boundary, a rank inside it is trimmed, and after a role the
tagger missed a guess counts only when punctuation, إن/أن or a verbal noun closes it. Later mentions of a found
name's last word (وقال لودريان، وذكر الغصري) link to the same person.
The word lists these rules test words against are in rasd/data/person_words.tsv.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from ..lexicon import load_tsv, word_list
from ..normalize import NormText
from .dictionary import Dictionary, dictionary, norm_form
from .link import _AMBIGUOUS_NAT, Scan, _Linked, actor_ref, link, scan

__all__ = ["PersonMention", "find_persons"]

_WORD = re.compile(r"[^\W_]+")


def _word_list(name: str) -> frozenset[str]:
    """The words of one list in rasd/data/person_words.tsv, in their matching form (norm_form)."""
    return frozenset(norm_form(word) for word in word_list("person_words.tsv", name))


_STOP = _word_list("stop")
_VERBS = _word_list("verbs")
# Common given names: an indefinite word in a role's construct chain that is one of these starts a name.
_FIRST_NAMES = _word_list("first_names")
_CONNECTORS = _word_list("connectors")
_CLAUSE_END = frozenset("،,.؛;:!?)")
_THAT = _word_list("that")
_ALI = norm_form("على")  # the preposition على and the name علي normalise alike
_AFTER_ALA = _word_list("after_ala")
# Given names written with the article (common in the Maghreb): they end a role and start a name.
_AL_FIRST_NAMES = _word_list("al_first_names")
# Institutional nouns: never the first word of a name; after a role's definite word, ل + one of them continues
# the role (الرئيس التنفيذي لشركة …).
_INST = _word_list("institutions")
_VERB_SHAPE = re.compile(r"^(?:[يت][^\W\d_]{4,}|س[يتن][^\W\d_]{3,}|[^\W\d_]{2,}(?:نا|وا)|[^\W\d_]{4,}ت"
                         r"|[^\W\d_]{4,}يا|[وبفك]ال[^\W\d_]+)$")
# Words that end a name when no tagger marks its end: verbal nouns (the object after أعلن المتحدث … فلان).
# (Month names are left out: a date after a name takes a preposition, and ماي is also a surname.)
_NAME_ENDERS = _word_list("name_enders")
# Verbal-noun shapes (استفعال، افتعال، انفعال، تفعيل), for the later words of a name only: as a first word they
# are also given names (انتصار، ابتسام).
_MASDAR_SHAPE = re.compile(r"^(?:است[^\W\d_]{2}ا[^\W\d_]|ا[^\W\d_ل]ت[^\W\d_]ا[^\W\d_]|ان[^\W\d_]{2}ا[^\W\d_]"
                           r"|ت[^\W\d_]{2}ي[^\W\d_](?:ه|ها|هم)?|است[^\W\d_]{4,})$")
# «قوله», «قائلا»: how the words were said; they end a name wherever they stand
_SAYING_ENDERS = _word_list("saying_enders")
_SAYS_THAT = _word_list("says_that")  # what a name can stand before
_ARTICLE_START = re.compile(r"^[وبفكل]?ال")
_AND_ARTICLE = re.compile(r"^[وف](?:ال|لل|بال)")
_PREP_ARTICLE = re.compile(r"^(?:[وبفكل]ال|لل)[^\W\d_]{2}")  # بالقول، للإغاثة: a preposition and the article
_PAST_FEM = re.compile(r"^[^\W\d_]{2,}ت$")
_FUTURE = re.compile(r"^س[يتن][^\W\d_]{3,}$")
# A four-letter present verb (يكشف، تعلن) as a first word; a long vowel second (تيري، يانغ) makes a name.
_SHORT_VERB = re.compile(r"^[يت][^\W\d_اوي][^\W\d_]{2}$")
_MONTHS = frozenset(norm_form(row[0]) for row in load_tsv("months.tsv"))
# Speech verbs (a feminine ت may follow), found with str.find: a regex alternation tried at every position of the
# text cost more than the rest of the person rules. The word right after one is its subject, so not a verb
# («وقالت ناورت» shows that «هيذر ناورت» is a name); and «قال NAME إن/أن» marks a name that no role word marks.
_SPEECH_STEMS = tuple(sorted(_word_list("speech_verbs")))
_SUBJECT = re.compile(r"[^\W\d_]{3,}(?![^\W_])")
_SPEECH_NAME = re.compile(r"([^\W\d_]+(?: [^\W\d_]+){1,2})(?: ?[،,])? (?:"
                          + "|".join(sorted(_THAT, key=len, reverse=True)) + r")(?![^\W_])")
# يدعى/المدعو before a name (رائد شرطة، يدعى عبد القادر علي).
_CALLED_STEMS = tuple(sorted(_word_list("called")))


def _after_words(view: str, stems: tuple[str, ...], fem: str) -> list[int]:
    """Where the word after each of `stems` starts (the stem a whole word, or after و/ف; `fem` may follow it)."""
    out = []
    n = len(view)
    for stem in stems:
        i = view.find(stem)
        while i != -1:
            j = i - 1 if i > 0 and view[i - 1] in "وف" else i
            e = i + len(stem)
            if e < n and fem and view[e] == fem:
                e += 1
            if (j == 0 or not view[j - 1].isalnum()) and e + 1 < n and view[e] == " " and view[e + 1].isalpha():
                out.append(e + 1)
            i = view.find(stem, i + 1)
    return out


_SOURCE_ADJ = _word_list("source_adjectives")
_MILITARY_WORDS = _word_list("military_words")
_SECURITY_WORDS = _word_list("security_words")
# Words that qualify a rank (العقيد الركن، اللواء الطيار، الفريق أول): part of the title, never of the name.
_TITLE_QUALIFIERS = _word_list("title_qualifiers")
# A PERS span right after one of these names a facility or a street (مستشفى شارل نيكول), not a person.
_FACILITY = _word_list("facilities")
_NAME_LINKS = _word_list("name_links")
# Words after a name that describe it (معروف بـ، الملقب، السابق): they end the name, as a later word only.
_LATER_ENDERS = _word_list("later_enders")
# Places that start with a title word (الشيخ زويد) are not people.
_TITLE_PLACES = _word_list("title_places")
_LOW_INFO_HEADS = _word_list("low_info_heads")
# «شغل منصب القائد الأعلى»: a role after these words names a post, not a person.
_POST_WORDS = _word_list("post_words")


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named (or described by role) in the text. Offsets are into the original text."""

    start: int
    end: int
    text: str
    ref: dict[str, Any]
    how: str


@dataclass(slots=True)
class _P:
    """A person found, in token indices of the view (inclusive ranges) until the end."""

    role: tuple[int, int] | None
    name: tuple[int, int] | None
    role_kind: str | None
    role_aff: str
    affiliation: _Linked | None
    nat: tuple[int, str] | None  # (token, ISO2) of a nationality adjective in the role
    country_tok: tuple[int, str] | None  # nationality written before the name (البنيني، ...)
    pid: str | None
    how: str
    antecedent: _P | None = None  # for a later surname mention: the person it names again
    chars: tuple[int, int] | None = None  # view span, for mentions found outside the token windows
    char_start: int | None = None  # where the role word starts (after its proclitics)
    title: tuple[int, int] | None = None  # a rank before the name when the role comes after it


class _Doc:
    """Token-level view of a scanned text for the person rules."""

    def __init__(self, sc: Scan, linked: list[_Linked], d: Dictionary, pers_spans: list[tuple[int, int]] | None,
                 cues: list[tuple[int, int, bool]] | tuple[()] = (), loc_spans: list[tuple[int, int]] = ()):
        self.sc, self.d = sc, d
        text = sc.text
        self.text = text
        pers_view: list[tuple[int, int]] = []
        if pers_spans is not None:
            for s, e in pers_spans:
                vs, ve = sc.view.from_original(s, e)
                if ve > vs:
                    pers_view.append((vs, ve))
        # Only the text around role words, known names and PERS spans is tokenised.
        windows = sorted([(h.start - 160, h.end + 320) for h in sc.by_kind.get("R", ())]
                         + [(h.start - 160, h.end + 160) for k in ("P", "Q") for h in sc.by_kind.get(k, ())]
                         + [(s - 160, e + 160) for s, e in pers_view]
                         + [(s - 40, e + 40) for s, e, _called in cues])
        toks: list[tuple[int, int]] = []
        last = -1
        for ws, we in windows:
            ws, we = max(ws, last, 0), min(we, len(text))
            while ws > 0 and text[ws - 1].isalnum() and ws > last:
                ws -= 1
            while we < len(text) and text[we].isalnum():
                we += 1
            if we <= ws:
                continue
            toks.extend(m.span() for m in _WORD.finditer(text, ws, we))
            last = we
        self.toks = toks
        self.words = [text[s:e] for s, e in toks]
        self.starts = [s for s, _ in toks]
        self.n = len(toks)
        self.actor_start: dict[int, _Linked] = {}
        self.actor_cover: set[int] = set()
        for m in linked:
            a, b = self.tok_at(m.start), self.tok_at(m.end - 1)
            if a is None or b is None:
                continue
            self.actor_start.setdefault(a, m)
            self.actor_cover.update(range(a, b + 1))
        self.place_tok: dict[int, str] = {}
        for h in sc.by_kind.get("C", ()):
            i = self.tok_at(h.start)
            if i is not None:
                self.place_tok.setdefault(i, h.data)
        # a place the tagger found («محافظ مأرب»): a proper noun, so it closes a role's chain of words
        self.loc_end: dict[int, int] = {}
        for s, e in loc_spans:
            vs, ve = sc.view.from_original(s, e)
            a, b = self.tok_at(vs), self.tok_at(ve - 1) if ve > vs else None
            if a is not None and b is not None:
                self.loc_end[a] = b
        self.nat_tok: dict[int, str] = {}
        for h in sc.by_kind.get("N", ()):
            if h.key in _AMBIGUOUS_NAT:
                continue
            i = self.tok_at(h.start)
            if i is not None and self.toks[i][1] == h.end:
                self.nat_tok[i] = h.data
        self.known: dict[int, tuple[int, str, str]] = {}  # start token -> (end token, person id, P|Q)
        for kind in ("P", "Q"):
            for h in sc.by_kind.get(kind, ()):
                a, b = self.tok_at(h.start), self.tok_at(h.end - 1)
                if a is not None and b is not None and (a not in self.known or b > self.known[a][0]):
                    self.known[a] = (b, h.data, kind)
        self.pers: dict[int, int] | None = None
        if pers_spans is not None:
            self.pers = {}
            for vs, ve in pers_view:
                a, b = self.tok_at(vs), self.tok_at(ve - 1)
                if a is not None and b is not None:
                    self.pers[a] = b
        self._subjects: set[str] | None = None  # words seen right after a speech verb, found when first needed
        self.roles = self._roles()
        self.role_start = {a: (b, data, cs) for a, b, data, cs in self.roles}
        if self.pers:  # a PERS span with the rank in it (العميد الركن عبد الله الحسني): the name is what follows
            trimmed: dict[int, int] = {}
            for a, b in self.pers.items():
                while a <= b:
                    if a in self.role_start and self.role_start[a][1][0] == "title":
                        a = _title_end(self, a) + 1
                    elif self.words[a] in _TITLE_QUALIFIERS:
                        a += 1
                    else:
                        break
                if a <= b:
                    trimmed[a] = b
            self.pers = trimmed

    def tok_at(self, pos: int) -> int | None:
        """The token holding view position `pos`, or None (outside the tokenised windows, or between words)."""
        i = bisect_right(self.starts, pos) - 1
        if i < 0 or pos >= self.toks[i][1]:
            return None
        return i

    def gap(self, i: int) -> str:
        """The characters between token i-1 and token i (None-like "\n" at the text start)."""
        if i <= 0:
            return "\n"
        return self.text[self.toks[i - 1][1]:self.toks[i][0]]

    def raw_gap(self, i: int) -> str:
        """The original characters between token i-1 and token i: the view drops quotes and dashes, which
        end a name as punctuation does (صلاح على "تويتر")."""
        if i <= 0 or i >= self.n:
            return "\n"
        view = self.sc.view
        return self.sc.original[view.to_original(*self.toks[i - 1])[1]:view.to_original(*self.toks[i])[0]]

    def breaks_before(self, i: int) -> bool:
        """Punctuation, a quote or a dash (or the end) comes before token i."""
        return i >= self.n or self.raw_gap(i).strip() != ""

    def bare(self, i: int) -> str:
        """Token i without a conjunction (وقال → قال)."""
        w = self.words[i]
        return w[1:] if len(w) > 3 and w[0] in "وف" else w

    def _roles(self) -> list[tuple[int, int, tuple[str, str], int]]:
        """Role words as (first token, last token, (kind, affiliation), start offset without proclitics)."""
        hits = sorted(self.sc.by_kind.get("R", ()), key=lambda h: (h.start, -(h.end - h.start)))
        out: list[tuple[int, int, tuple[str, str], int]] = []
        last_end = -1
        known_spans = [(k, v[0]) for k, v in self.known.items()]
        for h in hits:
            if h.start < last_end:
                continue
            a, b = self.tok_at(h.start), self.tok_at(h.end - 1)
            if a is None or b is None:
                continue
            if any(k <= a <= e for k, e in known_spans):
                continue  # inside a known name (الباجي قائد السبسي)
            if a in self.actor_cover:
                m = next((m for i, m in self.actor_start.items() if i <= a and self.tok_at(m.end - 1) >= b), None)
                if m is not None and m.start <= h.start:
                    continue  # inside an actor's name
            phrase = " ".join(self.words[a:min(b + 2, self.n)])
            if h.data[0] == "title" and any(phrase.startswith(p) for p in _TITLE_PLACES):
                continue
            out.append((a, b, h.data, h.span_start))
            last_end = h.end
        return out

    def stop(self, i: int) -> bool:
        w = self.words[i]
        if w == _ALI:  # the preposition على before a definite word or an idiom, علي (a name) otherwise
            after = self.raw_gap(i + 1).strip() if i + 1 < self.n else "."
            if after:  # a preposition needs an object: «عبد القادر علي،» is a name; على «…» has a quoted one
                return after[0] not in _CLAUSE_END
            return (i + 1 >= self.n or self.gap(i + 1) != " " or self.words[i + 1].startswith("ال")
                    or self.words[i + 1] in _AFTER_ALA or self.ends_name(i + 1, first=True))
        bare = self.bare(i)
        return w in _STOP or w in _VERBS or bare in _VERBS or bare in _STOP or w.isdigit() or len(w) == 1

    def ends_name(self, i: int, first: bool = False) -> bool:
        """Token i is a verbal noun or describes the name before it (السابق، المعروف): what follows a name,
        never part of it (… يحيى سريع استهداف …). `first`: only listed words, not verbal-noun shapes."""
        w = self.words[i]
        if w in _FIRST_NAMES:
            return False
        stem = w[1:] if len(w) > 4 and w[0] in "وبلف" else w
        if (not first and w in _LATER_ENDERS) or w in _SAYING_ENDERS or stem in _SAYING_ENDERS:
            return True
        if not (w in _NAME_ENDERS or stem in _NAME_ENDERS or (not first and _MASDAR_SHAPE.match(stem))):
            return False
        # a verbal noun governs what follows it («… يحيى سريع استهداف مطار …»); before «إن» or a comma it is the
        # last word of the name (النائب أيمن عودة إن …)
        return first or (i + 1 < self.n and self.gap(i + 1) == " " and self.words[i + 1] not in _SAYS_THAT)

    def not_name(self, i: int, first: bool, closed: bool = False) -> bool:
        """Token i cannot be (the first / a later) word of a person's name; `closed`: set off by commas."""
        w = self.words[i]
        if (self.stop(i) or i in self.actor_cover or i in self.role_start or i in self.nat_tok
                or i in self.place_tok or w in self.d.generic or self.ends_name(i, first)
                or (not first and i in self.known and self.known[i][2] == "P")):
            return True
        if w in _FIRST_NAMES:
            return False
        stem = w[1:] if len(w) > 4 and w[0] in "لبو" else w
        if w in _INST or stem in _INST or (w.startswith("ال") and w[2:] in _INST):
            return True
        if first:
            if w == _ALI:
                return True  # «على هامش …»: a name starting with علي is left to known people and the tagger
            if w in _AL_FIRST_NAMES or (closed and w.startswith("ال") and len(w) > 4):
                return False  # الحبيب الصيد; «وزير الفلاحة، الأسعد الأشعل،»
            if w.startswith("لل") or _ARTICLE_START.match(w) or _PAST_FEM.match(w):
                return True
            if (w[0] == "و" and len(w) > 3 and i + 1 < self.n and self.gap(i + 1) == " "
                    and self.words[i + 1].startswith("ال")):
                return True  # a conjunction and a construct: «… ومنع الممارسات» (not وانغ يي، ويلبور روس)
            if _FUTURE.match(w) or _SHORT_VERB.match(w):
                return True
            # ل/ب + a noun followed by a definite word is a prepositional phrase (لكرة القدم، بمقتل الجنود)
            if w[0] in "لب" and i + 1 < self.n and self.gap(i + 1) == " " and self.words[i + 1].startswith("ال"):
                return True
            return False
        return (w[0] == "و" and len(w) > 3) or bool(_PREP_ARTICLE.match(w)) or self.verb_shaped(i)

    def ends_at(self, i: int) -> bool:
        """A name may end before token i: punctuation or the end, a function word, a verbal noun, a role, an actor."""
        return (self.breaks_before(i) or self.stop(i) or self.ends_name(i)
                or i in self.role_start or i in self.actor_cover)

    def verb_shaped(self, i: int) -> bool:
        """Token i looks like a verb (يقول، أعلنت، سيزور); a word with the article (السادات) never does."""
        w = self.words[i]
        if w.startswith("ال"):
            return w.endswith("ات")  # a plural (التطورات), or a surname such as السادات: see closes_name
        if _PREP_ARTICLE.match(w):
            return False  # بالقول، للإغاثة: not a verb (and not a name either: see not_name)
        if not _VERB_SHAPE.match(w):
            return False
        if self._subjects is None:
            self._subjects = {m.group() for m in map(lambda i: _SUBJECT.match(self.text, i),
                                                     _after_words(self.text, _SPEECH_STEMS, "ت")) if m}
        return w not in self._subjects

    def closes_name(self, i: int) -> bool:
        """Token i, verb-shaped but right before punctuation or the end, is the last word of a foreign name
        (بن علي يلدريم، ...): a verb there would have no complement. A definite plural shape (السادات) is
        one before any clear boundary (محمد أنور السادات مصدر …)."""
        if self.words[i].startswith("ال"):
            end = self.ends_at(i + 1)
        else:
            end = self.breaks_before(i + 1)
        return (self.verb_shaped(i) and end
                and not (self.stop(i) or i in self.actor_cover or i in self.role_start or i in self.nat_tok
                         or i in self.place_tok or self.words[i] in self.d.generic or self.ends_name(i)))


# «المكلف بالإعلام», «المنتدب بالخارجية»: an office taken on with «ب»; «بالوكالة»: acting
_CHARGED_WITH = re.compile(r"^(?:و?ال)?(?:مكلف|منتدب)[ةه]?$")
_ACTING = frozenset({"بالوكاله", "بالنيابه", "بالانابه"})  # in the folded view


def _parse_role(doc: _Doc, a: int, b: int, data: tuple[str, str], char_start: int) -> _P:
    kind, aff = data
    words = doc.words
    end = b
    affiliation: _Linked | None = None
    nat: tuple[int, str] | None = None
    for i in range(a, b + 1):  # an actor inside the role words or starting in them (رئيس مفوضية المجموعة …)
        m = doc.actor_start.get(i)
        if m is not None:
            affiliation = m
            end = max(end, doc.tok_at(m.end - 1) or end)
            break
    last_def = words[end].startswith("ال") or words[end].startswith("لل") or affiliation is not None
    pending = words[b] in _CONNECTORS  # after باسم/في the next word belongs to the role whatever it is
    after_connector = False
    k = end + 1
    steps = 0
    paren = False  # inside a bracketed complement: وزير (الدفاع المالي)
    while k < doc.n and steps < 12 and kind != "title":
        steps += 1
        gap = doc.gap(k)
        if gap != " ":
            if gap.strip() == "(" and not paren:
                paren = True
            elif not (paren and gap.strip() == ")"):
                break
        w = words[k]
        m = doc.actor_start.get(k)
        if m is not None:
            affiliation = affiliation or m
            end = doc.tok_at(m.end - 1) or k
            k, last_def, pending = end + 1, True, False
            continue
        if w == "و" and last_def and k + 1 < doc.n and doc.words[k + 1].startswith("ال") and doc.gap(k + 1) == " ":
            end, k = k + 1, k + 2  # وزير الوظيفة العمومية و الحوكمة
            continue
        if (last_def and not pending and w[0] == "و" and len(w) > 3 and w not in _FIRST_NAMES
                and w[1:] not in _STOP and not doc.stop(k) and not _VERB_SHAPE.match(w[1:]) and k + 1 < doc.n
                and doc.gap(k + 1) == " " and doc.words[k + 1].startswith("ال") and not doc.stop(k + 1)
                and doc.words[k + 1] not in _AL_FIRST_NAMES and k + 1 not in doc.role_start):
            end, k = k + 1, k + 2  # رئيس جهاز حماية المنافسة ومنع الممارسات الاحتكارية
            continue
        if doc.stop(k) and not (w in _CONNECTORS and kind != "title"):
            break
        if k in doc.known or (doc.pers is not None and k in doc.pers):
            break
        if (k in doc.role_start and not pending and not (kind == "source" and w in _SOURCE_ADJ)
                and not _rank_as_noun(doc, k)):
            break  # (after باسم/في a role word is the complement: متحدثة باسم الأمير)
        if k in doc.nat_tok or k in doc.place_tok:  # الفرنسي، كوريا الشمالية
            if not (after_connector and aff == "-") and w not in _AMBIGUOUS_NAT:  # not a topic, not «المالية»
                nat = nat or (k, doc.nat_tok.get(k) or doc.place_tok[k])
            end, k, pending = k, k + 1, False
            last_def = w.startswith("ال") or k - 1 in doc.place_tok
            continue
        if k in doc.loc_end and (pending or not last_def):
            # «رئيس بلدية تمبكتو اتهامات …»: the place completes the role, as a definite word would
            end = doc.loc_end[k]
            k, last_def, pending = end + 1, True, False
            continue
        if w in _CONNECTORS:
            pending = after_connector = True
            k += 1
            continue
        if w in _AL_FIRST_NAMES and k + 1 < doc.n and doc.gap(k + 1) == " " and not doc.stop(k + 1):
            break  # رئيس الحكومة الحبيب الصيد
        if w.startswith("بال") and not _CHARGED_WITH.match(words[end]) and w not in _ACTING:
            break  # «وتعهد الرئيس السوري بالتصدي …»: what he vowed, not his office (but «المكلف بالإعلام»)
        if w.startswith(("ال", "لل", "بال")) or (last_def and _AND_ARTICLE.match(w)):
            end, k, last_def, pending = k, k + 1, True, False  # … والتعليم، … والشؤون الخارجية
            continue
        if last_def and len(w) > 3 and w[0] in "لب" and w[1:] in _INST and kind == "office":
            end, k, last_def, pending = k, k + 1, False, False  # الرئيس التنفيذي لشركة …
            continue
        if pending or (not last_def and w not in _FIRST_NAMES and (kind == "office" or w in _SOURCE_ADJ)):
            end, k, last_def, pending = k, k + 1, False, False
            continue
        break
    return _P((a, end), None, kind, aff, affiliation, nat, None, None, "role", char_start=char_start)


def _rank_as_noun(doc: _Doc, k: int) -> bool:
    """A one-word rank that is a noun in a role's complement: «قائد اللواء الثالث» (a brigade), not a name's title:
    what follows it is a definite word, not a name or another title."""
    end, (kind, _aff), _cs = doc.role_start[k]
    if kind != "title" or end != k or k + 1 >= doc.n or doc.gap(k + 1) != " ":
        return False
    w = doc.words[k + 1]
    return (w.startswith("ال") and w not in _AL_FIRST_NAMES and w not in _TITLE_QUALIFIERS
            and k + 1 not in doc.role_start and k + 1 not in doc.known
            and (doc.pers is None or k + 1 not in doc.pers))


def _title_end(doc: _Doc, k: int) -> int:
    """The last token of the titles starting at token k (a title role): العقيد الركن، اللواء الدكتور."""
    end = doc.role_start[k][0]
    while end + 1 < doc.n and doc.gap(end + 1) == " ":
        nxt = doc.role_start.get(end + 1)
        if nxt is not None and nxt[1][0] == "title":
            end = nxt[0]
        elif doc.words[end + 1] in _TITLE_QUALIFIERS:
            end += 1
        else:
            break
    return end


def _name_run(doc: _Doc, k: int, closed: bool, after_title: bool = False) -> tuple[int, int] | None:
    """A name starting at token k: a known name, the tagger's PERS span, or (without one) a guess."""
    if k >= doc.n:
        return None
    if k in doc.known:
        return (k, doc.known[k][0])
    if doc.pers is None:
        return _guess_name(doc, k, closed, after_title)
    if k in doc.pers:
        e = _extend_pers(doc, k, doc.pers[k])
        if e == k:  # one word after a role (وزير الداخلية [هادي] مجدوب على هامش): a longer guess ending clearly
            guess = _guess_name(doc, k, closed, after_title)
            if (guess is not None and guess[1] > e and doc.ends_at(guess[1] + 1)
                    and not any(i in doc.pers for i in range(e + 1, guess[1] + 1))):
                return guess
        return (k, e)
    # the tagger missed the name after a role: a guess that it does not contradict (no PERS word inside), whose
    # first word looks like a name's and which punctuation, إن/أن, a verbal noun or a role ends
    guess = _guess_name(doc, k, closed, after_title)
    if guess is None or any(a <= guess[1] and guess[0] <= b for a, b in doc.pers.items()):
        return None
    w, nxt = doc.words[k], guess[1] + 1
    if w not in _FIRST_NAMES and w not in _AL_FIRST_NAMES and (
            w[0] in "لبو" or w.startswith("ال") or doc.verb_shaped(k) or guess[0] == guess[1]):
        return None
    role = doc.role_start.get(nxt)
    if (doc.breaks_before(nxt) or doc.words[nxt] in _THAT or doc.ends_name(nxt) or len(doc.words[nxt]) == 1
            or (role is not None and role[1][0] != "title")):
        return guess  # (a one-letter word: a preposition written apart, «الحبيب الصيد بـ"…"»)
    return None


def _extend_pers(doc: _Doc, k: int, e: int) -> int:
    """The end of the PERS span k..e, one word further when the tagger cut it short (بن علي [يلدريم]،،
    محمد أنور [السادات] مصدر): the next word may end a name and punctuation, a role or إن/أن follows it (not
    any function word: «جو هايغين استقالته من» — a verbal noun and its complement)."""
    i = e + 1
    if i >= doc.n or doc.raw_gap(i) != " " or i in doc.pers:
        return e
    nxt = doc.role_start.get(i + 1)
    if not (doc.breaks_before(i + 1) or (nxt is not None and nxt[1][0] != "title") or doc.words[i + 1] in _THAT):
        return e
    if not doc.not_name(i, first=False) or doc.closes_name(i):
        return i
    return e


def _guess_name(doc: _Doc, k: int, closed: bool, after_title: bool) -> tuple[int, int] | None:
    """A name guessed at token k: words that are not function words, verbs, actors, roles or adjectives."""
    if doc.not_name(k, first=True, closed=closed):
        return None
    j = k
    while j + 1 < doc.n and j - k < 4 and doc.gap(j + 1) == " ":
        if doc.not_name(j + 1, first=False):
            w = doc.words[k]
            if doc.closes_name(j + 1) and not (w[0] in "لب" and w not in _FIRST_NAMES):
                j += 1  # (not after «لفريق»: a preposition starts a complement, not a name)
            break
        j += 1
    if closed and j + 1 < doc.n and doc.gap(j + 1) == " " and not doc.stop(j + 1):
        return None  # after "role، " the name ends at punctuation or a function word: role، NAME، ...
    if doc.words[k].startswith("ال") and doc.words[k] not in _AL_FIRST_NAMES and j == k:
        return None
    if (j == k and not closed and not after_title and j + 1 < doc.n and doc.gap(j + 1) == " "
            and not (doc.stop(j + 1) or doc.ends_name(j + 1))):
        return None  # a lone word after a role is a name only when something clearly ends it
    if j == k and not after_title and doc.words[k] not in _FIRST_NAMES and (
            doc.verb_shaped(k) or (doc.words[k][0] == "و" and len(doc.words[k]) > 3)):
        return None  # a verb or a conjunction, not a one-word name (المدير الفني … يعرفون أنه; الأمير تشارلز is)
    return (k, j)


def _name_before(doc: _Doc, a: int) -> tuple[tuple[int, int], tuple[int, str] | None] | None:
    """NAME، ROLE: the name before a comma before the role, and a nationality written before the name."""
    if a == 0 or doc.gap(a).strip() not in ("،", ","):
        return None
    j = a - 1
    for start, (stop, _pid, _kind) in doc.known.items():
        if stop == j:
            return (start, j), None
    if doc.pers is not None:
        for start, stop in doc.pers.items():
            if stop == j:
                return (start, j), None
        return None
    if doc.not_name(j, first=False) or doc.words[j].startswith("لل"):
        return None
    i = j
    while i - 1 >= 0 and j - i < 4 and doc.gap(i) == " ":
        if doc.not_name(i - 1, first=False):
            break
        i -= 1
    if doc.not_name(i, first=True):
        return None
    left_closed = i == 0 or doc.gap(i) != " " or doc.stop(i - 1)
    if not left_closed:
        return None
    country = None
    if i >= 1 and doc.gap(i).strip() in ("،", ",") and (i - 1) in doc.nat_tok:
        country = (i - 1, doc.nat_tok[i - 1])
    return (i, j), country


def _affiliation_ref(sc: Scan, d: Dictionary, doc: _Doc, p: _P) -> dict[str, Any] | None:
    if p.affiliation is not None:
        return actor_ref(sc.original, sc.view, p.affiliation)[2]
    if p.nat is not None and p.role is not None:
        tok, iso = p.nat
        role_words = set(doc.words[p.role[0]:p.role[1] + 1])
        force = p.role_aff if p.role_aff in ("government", "military", "police") else "government"
        if p.role_aff == "-":
            force = ("military" if role_words & _MILITARY_WORDS else
                     "police" if role_words & _SECURITY_WORDS else "government")
        aid = d.by_force.get((force, iso))
        country = d.country_of(iso)
        name = d.actors[aid].name if aid else {"military": "Military Forces of {}", "police": "Police Forces of {}",
                                                "government": "Government of {}"}[force].format(country.of)
        s, e = sc.view.to_original(*doc.toks[tok])
        return {"text": sc.original[s:e], "name": name, "id": aid, "type": 1, "country": iso, "start": s, "end": e}
    if p.pid is not None:
        person = d.persons[p.pid]
        if person.affiliation:
            actor = d.actors[person.affiliation]
            return {"text": None, "name": actor.name, "id": actor.id, "type": actor.type, "country": actor.country}
    return None


def find_persons(text: str, *, norm: NormText | None = None,
                 pers_spans: list[tuple[int, int]] | None = None,
                 loc_spans: list[tuple[int, int]] = ()) -> list[PersonMention]:
    """People in `text`, sorted by start. `pers_spans`: (start, end) PERS spans from a tagger, if any;
    `loc_spans`: places found in the text, by the tagger or the gazetteer (a place ends the words of a role)."""
    sc = scan(text, norm)
    d = dictionary()
    cues = _cues(sc.text) if pers_spans is None else []  # a tagger finds the names without a role itself
    if not (sc.by_kind.get("R") or sc.by_kind.get("P") or sc.by_kind.get("Q") or pers_spans or cues):
        return []
    doc = _Doc(sc, link(sc), d, pers_spans, cues, loc_spans)
    found: list[_P] = []
    consumed_titles: set[int] = set()
    done_until = -1
    for a, b, data, char_start in doc.roles:
        if a in consumed_titles or a <= done_until:
            continue
        p = _parse_role(doc, a, b, data, char_start)
        if data[0] == "title":
            p.role = (a, _title_end(doc, a))
        done_until = p.role[1]
        k = p.role[1] + 1
        if k < doc.n and data[0] != "source":
            gap = doc.gap(k)
            if gap.strip() == ")" and "(" in doc.text[doc.toks[p.role[0]][0]:doc.toks[p.role[1]][1]]:
                gap = " "  # وزير (الدفاع المالي) تيينا كوليبالي
            closed = gap.strip() in ("،", ",")
            title = doc.role_start.get(k)
            if title is not None and title[1][0] == "title":
                # المتحدث باسم الجيش العقيد أحمد المسماري; وزير التربية، الدكتور طارق شوقي: the title stands
                # between role and name, in the mention but in neither
                t_end = _title_end(doc, k)
                if t_end + 1 < doc.n and doc.gap(t_end + 1) == " ":
                    name = _name_run(doc, t_end + 1, closed, after_title=True)
                    if name is not None:
                        consumed_titles.update(range(k, t_end + 1))
                        p.name, p.how = name, "role+name"
                        if _PREP_ARTICLE.match(doc.words[k]):  # «المدير الفني للفريق خورخي …»: a noun
                            p.role = (p.role[0], t_end)
            elif gap == " " or closed:
                name = _name_run(doc, k, closed, after_title=data[0] == "title")
                if name is not None and closed and name[0] == name[1] and _name_before(doc, a) is not None:
                    name = None  # «عبد الحميد بكار، مدير المصنع، عائلته …»: the name before, not a lone word after
                if name is not None:
                    p.name, p.how = name, "role+name"
        if p.name is None and data[0] != "source":
            prev = found[-1] if found else None
            if (prev is not None and prev.name is not None and prev.name[1] == a - 1 and prev.role_kind == "title"
                    and prev.title is None and doc.gap(a).strip() in ("،", ",")):
                # العقيد مامادو تراوري، قائد المنطقة العسكرية الخامسة: one person, the office is the role
                prev.title, prev.role, prev.role_kind, prev.role_aff = prev.role, p.role, p.role_kind, p.role_aff
                prev.affiliation, prev.nat, prev.char_start = p.affiliation, p.nat, p.char_start
                prev.how = "title+name+role"
                continue
            before = _name_before(doc, a)
            if before is not None:
                p.name, p.country_tok = before
                p.how = "name+role"
        if p.name is None:
            if data[0] == "title":
                continue
            if p.role == (a, b) and (data[0] == "source" or " ".join(doc.words[a:b + 1]) in _LOW_INFO_HEADS):
                continue  # a bare head (المصدر، المسؤول) says too little
            if a > 0 and doc.gap(a) == " " and doc.words[a - 1] in _POST_WORDS:
                continue
            p.how = "source" if data[0] == "source" else "unnamed"
        else:
            done_until = max(done_until, p.name[1])
            for start, (stop, pid, _kind) in doc.known.items():  # جون إيف لودريان: a known surname inside
                if p.name[0] <= start and stop <= p.name[1]:
                    p.pid = pid
                    break
        found.append(p)

    covered: set[int] = set()
    for p in found:
        ends = [x for rng in (p.role, p.name) if rng for x in rng]
        if ends:  # with the words between role and name (a title)
            covered.update(range(min(ends), max(ends) + 1))
    for start, (stop, pid, _kind) in sorted(doc.known.items()):  # well-known people named without a role
        if start in covered:
            continue
        found.append(_P(None, (start, stop), None, "-", None, None, None, pid, f"known:{pid}"))
        covered.update(range(start, stop + 1))
    for s, e, called in cues:  # names without a role: وقال سالم الورفلي إن …، يدعى عبد القادر علي
        a, b = doc.tok_at(s), doc.tok_at(e - 1)
        if a is None or b is None or a in covered:
            continue
        if doc.raw_gap(a).strip():
            continue  # a quoted or bracketed name is a group's or a product's: جماعة تدعى «…»
        words = doc.words[a:b + 1]
        before = next((p for p in found if p.name and p.name[1] < a and p.name[1] - p.name[0] + 1 > len(words)
                       and doc.words[p.name[0]:p.name[1] + 1][-len(words):] == words), None)
        if not called and before is not None:  # «رامي عبد الرحمن» … «وقال عبد الرحمن إن»: the same person
            full = " ".join(doc.words[before.name[0]:before.name[1] + 1])
            found.append(_P(None, None, None, before.role_aff, None, None, None, None, f"surname→{full}",
                            antecedent=before, chars=(doc.toks[a][0], doc.toks[b][1])))
            covered.update(range(a, b + 1))
            continue
        if called:
            name = _guess_name(doc, a, closed=False, after_title=True)
        elif (doc.verb_shaped(a) or doc.not_name(a, first=True) or doc.ends_name(a)
              or any(doc.not_name(i, first=False) or i in covered for i in range(a + 1, b + 1))
              or any(doc.raw_gap(i) != " " for i in range(a + 1, b + 1))
              or any(w.endswith("ون") and w not in _FIRST_NAMES for w in doc.words[a:b + 1])
              or (doc.words[a].endswith("و") and doc.words[a] not in _FIRST_NAMES
                  and doc.words[a + 1].startswith("ال"))
              or doc.words[a].endswith(("ها", "هم"))
              or (doc.words[a][0] in "لب" and doc.words[a] not in _FIRST_NAMES)
              or any(w in _MONTHS for w in doc.words[a:b + 1])
              or any(w.endswith("يه") for w in doc.words[a + 1:b + 1])):
            # plurals are groups of people (وقال ناشطون معارضون إن، وأكد مسؤولو الكنائس أن); a pronoun suffix
            # makes a noun (وذكر خالها …); a feminine adjective follows a noun (صحف محلية، خبيرة طبية)
            name = None
        else:
            name = (a, b)
        if name is not None:
            found.append(_P(None, name, None, "-", None, None, None, None, "cue"))
            covered.update(range(name[0], name[1] + 1))
    if doc.pers is not None:
        named = [(p.name[1], _surname(doc, p), doc.words[p.name[0]:p.name[1] + 1]) for p in found if p.name]
        for start, stop in sorted(doc.pers.items()):
            if start in covered or _names_a_place(doc, start):
                continue
            words = doc.words[start:stop + 1]
            if any(end < start and (words == full or [last] == words) for end, last, full in named):
                continue  # a found person named again (وقالت ناورت): left to the surname links
            stop = _extend_pers(doc, start, stop)
            found.append(_P(None, (start, stop), None, "-", None, None, None, None, "ner"))
            covered.update(range(start, stop + 1))
    spans = [_char_span(doc, p) for p in found]
    found.extend(_surname_links(doc, found, spans))
    found.sort(key=lambda p: _char_span(doc, p)[0])
    return _emit(sc, d, doc, found)


def _cues(view: str) -> list[tuple[int, int, bool]]:
    """View spans of names that a cue marks: (start, end, False) for «قال NAME إن», (start, end, True) for the
    first word after يدعى/المدعو (where the name is still to be measured)."""
    # «قال NAME إن»: only a name that starts like one (a known first name), not «قال مواطن محلي إن»
    out = [(m.start(1), m.end(1), False) for m in map(lambda i: _SPEECH_NAME.match(view, i),
                                                      _after_words(view, _SPEECH_STEMS, "ت"))
           if m and view[m.start(1):m.end(1)].split()[0] in _FIRST_NAMES]
    for i in _after_words(view, _CALLED_STEMS, "ه"):
        m = _SUBJECT.match(view, i)
        if m:
            out.append((i, m.end(), True))
    return sorted(out)


def _char_span(doc: _Doc, p: _P) -> tuple[int, int]:
    """The view span of a found person: role and name together."""
    if p.chars is not None:
        return p.chars
    starts, ends = [], []
    if p.title:
        starts.append(doc.toks[p.title[0]][0])
    if p.role:
        starts.append(p.char_start if p.char_start is not None else doc.toks[p.role[0]][0])
        ends.append(doc.toks[p.role[1]][1])
    if p.name:
        starts.append(doc.toks[p.name[0]][0])
        ends.append(doc.toks[p.name[1]][1])
    return min(starts), max(ends)


def _surname(doc: _Doc, p: _P) -> str | None:
    """The word that names `p` again later: the last word of a name of two words or more, not a known person's."""
    if p.name is None or p.pid is not None or p.name[1] == p.name[0]:
        return None
    last = doc.words[p.name[1]]
    return last if len(last) >= 3 and last not in _FIRST_NAMES and last not in _STOP else None


def _names_a_place(doc: _Doc, start: int) -> bool:
    """A PERS span after a facility noun names the place (مستشفى شارل نيكول، مستشفى ابن سينا), not a person."""
    i = start - 1
    if i >= 0 and doc.gap(start) == " " and doc.words[i] in _NAME_LINKS:
        i -= 1
    return i >= 0 and doc.gap(i + 1) == " " and (doc.words[i] in _FACILITY or doc.bare(i) in _FACILITY)


def _occurrences(text: str, words: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Where each of `words` stands as a whole word, or after و/ف and ل (ولودريان، للغصري), in text order
    (found with str.find: compiling a pattern of this text's names for every call cost more)."""
    out = []
    n = len(text)
    for w in words:
        i = text.find(w)
        while i != -1:
            e = i + len(w)
            j = i - 1 if i > 0 and text[i - 1] == "ل" else i
            j = j - 1 if j > 0 and text[j - 1] in "وف" else j
            if (e >= n or not text[e].isalnum()) and (j == 0 or not text[j - 1].isalnum()):
                out.append((i, e, w))
            i = text.find(w, i + 1)
    out.sort()
    return out


def _surname_links(doc: _Doc, found: list[_P], spans: list[tuple[int, int]]) -> list[_P]:
    """Later mentions of a found name's last word (وقال لودريان، وذكر الغصري), or of the whole name again."""
    surnames: dict[str, _P] = {}
    for p in found:
        last = _surname(doc, p)
        if last is not None:
            surnames.setdefault(last, p)
    if not surnames:
        return []
    text = doc.text
    out = []
    taken = list(spans)
    for s, e, last in _occurrences(text, surnames):
        target = surnames[last]
        if s <= _char_span(doc, target)[1] or any(a < e and s < b for a, b in taken):
            continue
        full = " ".join(doc.words[target.name[0]:target.name[1] + 1])
        head = full[: -len(last)]
        if head and text[max(0, s - len(head)):s] == head:  # the whole name again
            s -= len(head)
        out.append(_P(None, None, None, target.role_aff, None, None, None, None, f"surname→{full}",
                      antecedent=target, chars=(s, e)))
        taken.append((s, e))
    return out


def _emit(sc: Scan, d: Dictionary, doc: _Doc, found: list[_P]) -> list[PersonMention]:
    original = sc.original
    out: list[PersonMention] = []
    by_pid: dict[str, dict[str, Any]] = {}
    refs: dict[int, dict[str, Any]] = {}
    for p in found:
        start, end = sc.view.to_original(*_char_span(doc, p))
        role_text = name_text = None
        role_span = name_span = None
        if p.role:
            rs, re_ = sc.view.to_original(p.char_start if p.char_start is not None else doc.toks[p.role[0]][0],
                                          doc.toks[p.role[1]][1])
            re_ = _closing(original, rs, re_)
            end = max(end, re_)
            role_text, role_span = original[rs:re_], {"text": original[rs:re_], "start": rs, "end": re_}
        if p.name or p.chars:
            ns, ne = (sc.view.to_original(doc.toks[p.name[0]][0], doc.toks[p.name[1]][1]) if p.name
                      else (start, end))
            name_text, name_span = original[ns:ne], {"text": original[ns:ne], "start": ns, "end": ne}
        name = d.persons[p.pid].name if p.pid is not None else name_text
        affiliation = _affiliation_ref(sc, d, doc, p)
        country = None
        if p.country_tok is not None:
            country = p.country_tok[1]
        elif p.nat is not None:
            country = p.nat[1]
        elif p.pid is not None and d.persons[p.pid].countries:
            country = d.persons[p.pid].countries[0]
        elif affiliation is not None:
            country = affiliation.get("country")
        ref: dict[str, Any] = {"text": original[start:end], "name": name, "name_ar": name_text, "id": p.pid,
                               "role": role_text, "affiliation": affiliation, "country": country,
                               "start": start, "end": end, "role_span": role_span, "name_span": name_span}
        if p.antecedent is not None and id(p.antecedent) in refs:  # a later surname: the same person
            first = refs[id(p.antecedent)]
            ref.update({"name": first["name"], "id": first["id"], "role": first["role"],
                        "affiliation": first["affiliation"], "country": first["country"]})
        elif p.pid is not None and p.role is None and p.pid in by_pid:  # named again: keep what we learnt
            first = by_pid[p.pid]
            ref.update({"role": first["role"], "affiliation": first["affiliation"] or affiliation,
                        "country": first["country"] or country})
        if p.pid is not None:
            by_pid.setdefault(p.pid, ref)
        refs[id(p)] = ref
        out.append(PersonMention(start, end, original[start:end], ref, p.how))
    return out


def _closing(original: str, start: int, end: int) -> int:
    segment = original[start:end]
    for opening, closer in (("“", "”"), ("«", "»"), ('"', '"'), ("(", ")")):
        unbalanced = (segment.count(opening) % 2 == 1 if opening == closer
                      else segment.count(opening) > segment.count(closer))
        if unbalanced and end < len(original) and original[end] == closer:
            return end + 1
    return end
