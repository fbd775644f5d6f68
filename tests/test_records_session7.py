"""Rules added in session 7, checked through the whole pipeline on sentences written for rasd: each with what
it must do and what it must not."""
from tests.pipeline_records import kinds, records


def test_violence_against_civilians_with_no_one_named_as_hit_hits_the_civilians_of_its_country():
    (ev,) = kinds(records("اختطف مسلحون مجهولون مساء الأحد في مدينة سبها جنوب ليبيا."), "event")
    assert ev["event_type"] == "Violence against civilians"
    assert ev["actor2"]["name"] == "Civilians (Libya)" and ev["actor1"]["name"].startswith("Unidentified")
    # a force named as hit stays the one hit; a clash gets no default
    (ev,) = kinds(records("قتل ثلاثة جنود ماليين في هجوم شنه مسلحون على حاجز في منطقة موبتي."), "event")
    assert "Civilians" not in str(ev["actor2"])
    (ev,) = kinds(records("اندلعت اشتباكات عنيفة بين فصيلين مسلحين في مدينة الزاوية الليبية."), "event")
    assert ev["event_type"] == "Battles" and "Civilians" not in str(ev.get("actor2"))
