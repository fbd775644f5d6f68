"""Choosing the place each mention means, and reading relative descriptions around it.

The article is resolved in passes over the non-overlapping hits of `rasd.places.match`:

1. **Context.** Unambiguous signals vote for countries: country names (2), nationality adjectives (1), places and
   regions whose every reading lies in one country (1, or 0.5 for small towns; foreign towns under a million do
   not vote). A form never counts its own votes when it is judged (a repeated small-town name cannot make its own
   context). The votes are the article's country context.
2. **Acceptance.** The word before the hit is a *strong* cue when it is a preposition or place noun (في، إلى،
   من، قرب، شمال …, «مدينة/بلدة/قرية/مخيم/معتمدية X» without the article, «العاصمة X»; «دولة/حكومة/رئيس/بين/مع …»
   for country names only); an attached ب is a *weak* cue («بقفصة»). Stop-list rules
   (rasd/data/place_stopwords.tsv):
   - `never`: not a place;
   - `locative`: needs a strong cue, a list of places («النيجر ومالي»), a weak cue plus context, or context;
   - `locative_strict` (مالي، صور …): as `locative`, but context alone is enough only at a clause start;
   - `no_adjective` (الساحل، الضفة، الصعيد): as `locative`, and never when an adjective follows
     («الساحل الغربي», «الضفة التشادية», «على الصعيد الدولي»);
   - `nationality_head` (المالي، المالية …): a nationality only after a strong head noun (الجيش، الجنود،
     الرئيس …; clitics allowed: «للجيش المالي»), or after a weak head (السلطات، الحكومة، الدولة …) in an
     article about that country; otherwise the ordinary word («الوضع المالي», «وزارة المالية»).
   Forms that news text uses mostly as ordinary words (gazetteer/common_words.tsv) need a strong cue and a
   context country. Outside the context, a town needs a cue and 20,000 inhabitants (300,000 abroad), or to be a
   capital or a city of 300,000 (2 million abroad), or to be a focus-country town of any size right after a
   locative word («قرب تساليت») when no other country has a town of that name; inside it, a small foreign town
   needs «مدينة …» or a long name. «بين X وY» with Y a town of X's country is a locative cue; «ميناء/مطار/قضاء/
   ناحية/بلدية X» name a town; «مدينة X» lets a focus-country town through even when X is a common word.
3. **Choice.** A nationality adjective beats a town spelled the same («السويدية»). A country name beats a town of
   that name unless the text says «مدينة/العاصمة …» or «تونس العاصمة»; a foreign city of 500,000 wins over the
   country when its own country leads the context («عمان» in an article about Jordan). A region beats a town; a
   town beats an admin-1 unit named without its prefix word (unless «ولاية/محافظة …» precedes). Towns are ranked
   by log population + 3 × the country's context share (1 × abroad) + 1 for a capital − 1 for a foreign town
   outside the context + nearness (≤ 300 km) to the places already accepted. After «مدينة/بلدة …», a town
   outside the context yields to a Latin-skeleton match in the context countries («بلدة ليري» in a Mali story).
4. **Relative forms.** «450 كلم شرق X», «على بعد 20 كيلومترا من X», «إلى الشمال من X» (distance, direction; the
   point is projected from X, or is the town just before when the phrase describes it: «سرت (450 كلم شرق
   طرابلس)»), «شمال/جنوب شرق X» (precision 2 for a town, 3 for a country: the population-weighted centre of
   that part of the country), «قرب/بالقرب من/ضواحي/أطراف/محيط/ريف X» (precision 2), «الحدود مع X» and «الحدود
   بين X وY» and «الحدود الليبية التونسية» (precision 3, a point on the shared border; the own side is the
   nearest other country named in the sentence, else the article's leading one), and districts «حي/حارة/ضاحية X»
   (the town the passage is about, precision 2, even when X is in no gazetteer; a town named only as a distance
   reference is passed over).
5. **Fallback.** After «مدينة/بلدة/قرية/منطقة/مخيم …» an unknown word is compared, as a consonant skeleton, with
   the GeoNames Latin names of the places in the article's main focus countries (exact, or one edit for
   skeletons of five letters and towns with no Arabic name in GeoNames), and must also read close to the
   name with its vowels («ديورا» is Dioura, not Diourou). A province or town named right after it («بلدة
   موبي بولاية أداماوا», «قرية X جنوب الموصل») anchors the match: only towns of that province or within
   150 km count, the nearest first, and then two consonants are enough; with no anchor, three at least.
   A street or road named after a city abroad («طريق مكة المكرمة» in Mogadishu) is no place.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rasd.normalize import NormText, normalize
from rasd.places.gazetteer import FOCUS, Entry, Gazetteer, get_gazetteer, haversine_km, norm_name
from rasd.places.match import Hit, longest_hits, scan
from rasd.segment import CLAUSE_BREAK, sentence_spans, split_proclitics

__all__ = ["PlaceMention", "resolve_article", "latin_skeleton", "arabic_skeleton", "DIRECTIONS"]


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place mention: ORIGINAL-text offsets, the text as written, its kind and its records.md location."""

    start: int
    end: int
    text: str
    kind: str  # country | admin1 | city | region | district | relative | nationality
    location: dict


# ---------------------------------------------------------------------------------------------------------------
# word lists (normalised spelling)
def _n(words: str) -> frozenset[str]:
    return frozenset(norm_name(w) for w in words.split())


LOCATIVE = _n("في من إلى الى عن نحو داخل خارج قرب مدينة بلدة قرية منطقة ولاية محافظة إقليم عاصمة العاصمة "
              "ضواحي أطراف محيط شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي مخيم بلدات قرى مدن مناطق مقاطعة "
              "أنحاء ريف مشارف باتجاه اتجاه بلدية صحراء ميناء مطار معسكر")
# words that govern a country name («دولة مالي», «رئيس مالي», «بين مالي والنيجر»): locative for countries only
GOVERNING = _n("دولة دول جمهورية حكومة جيش حدود أراضي أرض سلطات رئيس بين مع ضد لدى حتى")
PLACE_CUES = _n("مدينة بلدة قرية مدينتي بلدتي قريتي مدن بلدات قرى مخيم العاصمة عاصمة معتمدية بلدية ميناء مطار "
                "قضاء ناحية")
ADMIN_CUES = _n("ولاية محافظة إقليم مقاطعة شعبية منطقة جهة مديرية محافظ")  # محافظ: «محافظ صلاح الدين», its governor
STRONG_HEADS = _n("الجيش جيش الجنود جنود جندي الجندي القوات قوات الرئيس رئيس الرئاسة الشعب شعب الجنرال "
                  "المتمردين المتمردون الحدود حدود الأراضي أراضي العاصمة عاصمة الشمال الجنوب الشرق الغرب "
                  "الوسط شمال جنوب شرق غرب وسط الطوارق الدرك الأمن الشرطة نظيره نظيرته الخارجية "
                  "الدفاع الداخلية البرلمان المعارضة المواطنين المواطنون مواطنين مواطن المواطن اللاجئين لاجئين "
                  "المسلحين مسلحين الجماعات المدينة مدينة البلدة بلدة القرية قرية الولاية المناطق مناطق "
                  "المجلس مجلس الانقلاب الانقلابيين المجلس العسكري الطيران سلاح الجو الحرس "
                  "الجيوش جيوش ضباط الضباط عناصر السفير السفارة سفارة الرئيسة الحاكم السلطة الرئيسي "
                  "الدولة دولة الجمهورية جمهورية الحكومة حكومة السلطات سلطات المنتخب البحرية")
WEAK_HEADS = _n("الأزمة أزمة المؤسسات القطاع السوق الأسواق النظام الجهات الهيئات الهيئة")
STRONG_HEADS = STRONG_HEADS - _n("الدولة دولة الجمهورية جمهورية الحكومة حكومة السلطات سلطات السلطة")
WEAK_HEADS = WEAK_HEADS | _n("الدولة دولة الجمهورية جمهورية الحكومة حكومة السلطات سلطات السلطة")
FUNC = _n("الذي التي الذين اللذين اللتين اللاتي من في على الى إلى عن مع و أو ثم حيث كما قد لقد لا لم لن "
          "ما هذا هذه ذلك تلك هو هي هم كان كانت يكون تكون بعد قبل منذ حتى خلال عند لدى بين وسط أمس اليوم")
ADJ_NOT_NAME = _n("كبيرة صغيرة جديدة قديمة واحدة أخرى قريبة بعيدة مجاورة نائية استراتيجية مهمة ساحلية حدودية "
                  "رئيسية صحراوية جبلية ريفية حيوية كاملة عدة مختلفة")

DIRECTIONS = {"شمال": "N", "جنوب": "S", "شرق": "E", "غرب": "W", "وسط": "C"}
_DIR_WORD = r"(?:ال)?(?:شمال|جنوب|شرق|غرب)ي?"
_DIR = (r"(?P<dir>(?:اقصي\s+)?(?:ال)?(?:شمال|جنوب)ي?(?:\s*(?:ال)?(?:شرق|غرب)ي?)?|(?:اقصي\s+)?" + _DIR_WORD
        + r"|وسط)")
_UNIT = r"(?P<unit>كيلو\s?مترا?ت?|كيلومترا?ت?|كلم|كم|ميلا?|اميال)"
_NUM = r"(?P<num>\d+(?:[.,]\d+)?)"
# «450 كلم شرق طرابلس», «(450 شرق العاصمة طرابلس)», «على بعد 20 كلم إلى الشمال من X», «شمال X», «وسط X»
_PLACE_NOUN = r"(?:عاصمه|مدينه|بلده|قريه|قضاء|ناحيه|ميناء|مطار|معسكر|مديريه|منطقه|محافظه|ولايه|اقليم)"
_REL_RE = re.compile(
    r"(?<![\w])(?:(?:علي\s+)?(?:بعد\s+)?(?:نحو\s+|حوالي\s+)?" + _NUM + r"\s*" + _UNIT + r"?\s*(?:الي\s+)?)?"
    r"(?:[وف]?[بل]?)" + _DIR + r"\s+(?:من\s+)?(?P<cap>[لب]?(?:ال)?" + _PLACE_NOUN + r"\s+(?:\w+\s+)?)?#?$")
_DIST_RE = re.compile(r"(?<![\w])(?:علي\s+)?(?:بعد\s+)?(?:نحو\s+|حوالي\s+)?" + _NUM + r"\s*" + _UNIT +
                      r"\s+(?:من\s+|عن\s+)?(?P<cap>(?:ال)?" + _PLACE_NOUN + r"\s+(?:\w+\s+)?)?$")
_NEAR_RE = re.compile(
    r"(?<![\w])(?P<near>(?:[وف]?ب?)القرب\s+من|(?:[وف]?)قرب|قريبا?\s+من|قريبه\s+من|(?:[وف]?)علي\s+مقربه\s+من|"
    r"(?:[وف]?ب?(?:ال)?)(?:ضواحي|اطراف|محيط)(?:\s+ال(?:شمالي|جنوبي|شرقي|غربي)ه)?|(?:[وف]?)(?:علي\s+)?مشارف|"
    r"(?:[وف]?ب?)جوار|(?:[وف]?ب?)ضاحيه|(?:[وف]?ب?)ريف)\s+"
    r"(?P<cap>[لب]?(?:ال)?" + _PLACE_NOUN + r"\s+(?:\w+\s+)?)?[لب]?#?$")
_BORDER_RE = re.compile(
    r"(?<![\w])(?P<near>(?:(?:[وف]?ب?)القرب\s+من|(?:[وف]?)قرب|(?:[وف]?)علي|(?:[وف]?)عند|(?:[وف]?)علي\s+مقربه\s+من)"
    r"\s+)?(?P<what>(?:[وف]?[بل]?ال)?(?:حدود|شريط\s+الحدودي|مناطق\s+الحدوديه|منطقه\s+الحدوديه|حدوديه)"
    r"(?:\s+المشتركه)?)\s+(?P<prep>مع|بين)\s+(?:دوله\s+|جارتها\s+)?$")
_BORDER_ADJ_RE = re.compile(r"(?<![\w])(?P<near>(?:(?:[وف]?ب?)القرب\s+من|(?:[وف]?)قرب|(?:[وف]?)علي)\s+)?"
                            r"(?P<what>(?:[وف]?[بل]?ال)?حدود)\s+$")
_DISTRICT_RE = re.compile(r"(?<![\w])(?P<cl>[وف]?[بل]?)(?P<cue>حي|حاره|ضاحيه)\s+(?P<w1>[\u0621-\u064A]{2,})"
                          r"(?:\s+(?P<w2>ال[\u0621-\u064A]{2,}))?")
_FALLBACK_RE = re.compile(r"(?<![\w])(?:[وف]?[بل]?)(?:مدينه|بلده|قريه|بلدات|قري|مدن|منطقه|مخيم|مقاطعه)\s+"
                          r"(?P<w>[\u0621-\u064A]{3,})")
# a relative form needs one of these stems (or a digit) in the few words before the place: a cheap pre-filter
_REL_TRIGGER = re.compile(r"\d|شمال|جنوب|شرق|غرب|وسط|قرب|قريب|ضواحي|اطراف|محيط|مشارف|جوار|ضاحيه|مقربه|حدود|بعد|ريف")
_STOP_PUNCT = re.compile(r"[.!?؟\n:;؛«»\"“”()\[\]]")
_WORDS = re.compile(r"\w+")
_BEARING = {"N": 0, "NE": 45, "E": 90, "SE": 135, "S": 180, "SW": 225, "W": 270, "NW": 315}


def _readings(word: str) -> set[str]:
    """A word and its stems without proclitics («للجيش» -> {للجيش, جيش, الجيش})."""
    out = {word}
    for p, stem in split_proclitics(word):
        out.add(stem)
        if p.endswith("لل") or p.endswith("ال"):
            out.add("ال" + stem)
    return out


def _direction(word: str) -> str:
    w = re.sub(r"(?:^|(?<=\s))ال", "", word.replace("اقصي", "")).replace(" ", "")
    out = "".join(v for k, v in DIRECTIONS.items() if k in w)
    return {"EN": "NE", "WN": "NW", "ES": "SE", "WS": "SW"}.get(out, out)


# ---------------------------------------------------------------------------------------------------------------
# skeletons for the Latin-name fallback
_AR_SKEL = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "k", "ح": "", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s",
    "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "k", "ف": "f", "ق": "k", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "", "و": "", "ي": "", "ا": "", "ء": "", "ئ": "", "ؤ": "", "پ": "b", "ڤ": "f",
    "گ": "k", "چ": "s", " ": ""})
# the skeleton's consonants for a reading that keeps vowels (vowel letters are mapped before)
_AR_SKEL_KEEP = {k: v for k, v in _AR_SKEL.items() if v}
_LAT_DIGRAPHS = (("tch", "ts"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("kh", "k"), ("gh", "k"), ("dj", "k"),
                 ("dh", "d"), ("th", "t"), ("ph", "f"), ("ck", "k"), ("qu", "k"))
_LAT_MAP = str.maketrans({"q": "k", "g": "k", "j": "k", "c": "k", "x": "ks", "p": "b", "v": "f", "h": "", "a": "",
                          "e": "", "i": "", "o": "", "u": "", "y": "", "w": "", "'": "", "’": "", "`": "", " ": "",
                          "-": ""})
# «نيويورك تايمز», «واشنطن بوست»: a place that names a newspaper is no place of the news (normalised forms)
_OUTLET_TAILS = frozenset({"تايمز", "تايم", "بوست", "جورنال", "تريبيون", "هيرالد", "تلغراف", "كرونيكل", "غلوب"})
_STREET_NOUNS = frozenset({"شارع", "طريق", "جاده", "ساحه", "ميدان", "بشارع", "بطريق", "وشارع", "وطريق", "بساحه",
                           "بميدان", "الشارع", "الطريق"})  # normalised forms
_NON_ALPHA = re.compile(r"[^a-z' \-’`]")


def _collapse(s: str) -> str:
    out = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _latin_letters(name: str) -> str:
    """A Latin name in lower case without accents or signs, its digraphs made one letter («Djibo» -> «kibo»)."""
    import unicodedata

    s = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    s = _NON_ALPHA.sub("", s)
    for a, b in _LAT_DIGRAPHS:
        s = s.replace(a, b)
    return s


def latin_skeleton(name: str) -> str:
    """Consonant skeleton of a Latin name: «Tessalit» -> «tslt», «Aguelhok» -> «klk»."""
    s = re.sub(r"c(?=[ei])", "s", _latin_letters(name))
    return _collapse(s.translate(_LAT_MAP))


def arabic_skeleton(word: str) -> str:
    """Consonant skeleton of a normalised Arabic name in the same alphabet: «تساليت» -> «tslt»."""
    w = word[:-1] if word.endswith("ه") else word
    w = w.replace("دج", "ج")  # «دجيبو» = Djibo, like Latin «dj»
    return _collapse(w.translate(_AR_SKEL))


def arabic_skeletons(word: str) -> tuple[str, ...]:
    """The skeletons a name may have in Latin: «تش» is French «tch» (Tchad) or English «ch» (Chibok)."""
    first = arabic_skeleton(word)
    if "تش" not in word:
        return (first,)
    return first, arabic_skeleton(word.replace("تش", "ش"))


_AR_VOWELLED = str.maketrans({"ا": "a", "و": "u", "ي": "i", "ى": "a", "ء": "", "ئ": "", "ؤ": "", "ع": "", "ح": "",
                              "ه": "a", " ": ""})
_LAT_CONSONANTS = str.maketrans({"q": "k", "g": "k", "j": "k", "c": "k", "x": "ks", "p": "b", "v": "f"})
_LAT_VOWELS = str.maketrans({"o": "u", "e": "i", "y": "i", "w": "u", "h": "", "'": "", "’": "", "`": "", " ": "",
                             "-": ""})


def vowelled_forms(word: str) -> tuple[str, ...]:
    """A rough Latin reading of a normalised Arabic name, long vowels kept: «ديورا» -> «diura»."""
    return tuple(dict.fromkeys(_collapse(w.translate(_AR_VOWELLED).translate(_AR_SKEL_KEEP))
                               for w in (word, word.replace("تش", "ش"))))


def latin_vowelled(name: str) -> str:
    """A Latin name in the alphabet of `vowelled_forms`: «Dioura» -> «diura», «Mubi» -> «mubi»."""
    s = _latin_letters(name).replace("ou", "u")
    return _collapse(s.translate(_LAT_VOWELS).translate(_LAT_CONSONANTS))


def reading_similarity(word: str, name: str) -> float:
    """How close an Arabic name reads to a Latin one, 0 … 1 (vowels count, unlike the skeleton)."""
    return _closest_reading(vowelled_forms(word), (name,))


def _closest_reading(forms: tuple[str, ...], names) -> float:
    """The best similarity between readings of an Arabic name and any of the Latin `names`."""
    from rapidfuzz.fuzz import ratio

    return max(ratio(v, latin_vowelled(n)) for n in names for v in forms) / 100


def _skeleton_ids(index: dict[str, list[int]], word: str) -> tuple[str, list[int] | None]:
    """The first of `word`'s skeletons that names towns in `index`, with them (else its first skeleton). A long
    word with few consonants left («هاولواداغ» -> «ldk») says too little to match."""
    forms = arabic_skeletons(word)
    # (three consonants at least: the index holds two-consonant keys for the anchored fallback only)
    return next(((sk, index[sk]) for sk in forms if len(sk) >= 3 and sk in index and len(word) <= 2 * len(sk) + 1),
                (forms[0], None))


# ---------------------------------------------------------------------------------------------------------------
@dataclass
class _Span:
    """A kept hit on its way to a mention (normalised-text offsets)."""

    hit: Hit
    entries: list[Entry]
    kind: str = ""
    entry: Entry | None = None
    loc: dict | None = None
    note: str = ""
    candidates: list = field(default_factory=list)


class _Article:
    def __init__(self, norm: NormText, gaz: Gazetteer, country_hint: str | None = None):
        self.norm, self.t, self.g = norm, norm.text, gaz
        self._sents: list[tuple[int, int]] | None = None
        self.hint = country_hint
        self.ctx: Counter = Counter()
        self.own_votes: dict[str, Counter] = defaultdict(Counter)  # form -> the votes it cast itself

    # -- small text helpers -----------------------------------------------------------------------------------
    def word_start(self, h: Hit) -> int:
        return h.start - len(h.prefix)

    def prev_words(self, pos: int, n: int = 2) -> list[str]:
        """Up to n words before `pos` (nearest last), stopping at sentence punctuation."""
        seg = self.t[max(0, pos - 40):pos]
        m = _STOP_PUNCT.search(seg[::-1])
        if m:
            seg = seg[len(seg) - m.start():]
        return _WORDS.findall(seg)[-n:]

    def next_words(self, pos: int, n: int = 2) -> list[str]:
        seg = self.t[pos:pos + 40]
        m = _STOP_PUNCT.search(seg)
        if m:
            seg = seg[:m.start()]
        return _WORDS.findall(seg)[:n]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        if self._sents is None:
            self._sents = sentence_spans(self.t)
            self._sent_starts = [s for s, _ in self._sents]
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        return self._sents[i] if i >= 0 else (0, len(self.t))

    def at_clause_start(self, pos: int) -> bool:
        before = self.t[max(0, pos - 3):pos].strip()
        return not before or before[-1] in ".!?؟:;؛،,«\"“(\n"

    # -- entry helpers ----------------------------------------------------------------------------------------
    def cc_of(self, e: Entry) -> tuple[str, ...]:
        g = self.g
        if e.kind in ("country", "nationality"):
            return (e.key,)
        if e.kind == "city":
            return (g.places[e.key].cc,)
        if e.kind == "admin1":
            return (g.admin1[e.key].cc,)
        return g.regions[e.key].countries

    def point_of(self, e: Entry) -> tuple[float, float] | None:
        g = self.g
        if e.kind == "city":
            p = g.places[e.key]
            return p.lat, p.lon
        if e.kind in ("country", "nationality"):
            c = g.countries.get(e.key)
            return (c.lat, c.lon) if c and c.lat is not None else None
        if e.kind == "admin1":
            a = g.admin1[e.key]
            return (a.lat, a.lon) if a.lat is not None else None
        r = g.regions[e.key]
        return r.lat, r.lon

    # -- pass 1: context --------------------------------------------------------------------------------------
    def context(self, spans: list[_Span]) -> None:
        ctx: Counter = Counter()
        own = self.own_votes
        for s in spans:
            rule = self.g.stop_rules.get(s.hit.form)
            if rule in ("locative", "locative_strict", "nationality_head") or s.hit.form in self.g.common:
                continue
            kinds = {e.kind for e in s.entries}
            if "country" in kinds:
                ccs = {e.key for e in s.entries if e.kind == "country"}
                if any(e.kind == "city" and self.g.places[e.key].cc not in ccs
                       and self.g.places[e.key].population >= 500000 for e in s.entries):
                    continue  # «عمان»: Oman or Amman; let the rest of the article decide
                for cc in ccs:
                    ctx[cc] += 2
                    own[s.hit.form][cc] += 2
                continue
            if kinds == {"nationality"}:
                ctx[s.entries[0].key] += 1
                own[s.hit.form][s.entries[0].key] += 1
                continue
            ccs = {c for e in s.entries for c in self.cc_of(e)}
            if len(ccs) == 1:
                cc = next(iter(ccs))
                if cc not in FOCUS and not any(e.kind == "city" and self.g.places[e.key].population >= 1_000_000
                                               for e in s.entries):
                    continue  # small foreign towns are too often ordinary words or names to vote
                big = any(e.kind != "city" or self.g.places[e.key].population >= 50000 for e in s.entries)
                ctx[cc] += 1 if big else 0.5
                own[s.hit.form][cc] += 1 if big else 0.5
        if self.hint:
            ctx[self.hint] += 5
        self.ctx = ctx

    def ctx_score(self, cc: str, form: str | None = None) -> float:
        """The country's share of the article's votes (0..1), not counting the votes `form` cast itself."""
        if not self.ctx:
            return 0.0
        top = max(self.ctx.values())
        v = self.ctx.get(cc, 0) - (self.own_votes[form].get(cc, 0) if form else 0)
        return max(0.0, v) / top if top else 0.0

    def votes_elsewhere(self, cc: str, form: str) -> float:
        """The country's votes from other names than this one and the longer names holding it («مكة» in
        «مكة المكرمة»)."""
        return self.ctx.get(cc, 0) - sum(v.get(cc, 0) for f, v in self.own_votes.items() if form in f.split(" ")
                                         or f.startswith(form + " ") or f == form)

    def ctx_votes(self, cc: str, form: str | None = None) -> float:
        return self.ctx.get(cc, 0) - (self.own_votes[form].get(cc, 0) if form else 0)

    # -- pass 2: acceptance and choice ------------------------------------------------------------------------
    def decide(self, s: _Span, accepted: list[_Span]) -> bool:
        g, h = self.g, s.hit
        form = h.form
        ws = self.word_start(h)
        prev = self.prev_words(ws, 2)
        prev1 = prev[-1] if prev else ""
        rule = g.stop_rules.get(form)
        nxt = self.next_words(h.end, 1)
        if nxt and nxt[0] in _OUTLET_TAILS:
            s.note = f"part of an outlet's name («… {nxt[0]}»)"
            return False
        if prev1 in _STREET_NOUNS and not any(self.votes_elsewhere(cc, form) >= 1 or set(self.ctx) == {cc}
                                              for e in s.entries for cc in self.cc_of(e)):
            # «طريق مكة المكرمة» in Mogadishu: a street named after a city of a country the story names no more
            # (a road named after the story's only town, «قطع محتجون طريق الموصل», stays)
            s.note = f"a street named after a place abroad («{prev1} …»)"
            return False
        prs = _readings(prev1) if prev1 else set()
        # cue nouns count only without the article: «مدينة سرت», but «المدينة الساحلية» is noun + adjective
        cue_prs = {w for w in prs if not w.startswith("ال")} if not prev1.startswith(("ال", "وال", "بال", "فال")) \
            else set()
        if "العاصمه" in prs:
            cue_prs.add("العاصمه")  # «العاصمة طرابلس»: apposition
        pre = h.prefix[:-2] if h.prefix.endswith("ال") else h.prefix
        strong = bool(prs & LOCATIVE or cue_prs & (ADMIN_CUES | PLACE_CUES))  # a locative word before
        own_prep = "ب" in h.prefix or "ل" in h.prefix.replace("ال", "")  # the word carries its own ب/ل
        if strong and own_prep:
            strong = False  # «من لعنة»: a preposition before a word that carries its own ب/ل is no cue for it
        if not strong and prs & GOVERNING and any(e.kind == "country" for e in s.entries):
            strong = True
        weak = pre.endswith(("ب", "ل"))  # an attached preposition: «بحجة» is also "under the pretext"
        weak_in = pre.endswith("ب")  # «بقفصة» "in Gafsa"; «لسراب» is rather "to a mirage"
        in_list = self._in_list(s, accepted)
        if not strong and prev1 == "بين" and self._followed_by_place(h.end, self._ccs(s)):
            strong = True  # «الطريق بين دوري وأربيندا»

        # nationality adjectives («الجيش البوركيني»); they beat towns spelled the same («السويدية»)
        nat = [e for e in s.entries if e.kind == "nationality"]
        capital = g.countries[nat[0].key].capital_id if nat and "العاصمه" in prs and nat[0].key in g.countries \
            else None
        if capital is not None and capital in g.places:
            # «العاصمة الصومالية»: the capital of the country the adjective names
            s.kind, s.entry, s.note = "city", Entry("city", capital), "«العاصمة» + nationality adjective: its capital"
            return True
        others = [e for e in s.entries if e.kind not in ("nationality", "city")]
        if nat and not others and not (prs & PLACE_CUES and any(e.kind == "city" for e in s.entries)):
            cc = nat[0].key
            if rule == "nationality_head":
                heads = prs
                if heads & STRONG_HEADS or (heads & WEAK_HEADS and self.ctx.get(cc, 0) >= 1):
                    pass
                elif self._adj_chain_head(ws, cc):
                    pass
                else:
                    s.note = f"'{form}' read as an ordinary word (no head noun before it)"
                    return False
            s.kind, s.entry = "nationality", nat[0]
            s.note = "nationality adjective"
            return True

        entries = [e for e in s.entries if e.kind != "nationality"]
        if rule in ("locative", "locative_strict", "no_adjective"):
            ccs = {c for e in entries for c in self.cc_of(e)}
            has_ctx = any(self.ctx_votes(c, form) >= 1 for c in ccs)
            ok = strong or in_list or (weak and has_ctx)
            if not ok:
                if rule in ("locative", "no_adjective") and has_ctx:
                    ok = True
                elif rule == "locative_strict" and has_ctx and (self.at_clause_start(ws) or prev1 in FUNC):
                    ok = True
            if not ok:
                s.note = f"'{form}' needs locative context (stop-list rule {rule})"
                return False
        if rule == "no_adjective":
            nxt = self.next_words(h.end, 1)
            if nxt and nxt[0].startswith("ال") and nxt[0].endswith(("ي", "يه")):
                s.note = f"'{form}' followed by an adjective («الساحل الغربي»): an ordinary noun"
                return False

        city_cue = bool(cue_prs & PLACE_CUES) or (len(prev) == 2 and not prev[0].startswith("ال")
                                                   and bool(_readings(prev[0]) & PLACE_CUES))
        if city_cue and own_prep:
            city_cue = False  # «بلدة براوة» names the town Barawe, not «ب» + Rawah: a town noun takes no preposition
            cue_prs = cue_prs - PLACE_CUES
        admin_cue = bool(cue_prs & ADMIN_CUES)
        common = form in g.common and " " not in form

        # a country name, unless the text says it is the town
        countries = [e for e in entries if e.kind == "country"]
        nxt = self.next_words(h.end, 1)
        if countries and nxt and nxt[0] == "العاصمه":
            city_cue = True  # «تونس العاصمة»
        if countries and not (city_cue and any(e.kind == "city" for e in entries)):
            if len(countries) > 1:
                countries.sort(key=lambda e: -self.ctx_score(e.key))
            # «عمان»: the country Oman, or Amman when Jordan is the article's context
            towns = [e for e in entries if e.kind == "city" and g.places[e.key].population >= 500000
                     and g.places[e.key].cc not in {c.key for c in countries}
                     and self.ctx_score(g.places[e.key].cc) > self.ctx_score(countries[0].key)]
            if towns:
                s.kind, s.entry = "city", towns[0]
                s.note = "town of that name in the article's context country"
                return True
            s.kind, s.entry, s.note = "country", countries[0], "country name"
            return True
        regions = [e for e in entries if e.kind == "region"]
        if regions and not city_cue:
            s.kind, s.entry, s.note = "region", regions[0], "curated region"
            return True
        full_admin = [e for e in entries if e.kind == "admin1" and e.full]
        if full_admin:
            best = max(full_admin, key=lambda e: self.ctx_score(g.admin1[e.key].cc))
            s.kind, s.entry, s.note = "admin1", best, "admin-1 name with its prefix word"
            return True
        bare_admin = [e for e in entries if e.kind == "admin1"]
        cities = [e for e in entries if e.kind == "city"]
        # «صلاح الدين» is Iraq's province, not the small resort town of that name in Erbil: a town under 100,000
        # sharing a province's name but lying in another province of that country, far from this one's centre,
        # gives way (Kidal and Sirte lie in their namesakes; Sanaa, a city of millions, stays the city)
        cities = [c for c in cities if not any(self._town_elsewhere(g.places[c.key], g.admin1[a.key])
                                               for a in bare_admin)]
        if admin_cue and bare_admin:
            best = max(bare_admin, key=lambda e: self.ctx_score(g.admin1[e.key].cc))
            a_cc = g.admin1[best.key].cc
            # «منطقة بول» in a Chad story is the town Bol, not Congo's Pool department: a foreign unit outside the
            # article's countries yields to a focus-country town of that name
            if a_cc in FOCUS or self.ctx_votes(a_cc, form) >= 1 or self.hint == a_cc or \
                    not any(g.places[c.key].cc in FOCUS for c in cities):
                s.kind, s.entry, s.note = "admin1", best, "admin-1 name after a prefix word"
                return True
            bare_admin = []

        scored = []
        for e in cities:
            p = g.places[e.key]
            sc = math.log10(p.population + 10) + (3.0 if p.cc in FOCUS else 1.0) * self.ctx_score(p.cc, form)
            c = g.countries.get(p.cc)
            if c is not None and c.capital_id == p.id:
                sc += 1.0
            if p.cc not in FOCUS and self.ctx_score(p.cc) == 0:
                sc -= 1.0
            sc += self._proximity(p.lat, p.lon, accepted)
            scored.append((sc, e))
        for e in bare_admin:
            a = g.admin1[e.key]
            if any(g.places[c.key].cc == a.cc for c in cities):
                continue  # the town, not the province, when both share the name
            scored.append((3.0 + 3.0 * self.ctx_score(a.cc, form), e))
        if not scored:
            s.note = "no reading left"
            return False
        scored.sort(key=lambda x: -x[0])
        s.candidates = scored
        best = scored[0][1]
        cc = self.cc_of(best)[0]
        in_ctx = self.ctx_votes(cc, form) >= 1 or self.hint == cc
        if not in_ctx and cue_prs & PLACE_CUES and " " not in form:
            # «بلدة ليري» in an article about Mali: Léré (Mali, Latin name only) before Léré (Chad, Arabic name)
            alt = self._skeleton_in_context(form)
            if alt is not None:
                s.kind, s.entry = "city", alt
                s.note = "town named after «مدينة/بلدة…»: consonant skeleton matched in the article's country"
                return True
        pop = g.places[best.key].population if best.kind == "city" else 0
        is_capital = best.kind == "city" and g.countries.get(cc) is not None and g.countries[cc].capital_id == best.key
        letters = len(form.replace(" ", ""))
        if common:
            # «مدينة تدمر»: a cue noun right before a focus-country town is enough even for a word-like name
            named_town = city_cue and best.kind == "city" and cc in FOCUS and rule is None
            if not ((strong or in_list) and in_ctx) and not named_town:
                s.note = f"'{form}' is mostly an ordinary word in news text; no locative word and country context"
                return False
        # an attached ب before a focus-country name that is no ordinary word («بقفصة») is a locative cue too
        cued = strong or in_list or city_cue or (weak_in and not common and rule is None and letters >= 4
                                                 and cc in FOCUS)
        if in_ctx and best.kind == "city" and cc not in FOCUS and pop < 100_000 and not city_cue \
                and not (cued and letters >= 6):
            s.note = f"small foreign place ({pop}) not introduced as a town («مدينة/بلدة …»)"
            return False
        if not in_ctx:
            focus = cc in FOCUS
            need, big = (20_000, 300_000) if focus else (300_000, 2_000_000)
            if letters <= 3:
                need, big = need * 5, big * 5
            if best.kind == "admin1":
                if not (admin_cue or (strong and focus)):
                    s.note = "admin-1 name without prefix, outside the article's countries"
                    return False
            elif cue_prs & PLACE_CUES and (focus or pop >= need):
                pass  # «مدينة X», «بلدة X»: the text says it is a town (a small one abroad needs its country named)
            elif focus and strong and not common and rule is None and letters >= 4 and best.kind == "city" \
                    and len({g.places[e.key].cc for e in cities}) == 1:
                pass  # «قرب تساليت»: a locative word before the name of a small town, the only country it names
            elif not ((is_capital and (cued or not weak)) or pop >= big or (cued and pop >= need)):
                s.note = f"place of {pop} inhabitants outside the article's countries, without enough locative cue"
                return False
        s.kind, s.entry = ("city" if best.kind == "city" else "admin1"), best
        s.note = "ranked by population, context and proximity"
        return True

    @staticmethod
    def _town_elsewhere(p, a) -> bool:
        """A small town of the province's country, in another province, over 100 km from this one's centre."""
        return bool(p.cc == a.cc and p.ne_admin1 and p.ne_admin1 != a.iso and p.population < 100_000
                    and a.lat is not None and haversine_km(p.lat, p.lon, a.lat, a.lon) > 100)

    def _skeleton_in_context(self, word: str) -> Entry | None:
        """The most populous town of the article's main focus countries whose Latin name has `word`'s skeleton."""
        if len(arabic_skeleton(word)) < 3:
            return None
        for cc, w in self.ctx.most_common(3):
            if w < 1 or cc not in FOCUS:
                continue
            _, ids = _skeleton_ids(self.g.skeleton_index(cc), word)
            if ids:
                return Entry("city", max(ids, key=lambda k: self.g.places[k].population))
        return None

    def _adj_chain_head(self, ws: int, cc: str) -> bool:
        """«الجيش الليبي المالي»-style chains are rare; accept «… المالي» after a head plus one adjective."""
        prev = self.prev_words(ws, 2)
        return len(prev) == 2 and prev[0] in STRONG_HEADS and prev[1].startswith("ال") and self.ctx.get(cc, 0) >= 1

    def _in_list(self, s: _Span, accepted: list[_Span]) -> bool:
        """In a list of places: «النيجر وتشاد ومالي» (prefix و after a place) or followed by «و<place>»."""
        ws = self.word_start(s.hit)
        for a in reversed(accepted):
            if a.hit.end <= ws:
                gap = self.t[a.hit.end:ws]
                if s.hit.prefix.startswith("و") and gap.strip() in ("", "،", ",") and len(gap) <= 3:
                    return a.kind in ("country", "city", "region", "admin1")
                if gap.strip() in ("،", ","):
                    return a.kind in ("country", "city")
                break
        nxt = self.t[s.hit.end:s.hit.end + 3]
        return bool(re.match(r"\s*[،,]?\s*و", nxt)) and self._followed_by_place(s.hit.end, self._ccs(s))

    def _ccs(self, s: _Span) -> set[str]:
        return {c for e in s.entries if e.kind == "city" for c in self.cc_of(e)}

    def _followed_by_place(self, pos: int, town_ccs: set[str] = frozenset()) -> bool:
        """«… وتشاد», or «… وأربيندا» when that town lies in a country the candidate town could be in."""
        m = re.match(r"\s*[،,]?\s*و(\w+)", self.t[pos:pos + 30])
        if not m:
            return False
        w = m.group(1)
        for k in (w, *(st for _, st in split_proclitics(w))):
            for e in self.g.index.get(k, ()):
                if e.kind == "country" or (e.kind == "city" and k not in self.g.common
                                           and self.g.places[e.key].cc in town_ccs):
                    return True
        return False

    def _proximity(self, lat: float, lon: float, accepted: list[_Span]) -> float:
        best = 0.0
        for a in accepted[-12:]:
            if a.kind in ("city",) and a.entry is not None:
                p = self.g.places[a.entry.key]
                d = haversine_km(lat, lon, p.lat, p.lon)
                if d < 300:
                    best = max(best, 1.0 - d / 300)
        return best

    # -- location dicts -----------------------------------------------------------------------------------------
    def location(self, e: Entry, text: str, precision: int | None = None) -> dict:
        g = self.g
        if e.kind == "city":
            p = g.places[e.key]
            return {"text": text, "name": p.name_en, "name_ar": p.name_ar or None, "country": p.cc,
                    "admin1": (g.admin1[p.ne_admin1].name_en if p.ne_admin1 in g.admin1
                               else self.admin1_name(p.lat, p.lon, p.cc, p.admin1_code)), "lat": p.lat, "lon": p.lon,
                    "geonames_id": p.id if p.id > 0 else None, "precision": precision or 1}
        if e.kind in ("country", "nationality"):
            c = g.countries[e.key]
            return {"text": text, "name": c.name_en, "name_ar": c.name_ar, "country": c.iso2, "admin1": None,
                    "lat": c.lat, "lon": c.lon, "geonames_id": None, "precision": precision or 4}
        if e.kind == "admin1":
            a = g.admin1[e.key]
            return {"text": text, "name": a.name_en, "name_ar": a.name_ar, "country": a.cc or None, "admin1": a.name_en,
                    "lat": a.lat, "lon": a.lon, "geonames_id": a.gn_id, "precision": precision or 3}
        r = g.regions[e.key]
        return {"text": text, "name": r.name_en, "name_ar": r.name_ar,
                "country": r.countries[0] if len(r.countries) == 1 else None, "admin1": None,
                "lat": r.lat, "lon": r.lon, "geonames_id": None, "precision": precision or 3}

    def admin1_name(self, lat: float, lon: float, cc: str, gn_code: str = "") -> str | None:
        """Admin-1 name of a point: point-in-polygon in the focus countries, else GeoNames' admin-1 code."""
        key = (lat, lon, cc, gn_code)
        cache = self.g.admin1_cache
        if key in cache:
            return cache[key]
        g = self.g
        name = None
        if cc in FOCUS:
            iso = g.admin1_at(lat, lon, cc)
            if iso and iso in g.admin1:
                name = g.admin1[iso].name_en
        if name is None and gn_code:
            code = f"{cc}.{gn_code}"
            name = g.admin1_codes.get(code)
            if name is None and code in g.admin1_by_gn:
                name = g.admin1[g.admin1_by_gn[code]].name_en
        if len(cache) < 100_000:
            cache[key] = name
        return name

    def orig(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.norm.to_original(start, end)
        return s, e, self.norm.original[s:e]


# ---------------------------------------------------------------------------------------------------------------
def _destination(lat: float, lon: float, bearing_deg: float, km: float) -> tuple[float, float]:
    r = km / 6371.0
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)


def _part_of_country(g: Gazetteer, cc: str, direction: str) -> tuple[float, float] | None:
    """A point for «شمال/جنوب/وسط … البلد»: the population-weighted mean of the ten largest places in that part
    of the country (parts cut a tenth of the country's extent beyond its centre). The build script stores these
    points for the focus countries (gazetteer/parts.tsv), so this runs only for the others."""
    key = (cc, direction)
    if key in g.part_cache:
        return g.part_cache[key]
    c = g.countries.get(cc)
    out = None
    if c is not None and c.bbox:
        x0, y0, x1, y1 = c.bbox
        w, h = x1 - x0, y1 - y0
        allp = [p for p in g.places.every() if p.cc == cc and p.population > 0]
        tot = sum(p.population for p in allp) or 1
        # the centre: halfway between the bounding box's centre and the population-weighted centre
        cy = ((sum(p.lat * p.population for p in allp) / tot if allp else (y0 + y1) / 2) + (y0 + y1) / 2) / 2
        cx = ((sum(p.lon * p.population for p in allp) / tot if allp else (x0 + x1) / 2) + (x0 + x1) / 2) / 2

        def inside(p, m: float) -> bool:
            if direction == "C":
                return abs(p.lat - cy) < h / 6 and abs(p.lon - cx) < w / 6
            ok = True
            if "N" in direction:
                ok &= p.lat > cy + m * h
            if "S" in direction:
                ok &= p.lat < cy - m * h
            if "E" in direction:
                ok &= p.lon > cx + m * w
            if "W" in direction:
                ok &= p.lon < cx - m * w
            return ok

        pts = sorted((p for p in allp if inside(p, 0.1)), key=lambda p: -p.population)[:10] or \
            sorted((p for p in allp if inside(p, 0.0)), key=lambda p: -p.population)[:10]
        tot = sum(p.population for p in pts)
        if tot:
            out = (round(sum(p.lat * p.population for p in pts) / tot, 4),
                   round(sum(p.lon * p.population for p in pts) / tot, 4))
        else:
            kx = 0.75 if "E" in direction else 0.25 if "W" in direction else 0.5
            ky = 0.75 if "N" in direction else 0.25 if "S" in direction else 0.5
            out = (round(y0 + ky * h, 4), round(x0 + kx * w, 4))
    g.part_cache[key] = out
    return out


def resolve_article(text: str, norm: NormText | None = None, *, country: str | None = None,
                    gaz: Gazetteer | None = None, explain: list | None = None) -> list[PlaceMention]:
    """All place mentions of an article, resolved with article-level context, sorted by start."""
    gaz = gaz or get_gazetteer()
    norm = norm or normalize(text)
    art = _Article(norm, gaz, country)
    t = art.t
    hits = scan(t, gaz)
    kept, hidden = longest_hits(hits)
    spans = [_Span(h, gaz.index.get(h.form, [])) for h in kept]
    spans = [s for s in spans if s.entries]
    art.context(spans)

    accepted: list[_Span] = []
    for s in spans:
        ok = art.decide(s, accepted)
        if not ok:
            # a rejected long hit gives its hidden shorter hits a chance («X Y» rejected, «Y» may be a place)
            for h2 in hidden.get(s.hit, []):
                if any(h2.start < a.hit.end and a.hit.start < h2.end for a in accepted):
                    continue
                s2 = _Span(h2, gaz.index.get(h2.form, []))
                if s2.entries and art.decide(s2, accepted):
                    accepted.append(s2)
                    break
        else:
            accepted.append(s)
        if explain is not None:
            explain.append(s)
    accepted.sort(key=lambda s: s.hit.start)
    for s in accepted:  # accepted readings of context-dependent forms now count too (for districts, fallback)
        if s.entry is not None and (gaz.stop_rules.get(s.hit.form) or s.hit.form in gaz.common):
            for cc in art.cc_of(s.entry)[:1]:
                art.ctx[cc] += 2 if s.kind == "country" else 1

    mentions: list[tuple[int, int, str, dict]] = []  # normalised offsets
    consumed: set[int] = set()  # indexes of accepted spans folded into a larger mention
    for s in accepted:
        s.loc = art.location(s.entry, "", None)

    ref_points: set[int] = set()  # spans used only as the reference point of a distance («450 كلم شرق X»)
    _borders(art, accepted, mentions, consumed)
    _relatives(art, accepted, mentions, consumed, ref_points)
    _districts(art, accepted, mentions, consumed, ref_points)
    for i, s in enumerate(accepted):
        if i in consumed:
            continue
        mentions.append((s.hit.start, s.hit.end, s.kind, s.loc))
    _fallback(art, accepted, mentions)

    out = []
    mentions.sort(key=lambda m: (m[0], -m[1]))
    last_end = -1
    for start, end, kind, loc in mentions:
        if start < last_end:
            continue
        last_end = end
        os_, oe, otext = art.orig(start, end)
        loc = dict(loc)
        loc["text"] = otext
        if "anchor" in loc:
            a = dict(loc["anchor"])
            a_s, a_e, a_t = art.orig(a.pop("_start"), a.pop("_end"))
            a.update({"text": a_t, "start": a_s, "end": a_e})
            loc["anchor"] = a
        out.append(PlaceMention(os_, oe, otext, kind, loc))
    return out


def _districts(art: _Article, accepted: list[_Span], mentions: list, consumed: set, ref_points: set) -> None:
    """«حي X» → the town in context, precision 2 (X may be in no gazetteer)."""
    t = art.t
    for m in _DISTRICT_RE.finditer(t):
        w1, w2 = m.group("w1"), m.group("w2")
        if w1 in FUNC or w1.isdigit():
            continue
        prevw = art.prev_words(m.start(), 1)
        if prevw and prevw[-1] in _n("بث نقل كائن بشكل"):
            continue
        end = m.end("w1")
        if w2 and w2 not in FUNC and (w2.endswith(("يه", "ي")) or w1.startswith("ال")):
            end = m.end("w2")
        start = m.start("cue")
        # the town: the one the article is about near here (same sentence, mentioned often, mentioned before),
        # not one named only as a distance reference
        s0, s1 = art.sentence_of(start)
        freq = Counter(a.entry.key for a in accepted if a.kind == "city")
        pick, best = None, -1e9
        for i, a in enumerate(accepted):
            if a.kind != "city" or start <= a.hit.start < end:
                continue
            sc = freq[a.entry.key] + (3 if s0 <= a.hit.start < s1 else 0) + (1 if a.hit.start < start else 0)
            sc -= 3 if i in ref_points else 0
            sc -= abs(a.hit.start - start) / 10000
            if sc > best:
                pick, best = (i, a), sc
        if pick is None:
            continue
        city = pick[1]
        loc = art.location(city.entry, "", 2)
        for i, a in enumerate(accepted):
            if start <= a.hit.start < end:
                consumed.add(i)
        mentions.append((start, end, "district", loc))


def _anchor(art: _Article, s: _Span) -> dict:
    a = dict(s.loc)
    a["_start"], a["_end"] = s.hit.start, s.hit.end
    return a


def _borders(art: _Article, accepted: list[_Span], mentions: list, consumed: set) -> None:
    g, t = art.g, art.t
    for i, s in enumerate(accepted):
        if i in consumed or s.kind not in ("country", "nationality"):
            continue
        ws = art.word_start(s.hit)
        window = t[max(0, ws - 60):ws]
        if "حدود" not in window:
            continue
        if s.kind == "country":
            m = _BORDER_RE.search(window)
            if not m:
                continue
            start = ws - len(window) + m.start()
            anchor_span, end, own_cc = s, s.hit.end, None
            j = i + 1
            if m.group("prep") == "بين" and j < len(accepted) and accepted[j].kind == "country" and \
                    re.fullmatch(r"\s*و?", t[s.hit.end:art.word_start(accepted[j].hit)]) and accepted[j].hit.prefix:
                # «الحدود بين ليبيا وتونس»: the first country's side, anchored on the second
                own_cc, anchor_span, end = s.loc["country"], accepted[j], accepted[j].hit.end
                consumed.add(j)
        else:
            # «الحدود الليبية التونسية»: the first adjective's side, anchored on the second
            m = _BORDER_ADJ_RE.search(window)
            j = i + 1
            if not m or j >= len(accepted) or accepted[j].kind != "nationality" or \
                    t[s.hit.end:accepted[j].hit.start].strip():
                continue
            start = ws - len(window) + m.start()
            own_cc, anchor_span, end = s.loc["country"], accepted[j], accepted[j].hit.end
            consumed.add(j)
        anchor_cc = anchor_span.loc["country"]
        if own_cc is None:
            own_cc = _own_country(art, accepted, i, anchor_cc)
        own = g.countries.get(own_cc) if own_cc else None
        pt = g.borders.get(frozenset((own_cc, anchor_cc))) if own_cc else None
        if pt is None:
            src = own or g.countries.get(anchor_cc)
            pt = (src.lat, src.lon) if src else (None, None)
        cc = own_cc or anchor_cc
        c = g.countries.get(cc)
        loc = {"text": "", "name": f"{c.name_en} border area" if c else None, "name_ar": None, "country": cc,
               "admin1": art.admin1_name(pt[0], pt[1], cc) if pt[0] is not None else None,
               "lat": pt[0], "lon": pt[1], "geonames_id": None, "precision": 3,
               "anchor": _anchor(art, anchor_span), "distance_km": None, "direction": None}
        consumed.add(i)
        mentions.append((start, end, "relative", loc))


def _own_country(art: _Article, accepted: list[_Span], i: int, anchor_cc: str) -> str | None:
    """The side of the border the sentence is about: the nearest other country named in the sentence."""
    s0, s1 = art.sentence_of(accepted[i].hit.start)
    best, best_d = None, 1 << 30
    for j, a in enumerate(accepted):
        if j == i or not (s0 <= a.hit.start < s1):
            continue
        cc = a.loc.get("country")
        if not cc or cc == anchor_cc:
            continue
        d = abs(a.hit.start - accepted[i].hit.start) + (0 if a.hit.start < accepted[i].hit.start else 1000)
        if d < best_d:
            best, best_d = cc, d
    if best:
        return best
    for cc, _ in art.ctx.most_common():
        if cc != anchor_cc:
            return cc
    return None


def _relatives(art: _Article, accepted: list[_Span], mentions: list, consumed: set, ref_points: set) -> None:
    g, t = art.g, art.t
    for i, s in enumerate(accepted):
        if i in consumed or s.kind == "nationality":
            continue
        ws = art.word_start(s.hit)
        window = t[max(0, ws - 70):ws]
        if not _REL_TRIGGER.search(window, max(0, len(window) - 40)):
            continue
        m = _REL_RE.search(window)
        kind_m = "dir"
        if not m:
            m = _DIST_RE.search(window)
            kind_m = "dist"
        if not m:
            m = _NEAR_RE.search(window)
            kind_m = "near"
        if not m:
            continue
        start = ws - len(window) + m.start()
        direction = _direction(m.group("dir")) if kind_m == "dir" else None
        dist = None
        if kind_m in ("dir", "dist") and m.group("num"):
            dist = float(m.group("num").replace(",", "."))
            if m.group("unit") and ("ميل" in m.group("unit") or "اميال" in m.group("unit")):
                dist *= 1.609
            dist = round(dist, 1)
            if dist > 3000:
                dist = None
        anchor = _anchor(art, s)
        base = s.loc
        lat, lon, cc = base["lat"], base["lon"], base["country"]
        name_en = base["name"]
        if s.kind == "city" or (s.kind == "admin1" and dist):
            precision = 2
        else:
            precision = 3
        if direction == "C" and s.kind == "city":
            continue  # «وسط سرت»: the town itself
        if dist:
            ref_points.add(i)
        if direction and direction != "C" and dist and lat is not None:
            lat, lon = _destination(lat, lon, _BEARING[direction], dist)
            snapped = _describes_previous(art, accepted, i, start, lat, lon, dist)
            if snapped is not None:
                lat, lon = snapped
        elif direction and s.kind == "country" and not dist:
            part = _part_of_country(g, cc, direction)
            if part:
                lat, lon = part
        loc = {"text": "", "name": _rel_name(name_en, direction, dist, kind_m), "name_ar": None, "country": cc,
               "admin1": art.admin1_name(lat, lon, cc) if (lat is not None and cc) else None,
               "lat": lat, "lon": lon, "geonames_id": None, "precision": precision,
               "anchor": anchor, "distance_km": dist, "direction": direction}
        if s.kind == "region" and cc is None:
            loc["country"] = None
        consumed.add(i)
        mentions.append((start, s.hit.end, "relative", loc))


def _rel_name(anchor_name: str | None, direction: str | None, dist: float | None, how: str) -> str | None:
    if anchor_name is None:
        return None
    if how == "near":
        return f"near {anchor_name}"
    if how == "dist" and dist:
        return f"{dist:g} km from {anchor_name}"
    parts = []
    if dist:
        parts.append(f"{dist:g} km")
    if direction:
        parts.append({"C": "central"}.get(direction, direction))
    return " ".join(parts + ["of" if direction != "C" else "", anchor_name]).replace("  ", " ")


def _describes_previous(art: _Article, accepted: list[_Span], i: int, start: int, lat: float, lon: float,
                        dist: float):
    """«سرت (450 كلم شرق طرابلس)»: a bracketed description right after a town stands for that town."""
    t = art.t
    for j in range(i - 1, -1, -1):
        a = accepted[j]
        if a.hit.end > start:
            continue
        gap = t[a.hit.end:start]
        if a.kind == "city" and re.fullmatch(r"\s*[(،,\-–]?\s*(?:(?:ال)?واقعه\s+|التي\s+تقع\s+|تقع\s+)?", gap):
            p = art.g.places[a.entry.key]
            if haversine_km(lat, lon, p.lat, p.lon) <= max(150.0, 0.6 * dist):
                return p.lat, p.lon
        break
    return None


def _fallback(art: _Article, accepted: list[_Span], mentions: list) -> None:
    """Unknown words after «مدينة/بلدة/…»: match their consonant skeleton against Latin names in context.

    A finer place named right after it («بلدة موبي بولاية أداماوا», «قرية X جنوب الموصل») anchors the
    match: only towns of that province or within 150 km of that town count, the nearest wins, and then even a
    two-consonant skeleton («موبي» = Mubi) or a long word with few consonants is specific enough. With no
    anchor, the most populous town of the skeleton in the article's countries is taken, as before."""
    g, t = art.g, art.t
    ctx = [cc for cc, w in art.ctx.most_common(3) if w >= 2 and cc in FOCUS]
    if not ctx:
        return
    covered = [(m[0], m[1]) for m in mentions]
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    for m in _FALLBACK_RE.finditer(t):
        w = m.group("w")
        s, e = m.start("w"), m.end("w")
        if any(a < e and s < b for a, b in covered) or w in FUNC or w in ADJ_NOT_NAME or w.startswith("ال"):
            continue
        if w.endswith(("يه", "يين", "يون")) or w in g.index:
            continue
        anchors = _fallback_anchors(t, mentions, e)
        if anchors:
            best = _anchored_skeleton_match(art, w, anchors)
            if best is None:
                continue
        elif len(arabic_skeleton(w)) < 3:
            continue
        else:
            best = None
        for cc in ctx if best is None else ():
            idx = g.skeleton_index(cc)
            sk, ids = _skeleton_ids(idx, w)
            ids = [k for k in ids or () if _reads_like(g, w, k) >= _SIMILAR_READING[3]]
            if ids:
                cand = max(ids, key=lambda k: g.places[k].population)
                best = best or cand
                continue
            if len(sk) >= 5 and best is None:
                # one edit away, only towns GeoNames has no Arabic name for (an Arabic writer would use it)
                r = process.extractOne(sk, list(idx.keys()), scorer=Levenshtein.distance, score_cutoff=1)
                if r:
                    cands = [k for k in idx[r[0]] if not g.places[k].name_ar]
                    if cands:
                        best = max(cands, key=lambda k: g.places[k].population)
        if best is None:
            continue
        loc = art.location(Entry("city", best), "", 1)
        mentions.append((s, e, "city", loc))
        covered.append((s, e))


# how close a reading must be, by skeleton length: «ديورا»/Dioura 1.0 and «ديورا»/Diourou 0.8 share the two
# consonants «dr»; «اسديره»/Sadr City 0.43
_SIMILAR_READING = {2: 0.85, 3: 0.75}


def _reads_like(g: Gazetteer, word: str, k: int) -> float:
    """How close `word` reads to the closest of place `k`'s Latin names."""
    p = g.places[k]
    return _closest_reading(vowelled_forms(word), [n for n in {p.name_en, *p.latin.split("|")} if n])


def _fallback_anchors(t: str, mentions: list, end: int) -> list[dict]:
    """The towns, provinces and places near a town («جنوب الموصل») that describe the name ending at `end`:
    named within a few words after it («بلدة موبي بولاية أداماوا»), not countries nor parts of a country."""
    return [loc for ms, me, kind, loc in mentions if end <= ms <= end + 40 and not CLAUSE_BREAK.search(t, end, ms)
            and loc.get("lat") is not None
            and loc.get("country") in FOCUS and (kind in ("city", "admin1") or (kind == "relative" and (
                loc.get("precision") or 9) <= 2))]


def _anchored_skeleton_match(art: _Article, word: str, anchors: list[dict]) -> int | None:
    """The town with `word`'s skeleton, reading close to it (vowels too: «ديورا» is Dioura, not Diourou), nearest
    to a place named beside it: in a named province, or within 150 km of a named town. None when no such town
    has that skeleton (a populous namesake far away is no reading of a village named next to its province)."""
    g = art.g
    best, best_key = None, None
    for cc in dict.fromkeys(loc["country"] for loc in anchors):
        idx = g.skeleton_index(cc)
        for sk in arabic_skeletons(word):
            for k in idx.get(sk, ()) if len(sk) >= 2 else ():
                p = g.places[k]
                similar = _reads_like(g, word, k)
                if similar < _SIMILAR_READING[min(len(sk), 3)]:
                    continue
                for loc in anchors:
                    if loc["country"] != cc:
                        continue
                    km = haversine_km(p.lat, p.lon, loc["lat"], loc["lon"])
                    if loc.get("precision") == 3 and loc.get("admin1"):
                        if art.location(Entry("city", k), "", 1).get("admin1") != loc["admin1"]:
                            continue
                    elif km > 150:
                        continue
                    key = (-similar, km)
                    if best_key is None or key < best_key:
                        best, best_key = k, key
    return best
