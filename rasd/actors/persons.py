"""People: names with their roles and affiliations, found without a named-entity model.

A person is found where a role word (rasd/data/roles.tsv) meets a name:
  role, then name          وزير الدفاع الفرنسي، جان إيف لودريان — الأمين العام للأمم المتحدة بان كي مون
  name, then role          وقال محمد الغصري، المتحدث باسم “البنيان المرصوص”
  nationality, name, role  البنيني، مارسيل آلان دو سوزا، رئيس مفوضية المجموعة الاقتصادية لدول غرب إفريقيا
  title, name              العقيد أحمد المسماري
  role without a name      قائد غرفة عمليات تحرير سرت — مصدر مسؤول في قوات “البنيان المرصوص”
The role phrase runs over the words that complete it: definite words and adjectives, a construct chain of
indefinite nouns (قائد غرفة عمليات تحرير سرت), باسم/في + an actor; an actor named inside it is the person's
affiliation, and a nationality adjective in it gives the country (وزير الدفاع الفرنسي → Government of France).
A name is a run of words that are not function words, verbs or actors; or a well-known person
(rasd/data/persons.yaml); or, when a tagger supplies them, a PERS span. Later mentions of a found name's last
word (وقال لودريان، وذكر الغصري) link to the same person.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from ..normalize import NormText
from .dictionary import Dictionary, dictionary, norm_form
from .link import _AMBIGUOUS_NAT, Scan, _Linked, actor_ref, link, scan

__all__ = ["PersonMention", "find_persons"]

_WORD = re.compile(r"[^\W_]+")


def _forms(*words: str) -> frozenset[str]:
    return frozenset(norm_form(w) for w in words)


_STOP = _forms(
    "في", "من", "إلى", "عن", "مع", "أن", "إن", "قد", "لا", "ما", "لم", "لن", "هو", "هي", "هم", "هذا",
    "هذه", "ذلك", "تلك", "الذي", "التي", "الذين", "اللذين", "اللتين", "كان", "كانت", "بعد", "قبل", "خلال", "منذ",
    "حيث", "حتى", "عند", "أو", "ثم", "كما", "لكن", "بين", "ضد", "عبر", "نحو", "حول", "دون", "غير", "كل", "بعض",
    "وقد", "فقد", "لقد", "إنه", "أنه", "إنها", "أنها", "بأن", "وأن", "لأن", "كي", "أي", "إذ", "إذا", "فيما",
    "بينما", "عندما", "وفي", "ومن", "وعلى", "الى", "بشأن", "إثر", "عقب", "أمام", "لدى", "وذلك", "هناك", "ليس",
    "جميع", "عدد", "أيضا", "فقط", "بدوره", "بدورها", "نفسه", "نفسها", "مساء", "صباح", "ظهر", "يوم", "اليوم",
    "أمس", "الثلاثاء", "الاثنين", "الإثنين", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الشهر",
    "العام", "الأسبوع", "الماضي", "الماضية", "المقبل", "المقبلة", "الحالي", "الجاري", "حاليا", "مؤخرا",
    "سابقا", "لاحقا", "غدا", "الليلة", "ليلة", "صباحا", "مساء", "تقريرا", "بيانا", "بيان", "تصريح", "تصريحات",
    "كلمة", "مؤتمر", "لوكالة", "لقناة", "لصحيفة", "ناقوس", "محذرا", "مؤكدا", "مضيفا", "مشيرا", "موضحا",
    "حينها", "آنذاك", "حينذاك", "وقتها", "رسميا", "مجددا", "فورا", "إلا", "سوى", "أكثر", "أقل", "مدة", "فترة",
)
_VERBS = _forms(
    "قال", "أكد", "أعلن", "أضاف", "أشار", "أوضح", "ذكر", "أفاد", "صرح", "كشف", "شدد", "حذر", "دعا", "نفى",
    "اعتبر", "زار", "التقى", "اتهم", "طالب", "أعرب", "رأى", "لفت", "تابع", "استقبل", "بحث", "ناقش", "دق",
    "يقول", "يؤكد", "يرى", "قدم", "وقع", "هدد", "أمر", "قرر", "وصل", "غادر", "توجه", "عاد", "تبنى", "أدان",
    "نقل", "رد", "يزور", "يلتقي", "أبلغ", "ترأس", "أشاد", "وصف", "تعهد", "أقر", "نقلت", "قالت", "أكدت",
    "أعلنت", "أضافت", "أشارت", "ذكرت", "أفادت", "كشفت", "حذرت", "دعت", "نفت", "اعتبرت", "زارت", "تحذير",
    "تقول", "يشير", "تشير", "ترى", "تؤكد", "يعتبر", "تعتبر", "يريد", "تريد", "يجب", "يمكن", "يعد", "تعد", "كانوا",
)
# Common given names: an indefinite word in a role's construct chain that is one of these starts a name.
_FIRST_NAMES = _forms(
    "محمد", "أحمد", "علي", "عمر", "عثمان", "حسن", "حسين", "خالد", "عبد", "عبدالله", "إبراهيم", "يوسف", "موسى",
    "عيسى", "مصطفى", "محمود", "سعيد", "سالم", "صالح", "فتحي", "فايز", "خليفة", "أبو", "أبي", "ابن", "بن",
    "جان", "جون", "مارسيل", "فرانسوا", "ميشيل", "بيار", "عبدالرحمن", "يحيى", "إسماعيل", "طارق", "مختار",
    "هشام", "عادل", "كمال", "نبيل", "رشيد", "مراد", "منصور", "ناصر", "جمال", "سليمان", "داود", "آدم", "أيمن",
    "بشير", "بكر", "زياد", "سامي", "طه", "عماد", "عصام", "فؤاد", "كريم", "ماهر", "وليد", "ياسر", "يونس",
)
_FIRST_NAMES = _FIRST_NAMES | _forms("يوسف", "يحيى", "يونس", "ياسر", "ياسين", "تامر", "توفيق", "تيسير", "وليد",
                                     "وائل", "وسام", "وحيد", "وجدي")
_CONNECTORS = _forms("باسم", "في", "لدى", "ب")
_ALI = norm_form("على")  # the preposition على and the name علي normalise alike
_AFTER_ALA = _forms("هامش", "خلفية", "رأس", "إثر", "أثر", "صعيد", "مستوى", "طول", "حد", "عكس", "غرار", "أن", "أنه",
                    "ضوء", "مدى", "مدار", "متن", "يد", "أيدي", "وقع", "لسان", "حساب", "قيد", "أساس", "نحو", "وجه")
# Given names written with the article (common in the Maghreb): they end a role and start a name.
_AL_FIRST_NAMES = _forms("الحبيب", "الباجي", "الأسعد", "الهادي", "الطاهر", "المنصف", "الصادق", "الطيب", "المنجي",
                         "الناصر", "العياشي", "الشاذلي", "الهاشمي", "الصحبي", "الحسين", "الحسن", "العربي", "المهدي",
                         "الأزهر", "البشير", "المختار", "الفاضل", "الحبيب", "الجيلاني", "العيد", "السعيد", "الطيب")
# Institutional nouns: never the first word of a name; after a role's definite word, ل + one of them continues
# the role (الرئيس التنفيذي لشركة …).
_INST = _forms(
    "شركة", "وزارة", "مجلس", "هيئة", "منظمة", "جامعة", "حركة", "جماعة", "تنظيم", "حزب", "جبهة", "قوات", "قيادة",
    "مفوضية", "لجنة", "مكتب", "إدارة", "جهاز", "مديرية", "بعثة", "غرفة", "عمليات", "وكالة", "صندوق", "برنامج",
    "مؤسسة", "مركز", "مصلحة", "دائرة", "قسم", "فرقة", "كتيبة", "لواء", "ولاية", "محافظة", "بلدية", "إقليم",
    "منطقة", "حكومة", "دولة", "جمهورية", "مملكة", "اتحاد", "تحالف", "رابطة", "نقابة", "محكمة", "نيابة", "شرطة",
    "جيش", "أركان", "مجموعة", "بنك", "مصرف", "قناة", "صحيفة", "وكالة", "موقع", "مستشفى", "مدرسة", "كلية",
)
_VERB_SHAPE = re.compile(r"^(?:[يت][^\W\d_]{4,}|س[يتن][^\W\d_]{3,}|[^\W\d_]{2,}(?:نا|وا)|[^\W\d_]{4,}ت"
                         r"|[^\W\d_]{4,}يا|[وبفك]ال[^\W\d_]+)$")
_SOURCE_ADJ = _forms(
    "أمني", "عسكري", "مسؤول", "محلي", "طبي", "حكومي", "رسمي", "مطلع", "مقرب", "قبلي", "ميداني", "دبلوماسي",
    "استخباراتي", "أمنية", "عسكرية", "محلية", "طبية", "حكومية", "رسمية", "مطلعة", "مقربة", "قبلية", "ميدانية",
    "دبلوماسية", "استخباراتية", "مسؤولة", "أمنيون", "عسكريون", "رفيع", "رفيعة", "بارز", "كبير", "سابق", "سابقة",
    "المستوى", "عيان", "إعلامي", "إعلامية", "مستشفى", "بالجيش", "بالشرطة", "بوزارة", "في",
)
_MILITARY_WORDS = _forms("عسكري", "عسكرية", "عسكريون", "الجيش", "بالجيش", "العسكري", "العسكرية", "الأركان", "أركان")
_SECURITY_WORDS = _forms("أمني", "أمنية", "أمنيون", "الأمن", "الشرطة", "بالشرطة", "الأمني", "الأمنية")
# Places that start with a title word (الشيخ زويد) are not people.
_TITLE_PLACES = _forms("الشيخ زويد", "الشيخ عثمان", "الشيخ مقصود", "الشيخ مسكين", "الشيخ جراح", "الشيخ سعد")
_LOW_INFO_HEADS = _forms("مسؤول", "المسؤول", "مسؤولة", "عضو", "ممثل", "الممثل", "الممثلة", "كبير", "الخبير",
                         "الباحث", "المحلل", "المدير", "مدير", "القاضي", "قاضي", "النائب", "المراسل", "مراسل",
                         "الصحفي", "الصحفية", "الناشط", "الناشطة", "منسق", "المنسق", "المنسقة", "المستشار",
                         "مستشار", "المستشارة", "الحاكم", "حاكم", "المفوض", "مفوض", "الزعيم", "زعيم", "القائد",
                         "قائد", "الأمير", "أمير", "المرشد", "رئيس", "رئيسة", "وزير", "وزيرة", "الوزير",
                         "الوزيرة", "الرئيس", "الرئيسة", "المبعوث", "مبعوث", "سفير", "السفير", "محافظ", "المحافظ")


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


class _Doc:
    """Token-level view of a scanned text for the person rules."""

    def __init__(self, sc: Scan, linked: list[_Linked], d: Dictionary, pers_spans: list[tuple[int, int]] | None):
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
                         + [(s - 160, e + 160) for s, e in pers_view])
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
        self.roles = self._roles()
        self.role_start = {a: (b, data, cs) for a, b, data, cs in self.roles}

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
            return (i + 1 >= self.n or self.gap(i + 1) != " " or self.words[i + 1].startswith("ال")
                    or self.words[i + 1] in _AFTER_ALA)
        return w in _STOP or w in _VERBS or self.bare(i) in _VERBS or w.isdigit() or len(w) == 1

    def not_name(self, i: int, first: bool, closed: bool = False) -> bool:
        """Token i cannot be (the first / a later) word of a person's name; `closed`: set off by commas."""
        w = self.words[i]
        if (self.stop(i) or i in self.actor_cover or i in self.role_start or i in self.nat_tok
                or i in self.place_tok or w in self.d.generic):
            return True
        if w in _FIRST_NAMES:
            return False
        stem = w[1:] if len(w) > 4 and w[0] in "لبو" else w
        if w in _INST or stem in _INST:
            return True
        if first:
            if w == _ALI:
                return True  # «على هامش …»: a name starting with علي is left to known people and the tagger
            if w in _AL_FIRST_NAMES or (closed and w.startswith("ال") and len(w) > 4):
                return False  # الحبيب الصيد; «وزير الفلاحة، الأسعد الأشعل،»
            if w.startswith("لل") or re.match(r"^[وبفكل]?ال", w) or re.match(r"^[^\W\d_]{2,}ت$", w):
                return True
            if re.match(r"^س[يتن][^\W\d_]{3,}$", w):
                return True
            # ل/ب + a noun followed by a definite word is a prepositional phrase (لكرة القدم، بمقتل الجنود)
            if w[0] in "لب" and i + 1 < self.n and self.gap(i + 1) == " " and self.words[i + 1].startswith("ال"):
                return True
            return False
        return (w[0] == "و" and len(w) > 3) or bool(_VERB_SHAPE.match(w))


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
    pending = False  # after باسم/في the next word belongs to the role whatever it is
    after_connector = False
    k = end + 1
    steps = 0
    while k < doc.n and steps < 12 and kind != "title":
        steps += 1
        if doc.gap(k) != " ":
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
        if doc.stop(k) and not (w in _CONNECTORS and kind != "title"):
            break
        if k in doc.known or (doc.pers is not None and k in doc.pers):
            break
        if k in doc.role_start and not (kind == "source" and w in _SOURCE_ADJ):
            break
        if k in doc.nat_tok or k in doc.place_tok:  # الفرنسي، كوريا الشمالية
            if not (after_connector and aff == "-") and w not in _AMBIGUOUS_NAT:  # not a topic, not «المالية»
                nat = nat or (k, doc.nat_tok.get(k) or doc.place_tok[k])
            end, k, pending = k, k + 1, False
            last_def = w.startswith("ال") or k - 1 in doc.place_tok
            continue
        if w in _CONNECTORS:
            pending = after_connector = True
            k += 1
            continue
        if w in _AL_FIRST_NAMES and k + 1 < doc.n and doc.gap(k + 1) == " " and not doc.stop(k + 1):
            break  # رئيس الحكومة الحبيب الصيد
        if w.startswith(("ال", "لل", "بال")) or (last_def and re.match(r"^[وف](?:ال|لل|بال)", w)):
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


def _name_run(doc: _Doc, k: int, closed: bool, after_title: bool = False) -> tuple[int, int] | None:
    """A name starting at token k: words that are not function words, verbs, actors, roles or adjectives."""
    if k >= doc.n:
        return None
    if k in doc.known:
        return (k, doc.known[k][0])
    if doc.pers is not None:
        return (k, doc.pers[k]) if k in doc.pers else None
    if doc.not_name(k, first=True, closed=closed):
        return None
    j = k
    while j + 1 < doc.n and j - k < 4 and doc.gap(j + 1) == " ":
        if doc.not_name(j + 1, first=False):
            break
        j += 1
    if closed and j + 1 < doc.n and doc.gap(j + 1) == " " and not doc.stop(j + 1):
        return None  # after "role، " the name ends at punctuation or a function word: role، NAME، ...
    if doc.words[k].startswith("ال") and doc.words[k] not in _AL_FIRST_NAMES and j == k:
        return None
    if (j == k and not closed and not after_title and j + 1 < doc.n and doc.gap(j + 1) == " "
            and not doc.stop(j + 1)):
        return None  # a lone word after a role is a name only when something clearly ends it
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
                 pers_spans: list[tuple[int, int]] | None = None) -> list[PersonMention]:
    """People in `text`, sorted by start. `pers_spans`: (start, end) PERS spans from a tagger, if any."""
    sc = scan(text, norm)
    d = dictionary()
    if not (sc.by_kind.get("R") or sc.by_kind.get("P") or sc.by_kind.get("Q") or pers_spans):
        return []
    doc = _Doc(sc, link(sc), d, pers_spans)
    found: list[_P] = []
    consumed_titles: set[int] = set()
    done_until = -1
    for a, b, data, char_start in doc.roles:
        if a in consumed_titles or a <= done_until:
            continue
        p = _parse_role(doc, a, b, data, char_start)
        done_until = p.role[1]
        k = p.role[1] + 1
        if k < doc.n and data[0] != "source":
            gap = doc.gap(k)
            closed = gap.strip() in ("،", ",")
            title = doc.role_start.get(k)
            if title is not None and title[1][0] == "title":
                t_end = title[0]  # المتحدث باسم الجيش العقيد أحمد المسماري; وزير التربية، الدكتور طارق شوقي
                if t_end + 1 < doc.n and doc.gap(t_end + 1) == " ":
                    name = _name_run(doc, t_end + 1, closed, after_title=True)
                    if name is not None:
                        consumed_titles.add(k)
                        p.role, p.name, p.how = (p.role[0], t_end), name, "role+name"
            elif gap == " " or closed:
                name = _name_run(doc, k, closed, after_title=data[0] == "title")
                if name is not None:
                    p.name, p.how = name, "role+name"
        if p.name is None and data[0] != "source":
            before = _name_before(doc, a)
            if before is not None:
                p.name, p.country_tok = before
                p.how = "name+role"
        if p.name is None:
            if data[0] == "title":
                continue
            if p.role == (a, b) and (data[0] == "source" or " ".join(doc.words[a:b + 1]) in _LOW_INFO_HEADS):
                continue  # a bare head (المصدر، المسؤول) says too little
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
        for rng in (p.role, p.name):
            if rng:
                covered.update(range(rng[0], rng[1] + 1))
    for start, (stop, pid, _kind) in sorted(doc.known.items()):  # well-known people named without a role
        if start in covered:
            continue
        found.append(_P(None, (start, stop), None, "-", None, None, None, pid, f"known:{pid}"))
        covered.update(range(start, stop + 1))
    if doc.pers is not None:
        for start, stop in sorted(doc.pers.items()):
            if start not in covered:
                found.append(_P(None, (start, stop), None, "-", None, None, None, None, "ner"))
                covered.update(range(start, stop + 1))
    spans = [_char_span(doc, p) for p in found]
    found.extend(_surname_links(doc, found, spans))
    found.sort(key=lambda p: _char_span(doc, p)[0])
    return _emit(sc, d, doc, found)


def _char_span(doc: _Doc, p: _P) -> tuple[int, int]:
    """The view span of a found person: role and name together."""
    if p.chars is not None:
        return p.chars
    starts, ends = [], []
    if p.role:
        starts.append(p.char_start if p.char_start is not None else doc.toks[p.role[0]][0])
        ends.append(doc.toks[p.role[1]][1])
    if p.name:
        starts.append(doc.toks[p.name[0]][0])
        ends.append(doc.toks[p.name[1]][1])
    return min(starts), max(ends)


_SURNAME_PREFIX = "(?:[وف]?ل?)"


def _surname_links(doc: _Doc, found: list[_P], spans: list[tuple[int, int]]) -> list[_P]:
    """Later mentions of a found name's last word (وقال لودريان، وذكر الغصري), or of the whole name again."""
    surnames: dict[str, _P] = {}
    for p in found:
        if p.name is None or p.pid is not None or p.name[1] == p.name[0]:
            continue
        last = doc.words[p.name[1]]
        if len(last) >= 3 and last not in _FIRST_NAMES and last not in _STOP:
            surnames.setdefault(last, p)
    if not surnames:
        return []
    text = doc.text
    pattern = re.compile(r"(?<![^\W_])" + _SURNAME_PREFIX + "(" + "|".join(map(re.escape, surnames)) + r")(?![^\W_])")
    out = []
    taken = list(spans)
    for m in pattern.finditer(text):
        target = surnames[m.group(1)]
        s, e = m.start(1), m.end(1)
        if s <= _char_span(doc, target)[1] or any(a < e and s < b for a, b in taken):
            continue
        full = " ".join(doc.words[target.name[0]:target.name[1] + 1])
        head = full[: -len(m.group(1))]
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
    for opening, closer in (("“", "”"), ("«", "»"), ('"', '"')):
        unbalanced = (segment.count(opening) % 2 == 1 if opening == closer
                      else segment.count(opening) > segment.count(closer))
        if unbalanced and end < len(original) and original[end] == closer:
            return end + 1
    return end
