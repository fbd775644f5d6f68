"""Is this text Arabic? A cheap script count, not a language model.

rasd only understands Arabic, so anything else is refused at the door with a message that says
what was seen instead. Counting letters per Unicode script is enough for that and costs a few
regex passes over the start of the text; the rare refusal path does a little more work to name
the script (and, for Latin, guess among a few languages by their commonest words).
"""
from __future__ import annotations

import re

from rasd.errors import LanguageError

__all__ = ["detect_language", "require_arabic", "ARABIC_SHARE"]

# Arabic letters must be at least this share of all letters. Arabic news quotes Latin names,
# acronyms and URLs, but they stay well under half of the letters; an English page that quotes
# an Arabic name stays well over.
ARABIC_SHARE = 0.4
_SAMPLE = 50_000  # characters; enough to judge any article, and bounds the cost on huge inputs

_LETTERS = re.compile(r"[^\W\d_]+")
_ARABIC = re.compile("[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
                     "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]+")
# Letters Persian and Urdu write where Arabic has ي and ك, plus letters Arabic lacks.
_PERSIAN = re.compile("[\u06cc\u06a9\u067e\u0686\u0698\u06af\u06ba\u06be\u06c1\u06d2]")
_ARABIC_ONLY = re.compile("[\u064a\u0643\u0629]")
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("latin", re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")),
    ("cyrillic", re.compile("[\u0400-\u04ff]+")),
    ("greek", re.compile("[\u0370-\u03ff]+")),
    ("hebrew", re.compile("[\u05d0-\u05ea]+")),
    ("devanagari", re.compile("[\u0900-\u097f]+")),
    ("CJK", re.compile("[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+")),
)
_LATIN_WORDS: dict[str, frozenset[str]] = {
    "English": frozenset("the and of to is in that was for with on are by".split()),
    "French": frozenset("le la les des et est une du dans pour au sur par".split()),
    "Spanish": frozenset("el los las del y por una con para es en".split()),
    "German": frozenset("der die und das ist nicht mit den ein zu von".split()),
}
_WORD = re.compile(r"[a-zà-ÿ]+")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def _latin_language(sample: str) -> str | None:
    words = _WORD.findall(sample[:5000].lower())
    scores = {lang: sum(1 for w in words if w in common) for lang, common in _LATIN_WORDS.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= 3 else None


def _describe(sample: str, arabic: int) -> str:
    """Name what was seen instead of Arabic: 'English (latin script)', 'cyrillic script', …"""
    counts = {name: _count(pattern, sample) for name, pattern in _SCRIPTS}
    script = max(counts, key=counts.__getitem__)
    if counts[script] < arabic:
        script = "arabic"
    if not counts[script]:
        return "an unrecognised script"
    if script == "latin":
        language = _latin_language(sample)
        return f"{language} (latin script)" if language else "latin script"
    return f"{script} script"


def detect_language(text: str) -> str:
    """'ar' when Arabic letters are a clear share of the letters; otherwise a description of what
    was seen ('English (latin script)', 'Persian or Urdu (arabic script)', 'no letters', …).
    """
    sample = text[:_SAMPLE]
    letters = _count(_LETTERS, sample)
    if not letters:
        return "no letters"
    arabic = _count(_ARABIC, sample)
    if arabic >= ARABIC_SHARE * letters:
        if len(_PERSIAN.findall(sample)) > max(5, len(_ARABIC_ONLY.findall(sample))):
            return "Persian or Urdu (arabic script)"
        return "ar"
    return _describe(sample, arabic)


def require_arabic(text: str, source: str | None, what: str = "the text") -> None:
    """Raise LanguageError unless `text` is Arabic, saying what it looks like instead."""
    found = detect_language(text)
    if found == "ar":
        return
    if found == "no letters":
        raise LanguageError(f"no Arabic text: {what} has no letters", source=source)
    sample = text[:_SAMPLE]
    letters = _count(_LETTERS, sample)
    share = round(100 * _count(_ARABIC, sample) / letters) if letters else 0
    raise LanguageError(f"no Arabic text: {what} looks like {found} ({share}% of its letters are Arabic)",
                        source=source)
