"""Numbers and casualty figures in Arabic news text.

`find_numbers` reads every number: Western and Arabic-Indic digits with thousands separators (1,200 /
1.200 / ١٬٢٠٠), number words with their compounds and case forms (خمسة عشر، خمسة وعشرون، ثلاثمئة، ثلاثة
آلاف), duals (جنديين → 2) and quantity words (عشرات → at least 10), with the qualifiers written around them
(نحو، أكثر من، على الأقل، ما يصل إلى، بين … و …).

`find_casualties` attaches figures to a category — killed, injured, abducted, arrested — and, where the
text says so, to a group (soldiers, civilians, militants, police). It only reads a number as a casualty
figure when a category word frames it (مقتل 15 شخصا، 457 قتيلا، أصيب ثلاثة جنود، 20 شخصا أصيبوا، قتل مسلحون
رجلا), so distances, years, ages, vehicle counts and percentages never become casualties. Whom a figure
counts is a person noun from the lexicon, a nationality (rasd/data/nationalities.tsv: 61 فلسطينيا، قتل
ألماني) or another relative adjective after a number (52 تكفيريا); a definite one after a noun is that
noun's adjective (الاتفاق النووي الإيراني), and an accusative one without a number may be a country (تركيا).

Counting conventions (records.md, ACLED):
- an exact figure gives best = n; low and high stay None;
- "at least" and "more than" (على الأقل، ما لا يقل عن، أكثر من، ما يزيد عن) give best = low = n. We do not
  write low = n + 1 for "more than n": the report's own figure is the conservative count ACLED keeps;
- "up to" (ما يصل إلى، حتى، أقل من) gives best = high = n; "about" (نحو، حوالي، قرابة) gives best = n;
- a range (بين 10 و15) gives best = low = 10, high = 15;
- a quantity word gives its least meaning: عشرات → best = low = 10, مئات → 100, آلاف → 1000, بضعة → 3 (high 9);
- a category with no number (أسفر عن قتلى وجرحى) gives best = None: present, count unknown; a negated one
  (دون وقوع إصابات) gives 0;
- one figure for two categories (مقتل وإصابة 20 شخصا، 20 شخصا بين قتيل وجريح) gives each best = None, high = n.

All matching runs on the normalised view (`rasd.normalize`); every offset returned is into the original text.
Lexicons are data: rasd/data/number_words.tsv and rasd/data/casualty_words.tsv, read once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from rasd.normalize import NormText, normalize, normalize_text

__all__ = [
    "NumberMention", "Casualty", "find_numbers", "find_casualties", "parse_number", "words_regex",
    "number_pattern", "number_value", "number_start", "anchor_regex", "anchors", "read_tsv", "lexicon_key",
    "number_lexicon", "casualty_lexicon", "CATEGORIES", "WHO",
]

CATEGORIES = ("killed", "injured", "abducted", "arrested")
_LAQI = ("لقي", "لقيت", "لقوا", "لقين", "لقيا")
WHO = ("civilians", "soldiers", "militants", "police")

Number = int | float

WORD_END = r"(?![^\W_])"
# A number may follow و، ف، ب، ل directly (و2130), never a letter inside a word or a digit group (12.5, 10:30).
_NUM_START = r"(?:(?<![^\W_])(?<![0-9][.,:/])|(?<=(?<![^\W_])[وفبل])|(?<=(?<![^\W_])ال)(?=[0-9]))"
_DIGITS = r"(?:[0-9]{1,3}(?:[,.][0-9]{3})+|[0-9]+(?:[.,][0-9]+)?)(?![0-9])"
# A word between a verb and its figure (the subject: قتل مسلحون 5 جنود، اعتقلت قوات الأمن 12 شخصا). Function words
# end the subject: in «قتل القائد الذي قاد 300 مقاتل» the figure belongs to another clause.
_GAP_STOP = ("الذي", "التي", "الذين", "اللذين", "اللتين", "ان", "قد", "كان", "كانت", "بعد", "قبل", "في", "علي", "الي",
             "عن", "خلال", "منذ", "حيث", "كما", "لكن", "ثم", "او", "و", "ما", "لا", "لم", "لن", "حين", "عندما")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_ANY_WORD = r"[^\s0-9.,،؛;:!?؟()\[\]\"«»“”]+"
_GAP_WORD = r"(?!(?:" + "|".join(_GAP_STOP) + r")(?![^\W_]))" + _ANY_WORD


def words_regex(words) -> str:
    """A regex alternation of `words` factored into a trie (fast to reject), longest reading first.

    Words are in normalised form; a space inside a word matches any run of whitespace.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def anchor_regex(first_words) -> re.Pattern[str]:
    """A scan for the places where a pattern may start: a word of `first_words` (after any proclitics) or a digit.

    Matching then runs `.match` only at these places, which is what keeps the stages fast: one pass of a
    simple regex over the text instead of a large one tried at every character.
    """
    # Proclitics are lazy: a word that is itself in the set (واحد، بين) is not read as و + احد, ب + ين.
    # A digit also starts a pattern right after the article (الـ27 من العمر, typed with a tatweel).
    return re.compile(rf"(?<![^\W_])(?:[وف]??[بلك]??(?:(?P<w>{words_regex(first_words)}){WORD_END}|(?P<d>[0-9]))"
                      rf"|ال(?P<d2>[0-9]))")


def anchors(rx: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(position, word) for every match of an `anchor_regex`; the word is "0" for a digit."""
    end = len(text) if end is None else end
    return [(m.start("w"), m.group("w")) if m.lastgroup == "w" else (m.start(m.lastgroup), "0")
            for m in rx.finditer(text, start, end)]


def read_tsv(name: str) -> list[list[str]]:
    """The rows of a tab-separated file in rasd/data (comment lines start with #)."""
    text = resources.files("rasd").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def lexicon_key(word: str) -> str:
    """A lexicon entry in the form it is matched in: normalised, single spaces."""
    return " ".join(normalize_text(word).split())


@dataclass(frozen=True, slots=True)
class _Word:
    value: Number | None
    type: str
    high: Number | None


@cache
def number_lexicon() -> dict[str, _Word]:
    """Normalised number word → (value, type, high), from rasd/data/number_words.tsv."""
    out: dict[str, _Word] = {}
    for word, value, kind, high in read_tsv("number_words.tsv"):
        out[lexicon_key(word)] = _Word(None if value == "-" else int(value), kind, None if high == "-" else int(high))
    return out


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _unit_after(nt: str, pos: int) -> tuple[int, int] | None:
    """A number word 2–10 right after a plural noun («فلسطينيين اثنين»): its value and where it ends."""
    m = _NEXT_WORD.match(nt, pos)
    if m is None:
        return None
    word = number_lexicon().get(m.group(1))
    if word is None or word.type != "unit" or word.value is None or not 2 <= word.value <= 10:
        return None
    return word.value, m.end()


@dataclass(frozen=True, slots=True)
class _CasWord:
    kind: str
    category: str | None
    who: str | None
    form: str | None


@cache
def casualty_lexicon() -> dict[str, dict[str, _CasWord]]:
    """kind → normalised word → entry, from rasd/data/casualty_words.tsv."""
    out: dict[str, dict[str, _CasWord]] = {}
    for kind, word, category, who, form in read_tsv("casualty_words.tsv"):
        out.setdefault(kind, {})[lexicon_key(word)] = _CasWord(
            kind, None if category == "-" else category, None if who == "-" else who, None if form == "-" else form)
    return out


def _of_type(*types: str) -> list[str]:
    return [w for w, e in number_lexicon().items() if e.type in types]


@cache
def number_pattern(prefix: str = "") -> str:
    """Regex source for one number phrase; its named groups start with `prefix` (so it can be embedded).

    Groups: pre (qualifier before), rb (بين), a/b atoms (…d digits, …s scale word, …w words, …u dual), post.
    """
    p = prefix
    word = words_regex(_of_type("unit", "teen", "ten", "hundred", "hundreds", "scale", "pscale", "vague"))
    scale = words_regex(_of_type("scale", "pscale"))
    dual = words_regex(_of_type("dual"))
    pre = words_regex(_of_type("approx", "atleast", "atmost"))
    post = words_regex(_of_type("approx_post", "atleast_post", "atmost_post"))

    def atom(n: str) -> str:
        return (rf"(?:(?P<{p}{n}d>{_DIGITS})(?![:/][0-9])(?:\s*(?P<{p}{n}s>{scale}){WORD_END})?"
                rf"|(?P<{p}{n}w>(?:{word}){WORD_END}(?:\s+و?\s*(?:{word}){WORD_END})*)"
                rf"|(?P<{p}{n}u>{dual}){WORD_END})")

    return (rf"{_NUM_START}(?:(?P<{p}pre>{pre}){WORD_END}\s+)?(?:(?P<{p}rb>(?:ما\s+)?بين)\s+)?{atom('a')}"
            rf"(?:(?({p}rb)\s+و\s*|(?:\s*[-–]\s*|\s+الي\s+)){atom('b')})?"
            rf"(?:\s+(?P<{p}post>{post}){WORD_END})?")


@cache
def _number_re() -> re.Pattern[str]:
    return re.compile(number_pattern())


@cache
def number_first_words() -> frozenset[str]:
    """Words a number phrase can begin with (besides digits)."""
    return frozenset(w.split()[0] for w, e in number_lexicon().items() if e.type != "ordinal") | {"بين", "ما"}


@cache
def _number_anchor_re() -> re.Pattern[str]:
    return anchor_regex(number_first_words())


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number as written (`text` at original offsets `start`, `end`) and what it counts."""

    start: int
    end: int
    text: str
    best: Number | None
    low: Number | None
    high: Number | None
    kind: str  # "digits" | "words" | "dual" | "vague"

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "best": self.best, "low": self.low,
                "high": self.high, "kind": self.kind}


def _digits_value(text: str) -> Number:
    if re.fullmatch(r"[0-9]{1,3}(?:[,.][0-9]{3})+", text):
        return int(re.sub(r"[,.]", "", text))
    if "." in text or "," in text:
        return float(text.replace(",", "."))
    return int(text)


def _joins(last: str | None, kind: str, joined: bool, cur: Number, has_ten: bool) -> bool:
    """Whether a number word of `kind` continues the number built so far (Arabic order: units before tens,
    hundreds before both, each scale closing a group)."""
    if last is None:
        return True
    if not joined:  # side by side: خمسة عشر، ثلاث مئة، ثلاثة آلاف، عشرات الآلاف
        return kind in ("scale", "pscale") and last != "scale" or (kind == "hundred" and last == "unit") or \
            (kind == "ten_unit" and last == "unit" and 0 < cur < 10)
    if kind == "ten":  # خمسة وعشرون، مئة وخمسون، ألف وخمسون
        return not has_ten and last in ("unit", "hundred", "hundreds", "scale", "pscale")
    if kind in ("unit", "teen", "ten_unit"):  # مئة وخمسة، ألف وخمسة
        return last in ("hundred", "hundreds", "scale", "pscale") and cur == 0 or last in ("hundred", "hundreds")
    if kind in ("hundred", "hundreds"):  # ألف ومئتان، ألفان وخمسمئة
        return last in ("scale", "pscale") or last == "hundreds" and cur >= 1000 and cur % 1000 == 0
    return False


def _words_value(text: str) -> tuple[Number, bool, Number | None, int] | None:
    """Value of a run of number words: (value, vague, high, characters consumed).

    Stops (and reports fewer characters) where the next word cannot continue the number, e.g. two units
    joined by و (ثلاثة وخمسة) or side by side.
    """
    lex = number_lexicon()
    tokens = [(m.group(0), m.end()) for m in re.finditer(r"\S+", text)]
    total: Number = 0
    cur: Number = 0
    vague, has_ten = False, False
    ratio: float | None = None  # بضع: 3 to 9, so the most it can mean is 3 × the least
    last: str | None = None
    consumed = 0
    i = 0
    while i < len(tokens):
        tok, tok_end = tokens[i]
        joined = False
        if tok == "و" and i + 1 < len(tokens):  # "و عشرون" written apart
            i += 1
            tok, tok_end = tokens[i]
            joined = True
        elif tok not in lex and tok.startswith("و") and tok[1:] in lex:
            tok, joined = tok[1:], True
        if i + 1 < len(tokens) and f"{tok} {tokens[i + 1][0]}" in lex:  # teen written in two words
            entry = lex[f"{tok} {tokens[i + 1][0]}"]
            i += 1
            tok_end = tokens[i][1]
        else:
            entry = lex.get(tok)
        if entry is None or entry.value is None:
            break
        kind = "ten_unit" if entry.type == "unit" and entry.value == 10 else entry.type
        if kind == "vague" and last is not None or not _joins(last, kind, joined, cur, has_ten):
            break
        if kind == "ten_unit" and last == "unit" and not joined:
            cur += 10  # خمسة عشر
            kind = "teen"
        elif kind == "hundred" and last == "unit" and not joined:
            cur *= 100  # ثلاث مئة
            kind = "hundreds"
        elif kind in ("scale", "pscale") and last is not None:
            total += (cur or 1) * entry.value  # type: ignore[operator]
            cur = 0
        elif kind == "pscale":  # آلاف، مئات alone: at least that many
            cur = entry.value  # type: ignore[assignment]
            vague = True
        elif kind == "vague":
            cur = entry.value  # type: ignore[assignment]
            vague = True
            ratio = None if entry.high is None else entry.high / entry.value  # type: ignore[operator]
        else:
            cur += entry.value  # type: ignore[operator]
            has_ten = has_ten or kind == "ten"
        if kind in ("scale", "pscale") and last is not None:
            has_ten = False
        last = kind
        consumed = tok_end
        i += 1
    if not consumed:
        return None
    value = total + cur
    return value, vague, None if ratio is None else round(value * ratio), consumed


def _atom_end(m: re.Match[str], gd: dict[str, str | None], name: str) -> int | None:
    for g in ("s", "d", "u", "w"):
        if gd[name + g] is not None:
            return m.end(name + g)
    return None


def _atom_value(m: re.Match[str], gd: dict[str, str | None],
                name: str) -> tuple[Number, str, Number | None, int] | None:
    """(value, kind, high, end in view) of atom `name` of a number match."""
    if (digits := gd[name + "d"]) is not None:
        value: Number = _digits_value(digits)
        if (scale := gd[name + "s"]) is not None:
            value = round(value * number_lexicon()[scale].value)  # type: ignore[operator]
            return value, "digits", None, m.end(name + "s")
        return value, "digits", None, m.end(name + "d")
    if gd[name + "u"] is not None:
        return 2, "dual", None, m.end(name + "u")
    parsed = _words_value(gd[name + "w"])  # type: ignore[arg-type]
    if parsed is None:
        return None
    value, vague, high, consumed = parsed
    return value, "vague" if vague else "words", high, m.start(name + "w") + consumed


def number_start(m: re.Match[str], prefix: str = "") -> int:
    """Where the number phrase of a match of `number_pattern(prefix)` begins (its qualifier, if any)."""
    for g in ("pre", "rb", "ad", "au", "aw"):
        if m.group(prefix + g) is not None:
            return m.start(prefix + g)
    raise ValueError("not a number match")


def number_value(m: re.Match[str], prefix: str = "") -> tuple[Number, Number | None, Number | None, str, int] | None:
    """(best, low, high, kind, view end) of a match of `number_pattern(prefix)`, or None.

    The end can fall short of the match when a run of number words stops being one number (ثلاثة وخمسة).
    """
    p = prefix
    gd = m.groupdict()
    a = _atom_value(m, gd, p + "a")
    if a is None:
        return None
    best, kind, high, end = a
    low: Number | None = best if kind == "vague" else None
    a_end = _atom_end(m, gd, p + "a")
    intact = end == a_end
    b_end = _atom_end(m, gd, p + "b")
    if intact and b_end is not None:
        b = _atom_value(m, gd, p + "b")
        if b is not None and b[3] == b_end and b[0] > best:
            low, high, end = best, b[0], b[3]
        else:
            intact = False
    if not intact and b_end is None and gd[p + "rb"] is not None and kind != "digits":
        # بين عشرة وعشرين: the words run swallowed both ends of the range
        rest = re.match(r"\s+و\s*", m.string[end:a_end])
        if rest is not None:
            b_start = end + rest.end()
            parsed = _words_value(m.string[b_start:a_end])
            if parsed is not None and b_start + parsed[3] == a_end and parsed[0] > best:
                low, high, end, intact = best, parsed[0], a_end, True  # type: ignore[assignment]
    quals = [gd[p + "pre"]]
    if intact and gd[p + "post"] is not None:
        quals.append(gd[p + "post"])
        end = m.end(p + "post")
    for q in quals:
        if q is None:
            continue
        qkind = number_lexicon()[" ".join(q.split())].type.removesuffix("_post")
        if qkind == "atleast":
            low = best
        elif qkind == "atmost":
            high = best
    return best, low, high, kind, end


def find_numbers(text: str, *, norm: NormText | None = None) -> list[NumberMention]:
    """Every number in `text`, with its qualifiers, sorted by position (original offsets)."""
    norm = norm if norm is not None else normalize(text)
    out: list[NumberMention] = []
    rx, nt = _number_re(), norm.text
    pos = 0
    for at, _ in anchors(_number_anchor_re(), nt):
        if at < pos or (m := rx.match(nt, at)) is None or (val := number_value(m)) is None:
            continue
        best, low, high, kind, end = val
        s, e = norm.to_original(m.start(), end)
        out.append(NumberMention(s, e, text[s:e], best, low, high, kind))
        pos = end
    return out


# -- casualties ----------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Casualty:
    """A casualty figure: its category, counts, the phrase as written and the group it counts, if stated."""

    category: str  # "killed" | "injured" | "abducted" | "arrested"
    best: int | None
    low: int | None
    high: int | None
    text: str
    start: int
    end: int
    who: str | None = None  # "civilians" | "soldiers" | "militants" | "police" | None
    rule: str = ""  # which pattern read it (for `rasd explain`)

    def as_figure(self) -> dict[str, Any]:
        """The records.md figure object."""
        return {"best": self.best, "low": self.low, "high": self.high, "text": self.text,
                "start": self.start, "end": self.end}


class _LazyPatterns(dict):
    """Pattern name -> compiled pattern, each compiled on first use: the casualty patterns are long
    alternations, and most articles never need several of them (a tenth of a second saved at start-up)."""

    def __init__(self, makers: dict[str, Any]):
        super().__init__((name, None) for name in makers)
        self._makers = makers

    def __getitem__(self, name: str) -> re.Pattern[str]:
        pattern = dict.__getitem__(self, name)
        if pattern is None:
            pattern = self._makers[name]()
            dict.__setitem__(self, name, pattern)
        return pattern


@cache
def _casualty_res() -> _LazyPatterns:
    lex = casualty_lexicon()
    trig = words_regex(lex["trigger"])
    catn = words_regex(lex["noun"])
    pers = words_regex([*lex["person"], *_nationality_people()]) + "|" + _NISBA
    cue = words_regex(lex["cue"])
    neg = words_regex(lex["negation"])
    comb = words_regex(lex["combined"])
    post = words_regex(_of_type("approx_post", "atleast_post", "atmost_post"))
    num = number_pattern("n")
    noun_after = (rf"(?:\s+(?P<noun>(?:ال)?(?:{pers}|{catn})){WORD_END})?"
                  rf"(?:\s+من\s+(?P<of>(?:ال)?(?:{pers})){WORD_END})?"
                  rf"(?:\s+(?P<comb>{comb}){WORD_END})?"
                  rf"(?:\s+(?P<post>{post}){WORD_END})?")
    return _LazyPatterns({
        # مقتل 15 شخصا على الأقل — وجرح 80 آخرين — اعتقلت الشرطة 12 شخصا — مقتل وإصابة 20 شخصا
        "trigger_number": lambda: re.compile(
            rf"(?P<trig>{trig}){WORD_END}(?:\s+و\s*(?P<trig2>{trig}){WORD_END})?"
            # the gap may hold «في» before a definite noun («قتل في الصراع نحو 10.000 مدني»), never a year
            # (a communiqué's «القضاء على عدد (4) عنصر»: «عدد» and brackets around the digits)
            rf"(?P<gap>(?:\s+(?:في\s+ال{_ANY_WORD}|{_GAP_WORD})){{0,3}}?)\s+(?:عدد\s+)?[\"«“(]?{num}\)?{noun_after}"),
        # مقتل 3 جنود و5 مدنيين: the figures after the first
        "continuation": lambda: re.compile(rf"\s*[،,]?\s*و\s*{num}\s+(?:من\s+)?(?P<noun>(?:ال)?(?:{pers})){WORD_END}"),
        # 457 قتيلا — عشرات الجرحى — 20 قتيلا وجريحا — عشرات الآلاف من القتلى
        # — and, one figure for two categories: سقوط 30 شخصا بين قتيل وجريح
        "number_noun": lambda: re.compile(
            rf"{num}\s+(?:(?:من\s+)?(?P<cat>(?:ال)?(?:{catn})){WORD_END}(?:\s+و\s*(?P<cat2>(?:ال)?(?:{catn})){WORD_END})?"
            rf"(?:\s+من\s+(?P<of>(?:ال)?(?:{pers})){WORD_END})?(?:\s+(?P<post>{post}){WORD_END})?"
            rf"|(?:(?P<noun>(?:ال)?(?:{pers})){WORD_END}\s+)?(?P<comb>{comb}){WORD_END})"),
        # ارتفع عدد القتلى إلى 23
        "count": lambda: re.compile(
            rf"(?:عدد|حصيله)\s+(?P<cat>(?:ال)?(?:{catn})){WORD_END}"
            rf"(?:\s+و\s*(?P<cat2>(?:ال)?(?:{catn})){WORD_END})?(?P<gap>(?:\s+{_ANY_WORD}){{0,3}}?)"
            rf"\s+(?:(?:الي|الى)\s+|ب\s*)?{num}"),
        # مقتل جندي — مقتل أحد الجنود — اعتقال مسلحين
        "trigger_person": lambda: re.compile(
            rf"(?P<trig>{trig}){WORD_END}(?:\s+(?:فيه|فيها|فيهم|خلاله|خلالها|منهم|منها))?\s+(?P<one>احد\s+)?"
            rf"(?P<noun>(?:ال)?(?:{pers})){WORD_END}"),
        # أسفر عن قتلى وجرحى
        "cue_noun": lambda: re.compile(
            rf"(?P<cue>{cue}){WORD_END}\s+(?:(?:عدد|العديد)(?:\s+(?:كبير|قليل))?\s+من\s+(?:ال)?)?(?P<cat>{catn}){WORD_END}"
            rf"(?:\s*[،,]?\s*و\s*(?P<cat2>{catn}){WORD_END})?"),
        # دون وقوع إصابات — لم يسفر عن خسائر بشرية
        "negated": lambda: re.compile(
            rf"(?P<neg>{neg}|(?:لم|(?:من\s+)?(?:دون|بدون)\s+ان)\s+[يت]سفر(?:\s+{_GAP_WORD}){{0,2}}?\s+عن"
            rf"(?:\s+(?:وقوع|سقوط))?){WORD_END}\s+(?:اي\s+)?"
            rf"(?P<cat>{catn}){WORD_END}"
            rf"(?:\s+(?:او|و)\s*(?P<cat2>{catn}){WORD_END})?"),
        # قتيلين — جريحان (a dual category noun counts by itself)
        "dual_noun": lambda: re.compile(
            rf"(?P<cat>{words_regex([w for w, e in lex['noun'].items() if e.form == 'dual'])}){WORD_END}"),
        # لقي 15 شخصا مصرعهم — لقي جندي حتفه
        "laqi": lambda: re.compile(
            rf"(?P<trig>{words_regex(_LAQI)})\s+(?:{num}\s+)?(?:(?P<noun>(?:ال)?(?:{pers})){WORD_END}\s+)?"
            rf"(?P<gap>(?:{_GAP_WORD}\s+){{0,2}}?)(?:مصرع|حتف)(?P<suf>هما|هم|هن|ها|ه){WORD_END}"),
        # 20 شخصا أصيبوا — عشرات الأشخاص قتلوا — أكثر من 580 شخصا قتلوا
        "number_verb": lambda: re.compile(
            rf"{num}(?:\s+(?P<noun>(?:ال)?(?:{pers})){WORD_END})?(?:\s+(?P<post>{post}){WORD_END})?"
            # «8 من عناصر الحرس الوطني قتلوا»: who they were, in up to three words after من
            rf"(?:\s+من\s+(?P<of>(?:ال)?(?:{pers})){WORD_END}(?:\s+[^\s\d،,.؛]+){{0,2}}?)?"
            rf"\s+(?:قد\s+)?(?P<after>{words_regex(lex['after'])}){WORD_END}"),
        # قتل مسلحون رجلا — اعتقلت القوات الإسرائيلية الطفل: a verb, its subject, then the one it counts
        "trigger_object": lambda: re.compile(
            rf"(?P<trig>{trig}){WORD_END}(?P<gap>(?:\s+{_GAP_WORD}){{1,2}}?)\s+(?P<noun>(?:ال)?(?:{pers})){WORD_END}"),
        "nonperson": lambda: re.compile(rf"\s*(?:{words_regex(lex['nonperson'])})(?:{WORD_END}|(?<=[%٪]))"),
    })


@cache
def _casualty_starts() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """The anchor scan for casualty patterns, and which patterns may start at each first word."""
    lex = casualty_lexicon()
    first = lambda words: {w.split()[0] for w in words}  # noqa: E731
    starts: dict[str, set[str]] = {}
    groups = {
        "trigger_number": first(lex["trigger"]), "trigger_person": first(lex["trigger"]),
        "number_noun": number_first_words(), "number_verb": number_first_words(),
        "trigger_object": {w for w, e in lex["trigger"].items() if e.form == "verb" and " " not in w},
        "_after": first(lex["after"]),  # a marker: the text has a verb that follows its figure
        "count": {"عدد", "حصيله"}, "laqi": set(_LAQI), "negated": first(lex["negation"]),
        "cue_noun": first(lex["cue"]), "dual_noun": {w for w, e in lex["noun"].items() if e.form == "dual"},
    }
    for name, words in groups.items():
        for w in words:
            starts.setdefault(w, set()).add(name)
    starts["0"] = {"number_noun", "number_verb"}
    return anchor_regex(starts.keys() - {"0"}), {w: tuple(sorted(v)) for w, v in starts.items()}


def _strip_al(word: str) -> str:
    word = " ".join(word.split())
    return word[2:] if word.startswith("ال") and word not in casualty_lexicon()["person"] else word


def _person(word: str | None, *, counted: bool = True) -> _CasWord | None:
    """The person entry of a noun. Nationality and other relative adjectives count people only as indefinite
    nouns, and in the accusative (فلسطينيا) only after a number (`counted`): without one, تركيا، ألمانيا are
    countries, and الإيراني after a noun is an adjective (الاتفاق النووي الإيراني)."""
    if word is None:
        return None
    lex = casualty_lexicon()["person"]
    w = " ".join(word.split())
    found = lex.get(w) or lex.get(_strip_al(w))
    if found is None:
        found = _nationality_people().get(w)
        if found is None and not w.startswith("ال") and _NISBA_RE.fullmatch(w):
            found = _CasWord("person", None, None, "count" if w.endswith("ا") else "pl")
        if found is not None and found.form == "count" and not counted:
            found = None
    return found


def _noun(word: str | None) -> _CasWord | None:
    if word is None:
        return None
    lex = casualty_lexicon()["noun"]
    w = " ".join(word.split())
    return lex.get(w) or lex.get(_strip_al(w))


# A relative adjective used as a noun after a number counts people: 61 فلسطينيا، 13 يابانيا، 52 تكفيريا، 40 قرويين.
# Adverbs of the same shape (يوميا، رسميا) are not people.
_NOT_NISBA = ("يوميا", "اسبوعيا", "شهريا", "سنويا", "حاليا", "رسميا", "نهائيا", "فوريا", "جزئيا", "كليا", "مبدئيا",
              "تدريجيا", "يدويا", "ذاتيا", "محليا", "دوليا", "اقليميا", "عالميا", "جويا", "بريا", "بحريا", "ميدانيا",
              "امنيا", "سياسيا", "عسكريا", "مبدئيا", "ثانيا", "ثالثا", "اضافيا", "اجماليا", "تقريبا", "علنيا", "شخصيا")
# (No article here: the patterns put their own (?:ال)? before a person noun.)
_NISBA = rf"(?:(?!(?:{words_regex(_NOT_NISBA)}){WORD_END})[^\W\d_]{{2,}}ي(?:ا|ين|ون)(?![^\W_]))"
_NISBA_RE = re.compile(_NISBA)


@cache
def _nationality_people() -> dict[str, _CasWord]:
    """Nationality adjectives as nouns for people (قتل فلسطيني، اختطاف تركيين), from nationalities.tsv."""
    out: dict[str, _CasWord] = {}
    try:
        rows = read_tsv("nationalities.tsv")
    except (FileNotFoundError, OSError):
        return out
    for row in rows[1:] if rows and rows[0][0] == "iso2" else rows:
        if len(row) < 2 or row[1].startswith("ال"):  # the definite forms are adjectives after a noun
            continue
        word = lexicon_key(row[1])  # ألماني → الماني: starts like the article once normalised, but is none
        if not word.endswith("ي"):
            continue
        out[word] = _CasWord("person", None, None, "sg")
        out[word + "ا"] = _CasWord("person", None, None, "count")
        out[word[:-1] + "يين"] = _CasWord("person", None, None, "pl")
        out[word[:-1] + "يون"] = _CasWord("person", None, None, "pl")
    return out


def _as_int(x: Number | None) -> int | None:
    return None if x is None else int(x)


class _Collector:
    """Candidates from every pattern; the first to claim a (figure span, category) keeps it."""

    def __init__(self, text: str, norm: NormText):
        self.text, self.norm = text, norm
        self.items: list[tuple[Casualty, tuple[int, int], str | None]] = []  # casualty, key span (view), noun
        self.keys: dict[str, list[tuple[int, int]]] = {}  # category → figure spans already taken
        self.used_triggers: set[int] = set()  # a trigger that counted a number does not count its subject too

    def add(self, category: str, best: Number | None, low: Number | None, high: Number | None, start: int, end: int,
            key: tuple[int, int], who: str | None, rule: str, noun: str | None = None) -> None:
        cats = ("killed", "injured") if category == "casualties" else (category,)
        for cat in cats:
            taken = self.keys.setdefault(cat, [])
            if any(k0 < key[1] and key[0] < k1 for k0, k1 in taken):
                continue
            taken.append(key)
            s, e = self.norm.to_original(start, end)
            self.items.append((Casualty(cat, _as_int(best), _as_int(low), _as_int(high), self.text[s:e], s, e,
                                        who, rule), key, noun))

    def result(self) -> list[Casualty]:
        items = sorted(self.items, key=lambda it: (it[0].start, it[0].category))
        out: list[Casualty] = []
        for cas, _, noun in items:
            # آخرين counts the same group as the figure just before it, in the same sentence: مقتل 3 جنود وإصابة 5 آخرين
            if noun == "inherit" and out and cas.start - out[-1].end < 80 \
                    and not _SENTENCE_END.search(self.text, out[-1].end, cas.start):
                cas = replace(cas, who=out[-1].who)
            out.append(cas)
        return out


def _qualify(m: re.Match[str], best: Number, low: Number | None, high: Number | None):
    """Apply a qualifier written after the figure's noun (15 شخصا على الأقل)."""
    q = m.group("post")
    if q is None:
        return low, high
    qkind = number_lexicon()[" ".join(q.split())].type
    if qkind == "atleast_post":
        return best, high
    if qkind == "atmost_post":
        return low, best
    return low, high


def _who(*entries: _CasWord | None) -> str | None:
    for e in entries:
        if e is not None and e.who not in (None, "inherit"):
            return e.who
    return None


def _whole(m: re.Match[str], val: tuple | None) -> bool:
    """A whole-number figure whose value covers all the number text the pattern matched (prefix "n")."""
    if val is None or isinstance(val[0], float):
        return False
    groups = ("npost", "nbs", "nbd", "nbu", "nbw", "nas", "nad", "nau", "naw")
    ends = [m.end(g) for g in groups if m.group(g) is not None]
    return val[4] == max(ends)


def _gap_has_trigger(gap: str | None) -> bool:
    """Whether the words between a verb and its figure hold another category word (قتل جندي وأصيب 4 آخرون)."""
    if not gap:
        return False
    lex = casualty_lexicon()["trigger"]
    return any(w in lex or w[:1] in "وف" and w[1:] in lex for w in gap.split())


def _is_year(m: re.Match[str]) -> bool:
    d = m.group("nad")
    return d is not None and m.group("nas") is None and len(d) == 4 and 1900 <= int(d) <= 2100


def find_casualties(text: str, *, norm: NormText | None = None, start: int = 0,
                    end: int | None = None) -> list[Casualty]:
    """Casualty figures in text[start:end] (offsets stay absolute into `text`), sorted by position."""
    norm = norm if norm is not None else normalize(text)
    nt = norm.text
    vs, ve = norm.from_original(start, len(text) if end is None else end)
    res = _casualty_res()
    trig_lex = casualty_lexicon()["trigger"]
    col = _Collector(text, norm)
    anchor_rx, starts = _casualty_starts()
    # Matches may overlap (a rejected reading must not hide a later one); the collector keeps one figure per span.
    found: dict[str, list[re.Match[str]]] = {name: [] for name in (*res, "_after")}
    # A figure before its verb (20 شخصا أصيبوا) is rare: try that pattern only when such a verb is in the text.
    places = anchors(anchor_rx, nt, vs, ve)
    skip = ("_after",) if any("_after" in starts[w] for _, w in places) else ("_after", "number_verb")
    for at, word in places:
        for name in starts[word]:
            if name not in skip and (m := res[name].match(nt, at, ve)) is not None:
                found[name].append(m)

    for m in found["trigger_number"]:
        trig = trig_lex[" ".join(m.group("trig").split())]
        val = number_value(m, "n")
        if not _whole(m, val) or _gap_has_trigger(m.group("gap")):
            continue
        if m.group("trig2") and m.group("trig").endswith("وا") and not m.group("trig2").endswith("وا"):
            # 16 شخصا قتلوا وأصيب 37 آخرون: the first verb's figure came before it; the second stands alone
            # (قتلوا وأصابوا 40 ألفا, both active, still share one figure)
            continue
        best, low, high, kind, num_end = val
        noun = _noun(m.group("noun"))
        person = _person(m.group("noun")) or _person(m.group("nau"))
        if m.group("gap") and (trig.form != "verb" or (person is None and noun is None)):
            continue
        if noun is None and person is None and (_is_year(m) or res["nonperson"].match(nt, num_end)):
            continue
        if noun is not None and noun.category == "casualties":
            noun = None
        stop = max([num_end] + [m.end(g) for g in ("noun", "of", "comb", "post") if m.group(g) is not None])
        key = (number_start(m, "n"), stop)
        col.used_triggers.add(m.start("trig"))
        who = _who(person, _person(m.group("of")))
        inherit = "inherit" if person is not None and person.who == "inherit" else None
        if m.group("trig2") or m.group("comb"):  # one figure for two categories: each at most n
            cats = [trig.category, trig_lex[" ".join(m.group("trig2").split())].category] if m.group("trig2") \
                else ["killed", "injured"]
            for cat in cats:
                col.add(cat, None, None, None if kind == "vague" else best, m.start(), stop, key, who,
                        "trigger_number:combined")
            continue
        category = noun.category if noun is not None else trig.category
        low, high = _qualify(m, best, low, high)
        col.add(category, best, low, high, m.start(), stop, key, who, "trigger_number", inherit)
        while (c := res["continuation"].match(nt, stop, ve)) is not None:  # مقتل 3 جنود و5 مدنيين
            cval = number_value(c, "n")
            person = _person(c.group("noun"))
            if cval is None or isinstance(cval[0], float) or person is None or person.who == "inherit":
                break
            stop = c.end()
            col.add(category, cval[0], cval[1], cval[2], number_start(c, "n"), stop, (number_start(c, "n"), stop),
                    _who(person), "trigger_number:continued")

    for m in found["number_noun"]:
        val = number_value(m, "n")
        if not _whole(m, val):
            continue
        best, low, high, kind, _ = val
        if m.group("comb") is not None:  # 30 شخصا بين قتيل وجريح: each at most n
            for cat in ("killed", "injured"):
                col.add(cat, None, None, None if kind == "vague" else best, number_start(m, "n"), m.end(),
                        (number_start(m, "n"), m.end()), _who(_person(m.group("noun"))), "number_noun:combined")
            continue
        noun, noun2 = _noun(m.group("cat")), _noun(m.group("cat2"))
        stop = max(m.end(g) for g in ("cat", "cat2", "of", "post") if m.group(g) is not None)
        key = (number_start(m, "n"), stop)
        who = _who(_person(m.group("of")))
        if noun2 is not None and noun2.category != noun.category:  # 20 قتيلا وجريحا: one figure, two categories
            for n in (noun, noun2):
                counts = (best, low, high) if kind == "vague" else (None, None, best)
                col.add(n.category, *counts, number_start(m, "n"), stop, key, who, "number_noun:combined")
            continue
        low, high = _qualify(m, best, low, high)
        col.add(noun.category, best, low, high, number_start(m, "n"), stop, key, who, "number_noun")

    for m in found["number_verb"]:  # 20 شخصا أصيبوا
        val = number_value(m, "n")
        if not _whole(m, val) or _is_year(m):
            continue
        best, low, high, kind, num_end = val
        person = _person(m.group("noun")) or _person(m.group("of"))
        if person is None and kind != "vague" and m.group("npre") is None:
            continue
        stop = max([num_end] + [m.end(g) for g in ("noun", "post", "of") if m.group(g) is not None])
        low, high = _qualify(m, best, low, high)
        category = casualty_lexicon()["after"][" ".join(m.group("after").split())].category
        col.add(category, best, low, high, number_start(m, "n"), stop, (number_start(m, "n"), stop), _who(person),
                "number_verb")

    for m in found["count"]:
        val = number_value(m, "n")
        if val is None or isinstance(val[0], float) or _is_year(m):
            continue
        best, low, high, _, num_end = val
        noun = _noun(m.group("cat"))
        if noun.category == "casualties" or m.group("cat2"):
            continue
        col.add(noun.category, best, low, high, m.start(), num_end, (number_start(m, "n"), num_end), None, "count")

    for m in found["trigger_object"]:  # قتل مسلحون رجلا
        trig = trig_lex[" ".join(m.group("trig").split())]
        person = _person(m.group("noun"), counted=False)
        if trig.form != "verb" or person is None or m.start("trig") in col.used_triggers \
                or _gap_has_trigger(m.group("gap")):
            continue
        noun = " ".join(m.group("noun").split())
        if noun.startswith("ال") and noun.endswith("ي"):
            continue  # قتل تنظيم داعش الإرهابي: a definite relative adjective describes the word before it
        if person.form == "count" or person.form == "sg" and noun.startswith("ال"):
            count = 1
        elif person.form == "dual" and noun.endswith("ين"):
            count = 2
        else:
            continue  # a nominative or plural noun here is the subject, or counts nobody in particular
        col.used_triggers.add(m.start("trig"))
        col.add(trig.category, count, None, None, m.start(), m.end(), (m.start("noun"), m.end()), _who(person),
                "trigger_object")

    for m in found["trigger_person"]:
        trig = trig_lex[" ".join(m.group("trig").split())]
        person = _person(m.group("noun"), counted=m.group("one") is not None)
        if person is None or m.start("trig") in col.used_triggers:
            continue
        if m.group("noun").startswith("ال") and not m.group("one") and person.form != "sg":
            continue  # مقتل الجندي counts one; مقتل الجنود counts nobody in particular
        count = 1 if m.group("one") else {"sg": 1, "count": 1, "dual": 2}.get(person.form or "")
        end = m.end()
        if count is None and (after := _unit_after(nt, end)) is not None:
            count, end = after  # «استشهاد فلسطينيين اثنين»: the number follows the noun
        inherit = "inherit" if person.who == "inherit" else None
        col.add(trig.category, count, None, None, m.start(), end, (m.end("trig"), end), _who(person),
                "trigger_person", inherit)

    for m in found["laqi"]:
        has_num = any(m.group(g) for g in ("nad", "naw", "nau"))
        val = number_value(m, "n") if has_num else None
        person = _person(m.group("noun")) or _person(m.group("nau"))
        suffix = m.group("suf")
        if val is not None and not isinstance(val[0], float):
            best, low, high = val[0], val[1], val[2]
        elif suffix == "هما" or (person is not None and person.form == "dual"):
            best, low, high = 2, None, None
        elif suffix in ("ه", "ها") and (person is None or person.form in ("sg", "count")):
            best, low, high = 1, None, None
        else:
            best, low, high = None, None, None
        col.add("killed", best, low, high, m.start(), m.end(), (m.start(), m.end()), _who(person), "laqi")

    for m in found["dual_noun"]:
        col.add(_noun(m.group("cat")).category, 2, None, None, m.start(), m.end(), m.span(), None, "dual_noun")

    for m in found["negated"]:
        for g in ("cat", "cat2"):
            if m.group(g) is not None:
                col.add(_noun(m.group(g)).category, 0, 0, 0, m.start(), m.end(), m.span(g), None, "negated")

    for m in found["cue_noun"]:
        for g in ("cat", "cat2"):
            noun = _noun(m.group(g))
            if noun is None or noun.category == "casualties":
                continue
            count = {"sg": 1, "count": 1, "dual": 2}.get(noun.form or "")
            col.add(noun.category, count, None, None, m.start(g), m.end(g), m.span(g), None, "cue_noun")

    return col.result()


def parse_number(expr: str) -> tuple[int | float | None, int | float | None, int | float | None] | None:
    """(best, low, high) of a number phrase or casualty phrase ("أكثر من 15", "مقتل 15 شخصا على الأقل"); None if none.

    A helper for the `rasd numbers` debugging command: a casualty figure wins over a bare number.
    """
    figures = find_casualties(expr)
    if figures:
        f = figures[0]
        return f.best, f.low, f.high
    numbers = find_numbers(expr)
    if not numbers:
        return None
    n = numbers[0]
    return n.best, n.low, n.high
