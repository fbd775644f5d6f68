import pytest
from hypothesis import given, strategies as st

from rasd.segment import clause_spans, proclitic_before, sentence_spans, split_proclitics, word_spans


@pytest.mark.parametrize("text, expected", [
    ("قتل جندي. وأصيب آخر.", ["قتل جندي.", "وأصيب آخر."]),
    ("انسحبت القوات من المدينة.وفي اليوم التالي عادت", ["انسحبت القوات من المدينة.", "وفي اليوم التالي عادت"]),
    ("هل انتهت الحرب؟ لا أحد يعرف!", ["هل انتهت الحرب؟", "لا أحد يعرف!"]),
    ("قال إن “الوضع هادئ”.وأضاف", ["قال إن “الوضع هادئ”.", "وأضاف"]),
    ("بلغت النسبة 3.5 بالمئة. ثم", ["بلغت النسبة 3.5 بالمئة.", "ثم"]),
    ("عنوان\n\nالفقرة الأولى", ["عنوان", "الفقرة الأولى"]),
])
def test_sentence_spans(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_clauses_split_at_arabic_comma_and_semicolon():
    text = "قال الوزير، إن الوضع صعب؛ فالقوات تتراجع"
    assert [text[s:e] for s, e in clause_spans(text, 0, len(text))] == ["قال الوزير", "إن الوضع صعب", "فالقوات تتراجع"]


@pytest.mark.parametrize("word, first", [("وبالموصل", ("وبال", "موصل")), ("لليبيا", ("لل", "يبيا")),
                                         ("فسيقاتلون", ("فس", "يقاتلون")), ("سرت", ("", "سرت"))])
def test_split_proclitics_longest_first(word, first):
    assert split_proclitics(word)[0] == first


@pytest.mark.parametrize("text, pos, prefix", [("ذهب إلى وبسرت", 10, "وب"), ("في سرت", 3, ""), ("مبسرت", 2, None)])
def test_proclitic_before(text, pos, prefix):
    assert proclitic_before(text, pos) == prefix


def test_word_spans_keep_decimal_numbers():
    text = "قتل 1,200 شخص و٣٫٥"
    assert [text[s:e] for s, e in word_spans(text)] == ["قتل", "1,200", "شخص", "و٣٫٥"]


@given(st.text(st.sampled_from(list("ابت ليب.؟!\n“”،") + ["ي"]), max_size=80))
def test_sentences_are_ordered_nonempty_and_trimmed(text):
    spans = sentence_spans(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        last = e
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
