import pytest
from hypothesis import given, strategies as st

from rasd.normalize import normalize, normalize_text

ARABIC_CHARS = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةؤئ ٠١٢٣٤٥٦٧٨٩ـًٌٍَُِّْ\u200f\u200e،.ﻻﷲ") + ["a", "B", "1"])


@pytest.mark.parametrize("raw, folded", [
    ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آمال", "امال"), ("مصطفى", "مصطفي"), ("مدينة", "مدينه"),
    ("محاضرةٍ", "محاضره"), ("مـــوصل", "موصل"), ("١٢ أيار ٢٠١٦", "12 ايار 2016"), ("۱۲", "12"),
    ("\u200fليبيا\u200e", "ليبيا"), ("ISIS", "isis"), ("ﻻ", "لا"),
])
def test_normalize_folds_variants(raw, folded):
    assert normalize_text(raw) == folded
    assert normalize(raw).text == folded


@pytest.mark.parametrize("text, sub", [
    ("قال محمّدٌ في مدينةِ سرتَ", "سرت"),
    ("وبالمُوصِلِ اشتباكات", "موصل"),
    ("ﻻجئون في ليبيا", "ليبيا"),
])
def test_to_original_returns_the_written_form(text, sub):
    view = normalize(text)
    i = view.text.index(sub)
    s, e = view.to_original(i, i + len(sub))
    assert normalize_text(text[s:e]) == sub


def test_identity_map_when_nothing_removed():
    view = normalize("ليبيا وتونس")
    assert view.offsets is None
    assert view.to_original(0, 5) == (0, 5)


@given(st.text(ARABIC_CHARS, max_size=60))
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text(ARABIC_CHARS, max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_offsets_map_inside_the_original(text, a, b):
    view = normalize(text)
    n = len(view.text)
    start, end = sorted((min(a, n), min(b, n)))
    s, e = view.to_original(start, end)
    assert 0 <= s <= e <= len(text)
    # a ligature (ﷲ) expands to several letters: the original span covering part of it is the whole ligature
    assert view.text[start:end] in normalize_text(text[s:e])
