"""Tests of rasd.numbers: digits, number words, duals, quantity words, qualifiers, casualty figures.

The Arabic sentences are invented for these tests; the seed article is read from ../shared when present.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.normalize import normalize, normalize_text
from rasd.numbers import (Casualty, casualty_lexicon, find_casualties, find_numbers, number_lexicon, parse_number,
                          read_tsv)

SHARED = Path(__file__).resolve().parents[2] / "shared"


def one_number(text: str):
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


# -- number words ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "value"), [
    ("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتان", 2), ("ثلاث", 3), ("ثلاثة", 3), ("أربع", 4),
    ("أربعة", 4), ("خمس", 5), ("خمسة", 5), ("ست", 6), ("ستة", 6), ("سبع", 7), ("سبعة", 7), ("ثماني", 8),
    ("ثمانية", 8), ("تسع", 9), ("تسعة", 9), ("عشر", 10), ("عشرة", 10), ("أحد عشر", 11), ("إحدى عشرة", 11),
    ("اثنا عشر", 12), ("اثني عشر", 12), ("اثنتا عشرة", 12), ("ثلاثة عشر", 13), ("ثلاث عشرة", 13),
    ("أربعة عشر", 14), ("خمسة عشر", 15), ("خمس عشرة", 15), ("ستة عشر", 16), ("سبعة عشر", 17),
    ("ثمانية عشر", 18), ("ثماني عشرة", 18), ("تسعة عشر", 19), ("عشرون", 20), ("عشرين", 20),
])
def test_numbers_words_one_to_twenty(text, value):
    n = one_number(text)
    assert (n.best, n.kind, n.text) == (value, "words", text)


@pytest.mark.parametrize(("text", "value"), [
    ("ثلاثون", 30), ("ثلاثين", 30), ("أربعون", 40), ("أربعين", 40), ("خمسون", 50), ("خمسين", 50), ("ستون", 60),
    ("ستين", 60), ("سبعون", 70), ("سبعين", 70), ("ثمانون", 80), ("ثمانين", 80), ("تسعون", 90), ("تسعين", 90),
])
def test_numbers_tens(text, value):
    assert one_number(text).best == value


@pytest.mark.parametrize(("text", "value"), [
    ("خمسة وعشرون", 25), ("ثلاثة وثلاثين", 33), ("واحد وأربعون", 41), ("تسعة و تسعون", 99),
    ("مئة وخمسون", 150), ("مائة وعشرة", 110), ("مئة وخمسة وعشرون", 125), ("مئتان وخمسون", 250),
    ("ألف ومئتان وخمسون", 1250), ("سبعة عشر ألفا وخمسمئة", 17500),
])
def test_numbers_compounds(text, value):
    assert one_number(text).best == value


@pytest.mark.parametrize(("text", "value"), [
    ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("مئتين", 200), ("مائتي", 200), ("مائتين", 200),
    ("ثلاثمئة", 300), ("ثلاثمائة", 300), ("ثلاث مئة", 300), ("أربعمئة", 400), ("خمسمائة", 500),
    ("ستمئة", 600), ("سبعمائة", 700), ("ثمانمئة", 800), ("تسعمائة", 900),
])
def test_numbers_hundreds(text, value):
    assert one_number(text).best == value


@pytest.mark.parametrize(("text", "value"), [
    ("ألف", 1000), ("ألفين", 2000), ("ألفان", 2000), ("ثلاثة آلاف", 3000), ("عشرة آلاف", 10000),
    ("خمسون ألفا", 50000), ("مئتي ألف", 200000), ("ثلاثمئة ألف", 300000), ("مليون", 1000000),
    ("ثلاثة ملايين", 3000000), ("2.5 مليون", 2500000), ("3 آلاف", 3000),
])
def test_numbers_thousands_and_scales(text, value):
    n = one_number(text)
    assert (n.best, n.low) == (value, None)


@pytest.mark.parametrize(("text", "value"), [
    ("1,200", 1200), ("1.200", 1200), ("١٬٢٠٠", 1200), ("١٢٠٠", 1200), ("12,500,000", 12500000), ("457", 457),
    ("٤٥٧", 457), ("3.5", 3.5), ("٣٫٥", 3.5),
])
def test_numbers_digits_and_separators(text, value):
    n = one_number(text)
    assert (n.best, n.kind, n.text) == (value, "digits", text)


@pytest.mark.parametrize("text", ["جنديين", "قتيلين", "شخصين", "جريحان", "طفلين", "رهينتين", "يومين"])
def test_numbers_duals_count_two(text):
    n = one_number(text)
    assert (n.best, n.kind) == (2, "dual")


@pytest.mark.parametrize(("text", "best", "low", "high"), [
    ("عشرات", 10, 10, None), ("العشرات", 10, 10, None), ("مئات", 100, 100, None), ("المئات", 100, 100, None),
    ("آلاف", 1000, 1000, None), ("الآلاف", 1000, 1000, None), ("عشرات الآلاف", 10000, 10000, None),
    ("مئات الآلاف", 100000, 100000, None), ("بضعة", 3, 3, 9), ("بضع", 3, 3, 9), ("بضعة آلاف", 3000, 3000, 9000),
    ("عدة", 3, 3, None),
])
def test_numbers_vague_quantities(text, best, low, high):
    n = one_number(text)
    assert (n.best, n.low, n.high, n.kind) == (best, low, high, "vague")


@pytest.mark.parametrize(("text", "best", "low", "high"), [
    ("نحو 15", 15, None, None), ("حوالي 40", 40, None, None), ("حوالى 40", 40, None, None),
    ("قرابة مئة", 100, None, None), ("زهاء 300", 300, None, None), ("ما يقارب 60", 60, None, None),
    ("أكثر من 15", 15, 15, None), ("ما يزيد عن عشرين", 20, 20, None), ("ما يزيد على 30", 30, 30, None),
    ("ما لا يقل عن 12", 12, 12, None), ("12 على الأقل", 12, 12, None), ("ما يصل إلى 300", 300, None, 300),
    ("بين 10 و15", 10, 10, 15), ("ما بين عشرة وعشرين", 10, 10, 20), ("20 - 30", 20, 20, 30),
    ("من 5 إلى 8", 5, 5, 8),
])
def test_numbers_qualifiers(text, best, low, high):
    n = max(find_numbers(text), key=lambda x: x.end - x.start)
    assert (n.best, n.low, n.high) == (best, low, high)


@pytest.mark.parametrize(("text", "values"), [
    ("ثلاثة وخمسة", [3, 5]),  # two units joined by و are two numbers
    ("عشرين وثلاثين", [20, 30]),
    ("ثلاثة قتلى وخمسة جرحى", [3, 5]),
    ("457 قتيلا، و2130 جريحا", [457, 2130]),
    ("الساعة 10:30", []),  # a clock time counts nothing
])
def test_numbers_separate_numbers_stay_apart(text, values):
    assert [n.best for n in find_numbers(text)] == values


@pytest.mark.parametrize("text", ["الاثنين", "الأحد", "دراسته", "ستار", "مؤسسته"])
def test_numbers_words_inside_other_words_are_not_numbers(text):
    assert find_numbers(text) == []


def test_numbers_offsets_point_into_the_original_text():
    text = "قُتِلَ خَمْسَةَ عَشَرَ شخصا و١٬٢٠٠ آخرون"
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text
    assert [n.best for n in find_numbers(text)] == [15, 1200]


# -- casualties -----------------------------------------------------------------------------------------------------
def figures(text: str) -> list[tuple]:
    return [(c.category, c.best, c.low, c.high, c.who) for c in find_casualties(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("أسفر التفجير عن مقتل 12 شخصا على الأقل وجرح 40 آخرين في سوق البلدة.",
     [("killed", 12, 12, None, None), ("injured", 40, None, None, None)]),
    ("وبلغت حصيلة الحملة 318 قتيلا، و1540 جريحا منذ انطلاقها.",
     [("killed", 318, None, None, None), ("injured", 1540, None, None, None)]),
    ("الهجوم الذي أسفر عن قتلى وجرحى في صفوف الحراس.",
     [("killed", None, None, None, None), ("injured", None, None, None, None)]),
    ("قتل مسلحون ثلاثة جنود وأصابوا اثنين آخرين.",
     [("killed", 3, None, None, "soldiers"), ("injured", 2, None, None, "soldiers")]),
    ("بمقتل ٣ مدنيين وإصابة ١٢ آخرين.",
     [("killed", 3, None, None, "civilians"), ("injured", 12, None, None, "civilians")]),
    ("مقتل جنديين وإصابة ثلاثة آخرين.",
     [("killed", 2, None, None, "soldiers"), ("injured", 3, None, None, "soldiers")]),
    ("مقتل نحو 50 مسلحا في الغارة.", [("killed", 50, None, None, "militants")]),
    ("مقتل ما لا يقل عن 9 من عناصر الشرطة.", [("killed", 9, 9, None, "police")]),
    ("مقتل أكثر من 20 شخصا.", [("killed", 20, 20, None, None)]),
    ("مقتل ما يصل إلى 70 شخصا.", [("killed", 70, None, 70, None)]),
    ("مقتل بين 10 و15 شخصا.", [("killed", 10, 10, 15, None)]),
    ("سقط عشرات القتلى في القصف.", [("killed", 10, 10, None, None)]),
    ("اختطاف عشرات المدنيين.", [("abducted", 10, 10, None, "civilians")]),
    ("أصيب خمسة عشر شخصا بجروح.", [("injured", 15, None, None, None)]),
    ("اعتقلت قوات الأمن 14 مشتبها بهم.", [("arrested", 14, None, None, None)]),
    ("أعلنت الشرطة القبض على خمسة عشر شخصا.", [("arrested", 15, None, None, None)]),
    ("أوقفت الشرطة ثلاثة إرهابيين.", [("arrested", 3, None, None, "militants")]),
    ("احتجاز 7 رهائن.", [("abducted", 7, None, None, None)]),
    ("لقي 7 أشخاص مصرعهم في الحادث.", [("killed", 7, None, None, None)]),
    ("لقي جندي حتفه.", [("killed", 1, None, None, "soldiers")]),
    ("ارتفع عدد القتلى إلى 23 شخصا.", [("killed", 23, None, None, None)]),
    ("وارتفع عدد الجرحى في الانفجار إلى 31.", [("injured", 31, None, None, None)]),
    ("مقتل أحد الجنود.", [("killed", 1, None, None, "soldiers")]),
    ("مقتل شرطي وإصابة آخر.", [("killed", 1, None, None, "police"), ("injured", 1, None, None, "police")]),
    ("بعد مقتل جندي وإصابة اثنين آخرين في كمين.",  # مقتل … اثنين must not hide إصابة اثنين
     [("killed", 1, None, None, "soldiers"), ("injured", 2, None, None, "soldiers")]),
    ("سقط ثلاثة عشر قتيلا.", [("killed", 13, None, None, None)]),
    ("قتل 3 جنود. وأصيب 5 آخرين في حادث منفصل.",  # آخرين does not reach into the previous sentence
     [("killed", 3, None, None, "soldiers"), ("injured", 5, None, None, None)]),
    ("اعتقال مسلحين.", [("arrested", None, None, None, "militants")]),
    ("سقوط قتيلين.", [("killed", 2, None, None, None)]),
    ("مقتل 3 جنود و5 مدنيين.", [("killed", 3, None, None, "soldiers"), ("killed", 5, None, None, "civilians")]),
    ("دون وقوع إصابات.", [("injured", 0, 0, 0, None)]),
    ("لم يسفر عن خسائر بشرية.", [("injured", 0, 0, 0, None), ("killed", 0, 0, 0, None)]),
    ("مقتل وإصابة 20 شخصا.", [("injured", None, None, 20, None), ("killed", None, None, 20, None)]),
    ("سقوط 30 شخصا بين قتيل وجريح.", [("injured", None, None, 30, None), ("killed", None, None, 30, None)]),
    ("عشرات القتلى والجرحى", [("injured", 10, 10, None, None), ("killed", 10, 10, None, None)]),
    ("استشهاد ثلاثة أطفال.", [("killed", 3, None, None, "civilians")]),
    ("أودى الانفجار بحياة 11 شخصا.", []),  # the subject between أودى and بحياة: not read
    ("أودى بحياة 11 شخصا.", [("killed", 11, None, None, None)]),
])
def test_numbers_casualty_figures(text, expected):
    assert sorted(figures(text), key=lambda f: (f[0], f[1] or 0)) == sorted(expected, key=lambda f: (f[0], f[1] or 0))


@pytest.mark.parametrize("text", [
    "تقع المدينة على بعد 320 كلم جنوب العاصمة.",
    "يبعد الحي الأخير (320 غرب المدينة) عن المطار.",
    "تنشط الجماعة منذ 2012 في الشمال.",
    "عمره 25 عاما.",
    "فجرت الجماعة 5 سيارات مفخخة.",
    "ارتفعت البطالة إلى 15% هذا العام.",
    "قتل في 2014 مع رفاقه.",
    "اعتقال 2014.",
    "مقتل 15 بالمئة من الماشية.",
    "لا توجد إحصائية دقيقة بشأن قتلى التنظيم.",
    "اعتقل لمدة 3 أشهر.",
])
def test_numbers_non_casualty_numbers(text):
    assert find_casualties(text) == []


def test_numbers_casualty_text_and_offsets_are_original():
    text = "وأسفر الهجومُ عن مقتلِ ١٥ شخصاً على الأقل"
    (c,) = find_casualties(text)
    assert c.text == "مقتلِ ١٥ شخصاً على الأقل"
    assert text[c.start:c.end] == c.text
    assert c.as_figure() == {"best": 15, "low": 15, "high": None, "text": c.text, "start": c.start, "end": c.end}


def test_numbers_casualties_in_a_window_keep_absolute_offsets():
    text = "مقتل 4 جنود. وفي حادث آخر إصابة 9 مدنيين."
    second = text.index("وفي")
    found = find_casualties(text, start=second)
    assert [(c.category, c.best) for c in found] == [("injured", 9)]
    assert text[found[0].start:found[0].end] == found[0].text
    assert [c.best for c in find_casualties(text, end=second)] == [4]


def test_numbers_casualties_precomputed_norm():
    text = "مقتل 4 جنود وجرح 6 آخرين"
    assert find_casualties(text, norm=normalize(text)) == find_casualties(text)


def test_numbers_casualty_is_frozen():
    c = find_casualties("مقتل 4 جنود")[0]
    assert isinstance(c, Casualty)
    with pytest.raises(AttributeError):
        c.best = 5  # type: ignore[misc]


_PIECES = ["مقتل", " ", "15", "شخصا", "على الأقل", "و", "جرح", "80", "آخرين", "، ", "450 كلم", "قتلى", "جرحى",
           "أسفر عن", "\u064f", "ـ", "١٢", "عشرات", "مدنيين"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_numbers_spans_are_slices_of_the_text(parts):
    text = "".join(parts)
    for c in find_casualties(text):
        assert text[c.start:c.end] == c.text and c.start < c.end
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text and n.start < n.end


# -- helpers ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("أكثر من 15", (15, 15, None)),
    ("مقتل 15 شخصا على الأقل", (15, 15, None)),
    ("عشرات", (10, 10, None)),
    ("ثلاثة آلاف", (3000, None, None)),
    ("لا رقم", None),
])
def test_numbers_parse_number(text, expected):
    assert parse_number(text) == expected


# -- data -------------------------------------------------------------------------------------------------------------
def test_numbers_word_file_has_no_conflicts():
    seen: dict[str, tuple[str, str]] = {}
    for word, value, kind, _ in read_tsv("number_words.tsv"):
        key = " ".join(normalize_text(word).split())
        assert seen.setdefault(key, (value, kind)) == (value, kind), word


def test_numbers_casualty_file_has_no_conflicts():
    seen: dict[tuple[str, str], tuple[str, str, str]] = {}
    for kind, word, category, who, form in read_tsv("casualty_words.tsv"):
        key = (kind, " ".join(normalize_text(word).split()))
        assert seen.setdefault(key, (category, who, form)) == (category, who, form), word
        assert category in ("-", "killed", "injured", "abducted", "arrested", "casualties")
        assert who in ("-", "soldiers", "civilians", "militants", "police", "inherit")


def test_numbers_a_count_in_another_clause_is_not_the_dead():
    # «قتل القائد»: one commander killed; the 300 he led belong to another clause
    found = find_casualties("قتل القائد الذي قاد 300 مقاتل.")
    assert [(c.category, c.best) for c in found] == [("killed", 1)]


def test_numbers_casualty_duals_are_number_duals():
    duals = {w for w, e in number_lexicon().items() if e.type == "dual"}
    lex = casualty_lexicon()
    for kind in ("noun", "person"):
        for word, entry in lex[kind].items():
            if entry.form == "dual":
                assert word in duals, word


# -- the seed article -------------------------------------------------------------------------------------------------
@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared")
def test_numbers_seed_article():
    text = (SHARED / "fixtures/seed/article.txt").read_text(encoding="utf-8")
    found = [(c.category, c.best, c.low) for c in find_casualties(text)]
    assert ("killed", 15, 15) in found
    assert ("injured", 80, None) in found
    assert ("killed", 457, None) in found
    assert ("injured", 2130, None) in found
    assert ("killed", None, None) in found and ("injured", None, None) in found
    assert not any(best in (450, 2009, 2011, 2015, 12) for _, best, _ in found)


# -- what the numbers benchmark's misses taught (bench/data/dates) ------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # the figure before its verb
    ("وقالت مصادر محلية إن 9 أشخاص على الأقل قتلوا في القصف.", [("killed", 9, 9, None, None)]),
    ("أفاد المسعفون بأن عشرات المدنيين أصيبوا في الغارة.", [("injured", 10, 10, None, "civilians")]),
    # a relative adjective as the counted noun
    ("قتل فيه 27 نيباليا كانوا يعملون في الموقع.", [("killed", 27, None, None, None)]),
    ("اختطفت الجماعة 8 صينيين من ورشة البناء.", [("abducted", 8, None, None, None)]),
    # more category words
    ("أسفر الحادث عن وفاة 6 أشخاص.", [("killed", 6, None, None, None)]),
    ("وأوديا بحياة 11 شخصا.", [("killed", 11, None, None, None)]),
    ("وأوقفنا 5 أشخاص مشتبه بهم، قال المتحدث.", [("arrested", 5, None, None, None)]),
    ("أسر المسلحون 3 جنود خلال الهجوم.", [("abducted", 3, None, None, "soldiers")]),
    ('أعلن الجيش مقتل "17 مسلحا" في العملية.', [("killed", 17, None, None, "militants")]),
    # a subject between the verb and the one it counts
    ("قتل مجهولون سائقا على الطريق الصحراوي.", [("killed", 1, None, None, None)]),
    ("اعتقلت الشرطة المحلية الرجل بعد المطاردة.", [("arrested", 1, None, None, None)]),
    ("خطف مسلحون مزارعا من حقله.", [("abducted", 1, None, None, "civilians")]),
    # a definite singular counts one
    ("قتل المهندس في انفجار لغم.", [("killed", 1, None, None, "civilians")]),
    # two categories joined by و after a plural verb: the second stands alone
    ("وكان 4 أشخاص قتلوا وأصيب 9 آخرون في الاشتباك.",
     [("killed", 4, None, None, None), ("injured", 9, None, None, None)]),
    ("قتل مدني وأصيب 6 آخرون في القصف.", [("killed", 1, None, None, "civilians"), ("injured", 6, None, None, "civilians")]),
    # a count with no number, and a negation with its subject in between
    ("أسفرت الغارة عن سقوط عدد من القتلى.", [("killed", None, None, None, None)]),
    ("لم يسفر الحريق عن إصابات.", [("injured", 0, 0, 0, None)]),
    # ألفان and more
    ("قتل ألفان وثلاثمئة شخص في المعارك.", [("killed", 2300, None, None, None)]),
])
def test_numbers_casualty_forms_from_the_benchmark(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "انتقدت المنظمة اعتقال تركيا للصحفيين.",  # تركيا is the country, not "a Turk"
    "أوقف الاتحاد الأوروبي التمويل.",
    "أوقف الحكم الإسباني المباراة في الدقيقة 80.",  # الإسباني describes الحكم
    "قتل تنظيم داعش الإرهابي عناصره الفارين.",
    "سجلت الوزارة 300 حالة يوميا.",
])
def test_numbers_adjectives_and_countries_are_not_people(text):
    assert not [c for c in find_casualties(text) if c.best == 1 or c.best == 300], find_casualties(text)


def test_numbers_two_active_plural_verbs_share_their_figure():
    assert sorted(figures("قال البيان إن المتمردين قتلوا وأصابوا 300 شخص.")) == [
        ("injured", None, None, 300, None), ("killed", None, None, 300, None)]


@pytest.mark.parametrize("text, category, best", [
    ("أعلنت الوزارة أن 6 من عناصر الدرك الوطني قتلوا في الكمين.", "killed", 6),
    ("أسفر القصف عن استشهاد مزارعين اثنين في أطراف البلدة.", "killed", 2),
    ("وأكدت المصادر مقتل حراس ثلاثة عند مدخل المصنع.", "killed", 3),
])
def test_who_before_the_verb_and_a_number_after_the_noun(text, category, best):
    found = [c for c in find_casualties(text) if c.category == category]
    assert found and found[0].best == best


@pytest.mark.parametrize(("text", "best"), [
    ("وقتل في الحرب نحو 10.000 مدني.", 10000),       # «في» + a definite noun between verb and figure
    ("أسفر النزاع عن سقوط عشرات الآلاف من القتلى.", 10000),  # a figure, «من», then the category noun
    ("وسقط العشرات من الجرحى في المواجهات.", 10),
])
def test_casualties_past_a_prepositional_phrase_or_min(text, best):
    (cas,) = find_casualties(text)
    assert cas.best == best


@pytest.mark.parametrize("text", ["قتل في 2015 جنديان في الهجوم.", "قتل في عام 2014 القائد السابق."])
def test_a_year_after_fi_is_never_a_toll(text):
    assert all(c.best not in (2014, 2015) for c in find_casualties(text))
