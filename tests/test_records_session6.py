"""Rules added in session 6, checked through the whole pipeline on sentences written for rasd: each with what
it must do and what it must not."""
import rasd


def records(text, published=None):
    return rasd.extract(text, published=published)["records"]


def kinds(recs, kind):
    return [r for r in recs if r["kind"] == kind]


def statement_types(text):
    return [st["statement_type"] for st in kinds(records(text), "statement")]


def test_criticism_and_denunciation_are_condemnations():
    assert statement_types("وانتقدت وزارة الخارجية العراقية القصف الذي طال قرى حدودية في إقليم كردستان.") == [
        "condemnation"]
    assert statement_types("وشجب المبعوث الأممي الهجمات على المدنيين في مدينة تعز.") == ["condemnation"]


def test_urging_is_an_appeal_but_a_search_is_not():
    (st,) = kinds(records("وحث المبعوث الأممي الأطراف الليبية على وقف القتال في محيط العاصمة طرابلس."),
                  "statement")
    assert st["statement_type"] == "appeal" and "المبعوث" in st["speaker"]["text"]
    # «بحثت» is ب + حثت to a naive matcher: a discussion, no appeal
    assert "appeal" not in statement_types("وبحثت اللقاءات الأخيرة في موسكو الأزمة في سوريا والتطورات الميدانية.")


def test_holding_someone_responsible_far_from_the_verb_is_an_accusation():
    recs = records("وحمل أهالي القرية ميليشيا الحوثي الانقلابية المسلحة المسؤولية عن مقتل المزارع في محافظة إب.")
    assert "accusation" in [st["statement_type"] for st in kinds(recs, "statement")]
