"""Actors and people (rasd.actors). Every Arabic sentence here is invented for the test."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from rasd.actors import explain, find_actors, find_persons, lookup, relations_of
from rasd.actors.dictionary import FORCES, dictionary, norm_form
from rasd.lexicon import data_path
from rasd.normalize import normalize

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "fixtures" / "seed" / "article.txt"


def actors(text, **kw):
    return [(m.text, m.ref["name"]) for m in find_actors(text, **kw)]


def names(text, **kw):
    return [m.ref["name"] for m in find_actors(text, **kw)]


def by_text(text, fragment, **kw):
    found = [m for m in find_actors(text, **kw) if m.text == fragment]
    assert found, f"{fragment!r} not found in {actors(text, **kw)}"
    return found[0]


# ---------------------------------------------------------------- data integrity

def test_dictionary_has_enough_valid_entries():
    d = dictionary()
    assert len(d.actors) >= 250
    raw = yaml.safe_load(data_path("actors.yaml").read_text(encoding="utf-8"))
    ids = [a["id"] for a in raw["actors"]]
    assert len(ids) == len(set(ids)), [i for i, c in Counter(ids).items() if c > 1]
    for actor in d.actors.values():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", actor.id)
        assert 1 <= actor.type <= 8
        assert actor.ar, actor.id
        assert all(re.fullmatch(r"[A-Z]{2}", c) for c in actor.countries), actor.id
        assert actor.parent is None or actor.parent in d.actors, actor.id
        assert actor.force is None or actor.force in FORCES
        for rel in actor.relations:
            assert rel["object"] in d.actors, (actor.id, rel)
            assert rel["type"] in {"allegiance", "alliance", "split", "merger", "rename"}
            assert rel["date"] is None or re.fullmatch(r"\d{4}(-\d{2})?", rel["date"])
        if actor.un_ref:
            assert re.fullmatch(r"[A-Z]{2}[ei]\.\d{3}", actor.un_ref)


def test_every_alias_normalises_to_plain_words():
    d = dictionary()
    for actor in d.actors.values():
        for alias in actor.ar:
            form = norm_form(alias)
            assert re.fullmatch(r"[^\W_]+( [^\W_]+)*", form), (actor.id, alias)
            assert norm_form(form) == form  # idempotent: the lexicon and the text view meet


def test_aliases_are_shared_only_when_declared():
    d = dictionary()
    owners = {}
    for actor in d.actors.values():
        for alias in {norm_form(a) for a in actor.ar}:
            owners.setdefault(alias, []).append(actor.id)
    shared = {alias for alias, ids in owners.items() if len(ids) > 1}
    assert shared <= d.shared
    assert shared, "the dictionary should exercise at least one deliberately shared alias"


def test_persons_reference_existing_actors():
    d = dictionary()
    assert len(d.persons) >= 50
    for person in d.persons.values():
        assert person.affiliation is None or person.affiliation in d.actors
        assert person.ar and person.name


def test_coverage_of_the_priority_actors():
    for alias, expected in [
        ("داعش", "islamic_state"), ("ولاية غرب إفريقيا", "is_west_africa"), ("بوكو حرام", "boko_haram"),
        ("تنظيم القاعدة في بلاد المغرب الإسلامي", "aqim"), ("جماعة نصرة الإسلام والمسلمين", "jnim"),
        ("حركة الشباب", "al_shabaab"), ("هيئة تحرير الشام", "hts"), ("أنصار الله", "houthi_movement"),
        ("حزب الله", "hezbollah"), ("حزب العمال الكردستاني", "pkk"), ("الحشد الشعبي", "popular_mobilization_forces"),
        ("البنيان المرصوص", "bunyan_al_marsous"), ("الجيش الوطني الليبي", "libyan_national_army"),
        ("عملية برخان", "operation_barkhane"), ("فاغنر", "wagner_group"), ("إيكواس", "ecowas"),
        ("القوة المشتركة متعددة الجنسيات", "mnjtf"), ("المرابطون", "al_mourabitoun"),
        ("ولاية سيناء", "is_sinai"), ("أنصار بيت المقدس", "ansar_beit_al_maqdis"),
    ]:
        entry = lookup(alias)
        assert entry is not None and entry["id"] == expected, alias


# ---------------------------------------------------------------- lookup, relations

def test_lookup_by_id_arabic_variant_and_english():
    assert lookup("islamic_state")["name"] == "Islamic State"
    assert lookup("الدولة الاسلامية في العراق والشام")["id"] == "islamic_state"  # no hamza, as often written
    assert lookup("ISWAP")["id"] == "is_west_africa"
    assert lookup("Military Forces of Burkina Faso")["id"] == "military_forces_bf"
    assert lookup("جماعة لا وجود لها") is None


def test_relations_record_pledges_and_renamings():
    rels = relations_of("boko_haram")
    pledge = [r for r in rels if r["type"] == "allegiance" and r["subject"] == "boko_haram"]
    assert pledge and pledge[0]["object"] == "islamic_state" and pledge[0]["date"].startswith("2015")
    assert pledge[0]["new_name_ar"] == "ولاية غرب إفريقيا"
    jnim_in = {r["subject"] for r in relations_of("jnim") if r["type"] == "merger" and r["object"] == "jnim"}
    assert {"ansar_dine", "al_mourabitoun", "katiba_macina"} <= jnim_in
    assert relations_of("no_such_actor") == []


# ---------------------------------------------------------------- aliases, clitics, variants

def test_clitics_before_an_alias():
    text = "تبرأ الأهالي من داعش وبداعش يتهمون الغرباء، ولداعش خلايا نائمة، فداعش لم ينته."
    hits = [m for m in find_actors(text) if m.actor_id == "islamic_state"]
    assert [m.text for m in hits] == ["داعش", "داعش", "داعش", "داعش"]
    for m in hits:
        assert text[m.start:m.end] == m.text


def test_definite_alias_after_lil():
    text = "أعلنت الحكومة ولاءها للجيش الوطني الليبي ثم وجهت رسالة للأمم المتحدة."
    found = {m.actor_id: m.text for m in find_actors(text)}
    assert found["libyan_national_army"] == "للجيش الوطني الليبي"
    assert found["united_nations"] == "للأمم المتحدة"


def test_spelling_variants_diacritics_and_tatweel():
    text = "قالت مصادر إن تنظيمَ الدولةِ الإسلاميـة في غرب أفريقية نفذ الهجوم."
    m = find_actors(text)[0]
    assert m.actor_id == "is_west_africa"
    assert m.text == text[m.start:m.end]
    assert "الإسلاميـة" in m.text  # offsets point into the original, tatweel and all


def test_longest_alias_wins():
    assert names("أصدر تنظيم القاعدة في بلاد المغرب الإسلامي بيانا.") == ["Al-Qaeda in the Islamic Maghreb"]
    assert names("قاتل مسلحو هيئة تحرير الشام في ريف إدلب.") == ["Hayat Tahrir al-Sham"]


def test_cue_word_and_quotes_before_a_name():
    text = "اتهمت السلطات جماعة «بوكو حرام» بالهجوم، وقالت إن قوات “البنيان المرصوص” تقدمت."
    found = {m.actor_id: m.text for m in find_actors(text)}
    assert found["boko_haram"] == "جماعة «بوكو حرام»"
    assert found["bunyan_al_marsous"] == "قوات “البنيان المرصوص”"


def test_not_followed_by_blocks_a_common_noun_reading():
    assert names("هبطت الطائرة في القاعدة العسكرية قرب المدينة.") == []
    assert names("هبطت الطائرة في القاعدة الفرنسية قرب المدينة.") == []
    assert "Al-Qaeda" in names("قالت القاعدة في بيان إنها تقف وراء التفجير.")


def test_weak_alias_needs_its_country():
    sport = "احتفل الشباب في تونس بفوز الفريق المحلي."
    assert "Al Shabaab" not in names(sport)
    war = "هاجم مقاتلو الشباب قاعدة للجيش الصومالي في الصومال."
    assert "Al Shabaab" in names(war)


def test_shared_alias_is_resolved_by_the_articles_country():
    tunisia = "اعتقلت الشرطة التونسية في تونس عناصر من أنصار الشريعة."
    libya = "اشتبكت قوات ليبية في بنغازي شرق ليبيا مع أنصار الشريعة."
    assert by_text(tunisia, "أنصار الشريعة").actor_id == "ansar_al_sharia_tunisia"
    assert by_text(libya, "أنصار الشريعة").actor_id == "ansar_al_sharia_benghazi"


# ---------------------------------------------------------------- state forces from nationality words

def test_force_word_plus_nationality_adjective():
    text = "استهدف هجوم موقعا للجيش البوركيني، وردت القوات الفرنسية، ثم انتشرت قوات الجيش المالي."
    got = actors(text)
    assert ("للجيش البوركيني", "Military Forces of Burkina Faso") in got
    assert ("القوات الفرنسية", "Military Forces of France") in got
    assert ("قوات الجيش المالي", "Military Forces of Mali") in got


def test_force_word_plus_country_name_and_other_organs():
    text = "أعلن جيش بوركينا فاسو مقتل مسلحين، واعتقلت الشرطة التونسية مشتبها، وأغار سلاح الجو النيجيري."
    got = dict((t, n) for t, n in actors(text))
    assert got["جيش بوركينا فاسو"] == "Military Forces of Burkina Faso"
    assert got["الشرطة التونسية"] == "Police Forces of Tunisia"
    assert got["سلاح الجو النيجيري"] == "Military Forces of Nigeria (Air Force)"


def test_state_force_without_dictionary_entry_is_built():
    m = by_text("عبرت القوات الهندية الحدود.", "القوات الهندية")
    assert m.actor_id is None and m.ref["name"] == "Military Forces of India" and m.ref["type"] == 1
    assert m.ref["country"] == "IN" and m.how == "force+nationality"


def test_elliptical_coordination_of_nationalities():
    text = "نفذت المقاتلات المالية والفرنسية غارات، وقصف سلاح الجو الليبي والأمريكي المواقع."
    got = actors(text)
    assert ("الفرنسية", "Military Forces of France") in got
    assert ("الأمريكي", "Military Forces of the United States") in got
    assert ("سلاح الجو الليبي", "Military Forces of Libya (Air Force)") in got


# ---------------------------------------------------------------- generic actors by country

def test_unidentified_gunmen_take_the_sentence_country():
    text = "قتل مسلحون مجهولون ثلاثة رعاة قرب الحدود في النيجر. وفي مالي، هاجم مسلحون قرية."
    got = [n for n in names(text) if n.startswith(("Unidentified", "Civilians"))]
    assert got == ["Unidentified Armed Group (Niger)", "Civilians (Niger)", "Unidentified Armed Group (Mali)"]


def test_armed_men_named_as_terrorists_or_extremists_are_an_unidentified_group():
    text = "هاجم متطرفون مركزا للشرطة في النيجر، وقتل الجيش عددا من الإرهابيين. ووصف البيان الهجوم بأنه هجوم إرهابي."
    assert names(text) == ["Unidentified Armed Group (Niger)", "Police Forces of Niger", "Military Forces of Niger",
                           "Unidentified Armed Group (Niger)"]


def test_a_definite_description_points_back_to_the_group_named_before():
    text = "تبنت حركة الشباب الهجوم على المعسكر في الصومال. وقال الجيش إن المسلحين فروا بعد ساعتين."
    got = [m for m in find_actors(text) if m.text == "المسلحين"]
    assert got and got[0].ref["name"] == "Al Shabaab"
    # plural collectives name many groups; with no group named before, the description stays unidentified
    assert names("وتنشط الجماعات المسلحة في شمال مالي.")[-1] == "Unidentified Armed Group (Mali)"
    assert names("قتل المسلحون جنديين في مالي.")[0] == "Unidentified Armed Group (Mali)"


def test_country_hint_is_used_when_the_sentence_has_no_country():
    text = "فر السكان من القرية بعد الهجوم."
    assert names(text, country_hint="TD") == ["Civilians (Chad)"]
    assert names(text) == ["Civilians"]


def test_nationality_after_a_people_word():
    assert names("قتل خمسة مدنيين ماليين في الهجوم.") == ["Civilians (Mali)"]


def test_bare_army_refers_back_then_falls_back_to_the_country():
    text = "أعلن الجيش التشادي مقتل عشرة مسلحين. وأضاف الجيش أن العملية مستمرة."
    got = [m for m in find_actors(text) if m.text == "الجيش"]
    assert got and got[0].actor_id == "military_forces_td"
    assert names("قال الجيش إنه استعاد البلدة.", country_hint="NE") == ["Military Forces of Niger"]


# ---------------------------------------------------------------- short references

def test_short_reference_links_to_the_latest_accepting_actor():
    text = ("تبنى تنظيم داعش الهجوم. وقال التنظيم في بيان إن عناصره انسحبوا، ثم أعلنت جماعة "
            "بوكو حرام مسؤوليتها عن هجوم آخر، وتوعدت الجماعة بالمزيد، وللتنظيم أنصار في القرى المجاورة.")
    refs = [(m.text, m.actor_id) for m in find_actors(text) if m.how.startswith("short_ref")]
    assert refs == [("التنظيم", "islamic_state"), ("الجماعة", "boko_haram"), ("للتنظيم", "boko_haram")]


def test_short_reference_prefers_the_frequent_parent_over_its_branch():
    text = ("قاتل داعش طويلا. وسيطر داعش على البلدة. ثم بايعت الجماعة المحلية وصارت ولاية الساحل، "
            "لكن التنظيم عاد وتبنى الهجوم.")
    last = [m for m in find_actors(text) if m.text == "التنظيم"][-1]
    assert last.actor_id == "islamic_state"


def test_short_reference_without_antecedent_or_before_an_unknown_name():
    assert names("قال التنظيم إنه لن يتراجع.") == []
    found = find_actors("تبنى داعش الهجوم. ودعت الحركة الشعبية للتغيير إلى الإضراب.")
    assert [m.text for m in found] == ["داعش"]


# ---------------------------------------------------------------- unknown groups

def test_unknown_group_kept_with_its_arabic_name():
    text = "أعلنت جماعة “سرايا الفجر الجديد” مسؤوليتها، كما تبنت كتيبة الصقور السود هجوما آخر."
    unknown = [m for m in find_actors(text) if m.how == "unknown_group"]
    assert [m.ref["name"] for m in unknown] == ["جماعة سرايا الفجر الجديد", "كتيبة الصقور السود"]
    assert all(m.actor_id is None and m.ref["type"] in (2, 3) for m in unknown)


def test_common_nouns_after_a_cue_are_not_groups():
    assert names("ناقش المجلس تنظيم الانتخابات وحركة المرور في العاصمة.") == []


# ---------------------------------------------------------------- persons

def test_role_then_name_with_nationality_affiliation():
    text = "حذر وزير الخارجية التشادي، عثمان بلال قرين، من تدهور الوضع."
    (p,) = find_persons(text)
    assert p.ref["name"] == "عثمان بلال قرين"
    assert p.ref["role"] == "وزير الخارجية التشادي"
    assert p.ref["affiliation"]["name"] == "Government of Chad" and p.ref["country"] == "TD"
    assert p.text == text[p.start:p.end]


def test_name_then_role_with_an_actor_affiliation_and_surname_link():
    text = ("وقال سالم الورفلي، الناطق باسم حركة الشباب، إن مقاتليه تقدموا. "
            "وأضاف الورفلي أن المعارك ستستمر.")
    first, later = find_persons(text)
    assert first.ref["name"] == "سالم الورفلي" and first.ref["role"] == "الناطق باسم حركة الشباب"
    assert first.ref["affiliation"]["id"] == "al_shabaab"
    assert later.text == "الورفلي" and later.ref["name"] == "سالم الورفلي"
    assert later.how.startswith("surname")


def test_nationality_before_the_name_and_role_after():
    text = "ونقلت الإذاعة تحذير السنغالي، باكاري ندياي فال، رئيس مفوضية الاتحاد الإفريقي، من العواقب."
    (p,) = find_persons(text)
    assert p.ref["name"] == "باكاري ندياي فال"
    assert p.ref["country"] == "SN"
    assert p.ref["role"] == "رئيس مفوضية الاتحاد الإفريقي"
    assert p.ref["affiliation"]["id"] == "african_union"


def test_unnamed_roles_and_sources():
    text = ("وأكد قائد محور الجنوب في قوات حكومة الوفاق أن الهدوء عاد، "
            "فيما قال مصدر أمني إن مصدرا طبيا أحصى القتلى.")
    got = {p.ref["role"]: p for p in find_persons(text)}
    commander = got["قائد محور الجنوب في قوات حكومة الوفاق"]
    assert commander.ref["name"] is None and commander.how == "unnamed"
    assert commander.ref["affiliation"]["id"] == "military_forces_ly_gna"
    assert got["مصدر أمني"].how == "source"


def test_title_then_name_and_known_people():
    text = "وصل العقيد موسى كبيرو إلى الموقع، بينما التقى خليفة حفتر بالمبعوث الأممي. وقال حفتر إن الهدنة صامدة."
    found = find_persons(text)
    assert found[0].ref["name"] == "موسى كبيرو" and found[0].ref["role"] == "العقيد"
    haftar = [p for p in found if p.ref["id"] == "khalifa_haftar"]
    assert [p.text for p in haftar] == ["خليفة حفتر", "حفتر"]
    assert haftar[0].ref["name"] == "Khalifa Haftar"
    assert haftar[0].ref["affiliation"]["id"] == "libyan_national_army"


def test_known_person_names_are_not_actors():
    text = "ألقى عبد الملك الحوثي خطابا، وقال الحوثيون إنهم سيردون."
    got = actors(text)
    assert got == [("الحوثيون", "Houthi Movement (Ansar Allah)")]
    assert [p.ref["name"] for p in find_persons(text)] == ["Abdul-Malik al-Houthi"]


def test_pers_spans_from_a_tagger_are_used():
    text = "وقال المتحدث باسم الجيش النيجري زيدو أمادو إن الدورية عادت، وأضافت مريم كوناتي أن الطريق آمن."
    start = text.index("زيدو أمادو")
    other = text.index("مريم كوناتي")
    spans = [(start, start + len("زيدو أمادو")), (other, other + len("مريم كوناتي"))]
    found = find_persons(text, pers_spans=spans)
    assert [p.ref["name"] for p in found] == ["زيدو أمادو", "مريم كوناتي"]
    assert found[0].ref["role"] == "المتحدث باسم الجيش النيجري"
    assert found[0].ref["affiliation"]["id"] == "military_forces_ne"
    assert found[1].ref["role"] is None and found[1].how == "ner"


def test_find_persons_without_roles_or_names_is_empty():
    assert find_persons("هطلت أمطار غزيرة على المدينة أمس.") == []


# ---------------------------------------------------------------- offsets, explain, API shapes

def test_offsets_point_into_the_original_text():
    text = "أعلن  تنظيم «داعش» ، ‏مسؤوليته؛ وقال وزيرُ الدفاعِ الفرنسيُّ، جان إيف لودريان، إن الجيشَ المالي تقدم."
    norm = normalize(text)
    for m in find_actors(text, norm=norm):
        assert text[m.start:m.end] == m.text == m.ref["text"]
        assert (m.ref["start"], m.ref["end"]) == (m.start, m.end)
    (p,) = find_persons(text, norm=norm)
    assert text[p.start:p.end] == p.text
    assert p.ref["name"] == "Jean-Yves Le Drian"
    assert p.ref["role"] == "وزيرُ الدفاعِ الفرنسيُّ"
    assert "Military Forces of Mali" in names(text)


def test_explain_lists_actors_and_persons_in_reading_order():
    rows = explain("قال الرئيس النيجيري محمد بخاري إن بوكو حرام هُزمت.")
    assert [r["kind"] for r in rows] == ["person", "actor"]
    assert rows[0]["name"] == "Muhammadu Buhari" and rows[0]["affiliation"] == "Government of Nigeria"
    assert rows[1]["id"] == "boko_haram" and rows[1]["how"] == "alias:بوكو حرام"
    assert all({"start", "end", "text", "how"} <= set(r) for r in rows)


def test_mentions_are_sorted_and_typed():
    text = "هاجمت حركة الشباب قافلة لبعثة أميصوم، وردت القوات الكينية، وفر المدنيون في الصومال."
    found = find_actors(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    types = {m.ref["name"]: m.ref["type"] for m in found}
    assert types["Al Shabaab"] == 2
    assert types["AMISOM: African Union Mission in Somalia"] == 8
    assert types["Military Forces of Kenya"] == 1
    assert types["Civilians (Somalia)"] == 7


# ---------------------------------------------------------------- the seed article

@pytest.mark.skipif(not SEED.is_file(), reason="needs ../shared")
def test_seed_actors():
    text = SEED.read_text(encoding="utf-8")
    found = find_actors(text)
    assert all(text[m.start:m.end] == m.text for m in found)
    ids = Counter(m.actor_id for m in found)
    assert ids["islamic_state"] >= 15
    texts = {m.text: m for m in found}
    for written in ("تنظيم “داعش” الارهابي", "تنظيم داعش", "التنظيم", "للتنظيم", "الجهاديون"):
        assert texts[written].actor_id == "islamic_state", written
    assert texts["تنظيم داعش في الصحراء الكبرى"].actor_id in ("is_greater_sahara", "islamic_state")
    libyan = [m for m in found if "الليبي" in text[m.end:m.end + 8] and m.text == "تنظيم داعش"]
    assert libyan and libyan[0].actor_id == "islamic_state"
    assert texts["جماعة بوكو حرام"].actor_id == "boko_haram"
    assert texts["حركة “بوكو حرام”"].actor_id == "boko_haram"
    assert texts["ولاية غرب إفريقيا"].actor_id == "is_west_africa"
    assert texts["للجيش البوركيني"].ref["name"] == "Military Forces of Burkina Faso"
    assert texts["قوات “البنيان المرصوص”"].actor_id == "bunyan_al_marsous"
    assert texts["عملية البنيان المرصوص"].actor_id == "bunyan_al_marsous"
    assert texts["سلاح الجو الليبي"].actor_id == "air_force_ly"
    assert texts["الأميركي"].ref["name"] == "Military Forces of the United States"
    assert texts["قوات الحكومة المعترف بها دوليا"].ref["name"] == "Military Forces of Libya (GNA)"
    assert texts["الجيش الليبي"].ref["name"] == "Military Forces of Libya"
    assert texts["مجلس الأمن"].actor_id == "un_security_council"
    # "حماس المقاتلين الشباب" is enthusiasm and young fighters, not Hamas or al-Shabaab
    assert not {"hamas", "al_shabaab"} & set(ids)


@pytest.mark.skipif(not SEED.is_file(), reason="needs ../shared")
def test_seed_persons():
    text = SEED.read_text(encoding="utf-8")
    found = find_persons(text)
    assert all(text[p.start:p.end] == p.text for p in found)
    by_role = {p.ref["role"]: p for p in found if p.ref["role"]}
    le_drian = by_role["وزير الدفاع الفرنسي"]
    assert le_drian.ref["name"] == "Jean-Yves Le Drian" and le_drian.ref["country"] == "FR"
    assert by_role["الأمين العام للأمم المتحدة"].ref["name"] == "Ban Ki-moon"
    assert by_role["الأمين العام للأمم المتحدة"].ref["affiliation"]["id"] == "united_nations"
    commander = by_role["قائد غرفة عمليات تحرير سرت"]
    assert commander.ref["name"] is None
    de_souza = by_role["رئيس مفوضية المجموعة الاقتصادية لدول غرب إفريقيا"]
    assert de_souza.ref["name"] == "مارسيل آلان دو سوزا" and de_souza.ref["country"] == "BJ"
    assert de_souza.ref["affiliation"]["id"] == "ecowas"
    spokesman = by_role["المتحدث باسم “البنيان المرصوص”"]
    assert spokesman.ref["name"] == "محمد الغصري"
    assert spokesman.ref["affiliation"]["id"] == "bunyan_al_marsous"
    source = by_role["مصدر مسؤول في قوات “البنيان المرصوص”"]
    assert source.how == "source" and source.ref["affiliation"]["id"] == "bunyan_al_marsous"
    ghasri = [p for p in found if p.text == "الغصري"]
    assert ghasri and ghasri[0].ref["name"] == "محمد الغصري"
    assert ghasri[0].ref["role"] == "المتحدث باسم “البنيان المرصوص”"
    later = [p for p in found if p.text == "لودريان"]
    assert later and later[0].ref["name"] == "Jean-Yves Le Drian" and later[0].ref["role"] == "وزير الدفاع الفرنسي"


# ---------------------------------------------------------------- the precompiled index (issue 5)

def test_actor_index_is_current():
    from rasd.actors.dictionary import INDEX, _build

    index = INDEX.read()
    assert index is not None, "rasd/data/actors/index.bin is missing or stale: run scripts/build_indexes.py"
    assert index == _build()


def test_stale_index_is_not_used():
    from dataclasses import replace

    from rasd.actors.dictionary import INDEX

    assert replace(INDEX, sources=INDEX.sources + ("no-such-file.tsv",)).read() is None


# ---------------------------------------------------------------- linking rules added with the 259-mention benchmark

def test_force_words_in_accusative_and_dual_take_the_nationality_after_them():
    assert by_text("وأسر المهاجمون جنودا نيجريين قرب الحدود.", "جنودا نيجريين").ref["name"] == "Military Forces of Niger"
    assert by_text("وأعلنت الحكومة مقتل جنديين تشاديين في الكمين.", "جنديين تشاديين").ref["name"] == (
        "Military Forces of Chad")
    assert by_text("وتعرضت دورية بوركينية لهجوم بعبوة ناسفة.", "دورية بوركينية").ref["name"] == (
        "Military Forces of Burkina Faso")


def test_hashtag_underscores_read_as_spaces():
    m = by_text("وأدان #مجلس_الأمن الدولي التفجير.", "مجلس_الأمن الدولي")
    assert m.actor_id == "un_security_council"


def test_government_forces_take_the_country_of_the_context():
    assert by_text("وقصفت القوات الحكومية بلدات في ريف إدلب شمال سوريا.", "القوات الحكومية").ref["name"] == (
        "Military Forces of Syria")
    assert by_text("وتقدمت قوات النظام في ريف حماة بسوريا.", "قوات النظام").ref["name"] == "Military Forces of Syria"
    assert by_text("واستعادت قوات الشرعية مواقع في محافظة الجوف اليمنية.", "قوات الشرعية").ref["name"] == (
        "Military Forces of Yemen")


def test_legitimate_government_depends_on_the_country():
    assert by_text("وقالت الحكومة الشرعية في اليمن إنها ترحب بالهدنة.", "الحكومة الشرعية").ref["name"] == (
        "Government of Yemen")
    assert by_text("وقال السفير إن قواته دخلت سوريا بطلب من الحكومة الشرعية.", "الحكومة الشرعية").ref["name"] == (
        "Government of Syria")
    assert by_text("وطالبت حكومة النيجر بتحقيق مستقل.", "حكومة النيجر").ref["name"] == "Government of Niger"


def test_weak_alias_counts_when_coordinated_with_a_named_group():
    assert by_text("وأشادت حركة الجهاد الإسلامي وحماس بالعملية.", "حماس").actor_id == "hamas"
    assert by_text("وبارك حماس والجهاد الإسلامي العملية.", "حماس").actor_id == "hamas"
    assert "hamas" not in {m.actor_id for m in find_actors("وتحدث المدرب عن حماس اللاعبين والجمهور.")}


def test_weak_alias_counts_beside_a_related_actor():
    m = by_text("وكانت هيئة تحرير الشام تعرف من قبل باسم النصرة.", "النصرة")
    assert m.actor_id == "al_nusra"


def test_short_reference_followed_by_a_plural_adjective():
    text = "وتبنى تنظيم الدولة الهجوم، فيما تلاحق القوات العراقية فلول التنظيم المتبقين في الصحراء."
    assert by_text(text, "التنظيم").ref["name"] == "Islamic State"
    # a singular cue noun followed by another definite word still starts a name it does not resolve
    assert not [m for m in find_actors("وتبنى تنظيم الدولة الهجوم. وقالت الحركة الوطنية إنها تدين ذلك.")
                if m.text == "الحركة"]


def test_houthi_epithets_and_short_references():
    assert by_text("وقصفت الميليشيات الانقلابية أحياء في تعز اليمنية.", "الميليشيات الانقلابية").actor_id == (
        "houthi_movement")
    text = "واتهم الجيش اليمني جماعة الحوثي بقصف المدينة، وقال إن المليشيات استهدفت منازل."
    assert by_text(text, "المليشيات").actor_id == "houthi_movement"
    assert lookup("المليشيات الحوثية")["id"] == "houthi_movement"  # spelling variant with the article


def test_derna_council_short_name_and_accusative_gunmen():
    assert by_text("واشتبكت وحدات الجيش مع مجاهدي درنة.", "مجاهدي درنة").actor_id == "derna_mujahideen_shura_council"
    assert by_text("وقتلت قوات الشرطة المصرية ثمانية عشر مسلحا في العريش.", "مسلحا").ref["name"] == (
        "Unidentified Armed Group (Egypt)")


def test_its_army_is_the_army_of_the_country_just_named():
    text = "أعلنت وزارة الدفاع في مالي أن جيشها قتل 11 مسلحا."
    assert "Military Forces of Mali" in [a.ref["name"] for a in find_actors(text)]
