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


def test_another_incident_after_an_adjective_or_told_as_simultaneous():
    evs = events_of("قتل مسلحون عشرة جنود في هجوم على ثكنة عسكرية في بلدة مونغونو. وقتل ثلاثة مزارعين في هجوم عنيف "
                    "آخر استهدف قرية قريبة.")
    assert len(evs) == 2
    # the attack told again with its adjective is the same one
    evs = events_of("قتل مسلحون عشرة جنود في هجوم على ثكنة عسكرية في بلدة مونغونو. وقتل ثلاثة مزارعين في الهجوم "
                    "العنيف على قرية قريبة.")
    assert len(evs) == 1
    evs = events_of("قتل مسلحون ثمانية جنود في هجوم على مقر الجيش في واغادوغو. واستهدف مسلحون السفارة الفرنسية في "
                    "هجوم متزامن قتل فيه ستة مهاجمين.")
    assert len(evs) == 2
    # «وهجمات أخرى» joined by و speaks of other attacks, not of the kidnapping told again
    evs = events_of("خطف مسلحون عشرين تلميذة من مدرسة في بلدة دابشي. وتثير عملية الخطف وهجمات أخرى مخاوف السكان.")
    assert len(evs) == 1


def test_the_side_hit_acting_in_turn_is_another_incident():
    evs = events_of("قصفت مدفعية التحالف العربي مواقع للحوثيين في مديرية التحيتا. في غضون ذلك، واصلت ميليشيات الحوثي "
                    "قصفها لقرية المنظر جنوبي الحديدة.")
    assert len(evs) == 2
    # the same side going on is the same shelling
    evs = events_of("قصفت مدفعية التحالف العربي مواقع للحوثيين في مديرية التحيتا. وواصلت مدفعية التحالف العربي "
                    "قصفها للمواقع ذاتها.")
    assert len(evs) == 1


def test_met_their_death_is_a_killing_even_with_words_between():
    (ev,) = events_of("لقي أكثر من ثلاثين مدنيا من الرعاة مصرعهم على أيدي مسلحين قرب ميناكا شمال شرقي مالي.")
    assert ev["event_type"] == "Violence against civilians" and ev["fatalities"]["low"] == 30
    # a road accident is no violence, however it is told
    assert not events_of("ولقي الوزير السابق مصرعه في حادث على الطريق بين المدينتين.")


def test_an_incident_told_before_the_toll_of_its_conflict_stays_an_incident():
    recs = records("قتل جنديان ومسلح، الثلاثاء، خلال تبادل إطلاق النار في إقليم كشمير، في أحدث فصول الصراع الذي خلف "
                   "70 ألف قتيل خلال ثلاثة عقود.")
    (ev,) = kinds(recs, "event")
    assert ev["event_type"] == "Battles" and ev["fatalities"]["best"] != 70000
    assert kinds(recs, "tally")
    # a disputed region names no country for the generic actors
    assert "(-1)" not in str(ev)


def test_an_exchange_of_fire_is_a_clash_but_exchanged_accusations_are_not():
    (ev,) = events_of("قتل ثلاثة من رجال الشرطة المصرية في تبادل لإطلاق النار مع مسلحين في مدينة العريش.")
    assert ev["event_type"] == "Battles"
    assert not [ev for ev in events_of("وتبادل الطرفان الاتهامات بخرق الهدنة في مدينة الحديدة.")
                if ev["event_type"] == "Battles"]


def test_what_followed_an_incident_is_that_incident():
    evs = events_of("فجر انتحاري سيارة مفخخة أمام فندق في مقديشو. وأعقب ذلك تبادل لإطلاق النار بين المسلحين وقوات الأمن.")
    assert len(evs) == 1


def test_doing_away_with_a_count_is_a_killing_but_with_terrorism_it_is_a_goal():
    (ev,) = events_of("وأعلن الجيش القضاء على 4 عناصر تكفيرية خلال مداهمة في مدينة العريش بشمال سيناء.")
    assert ev["fatalities"]["best"] == 4
    assert not events_of("وتعهد الرئيس بمواصلة العمل حتى القضاء على الإرهاب في سيناء.")


def test_a_headline_killing_is_the_body_incident_with_the_same_dead():
    text = ("القضاء على 7 من قادة التنظيم في الموصل\n"
            "أكد مصدر عسكري عراقي، الأحد، مقتل 7 قياديين من تنظيم داعش في غارة جوية على الجانب الأيمن من الموصل.")
    (ev,) = events_of(text)
    assert ev["sub_event_type"] == "Air/drone strike" and ev["fatalities"]["best"] == 7


def test_a_narrator_opener_or_a_relative_clause_before_the_verb_keeps_the_speaker():
    (st,) = statements_of("يذكر أن وزير الدفاع النيجيري قال، الشهر الماضي، إن الجيش سيتخذ كل الإجراءات اللازمة.")
    assert "وزير الدفاع" in str(st["speaker"])
    (st,) = statements_of("وكان الجيش الأميركي، الذي وسع عملياته في الصومال خلال العام الماضي، قد قال إن القوات "
                          "الصومالية ليست مستعدة بعد.")
    assert "Military Forces of the United States" in str(st["speaker"])
    # a relative clause with no «قد» before the verb leaves the sentence to what it reports
    assert not statements_of("وكان الجيش الأميركي، الذي وسع عملياته في الصومال خلال العام الماضي والعام الذي "
                             "قبله وفي أنحاء أخرى من القرن الأفريقي، قال إن القوات الصومالية ليست مستعدة بعد.")


def test_a_country_acting_is_its_armed_forces():
    (ev,) = events_of("أطلقت إيران، فجر الخميس، 20 صاروخا على مواقع للجيش الإسرائيلي في الجولان.")
    assert ev["actor1"]["name"] == "Military Forces of Iran"
    assert ev["actor2"]["name"] == "Military Forces of Israel"
    (ev,) = events_of("وشنت تركيا غارات جوية على مواقع لحزب العمال الكردستاني في شمال العراق.")
    assert ev["actor1"]["name"] == "Military Forces of Turkey"
    # a country that saw or suffered the strikes did not make them
    (ev,) = events_of("وشهدت سوريا غارات جوية عنيفة على ريف إدلب.")
    assert not ev["actor1"] or "Syria" not in ev["actor1"]["name"]


def test_an_aircraft_of_a_force_dropping_a_bomb_is_that_force_striking():
    (ev,) = events_of("قتل 90 شخصا عندما ألقت طائرة تابعة للجيش النيجيري قنبلة على مخيم للنازحين في بلدة ران.")
    assert ev["sub_event_type"] == "Air/drone strike" and ev["actor1"]["name"] == "Military Forces of Nigeria"
    # units belonging to a government that hold a place are not striking
    (ev,) = events_of("هاجمت مجموعة مسلحة مقرا تسيطر عليه وحدات تابعة لحكومة الوفاق في طرابلس.")
    assert "Accord" not in str(ev["actor1"])
    # tear gas thrown by the police is no air strike
    assert "Air/drone strike" not in [ev["sub_event_type"] for ev in events_of(
        "ألقت الشرطة القنابل المسيلة للدموع على المتظاهرين في الخرطوم.")]


def test_a_capital_or_country_that_acts_is_the_actor_not_the_place():
    (ev,) = events_of("وبدأت أنقرة عملية عسكرية ضد وحدات حماية الشعب الكردية في منطقة عفرين.")
    assert ev["actor1"]["name"] == "Military Forces of Turkey"
    assert ev["location"]["country"] == "SY"
    # a country that tells of the strike is its speaker, not the striker
    (ev,) = events_of("وكشفت إسرائيل، في وقت سابق، أن إيران أطلقت 20 صاروخا على قواعد عسكرية إسرائيلية في "
                      "مرتفعات الجولان.")
    assert ev["actor1"]["name"] == "Military Forces of Iran"


def test_a_source_that_goes_on_in_the_next_sentence_reported_the_incident():
    (ev,) = events_of("قتل 11 مسلحا، مساء الثلاثاء، في تبادل لإطلاق النار مع الشرطة المصرية في العريش.\n"
                      "وقالت مصادر أمنية إن المسلحين كانوا يختبئون داخل منزل مهجور في العريش.")
    assert "مصادر أمنية" in str(ev["reported_by"])
    # a next sentence about something else is no source of the incident
    (ev,) = events_of("قتل خمسة مدنيين في غارة جوية على بلدة سراقب في ريف إدلب.\nوقال وزير الخارجية التركي إن بلاده "
                      "ستواصل دعم الحل السياسي في سوريا.")
    assert ev["reported_by"] is None
    # a source of its own in the sentence stays the source
    (ev,) = events_of("قتل 11 مسلحا في العريش، بحسب المرصد المصري.\nوقالت مصادر أمنية إن المسلحين كانوا يختبئون.")
    assert "مصادر أمنية" not in str(ev["reported_by"])


def test_with_no_place_near_an_incident_the_part_of_the_country_the_article_is_about():
    text = ("أعلن الجيش المصري مقتل مسلحين في شمال سيناء.\nوأضاف البيان أن القوات تواصل عملياتها في شمال سيناء.\n"
            "وقال المتحدث العسكري في بيان آخر إن عناصر المهندسين فككت 30 عبوة ناسفة.")
    (ev,) = [ev for ev in events_of(text) if "عبوة" in ev["evidence"]["text"]]
    assert ev["location"]["name"] == "North Sinai"


def test_a_country_named_as_whom_a_side_is_loyal_to_is_not_where_the_article_is():
    text = ("قتل 16 عنصرا من ميليشيات الحوثي الموالية لإيران.\n"
            "وقصفت مقاتلات التحالف العربي تعزيزات للميليشيات.")
    assert all(ev["location"] is None or ev["location"]["country"] != "IR" for ev in events_of(text))


def test_bombs_defused_are_disrupted_weapons_use_not_explosions():
    (ev,) = events_of("وقال المتحدث العسكري إن عناصر المهندسين فككت 30 عبوة ناسفة في شمال سيناء.")
    assert ev["sub_event_type"] == "Disrupted weapons use"
    (ev,) = events_of("وأبطلت الفرق الهندسية مفعول عبوة ناسفة زرعت على طريق في بنغازي.")
    assert ev["sub_event_type"] == "Disrupted weapons use"
    # a bomb that went off is an explosion
    (ev,) = events_of("انفجرت عبوة ناسفة زرعت على طريق في بنغازي فقتلت جنديين.")
    assert ev["event_type"] == "Explosions/Remote violence"


def test_an_adjective_a_date_or_an_instrument_is_no_target():
    (ev,) = events_of("وبدأت العملية العسكرية، الخميس، بقصف مدفعي مبكر على مديرية التحيتا.")
    assert (ev["target"] or {}).get("text") != "مبكر"
    (ev,) = events_of("هاجمت حركة الشباب بسيارة ملغومة موكبا عسكريا قرب مقديشو.")
    assert not (ev["target"] or {}).get("text", "").startswith("بسيارة")
    (ev,) = events_of("استهدف هجوم انتحاري يوم 7 جوان الجاري مبنى البرلمان في طهران.")
    assert "جوان" not in (ev["target"] or {}).get("text", "")


def test_a_date_in_a_relative_clause_does_not_set_an_incident_told_again_apart():
    text = ("خطف مسلحو بوكو حرام 110 تلميذات من مدرسة في بلدة دابشي بشمال شرق نيجيريا. وتستخدم الجماعة الخطف "
            "سلاحا في التمرد الذي تخوضه منذ تسع سنوات والذي أدى إلى مقتل 20 ألف شخص.")
    assert len(events_of(text)) == 1


def test_incidents_an_earlier_announcement_told_are_context_not_news():
    assert not events_of("وجاء هذا بعد يوم من إعلان الجيش مقتل 71 شخصا من التكفيريين وإلقاء القبض على خمسة آخرين "
                         "في شمال سيناء.")
    # an incident after the announcement of something else is news
    evs = events_of("وبعد ساعات من إعلان الهدنة، قتل خمسة مدنيين في قصف على بلدة دوما.")
    assert "Shelling/artillery/missile attack" in [ev["sub_event_type"] for ev in evs]


def test_a_suicide_belt_at_the_end_of_a_list_of_things_seized_is_no_bombing():
    assert not events_of("كما ضبطت الأجهزة الأمنية 3 أجهزة محمولة، و6 شرائح هاتفية، وملابس عسكرية، وحزام ناسف.")
    # a blast told after a seizure is a blast
    (ev,) = events_of("ضبطت الشرطة مشتبها به في العريش، وفجر انتحاري حزاما ناسفا في سوق المدينة.")
    assert ev["sub_event_type"] == "Suicide bomb"


def test_a_death_sentence_passed_with_a_count_is_no_execution():
    assert not [ev for ev in events_of("حكم بإعدام 45 شخصا في ليبيا بتهمة قتل متظاهرين عام 2011.")
                if (ev.get("fatalities") or {}).get("best") == 45 and not ev.get("background")]


def test_a_threat_in_the_present_tense_is_a_threat_and_the_act_threatened():
    recs = records("ونشرت وكالة أعماق التابعة لداعش فيديو يهدد فيه عناصر من التنظيم بإعدام ستة أشخاص ما لم يتم إطلاق "
                   "سراح معتقلات.")
    assert [st["statement_type"] for st in kinds(recs, "statement")] == ["threat"]
    assert all(ev["status"] == "threatened" for ev in kinds(recs, "event"))


def test_a_practice_is_no_incident():
    assert not events_of("وقالت المنظمة إن القوات الموالية للحكومة تمارس الاعتقال العشوائي والتعذيب بحق المعارضين.")
    (ev,) = events_of("اعتقلت القوات الموالية للحكومة عشرين معارضا في مدينة عدن.")
    assert ev["sub_event_type"] == "Arrests"


def test_a_communique_count_in_brackets_after_the_word_number():
    (ev,) = events_of("وأعلن الجيش المصري القضاء على عدد (4) عنصر تكفيري مسلح خلال مداهمة في شمال سيناء.")
    assert ev["fatalities"]["best"] == 4
    # vehicles seized are counted as no one arrested
    assert not [ev for ev in events_of("وأضاف أنه تم ضبط عدد 14 عربة دفع رباعي محملة بالأسلحة على الحدود الغربية.")
                if ev.get("arrested")]


def test_an_attack_word_leads_over_a_killing_word():
    (ev,) = events_of("وكان الضابط قد لقي مصرعه خلال التصدي لهجوم إرهابي على كمين للجيش في شمال سيناء.")
    assert ev["event_type"] == "Battles"


def test_an_incident_recalled_in_the_pluperfect_is_background():
    evs = events_of("قتل ثلاثة جنود في هجوم على حاجز في مدينة العريش أمس.\n"
                    "وكانت غارة جوية مماثلة استهدفت قرية قريبة من المدينة.")
    assert [ev["background"] for ev in evs] == [False, True]
    (ev,) = events_of("وكان التنظيم قد شن هجوما على بلدة الشيخ زويد في مارس الماضي.")
    assert ev["background"] is True
    # the same tense with today's or yesterday's day is news
    (ev,) = events_of("وكانت قوات الأمن قد اعتقلت أمس خمسة مشتبه بهم في مدينة العريش.")
    assert ev["background"] is False


def test_review_must_nots():
    # an arrest of a man carrying a bomb is no air strike
    assert "Air/drone strike" not in [ev["sub_event_type"] for ev in events_of(
        "ألقت قوات الأمن القبض على شاب كان يحمل قنبلة يدوية قرب مسجد في مدينة الموصل.")]
    # a capital shaken or shelled is the place, not the actor
    (ev,) = events_of("هزت كابول صباح اليوم ثلاثة انفجارات متتالية أسفرت عن مقتل عشرة أشخاص.")
    assert ev["location"]["name"] == "Kabul"
    assert "Syria" not in str(events_of("وقصفت دمشق بعشرات القذائف التي أطلقتها فصائل المعارضة من الغوطة.")[0]["actor1"])
    # deaths in a fire or a fall are no violence
    assert not events_of("لقي 12 شخصا حتفهم في حريق اندلع داخل مستشفى ببغداد.")
    assert not events_of("لقي ثلاثة عمال مصرعهم إثر سقوطهم من سقالة في موقع بناء.")
    # an execution carried out with «بتنفيذ» is one; «نظام الحكم» passes no sentence
    (ev,) = events_of("قامت السلطات الإيرانية بتنفيذ حكم الإعدام شنقا بحق 3 مدانين في سجن بطهران.")
    assert ev["event_type"] == "Violence against civilians"
    # another policeman killed in the same attack is that attack
    assert len(events_of("قتل ثلاثة جنود في هجوم على حاجز بالعريش. وأسفر الهجوم أيضا عن مقتل شرطي آخر كان في المكان.")) == 1
    # the other side's answer is another incident
    assert len(events_of("أطلق مسلحون صواريخ من قطاع غزة على بلدة سديروت. وتلا ذلك غارات إسرائيلية على مواقع لحركة "
                         "حماس في خان يونس.")) == 2
    # companies wound up, accounts settled: no killing
    assert not events_of("قررت الحكومة تصفية 3 شركات حكومية خاسرة في القاهرة.")
    assert not events_of("دعا الرئيس إلى تصفية الحسابات السياسية مع محمد مرسي.")
    # a bombing on the eve of announced results is a bombing
    (ev,) = events_of("قبل يوم من إعلان نتائج الانتخابات انفجرت سيارة مفخخة في سوق شعبي بمدينة كركوك.")
    assert ev["event_type"] == "Explosions/Remote violence"
    # an aircraft shot down is not the striker
    (ev,) = events_of("أسقطت الدفاعات الجوية السورية طائرة تابعة للتحالف الدولي فوق مدينة دير الزور.")
    assert "Coalition" not in str(ev["actor1"])
    # an incident inside the relative clause keeps its own date
    assert len(events_of("قتل جندي في هجوم يوم الأحد. وكان الجيش الذي شن يوم 3 مارس هجوما على مواقع المسلحين قد "
                         "قتل 12 منهم.")) == 2
    # a court annulling a decree disrupts no weapon
    assert not events_of("أبطلت المحكمة الدستورية مفعول المرسوم الرئاسي.")


def test_more_speech_acts():
    # rejecting accusations is a denial; a contrast before the subject hides no speaker
    (st,) = statements_of("ورفض الجيش المالي المزاعم التي أوردتها منظمات حقوقية.")
    assert st["statement_type"] == "denial"
    (st,) = statements_of("بيد أن الحكومة الأردنية أكدت أنها لن تفتح حدودها أمام النازحين.")
    assert "الأردنية" in str(st["speaker"])
    # two who condemned together; an admission that fighters died
    assert [st["statement_type"] for st in statements_of("ودانا بشدة الهجمات بالأسلحة الكيماوية في سوريا.")] == [
        "condemnation"]
    assert statements_of("وأقرت الحركة بأن خمسة من مقاتليها لقوا مصرعهم في الهجوم.")
    # «بدأنا» hides no «دانا»
    assert not statements_of("وتابع: بدأنا نفكر بالأسوأ.")


def test_second_review_must_nots():
    # a famine threatening millions is no threat, and the attack beside it happened
    recs = records("ووسط مجاعة تهدد الملايين هاجم مسلحون قرية في ولاية جونقلي وقتلوا 12 شخصا.")
    assert not kinds(recs, "statement") and kinds(recs, "event")[0]["status"] == "occurred"
    assert not statements_of("وفي حين تهدد الألغام حياة آلاف المدنيين في اليمن، واصلت الفرق الهندسية عملها.")
    # a negated result or claim says nothing of whether the attack happened
    (ev,) = events_of("ولم يسفر الهجوم الذي استهدف حاجزا للجيش في العريش عن سقوط قتلى.")
    assert ev["status"] == "occurred"
    # an announcement that an incident did not happen is a denial
    (st,) = statements_of("وكانت وزارة الدفاع الأميركية أعلنت أن قواتها لم تشن ضربات في سوريا.")
    assert st["statement_type"] == "denial"
    # floods beside a shelling do not make it an accident
    (ev,) = events_of("وقتل ثلاثة أشخاص في قصف على بلدة في ريف إدلب ضربتها الفيضانات الشهر الماضي.")
    assert ev["fatalities"]["best"] == 3
    # «وردت» (appeared) is no reply; a practice does not hide an arrest told after it
    assert "denial" not in [st["statement_type"] for st in statements_of(
        "وردت هذه الاتهامات في تقرير أصدرته منظمة العفو الدولية.")]
    (ev,) = events_of("وكان الصحفي يمارس عمله حين اعتقلته قوات الأمن في بغداد.")
    assert ev["sub_event_type"] == "Arrests"
    # «أقرب» is no admission; a road named after the story's only town keeps it
    assert not statements_of("وهذا أقرب بأن يكون إعلانا للحرب.")
    # another incident after an earlier announcement, joined by «ووقع», is news with its own dead
    evs = events_of("قبل ساعات من إعلان الجيش مقتل 5 مسلحين في رفح ووقع انفجار ضخم في مدينة العريش أسفر عن مقتل 3 جنود.")
    assert [ev["fatalities"]["best"] for ev in evs if ev.get("fatalities")] == [3]


def test_a_part_of_the_country_holds_its_towns_for_merging():
    # «شمال شرق نيجيريا» and a town there are one incident's places (the part's centre lies in another province)
    (ev,) = events_of("قتل 24 شخصا في تفجير انتحاري استهدف مسجدا في شمال شرق نيجيريا يوم الثلاثاء. وفي بلدة موبي "
                      "بولاية أداماوا، فجر انتحاريان نفسيهما داخل مسجد خلال صلاة الفجر.")
    assert ev["location"]["name"] == "Mubi"
    # a town far from that part is another incident
    assert len(events_of("قتل 24 شخصا في تفجير انتحاري استهدف مسجدا في شمال شرق نيجيريا يوم الثلاثاء. وفي مدينة "
                         "لاغوس، فجر انتحاريان نفسيهما داخل مسجد خلال صلاة الفجر.")) == 2


def test_taking_ground_named_after_a_long_lead():
    (ev,) = events_of("وتمكنت قوات المقاومة، بإسناد من القوات الإماراتية ضمن التحالف العربي، السبت، من تحرير مديرية "
                      "الوازعية غربي تعز بالكامل.")
    assert "territory" in ev["sub_event_type"]
    # a goal to free a city takes nothing
    assert not events_of("وتهدف العملية إلى تحرير مدينة الموصل من التنظيم.")


def test_leaders_speak_for_themselves():
    (st,) = statements_of("وقال قادة بقبائل الفولاني الأسبوع الماضي إن الحكومة تخلت عن حماية الرعاة.")
    assert "قادة" in str(st["speaker"])


def test_two_readings_of_one_direction_from_one_town_are_one_place():
    (ev,) = events_of("قتل عشرة أشخاص في انفجار سيارة مفخخة في سوق ببلدة شمال مقديشو. وقالت الشرطة إن انفجار السيارة "
                      "المفخخة وقع في سوق على بعد 70 كيلومترا شمال مقديشو.")
    assert ev["fatalities"]["best"] == 10
    # two towns far apart stay two incidents
    assert len(events_of("انفجرت سيارة مفخخة في سوق بمدينة بيدوة. وانفجرت سيارة مفخخة أخرى في سوق بمدينة كيسمايو.")) == 2


def test_protests_in_towns_of_one_part_of_a_country_stay_apart():
    evs = events_of("تظاهر آلاف العراقيين في جنوب العراق احتجاجا على نقص الخدمات. وفي مدينة البصرة، نظم محتجون وقفة "
                    "احتجاجية أمام مبنى المحافظة.")
    assert len(evs) == 2


def test_an_air_strike_after_a_ground_battle_is_its_own_incident():
    evs = events_of("اندلعت اشتباكات عنيفة بين القوات المشتركة والحوثيين في محيط مطار الحديدة. ودكت مقاتلات التحالف "
                    "العربي تحصينات المتمردين في حرم المطار.")
    assert sorted(ev["event_type"] for ev in evs) == ["Battles", "Explosions/Remote violence"]


def test_who_is_named_after_a_colon_is_what_was_said_not_the_speaker():
    assert all("المحافظ" not in str(st.get("speaker")) for st in statements_of(
        "وقال الرئيس: لن يمر اغتيال المحافظ في مدينة عدن دون عقاب."))
