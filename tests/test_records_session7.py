"""Rules added in session 7 (records, the words of a role, place spellings), checked on sentences written for
rasd: each with what it must do and what it must not."""
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


def events_of(text):
    return kinds(records(text), "event")


def statements_of(text):
    return kinds(records(text), "statement")


def test_taking_ground_with_the_subject_between_the_verb_and_its_object():
    (ev,) = events_of("سيطرت قوات الجيش النيجيري وقوة المهام المشتركة على بلدة مونغونو بعد معارك.")
    assert ev["sub_event_type"] in ("Government regains territory", "Non-state actor overtakes territory")
    (ev,) = events_of("وتمكنت قوات المقاومة، بدعم من طيران التحالف، الاثنين، من تحرير مديرية حيس جنوبي الحديدة.")
    assert ev["event_type"] == "Battles"
    # a hope to take a city is no incident
    assert not events_of("وأعرب الرئيس عن أمله في السيطرة على المدينة قبل نهاية الشهر.")


def test_an_assault_by_which_ground_was_taken_is_one_incident():
    (ev,) = events_of("هاجم التنظيم بستة انتحاريين بلدة الميادين في ريف دير الزور، حيث سيطر على عدة أحياء فيها.")
    assert ev["event_type"] == "Battles" and "suicide" in ev["mode"]
    # a strike from the air beside it stays its own
    assert len(events_of("قصفت طائرات حربية مواقع المسلحين في ريف إدلب، وسيطرت القوات الحكومية على قرية مجاورة.")) == 2


def test_vows_to_confront_and_threats_told_by_a_participle():
    (st,) = statements_of("وتعهد الرئيس السوري بالتصدي لأي عدوان على بلاده.")
    assert st["statement_type"] == "threat" and st["speaker"]["text"] == "الرئيس السوري"
    recs = records("وأعلنت الحكومة الأفغانية أن الهجوم أوقع عشرات القتلى، متوعدة بأن المهاجمين سيدفعون الثمن.")
    assert "threat" in [st["statement_type"] for st in kinds(recs, "statement")]


def test_condemnation_and_accusation_named_by_a_verbal_noun():
    (st,) = statements_of("ونقلت وكالة الأنباء الرسمية عن وزير الدفاع الإيراني تنديده بالضربات على مواقع في سوريا.")
    assert st["statement_type"] == "condemnation" and "وزير الدفاع" in st["speaker"]["text"]
    sts = statements_of("ووجه محافظ مأرب اتهامات صريحة لميليشيا الحوثي بقصف الأحياء السكنية.")
    assert [st["statement_type"] for st in sts] == ["accusation"]
    # the role ends at the place: what he said is not part of who he is
    assert sts[0]["speaker"]["text"] == "محافظ مأرب"


def test_a_role_stops_before_what_was_vowed_but_keeps_an_office_taken_with_ba():
    from rasd.actors import find_persons
    assert [p.text for p in find_persons("وتعهد الرئيس السوري بالتصدي لأي عدوان على بلاده.")] == ["الرئيس السوري"]
    assert [p.text for p in find_persons("وقال الوزير المكلف بالإعلام إن الوضع هادئ.")] == ["الوزير المكلف بالإعلام"]
    assert [p.text for p in find_persons("وقال رئيس الوزراء بالوكالة إن الحكومة مستعدة.")] == ["رئيس الوزراء بالوكالة"]


def test_a_place_the_tagger_found_closes_a_role_and_a_chain_of_offices_does_not():
    from rasd.actors import find_persons
    text = "ووجه رئيس بلدية تمبكتو اتهامات لجهات خارجية بتمويل المسلحين."
    start = text.index("تمبكتو")
    (p,) = find_persons(text, pers_spans=[], loc_spans=[(start, start + len("تمبكتو"))])
    assert p.text == "رئيس بلدية تمبكتو"
    (p,) = find_persons("وقال رئيس مجلس إدارة شركة النفط إن الإنتاج توقف.", pers_spans=[])
    assert p.text == "رئيس مجلس إدارة شركة النفط"


def test_spellings_of_timbuktu_and_chibok():
    from rasd.places import find_places
    assert "Timbuktu" in [p.location["name"] for p in find_places("هزت انفجارات مدينة تينبكتو في شمال مالي")]
    assert "Chibok" in [p.location["name"] for p in find_places("خطف التلميذات من بلدة تشيبوك بولاية بورنو")]


def test_an_unnamed_source_speaks_for_the_institution_it_names_but_not_for_a_hospital():
    (st,) = statements_of("وقال مصدر حكومي إن هناك شكوكا قوية في وجود تسريبات داخل قيادة الأركان.")
    assert st["speaker"]["text"] == "مصدر حكومي"
    (st,) = statements_of("وقالت مصادر بالإدارة الأميركية إن التقييمات تشير إلى استخدام غاز الكلور في الهجوم.")
    assert "الإدارة الأميركية" in st["speaker"]["text"]
    assert not statements_of("وقال مصدر طبي إن مستشفى المدينة استقبل عشرة جرحى.")
    assert not statements_of("وقال مصدر أمني إن دورية للجيش تعرضت لإطلاق نار قرب الحدود.")


def test_a_capital_speaks_for_its_government_but_not_inside_a_relative_clause():
    sts = statements_of("واتهمت المنامة جهات خارجية بالوقوف وراء تفجير خط الأنابيب قرب العاصمة.")
    assert [st["speaker"]["name"] for st in sts] == ["Government of Bahrain"]
    (st,) = statements_of("وحذرت أنقرة من أي هجوم على مواقعها في شمال العراق.")
    assert st["speaker"]["name"] in ("Government of Turkey", "Government of Türkiye")
    (st,) = statements_of("لكن التحالف الدولي الذي تقوده واشنطن نفى أن تكون قواته قد دخلت البلدة.")
    assert st["speaker"]["name"] == "Global Coalition against Daesh"


def test_a_denial_with_an_attached_pronoun_and_an_expressed_hope():
    sts = statements_of("وهو ما نفاه المتحدث باسم الحركة في اتصال هاتفي مع وكالة محلية.")
    assert [st["statement_type"] for st in sts] == ["denial"]
    (st,) = statements_of("أعرب وزير الدفاع عن أمله في أن تنتهي العملية العسكرية قبل حلول الشتاء.")
    assert st["statement_type"] == "assessment" and st["speaker"]["text"] == "وزير الدفاع"


def test_the_place_of_a_dateline_is_where_the_report_was_filed_not_the_incident():
    (ev,) = events_of("دبي، الإمارات العربية المتحدة (CNN)-- أعلن الجيش المصري، الأحد، مقتل ستة مسلحين في "
                      "اشتباكات مع قواته.")
    assert ev["location"]["country"] == "EG" and "Emirates" not in ev["actor2"]["name"]
    # a place named in brackets in running text is no dateline
    (ev,) = events_of("قتل ستة مسلحين في اشتباكات في مدينة الموصل (رويترز) مع القوات العراقية.")
    assert ev["location"]["name"] == "Mosul"


def test_a_capital_that_speaks_is_not_where_the_strike_fell():
    (ev,) = events_of("وأعلنت طهران مساء الثلاثاء أن الغارة التي استهدفت قاعدة عسكرية قرب حمص أسفرت عن مقتل أربعة "
                      "مستشارين إيرانيين.")
    assert ev["location"]["country"] == "SY"


def test_a_chemical_attack_in_its_spellings_hits_civilians_unless_told_otherwise():
    (ev,) = events_of("قتل العشرات في هجوم كيمياوي استهدف بلدة خان شيخون في ريف إدلب.")
    assert ev["sub_event_type"] == "Chemical weapon" and ev["actor2"]["name"] == "Civilians (Syria)"
    (ev,) = events_of("واستخدمت القوات الحكومية أسلحة كيماوية في قصفها على بلدة اللطامنة بريف حماة.")
    assert ev["sub_event_type"] == "Chemical weapon"
    # condemning the use of chemical weapons in general reports no attack
    assert not events_of("ودان الاتحاد الأوروبي بأشد العبارات استخدام الأسلحة الكيماوية في أي مكان.")


def test_blasts_that_shook_a_town_are_an_incident_and_detention_is_an_arrest():
    (ev,) = events_of("وقال شهود إن عدة انفجارات قوية هزت مدينة كيدال شمالي مالي فجر الأحد.")
    assert ev["event_type"] == "Explosions/Remote violence" and ev["location"]["name"] == "Kidal"
    (ev,) = events_of("واحتجزت السلطات الإسبانية المشتبه به في مدينة برشلونة الأسبوع الماضي.")
    assert ev["sub_event_type"] == "Arrests"
    assert not events_of("وقالت الوزارة إن الانفجارات المتكررة في الحقول النفطية تعود إلى أعطال فنية.")


def test_a_headline_suicide_attack_is_the_body_car_bomb():
    text = ("هجوم انتحاري يستهدف معسكرا للجيش في شمال مالي\n\n"
            "قتل تسعة جنود وأصيب آخرون في هجوم بسيارة مفخخة استهدف معسكرا للجيش في مدينة غاوا شمالي مالي.")
    (ev,) = events_of(text)
    assert ev["location"]["name"] == "Gao" and {"suicide", "vbied"} <= set(ev["mode"])


def test_eliminating_a_number_of_fighters_counts_them_killed():
    from rasd.numbers import find_casualties
    (c,) = find_casualties("وتمكنت القوات من القضاء على 6 عناصر تكفيرية في وسط سيناء")
    assert (c.category, c.best) == ("killed", 6)
    assert not find_casualties("وتعهد الجيش بالقضاء على الإرهاب في المنطقة")


def test_bombers_killed_or_caught_and_belts_worn_are_no_bombing():
    (ev,) = events_of("اشتباك مسلح ومقتل \"انتحاريين\" في محيط مدينة كركوك")
    assert ev["sub_event_type"] == "Armed clash"
    assert not events_of("وأوضحت الشرطة أن المسلحين الثلاثة كانوا يرتدون أحزمة ناسفة.")
    # but a bomber who killed himself set his belt off
    (ev,) = events_of("وقتل انتحاري نفسه وسط حشد من المصلين في مسجد بمدينة مايدوغوري.")
    assert ev["sub_event_type"] == "Suicide bomb"


def test_an_incident_remembered_on_its_anniversary_is_history():
    (ev,) = events_of("وأحيا أنصار الحزب الذكرى الخامسة لاغتيال المعارض شكري بلعيد في تونس العاصمة.")
    assert ev["background"] is True


def test_a_death_sentence_passed_is_no_execution_but_one_carried_out_is():
    assert not events_of("وقضت محكمة عسكرية بإعدام سبعة متهمين بالانتماء إلى جماعة مسلحة في الإسكندرية.")
    (ev,) = events_of("ونفذت السلطات حكم الإعدام في ثلاثة مدانين بالإرهاب في سجن بمدينة الناصرية.")
    assert ev["event_type"] == "Violence against civilians"


def test_a_definite_noun_right_after_the_verb_is_its_subject_but_not_after_a_participle():
    (st,) = statements_of("وانتقدت المعارضة قرار الحكومة رفع أسعار الوقود.")
    assert st["speaker"]["text"] == "المعارضة"
    (st,) = statements_of("وانتقدت المعارضة السورية المسلحة الاتفاق الأخير.")
    assert st["speaker"]["text"] == "المعارضة السورية"
    # an incident after the verb is what was condemned, not who condemned it
    sts = statements_of("وأدان الهجوم على المدنيين في المدينة.")
    assert all(not st["speaker"] for st in sts)
    sts = statements_of("وذكّر المتحدث بنداء القوات المسلحة، داعياً كل المطلوبين إلى تسليم أنفسهم.")
    assert all("المطلوبين" not in ((st["speaker"] or {}).get("text") or "") for st in sts)


def test_violations_of_a_truce_make_no_agreement():
    text = "واتهمت السلطات المحلية المتمردين بخروقات متكررة للهدنة في ريف تعز."
    assert "Agreement" not in [ev["sub_event_type"] for ev in events_of(text)]
    (ev,) = events_of("وأعلنت الأمم المتحدة التوصل إلى هدنة بين الأطراف المتحاربة في مدينة الحديدة.")
    assert ev["sub_event_type"] == "Agreement"


# Must-not cases from the review of the session's rules


def test_a_suicide_bomber_who_killed_people_is_a_bombing():
    (ev,) = events_of("وقتل انتحاري عشرين شخصا في هجوم على مسجد بمدينة كويتا.")
    assert ev["sub_event_type"] == "Suicide bomb"


def test_a_fire_a_feeling_or_a_vehicle_is_no_ground_taken():
    for text in ("وسيطرت فرق الإطفاء بعد ساعات على الحريق الذي اندلع في سوق المدينة.",
                 "ونجح رجال الإطفاء في السيطرة على الحريق قبل امتداده.",
                 "وسيطرت حالة من الهلع على سكان مدينة كركوك.",
                 "واستولى مسلحون على سيارة إسعاف في مدينة سرت."):
        assert not any(ev["sub_event_type"] in ("Government regains territory", "Non-state actor overtakes territory")
                       for ev in events_of(text)), text


def test_a_bombing_and_ground_taken_elsewhere_meanwhile_stay_two_incidents():
    evs = events_of("فجر انتحاري نفسه في سوق ببغداد، فيما سيطرت القوات العراقية على قرية قرب الموصل.")
    assert {"Suicide bomb"} <= {ev["sub_event_type"] for ev in evs} and len(evs) == 2


def test_a_dateline_under_a_headline_leaves_the_headline_place():
    text = ("انفجار يهز كابول\n\n"
            "دبي، الإمارات العربية المتحدة (CNN)-- قتل عشرة أشخاص في انفجار سيارة مفخخة وسط العاصمة.")
    (ev,) = events_of(text)
    assert ev["location"]["name"] == "Kabul"


def test_hostages_held_exile_and_defeat_are_not_arrest_denial_or_blast():
    assert not [ev for ev in events_of("واحتجزت جماعة مسلحة عشرة رهائن في فندق بالعاصمة مقديشو.")
                if ev["sub_event_type"] == "Arrests"]
    assert not statements_of("ونفته السلطات العثمانية إلى جزيرة نائية في البحر.")
    assert not events_of("وقال محللون إن التفجيرات الأخيرة تعكس هزيمة التنظيم في العراق.")


def test_an_incident_on_an_anniversary_is_news():
    (ev,) = events_of("وفي الذكرى الثالثة للثورة، قتل خمسة متظاهرين برصاص قوات الأمن في القاهرة.")
    assert ev["background"] is False


def test_the_subject_told_before_the_verb_leaves_the_object_alone():
    sts = statements_of("وكان الوزير قد انتقد الحكومة بسبب تأخر الرواتب.")
    assert all((st["speaker"] or {}).get("text") != "الحكومة" for st in sts)
    sts = statements_of("وحذرت المصادر من هجوم وشيك على المدينة.")
    assert all((st["speaker"] or {}).get("text") != "المصادر" for st in sts)


def test_bombs_found_and_detonated_hideouts_and_tunnels_destroyed_are_disrupted_weapons_use():
    for text in ("وقامت عناصر المهندسين العسكريين باكتشاف وتفجير 12 عبوة ناسفة في مناطق متفرقة بوسط سيناء.",
                 "وتم اكتشاف وتدمير فتحة نفق بمدينة رفح.",
                 "ودمرت قوات الجيش 40 وكرا للإرهابيين في منطقة الشيخ زويد.",
                 "كما أحبطت قوات الجيش محاولة تفجير 3 عبوات ناسفة في العريش."):
        assert [ev["sub_event_type"] for ev in events_of(text)] == ["Disrupted weapons use"], text
    # a bomb that went off is still an explosion
    (ev,) = events_of("وانفجرت عبوة ناسفة بدورية للجيش في رفح.")
    assert ev["sub_event_type"] == "Remote explosive/landmine/IED"


def test_each_incident_of_a_sentence_takes_its_own_figures():
    recs = events_of("وأعلن الجيش مقتل 7 من عناصره وإصابة 6 آخرين في مواجهات بالعريش، وتدمير أكثر من 300 وكر "
                     "للإرهابيين في رفح.")
    hideouts = [ev for ev in recs if ev["sub_event_type"] == "Disrupted weapons use"]
    assert hideouts and all(ev["fatalities"] is None and ev["injuries"] is None for ev in hideouts)


def test_forces_getting_ready_to_attack_plan_it():
    (ev,) = events_of("وتتأهب القوات الحكومية لشن هجوم على معاقل المسلحين في ريف إدلب.")
    assert ev["status"] == "planned"


def test_a_statement_issued_seizes_nothing():
    (ev,) = events_of("وأشار بيان صادر عن الاتحاد الأوروبي إلى دلائل على أن القوات الحكومية استخدمت أسلحة كيماوية "
                      "في قصفها على مدينة دوما.")
    assert ev["sub_event_type"] == "Chemical weapon"


def test_shelling_in_the_accusative_present_clashes_raids_and_a_rape_verb():
    assert [ev["sub_event_type"] for ev in events_of("وشنت الميليشيات قصفا عشوائيا على الأحياء السكنية في مدينة تعز.")] == [
        "Shelling/artillery/missile attack"]
    assert [ev["sub_event_type"] for ev in events_of("وتتواجه مجموعتان مسلحتان بالأسلحة الثقيلة في جنوب طرابلس.")] == [
        "Armed clash"]
    assert [ev["sub_event_type"] for ev in events_of("وشنت قوات الأمن حملة مداهمات واسعة في مدينة الموصل.")] == [
        "Arrests"]
    assert [ev["sub_event_type"] for ev in events_of("وقالت الشرطة إن رجلا اغتصب فتاة وقتلها في مدينة الزاوية.")] == [
        "Sexual violence"]
    # a country facing a crisis is no clash
    assert not events_of("وتواجه الحكومة أزمة اقتصادية خانقة في طرابلس.")


def test_a_car_bomb_in_the_other_spelling_and_a_battalion_as_a_military_target():
    (ev,) = events_of("وهاجمت حركة الشباب بسيارة ملغومة موكبا عسكريا خارج العاصمة مقديشو.")
    assert ev["event_type"] == "Explosions/Remote violence" and "vbied" in ev["mode"]
    (ev,) = events_of("هجوم لمسلحين على مقر كتيبة عسكرية في العريش.")
    assert ev["event_type"] == "Battles"


def test_a_headline_attack_is_the_body_car_bomb():
    text = ("قتلى في هجوم على موكب عسكري في الصومال\n\n"
            "قتل أربعة جنود عندما هاجم مسلحون بسيارة ملغومة موكبا عسكريا قرب بلدة أفجوي غربي العاصمة مقديشو.")
    (ev,) = events_of(text)
    assert ev["event_type"] == "Explosions/Remote violence"


def test_opening_fire_on_people_and_jets_that_destroyed():
    (ev,) = events_of("وفتح المسلحون النار على 12 مزارعا كانوا في حقولهم قرب بلدة دامبوا.")
    assert ev["event_type"] == "Violence against civilians" and "firearms" in ev["mode"]
    (ev,) = events_of("ودمرت مقاتلات التحالف، الخميس، تعزيزات عسكرية للمتمردين في مديرية صرواح.")
    assert ev["sub_event_type"] == "Air/drone strike"
    assert not events_of("وفتحت الحكومة باب الحوار مع المعارضة في العاصمة.")
    # Fatah calling for a ceasefire, a man named Fathi, a fire that broke out: no shooting
    assert not [ev for ev in events_of("ودعت حركة فتح إلى وقف إطلاق النار في غزة.") if "firearms" in ev["mode"]]
    assert not events_of("وقال فتحي باشاغا إن النار اشتعلت في مخزن للوقود بالميناء.")


def test_dead_counted_since_a_campaign_began_are_a_tally_but_a_first_since_compares():
    recs = records("وأفاد المتحدث العسكري، الثلاثاء، بمقتل 320 مسلحا منذ بدء العملية العسكرية في وسط سيناء.")
    assert kinds(recs, "tally") and not kinds(recs, "event")
    recs = records("وأسفر التفجير عن إصابة ثلاثة أشخاص في أول هجوم يستهدف مقر حزب منذ انطلاق الحملة الانتخابية.")
    assert not kinds(recs, "tally")


def test_a_feared_attack_is_expected_and_a_claim_with_a_pronoun_needs_an_attack():
    (ev,) = events_of("وتخشى أنقرة أن يتسبب هجوم كبير على إدلب بتدفق مزيد من اللاجئين.")
    assert ev["status"] == "expected"
    assert "claim" in [st["statement_type"] for st in statements_of("وكان هجوم مماثل قد وقع في فبراير، تبناه تنظيم داعش.")]
    assert not statements_of("وهو القرار الذي تبناه مجلس الأمن الدولي بالإجماع.")


# Must-not cases from the second review


def test_ordinary_words_do_not_foil_seize_or_destroy_weapons():
    (ev,) = events_of("وسط حالة من الإحباط بين السكان، قتل 8 مدنيين في انفجار سيارة مفخخة في بغداد.")
    assert "vbied" in ev["mode"]
    assert not events_of("وأحبطت الشرطة محاولة تهريب كمية من المخدرات في العريش.")
    assert not events_of("ودمرت الحرب حياة الناس وكرامتهم في المدينة.")
    (ev,) = events_of("وقامت عناصر المهندسين باكتشاف وتفجير 12 عبوة ناسفة في وسط سيناء.")
    assert ev["sub_event_type"] == "Disrupted weapons use"


def test_waving_flags_usurping_power_and_a_headline_ending_with_an_agency():
    assert not statements_of("ولوحت الجماهير بالأعلام في الساحة الرئيسية.")
    assert not events_of("وقال خصومه إنه اغتصب السلطة في البلاد.")
    text = "هجوم لتنظيم داعش على الجيش المصري في سيناء (رويترز)\n\nقتل خمسة جنود في هجوم على حاجز في العريش."
    assert "Islamic State" in [(ev["actor1"] or {}).get("name") for ev in events_of(text)]


def test_a_headline_attack_stays_apart_from_a_bombing_elsewhere():
    text = ("مقتل خمسة جنود في هجوم على حاجز للجيش في كركوك\n\n"
            "انفجرت عبوة ناسفة بدورية للشرطة في الموصل دون وقوع إصابات. وفي كركوك، قتل خمسة جنود في هجوم على حاجز.")
    assert len(events_of(text)) == 2


def test_a_second_of_its_kind_since_and_ongoing_fighting_since_count_no_campaign():
    assert not kinds(records("قتل 3 جنود في هجوم هو الثاني من نوعه منذ بدء الهدنة في درعا."), "tally")
    assert not kinds(records("قتل 15 مسلحا في الاشتباكات الدائرة منذ بدء الهجوم على البلدة فجر الأحد."), "tally")
    assert kinds(records("وأعلن الجيش في الأول من ديسمبر مقتل 320 مسلحا منذ بدء العملية في سيناء."), "tally")
