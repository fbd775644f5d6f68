"""The record builder on hand-made mentions: rules tested apart from the stages that find mentions."""
import pytest

from rasd.events.build import DocView, Mention, build_records, merge_records
from rasd.lexicon import PhraseMatcher
from rasd.normalize import normalize
from rasd.segment import sentence_spans


def view(text, published="2024-03-10", places=(), actors=(), persons=(), dates=(), figures=()):
    def m(items, maker):
        out = []
        for item in items:
            surface = item[0]
            start = text.find(surface)
            while start >= 0:
                out.append(maker(start, start + len(surface), surface, *item[1:]))
                start = text.find(surface, start + 1)
        return sorted(out, key=lambda x: x.start)

    def place(s, e, t, cc, name, precision=1, kind="city", lat=1.0, lon=2.0):
        return Mention(s, e, t, {"text": t, "name": name, "country": cc, "precision": precision, "lat": lat,
                                 "lon": lon, "start": s, "end": e}, kind=kind)

    def actor(s, e, t, name, typ=2, cc=None):
        return Mention(s, e, t, {"text": t, "name": name, "id": name.lower(), "type": typ, "country": cc,
                                 "start": s, "end": e})

    def person(s, e, t, name, role=None, aff=None):
        return Mention(s, e, t, {"text": t, "name": name, "role": role, "affiliation": aff, "start": s, "end": e})

    def date(s, e, t, value, precision="day"):
        return Mention(s, e, t, {"value": value, "end": None, "precision": precision, "text": t,
                                 "basis": "absolute"})

    def figure(s, e, t, category, best, who=None):
        return Mention(s, e, t, {"category": category, "best": best, "low": None, "high": None, "who": who})

    return DocView("doc", text, normalize(text), published, sentence_spans(text),
                   places=m(places, place), actors=m(actors, actor), persons=m(persons, person),
                   dates=m(dates, date), figures=m(figures, figure))


def kinds(records):
    return sorted(r["kind"] for r in records)


KARMADI = [("كرمدي", "ML", "Karmadi")]  # an invented Malian town most tests place their incident in


def only_event(text, **mentions):
    """The one event built from `text` (in Karmadi unless other places are given)."""
    mentions.setdefault("places", KARMADI)
    (ev,) = [r for r in build_records(view(text, **mentions)) if r["kind"] == "event"]
    return ev


def test_suicide_bombing_in_a_market_is_one_event_with_figures():
    text = "فجر انتحاري نفسه في سوق بلدة كرمدي يوم 3 مارس، ما أسفر عن مقتل 12 شخصا وجرح 30 آخرين."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")], dates=[("3 مارس", "2024-03-03")],
                              figures=[("مقتل 12 شخصا", "killed", 12), ("جرح 30", "injured", 30)]))
    (ev,) = recs
    assert (ev["event_type"], ev["sub_event_type"]) == ("Explosions/Remote violence", "Suicide bomb")
    assert ev["fatalities"]["best"] == 12 and ev["injuries"]["best"] == 30
    assert ev["location"]["name"] == "Karmadi" and ev["date"]["value"] == "2024-03-03"
    assert ev["mode"] == ["suicide"] and ev["status"] == "occurred"
    assert ev["actor2"]["type"] == 7


def test_campaign_toll_is_a_tally_not_an_event():
    text = "وبلغت حصيلة عملية الفجر الجديد 310 قتلى و900 جريح منذ بداية العام."
    recs = build_records(view(text, figures=[("310 قتلى", "killed", 310), ("900 جريح", "injured", 900)]))
    assert kinds(recs) == ["tally"]
    assert recs[0]["fatalities"]["best"] == 310 and recs[0]["injuries"]["best"] == 900
    assert "الفجر الجديد" in recs[0]["scope"]["text"]


@pytest.mark.parametrize("cue, status", [("قد يقع", "expected"), ("هددت الجماعة بشن", "threatened"),
                                         ("نفت الجماعة", "denied")])
def test_status_cues_before_the_trigger(cue, status):
    text = f"{cue} هجوم على ثكنة الجيش في بلدة ورقلان."
    recs = build_records(view(text, places=[("ورقلان", "DZ", "Warqlan")],
                              actors=[("الجيش", "Military Forces of Algeria", 1, "DZ")]))
    events = [r for r in recs if r["kind"] == "event"]
    assert events and events[0]["status"] == status


def test_plural_mention_of_attacks_is_not_an_incident():
    text = "وشنت الجماعة عددا من الهجمات في المنطقة خلال السنوات الماضية."
    recs = build_records(view(text, actors=[("الجماعة", "Some Group")]))
    assert [r for r in recs if r["kind"] == "event"] == []


def test_claim_makes_statement_and_sets_claimed_by():
    text = "وتبنى تنظيم الشمس الهجوم الذي استهدف موقعا للجيش قرب بلدة تمزين."
    recs = build_records(view(text, places=[("تمزين", "NE", "Tamzin")],
                              actors=[("تنظيم الشمس", "Sun Group"), ("جيش", "Military Forces of Niger", 1, "NE")]))
    claim = next(r for r in recs if r["kind"] == "statement")
    event = next(r for r in recs if r["kind"] == "event")
    assert claim["statement_type"] == "claim" and claim["speaker"]["name"] == "Sun Group"
    assert event["claimed_by"]["name"] == "Sun Group"
    assert event["actor1"]["name"] == "Sun Group" and event["actor2"]["name"] == "Military Forces of Niger"
    assert event["event_type"] == "Battles"


def test_warning_speaker_is_the_person_after_the_verb():
    text = "حذر وزير الداخلية، سامي الفارس، من هجمات جديدة في ليبيا."
    recs = build_records(view(text, persons=[("سامي الفارس", "Sami al-Faris", "وزير الداخلية")],
                              places=[("ليبيا", "LY", "Libya", 4, "country")]))
    st = next(r for r in recs if r["kind"] == "statement")
    assert st["statement_type"] == "warning" and st["speaker"]["name"] == "Sami al-Faris"
    assert [p["country"] for p in st["about_places"]] == ["LY"]


def test_two_sentences_about_one_allegiance_merge():
    text = "أعلنت جماعة النور ولاءها لتنظيم القمر. وكانت مبايعة جماعة النور لتنظيم القمر مفاجئة."
    recs = build_records(view(text, actors=[("جماعة النور", "Nur"), ("تنظيم القمر", "Qamar")]))
    rels = [r for r in recs if r["kind"] == "relation"]
    assert len(rels) == 1 and rels[0]["relation_type"] == "allegiance"
    assert rels[0]["subject"]["name"] == "Nur" and rels[0]["object"]["name"] == "Qamar"
    assert len(rels[0]["mentions"]) == 1
    assert [r for r in recs if r["kind"] == "statement"] == []


def test_merge_keeps_the_fuller_record_and_lists_the_other_as_mention():
    a = {"kind": "event", "sub_event_type": "Armed clash", "location": {"name": "X"}, "date": None,
         "status": "occurred", "actor1": {"name": "G"}, "evidence": {"text": "a", "start": 0, "end": 1},
         "mentions": [], "fatalities": None}
    b = dict(a, evidence={"text": "b", "start": 5, "end": 6}, fatalities={"best": 3}, mentions=[])
    (merged,) = merge_records([a, b])
    assert merged["fatalities"] == {"best": 3}
    assert [m["start"] for m in merged["mentions"]] == [0]


def test_phrase_matcher_sees_through_proclitics_and_wildcards():
    pm = PhraseMatcher([("غارة جوية", "air"), ("حذر*", "warn"), ("عملية … لاستعادة", "op")])
    text = normalize("وبغارة جوية، وحذرت الوزارة من عملية عسكرية واسعة لاستعادة المدينة").text
    found = {(text[m.start:m.end], m.payload) for m in pm.match(text)}
    assert found == {("غاره جويه", "air"), ("حذرت", "warn"), ("عمليه عسكريه واسعه لاستعاده", "op")}


def test_armed_group_announcing_its_own_attack_is_a_claim():
    text = "أعلن المتحدث باسم جبهة الوادي الأخضر استهداف قاعدة عسكرية في بلدة تلمسين بصاروخين."
    recs = build_records(view(text, places=[("تلمسين", "ML", "Telmessin")],
                              actors=[("جبهة الوادي الأخضر", "Green Valley Front", 2, "ML")]))
    (claim,) = [r for r in recs if r["kind"] == "statement"]
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert claim["statement_type"] == "claim"
    assert ev["status"] == "claimed" and ev["claimed_by"]["name"] == "Green Valley Front"
    assert ev["actor1"]["name"] == "Green Valley Front"
    assert ev["sub_event_type"] == "Shelling/artillery/missile attack"


def test_a_source_reporting_that_something_happened_makes_no_claim():
    text = "وأفاد مصدر في جبهة الوادي الأخضر أن اشتباكات اندلعت في بلدة تلمسين."
    recs = build_records(view(text, places=[("تلمسين", "ML", "Telmessin")],
                              actors=[("جبهة الوادي الأخضر", "Green Valley Front", 2, "ML")]))
    assert not any(r.get("statement_type") == "claim" for r in recs)
    assert all(r.get("status") != "claimed" for r in recs)


def test_an_outlet_owned_by_a_group_is_the_reporter():
    text = 'وشنت طائرات غارات على مطار بلدة تلمسين، وفق ما أفادت قناة "النهار" التابعة للجبهة.'
    recs = build_records(view(text, places=[("تلمسين", "ML", "Telmessin")],
                              actors=[("للجبهة", "Green Valley Front", 2, "ML")]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["reported_by"]["text"] == 'قناة "النهار"'


def test_a_later_definite_mention_adds_to_the_incident_told_before():
    text = ("هاجم مسلحون ثكنة للجيش في بلدة ورقلان يوم 3 مارس. "
            "وأضاف المصدر أن جنديين قتلا خلال الهجوم.")
    recs = build_records(view(text, places=[("ورقلان", "DZ", "Warqlan")], dates=[("3 مارس", "2024-03-03")],
                              figures=[("جنديين قتلا", "killed", 2)]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["fatalities"]["best"] == 2 and len(ev["mentions"]) == 1


def test_a_definite_mention_in_a_town_far_away_is_another_incident():
    text = ("هاجم مسلحون ثكنة للجيش في بلدة ورقلان يوم 3 مارس. "
            "وفي بلدة تيمزار، استهدف الهجوم دورية للشرطة.")
    far = [("ورقلان", "DZ", "Warqlan", 1, "city", 32.0, 5.3), ("تيمزار", "DZ", "Timzar", 1, "city", 33.0, 6.9)]
    recs = build_records(view(text, places=far, dates=[("3 مارس", "2024-03-03")]))
    assert len([r for r in recs if r["kind"] == "event"]) == 2
    near = [far[0], ("تيمزار", "DZ", "Timzar", 1, "city", 32.1, 5.4)]  # the next village: the same incident
    recs = build_records(view(text, places=near, dates=[("3 مارس", "2024-03-03")]))
    assert len([r for r in recs if r["kind"] == "event"]) == 1


def test_a_named_speaker_opening_a_sentence_makes_a_statement():
    text = "وقال وزير الداخلية سالم بن عيسى إن الحكومة ستفتح تحقيقا في ملابسات الحادث."
    recs = build_records(view(text, persons=[("سالم بن عيسى", "Salem Ben Issa", "وزير الداخلية")]))
    (st,) = recs
    assert st["kind"] == "statement" and st["statement_type"] == "announcement"
    assert st["speaker"]["name"] == "Salem Ben Issa"


def test_an_anonymous_source_makes_no_statement():
    text = "وقال مصدر طبي إن المستشفى استقبل عددا من المصابين."
    recs = build_records(view(text, persons=[("مصدر طبي", None, "مصدر طبي")]))
    assert recs == []


def test_places_agree_when_one_holds_the_other():
    from rasd.events.build import _places_agree

    town = {"name": "Tera", "country": "NE", "admin1": "Tillabéri", "precision": 1, "lat": 14.0, "lon": 0.75}
    province = {"name": "Tillabéri", "country": "NE", "admin1": "Tillabéri", "precision": 3}
    other_town = {"name": "Tahoua", "country": "NE", "admin1": "Tahoua", "precision": 1, "lat": 14.9, "lon": 5.26}
    next_village = {"name": "Doumba", "country": "NE", "admin1": "Tillabéri", "precision": 1, "lat": 14.1, "lon": 0.8}
    assert _places_agree(town, province) and _places_agree(town, next_village)
    assert not _places_agree(other_town, province) and not _places_agree(town, other_town)
    assert not _places_agree(town, {"name": "Mali", "country": "ML", "precision": 4})


def test_present_tense_denial_with_a_speaker_is_a_statement():
    text = "وتنفي وزارة الداخلية ضلوع عناصرها في مقتل الصحفي."
    recs = build_records(view(text, actors=[("وزارة الداخلية", "Ministry of Interior", 1, "EG")]))
    assert [r["statement_type"] for r in recs if r["kind"] == "statement"] == ["denial"]


@pytest.mark.parametrize("text", ["ورفع المتظاهرون لافتات تطالب بإقالة المحافظ.",
                                  "وأفاد سكان بأن دوي الانفجارات استمر ساعات."])
def test_banners_and_residents_make_no_statement(text):
    recs = build_records(view(text))
    assert not [r for r in recs if r["kind"] == "statement"]


def test_a_similar_attack_named_later_is_another_incident():
    text = ("فجر انتحاري نفسه عند مدخل سوق بلدة كرمدي. "
            "ويأتي ذلك بعد أسبوع من هجوم مماثل على مقر الشرطة في البلدة نفسها.")
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              actors=[("الشرطة", "Police Forces of Mali", 1, "ML")]))
    assert len([r for r in recs if r["kind"] == "event"]) == 2


def test_a_country_after_the_verb_speaks_for_its_government():
    text = "كما تتهمها روسيا بالتعاون مع جماعات مسلحة."
    recs = build_records(view(text, places=[("روسيا", "RU", "Russia", 4, "country")]))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert st["statement_type"] == "accusation" and st["speaker"]["name"] == "Government of Russia"


def test_the_subject_just_before_the_verb_is_the_speaker():
    text = "وكان سالم بن عيسى نفى في تغريدة مرض القائد عمر الفاتح."
    recs = build_records(view(text, persons=[("سالم بن عيسى", "Salem Ben Issa"), ("عمر الفاتح", "Omar al-Fateh")]))
    (st,) = recs
    assert st["statement_type"] == "denial" and st["speaker"]["name"] == "Salem Ben Issa"


def test_who_is_killed_is_actor2_and_who_kills_is_actor1():
    text = "قتل جندي مالي في هجوم على ثكنة في بلدة كرمدي."
    ev = only_event(text,
                    actors=[("جندي مالي", "Military Forces of Mali", 1, "ML")])
    # no one named acting: an unidentified armed group of the place's country (the default ACLED codes)
    assert ev["actor2"]["name"] == "Military Forces of Mali" and ev["actor1"]["name"] == "Unidentified Armed Group (Mali)"
    text = "قتل الجيش ثلاثة مسلحين في هجوم على معسكر قرب بلدة كرمدي."
    ev = only_event(text,
                    actors=[("الجيش", "Military Forces of Mali", 1, "ML")])
    assert ev["actor1"]["name"] == "Military Forces of Mali"


def test_an_updated_toll_replaces_the_first_and_a_relative_clause_reports_nothing():
    text = ("انفجرت عبوة ناسفة في سوق بلدة كرمدي ما أسفر عن مقتل شخصين. "
            "وارتفعت حصيلة الانفجار إلى خمسة قتلى.")
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              figures=[("مقتل شخصين", "killed", 2), ("خمسة قتلى", "killed", 5)]))
    assert [r["kind"] for r in recs] == ["event"] and recs[0]["fatalities"]["best"] == 5
    text = "وقصفت مدفعية الجيش مواقع المتمردين لحماية القوات التي خاضت مواجهات عنيفة قرب بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              actors=[("الجيش", "Military Forces of Mali", 1, "ML")]))
    assert [r["sub_event_type"] for r in recs if r["kind"] == "event"] == ["Shelling/artillery/missile attack"]


def test_a_later_sentence_names_the_town_of_an_incident_placed_in_a_country():
    text = ("قتل جندي في هجوم بالنيجر. "
            "وقال المسؤول إن الهجوم وقع في بلدة تيلوا قرب الحدود.")
    recs = build_records(view(text, places=[("النيجر", "NE", "Niger", 4, "country"), ("تيلوا", "NE", "Tilwa")],
                              figures=[("قتل جندي", "killed", 1)]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["location"]["name"] == "Tilwa"


def test_a_separate_incident_after_arrests_is_its_own_event():
    text = ("اعتقلت الشرطة خمسة أشخاص في بلدة كرمدي. "
            "وفي سياق منفصل، قتل ثلاثة جنود في هجوم على ثكنة عسكرية.")
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              actors=[("الشرطة", "Police Forces of Mali", 1, "ML")],
                              figures=[("خمسة أشخاص", "arrested", 5), ("قتل ثلاثة جنود", "killed", 3)]))
    events = [r for r in recs if r["kind"] == "event"]
    assert sorted(r["event_type"] for r in events) == ["Battles", "Strategic developments"]


def test_a_group_announcing_its_own_losses_claims_nothing():
    text = "أعلنت جبهة الوادي الأخضر مقتل خمسة من مقاتليها في غارة جوية قرب بلدة تلمسين."
    recs = build_records(view(text, places=[("تلمسين", "ML", "Telmessin")],
                              actors=[("جبهة الوادي الأخضر", "Green Valley Front", 2, "ML")],
                              figures=[("مقتل خمسة", "killed", 5)]))
    assert not any(r.get("statement_type") == "claim" for r in recs)
    assert all(r.get("status") != "claimed" for r in recs)


@pytest.mark.parametrize("text", ["اتفق الطرفان على وقف إطلاق النار في بلدة كرمدي.",
                                  "وأطلق مسلحون قذيفة على سوق بلدة كرمدي. واندلعت النار في المحال."])
def test_ceasefire_is_no_clash_and_gaps_stop_at_the_sentence_end(text):
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")]))
    assert not any(r.get("sub_event_type") == "Armed clash" for r in recs)


def test_an_updated_toll_ignores_the_part_named_among_them():
    text = ("انفجرت عبوة ناسفة في سوق بلدة كرمدي ما أسفر عن مقتل شخصين. "
            "وارتفعت حصيلة الانفجار إلى خمسة قتلى بينهم طفلان.")
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              figures=[("مقتل شخصين", "killed", 2), ("خمسة قتلى", "killed", 5),
                                       ("طفلان", "killed", 2)]))
    (ev,) = recs
    assert ev["fatalities"]["best"] == 5


def test_a_fixed_phrase_with_a_present_verb_is_no_statement():
    text = "وتنشط في المنطقة جماعة الوادي التي تدين بالولاء لتنظيم الدولة."
    recs = build_records(view(text, actors=[("جماعة الوادي", "Valley Group", 2, "ML")]))
    assert not [r for r in recs if r["kind"] == "statement"]


def test_hard_wrapped_text_has_no_headline():
    from rasd.events.adapt import _headline_end

    wrapped = "قال مسؤول محلي إن مسلحين هاجموا قرية في\nشمال البلاد ليل الأحد وأحرقوا عددا من\nالمنازل قبل أن يفروا."
    assert _headline_end(wrapped) == 0 and _headline_end("سطر واحد") == 0
    assert _headline_end("مقتل جنديين في هجوم\nقتل جنديان وأصيب ثلاثة آخرون في هجوم شنه مسلحون على دورية للجيش.") > 0


def test_unnamed_officials_give_an_assessment_even_beside_an_event():
    text = "رأى مسؤولون عسكريون فرنسيون أن المسلحين الذين هاجموا بلدة كرمدي قد فروا إلى الصحراء."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")]))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert st["statement_type"] == "assessment" and st["speaker"]["text"].startswith("مسؤولون")


def test_a_role_then_a_name_is_one_speaker():
    text = "وحذر مبعوث الأمم المتحدة إلى البلاد، سالم بن عيسى، من انهيار الهدنة."
    recs = build_records(view(text, persons=[("مبعوث الأمم المتحدة", None, "مبعوث الأمم المتحدة"),
                                             ("سالم بن عيسى", "Salem Ben Issa")]))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert st["speaker"]["name"] == "Salem Ben Issa" and st["speaker"]["role"] == "مبعوث الأمم المتحدة"


def test_a_source_phrase_at_the_very_end_of_the_text():
    text = "قتل جنديان في هجوم على ثكنة قرب بلدة كرمدي، بحسب ما أفاد مصدر"
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")], figures=[("قتل جنديان", "killed", 2)]))
    assert [r["kind"] for r in recs] == ["event"]


def test_an_official_who_asked_not_to_be_named_makes_no_statement():
    text = "وقال مسؤول في البلدية، طلب عدم ذكر اسمه، إن الحافلة كانت تقل عشرات الركاب."
    recs = build_records(view(text, persons=[("مسؤول في البلدية", None, "مسؤول في البلدية")]))
    assert not [r for r in recs if r["kind"] == "statement"]


def test_an_explosion_says_more_than_an_attack():
    text = "وهذا ثاني هجوم من نوعه، إذ قتل أربعة ركاب في انفجار قرب بلدة كرمدي."
    ev = only_event(text, figures=[("قتل أربعة ركاب", "killed", 4)])
    assert ev["event_type"] == "Explosions/Remote violence"


def test_police_and_protesters_clashing_is_a_violent_demonstration():
    text = "واندلعت مواجهات بين الشرطة والمحتجين أمام مقر الولاية في بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              actors=[("الشرطة", "Police Forces of Mali", 1, "ML"),
                                      ("المحتجين", "Protesters (Mali)", 6, "ML")]))
    (ev,) = recs
    assert (ev["event_type"], ev["sub_event_type"]) == ("Riots", "Violent demonstration")
    assert ev["actor1"]["name"] == "Rioters (Mali)" and ev["actor2"]["name"] == "Police Forces of Mali"


def test_an_attack_of_a_group_names_its_agent():
    text = "قتل عشرون جنديا في هجوم لجبهة الوادي على ثكنة قرب بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              actors=[("جبهة الوادي", "Valley Front", 2, "ML")],
                              figures=[("عشرون جنديا", "killed", 20)]))
    (ev,) = recs
    assert ev["actor1"]["name"] == "Valley Front"


def test_the_side_met_in_fighting_is_actor2():
    text = "دخل الجيش حيا غربي بلدة كرمدي بعد اشتباكات مع عناصر الجماعات الإرهابية."
    ev = only_event(text,
                    actors=[("الجيش", "Military Forces of Mali", 1, "ML"),
                            ("الجماعات الإرهابية", "Unidentified Armed Group (Mali)", 3, "ML")])
    assert ev["actor1"]["name"] == "Military Forces of Mali"
    assert ev["actor2"]["name"] == "Unidentified Armed Group (Mali)"
    text = "قصف الجيش بالتنسيق مع القوات الفرنسية مواقع قرب بلدة كرمدي."  # an ally, not a side
    ev = only_event(text,
                    actors=[("الجيش", "Military Forces of Mali", 1, "ML"),
                            ("القوات الفرنسية", "Military Forces of France", 1, "FR")])
    assert ev["actor1"]["name"] == "Military Forces of Mali" and ev["actor2"] is None
    assert [a["name"] for a in ev["assoc_actor_1"]] == ["Military Forces of France"]


def test_a_subject_before_its_verb_of_saying_makes_a_statement():
    text = "وكانت الشرطة قالت إن رجلا من سكان المدينة نفذ الاعتداء."
    recs = build_records(view(text, actors=[("الشرطة", "Police Forces of Mali", 1, "ML")]))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert st["statement_type"] == "announcement" and st["speaker"]["name"] == "Police Forces of Mali"
    text = "لكن مسؤولين أمنيين قالوا إن التنظيم قد يعود إلى المنطقة."
    (st,) = [r for r in build_records(view(text)) if r["kind"] == "statement"]
    assert st["speaker"]["text"] == "مسؤولين أمنيين"
    # an opening clause is no subject («وحول الخسائر، قال مصدر …» still needs a speaker of its own)
    assert build_records(view("وفي المدينة قالوا إن الوضع هادئ.")) == []


def test_an_appeal_with_the_speaker_between_verb_and_phrase():
    text = "وشدد وزير الخارجية الفرنسي جان دوبون على ضرورة حماية المدنيين."
    recs = build_records(view(text, persons=[("جان دوبون", "Jean Dupont", "وزير الخارجية الفرنسي")]))
    (st,) = recs
    assert st["statement_type"] == "appeal" and st["speaker"]["name"] == "Jean Dupont"


def test_an_official_announcing_an_incident_makes_a_statement_and_reports_the_event():
    text = "أكدت الحكومة المالية أن مسلحين هاجموا قرية كرمدي وقتلوا 12 شخصا."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              actors=[("الحكومة المالية", "Government of Mali", 1, "ML"),
                                      ("مسلحين", "Unidentified Armed Group (Mali)", 3, "ML")],
                              figures=[("قتلوا 12 شخصا", "killed", 12)]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert ev["reported_by"]["name"] == "Government of Mali" and ev["fatalities"]["best"] == 12
    assert st["statement_type"] == "announcement" and st["speaker"]["name"] == "Government of Mali"
    # the government tells of the attack and takes no part in it; a force reporting its own act does, and so
    # does a ministry that says «أنها» (its own strikes)
    assert ev["actor1"]["name"] == "Unidentified Armed Group (Mali)" and ev["actor2"]["name"] == "Civilians (Mali)"
    text = "أعلن الجيش المالي استعادة السيطرة على بلدة كرمدي."
    ev = only_event(text,
                    actors=[("الجيش المالي", "Military Forces of Mali", 1, "ML")])
    assert ev["actor1"]["name"] == "Military Forces of Mali"
    text = "أعلنت وزارة الدفاع المالية أنها شنت غارات جوية على مواقع للمسلحين قرب بلدة كرمدي."
    ev = only_event(text,
                    actors=[("وزارة الدفاع المالية", "Government of Mali", 1, "ML")])
    assert ev["actor1"]["name"] == "Government of Mali"


def test_what_follows_on_after_the_trigger_is_the_target():
    text = "وأحبط الجيش هجوما على مقر الولاية في بلدة كرمدي."
    ev = only_event(text)
    assert ev["target"]["text"] == "مقر الولاية"
    text = "قتل 3 جنود على الأقل في هجوم قرب بلدة كرمدي."  # «على الأقل» is no target
    (ev,) = [r for r in build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                                           figures=[("قتل 3 جنود", "killed", 3)])) if r["kind"] == "event"]
    assert ev["target"] is None


def test_people_killed_in_a_bombing_with_no_force_named_are_civilians():
    text = "انفجرت عبوة ناسفة في بلدة كرمدي ما أسفر عن مقتل سبعة أشخاص."
    ev = only_event(text, figures=[("مقتل سبعة أشخاص", "killed", 7)])
    assert ev["actor2"]["name"] == "Civilians (Mali)"
    text = "انفجرت عبوة ناسفة في بلدة كرمدي ما أسفر عن مقتل سبعة جنود."
    figure = Mention(0, 0, "", {"category": "killed", "best": 7, "who": "soldiers"})
    v = view(text, places=[("كرمدي", "ML", "Karmadi")])
    start = text.find("مقتل")
    v.figures.append(Mention(start, start + 14, text[start:start + 14], figure.ref))
    (ev,) = [r for r in build_records(v) if r["kind"] == "event"]
    assert ev["actor2"]["name"] == "Military Forces of Mali"  # soldiers killed: the state's forces, not civilians


@pytest.mark.parametrize("text, status", [
    ("وكان مسلحون قد نصبوا كمينا لدورية قرب بلدة كرمدي.", "occurred"),
    ("وقد هاجم مسلحون دورية قرب بلدة كرمدي.", "occurred"),
    ("وقد تمكنت القوات من صد هجوم قرب بلدة كرمدي.", "occurred"),
    ("وحذر مسؤولون من أن المسلحين قد يشنون هجوما قرب بلدة كرمدي.", "expected"),
])
def test_qad_before_a_past_verb_is_no_modal(text, status):
    ev = only_event(text)
    assert ev["status"] == status


def test_an_event_with_no_place_near_it_takes_the_articles_country_not_an_embassys():
    text = ("تشهد مالي توترا أمنيا منذ أشهر. وتحدث السكان عن مخاوف كثيرة من تدهور الأوضاع. "
            "وقال شهود إن الوضع هادئ نسبيا. وأطلق مسلحون النار على السفارة الفرنسية وقتلوا حارسين.")
    recs = build_records(view(text, places=[("مالي", "ML", "Mali", 4, "country"),
                                            ("الفرنسية", "FR", "France", 4, "nationality")],
                              figures=[("قتلوا حارسين", "killed", 2)]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["location"]["country"] == "ML" and ev["location"]["precision"] == 4
    assert ev["provenance"]["location"].startswith("the article's country")


def test_thousands_dead_are_a_war_toll_not_an_incident():
    text = "وقتل أكثر من 350 ألف شخص في الحرب ونزح الملايين."
    recs = build_records(view(text, figures=[("قتل أكثر من 350 ألف شخص", "killed", 350000)]))
    assert kinds(recs) == ["tally"] and recs[0]["fatalities"]["best"] == 350000


@pytest.mark.parametrize("text, sub, mode", [
    ("وطهرت القوات الحكومية قرية الدنيبة قرب بلدة كرمدي.", "Government regains territory", None),
    ("ونجح الجيش، بعد أيام، في تحرير بلدة كرمدي.", "Government regains territory", None),
    ("وقال الجيش إن انتحاريا اقتحم مقرا أمنيا في بلدة كرمدي بسيارة.", "Suicide bomb", "suicide"),
    ("ونهب المسلحون المحال التجارية في بلدة كرمدي.", "Looting/property destruction", None),
    ("وقتل مزارع بالرصاص قرب بلدة كرمدي.", "Attack", "firearms"),
])
def test_more_incident_words(text, sub, mode):
    ev = only_event(text)
    assert ev["sub_event_type"] == sub and (mode is None or mode in ev["mode"])


def test_a_statement_is_about_the_speakers_country_or_else_the_articles():
    text = "تشهد مالي توترا منذ أشهر. وشدد المبعوث الأممي على ضرورة حماية المدنيين. وحذر الرئيس النيجيري من الفوضى."
    recs = build_records(view(text, places=[("مالي", "ML", "Mali", 4, "country"),
                                            ("النيجيري", "NG", "Nigeria", 4, "nationality")]))
    appeal, warning = [r for r in recs if r["kind"] == "statement"]
    assert [p["country"] for p in appeal["about_places"]] == ["ML"]
    assert [p["country"] for p in warning["about_places"]] == ["NG"]


def test_a_past_verb_starting_with_nun_is_no_first_person():
    text = "ونفت وزارة الدفاع الروسية، في بيان، أي قصف على المدينة. وندد الرئيس بالهجوم."
    recs = build_records(view(text, actors=[("وزارة الدفاع الروسية", "Government of Russia", 1, "RU")],
                              persons=[("الرئيس", None, "الرئيس")]))
    denial, condemnation = [r for r in recs if r["kind"] == "statement"]
    assert denial["speaker"]["name"] == "Government of Russia"
    assert condemnation["speaker"] is not None


def test_an_attack_whose_only_victims_are_people_is_violence_against_civilians():
    text = "وهاجم مسلحون بلدة كرمدي وقتلوا 18 شخصا."
    ev = only_event(text,
                    actors=[("مسلحون", "Unidentified Armed Group (Mali)", 3, "ML")],
                    figures=[("قتلوا 18 شخصا", "killed", 18)])
    assert (ev["event_type"], ev["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert ev["actor2"]["name"] == "Civilians (Mali)"
    text = "وهاجم مسلحون الجيش في بلدة كرمدي وقتلوا 18 شخصا."  # a force in the sentence: a clash
    ev = only_event(text,
                    actors=[("مسلحون", "Unidentified Armed Group (Mali)", 3, "ML"),
                            ("الجيش", "Military Forces of Mali", 1, "ML")],
                    figures=[("قتلوا 18 شخصا", "killed", 18)])
    assert ev["event_type"] == "Battles"


def test_a_headline_and_its_body_read_one_attack_either_way():
    text = "هجوم للمسلحين في كرمدي\n\nوقال مسؤولون إن مسلحين شنوا هجوما على مدرسة في بلدة كرمدي."
    v = view(text, places=[("كرمدي", "ML", "Karmadi")])
    v.title_end = text.index("\n\n")
    recs = build_records(v)
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["event_type"] == "Violence against civilians" and len(ev["mentions"]) == 1


def test_the_source_after_hasab_ma_and_a_later_sentence_reports_the_incident():
    text = "انفجرت عبوة ناسفة في سوق بلدة كرمدي. وأسفر الانفجار عن مقتل ثلاثة أشخاص، حسب ما ذكرت وكالة الأنباء المحلية."
    ev = only_event(text,
                    figures=[("مقتل ثلاثة أشخاص", "killed", 3)])
    assert ev["fatalities"]["best"] == 3
    assert ev["reported_by"]["text"].startswith("وكالة الأنباء")


@pytest.mark.parametrize("text, mention, name", [
    ("قتل ثلاثة جنود ماليين في انفجار عبوة ناسفة قرب بلدة كرمدي.", "جنود ماليين", "Military Forces of Mali"),
    ("أعلن الجيش مقتل زعيم تنظيم الدولة في غارة قرب بلدة كرمدي.", "تنظيم الدولة", "Islamic State"),
    ("وقال الجيش إن وحداته حيدت نحو 15 مسلحا في عملية عسكرية قرب بلدة كرمدي.", "مسلحا", "Unidentified Armed Group (Mali)"),
])
def test_who_suffers_is_found_past_counts_and_ranks(text, mention, name):
    ev = only_event(text,
                    actors=[(mention, name, 2, "ML")])
    assert ev["actor1"] is None or ev["actor1"]["name"] != name
    assert ev["actor2"] is not None and ev["actor2"]["name"] == name


def test_armed_men_the_text_goes_on_to_name_are_that_group():
    text = "وقتل 17 جنديا في هجوم شنه مسلحون من جماعة بوكو حرام على موقع للجيش قرب بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "TD", "Karmadi")],
                              actors=[("مسلحون", "Unidentified Armed Group (Chad)", 3, "TD"),
                                      ("بوكو حرام", "Boko Haram", 2, "NG")],
                              figures=[("قتل 17 جنديا", "killed", 17)]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["actor1"]["name"] == "Boko Haram"
    text = "وقال الجيش إنه قتل 96 مسلحا من جماعة بوكو حرام في معارك قرب بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "TD", "Karmadi")],
                              actors=[("مسلحا", "Unidentified Armed Group (Chad)", 3, "TD"),
                                      ("بوكو حرام", "Boko Haram", 2, "NG")]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["actor2"]["name"] == "Boko Haram" and (ev["actor1"] or {}).get("name") != "Boko Haram"


def test_a_statement_is_about_the_states_and_people_it_names():
    text = "واتهم النظام السوري إسرائيل بقصف موقع عسكري، وقال إن سالم بن عيسى يقف وراء التخطيط."
    recs = build_records(view(text, actors=[("النظام السوري", "Government of Syria", 1, "SY")],
                              places=[("إسرائيل", "IL", "Israel", 4, "country")],
                              persons=[("سالم بن عيسى", "Salem Ben Issa")]))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert st["speaker"]["name"] == "Government of Syria"
    assert {a["name"] for a in st["about_actors"]} == {"Government of Israel", "Salem Ben Issa"}


def test_the_provisional_toll_right_after_an_incident_is_its_toll():
    text = "وهاجم مسلحون موقعا للجيش قرب بلدة كرمدي ليل الخميس. والحصيلة المؤقتة هي مقتل جندي وإصابة اثنين."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              figures=[("مقتل جندي", "killed", 1), ("إصابة اثنين", "injured", 2)]))
    assert kinds(recs) == ["event"]
    assert recs[0]["fatalities"]["best"] == 1 and recs[0]["injuries"]["best"] == 2


def test_weapons_seized_and_a_truce_line_are_no_incidents_and_a_denial_governs_its_object():
    text = "وضبطت الشرطة أسلحة منها بنادق وقنابل يدوية في بلدة كرمدي. وبقي خط الهدنة هادئا قرب بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")]))
    assert [r for r in recs if r["kind"] == "event" and r["event_type"] != "Strategic developments"] == []
    assert not [r for r in recs if r.get("sub_event_type") == "Agreement"]
    text = "ونفت الوزارة، في بيان نقلته وكالات الأنباء، قصف أي مناطق سكنية في بلدة كرمدي."
    ev = only_event(text)
    assert ev["status"] == "denied"


@pytest.mark.parametrize("text, sub", [
    ("وقال الشهود إن انفجارا هز مقرا للجيش في بلدة كرمدي.", "Remote explosive/landmine/IED"),
    ("وشهدت بلدة كرمدي إطلاقا للنار باتجاه مقر الولاية.", "Armed clash"),
    ("وواصلت المليشيات قصفها لقرية قرب بلدة كرمدي.", "Shelling/artillery/missile attack"),
    ("وقالت القيادة إن ضربتها الجوية قرب بلدة كرمدي أصابت الهدف.", "Air/drone strike"),
    ("وأفرج المسلحون عن التلميذات بعد خطفهن من بلدة كرمدي.", "Abduction/forced disappearance"),
])
def test_accusative_and_possessive_forms_of_incident_words(text, sub):
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")]))
    assert sub in [r["sub_event_type"] for r in recs if r["kind"] == "event"]


def test_a_headline_announcement_takes_the_body_only_from_the_same_speaker():
    text = ("أعلن المتحدث باسم الجيش أن القائد بخير\n\n"
            "وقال المتحدث باسم الجيش إن القائد سيعود قريبا. وقال المبعوث الأممي إنه تحدث مع القائد هاتفيا.")
    v = view(text, persons=[("المتحدث باسم الجيش", None, "المتحدث باسم الجيش"),
                            ("المبعوث الأممي", None, "المبعوث الأممي")])
    v.title_end = text.index("\n\n")
    speakers = sorted(r["speaker"]["text"] for r in build_records(v) if r["kind"] == "statement")
    assert speakers == ["المبعوث الأممي", "المتحدث باسم الجيش"]


def test_a_new_blast_is_not_the_shooting_told_before_and_a_turn_ends_an_announced_act():
    text = "أطلق مسلحون النار على مقر الولاية في بلدة كرمدي. وقال شهود إن انفجارا هز مقرا للجيش في بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")]))
    assert sorted(r["event_type"] for r in recs if r["kind"] == "event") == ["Battles", "Explosions/Remote violence"]
    text = "وكان التنظيم قد أعلن إمارته في عام 2014، لكنه فقد بعد ذلك معظم الأراضي التي سيطر عليها في كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              actors=[("التنظيم", "Islamic State", 2, None)]))
    assert not [r for r in recs if r.get("statement_type") == "claim"]


@pytest.mark.parametrize("text, target", [
    ("واجتاح المسلحون مساء السبت قاعدة عسكرية قرب بلدة كرمدي.", "قاعدة عسكرية"),
    ("وقصفت مدفعية الجيش مواقع للمتمردين قرب بلدة كرمدي.", "مواقع للمتمردين"),
    ("وفجر انتحاري نفسه في معسكر للجيش ببلدة كرمدي.", "معسكر للجيش"),
])
def test_the_target_after_the_verb_its_subject_and_time_words(text, target):
    ev = only_event(text,
                    actors=[("المسلحون", "Unidentified Armed Group (Mali)", 3, "ML"),
                            ("الجيش", "Military Forces of Mali", 1, "ML")])
    assert ev["target"]["text"] == target


def test_an_adjective_between_the_clash_and_mea_and_no_document_as_actor():
    text = "وقتل جنديان إثر اشتباكات مُسلّحة مع الجماعات المتشددة في بلدة كرمدي."
    ev = only_event(text,
                    actors=[("الجماعات المتشددة", "Unidentified Armed Group (Mali)", 3, "ML")])
    assert ev["actor2"]["name"] == "Unidentified Armed Group (Mali)" and ev["actor1"] is None
    text = "وقال البيان إن العمليات أدت إلى اعتقال 36 شخصا في بلدة كرمدي."
    ev = only_event(text)
    assert ev["actor1"]["name"] == "Police Forces of Mali"  # the default for arrests, not the statement


@pytest.mark.parametrize("participle, kind", [("داعيا السكان إلى الهدوء", "appeal"),
                                               ("نافيا وقوع أي إصابات", "denial")])
def test_a_participle_goes_on_with_the_speaker(participle, kind):
    text = f"وقال وزير الداخلية سالم بن عيسى إن الوضع تحت السيطرة، {participle}."
    recs = build_records(view(text, persons=[("سالم بن عيسى", "Salem Ben Issa", "وزير الداخلية")]))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert st["statement_type"] == kind and st["speaker"]["name"] == "Salem Ben Issa"



@pytest.mark.parametrize("text", [
    "وبحث الرئيس مع نظيره الفرنسي الوضع الأمني في بلدة كرمدي.",          # «بحث» is no «حث»
    "وقالت طهران إن العقوبات غير قانونية.",                              # «طهران» is no «طهّر»
    "واجتاحت السيول بلدة كرمدي وشردت مئات العائلات.",                    # floods, no one acting
    "وجاء القرار بناء على طلب من الحكومة في بلدة كرمدي.",                 # a request as a noun
    "وشكر الرئيس الجيش الذي يواصل مسيرة جيل أكتوبر في بلدة كرمدي.",       # a journey, not a drone
    "وقال الرئيس إن قدراتنا العسكرية كبيرة في بلدة كرمدي.",               # «قدرات» are capabilities
    "وحذرت الحكومة من أي هجوم على بلدة كرمدي.",                         # any attack, none in particular
])
def test_ordinary_words_that_look_like_incident_or_speech_words(text):
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")]))
    assert not [r for r in recs if r["kind"] == "event" and r["event_type"] in ("Battles", "Explosions/Remote violence")]
    assert not [r for r in recs if r.get("statement_type") in ("appeal", "assessment")]


def test_review_cases_for_denials_targets_and_seizures():
    text = "ونفت الحركة، في بيان نشرته على موقعها، أي علاقة لها بالتفجير الذي استهدف سوقا في بلدة كرمدي."
    ev = only_event(text)
    assert ev["status"] == "occurred"  # the link is denied, not the blast
    text = "وشنت الطائرات غارات جوية ردا على الهجوم قرب بلدة كرمدي."
    ev = only_event(text)
    assert (ev["target"] or {}).get("text") != "الهجوم"
    text = "واستهدفت الطائرات مستودع أسلحة بغارة جوية قرب بلدة كرمدي."
    ev = only_event(text)
    assert ev["sub_event_type"] == "Air/drone strike"
    text = "وقد تعرض موكب الحاكم لهجوم قرب بلدة كرمدي."
    ev = only_event(text)
    assert ev["status"] == "occurred"


def test_one_actor_is_never_both_sides():
    text = "وقصف الجيش مواقع للجيش في بلدة كرمدي."
    ev = only_event(text,
                    actors=[("الجيش", "Military Forces of Mali", 1, "ML")])
    assert not (ev["actor1"] and ev["actor2"] and ev["actor1"]["name"] == ev["actor2"]["name"])
    assert (ev["actor1"] or ev["actor2"])["name"] == "Military Forces of Mali"


@pytest.mark.parametrize("text, kind", [
    ("وأعربت الحكومة، الجمعة، عن قلقها البالغ من تصاعد العنف في بلدة كرمدي.", "warning"),
    ("وكانت وزارة الخارجية دانت مساء الخميس الهجوم على بلدة كرمدي.", "condemnation"),
    ("وأطلق وجهاء المدينة نداء للقبائل لحماية بلدة كرمدي.", "appeal"),
    ("ونسب الغربيون هذا الهجوم إلى الجيش في بلدة كرمدي.", "accusation"),
    ("وشدد المبعوث على الحاجة إلى دعم السكان في بلدة كرمدي.", "appeal"),
    ("وأنكرت السلطات في بادئ الأمر وقوع عملية خطف في بلدة كرمدي.", "denial"),
    ("وأقر زعيم الجماعة بالهزيمة في بلدة كرمدي.", "announcement"),
    ("وألقت الحكومة باللائمة على الجماعة في هجوم بلدة كرمدي.", "accusation"),
])
def test_more_speech_acts(text, kind):
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")]))
    assert kind in [r.get("statement_type") for r in recs if r["kind"] == "statement"]


@pytest.mark.parametrize("text, sub", [
    ("وتمكن الجيش من السيطرة على مواقع جديدة في بلدة كرمدي.", "Government regains territory"),
    ("ونفذ المسلحون حملة اعتقالات واسعة في بلدة كرمدي.", "Arrests"),
    ("وجاء ذلك بعد ساعات من مقتله برصاص مسلحين في بلدة كرمدي.", "Attack"),
    ("واستهدفت الطائرات المسيرة مواقع المسلحين في بلدة كرمدي.", "Air/drone strike"),
    ("ونشر الجيش المزيد من القوات في بلدة كرمدي.", "Other"),
    ("وأطلق الجيش منذ التاسع من فبراير الماضي عملية عسكرية واسعة في بلدة كرمدي.", "Other"),
    ("وبسطت وحدات الجيش السيطرة الكاملة على بلدة كرمدي.", "Government regains territory"),
    ("ووقعت مناوشات بين الجيش والمسلحين في بلدة كرمدي.", "Armed clash"),
    ("وفرضت السلطات حظرا للتجول في بلدة كرمدي.", "Other"),
    ("وأسقطت القوات الأمنية طائرة صغيرة فوق بلدة كرمدي.", "Disrupted weapons use"),
])
def test_more_incident_phrases(text, sub):
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              actors=[("الجيش", "Military Forces of Mali", 1, "ML"),
                                      ("المسلحون", "Unidentified Armed Group (Mali)", 3, "ML")]))
    assert sub in [r["sub_event_type"] for r in recs if r["kind"] == "event"]


def test_a_trigger_that_starts_with_the_article_is_a_definite_mention():
    text = ("ألقت قوات الأمن القبض على القيادي سالم في بلدة كرمدي فجر الاثنين. "
            "ونشر المتحدث باسم الجيش على صفحته نبأ القبض على سالم.")
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")]))
    arrests = [r for r in recs if r.get("sub_event_type") == "Arrests"]
    assert len(arrests) == 1 and len(arrests[0]["mentions"]) == 1
    # a campaign's toll over a period stays a tally even when it names «الاشتباكات»
    text = "وارتفع عدد ضحايا الاشتباكات التي شهدتها المدينة منذ مطلع العام إلى 38 قتيلا."
    recs = build_records(view(text, dates=[("منذ مطلع العام", "2024")],
                              figures=[("38 قتيلا", "killed", 38)]))
    assert kinds(recs) == ["tally"]


def test_reporters_after_the_trigger_and_police_reporting_a_bombing_take_no_part():
    text = "وانفجرت سيارة مفخخة وسط بلدة كرمدي ما أسفر عن مقتل سبعة أشخاص، بحسب وزارة الداخلية."
    ev = only_event(text,
                    actors=[("وزارة الداخلية", "Government of Mali", 1, "ML")],
                    figures=[("مقتل سبعة أشخاص", "killed", 7)])
    assert ev["actor1"]["name"] == "Unidentified Armed Group (Mali)"  # not the ministry that reported it
    text = "وقالت الشرطة إن انفجار سيارة مفخخة وسط بلدة كرمدي أسفر عن مقتل سبعة أشخاص."
    ev = only_event(text,
                    actors=[("الشرطة", "Police Forces of Mali", 1, "ML")],
                    figures=[("مقتل سبعة أشخاص", "killed", 7)])
    assert ev["actor1"]["name"] == "Unidentified Armed Group (Mali)"  # not the police that reported it
    assert ev["reported_by"]["name"] == "Police Forces of Mali"


def test_an_attack_of_an_army_named_with_its_proclitic():
    text = "وجاء الهجوم ردا على مقتل عشرات من قادتها في هجوم للجيش الفرنسي قرب بلدة كرمدي."
    ev = only_event(text,
                    actors=[("للجيش الفرنسي", "Military Forces of France", 1, "FR")])
    assert ev["actor1"]["name"] == "Military Forces of France"


@pytest.mark.parametrize("text, kind, value", [
    ("ورغم التحذيرات الصادرة عن وزير الخارجية، واصلت الحكومة خطتها في بلدة كرمدي.", "statement", "warning"),
    ("وكان الفصيل قد انفصل عن الجماعة الأم قبل عامين في بلدة كرمدي.", "relation", "split"),
    ("وأصيب ثلاثة أشخاص في حادثة طعن وسط بلدة كرمدي.", "event", "Attack"),
])
def test_warnings_named_as_nouns_splits_and_stabbings(text, kind, value):
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              actors=[("الفصيل", "Katiba X", 3, "ML"), ("الجماعة الأم", "Group Y", 2, "ML")]))
    field = {"statement": "statement_type", "relation": "relation_type", "event": "sub_event_type"}[kind]
    assert value in [r.get(field) for r in recs if r["kind"] == kind]


def test_a_statement_issued_by_a_command_speaks_for_it_but_the_statement_told_before_does_not():
    text = "وقال بيان القيادة العسكرية إن التقييم لم يظهر سقوط مدنيين."
    assert [r["statement_type"] for r in build_records(view(text)) if r["kind"] == "statement"] == ["announcement"]
    text = "وأوضح البيان أن القوات دمرت عددا من المخابئ."
    assert not [r for r in build_records(view(text)) if r["kind"] == "statement"]


def test_a_count_told_later_replaces_an_uncounted_toll():
    text = "مقتل مسلحين في اشتباك قرب بلدة كرمدي\n\nوقتل 11 مسلحا في الاشتباك الذي وقع قرب بلدة كرمدي مساء الثلاثاء."
    v = view(text, places=[("كرمدي", "ML", "Karmadi")],
             figures=[("مقتل مسلحين", "killed", None), ("قتل 11 مسلحا", "killed", 11)])
    v.title_end = text.index("\n\n")
    (ev,) = [r for r in build_records(v) if r["kind"] == "event"]
    assert ev["fatalities"]["best"] == 11


@pytest.mark.parametrize("text, agent, victim", [
    ("وقتلت حركة الشباب خمسة رجال رميا بالرصاص في بلدة كرمدي.", "Al Shabaab", None),
    ("وقال الجيش إنه شن غارة جوية قتلت خمسة مسلحين قرب بلدة كرمدي.", None, "Unidentified Armed Group (Mali)"),
    ("ففي قصف جوي لمقاتلات التحالف قرب بلدة كرمدي قتل عشرة مسلحين.", "Saudi-led Coalition", None),
])
def test_kill_verbs_and_attacks_of_a_named_force(text, agent, victim):
    ev = only_event(text,
                    actors=[("حركة الشباب", "Al Shabaab", 2, "SO"),
                            ("مسلحين", "Unidentified Armed Group (Mali)", 3, "ML"),
                            ("مقاتلات التحالف", "Saudi-led Coalition", 8, "SA")])
    if agent:
        assert ev["actor1"]["name"] == agent
    if victim:
        assert ev["actor2"]["name"] == victim and (ev["actor1"] or {}).get("name") != victim


def test_protesters_do_not_explode_bombs():
    text = "وفجر انتحاري نفسه وسط حشد من المتظاهرين قرب بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "AF", "Karmadi")],
                              actors=[("المتظاهرين", "Protesters (Afghanistan)", 6, "AF")]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["actor1"]["name"] == "Unidentified Armed Group (Afghanistan)"  # the bomber's, never the protesters
    assert ev["actor2"]["name"] == "Protesters (Afghanistan)"


@pytest.mark.parametrize("text", [
    "وكانت نحو 300 طالبة قد تعرضن للاختطاف في بلدة كرمدي.",   # «طالبة» is a student, no appeal
    "وقالت إحداهن إن أعيد احتجازنا مرة أخرى في بلدة كرمدي.",   # «احتجاز» is detention, no protest
])
def test_students_and_detention_are_no_appeal_or_protest(text):
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")]))
    assert not [r for r in recs if r.get("statement_type") == "appeal" or r.get("event_type") == "Protests"]


def test_a_provisional_toll_and_a_road_accident():
    text = "وتعرض موقع للجيش لهجوم في بلدة كرمدي. الحصيلة المؤقتة هي مقتل جندي وإصابة اثنين."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")],
                              figures=[("مقتل جندي", "killed", 1), ("إصابة اثنين", "injured", 2)]))
    assert "tally" not in kinds(recs)
    text = "وأعلنت الحكومة مقتل الوزير في حادث سير قرب بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "ML", "Karmadi")], figures=[("مقتل الوزير", "killed", 1)]))
    assert not [r for r in recs if r["kind"] == "event"]


@pytest.mark.parametrize("marker", ["على يد", "من قبل", "على أيدي"])
def test_by_the_hand_of_names_the_one_who_acted(marker):
    text = f"وتعرضت نحو 300 طالبة للاختطاف {marker} جماعة بوكو حرام في بلدة كرمدي."
    recs = build_records(view(text, places=[("كرمدي", "NG", "Karmadi")],
                              actors=[("بوكو حرام", "Boko Haram", 2, "NG")]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["actor1"]["name"] == "Boko Haram" and (ev["actor2"] or {}).get("name") != "Boko Haram"


def test_the_territory_a_nationality_names_is_the_place():
    text = "ونفذت طائرات عراقية ضربة جوية داخل الأراضي السورية استهدفت اجتماعا لقادة التنظيم."
    recs = build_records(view(text, places=[("عراقية", "IQ", "Iraq", 4, "nationality"),
                                            ("السورية", "SY", "Syria", 4, "nationality")]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["location"]["country"] == "SY"


def test_the_attackers_a_force_repelled_come_first():
    text = "وصد الجيش هجوما شنته جماعة مسلحة على ثكنة قرب بلدة كرمدي."
    ev = only_event(text,
                    actors=[("الجيش", "Military Forces of Mali", 1, "ML"),
                            ("جماعة مسلحة", "Unidentified Armed Group (Mali)", 3, "ML")])
    assert ev["actor1"]["name"] == "Unidentified Armed Group (Mali)" and ev["actor2"]["name"] == "Military Forces of Mali"


def test_a_question_reports_nothing_and_renewed_appeals_count():
    text = "من هي الجماعة التي أعلنت مسؤوليتها عن الهجوم على بلدة كرمدي؟"
    assert build_records(view(text, places=KARMADI)) == []
    text = "وجددت الرابطة مطالبتها بوقف عمليات الاختطاف في بلدة كرمدي."
    recs = build_records(view(text, places=KARMADI, actors=[("الرابطة", "Hodeidah League", 8, "YE")]))
    assert "appeal" in [r.get("statement_type") for r in recs]


def test_with_no_publication_date_history_is_told_by_the_latest_date_or_years_ago():
    text = ("وقتل مسلحون خمسة جنود في بلدة كرمدي في 9 فبراير 2018. "
            "وكان مسلحون قد خطفوا 200 تلميذة من مدرسة في بلدة كرمدي في أبريل 2014.")
    recs = build_records(view(text, published=None, places=KARMADI,
                              dates=[("9 فبراير 2018", "2018-02-09"), ("أبريل 2014", "2014-04", "month")]))
    assert [r["background"] for r in recs if r["kind"] == "event"] == [False, True]
    text = "وخطف مسلحون، منذ أربع سنوات، 276 فتاة من مدرسة في بلدة كرمدي."
    ev = only_event(text, published=None, dates=[("منذ أربع سنوات", None, "unknown")])
    assert ev["background"] is True
    text = "وخطف مسلحون، منذ أربعة أيام، 27 فتاة من مدرسة في بلدة كرمدي."
    ev = only_event(text, published=None, dates=[("منذ أربعة أيام", None, "unknown")])
    assert ev["background"] is False


def test_a_definite_mention_dated_in_history_is_another_incident():
    text = ("أعدمت السلطات رجلا في بلدة كرمدي يوم 5 مارس 2017. "
            "وأدين الرجل بالهجوم على ثكنة في بلدة كرمدي في أوت 2013.")
    recs = build_records(view(text, published=None, places=KARMADI,
                              dates=[("5 مارس 2017", "2017-03-05"), ("أوت 2013", "2013-08", "month")]))
    events = [r for r in recs if r["kind"] == "event"]
    assert len(events) == 2 and events[1]["background"] is True


def test_a_definite_fighting_word_alone_adds_the_town_to_the_fighting_told_before():
    text = ("قتل 13 مسلحا خلال اشتباكات مع الجيش في محافظة كيدال. "
            "وأوضح المصدر أن الاشتباكات وقعت في بلدة كرمدي. "
            "ويأتي ذلك بعد يومين من مقتل 14 مسلحا خلال هجوم على معسكر للجيش في منطقة تيساليت.")
    recs = build_records(view(text, places=[("كيدال", "ML", "Kidal", 3, "admin1"), ("كرمدي", "ML", "Karmadi"),
                                            ("تيساليت", "ML", "Tessalit", 3, "admin1")],
                              figures=[("قتل 13 مسلحا", "killed", 13), ("مقتل 14 مسلحا", "killed", 14)]))
    first, second = [r for r in recs if r["kind"] == "event"]
    assert first["location"]["name"] == "Karmadi" and len(first["mentions"]) == 1
    assert second["fatalities"]["best"] == 14 and second["location"]["name"] == "Tessalit"
    assert not second["mentions"]  # the sentences about the first fighting are not this one's


def test_an_attack_on_a_camp_or_soldiers_with_no_one_named_hits_the_states_forces():
    text = "وفجر انتحاري نفسه في معسكر ببلدة كرمدي."
    ev = only_event(text, places=[("كرمدي", "SO", "Karmadi")])
    assert ev["actor2"]["name"] == "Military Forces of Somalia"
    text = "وأعلن الجيش الإسرائيلي قصف موقع عسكري سوري قرب بلدة كرمدي."
    ev = only_event(text, places=[("كرمدي", "SY", "Karmadi"), ("سوري", "SY", "Syria", 4, "nationality")],
                    actors=[("الجيش الإسرائيلي", "Military Forces of Israel", 8, "IL")])
    assert ev["actor2"]["name"] == "Military Forces of Syria"
    # a state force striking a camp hit the other side, which the text leaves unnamed
    text = "وقصف الجيش معسكرا قرب بلدة كرمدي."
    ev = only_event(text, places=[("كرمدي", "SO", "Karmadi")], actors=[("الجيش", "Military Forces of Somalia", 1, "SO")])
    assert ev["actor2"] is None


def test_the_person_arrested_and_the_police_that_arrest_with_no_one_named():
    text = "وألقت السلطات القبض على سالم الكرمدي في بلدة كرمدي."
    ev = only_event(text, persons=[("سالم الكرمدي", "Salem al-Karmadi")])
    assert ev["sub_event_type"] == "Arrests" and ev["actor2"]["name"] == "Salem al-Karmadi"
    assert ev["actor1"]["name"] == "Police Forces of Mali"
    # two reports of the same arrests still merge: the default comes after merging
    text = ("وأعلن الجيش اعتقال عشرات المسلحين في بلدة كرمدي. "
            "وأدت العملية إلى اعتقال 36 مسلحا في بلدة كرمدي.")
    recs = build_records(view(text, places=KARMADI, actors=[("الجيش", "Military Forces of Mali", 1, "ML")],
                              figures=[("اعتقال 36 مسلحا", "arrested", 36)]))
    assert len([r for r in recs if r["kind"] == "event"]) == 1


def test_a_count_joined_to_a_campaign_toll_is_more_of_the_toll():
    text = "وأسفر النزاع منذ عام 2009 عن مقتل 20 ألف شخص، واختطاف الآلاف في بلدة كرمدي."
    recs = build_records(view(text, places=KARMADI, dates=[("منذ عام 2009", "2009", "year")],
                              figures=[("مقتل 20 ألف شخص", "killed", 20000), ("اختطاف الآلاف", "abducted", 1000)]))
    assert "tally" in kinds(recs) and "event" not in kinds(recs)


def test_where_a_source_has_its_seat_is_no_place_of_the_news():
    text = "وبحسب المرصد السوري، ومقره في بريطانيا، قتل عشرة مسلحين في اشتباكات مع الجيش."
    ev = only_event(text, places=[("بريطانيا", "GB", "United Kingdom", 4, "country")])
    assert ev["location"] is None or ev["location"]["country"] != "GB"


def test_a_verbal_noun_of_storming_needs_its_agent_and_downed_drones_are_disrupted_weapons():
    text = "وفقدت الفتيات بعد اقتحام مسلحين لمدرستهن في بلدة كرمدي."
    ev = only_event(text, actors=[("مسلحين", "Unidentified Armed Group (Mali)", 3, "ML")])
    assert ev["event_type"] in ("Battles", "Violence against civilians")
    text = "وقال القائد إن الخطط لا تقتصر على اقتحام الحي الأخير في بلدة كرمدي."
    assert not [r for r in build_records(view(text, places=KARMADI)) if r["kind"] == "event"]
    text = "وأسقطت الدفاعات الجوية طائرة مسيرة فوق بلدة كرمدي."
    ev = only_event(text)
    assert ev["sub_event_type"] == "Disrupted weapons use"


def test_the_target_is_past_the_incident_word_and_a_town_abroad_replaces_only_a_country():
    text = "واستهدفت سيارة مفخخة، الأحد، مقرا لكتيبة تابعة للجيش في بلدة كرمدي."
    ev = only_event(text)
    assert ev["target"]["text"].startswith("مقرا")
    from rasd.events.build import _finer

    algeria = {"name": "Algeria", "country": "DZ", "precision": 4}
    jendouba = {"name": "Jendouba", "country": "TN", "precision": 1}
    assert _finer(jendouba, algeria) and not _finer(algeria, jendouba)
    assert not _finer({"name": "Tunisia", "country": "TN", "precision": 4}, {"name": "Kidal", "country": "ML",
                                                                                "precision": 3})


def test_a_bomber_and_his_car_bomb_in_one_clause_are_one_bombing():
    text = "وقالت الشرطة إن انتحاريا شن هجوما بسيارة مفخخة على مبنى حكومي في بلدة كرمدي."
    ev = only_event(text)
    assert ev["sub_event_type"] == "Suicide bomb" and set(ev["mode"]) >= {"suicide", "vbied"}


def test_a_speech_word_in_a_relative_clause_says_nothing_and_the_speaker_at_the_head_still_speaks():
    text = ("وقال رئيس الجماعة سالم الكرمدي إن عمل المنظمة لم يتعطل رغم التقارير التي أفادت بتجميد الولايات "
            "المتحدة للدعم.")
    recs = build_records(view(text, places=[("الولايات المتحدة", "US", "United States", 4, "country")],
                              persons=[("سالم الكرمدي", "Salem al-Karmadi", "رئيس الجماعة")]))
    speakers = [r["speaker"]["name"] for r in recs if r["kind"] == "statement"]
    assert speakers == ["Salem al-Karmadi"]


def test_a_country_right_after_a_long_warning_phrase_speaks_for_its_government():
    text = "وحذرت الولايات المتحدة إيران من أنها ستحاسبها على أي هجوم في بلدة كرمدي."
    recs = build_records(view(text, places=[("الولايات المتحدة", "US", "United States", 4, "country"),
                                            ("كرمدي", "IQ", "Karmadi")],
                              actors=[("إيران", "Government of Iran", 1, "IR")]))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert st["statement_type"] == "warning" and "United States" in st["speaker"]["name"]


def test_a_body_no_dictionary_knows_speaks_when_named_by_what_it_is():
    text = "ونددت رابطة أمهات المختطفين بحملة الخطف في بلدة كرمدي."
    recs = build_records(view(text, places=KARMADI))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert st["statement_type"] == "condemnation" and st["speaker"]["text"].startswith("رابطة أمهات")
    text = "وقالت رابطة الحديدة في بيان إن المسلحين نقلوا المختطفين من بلدة كرمدي."
    assert "statement" in kinds(build_records(view(text, places=KARMADI)))


def test_bayyana_reports_only_before_what_was_said_not_between_two_sides():
    text = "وقتل 13 مسلحا خلال اشتباكات بين قوات الجيش والمسلحين في بلدة كرمدي."
    ev = only_event(text, figures=[("قتل 13 مسلحا", "killed", 13)])
    assert ev["reported_by"] is None
    text = ("وقال سالم الكرمدي إن المعارك مستمرة في بلدة كرمدي. "
            "وبين أن المسلحين سيطروا على أجزاء من بلدة كرمدي.")
    recs = build_records(view(text, places=KARMADI, persons=[("سالم الكرمدي", "Salem al-Karmadi")]))
    taken = [r for r in recs if r["kind"] == "event" and r["sub_event_type"] != "Armed clash"]
    assert taken and taken[0]["reported_by"]["name"] == "Salem al-Karmadi"


def test_a_strike_named_with_a_nationality_or_a_force_after_lam_was_that_forces():
    text = "ومقتل قائد كبير في جماعة الشباب في غارة أمريكية قرب بلدة كرمدي."
    ev = only_event(text, places=[("كرمدي", "SO", "Karmadi"), ("أمريكية", "US", "United States", 4, "nationality")],
                    actors=[("جماعة الشباب", "Al Shabaab", 2, "SO")])
    assert ev["actor1"]["name"] == "Military Forces of the United States"
    assert ev["actor2"]["name"] == "Al Shabaab"
    text = "وقتل مسلحون في غارات جوية للقوات الفرنسية قرب بلدة كرمدي."
    ev = only_event(text, actors=[("للقوات الفرنسية", "Military Forces of France", 8, "FR")])
    assert ev["actor1"]["name"] == "Military Forces of France"


@pytest.mark.parametrize("text, kind", [
    ("وقال الباحث سالم الكرمدي إن الجماعة تتمدد في بلدة كرمدي.", "assessment"),
    ("وقال سالم الكرمدي إن الجهة التي تقف خلف الهجوم على بلدة كرمدي معروفة.", "accusation"),
    ("وقال سالم الكرمدي إن التنظيم قد يشن هجمات جديدة على بلدة كرمدي.", "warning"),
    ("وقال سالم الكرمدي إن الجيش وصل إلى بلدة كرمدي.", "announcement"),
])
def test_what_was_said_tells_the_kind_of_a_plain_verb_of_saying(text, kind):
    role = "الباحث" if "الباحث" in text else None
    recs = build_records(view(text, places=KARMADI, persons=[("سالم الكرمدي", "Salem al-Karmadi", role)]))
    assert [r["statement_type"] for r in recs if r["kind"] == "statement"] == [kind]


def test_a_country_just_before_the_verb_speaks_but_not_before_a_quoted_first_person_verb():
    text = "أميركا تحذر إيران من أي هجوم على بلدة كرمدي."
    recs = build_records(view(text, places=[("أميركا", "US", "United States", 4, "country"), ("كرمدي", "IQ", "Karmadi")],
                              actors=[("إيران", "Government of Iran", 1, "IR")]))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert "United States" in st["speaker"]["name"]
    text = 'وقال سالم الكرمدي في جلسة حول سوريا "ندعو الغربيين إلى التخلي عن الحرب".'
    recs = build_records(view(text, places=[("سوريا", "SY", "Syria", 4, "country")],
                              persons=[("سالم الكرمدي", "Salem al-Karmadi")]))
    assert all("Syria" not in str((r.get("speaker") or {}).get("name")) for r in recs)


def test_the_body_a_group_belongs_to_takes_no_part_but_names_a_cell():
    text = "ومقتل قائد كبير في جماعة الشباب التابعة للقاعدة في غارة قرب بلدة كرمدي."
    ev = only_event(text, places=[("كرمدي", "SO", "Karmadi")],
                    actors=[("جماعة الشباب", "Al Shabaab", 2, "SO"), ("للقاعدة", "Al-Qaeda", 2, None)])
    assert "Al-Qaeda" not in str(ev["actor1"]) + str(ev["actor2"])
    text = "وألقت الشرطة القبض على ستة عناصر من خلية تابعة لتنظيم ولاية سيناء في بلدة كرمدي."
    ev = only_event(text, places=[("كرمدي", "EG", "Karmadi")],
                    actors=[("الشرطة", "Police Forces of Egypt", 1, "EG"),
                            ("لتنظيم ولاية سيناء", "Islamic State (Sinai Province)", 2, "EG")])
    assert ev["actor2"]["name"] == "Islamic State (Sinai Province)"


def test_the_dead_of_each_side_add_up():
    text = ("ووقع كمين لدورية للجيش قرب بلدة كرمدي. "
            "وقالت الوزارة إن الجيش تكبد مقتل جندي، في حين أحصينا في صفوف العدو مقتل عشرة إرهابيين.")
    recs = build_records(view(text, places=KARMADI, actors=[("الجيش", "Military Forces of Mali", 1, "ML")],
                              figures=[("مقتل جندي", "killed", 1, "soldiers"),
                                       ("مقتل عشرة إرهابيين", "killed", 10, "militants")]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["fatalities"]["best"] == 11
    assert text[ev["fatalities"]["start"]:ev["fatalities"]["end"]] == ev["fatalities"]["text"]
    text = "وقتل جندي في اشتباكات قرب بلدة كرمدي، بينما قتل عشرة مسلحين."
    ev = only_event(text, figures=[("قتل جندي", "killed", 1, "soldiers"), ("قتل عشرة مسلحين", "killed", 10, "militants")])
    assert ev["fatalities"]["best"] == 11
    # two sources' counts of the same dead never add up
    text = "وقتل ثلاثة جنود في اشتباكات قرب بلدة كرمدي، في حين قالت مصادر محلية إن سبعة جنود قتلوا."
    ev = only_event(text, figures=[("قتل ثلاثة جنود", "killed", 3, "soldiers"), ("سبعة جنود", "killed", 7, "soldiers")])
    assert ev["fatalities"]["best"] == 3


def test_towns_far_apart_joined_after_the_trigger_are_one_incident_each():
    text = "وسقطت قذائف على القنصلية في مدينة البصرة ومجمع السفارة في بغداد."
    recs = build_records(view(text, places=[("البصرة", "IQ", "Basra", 1, "city", 30.5, 47.8),
                                            ("بغداد", "IQ", "Baghdad", 1, "city", 33.3, 44.4)]))
    events = [r for r in recs if r["kind"] == "event"]
    assert sorted(ev["location"]["name"] for ev in events) == ["Baghdad", "Basra"]
    assert len({ev["id"] for ev in events}) == 2
    text = "وسقطت قذائف على بلدة كرمدي وضواحيها."  # one town told twice: one incident
    assert len([r for r in build_records(view(text, places=KARMADI)) if r["kind"] == "event"]) == 1


def test_an_incident_a_sentence_dates_by_a_month_is_not_the_undated_one_told_before():
    text = ("وقتل مسلحون 28 شخصا في هجوم على بلدة كرمدي. "
            "وفي 13 آب/أغسطس الماضي، أطلق مسلحان النار على مطعم في بلدة كرمدي ما أدى إلى مقتل 19 شخصا.")
    rejected = []
    build_records(view(text, published=None, places=KARMADI, dates=[("13 آب/أغسطس الماضي", None, "unknown")],
                       figures=[("28 شخصا", "killed", 28), ("مقتل 19 شخصا", "killed", 19)]), rejected)
    assert not [r for r in rejected if r["reason"].startswith("refers to an incident told before")]


def test_history_told_in_the_body_is_not_the_headlines_incident():
    text = "مقتل 28 شخصا في هجوم على بلدة كرمدي\n\nوقتل مسلحون 276 شخصا في هجوم على بلدة كرمدي عام 2014."
    v = view(text, published="2018-03-01", places=KARMADI, dates=[("عام 2014", "2014", "year")],
             figures=[("مقتل 28 شخصا", "killed", 28), ("قتل مسلحون 276 شخصا", "killed", 276)])
    v.title_end = text.find("\n\n")
    events = [r for r in build_records(v) if r["kind"] == "event"]
    assert len(events) == 2 and [ev["background"] for ev in events] == [False, True]


def test_a_bare_kill_verb_far_from_an_incident_is_another_one_unless_the_operation_is_named():
    text = ("وقتل مسلحون سبعة جنود في هجوم على بلدة كرمدي. وقال الوزير إن الوضع هادئ. وأضاف أن الحكومة ستعقد اجتماعا. "
            "وأكد أن المساعدات وصلت. وقتل مسلحون 18 شخصا في هجوم على مطعم في بلدة كرمدي.")
    figures = [("قتل مسلحون سبعة جنود", "killed", 7), ("قتل مسلحون 18 شخصا", "killed", 18)]
    rejected = []
    build_records(view(text, places=KARMADI, figures=figures), rejected)
    assert not [r for r in rejected if r["reason"].startswith("refers to an incident told before")]
    text = text.replace("وقتل مسلحون 18 شخصا", "وأكد الجيش أن العملية أسفرت عن مقتل 18 مسلحا")
    rejected = []
    build_records(view(text, places=KARMADI, figures=[figures[0], ("مقتل 18 مسلحا", "killed", 18)]), rejected)
    assert [r for r in rejected if r["reason"].startswith("refers to an incident told before")]


def test_a_curfew_told_with_shooting_leaves_the_shooting_as_the_incident():
    text = "وأطلقت الشرطة النار على المحتجين رغم حظر التجول في بلدة كرمدي."
    ev = only_event(text, actors=[("الشرطة", "Police Forces of Mali", 1, "ML"), ("المحتجين", "Protesters (Mali)", 6, "ML")])
    assert ev["sub_event_type"] != "Other"


def test_a_country_after_a_plain_verb_of_saying_speaks():
    text = "واعتبرت إيران أن الاتهامات الموجهة إلى الحكومة في بلدة كرمدي لا أساس لها."
    recs = build_records(view(text, places=[("إيران", "IR", "Iran", 4, "country"), ("كرمدي", "SY", "Karmadi")]))
    (st,) = [r for r in recs if r["kind"] == "statement"]
    assert "Iran" in st["speaker"]["name"]


def test_abductions_counted_since_a_year_are_a_campaigns_toll():
    text = "وقالت المنظمة إن مقاتلي الجماعة خطفوا أكثر من ألف طفلة في بلدة كرمدي منذ عام 2013."
    v = view(text, places=KARMADI, figures=[("خطفوا أكثر من ألف طفلة", "abducted", 1000)])
    start = text.find("منذ عام 2013")
    v.dates.append(Mention(start, start + 12, "منذ عام 2013", {"value": "2013", "end": "2024-03-10", "precision": "year",
                                                              "text": "منذ عام 2013", "basis": "absolute"}))
    recs = build_records(v)
    assert "tally" in kinds(recs) and "event" not in kinds(recs)


def test_a_later_sentence_names_the_group_that_acted():
    text = "ومقتل 18 شخصا في هجوم على بلدة كرمدي. وأسفر الهجوم الذي شنته جماعة بوكو حرام عن مقتل 18 شخصا."
    recs = build_records(view(text, places=KARMADI, actors=[("جماعة بوكو حرام", "Boko Haram", 2, "NG")],
                              figures=[("مقتل 18 شخصا", "killed", 18)]))
    (ev,) = [r for r in recs if r["kind"] == "event"]
    assert ev["actor1"]["name"] == "Boko Haram"


def test_those_killed_in_it_are_the_victims():
    text = "ونصب مسلحون كمينا قرب بلدة كرمدي قتل فيه أربعة جنود أمريكيين."
    ev = only_event(text, actors=[("مسلحون", "Unidentified Armed Group (Mali)", 3, "ML"),
                                  ("جنود أمريكيين", "Military Forces of the United States", 8, "US")])
    assert ev["actor1"]["name"] == "Unidentified Armed Group (Mali)"
    assert ev["actor2"]["name"] == "Military Forces of the United States"


def test_a_mention_the_linker_kept_with_its_preposition_is_read_by_it():
    text = "وقصفت طائرات أمريكية مواقع للجيش السوري قرب بلدة كرمدي."
    ev = only_event(text, places=[("كرمدي", "SY", "Karmadi"), ("أمريكية", "US", "United States", 4, "nationality")],
                    actors=[("للجيش السوري", "Military Forces of Syria", 1, "SY")])
    assert ev["actor2"]["name"] == "Military Forces of Syria"
    text = "وقتل جنديان في كمين للحركة قرب بلدة كرمدي."
    ev = only_event(text, actors=[("للحركة", "Boko Haram", 2, "NG")])
    assert (ev["actor1"] or {}).get("name") == "Boko Haram"


def test_an_attack_named_only_by_its_aircraft_is_an_air_strike():
    text = "وأعلن الجيش عن قيام قواته الجوية باستهداف غرفة عمليات للمسلحين قرب بلدة كرمدي."
    ev = only_event(text, actors=[("الجيش", "Military Forces of Mali", 1, "ML")])
    assert ev["sub_event_type"] == "Air/drone strike" and "airstrike" in ev["mode"]
