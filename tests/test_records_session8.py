"""Rules added in session 8, checked on sentences written for rasd: each with what it must do and what it
must not."""
from tests.pipeline_records import kinds, records


def events_of(text):
    return kinds(records(text), "event")


def statements_of(text):
    return kinds(records(text), "statement")


def test_a_nationality_after_a_loose_taking_is_no_ground():
    # people named by their nationality are no ground taken
    assert not [ev for ev in events_of("تمكنت قوات الأمن المصرية من السيطرة على الليبيين المحتجين أمام السفارة "
                                       "في القاهرة مساء الأحد.") if "territory" in str(ev["sub_event_type"])]
    # a town after it still is
    (ev,) = events_of("وتمكنت قوات الجيش الليبي، بعد معارك استمرت يومين، من السيطرة على مدينة سبها.")
    assert "territory" in ev["sub_event_type"]
