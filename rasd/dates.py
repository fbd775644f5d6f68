"""Date expressions in Arabic news text, resolved to calendar dates.

`find_dates(text, published)` finds every date expression and resolves it, at the precision the text
gives, to the records.md date object:

- absolute dates in every Gregorian month convention — Egypt/Gulf (يناير … ديسمبر), Levant/Iraq (كانون
  الثاني … كانون الأول), Algeria/Tunisia (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت), Morocco (ماي، يوليوز، غشت،
  شتنبر، نونبر، دجنبر), Mauritania — with Western or Arabic-Indic digits (12 ماي 2016، ١٢ مايو ٢٠١٦، 2016/05/12,
  جوان 2015، عام 2011، الخامس من يونيو، منتصف أغسطس), and Hijri dates (15 رمضان 1437 هـ، رمضان 1437، رمضان 2016)
  converted with hijridate;
- relative dates, resolved against the publication date: days (اليوم، أمس، أول أمس، فجر اليوم، مساء أمس، يوم غد),
  weekdays (الثلاثاء → the latest Tuesday on or before publication; الثلاثاء الماضي → strictly before;
  الثلاثاء المقبل → the next one), periods (الأسبوع الماضي، الشهر الماضي، العام الماضي / السنة الماضية، هذا العام),
  distances (منذ ثلاثة أيام، قبل عامين), months without a year (في جويلية الماضي → that month in the year before
  publication when it is not earlier than publication's month, else the same year; بلا "الماضي": the latest
  such month on or before publication, unless it is next month or the clause announces the future — المقرر،
  المرتقب، سوف، سيبدأ …), and days without a year (في 12 ماي → the latest such day on or before publication,
  unless it is at most three weeks ahead or announced; الماضي → strictly before, المقبل → after, الجاري → in
  publication's month). نوفمبر من العام الماضي and 22 مارس العام الماضي take the year from the words.
  الأسبوع الماضي is the seven days before publication; الليلة الماضية is yesterday; غرة جوان is 1 June.
- spans: منذ + a date (منذ 12 ماي، منذ 2009، منذ العام الماضي) or منذ أكثر من + a duration give `end` = the
  publication date; بين عامي 2014 و2016 and من 3 إلى 5 ماي give both ends.

With no publication date a relative expression stays unresolved: value None, precision "unknown", basis
"none" — never a guess. Impossible dates (31 فبراير، 29 فبراير 2015) are not day dates; a month and year
still in the text (فبراير 2015) is read at month precision. A Hijri month before a number far from publication's
Hijri year (رمضان 1362 مخالفة) is the month alone: the number counts something else. Years before 1900 need
عام/سنة, a month name or م (عام 1839).

`precision` describes `value`. A Hijri month or year, which straddles Gregorian months or years, gives
`value` = where it starts and `end` = where it ends when they differ.

Matching runs on the normalised view: one scan for the words a date can begin with, then one compiled regex
tried only there; offsets are into the original text.
Month names are data: rasd/data/months.tsv (CLDR plus hand-added variants).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from hijridate import Gregorian, Hijri

from rasd.errors import DateError
from rasd.normalize import NormText, normalize, normalize_text
from rasd.numbers import (WORD_END, anchor_regex, anchors, casualty_lexicon, lexicon_key, number_lexicon,
                          number_pattern, number_value, read_tsv, words_regex)

__all__ = ["DateMention", "find_dates", "resolve_date_text", "explain_dates", "month_lexicon"]

_PAST = ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "المنقضي", "المنقضيه", "الفارط",
         "الفارطه", "السابق", "السابقه")
_NEXT = ("المقبل", "المقبله", "القادم", "القادمه")
_CURRENT = ("الجاري", "الجاريه", "الحالي", "الحاليه")
_WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
_TIME_OF_DAY = ("فجر", "صباح", "صبيحه", "ظهر", "ظهيره", "عصر", "مساء", "ليل", "ليله", "عشيه", "منتصف ليل",
                "منتصف ليله", "قبيل منتصف ليل")
_MODIFIERS = ("مطلع", "مستهل", "بدايه", "بدايات", "اوائل", "منتصف", "اواسط", "اواخر", "نهايه", "اخر", "صيف",
              "شتاء", "ربيع", "خريف")
_RELATIVE_DAYS = {"اليوم": 0, "امس": -1, "الامس": -1, "البارحه": -1, "امس الاول": -2, "اول امس": -2,
                  "اول من امس": -2, "غدا": 1, "غد": 1, "بعد غد": 2, "الليله الماضيه": -1}
# غدا is also the verb "became" (غدا الوضع أخطر): tomorrow only as يوم غد, بعد غد or غدا + a weekday.
_TOMORROW = ("غدا", "غد")
# After اليوم these make it "the day of …", not "today".
_NOT_TODAY = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
              "التالي", "السابق", "الاخير", "الوطني", "العالمي", "الدولي", "الذي",
              "نفسه", "ذاته", "الموعود", "المحدد")
# Units of منذ/قبل + duration: (unit, count when the word alone is used). None: a plural that needs a number
# (منذ سنوات is no date); 0: منذ ساعات, a few hours, which is still the publication day.
_UNITS = {
    "ساعه": ("hour", 1), "ساعات": ("hour", 0), "ساعتين": ("hour", 2), "ساعتان": ("hour", 2),
    "يوم": ("day", 1), "يوما": ("day", None), "ايام": ("day", None), "يومين": ("day", 2), "يومان": ("day", 2),
    "اسبوع": ("week", 1), "اسبوعا": ("week", None), "اسابيع": ("week", None), "اسبوعين": ("week", 2),
    "اسبوعان": ("week", 2),
    "شهر": ("month", 1), "شهرا": ("month", None), "اشهر": ("month", None), "شهور": ("month", None),
    "شهرين": ("month", 2), "شهران": ("month", 2),
    "عام": ("year", 1), "عاما": ("year", None), "اعوام": ("year", None), "عامين": ("year", 2), "عامان": ("year", 2),
    "سنه": ("year", 1), "سنوات": ("year", None), "سنين": ("year", None), "سنتين": ("year", 2), "سنتان": ("year", 2),
    "عقد": ("decade", 1), "عقود": ("decade", None), "عقدين": ("decade", 2),
}
_YEAR_WORDS = ("عام", "عامي", "سنه", "سنتي", "العام", "السنه")
_YEAR_SUFFIX = {"م": "g", "ميلادي": "g", "ميلاديه": "g", "للميلاد": "g", "ه": "h", "هجري": "h", "هجريه": "h",
                "للهجره": "h"}
# A bare four-digit year needs one of these right before it (besides عام/سنة and منذ, which the regex reads).
_YEAR_CUE = re.compile(r"(?:^|[^\w])[وف]?(?:في|خلال|حتي|قبل|بعد|منذ|طيله|طوال|مطلع|منتصف|نهايه|بدايه|اواخر|اوائل)"
                       r"\s+$")
_MONTH_CUE = re.compile(r"(?:^|[^\w])[وف]?(?:في|خلال|حتي|قبل|بعد|منذ|طيله|طوال)\s+$")
GREGORIAN_YEARS = (1900, 2100)
# With عام/سنة, a month name or م, older years are dates too (عام 1839). Below 1500 a year is more likely Hijri
# written without هـ (عام 1437), so it needs م.
HISTORIC_YEARS = (1500, 2100)
# A day or month named without a year and without الماضي/المقبل is the latest one on or before publication,
# unless the upcoming one is this close (days, months) or the clause announces the future (المقرر، سيبدأ ...).
_NEAR_FUTURE_DAYS = 21
_NEAR_FUTURE_MONTHS = 1
HIJRI_YEARS = (1343, 1500)  # what hijridate converts


@dataclass(frozen=True, slots=True)
class _Month:
    month: int
    calendar: str  # "gregorian" | "hijri"
    bare: bool


@cache
def month_lexicon() -> dict[str, _Month]:
    """Normalised month name → (month number, calendar, usable bare), from rasd/data/months.tsv."""
    out: dict[str, _Month] = {}
    for name, month, cal, _conventions, _source, bare in read_tsv("months.tsv"):
        out[lexicon_key(name)] = _Month(int(month), cal, bare == "1")
    return out


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression (`text` at original offsets `start`, `end`) and the date it resolves to."""

    start: int
    end: int
    text: str
    value: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None
    end_value: str | None  # the span's end, same forms, or None
    precision: str  # "day" | "month" | "year" | "unknown"
    basis: str  # "absolute" | "publication_date" | "none"
    rule: str = ""  # which pattern read it (for `rasd explain`)

    def as_ref(self) -> dict[str, Any]:
        """The records.md date object, plus the expression's span."""
        return {"value": self.value, "end": self.end_value, "precision": self.precision, "text": self.text,
                "basis": self.basis, "span": {"start": self.start, "end": self.end}}


@cache
def _days_back_re() -> re.Pattern[str]:
    """The relative-day phrases (longest first, so «أول أمس» before «أمس»), tomorrow's left out."""
    phrases = sorted((p for p in _RELATIVE_DAYS if p not in _TOMORROW), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(phrases)})(?!\w)")


@cache
def _days_back(text: str) -> int | None:
    """How many days before the publication day a date's words name («أمس الأربعاء» → 1), or None."""
    m = _days_back_re().search(" ".join(re.findall(r"\w+", normalize_text(text))))
    return -_RELATIVE_DAYS[m.group(0)] if m else None


def other_day(a: str, b: str) -> bool:
    """Two unresolved dates (no publication date) that cannot name the same day: «اليوم» and «أمس الأربعاء».
    Weekdays prove nothing here: an incident often carries the weekday of its announcement (measured on the
    gold draws, setting two weekdays apart split as many incidents wrongly as it kept apart rightly)."""
    back_a, back_b = _days_back(a), _days_back(b)
    return back_a is not None and back_b is not None and back_a != back_b


@cache
def _date_re() -> re.Pattern[str]:
    months = month_lexicon()
    gmon = words_regex([n for n, m in months.items() if m.calendar == "gregorian"])
    hmon = words_regex([n for n, m in months.items() if m.calendar == "hijri"])
    wday = words_regex(_WEEKDAYS)
    rel = words_regex(_PAST + _NEXT + _CURRENT)
    tod = words_regex(_TIME_OF_DAY)
    mod = words_regex(_MODIFIERS)
    ysuf = words_regex(_YEAR_SUFFIX)
    units = words_regex(_UNITS)
    rdays = words_regex(_RELATIVE_DAYS)
    not_today = words_regex(_NOT_TODAY)
    yword = words_regex(_YEAR_WORDS)
    quals = words_regex(w for w, e in number_lexicon().items() if e.type in ("approx", "atleast"))
    year = r"(?<![0-9.,])[0-9]{4}(?![0-9]|[.,][0-9])"
    day = r"(?<![0-9.,])[0-3]?[0-9](?![0-9]|[.,][0-9])"
    ordinal = rf"(?:{words_regex(_ordinals())}){WORD_END}(?=\s+من\s)"  # الخامس من يونيو
    sep = r"\s*(?:و|الي|حتي|-|–)\s*"
    paired = rf"(?:\s*[/(-]\s*(?:{gmon}){WORD_END}(?:\s*\))?)?"  # كانون الثاني/يناير، تموز (يوليو)
    gm_year = r"\s*[،,]?\s*(?:من\s+)?(?:(?:عام|سنه|العام)\s+)?"

    def yrel_pattern(n: str) -> str:  # نوفمبر من العام الماضي، 22 مارس العام الماضي، مايو من هذا العام
        return (rf"(?:\s+من)?\s+(?:هذا\s+(?P<ythis{n}>العام|السنه)|(?:العام|السنه)\s+(?P<yrel{n}>{rel}))"
                rf"(?![^\W_])")
    alts = [
        # بين عامي 2014 و2016
        rf"(?P<yrng>(?:ما\s+)?(?:بين|من)\s+(?:(?P<yrkw>عامي|عام|سنتي|سنه|العام|العامين)\s+)?(?P<ya>{year})"
        rf"{sep}(?:(?:عام|سنه|العام)\s+)?(?P<yb>{year}))",
        # من 3 إلى 5 ماي 2016
        rf"(?P<drng>(?:(?:ما\s+)?(?:بين|من)|يومي)\s+(?P<da>{day}){sep}(?P<db>{day})\s+(?:من\s+)?(?:شهر\s+)?(?P<rm>{gmon})"
        rf"{WORD_END}{paired}(?:{gm_year}(?P<ry>{year}))?(?:\s+(?P<rel6>{rel}){WORD_END})?)",
        # 2016/05/12, 12-05-2016
        r"(?P<num>(?<![0-9./-])(?:(?P<ny>[0-9]{4})(?P<s1>[/.-])(?P<nm>[0-9]{1,2})(?P=s1)(?P<nd>[0-9]{1,2})"
        r"|(?P<na>[0-9]{1,2})(?P<s2>[/.-])(?P<nb>[0-9]{1,2})(?P=s2)(?P<nc>[0-9]{4}))(?![0-9]|[/.-][0-9]))",
        # الثلاثاء 18 أكتوبر 2016، 12 ماي، 15 رمضان 1437 هـ
        rf"(?P<dmy>(?:(?:{tod})\s+)?(?:(?:يوم\s+)?(?P<wd1>{wday}){WORD_END}\s*[،,]?\s*(?:الموافق\s*(?:ل\s*)?)?)?"
        rf"(?:يوم\s+)?(?:ال)?(?P<d>{day}|{ordinal}|غره{WORD_END})\s*(?:من\s+)?(?:شهر\s+)?"
        rf"(?:(?P<gm>{gmon}){paired}|(?P<hm>{hmon})){WORD_END}"
        rf"(?:{gm_year}(?P<y>{year})(?:\s*(?P<ysuf>{ysuf}){WORD_END})?|{yrel_pattern('1')})?"
        rf"(?:\s+(?P<rel1>{rel}){WORD_END})?)",
        # 12 من الشهر الجاري
        rf"(?P<drel>(?P<d5>{day}|{ordinal})\s+(?:من\s+)?(?:الشهر|هذا\s+الشهر)\s+(?P<rel5>{rel}){WORD_END})",
        # جوان 2015، رمضان 1437
        rf"(?P<my>(?:(?P<shahr2>شهر)\s+)?(?:(?P<gm2>{gmon}){paired}|(?P<hm2>{hmon})){WORD_END}{gm_year}(?P<y2>{year})"
        rf"(?:\s*(?P<ysuf2>{ysuf}){WORD_END})?)",
        # عام 2011، 2009 (after منذ/في), 1437 هـ
        rf"(?P<yr>(?:(?P<ykw>{yword})\s+)?(?P<y3>{year})(?:\s*(?P<ysuf3>{ysuf}){WORD_END})?)",
        # جويلية الماضي، شهر رمضان، منتصف أغسطس
        rf"(?P<mon>(?:(?P<shahr>شهر)\s+)?(?:(?P<gm3>{gmon}){WORD_END}{paired}|(?P<hm3>{hmon}){WORD_END})"
        rf"(?:\s+(?P<rel3>{rel}){WORD_END}|{yrel_pattern('')})?)",
        # فجر اليوم، أمس، أول أمس
        rf"(?P<rday>(?:(?:{tod})\s+)?(?:(?P<yawm>يوم)\s+)?(?P<rd>{rdays}){WORD_END}(?!\s+(?:{not_today}){WORD_END})"
        rf"(?:\s+(?P<wd2>{wday}){WORD_END})?)",
        # الثلاثاء، مساء الجمعة الماضي
        rf"(?P<rwd>(?:(?:{tod})\s+)?(?:يوم\s+)?(?P<wd3>{wday}){WORD_END}(?:\s+(?P<rel4>{rel}){WORD_END})?)",
        # الشهر الماضي، العام الماضي، السنة الماضية، هذا العام
        rf"(?P<rper>(?:(?P<this>هذا|هذه)\s+)?(?P<unit>الاسبوع|الشهر|العام|السنه){WORD_END}"
        rf"(?(this)|\s+(?P<rel2>{rel}){WORD_END}))",
        # منذ ثلاثة أيام، قبل عامين، منذ أكثر من عام
        rf"(?P<ago>(?P<agokw>منذ|قبل)\s+(?:(?P<aq>{quals}){WORD_END}\s+)?(?:{number_pattern('q')}\s+)?"
        rf"(?P<au>{units}){WORD_END})",
    ]
    return re.compile(rf"(?:(?P<since>منذ)\s+)?(?:(?P<mod>{mod})\s+)?(?:{'|'.join(alts)})")


@cache
def _date_anchor_re() -> re.Pattern[str]:
    """Words a date expression can begin with; the big regex is only tried where one of them stands."""
    words = {"منذ", "قبل", "يوم", "يومي", "بين", "من", "ما", "شهر", "هذا", "هذه", "الاسبوع", "الشهر", "العام", "السنه",
             "غره"}
    words |= set(_MODIFIERS) | set(_WEEKDAYS) | set(_YEAR_WORDS)
    words |= {w.split()[0] for w in (*_TIME_OF_DAY, *_RELATIVE_DAYS, *month_lexicon(), *_ordinals())}
    return anchor_regex(words)


# A day glued to the word before it, as typed in haste: في19 نيسان، الـ29 من شعبان.
_GLUED_DAY = re.compile(r"(?<![^\W_])[وف]?في(?=[0-9])")  # الـ29 is anchored by anchor_regex
_CLAUSE_END = re.compile(r"[.!?؟\n]")
# What announces a date still to come in the clause before it: المقرر، المرتقب، سوف، and the future verbs news
# use most (a list, not every word in س: سياسات، وستمنستر are no verbs).
_FUTURE_STEMS = ("تم", "كون", "بدا", "نطلق", "عقد", "جري", "زور", "ودي", "صل", "شارك", "قام", "نظم", "نتهي", "دخل",
                 "حل", "لتقي", "جتمع", "توجه", "علن", "صدر", "جرى", "فتتح", "ستانف", "نفذ", "مدد", "حتفل", "طلق", "عود")
_FUTURE_WORD = re.compile(
    r"(?<![^\W_])[وف]?(?:(?:ال)?(?:مقرر|مقرره|مرتقب|مرتقبه|منتظر|مزمع|مزمعه)|سوف|موعد|موعدا|"
    r"س[يتن](?:" + "|".join(_FUTURE_STEMS) + r"))(?![^\W_])")


def _future_cue(nt: str, start: int) -> bool:
    """Whether the clause before `start` announces something to come (المقرر، المرتقب، سيبدأ، ستعقد ...)."""
    seg = nt[max(0, start - 60):start]
    cut = [m.end() for m in _CLAUSE_END.finditer(seg)]
    return _FUTURE_WORD.search(seg, cut[-1] if cut else 0) is not None


def _parse_published(published: str | None) -> date | None:
    if published is None:
        return None
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", published)
    if m is None or not _valid_day(int(m[1]), int(m[2]), int(m[3])):
        raise DateError(f"publication date {published!r} is not a real calendar date in the form YYYY-MM-DD")
    return date(int(m[1]), int(m[2]), int(m[3]))


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1] and 1 <= y <= 9999


def _gyear_ok(y: int) -> bool:
    return GREGORIAN_YEARS[0] <= y <= GREGORIAN_YEARS[1]


def _historic_year_ok(y: int) -> bool:
    return HISTORIC_YEARS[0] <= y <= HISTORIC_YEARS[1]


def _hyear_ok(y: int) -> bool:
    return HIJRI_YEARS[0] <= y <= HIJRI_YEARS[1]


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _month_year(month: int, pub: date, rel: str | None, future: bool = False) -> int:
    """The year of a month named without one, from the publication date (`future`: the clause announces it)."""
    return _year_of_month(month, pub.year, pub.month, rel, future)


def _year_of_month(month: int, year: int, this_month: int, rel: str | None, future: bool) -> int:
    """The year of a month named without one, in any calendar, seen from (`year`, `this_month`)."""
    if rel == "past":  # في جويلية الماضي
        return year - 1 if month >= this_month else year
    if rel == "next":
        return year + 1 if month <= this_month else year
    if rel == "current":
        return year
    if month > this_month and (future or month - this_month <= _NEAR_FUTURE_MONTHS):
        return year
    return year if month <= this_month else year - 1


def _day_month_date(d: int, month: int, pub: date, rel: str | None, future: bool = False) -> date | None:
    """A day and month without a year: the latest one on or before publication (before, for الماضي; after, for
    المقبل; this month, for الجاري), or the next one when it is near or the clause announces it (`future`).
    None when no such date exists near publication (31 فبراير)."""
    if rel == "current":
        return date(pub.year, month, d) if _valid_day(pub.year, month, d) else None
    if rel is None:
        ahead = next((date(y, month, d) for y in (pub.year, pub.year + 1)
                      if _valid_day(y, month, d) and date(y, month, d) > pub), None)
        if ahead is not None and (future or (ahead - pub).days <= _NEAR_FUTURE_DAYS):
            return ahead
    years = (pub.year, pub.year + 1) if rel == "next" else (pub.year, pub.year - 1)
    for y in years:
        if not _valid_day(y, month, d):
            continue
        cand = date(y, month, d)
        if rel == "next" and cand > pub or rel == "past" and cand < pub or rel not in ("next", "past") and cand <= pub:
            return cand
    return None


def _rel_kind(word: str | None) -> str | None:
    if word is None:
        return None
    return "past" if word in _PAST else "next" if word in _NEXT else "current"


def _hijri_month(hy: int, hm: int) -> tuple[str, str | None] | None:
    """(start month, end month or None) of a Hijri month in Gregorian YYYY-MM."""
    if not _hyear_ok(hy):
        return None
    first = Hijri(hy, hm, 1)
    g1 = first.to_gregorian()
    g2 = Hijri(hy, hm, first.month_length()).to_gregorian()
    start, stop = _ym(g1.year, g1.month), _ym(g2.year, g2.month)
    return start, (stop if stop != start else None)


def _hijri_year_of_month(hm: int, pub: date, rel: str | None, future: bool = False) -> int:
    """The Hijri year of Hijri month `hm` named without a year, by the rule used for Gregorian months."""
    now = Gregorian(pub.year, pub.month, pub.day).to_hijri()
    return _year_of_month(hm, now.year, now.month, rel, future)


def _hijri_year_for(gy: int, hm: int) -> int | None:
    """The Hijri year whose month `hm` begins in Gregorian year `gy` (رمضان 2016 → 1437)."""
    approx = round((gy - 622) * 365.2425 / 354.367)
    for hy in (approx - 1, approx, approx + 1):
        if _hyear_ok(hy) and Hijri(hy, hm, 1).to_gregorian().year == gy:
            return hy
    return None


@dataclass(slots=True)
class _Res:
    value: str | None
    precision: str
    basis: str
    end_value: str | None = None
    span: bool = False  # منذ: the value runs to publication
    stop: int | None = None  # where the expression ends in the view, when shorter than the match


def _resolve(m: re.Match[str], nt: str, pub: date | None) -> _Res | None:  # noqa: C901 - one branch per form
    g = m.group
    rel_pub = "publication_date" if pub is not None else "none"
    if g("yrng") is not None:
        ya, yb = int(g("ya")), int(g("yb"))
        if not (_gyear_ok(ya) and _gyear_ok(yb) and ya < yb) or g("yrkw") is None and _counted_noun_after(nt, m.end()):
            return None
        return _Res(f"{ya:04d}", "year", "absolute", f"{yb:04d}")
    if g("drng") is not None:
        da, db, month = int(g("da")), int(g("db")), month_lexicon()[_key(g("rm"))].month
        if da >= db:
            return None
        if g("ry") is not None:
            y = int(g("ry"))
            if not (_gyear_ok(y) and _valid_day(y, month, da) and _valid_day(y, month, db)):
                return None
            return _Res(date(y, month, da).isoformat(), "day", "absolute", date(y, month, db).isoformat())
        if pub is None:
            return _Res(None, "unknown", "none")
        first = _day_month_date(da, month, pub, _rel_kind(g("rel6")), _future_cue(nt, m.start()))
        if first is None or not _valid_day(first.year, month, db):
            return None
        return _Res(first.isoformat(), "day", "publication_date", date(first.year, month, db).isoformat())
    if g("num") is not None:
        if g("ny") is not None:
            y, mo, d = int(g("ny")), int(g("nm")), int(g("nd"))
        else:
            d, mo, y = int(g("na")), int(g("nb")), int(g("nc"))
            if mo > 12 and d <= 12:  # month first (US order)
                d, mo = mo, d
        if not (_gyear_ok(y) and _valid_day(y, mo, d)):
            return None
        return _Res(date(y, mo, d).isoformat(), "day", "absolute")
    if g("dmy") is not None:
        d = _day_number(g("d"))
        ysuf = _YEAR_SUFFIX.get(g("ysuf") or "")
        rel = _rel_kind(g("rel1"))
        if g("hm") is not None:
            hm = month_lexicon()[_key(g("hm"))].month
            if g("y") is not None:
                hy = int(g("y"))
                if ysuf == "g" or not _hyear_ok(hy):
                    return None
            elif pub is None:
                return _Res(None, "unknown", "none")
            else:
                hy = _hijri_year_of_month(hm, pub, rel, _future_cue(nt, m.start()))
            if not 1 <= d <= Hijri(hy, hm, 1).month_length():
                return None
            return _Res(Hijri(hy, hm, d).to_gregorian().isoformat(), "day",
                        "absolute" if g("y") is not None else "publication_date")
        month = month_lexicon()[_key(g("gm"))].month
        if g("ythis1") is not None or g("yrel1") is not None:  # 22 مارس العام الماضي
            if pub is None:
                return _Res(None, "unknown", "none")
            y = pub.year + {"past": -1, "next": 1, "current": 0}[_rel_kind(g("yrel1")) or "current"]
            return _Res(date(y, month, d).isoformat(), "day", "publication_date") if _valid_day(y, month, d) else None
        if g("y") is not None:
            y = int(g("y"))
            if ysuf == "h" or not _historic_year_ok(y) or not _valid_day(y, month, d):
                return None
            return _Res(date(y, month, d).isoformat(), "day", "absolute")
        if d < 1 or d > 31 or not any(_valid_day(y, month, d) for y in (2015, 2016)):
            return None
        if pub is None:
            return _Res(None, "unknown", "none")
        found = _day_month_date(d, month, pub, rel, _future_cue(nt, m.start()))
        if found is None:
            return None
        return _Res(found.isoformat(), "day", "publication_date")
    if g("drel") is not None:
        d = _day_number(g("d5"))
        if pub is None:
            return _Res(None, "unknown", "none") if 1 <= d <= 31 else None
        shift = {"past": -1, "next": 1, "current": 0}[_rel_kind(g("rel5")) or "current"]
        y, mo = _shift_month(pub.year, pub.month, shift)
        if not _valid_day(y, mo, d):
            return None
        return _Res(date(y, mo, d).isoformat(), "day", "publication_date")
    if g("my") is not None:
        y = int(g("y2"))
        ysuf = _YEAR_SUFFIX.get(g("ysuf2") or "")
        if g("hm2") is not None:
            hm = month_lexicon()[_key(g("hm2"))].month
            if ysuf is None and pub is not None and not _gyear_ok(y) and not _plausible_hijri_year(y, pub):
                # رمضان 1362 مخالفة: a count after the month, not a year; read the month alone
                return _resolve_month(hm, "hijri", None, g("shahr2") is not None, m, nt, pub, m.end("hm2"))
            if _hyear_ok(y) and ysuf != "g":
                hijri = _hijri_month(y, hm)
            elif _gyear_ok(y) and ysuf != "h":
                hy = _hijri_year_for(y, hm)
                hijri = None if hy is None else _hijri_month(hy, hm)
            else:
                hijri = None
            return None if hijri is None else _Res(hijri[0], "month", "absolute", hijri[1])
        if ysuf == "h" or not _historic_year_ok(y):
            return None
        return _Res(_ym(y, month_lexicon()[_key(g("gm2"))].month), "month", "absolute")
    if g("yr") is not None:
        y = int(g("y3"))
        ysuf = _YEAR_SUFFIX.get(g("ysuf3") or "")
        if ysuf == "h":  # 1437 هـ
            if not _hyear_ok(y):
                return None
            g1 = Hijri(y, 1, 1).to_gregorian()
            last = Hijri(y, 12, Hijri(y, 12, 1).month_length()).to_gregorian()
            return _Res(f"{g1.year:04d}", "year", "absolute", f"{last.year:04d}" if last.year != g1.year else None)
        keyword = g("ykw") is not None or ysuf == "g"
        if not (_gyear_ok(y) or keyword and _historic_year_ok(y)):
            return None
        cued = keyword or g("since") is not None or g("mod") is not None
        if not cued:
            if not _YEAR_CUE.search(nt, max(0, m.start() - 12), m.start()) or _counted_noun_after(nt, m.end()):
                return None
        return _Res(f"{y:04d}", "year", "absolute")
    if g("mon") is not None:
        name = g("gm3") or g("hm3")
        entry = month_lexicon()[_key(name)]
        if g("ythis") is not None or g("yrel") is not None:  # نوفمبر من العام الماضي
            if pub is None:
                return _Res(None, "unknown", "none")
            gy = pub.year + {"past": -1, "next": 1, "current": 0}[_rel_kind(g("yrel")) or "current"]
            if entry.calendar == "gregorian":
                return _Res(_ym(gy, entry.month), "month", "publication_date")
            hy = _hijri_year_for(gy, entry.month)
            hijri = None if hy is None else _hijri_month(hy, entry.month)
            return None if hijri is None else _Res(hijri[0], "month", "publication_date", hijri[1])
        return _resolve_month(entry.month, entry.calendar, _rel_kind(g("rel3")), g("shahr") is not None, m, nt, pub,
                              None, entry.bare)
    if g("rday") is not None:
        if g("rd") in _TOMORROW and g("yawm") is None and g("wd2") is None:
            return None
        if pub is None:
            return _Res(None, "unknown", "none")
        offset = _RELATIVE_DAYS[_key(g("rd"))]
        return _Res((pub + timedelta(days=offset)).isoformat(), "day", "publication_date")
    if g("rwd") is not None:
        wd = _WEEKDAYS[g("wd3")]
        prev = nt[max(0, m.start() - 6):m.start()]
        if re.search(r"(?:بين|كلا)\s+$", prev) or (wd == 4 and re.search(r"(?:صلاه|خطبه)\s+$", prev)):
            return None  # بين الاثنين "between the two"; صلاة الجمعة
        if re.match(r"\s+من\s+كل(?![^\W_])", nt[m.end():m.end() + 12]):
            return None  # الأحد من كل أسبوع: every Sunday, not one
        if pub is None:
            return _Res(None, "unknown", "none")
        rel = _rel_kind(g("rel4"))
        back = (pub.weekday() - wd) % 7
        if rel == "next":
            found = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        elif rel == "past":
            found = pub - timedelta(days=back or 7)
        else:
            found = pub - timedelta(days=back)
        return _Res(found.isoformat(), "day", "publication_date")
    if g("rper") is not None:
        if pub is None:
            return _Res(None, "unknown", "none")
        unit = g("unit")
        shift = {"past": -1, "next": 1, "current": 0}[_rel_kind(g("rel2")) or "current"]
        if unit == "الاسبوع":  # the previous/next seven days; this week runs from Monday (ISO) to publication
            if shift == 0:
                return _Res((pub - timedelta(days=pub.weekday())).isoformat(), "day", "publication_date",
                            pub.isoformat())
            first = pub + timedelta(days=1 if shift > 0 else -7)
            return _Res(first.isoformat(), "day", "publication_date", (first + timedelta(days=6)).isoformat())
        if unit == "الشهر":
            return _Res(_ym(*_shift_month(pub.year, pub.month, shift)), "month", "publication_date")
        return _Res(f"{pub.year + shift:04d}", "year", "publication_date")
    if g("ago") is not None:
        unit, alone = _UNITS[_key(g("au"))]
        count: int | None = alone
        atleast = g("aq") is not None and number_lexicon()[_key(g("aq"))].type == "atleast"
        if any(g(x) for x in ("qad", "qaw", "qau")):
            val = number_value(m, "q")
            if val is None or isinstance(val[0], float):
                return None
            count = int(val[0])
            atleast = atleast or (val[1] is not None and g("qpre") is not None)
        if count is None:
            return None
        if pub is None:
            return _Res(None, "unknown", "none")
        since_span = atleast and g("agokw") == "منذ"
        if unit == "hour":
            return _Res(pub.isoformat(), "day", rel_pub, span=since_span)
        if unit in ("day", "week"):
            found = pub - timedelta(days=count * (7 if unit == "week" else 1))
            return _Res(found.isoformat(), "day", rel_pub, span=since_span)
        if unit == "month":
            return _Res(_ym(*_shift_month(pub.year, pub.month, -count)), "month", rel_pub, span=since_span)
        years = count * (10 if unit == "decade" else 1)
        return _Res(f"{pub.year - years:04d}", "year", rel_pub, span=since_span)
    return None


def _plausible_hijri_year(hy: int, pub: date) -> bool:
    """A Hijri year written without هـ is taken as one only near the publication's own Hijri year."""
    return abs(hy - Gregorian(pub.year, pub.month, pub.day).to_hijri().year) <= 30


def _resolve_month(month: int, cal: str, rel: str | None, framed: bool, m: re.Match[str], nt: str,
                   pub: date | None, stop: int | None, bare: bool = False) -> _Res | None:
    """A month named without a year (جويلية الماضي، شهر رمضان): its year from the publication date."""
    if rel is None and not framed:
        g = m.group
        cued = (g("since") is not None or g("mod") is not None
                or _MONTH_CUE.search(nt, max(0, m.start() - 8), m.start()) is not None)
        if not (cued and bare):
            return None
    if pub is None:
        return _Res(None, "unknown", "none", stop=stop)
    future = rel is None and _future_cue(nt, m.start())
    if cal == "hijri":
        hijri = _hijri_month(_hijri_year_of_month(month, pub, rel, future), month)
        return None if hijri is None else _Res(hijri[0], "month", "publication_date", hijri[1], stop=stop)
    return _Res(_ym(_month_year(month, pub, rel, future), month), "month", "publication_date", stop=stop)


def _key(word: str) -> str:
    return " ".join(word.split())


@cache
def _ordinals() -> dict[str, int]:
    """Ordinal day words (الخامس، الحادي والعشرين) → day number, from number_words.tsv."""
    return {w: int(e.value) for w, e in number_lexicon().items() if e.type == "ordinal"}  # type: ignore[arg-type]


def _day_number(text: str) -> int:
    if text == "غره":  # غرة جوان: the first of June
        return 1
    return int(text) if text.isdigit() else _ordinals()[_key(text)]


@cache
def _counted_nouns() -> frozenset[str]:
    lex = casualty_lexicon()
    return frozenset(lex["person"]) | frozenset(lex["noun"]) | frozenset(lex["nonperson"])


_NEXT_WORD = re.compile(r"\s+(?:ال)?([^\W\d_]+)")


def _counted_noun_after(nt: str, pos: int) -> bool:
    """Whether the number ending at `pos` counts something (في 2000 غارة): then it is not a year."""
    m = _NEXT_WORD.match(nt, pos)
    return m is not None and (m.group(1) in _counted_nouns() or m.group(0).strip() in _counted_nouns())


def find_dates(text: str, published: str | None, *, norm: NormText | None = None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` ("YYYY-MM-DD" or None).

    Sorted by start, non-overlapping (at each position the longest reading wins). Raises DateError when
    `published` is not a real date.
    """
    pub = _parse_published(published)
    norm = norm if norm is not None else normalize(text)
    nt = norm.text
    rx = _date_re()
    out: list[DateMention] = []
    pos = 0
    starts = [at for at, _ in anchors(_date_anchor_re(), nt)]
    if _GLUED_DAY.search(nt) is not None:
        starts = sorted(set(starts).union(g.end() for g in _GLUED_DAY.finditer(nt)))
    for at in starts:
        if at < pos or (m := rx.match(nt, at)) is None:
            continue
        res = _resolve(m, nt, pub)
        if res is None:  # not a date here; a shorter reading may start at a later word
            continue
        end_value = res.end_value
        if (m.group("since") is not None or res.span) and res.value is not None:
            end_value = pub.isoformat() if pub is not None else None
        stop = m.end() if res.stop is None else res.stop
        s, e = norm.to_original(m.start(), stop)
        rule = next(k for k in ("yrng", "drng", "num", "dmy", "drel", "my", "yr", "mon", "rday", "rwd", "rper", "ago")
                    if m.group(k) is not None)
        if m.group("since") is not None:
            rule = "since+" + rule
        out.append(DateMention(s, e, text[s:e], res.value, end_value if res.value is not None else None,
                               res.precision, res.basis, rule))
        pos = stop
    return out


def resolve_date_text(expr: str, published: str | None) -> DateMention | None:
    """The longest date expression in `expr`, resolved; None if there is none. (For `rasd dates`.)"""
    found = find_dates(expr, published)
    return max(found, key=lambda d: d.end - d.start) if found else None


def explain_dates(text: str, published: str | None) -> list[dict[str, Any]]:
    """Each date found with the rule that read it: the records.md object plus "span" and "rule"."""
    return [{**d.as_ref(), "rule": d.rule} for d in find_dates(text, published)]
