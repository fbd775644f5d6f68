"""People: name boundaries, ranks between role and name, names without a role word, and the tagger's PERS spans.

The sentences are written for these tests (names invented or common); each rule is checked with and, where the
pipeline differs, without PERS spans (the pipeline passes the CRF tagger's spans to find_persons).
"""
from __future__ import annotations

from rasd.actors import find_persons


def spans(text: str, *names: str) -> list[tuple[int, int]]:
    """PERS spans over the first occurrence of each name, as a tagger would give them."""
    out = []
    for name in names:
        i = text.index(name)
        out.append((i, i + len(name)))
    return out


def named(text: str, pers: list[tuple[int, int]] | None = None) -> list[tuple[str | None, str | None]]:
    return [(p.ref["name_ar"], p.ref["role"]) for p in find_persons(text, pers_spans=pers)]


# ---------------------------------------------------------------- where a guessed name ends

def test_a_verbal_noun_ends_a_name():
    text = "وأعلن المتحدث العسكري باسم الحوثيين يحيى سريع استهداف مطار جازان."
    (p,) = find_persons(text)
    assert p.ref["name_ar"] == "يحيى سريع"
    assert p.ref["role"] == "المتحدث العسكري باسم الحوثيين"
    assert named("وأكد الناطق باسم الشرطة سالم الدباشي اعتقال ثلاثة مسلحين قرب الحدود.") == [
        ("سالم الدباشي", "الناطق باسم الشرطة")]
    assert named("وأعلن قائد المحور فرج العبيدي انسحاب القوات من البلدة.") == [("فرج العبيدي", "قائد المحور")]


def test_reported_speech_words_end_a_name():
    assert named("ونقلت الوكالة عن اللواء خالد المحجوب قوله إن الطائرات قصفت المواقع.") == [
        ("خالد المحجوب", "اللواء")]


def test_a_foreign_surname_shaped_like_a_verb_before_punctuation():
    text = "وقال وزير الدفاع التشادي موسى تيموكو، إن الجيش استعاد السيطرة على البلدة."
    (p,) = find_persons(text)
    assert p.ref["name_ar"] == "موسى تيموكو"
    assert p.ref["affiliation"]["name"] == "Government of Chad"


def test_a_word_after_a_speech_verb_is_a_name_not_a_verb():
    text = ("وعبرت المتحدثة باسم الخارجية الأمريكية سارة تيلمانت في بيان عن قلقها. "
            "وقالت تيلمانت إن الوضع خطير.")
    first, later = find_persons(text)
    assert first.ref["name_ar"] == "سارة تيلمانت"
    assert later.text == "تيلمانت" and later.ref["name"] == "سارة تيلمانت"


def test_a_lone_verb_after_a_role_is_not_a_name():
    (p,) = find_persons("الرئيس التونسي يسحب الثقة من الحكومة")
    assert p.ref["name_ar"] is None and p.how == "unnamed"


def test_a_definite_surname_before_a_role_word():
    text = "ووصف الرئيس الراحل كمال البركات مصدر إلهام للأجيال."
    assert ("كمال البركات", "الرئيس الراحل") in named(text)


def test_ali_before_punctuation_is_a_name():
    assert named("وقال قائد الكتيبة حسن علي، إن الهجوم صد.") == [("حسن علي", "قائد الكتيبة")]


def test_a_role_does_not_run_into_the_next_words():
    got = named("وقال الناطق باسم البعثة في طرابلس الثلاثاء إن الهدنة صامدة.")
    assert got == [(None, "الناطق باسم البعثة في طرابلس")]


# ---------------------------------------------------------------- ranks and titles

def test_a_rank_between_role_and_name_is_in_neither():
    text = "وقال المتحدث باسم المقاومة الوطنية، العقيد الركن صادق الدويد، إن القوات تقدمت."
    for pers in (None, spans(text, "الركن", "صادق الدويد")):  # the CRF tags «الركن» on its own
        (p,) = find_persons(text, pers_spans=pers)
        assert p.ref["name_ar"] == "صادق الدويد"
        assert p.ref["role"] == "المتحدث باسم المقاومة الوطنية"
        assert p.text.startswith("المتحدث") and p.text.endswith("الدويد")


def test_a_rank_and_its_qualifiers_before_a_name():
    (p,) = find_persons("وأكد اللواء الطيار سمير الكبتي أن الطائرات عادت.")
    assert (p.ref["name_ar"], p.ref["role"]) == ("سمير الكبتي", "اللواء الطيار")


def test_rank_name_then_office_is_one_person():
    text = "وقال العميد الركن عبد الله الحسني، قائد اللواء الثالث، إن الهجوم صد."
    for pers in (None, spans(text, "العميد الركن عبد الله الحسني")):
        (p,) = find_persons(text, pers_spans=pers)
        assert p.ref["name_ar"] == "عبد الله الحسني"
        assert p.ref["role"] == "قائد اللواء الثالث"  # اللواء here is a brigade, not a rank
        assert p.text.startswith("العميد")


def test_a_rank_with_a_preposition_is_part_of_the_role():
    assert named("وقال المدير الفني للفريق جورج سانتوس، إن المباراة صعبة.") == [
        ("جورج سانتوس", "المدير الفني للفريق")]


# ---------------------------------------------------------------- roles

def test_a_counterpart_takes_the_nationality():
    (p,) = find_persons("وبحث الرئيس ذلك مع نظيره النيجري أبوبكر سيسي في اتصال هاتفي.")
    assert p.ref["name_ar"] == "أبوبكر سيسي" and p.ref["role"] == "نظيره النيجري"
    assert p.ref["affiliation"]["name"] == "Government of Niger"


def test_a_post_is_not_a_person():
    assert find_persons("وشغل الرجل منصب وزير الدفاع لثلاث سنوات.") == []


def test_a_bracketed_complement_of_the_role():
    text = "وأعلن وزير (الداخلية الليبي) خالد المبروك إجراء تحقيق في الهجوم."
    (p,) = find_persons(text)
    assert p.ref["name_ar"] == "خالد المبروك"
    assert p.ref["role"] == "وزير (الداخلية الليبي)"
    assert p.ref["affiliation"]["name"] == "Government of Libya"


def test_a_coordinated_complement_is_not_a_name():
    (p,) = find_persons("وشدد رئيس هيئة حماية المستهلك ومكافحة الاحتكار المصري على ضرورة الرقابة.")
    assert p.ref["name_ar"] is None
    assert p.ref["role"] == "رئيس هيئة حماية المستهلك ومكافحة الاحتكار المصري"


# ---------------------------------------------------------------- names without a role word

def test_a_name_between_a_speech_verb_and_that():
    text = "وقال سالم الورفلي إن المعارك مستمرة. وأضاف الورفلي أن القوات تقدمت."
    first, later = find_persons(text)
    assert first.ref["name_ar"] == "سالم الورفلي" and first.how == "cue"
    assert later.text == "الورفلي" and later.ref["name"] == "سالم الورفلي"


def test_groups_and_media_after_a_speech_verb_are_not_names():
    for text in ("وقال ناشطون معارضون إن الطائرات قصفت البلدة.",
                 "وذكرت وسائل إعلام محلية أن ثمانية أشخاص قتلوا.",
                 "وأكدت صحف محلية أن القضية أحيلت إلى القضاء.",
                 "وأكد رجال الإطفاء أن الحريق أخمد.",
                 "وقالت معظم الدول إن القرار متسرع.",
                 "وأعلنت السلطات أوائل مارس أنها ستفتح المعبر.",
                 "وقال لوكالة الأنباء إن الوضع هادئ."):
        assert find_persons(text) == [], text


def test_a_name_after_called():
    text = "وقال رائد شرطة، يدعى عبد القادر علي، إن الهجوم استهدف موكبا عسكريا."
    assert [p.ref["name_ar"] for p in find_persons(text)] == ["عبد القادر علي"]
    assert find_persons("وأعلنت جماعة تدعى «أنصار الحق» مسؤوليتها عن الهجوم.") == []


def test_a_later_part_of_a_name_after_a_speech_verb_is_the_same_person():
    text = "وقال مدير المرصد، رامي عبد الرحمن، إن القصف مستمر. وقال عبد الرحمن إن الطائرات روسية."
    first, later = find_persons(text)
    assert first.ref["name_ar"] == "رامي عبد الرحمن"
    assert later.text == "عبد الرحمن" and later.ref["name"] == "رامي عبد الرحمن"


def test_cues_are_left_to_the_tagger_when_it_runs():
    text = "وقال سالم الورفلي إن المعارك مستمرة."
    assert find_persons(text, pers_spans=[]) == []


# ---------------------------------------------------------------- the tagger's PERS spans

def test_a_pers_span_cut_one_word_short_is_extended():
    text = "وقال رئيس الوزراء التركي بن علي يلدريم، إن بلاده لن تتدخل."
    (p,) = find_persons(text, pers_spans=spans(text, "بن علي"))
    assert p.ref["name_ar"] == "بن علي يلدريم"
    text = "ووصف الرئيس المصري الراحل محمد أنور السادات مصدر إلهام."
    assert ("محمد أنور السادات", "الرئيس المصري الراحل") in named(text, spans(text, "محمد أنور"))


def test_a_pers_span_is_not_extended_over_a_complement():
    text = "وقدم سامي الهادي استقالته من منصبه."
    assert named(text, spans(text, "سامي الهادي")) == [("سامي الهادي", None)]
    text = 'وكتب سامي علي "تويتر": الوضع صعب.'
    assert named(text, spans(text, "سامي علي")) == [("سامي علي", None)]


def test_a_one_word_pers_span_after_a_role_takes_a_clear_longer_name():
    text = "قال وزير الداخلية هادي مجدوب على هامش زيارته إن الأمن مستتب."
    assert named(text, spans(text, "هادي")) == [("هادي مجدوب", "وزير الداخلية")]


def test_a_name_the_tagger_missed_after_a_role_when_punctuation_closes_it():
    text = "وقال وزير الفلاحة، الأسعد الأشعل، إن الموسم جيد."
    assert named(text, []) == [("الأسعد الأشعل", "وزير الفلاحة")]
    assert named("زعيم كوريا الشمالية يكشف مخاوفه من القمة", [])[0][0] is None


def test_a_pers_span_repeating_a_name_is_linked_to_it():
    text = "وقالت المتحدثة باسم الوزارة هيلين ماركوس في بيان إن الوضع هادئ. وأضافت ماركوس أن الحدود مغلقة."
    again = text.rindex("ماركوس")
    first, later = find_persons(text, pers_spans=spans(text, "هيلين ماركوس") + [(again, again + len("ماركوس"))])
    assert first.ref["name_ar"] == "هيلين ماركوس"
    assert later.ref["name"] == "هيلين ماركوس" and later.how.startswith("surname")


def test_a_pers_span_after_a_facility_noun_is_a_place():
    text = "ونقل الجرحى إلى مستشفى ابن سينا ومستشفى شارل نيكول في العاصمة."
    assert find_persons(text, pers_spans=spans(text, "سينا", "شارل نيكول")) == []
