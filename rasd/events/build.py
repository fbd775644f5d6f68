"""From the annotations of earlier stages to records: events, statements, relations and tallies.

Provisional rules (issue 7 makes them good). For each sentence: triggers (rasd/data/triggers.tsv)
say which records it may hold; arguments come from the mentions the earlier stages found in the
same sentence, and when the sentence leaves them implicit, from the sentences just before it.
Every filled field records the rule that filled it under `provenance`, for `rasd explain`.

Pure: `build_records(view)` reads a `DocView` and returns plain dicts; nothing is kept between calls.
"""
from __future__ import annotations

import copy
import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from functools import cache

from ..lexicon import WORD_RE, load_tsv, word_list
from ..actors import state_force
from ..dates import other_day
from ..normalize import NormText, normalize_text
from ..segment import CLAUSE_BREAK, clause_spans
from .cues import TriggerEntry, record_matcher
from .retell import Decide, shipped_model

__all__ = ["DocView", "build_records"]


def _word_list(name: str) -> frozenset[str]:
    """One of the word lists of rasd/data/builder_words.tsv, each word as written and as normalised (so that
    «رابطه» and «رابطة» both count)."""
    words = word_list("builder_words.tsv", name)
    return frozenset(words) | frozenset(normalize_text(w) for w in words)


CONTEXT_SENTENCES = 3  # how far back implicit places, actors and speakers are looked for
DATE_REACH = 90  # characters: a date further than this from the trigger belongs to another clause
_OBJECT_PREFIXES = ("ل", "لل", "ول", "ولل", "فل", "ضد")
_STATE_TYPES = {1}
_DISTINCT = "another incident of the same kind («هجوم مماثل»): never merged"
_ATTRIBUTION = re.compile(r"(?:بحسب|حسب|وفق|وفقا ل)\s*ما\s*$|حسبما\s*$")
_RELATIVE_BEFORE = re.compile(r"(?<!\w)و?(?:التي|الذي|الذين|اللذين|اللتين)\s+(?:\w+\s+)?$")
_MASDAR_HEADS = {"بشأن", "حول", "عن", "بعد", "قبل", "إلى", "الى", "على", "من", "في", "ب", "ل", "لل"}
# «هجوم مماثل», «عملية أخرى»: another incident of the same kind; «في هجوم متزامن», «غارات جديدة»: an indefinite
# incident word told as new or simultaneous is another incident. After a word for an attack one adjective may stand
# between («عملية نوعية أخرى»; not a preposition, nor a word joined by و: «عمليتا الخطف وهجمات أخرى»).
_OTHER_WORDS = r"(?:مماثل[ةه]?|آخر|اخر|أخرى|اخرى|سابق[ةه]?|منفصل[ةه]?)(?!\w)"
_NEW_WORDS = r"(?:جديد[ةه]?|جديدا|متزامن[ةه]?|متزامنا)(?!\w)"
_ADJECTIVE_BETWEEN = r"(?:\s+(?!(?:في|على|من|إلى|الى|عن|ضد)(?!\w)|و)\w+)?"
_OTHER_INCIDENT = re.compile(_ADJECTIVE_BETWEEN + r"\s+" + _OTHER_WORDS)
_OTHER_INCIDENT_NEXT = re.compile(r"\s+" + _OTHER_WORDS)
_NEW_INCIDENT = re.compile(_ADJECTIVE_BETWEEN + r"\s+" + _NEW_WORDS)
_NEW_INCIDENT_NEXT = re.compile(r"\s+" + _NEW_WORDS)
# «أسقطت الدفاعات طائرة تابعة للتحالف»: an aircraft shot down, not the one that struck
_DOWNED = re.compile(r"(?<!\w)[وف]?(?:أسقط|اسقط|أسقطت|اسقطت|أسقطوا|إسقاط|اسقاط|استهدف|استهدفت|دمر|دمرت|تدمير)")
# «بعد يومين من مقتل 14 مسلحا», «غداة مقتل ستة جنود»: an incident dated from another one is not that one
_EARLIER_TIME = re.compile(r"(?:(?<!\w)(?:بعد|قبل)\s+(?:\w+\s+){0,2}?\w*(?:ساع|يوم|ايام|أيام|اسبوع|أسبوع|أسابيع|"
                           r"اسابيع|شهر|أشهر|اشهر)\w*\s+(?:على|من)|(?<!\w)(?:غداة|عشية))\s+$")
_SEPARATE_CONTEXT = re.compile(r"(?:في|وفي)\s+(?:سياق|تطور)\s+(?:منفصل|آخر|اخر)|(?<!\w)منفصل[ةه]?(?!\w)")
# «وفي سياق متصل»: a related story, another one unless a word points back to one told (the country stays)
_RELATED_CONTEXT = re.compile(r"(?:في|وفي)\s+(?:سياق|إطار|اطار)\s+(?:متصل|ذي\s+صلة)")
_AGENT_AFTER = re.compile(r"\s+(?:\d|[٠-٩]|ل(?!\w*(?:ه|ها|هم)\b)\w|(?:ثلاث|أربع|اربع|خمس|ست|سبع|ثماني|تسع|عشر|"
                          r"اثن|عشرات|مئات|عدد|عددا))")
_SET_PHRASE = re.compile(r"(?:[يت]دين\s+ب(?!شد)|(?<!\w)ما\s+[يت]دعو)")  # «تدين بالولاء», «ما يدعو إلى»
# how speaker_for found a speaker close enough for a present-tense verb
_CLOSE_SPEAKER = ("subject right before", "country right before", "person right after", "actor right after",
                  "country right after", "the outlet or officials named right after")
_AFFILIATED = re.compile(r"(?<!\w)(?:ال)?(?:تابع|موال|مرتبط|مقرب|منتمي)\w{0,2}\s+(?:ل|ب|من|إلى|الى)?\s*$")
_OPENING_DATE = re.compile(r"\s*(?:و|ف)?(?:في|منذ|خلال)?\s*")  # what may stand before a date opening a sentence
_NARRATOR_OPENER = re.compile(r"\s*[وف]?(?:يذكر|يشار\s+[إا]ل[ىي]|تجدر\s+ال[إا]شار[ةه]\s+[إا]ل[ىي]|ومن\s+المعروف|من\s+المعروف|"
                              r"بيد|غير|[إا]لا)\s+[أا]ن\s+")  # (and a contrast: «بيد أن», «غير أن», «إلا أن»)
_PLUPERFECT_LEAD = re.compile(r"\s*[وف]?كان(?:ت|وا)?\s")
_RELATIVE_THEN_QAD = re.compile(r"\s*،\s*(?:الذي|التي|الذين)\s[^.؟!\n]*،\s*قد\s*")
# a country acting in these (its armed forces); the prepositions that make a country a place instead
_OPENING_VERB = re.compile(r"\s*([وف]?[^\W\d_]{3,})\s+")  # one word, then the subject
_ACTING_VERBS = _word_list("acting_verbs")
_SHELLING_VERBS = _word_list("shelling_verbs")
_STRIKING_MEANS = _word_list("striking_means")
_INSTRUMENT_NOUNS = _word_list("instrument_nouns")
_SUBJECT_SLOT = re.compile(r"\s*[وف]?")  # a subject opening the sentence
_STATE_ACTS = frozenset({"Explosions/Remote violence", "Battles"})
_PLACE_PREPS = frozenset({"في", "ب", "على", "من", "إلى", "الى", "ل", "عن", "داخل", "ضد", "مع"})
_DATE_IN_RELATIVE = re.compile(r"(?<!\w)(?:الذي|التي|اللذين|اللتين|الذين|اللذان|اللتان)\s+(?:\S+\s+){0,3}$")
_DEMONSTRATIVE = re.compile(r"(?<!\w)(?:هذا|هذه|ذلك|تلك|هذين|هاتين)\s*[\"«“]?\s*$")
_EARLIER_ANNOUNCEMENT = re.compile(r"(?<!\w)(?:بعد|قبل)\s+(?:\S+\s+){0,2}?(?:من|على)\s+(?:إعلان|اعلان)\w{0,2}\s+"
                                   r"(?:[^\s،,.]+\s+){0,2}$")
_JOINED_ON = re.compile(r"[^،,.؛]{0,60}?\s+و(?:[إا]لقاء\s+)?")  # the incident word's own و («وإلقاء القبض»)
_QAD = re.compile(r"(?<!\w)قد(?!\w)")
_SIMILAR = re.compile(r"(?<!\w)(?:مماثل[ةه]?|مشابه[ةه]?)(?!\w)")
_RECENT_DAY = re.compile(r"(?:أمس|امس|اليوم|الليلة|البارحة|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|"
                         r"الجمعة|السبت)")
_NEGATED = re.compile(r"(?<!\w)[وف]?(?:لم|لن|لا|ليس|ليست)\s+(?:[^\s،,.]+\s+)?$")
_NOT_NEGATING = _word_list("not_negating")
# «لم تشن ضربات», «لم يختطفهن أحد»: a verb of attack, negated
_DID_NOT = re.compile(r"(?<!\w)(?:لم|لن)\s+[يتن](?:شن|نفذ|قصف|ستهدف|هاجم|قتل|عتقل|ختطف|خطف)\w*")
_THREAT_OBJECT = re.compile(r"(?<!\w)ب(?:إعدام|اعدام|قتل|شن|اقتحام|تصفية|استهداف|تنفيذ|مهاجمة|ضرب|تفجير)")
_THREATENING = re.compile(r"(?<!\w)[وف]?(?:يهدد|تهدد|يهددون|نهدد)(?!\w)[^،.]*$")
# «تمارس الاعتقال»: the word right after the practice, or one joined to it («تمارس التعذيب والاعتقال»)
_PRACTISED = re.compile(r"\s*(?:\S+\s+(?:\S+\s+)?و\s*)?(?:ال|لل|بال|وال)?")
_NOT_A_NEGATION = re.compile(r"[وف]?(?:لا\s*(?:سيما|زال|تزال|يزال|يزالون|تزالان)|لم\s+(?:يزل|تزل|يعد|تعد))")
_LAST_LIST_ITEM = re.compile(r"[،,]\s*و\s*$")
_WHAT_FOLLOWED = re.compile(r"(?<!\w)[وف]?(?:أعقب|اعقب|تلا|أعقبه|اعقبه|تلاه|أعقبته|اعقبته|تلته)\s+(?:ذلك\s+)?$")
_TOLD_AGAIN = re.compile(r"(?<!\w)[وفب]?ال(?:عملي[ةه]|هجوم|حمل[ةه]|معرك[ةه]|اعتداء)(?!\w)")
_SAID_NEXT = re.compile(r"[\s،,]*(?:أن|إن|ان|:)")  # «واعتبرت إيران أن …», not «تعتبر سوريا من أكثر …»
_CURFEW_LIFTED = re.compile(r"(?:رفع|تخفيف|إلغاء|الغاء|انتهاء|إنهاء)\s+$")  # «رفع حظر التجول»: no curfew imposed
_ANY = re.compile(r"(?<!\w)[وفبل]?(?:أي|اي|أى|اى|أية|اية)[\u064b-\u0652]*\s+$")
_WORN = re.compile(r"(?<!\w)(?:[يت]رتد(?:ي|ون|ين|يان)|ارتد(?:ى|وا)|مرتد(?:يا|ين|ون|ية)|يلبس(?:ون)?)\s+(?:\w+\s+)?$")
# (verbal nouns only: in «قتل انتحاري عشرين شخصا» the bomber is the one who killed)
_BOMBER_STOPPED = re.compile(r"(?<!\w)و?(?:مقتل|مصرع|اعتقال|القبض\s+على|ضبط|توقيف)\s+(?:\d+\s+)?[\"«]?$")
_HIMSELF = re.compile(r"\s+(?:نفسه|نفسها|أنفسهم|انفسهم)(?!\w)")
_CARRIED_OUT = re.compile(r"(?<!\w)[وفبل]?(?:نفذ|نفذت|نفذوا|تنفيذ|ينفذ|تنفذ|تطبيق|طبقت|طبق)")
_MEANWHILE = re.compile(r"(?<!\w)(?:فيما|بينما|في حين|كما|وفي)(?!\w)")  # «…، فيما سيطرت القوات على …»: another incident
_HELD_NOT_ARRESTED = re.compile(r"(?<!\w)(?:رهائن|رهينة|رهينتين|ناقلة|سفينة|سفن|شحنة|أموال|اموال|جثث|جثة)")
_EXILED_TO = re.compile(r"(?:\s+\S+){0,3}?\s+(?:إلى|الى)\s")
# «الذكرى الخامسة لاغتيال …», «ذكرى تفجير …»: the incident is what the anniversary is of (not «وفي الذكرى الثالثة للثورة،
# قتل خمسة متظاهرين», an incident on an anniversary)
_OF_THE_ANNIVERSARY = re.compile(r"\s+(?:\S+\s+)?ل?")
_ATTACK_BEFORE = re.compile(r"(?<!\w)[وب]?(?:ال)?(?:هجوم|هجوما|هجمات|تفجير|تفجيرين|تفجيرات|اعتداء|اعتداءات|عملية|"
                            r"انفجار|مجزرة|اغتيال)(?!\w)")
_RELATIVE_RIGHT_BEFORE = re.compile(r"(?<!\w)و?(?:التي|الذي|الذين|اللذين|اللتين)\s+$")
_BY_THEN = re.compile(r"(?<!\w)(?:بحلول|حتى)\s+(?:عام\s+)?$")  # «بحلول عام 2030»: a target, not the article's time
_QAD_PRESENT = re.compile(r"(?<!\w)قد\s+[يت]\w{2,}")  # «قد يشن»: what may come (not «قد سيطرت», done)
_JOINED = re.compile(r"[\s،,]*و?")  # what may stand between two items of one list («…، واختطاف»)
_AMONG_THEM = re.compile(r"(?<!\w)(?:بينهم|بينهن|منهم|منهن)\s*$")
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_CATEGORY_FIELD = {"killed": "fatalities", "injured": "injuries", "abducted": "abducted", "arrested": "arrested"}
_SPEECH = "verb of saying at the head of the sentence"
_OWN_ACT = "own act"  # marks a claim made by announcing an attack, known only from the claimant's word
_NOT_AIR = re.compile(r"(?:مضاد[ةه]?\s+لل?|حظر\s+|منع\s+)$")  # «مضاد للطيران», «حظر الطيران»
_ARMED_GROUP_TYPES = {2, 3}  # ACLED rebel groups and political militias: their announced attacks are claims
# who reports without making a statement of their own: media, and anonymous sources and witnesses
_MEDIA_NOUNS = _word_list("media_nouns")
_ANONYMOUS_NOUNS = _word_list("anonymous_nouns")
_OUTLET_NOUNS = _MEDIA_NOUNS | _ANONYMOUS_NOUNS
# unnamed but not anonymous: officials and experts speak for themselves («رأى مسؤولون أمريكيون أن …»), and so
# does a body no dictionary knows, named by what it is («نددت رابطة أمهات المختطفين …»)
_UNNAMED_BY_CHOICE = re.compile(r"(?:طلب|رفض|فضل)\s+(?:عدم\s+)?(?:ذكر|الكشف عن|كشف)\s+(?:اسمه|هويته)")
_OFFICIAL_NOUNS = _word_list("official_nouns")
_INSTITUTION_WORDS = _word_list("institution_words")
_GROUND_NOUNS = _word_list("ground_nouns")
_CLAUSE_OPENERS = frozenset({"و", "ف", "كما", "ثم", "ولكن", "لكن", "بينما", "فيما", "كذلك", "وقد", "قد", "فقد", "بدورها",
                             "بدوره", "من جهتها", "من جهته"})
_QUANTITY_WORDS = frozenset(normalize_text(w) for w in ("عدد", "من", "كامل", "معظم", "جميع", "كل", "بعض", "أغلب",
                                                          "مزيد", "المزيد", "عشرات", "العديد"))
_ANONYMOUS_SOURCE = frozenset({"مصدر", "مصادر"})
_BODY_NOUNS = _word_list("body_nouns")
_EXPERT_NOUNS = _word_list("expert_nouns")
_NOUN_LIKE_SPEECH = _word_list("noun_like_speech")
_STUDENT_NEXT = _word_list("student_next")
_QUOTES = "\"“”«»'"
_COMPLEMENTIZER = re.compile(r"(?<!\w)(?:[بل]?[أإا]ن(?:ه|ها|هم|هما|هن|نا|ني)?|من [أا]ن)(?!\w)")
_SAME_DAY = re.compile(r"منذ\s+(?:ساعات\s+)?(?:صباح|فجر|مساء|ليل|ظهر|ظهيرة|الصباح|الفجر)")  # «منذ صباح اليوم»
_SUPERLATIVES = "أعنف|اعنف|أول|اول|أولى|اولى|ثاني|ثالث|أكبر|اكبر|أسوأ|اسوأ|أخطر|اخطر|أكثر|اكثر|أشد|اشد"
_COMPARED = re.compile(r"(?<!\w)(?:ال)?(?:" + _SUPERLATIVES + r")"
                       r"(?:\s+\S+){0,3}\s+$")  # «أعنف هجوم منذ الأحد», «الهجوم الأول منذ»: a comparison
# «أول هجوم … منذ», «الثاني من نوعه منذ», «الأكثر دموية منذ» (not «أول أمس», «الأول من ديسمبر», «كانون الأول»)
_SUPERLATIVE = re.compile(r"(?<!كانون )(?<!تشرين )(?<!ربيع )(?<!جمادى )(?<!\w)(?:ال)?(?:" + _SUPERLATIVES
                          + r"|أدمى|ادمى)(?!\w)(?!\s+(?:أمس|امس|من\s+"
                          r"(?:يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|"
                          r"ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|جانفي|فيفري|أفريل|ماي|جوان|"
                          r"جويلية|أوت|الشهر)))")
_ONGOING = re.compile(r"(?<!\w)(?:الدائرة|المستمرة|المتواصلة|الجارية)\s+$")  # «الاشتباكات الدائرة منذ بدء الهجوم»
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# «الحرب المستمرة هناك منذ 17 عاما»: how long a state has lasted, not the date of an incident
_LASTING = re.compile(r"(?:المستمر|الدائر|المتواصل|القائم|الممتد)[ةه]?(?:\s+\S+)?\s+$")

_WORD_RE = re.compile(r"[^\W\d_]+")
_SOURCE_STOP = {"أن", "إن", "ان", "بأن", "في", "على", "إلى", "عن", "من", "اليوم", "أمس", "الثلاثاء", "الأربعاء",
                "الخميس", "الجمعة", "السبت", "الأحد", "الاثنين", "الإثنين", "مساء", "صباح", "فجر", "لوكالة",
                "لقناة", "لإذاعة", "لصحيفة", "لـ", "قوله", "قولها"}
_CROWD = {"Protests": ("Protesters", 6), "Riots": ("Rioters", 5)}
_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory",
              "Non-violent transfer of territory"}
_TARGET_NOUNS = {"مواقع", "موقع", "مقر", "مقرات", "معاقل", "معقل", "تجمعات", "مراكز", "ثكنات", "دوريات", "عناصر",
                 "مسلحي", "مقاتلي", "قوات", "صفوف"}
# a mention right after one of these words is who suffered the act (its genitive or the passive's subject)
_VICTIM_WORDS = {"مقتل", "قتل", "مصرع", "اصابة", "إصابة", "جرح", "استهداف", "اختطاف", "خطف", "اعتقال", "اسر",
                 "استشهاد", "قتلى", "جرحى", "ضحايا", "اغتيال", "إعدام", "اعدام", "تصفية"}
# words that may stand between a victim word and the name it governs («مقتل زعيم تنظيم …», «مقتل 8 من عناصر …»)
_BETWEEN_VICTIM_AND_NAME = _word_list("between_victim_and_name")
_KILL_OF_ONE = _word_list("kill_of_one")
_NOT_KILLED_YET = _word_list("not_killed_yet")
_RANKS = _word_list("officer_rank")
# an officer's own description that makes him police («ضابط الأمن الوطني», «مدير شرطة …»), not «مصادر أمنية»
_POLICE_WORDS = re.compile(r"(?<!\w)(?:ال)?(?:شرطة|شرطي|الداخلية|داخلية|الأمن\s+(?:الوطني|العام|المركزي)|أمن\s+الدولة)(?!\w)")
# «بحسب الشرطة», «وبحسب ما أفادت», «وفقا للجيش», «نقلا عن»
_ACCORDING_TO = re.compile(r"(?<!\w)[وف]?(?:ب?حسب|حسبما|وفقا?|طبقا|نقلا)(?!\w)")
# «موالين لدمشق», «المقربة من طهران»: whose side a force is on (not «قرية تابعة لمحافظة حماة»: where it lies)
_LOYAL_TO = re.compile(r"(?<!\w)(?:ال)?(?:موال|مقرب|منتم)\w{0,3}\s+(?:ل|من|إلى|الى)?\s*$")
_VICTIM_WORDS |= {"حيدت", "حيد", "تحييد", "حيدوا"}  # «حيدت القوات 15 مسلحا»; «حيد الجيش» acts (below)
# after «أعلن X …» these objects are X's losses or defence, not an attack X claims
_NOT_OWN_ACT = {"مقتل", "مصرع", "اصابة", "إصابة", "جرح", "قتلى", "جرحى", "ضحايا", "استشهاد", "صد", "تصدي", "تصدى",
                "إحباط", "احباط"}
_ATTACK_NOUNS = {"هجوم", "هجمات", "هجوما", "عملية", "عمليات", "تفجير", "تفجيرات", "قصف", "غارة", "غارات", "كمين",
                 "اعتداء", "اعتداءات"}
# … مع X: X the other side (whole words: «قتالية» is no fighting)
_CLASH_WITH = re.compile(r"(?:ال)?(?:اشتباك|اشتباكات|مواجهة|مواجهات|معارك|معركة|قتال|اشتبك|اشتبكت|اشتبكوا|تشتبك|"
                         r"يشتبك|يشتبكون|حرب|حربا)")
_SUBJECT_LEAD = re.compile(r"\s*(?:[وف]?(?:لكن|كما|كانوا|كانت|كان|قد)\s*)*")  # what may open a sentence before its subject
_ON_TARGET = re.compile(r"(?<!\w)على\s+([^\W\d_]+)")
_NOT_A_TARGET = _word_list("not_a_target")
_TARGET_STOP = _word_list("target_stop")
_WAR_TOLL = 1000  # killed or wounded: a figure this large with no tally word still counts a war, not an incident
_NAMED_AFTER = re.compile(r"\s*(?:من|ينتمون\s+(?:إلى|الى|ل)|ينتمي\s+(?:إلى|الى|ل)|(?:ال)?تابع(?:ين|ون|ة)?\s+ل|"
                          r"(?:ال)?موال(?:ين|ون|ية)\s+ل|من\s+عناصر|من\s+مقاتلي)\s*(?:جماعة|تنظيم|حركة)?\s*[\"“«]?")
_NOT_AN_AGREEMENT = re.compile(r"(?<!\w)(?:خط|خطوط)\s+(?:ال)?$")
_BEFORE_OBJECT = _word_list("before_object")
_PREPOSITIONS = {"من", "في", "على", "عن", "إلى", "الى", "مع", "ضد", "عند"}
_PLUPERFECT = re.compile(r"(?<!\w)و?(?:كان|كانت|كانوا|كانا)(?!\w)")
_FROM_TO = {"من", "إلى", "الى", "نحو", "باتجاه"}
_TOWN_NOUNS = {"مدينة", "بلدة", "قرية", "منطقة", "محافظة", "ولاية", "مدينه", "بلده", "قريه", "منطقه"}
_VAV_NOUNS = _word_list("vav_nouns")
_SPLIT_BY_PLACE = {"Battles", "Explosions/Remote violence", "Riots", "Protests"}
_BETWEEN_STRIKE_AND_MAKER = {"", "جوية", "جوي", "الجوية", "جويه"}
_MADE_IN = re.compile(r"\s+(?:ال)?صنع(?!\w)")  # «صاروخ إيراني الصنع»: who made the weapon, not who fired it
_STRIKES = {"Air/drone strike", "Shelling/artillery/missile attack"}
_INTERVENTION = "Protest with intervention"
_UNKNOWN_HANDS = {"Attack", "Abduction/forced disappearance"}  # acts of armed men whom the text may never name
# people who act in their own country: «تظاهر آلاف الطلاب الأمريكيين» is in the United States (a foreign force,
# embassy or militia, «القوات الأميركية», «السفارة الفرنسية», says only whose)
_PEOPLE_AT_HOME = frozenset(normalize_text(w) for w in (
    "الطلاب طلاب المتظاهرين متظاهرين المتظاهرون متظاهرون المحتجين محتجين المحتجون محتجون المواطنين مواطنين "
    "المواطنون مواطنون السكان الناخبين العمال النقابات المعلمين الأطباء").split())
_HURT_BY = re.compile(r"(?:اختناق|الاختناق|استنشاق|جراء|بسبب|إصابة|اصابة|إصابات|اصابات)\S*\s+(?:\S+\s+)?[وب]*$")
_BOMBINGS = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}  # no force reports planting its own bomb
_ATTACK_READINGS = {("Battles", "Armed clash"), ("Violence against civilians", "Attack")}
_ABROAD_NOUNS = _word_list("abroad")
_TERRITORY_NOUNS = _word_list("territory")
_AGENT_MARKS = {("على", "يد"), ("على", "أيدي"), ("على", "ايدي"), ("على", "يدي"), ("من", "قبل")}
_AGENT_MARK_SKIP = {"جماعة", "تنظيم", "حركة", "عناصر", "مسلحي", "مقاتلي", "ميليشيات", "مليشيات", "قوات"}
_KILL_VERBS = {"قتلت", "قتلوا", "قتلا"}  # their subject right after them acts; a count after them suffers
_VERBS_OR_NOUNS = {"قتل", "جرح", "اسر", "حيد", "حيدت", "حيدوا"}  # undotted: «قُتل جندي» suffers, «قتل الجيشُ» acts
_ABOUT_AN_EVENT = {"claim", "denial", "condemnation", "accusation"}


@dataclass
class Mention:
    """A normalised view of any stage's mention: where it is and the reference it carries."""

    start: int
    end: int
    text: str
    ref: dict[str, Any]
    kind: str = ""
    how: str = ""


@dataclass
class Hit:
    """A trigger or cue found in the text (original offsets)."""

    start: int
    end: int
    text: str
    payload: Any


@dataclass
class DocView:
    """What the record builder reads: the text, its sentences and every stage's mentions."""

    doc_id: str
    text: str
    norm: NormText
    published: str | None
    sentences: list[tuple[int, int]]
    places: list[Mention] = field(default_factory=list)
    actors: list[Mention] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    dates: list[Mention] = field(default_factory=list)
    figures: list[Mention] = field(default_factory=list)  # ref: category, best, low, high, text, who
    title_end: int = 0  # the headline is text[:title_end] (0: no headline line)

    def __post_init__(self) -> None:
        for name in ("places", "actors", "persons", "dates", "figures"):
            setattr(self, name, MentionList(getattr(self, name)))


class MentionList(list):
    """Mentions sorted by start, with the starts kept for bisection (the builder asks «what lies in this span?»
    dozens of times per sentence)."""

    def __init__(self, items=()):
        super().__init__(sorted(items, key=lambda m: (m.start, -m.end)))
        self.starts = [m.start for m in self]


def _in(items: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions lying inside [start, end)."""
    starts = items.starts if isinstance(items, MentionList) else [m.start for m in items]
    lo, hi = bisect_left(starts, start), bisect_right(starts, end)
    return [m for m in items[lo:hi] if m.end <= end]


def _hits(view: DocView, matcher, words: list[tuple[int, int]]) -> list[Hit]:
    out = []
    for m in matcher.match(view.norm.text, words):
        s, e = view.norm.to_original(m.start, m.end)
        out.append(Hit(s, e, view.text[s:e], m.payload))
    return out


def _longest(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer hit (هجوم inside هجوم انتحاري)."""
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in hits:
        if any(o.start <= h.start and h.end <= o.end for o in out):
            continue
        out.append(h)
    return out


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"text": text[start:end], "start": start, "end": end}


def _prefix_before(text: str, start: int) -> str:
    """The letters attached before `start` in its word, or the previous word when `start` begins a word."""
    i = start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    if i < start:
        return text[i:start]
    j = i - 1
    while j >= 0 and not text[j].isalpha():
        j -= 1
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k:j + 1] if j >= 0 else ""


def _met_in_fighting(text: str, start: int, prefix: str) -> bool:
    """«اشتباكات مع X», «معارك مع عناصر X»: X is the other side (not «بالتنسيق مع X», an ally)."""
    pos = start
    if prefix in _TARGET_NOUNS:
        pos = text.rfind(prefix, 0, start)
        prefix = _prefix_before(text, pos)
    if prefix != "مع":
        return False
    # the word before «مع», or the one before that («اشتباكات مُسلّحة مع …»: an adjective between)
    words = _words_before(text, text.rfind("مع", 0, pos), 2)
    return any(_CLASH_WITH.fullmatch(_without_proclitic(w)) for w in words)


def _governing_word(text: str, start: int) -> str:
    """The word that governs the mention at `start`, looking back over counts, ranks and «من/في» (at most
    four words): «مقتل زعيم تنظيم داعش» → «مقتل», «حيدت نحو 15 مسلحا» → «حيدت»."""
    pos = start
    for _ in range(4):
        word = _prefix_before(text, pos)
        if not word:
            return ""
        bare = _without_proclitic(word)
        if not (bare in _BETWEEN_VICTIM_AND_NAME or bare.isdigit() or _AGENT_AFTER.match(" " + bare)):
            return word
        pos = text.rfind(word, 0, pos)
    return ""


_TASHKEEL = re.compile("[\u064B-\u0652\u0670\u0640]")
_ARABIC_WORD = re.compile("[\u0621-\u064A\u064B-\u0652\u0670\u0640]+")


def _no_conjunction(word: str) -> str:
    """A word without a leading و/ف («وفي» → «في»)."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _without_proclitic(word: str) -> str:
    """A word without one leading و/ف/ب, when what is left is a word of its own («وبعد» → «بعد», «في» stays)."""
    return word[1:] if len(word) > 3 and word[0] in "وفب" else word


def _words_before(text: str, pos: int, n: int) -> list[str]:
    """The `n` words before `pos`, nearest first, without short vowels or tatweel."""
    found = _ARABIC_WORD.findall(text, max(0, pos - 20 * n), pos)
    return [_TASHKEEL.sub("", w) for w in reversed(found[-n:])]


def _by_hand_of(text: str, start: int) -> bool:
    """«على يد جماعة X», «من قبل X», «بأيدي X», «بنيران X»: X is the one who acted."""
    words = _words_before(text, start, 3)
    words = words[1:] if words and words[0] in _AGENT_MARK_SKIP else words  # «على يد جماعة X»
    return bool(words) and (words[0] in ("بيد", "بايدي", "بأيدي", "بنيران", "برصاص") or (
        len(words) > 1 and (words[1], words[0]) in _AGENT_MARKS))


def _is_object(view: DocView, m: Mention) -> bool:
    """A mention introduced by ل / ضد / على is not the one acting («للجيش», «ضد التنظيم»,
    «على مواقع الحوثيين»: the preposition may govern a place noun before the name)."""
    if _by_hand_of(view.text, m.start):
        return False
    prefix = _prefix_before(view.text, m.start).replace("أ", "ا")
    inside = m.text.startswith("لل")  # the linker kept the preposition inside the mention: «للجيش السوري»
    if inside:
        prefix = "لل"
    if prefix in ("ل", "لل") and any(w in _ATTACK_NOUNS for w in _words_before(
            view.text, m.start if inside else m.start - len(prefix), 2)):
        return False  # «في هجوم لبوكو حرام», «في قصف جوي لمقاتلات التحالف»: the attack of the one who acted
    if prefix in ("ل", "لل"):
        owner = _words_before(view.text, m.start if inside else m.start - len(prefix), 2)
        if len(owner) == 2 and _bare(owner[0]).startswith(("تابع", "التابع")) and _bare(owner[1]) in _STRIKING_MEANS \
                and not _DOWNED.search(view.text, max(0, m.start - 45), m.start):
            return False  # «ألقت طائرة تابعة للجيش النيجيري قنبلة»: the force whose aircraft struck (not one shot down)
    if _without_proclitic(prefix) in _KILL_VERBS:
        return False  # «قتلت حركة الشباب خمسة رجال»: right after the verb, its subject
    if prefix in _OBJECT_PREFIXES or prefix in ("على", "علي"):
        return True
    if _met_in_fighting(view.text, m.start, prefix):
        return True  # «اشتباكات مع عناصر …»: the side met in the fighting
    if _without_proclitic(prefix) not in _VICTIM_WORDS:
        # «قُتل ثلاثة جنود», «مقتل زعيم تنظيم داعش», «حيدت نحو 15 مسلحا»: a count, a rank or «من» between
        prefix = _governing_word(view.text, m.start)
        if _without_proclitic(prefix) in _KILL_VERBS:
            return True  # «غارة قتلت خمسة مسلحين»: who was counted after the verb was killed
    word = _without_proclitic(prefix) if _without_proclitic(prefix) in _VICTIM_WORDS else prefix
    if word in _VICTIM_WORDS and not (word in _VERBS_OR_NOUNS and m.text.startswith("ال")):
        # «مقتل جندي», «ومقتل جنديين», «استهداف الجيش»: who suffered it; but the one acting when what
        # follows is what it did to others («قتل مسلحون ثلاثة مدنيين», «استهداف الجيش لمواقع …»)
        return not _AGENT_AFTER.match(view.text, m.end)
    if prefix in _TARGET_NOUNS:
        before = view.text[:m.start].rstrip()
        before = before[:len(before) - len(prefix)].rstrip()
        if _prefix_before(before + " ", len(before) + 1).replace("أ", "ا") in ("على", "علي", "ضد"):
            return True
    # a span that starts with its own proclitics («للتنظيم» linked as a whole word) — but «هجوم للجيش الفرنسي»
    # is the army's attack
    word = m.text.replace("أ", "ا")
    if word.startswith("لل") and _without_proclitic(prefix) in _ATTACK_NOUNS:
        return False
    return word.startswith(("لل", "ولل")) or (word.startswith(("ل", "ول")) and m.how.startswith("short_ref"))


class _Builder:
    def __init__(self, view: DocView, *, decide: Decide | None = None, decisions: list[dict[str, Any]] | None = None):
        self.view = view
        # who answers the told-again question from its features (None: the hand rules alone)
        self.decide = decide if decide is not None else shipped_model()
        self.decisions = decisions  # when a list: every told-again question, with its features, is appended
        self.text = view.text
        words = [m.span() for m in WORD_RE.finditer(view.norm.text)]
        ends = [e for _, e in view.sentences]
        # a phrase with a gap («أطلق … النار») never reaches across a sentence end
        hits = _hits(view, record_matcher(), words)
        self.triggers = _longest([h for h in hits if isinstance(h.payload, TriggerEntry)
                                  and bisect_right(ends, h.start) == bisect_left(ends, h.end)])
        self.sentence_starts = [s for s, _ in view.sentences]
        self.by_sentence: dict[int, list[Hit]] = {}
        for t in self.triggers:
            si = bisect_right(self.sentence_starts, t.start) - 1
            if si >= 0 and t.end <= view.sentences[si][1]:
                self.by_sentence.setdefault(si, []).append(t)
        self.statement_seen = False
        self._countries: tuple | None = None  # article_country's per-article index, built on first use
        self.own_act_claims: set[str] = set()  # ids of claims made by announcing the group's own attack
        self.cues: dict[str, list[Hit]] = {}
        for cue in hits:
            if not isinstance(cue.payload, TriggerEntry):
                self.cues.setdefault(cue.payload, []).append(cue)
        self._cue_starts = {name: [c.start for c in hits] for name, hits in self.cues.items()}
        self.pub = date.fromisoformat(view.published) if view.published else None
        # with no publication date, the article's time is the latest date it names
        self.latest_named_date = None if self.pub else max(
            (d for d in (_first_day(m.ref.get("value")) for m in view.dates
                         if not _BY_THEN.search(view.text, max(0, m.start - 12), m.start)) if d), default=None)
        # with no publication date, news the article first dates relatively («الاثنين», «أمس») is recent: whatever
        # it dates with a year is history
        self.news_told_relatively = self.pub is None and bool(view.dates) and not view.dates[0].ref.get("value")
        self.records: list[dict[str, Any]] = []
        self.rejected: list[dict[str, Any]] = []
        self.rejected_spans: set[tuple[int, int]] = set()
        self._clauses: dict[tuple[int, int], list[tuple[int, int]]] = {}  # clause_spans of a sentence, once
        # (record, field, value, how): defaults that fill a field still empty once reports are merged
        self.fallbacks: list[tuple[dict[str, Any], str, Any, str]] = []
        self.not_tolls: set[int] = set()  # figures that count no incident's victims (those sentenced to death)
        self.last_speaker: dict[str, Any] | None = None

    # -------------------------------------------------------------- helpers
    def clauses(self, s: int, e: int) -> list[tuple[int, int]]:
        """The clauses of the sentence [s, e), found once however many rules ask."""
        spans = self._clauses.get((s, e))
        if spans is None:
            spans = self._clauses[(s, e)] = clause_spans(self.text, s, e)
        return spans

    def clause_around(self, s: int, e: int, pos: int) -> tuple[int, int]:
        """The clause of the sentence [s, e) that holds `pos` (the whole sentence if none does)."""
        return next(((a, b) for a, b in self.clauses(s, e) if a <= pos < b), (s, e))

    def rejected_hit(self, hit: Hit) -> bool:
        return (hit.start, hit.end) in self.rejected_spans

    def reject(self, hit: Hit, reason: str) -> None:
        """Remember a trigger that made no record, and why (for `rasd explain`)."""
        self.rejected.append({"text": hit.text, "start": hit.start, "end": hit.end, "reason": reason})
        self.rejected_spans.add((hit.start, hit.end))

    def keep(self, hits: list[Hit], test, reason: str) -> list[Hit]:
        kept = []
        for h in hits:
            if test(h):
                kept.append(h)
            else:
                self.reject(h, reason)
        return kept

    def cues_in(self, name: str, start: int, end: int) -> list[Hit]:
        hits = self.cues.get(name)
        if not hits:
            return []
        starts = self._cue_starts[name]
        return [c for c in hits[bisect_left(starts, start):bisect_right(starts, end)] if c.end <= end]

    def context_start(self, si: int) -> int:
        return self.view.sentences[max(0, si - CONTEXT_SENTENCES)][0]

    def _rid(self, kind: str, type_: str | None, trigger: Hit | None, ev: tuple[int, int]) -> str:
        key = f"{self.view.doc_id}|{kind}|{type_}|{ev[0]}|{trigger.start if trigger else -1}"
        return kind[0] + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]

    def _base(self, kind: str, type_: str | None, trigger: Hit, ev: tuple[int, int]) -> dict[str, Any]:
        return {
            "kind": kind,
            "id": self._rid(kind, type_, trigger, ev),
            "doc_id": self.view.doc_id,
            "evidence": _span(self.text, *ev),
            "trigger": _span(self.text, trigger.start, trigger.end),
            "mentions": [],
            "date": None,
            "location": None,
            "status": "occurred",
            "background": False,
            "reported_by": None,
            "provenance": {"kind": f"trigger:{trigger.payload.pattern}" if isinstance(trigger.payload, TriggerEntry)
                           else "cue"},
        }

    def nearest(self, items: list[Mention], pos: int) -> Mention | None:
        return min(items, key=lambda m: abs(m.start - pos)) if items else None

    def date_for(self, rec: dict[str, Any], s: int, e: int, pos: int) -> None:
        d = self.nearest(_in(self.view.dates, s, e), pos)
        if d is not None and min(abs(d.start - pos), abs(d.end - pos)) <= DATE_REACH:
            rec["date"] = dict(d.ref)
            rec["provenance"]["date"] = "nearest date in sentence"
            rec["background"] = self.is_background(d.ref)
            if rec["background"]:
                rec["provenance"]["background"] = (
                    "date more than a year before publication" if self.pub
                    else "date more than a year before the latest date the article names, or years ago")

    def recent(self, ref: dict[str, Any]) -> bool:
        """A date within two months before the publication date: the news's own days."""
        value = ref.get("end") or ref.get("value")
        last_day = _last_day(str(value)) if value else None
        return bool(self.pub and last_day and self.pub - timedelta(days=60) <= last_day <= self.pub)

    def recalled(self, s: int, pos: int) -> bool:
        """«وكانت غارة جوية مماثلة استهدفت …», «وكان التنظيم قد شن هجوما في مارس الماضي»: an incident the
        sentence recalls in the pluperfect, as earlier than the news (not when its day is today's or
        yesterday's: «وكانت القوات قد اعتقلت أمس …»)."""
        lead_in = self.text[s:pos]
        if not _PLUPERFECT_LEAD.match(lead_in):
            return False
        e = self.view.sentences[self.sentence_index(s)][1]
        found = _in(self.view.dates, s, e)
        dates = [d.ref.get("text") or "" for d in found]
        if any(_RECENT_DAY.search(d) for d in dates) or any(self.recent(d.ref) for d in found):
            return False
        # «غارة جوية مماثلة», or «قد» with a month or a past period named («في مارس الماضي»)
        return bool(_SIMILAR.search(self.text, s, min(e, pos + 40))) or bool(_QAD.search(lead_in)) and any(
            _names_month(d) or "الماضي" in d or "الماضية" in d for d in dates)

    def is_background(self, ref: dict[str, Any]) -> bool:
        """History more than a year before the article's time: its publication date, or, when that is unknown,
        the latest date the article names («في أبريل 2014» in an article that dates its news «9 فبراير 2018»);
        an unresolved «منذ أربع سنوات» or «قبل عامين» is history whatever the date."""
        value = ref.get("end") or ref.get("value")
        now = self.pub or self.latest_named_date
        if value and self.news_told_relatively and _YEAR.search(ref.get("text") or ""):
            return True  # «الاثنين» for the news, «في أبريل 2014» for what is recalled: a year written is history
        if not value:
            return not self.pub and bool(ref.get("text")) and _years_ago(ref["text"]) >= 2
        last_day = _last_day(str(value))
        return bool(now and last_day and last_day < now - timedelta(days=365))

    def place_for(self, s: int, e: int, pos: int, actors: list[Mention], si: int) -> tuple[Mention | None, str]:
        """The place of a record: the most specific place in the sentence, else the recent context."""
        taken = [(a.start, a.end) for a in actors]
        cands = [p for p in _in(self.view.places, s, e)
                 if p.kind != "nationality" and not any(a0 <= p.start and p.end <= a1 for a0, a1 in taken)
                 and p.how != "dateline" and not self.is_seat(p) and not self.speaks(p)
                 and not self.opens_as_subject(p, self.sentence_start(p.start))
                 and not _LOYAL_TO.search(self.text, max(s, p.start - 25), p.start)]
        state_countries = {a.ref.get("country") for a in actors if a.ref.get("type") in _STATE_TYPES}

        def rank(p: Mention):
            loc = p.ref
            return (loc.get("country") is None, loc.get("country") not in state_countries,
                    loc.get("precision") or 4, abs(p.start - pos))

        if cands:
            return min(cands, key=rank), "most specific place in sentence"
        # implicit place: the last town-level place in the sentences before
        prev = [p for p in _in(self.view.places, self.context_start(si), s)
                if p.kind != "nationality" and (p.ref.get("precision") or 4) <= 2]
        if prev:
            return prev[-1], "place of the preceding sentences"
        nat = [p for p in _in(self.view.places, s, e) if p.kind == "nationality"
               and _prefix_before(self.text, p.start) not in _ABROAD_NOUNS]
        # «داخل الأراضي السورية»: the territory of a country is a place; «طائرات عراقية» only says whose
        land = [p for p in nat if _prefix_before(self.text, p.start) in _TERRITORY_NOUNS]
        if land:
            return land[0], "the territory a nationality adjective names («الأراضي السورية»)"
        # «القوات الأميركية والصومالية», «طائرات عراقية»: whose forces, not where; a nationality adjective is the
        # place only when it names the article's country, or when the article names no country at all
        home, how = self.article_country(s)
        if _SEPARATE_CONTEXT.search(self.text, s, e):
            home = None  # «وفي سياق منفصل، تظاهر آلاف الطلاب الأمريكيين»: another story, its own country
        ours = [p for p in nat if home is None or p.ref.get("country") == home.ref.get("country")
                or normalize_text(_no_conjunction(_prefix_before(self.text, p.start))) in _PEOPLE_AT_HOME]
        if ours:
            return self.nearest(ours, pos), "country of a nationality adjective in sentence"
        return home, how

    def article_country(self, s: int) -> tuple[Mention | None, str]:
        """No place in or just before the sentence: the country the article was last in, at country level."""
        if self._countries is None:  # once per article: the places with a country, outside datelines
            # (not a country named as whom a side is loyal to: «الميليشيات الموالية لإيران»)
            places = [p for p in self.view.places if p.ref.get("country") and p.how != "dateline"
                      and not self.is_seat(p) and not _LOYAL_TO.search(self.text, max(0, p.start - 25), p.start)]
            named = [p for p in places if p.kind != "nationality"]
            ends = [p.end for p in named]
            top = Counter(p.ref["country"] for p in places).most_common(1)
            levels: dict[str, list[Mention]] = {}
            for p in places:
                if (p.ref.get("precision") or 4) == 4 and _prefix_before(self.text, p.start) not in _ABROAD_NOUNS:
                    levels.setdefault(p.ref["country"], []).append(p)
            # «شمال سيناء» named again and again in a communiqué: the part of the country the article is about
            parts = Counter((p.ref["country"], p.ref.get("name")) for p in named if p.ref.get("precision") == 3
                            and p.kind in ("region", "admin1"))
            for cc in list(levels):
                ranked = [(k, n) for k, n in parts.most_common() if k[0] == cc]
                if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
                    levels[cc] = [p for p in named if (p.ref["country"], p.ref.get("name")) == ranked[0][0]]
            self._countries = (ends, named, top[0][0] if top else None, levels)
        ends, named, top, levels = self._countries
        i = bisect_right(ends, s)
        cc = named[i - 1].ref["country"] if i else top
        level = levels.get(cc) if cc else None
        if not level:
            return None, ""
        return min(level, key=lambda p: abs(p.start - s)), "the article's country (no place in or near the sentence)"

    def ground_after(self, pos: int, e: int) -> bool:
        """What was taken, right after the taking («على بلدة …», «على عدد من المواقع», «على مونغونو»): a word for
        ground (ground_nouns) or a place, after at most a quantity («عدد من», «كامل», «معظم»)."""
        for m in _WORD_RE.finditer(self.text, pos, e):
            w = _bare(normalize_text(_no_conjunction(m.group(0))))
            if w in _QUANTITY_WORDS:
                continue
            if w in _GROUND_NOUNS or w.removeprefix("ب") in _GROUND_NOUNS:
                return True
            # a place, not a nationality («سيطرت على الأراضي السورية» names ground by its noun; «على السوري» none)
            return any(p.start == m.start() and p.kind != "nationality"
                       for p in _in(self.view.places, m.start(), m.end()))
        return False

    def country_acting(self, lead: Hit, s: int, e: int) -> Mention | None:
        """A country or its capital named as the subject of the incident's verb: right after it («أطلقت إيران،
        فجر الخميس، …»), right before it («إن تركيا شنت …»), or right after the verb that opens the sentence
        («وبدأت أنقرة عملية عسكرية»); not after a preposition («في سوريا», «على إسرائيل»)."""
        for p in _in(self.view.places, s, e):
            if not _speaks_for_state(p) or not p.ref.get("country") or _prefix_before(self.text, p.start) in _PLACE_PREPS:
                continue
            # (before the incident word only as the subject of a clause: «إن تركيا شنت», not «شهدت سوريا غارات»)
            # (a capital right after the verb is more often the city hit, «وقصفت دمشق بالقذائف», than its state)
            if _next_to(self.text, p, lead) and (p.start > lead.start and p.kind == "country" or _SUBJECT_SLOT.fullmatch(
                    self.text, s, p.start) or _no_conjunction(_prefix_before(self.text, p.start)) in ("أن", "إن", "ان")):
                return p
            if p.start < lead.start and self.opens_as_subject(p, s):
                return p
            # «أن إيران أطلقت، فجر الخميس، 20 صاروخا»: the subject of a clause after «أن», the incident soon after
            if 0 < lead.start - p.end <= 40 and _no_conjunction(_prefix_before(self.text, p.start)) in (
                    "أن", "إن", "ان") and not _in(self.view.actors, p.end, lead.start):
                return p
        return None

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence holding `pos` (the first for a position before every sentence)."""
        return max(0, bisect_right(self.sentence_starts, pos) - 1)

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding `pos` starts."""
        return self.sentence_starts[self.sentence_index(pos)] if self.sentence_starts else 0

    def opens_as_subject(self, p: Mention, s: int) -> bool:
        """A country or capital right after the verb that opens its sentence («أطلقت إيران …», «وبدأت أنقرة
        …»): who acts, unless the verb tells what the place saw or suffered («شهدت سوريا», «تعرضت مصر»)."""
        opening = _OPENING_VERB.fullmatch(self.text, s, p.start)
        verb = _no_conjunction(opening.group(1)) if opening else ""
        if not opening or not _speaks_for_state(p) or not (verb in _ACTING_VERBS or (
                verb in _SHELLING_VERBS and p.kind == "country")):
            return False  # (a verb of acting only: «هزت كابول انفجارات», «وقصفت دمشق بالقذائف» tell what it suffered)
        # (a verb of saying makes it the speaker: «وكشفت إسرائيل أن …»)
        return not self.cues_in("reporting", s, p.start) and not any(
            t.payload.kind == "statement" and t.start < p.start
            for t in self.by_sentence.get(self.sentence_index(p.start), []))

    def victim_after(self, pos: int) -> bool:
        """A count of people or a named person right after `pos` (past «عدد», «نحو», a title)."""
        # (a figure's span may open with the killing word itself: «القضاء على 4»)
        near = [m for m in self.view.figures if m.start < pos + 25 and m.end > pos and m.ref.get("best") is not None
                and m.ref.get("who")]  # (people counted: not «تصفية 3 شركات»)
        # (a person after at most a few words naming who they were, «تصفية الصحفيين التونسيين سفيان …», with no
        # preposition between: not «تصفية الحسابات مع محمد مرسي»)
        near += [m for m in _in(self.view.persons, pos, pos + 40)
                 if not any(_no_conjunction(w) in _PREPOSITIONS for w in self.text[pos:m.start].split())]
        return any(not CLAUSE_BREAK.search(self.text, pos, max(pos, m.start)) for m in near)

    def speaks(self, p: Mention) -> bool:
        """«وأعلنت طهران أن الضربة …»: a country or capital right after a verb of saying is who speaks, not
        where anything happened."""
        return _speaks_for_state(p) and any(0 <= p.start - c.end <= 1 for c in self.cues_in(
            "reporting", max(0, p.start - 15), p.start))

    def is_seat(self, p: Mention) -> bool:
        """«المرصد السوري، ومقره في بريطانيا»: where a source has its seat is not where anything happened."""
        return any(p.start - c.end <= 4 and ("و" in self.text[max(0, c.start - 1):c.start + 1] or c.text.split()[-1] == "من")
                   for c in self.cues_in("seat", p.start - 20, p.start))

    def reporter(self, s: int, e: int, si: int) -> tuple[dict[str, Any] | None, str]:
        """Who asserts the sentence: the speaker after a reporting verb, or the speaker of the sentences before."""
        reps = self.cues_in("reporting", s, e)
        if not reps:
            return None, ""
        cue = reps[0]
        if cue.text.split()[-1] in ("أن", "ان", "إن"):
            # «وبين أن …», «بين المتحدث أن …»: what follows is what was said; the speaker is inside or told before
            inside = _in(self.view.persons, cue.start, cue.end) + _in(self.view.actors, cue.start, cue.end)
            if inside:
                return dict(inside[0].ref), f"speaker inside «{cue.text}»"
            if self.last_speaker is not None:
                return dict(self.last_speaker), f"«{cue.text}» with no subject: the previous speaker"
            return None, ""
        # «وكان أردوغان قال، في وقت سابق، …», «وكان رئيس الوزراء، حيدر العبادي، قال»: the subject told right
        # before its verb, when no speaker follows the verb («وزير الدفاع، قال مسؤولون …»)
        subject = self.subject_before(s, cue, e)
        if subject:
            return dict(subject[0].ref), f"subject right before «{cue.text}»"
        people = [p for p in _in(self.view.persons, cue.end, e)]
        speakers = people or [a for a in _in(self.view.actors, cue.end, e)]
        source = self.source_phrase(cue.end, e)
        # «وفق ما أفادت قناة "المسيرة" التابعة للجماعة»: the outlet speaks, not the group it belongs to
        outlet = _first_word_in(source, _OUTLET_NOUNS) and (
            not speakers or speakers[0].start >= source["end"])
        if speakers and speakers[0].start - cue.end < 40 and not outlet:
            named = self.named_after_role(speakers[0], people) if people else None
            return named or dict(speakers[0].ref), f"speaker after «{cue.text}»"
        if source is not None:
            return source, f"words after «{cue.text}»"
        if self.last_speaker is not None:
            return dict(self.last_speaker), f"«{cue.text}» with no subject: the previous speaker"
        return None, ""

    def subject_before(self, s: int, cue: Hit, e: int) -> list[Mention]:
        """The subject told right before a verb of saying at the head of the sentence («وكانت الشرطة قالت إن …»,
        «وكان رئيس الوزراء، حيدر العبادي، قال»), unless a subject follows the verb («وزير الدفاع، قال مسؤولون»)."""
        if self.subject_after(cue.end, e):
            return []
        lead = _narrator_opener_end(self.text, s)
        return [m for m in _in(self.view.persons, s, cue.start) + _in(self.view.actors, s, cue.start)
                if _SUBJECT_LEAD.fullmatch(self.text, lead, m.start) and (
                    _right_before(self.text, m.end, cue.start, appositive=True)
                    # «وكان الجيش الأميركي، الذي صعد من جهوده …، قد قال»: a relative clause between
                    or _PLUPERFECT_LEAD.match(self.text, lead) and _RELATIVE_THEN_QAD.fullmatch(self.text, m.end,
                                                                                           cue.start))]

    def subject_after(self, verb_end: int, e: int) -> bool:
        """A subject follows the verb at once («قال مسؤولون», «قال الوزير»): not a date («قال الخميس»), a
        preposition («قال للتلفزيون»), «إن/أن» or punctuation."""
        m = _WORD_RE.match(self.text, verb_end + 1) if self.text[verb_end:verb_end + 1] == " " else None
        if m is None or any(d.start == m.start() for d in _in(self.view.dates, m.start(), e)[:1]):
            return False
        w = m.group(0)
        return not (w in _SAID_OPENERS or w.startswith(("ل", "ب")) or _bare(w) in _PREPOSITIONS)

    def named_after_role(self, role: Mention, people: list[Mention]) -> dict[str, Any] | None:
        """«مبعوث الأمم المتحدة إلى ليبيا، غسان سلامة»: a role-only person, then the name a few words on;
        the named person with the role, or None."""
        if role.ref.get("name"):
            return None
        named = next((p for p in people if role.end <= p.start <= role.end + 40 and p.ref.get("name")
                      and not _COMPLEMENTIZER.search(self.text, role.end, p.start)), None)
        if named is None:
            return None
        ref = dict(named.ref)
        ref["role"] = ref.get("role") or role.ref.get("role")
        return ref

    def officials_before(self, s: int, verb: int) -> dict[str, Any] | None:
        """«لكن مسؤولين أمنيين قالوا …», «كان مسؤول محلي قال …»: unnamed officials opening the sentence."""
        lead = self.text[s:verb]
        rest = lead[_SUBJECT_LEAD.match(lead).end():]
        phrase = rest.strip()
        if not phrase or len(phrase) > 40 or any(c in phrase for c in "،,.:؛\"“”«»"):
            return None
        ref = {"text": phrase, "name": phrase, "id": None, "type": None}
        if not _first_word_in(ref, _OFFICIAL_NOUNS):
            return None
        a = s + lead.index(phrase)
        return ref | {"start": a, "end": a + len(phrase)}

    def source_phrase(self, start: int, end: int) -> dict[str, Any] | None:
        """«حسبما أفادت مصادر محلية»: a source no dictionary knows, kept as written (at most four words)."""
        words = []
        for m in _WORD_RE.finditer(self.text, start, min(end, start + 60)):
            w = m.group(0)
            if not words and (w == "ما" or self.cues_in("reporting", m.start(), m.end())):
                start = m.end()  # «حسب ما ذكرت وكالة …», «بحسب ما أفاد …»: the source comes after the verb
                continue
            if w in _SOURCE_STOP or (words and w[0] in "بل" and len(w) > 3) or not w[0].isalpha():
                break
            gap = self.text[words[-1].end():m.start()] if words else self.text[start:m.start()]
            if gap.strip(_QUOTES + " "):
                break  # punctuation between words ends the phrase; quotes around a name («قناة "المسيرة"») don't
            if words and any(q in gap for q in _QUOTES) and _balanced(self.text[words[0].start():m.start()]):
                break  # … but a closing quote does
            words.append(m)
            if len(words) == 4:
                break
        if not words:
            return None
        a, b = words[0].start(), _close_quote(self.text, words[0].start(), words[-1].end())
        return {"text": self.text[a:b], "name": self.text[a:b], "id": None, "type": None, "start": a, "end": b}

    # -------------------------------------------------------------- per sentence
    def run(self) -> list[dict[str, Any]]:
        for si, (s, e) in enumerate(self.view.sentences):
            trig = self.by_sentence.get(si, [])
            if self.text[s:e].rstrip().endswith(("؟", "?")):
                if _balanced(self.text[s:e]):
                    for t in trig:  # «من هي جماعة بوكو حرام التي أعلنت …؟»: a question reports nothing
                        self.reject(t, "in a question")
                    continue
                # «وقال المتحدث، "هل …؟»: the question is inside the quote it opens; the speech around it stands
                opened = max(self.text.rfind(q, s, e) for q in ('"', "«", "“"))
                for t in [t for t in trig if t.start > opened]:
                    self.reject(t, "in a quoted question")
                trig = [t for t in trig if t.start <= opened]
            tally_figures = self.tally(si, s, e)
            said_here = False
            if trig:
                event_hits = [t for t in trig if t.payload.kind == "event"]
                # (an incident the sentence says did not happen is no report of one: «أعلنت أن قواتها لم تشن …»)
                reports_event = any(t.payload.role == "specific" and not self.negated(t, s) for t in event_hits)
                n_before = len(self.records)
                claim = self.statements(si, s, e, [t for t in trig if t.payload.kind == "statement"],
                                        attribution_only=reports_event, event_hits=event_hits)
                speech = [r for r in self.records[n_before:] if r["statement_type"] in _ABOUT_AN_EVENT]
                said_here = len(self.records) > n_before
                self.relations(si, s, e, [t for t in trig if t.payload.kind == "relation"])
                self.events(si, s, e, event_hits, claim, tally_figures, speech)
            speaker, _ = self.reporter(s, e, si)
            # a sentence whose speech words made no statement («التقارير التي أفادت …») may still open with one
            if not said_here and not any(t.payload.kind == "statement" and t.start < s + 90 and not self.rejected_hit(t)
                                         for t in trig):
                if speaker is None or not self.continue_statement(si, s, e, speaker):
                    # a named speaker's words make a statement even beside the event they report; whether
                    # they are only its attribution is settled once all events are known (below)
                    self.speech(si, s, e)
            if speaker is not None:
                self.last_speaker = speaker
        # a speaker who reports the fighting told elsewhere is a source: his running words around it are not a
        # statement apart; but an official who announces an incident in his own sentence («أكدت الحكومة أن …»)
        # makes an announcement. A generic «أعلنت الوزارة القبض على …» stays the event's attribution.
        events = [r for r in self.records if r["kind"] == "event"]
        sources = set().union(*(_names(r.get("reported_by")) for r in events))

        def attribution(r: dict[str, Any]) -> bool:
            names = _names(r.get("speaker"))
            if r["provenance"]["kind"] == _SPEECH:
                ev0, ev1 = r["evidence"]["start"], r["evidence"]["end"]
                announced_here = any(any(ev0 <= span["start"] < ev1 for span in [ev["evidence"], *ev["mentions"]])
                                     and names & _names(ev.get("reported_by")) for ev in events)
                return not announced_here and bool(names & sources)
            return r.get("statement_type") == "announcement" and any(
                ev["evidence"]["start"] == r["evidence"]["start"] and names & _names(ev.get("reported_by"))
                for ev in events)

        self.records = [r for r in self.records if r["kind"] != "statement" or not attribution(r)]
        merged = merge_records(self.records, title_end=self.view.title_end)
        for rec in merged:
            if rec["kind"] == "event" and rec.get("reported_by") is None:
                self.source_told_next(rec)
        _claimed_elsewhere(merged)
        _civilians_hit(merged)
        kept = {id(r) for r in merged}
        for rec, key, value, how in self.fallbacks:
            if id(rec) in kept and rec.get(key) is None:
                rec[key] = value
                rec["provenance"][key] = how
        return merged

    def source_told_next(self, rec: dict[str, Any]) -> None:
        """«قتل 11 مسلحا في تبادل لإطلاق النار … . وقالت مصادر أمنية إن …»: an incident told with no source,
        then a sentence that opens with a source going on about it (not «… أن» with no subject, which may be
        anyone told before): that source reported it."""
        end = max([rec["evidence"]["end"]] + [m["end"] for m in rec["mentions"]])
        si = bisect_right(self.sentence_starts, end - 1)  # (the sentence after the one the incident ends in)
        if si >= len(self.sentence_starts):
            return
        s, e = self.view.sentences[si]
        if self.text.count("\n", end, s) > 1:
            return  # (past a blank line: another part of the story)
        reps = self.cues_in("reporting", s, min(e, s + 25))
        if not reps or reps[0].text.split()[-1] in ("أن", "ان", "إن"):
            return
        # (going on about it: an incident word, a figure, or the incident's place in the sentence)
        name = (rec.get("location") or {}).get("name")
        if not (any(t.payload.kind == "event" for t in self.by_sentence.get(si, [])) or _in(self.view.figures, s, e)
                or (name and any(p.ref.get("name") == name for p in _in(self.view.places, s, e)))):
            return
        speaker, how = self.reporter(s, e, si)
        if speaker is None or "previous speaker" in how:
            return
        rec["reported_by"] = speaker
        rec["provenance"]["reported_by"] = how + ", in the next sentence, going on about the incident"

    def narrow(self, s: int, e: int, hits: list[Hit]) -> list[tuple[int, int]]:
        """Evidence for several records of one kind in one sentence: from each one's clause to the next one's."""
        if len(hits) < 2:
            return [(s, e)] * len(hits)
        clauses = self.clauses(s, e)

        def clause_start(pos: int) -> int:
            return max([c0 for c0, _ in clauses if c0 <= pos] or [s])

        bounds = [clause_start(h.start) for h in hits]
        # «لقي 13 مسلحا مصرعهم، الاثنين، بمواجهات …، وغارات …»: a toll told before the first incident word is
        # its evidence too (no later record takes it)
        first = min(range(len(hits)), key=lambda i: hits[i].start)
        if _in(self.view.figures, s, bounds[first]):
            bounds[first] = s
        out = []
        for i, b in enumerate(bounds):
            nxt = next((x for x in bounds[i + 1:] if x > b), e)
            out.append((b, nxt) if nxt > b else (s, e))
        return [(a, b) if all(not (a == a2 and b == b2) for j, (a2, b2) in enumerate(out) if j != i) else (s, e)
                for i, (a, b) in enumerate(out)]

    # -------------------------------------------------------------- tallies
    def tally(self, si: int, s: int, e: int) -> set[int]:
        # «أول تفجير … منذ انطلاق الحملة»: «since» after a first or a worst compares; it counts nothing
        cues = [c for c in self.cues_in("tally", s, e)
                if not (c.text.startswith("منذ") and (_SUPERLATIVE.search(self.text, max(s, c.start - 60), c.start)
                                                      or _ONGOING.search(self.text, max(s, c.start - 20), c.start)))]
        if not cues and not any(t.payload.kind == "event" and t.payload.role in ("specific", "weak")
                                for t in self.by_sentence.get(si, [])):
            cues = self.cues_in("tally_period", s, e)  # «قتل 43 شخصا خلال يومين», with no one incident named
        # (abductions counted over a period are part of a campaign's toll too, though a tally records no field
        # for them: «خطفوا أكثر من ألف طفلة منذ عام 2013»)
        figures = [f for f in _in(self.view.figures, s, e) if f.ref.get("category") in ("killed", "injured", "abducted")]
        if not any(f.ref.get("best") for f in figures):
            return set()
        # a figure counted over a period («منذ عام 2015 … مقتل أكثر من 20 ألف») is cumulative too
        # … and one counted since a day, told after it («مقتل سبعة متظاهرين منذ الثلاثاء الماضي»), with or without
        # a publication date; but «أعنف هجوم منذ الأحد» compares, and «منذ صباح اليوم» is one day's fighting
        dates = [d for d in _in(self.view.dates, s, e) if not (d.kind == "since" and (
            _SAME_DAY.match(d.text) or _COMPARED.search(self.text, max(s, d.start - 40), d.start)))]
        periods = [d for d in dates if (d.ref.get("end") and d.start < figures[-1].start)
                   or (d.kind == "since" and any(f.end <= d.start for f in figures))]
        if self.cues_in("incident_toll", s, e):
            return set()  # «الحصيلة المؤقتة هي …»: the toll of the incident told, not of a campaign
        huge = [f for f in figures if (f.ref.get("best") or 0) >= _WAR_TOLL]
        if cues:
            cue = cues[0]
        elif periods:
            cue = Hit(periods[0].start, periods[0].end, periods[0].text, "period")
        elif huge:  # «قتل أكثر من 350 ألف شخص»: thousands dead are a war's toll, never one incident's
            cue = Hit(huge[0].start, huge[0].start, "", "war toll")
        else:
            return set()
        if (cues and _definite(self.text, cue.start) and not periods and max(f.ref.get("best") or 0 for f in figures) < 100
                and self.recent_violence(si)):
            return set()  # «الحصيلة المؤقتة هي …» right after an incident: that incident's toll, not a campaign's
        first_fig = min((f.start for f in figures if f.start > cue.end), default=e)
        # «ارتفعت حصيلة التفجير الانتحاري في حي X إلى …»: the toll of one incident, not of a campaign (but «منذ
        # بداية التظاهرات» after the figure is the period since the protests began)
        since_start = any(c.text.startswith("منذ") for c in cues)
        if not periods and not since_start and any(
                cue.end <= t.start < first_fig and t.payload.kind == "event"
                and t.payload.role not in ("plural", "weak", "agentive") and _definite(self.text, t.start)
                for t in self.by_sentence.get(si, [])):
            return set()
        # «مقتل فلسطينيين اثنين في مواجهات …، ليرتفع عدد القتلى منذ الاثنين إلى 62»: the tally counts the figures
        # of its own clause when the sentence tells an incident in another
        c0, c1 = self.clause_around(s, e, cue.start)
        own = [f for f in figures if c0 <= f.start < c1]
        if own and len(own) < len(figures) and all(f.start < c0 for f in figures if f not in own) and any(
                t.payload.kind == "event" and t.start < c0 for t in self.by_sentence.get(si, [])):
            figures = own
        rec = self._base("tally", None, cue, (s, e))
        scope_text = self.text[cue.end:first_fig].strip(" \"“”«»،,:")
        for lead in ("ضحايا ", "قتلى ", "الضحايا "):
            if scope_text.startswith(lead):
                scope_text = scope_text[len(lead):].strip(" \"“”«»")
        scope_start = self.text.find(scope_text, cue.end) if scope_text else -1
        rec["scope"] = ({"text": scope_text, "start": scope_start, "end": scope_start + len(scope_text)}
                        if scope_text and scope_start >= 0 else None)
        rec["provenance"]["scope"] = "text between the tally cue and the first figure"
        for f in figures:
            key = {"killed": "fatalities", "injured": "injuries"}.get(f.ref["category"])
            if key and rec.get(key) is None and f.ref.get("best") is not None:
                rec[key] = _figure(f)
                rec["provenance"][key] = f"figure «{f.text}»"
        rec.setdefault("fatalities", None)
        rec.setdefault("injuries", None)
        rec["since"] = dict(periods[0].ref) if periods else None
        self.date_for(rec, s, e, cue.start)
        for key in ("location", "status"):
            rec.pop(key, None)
        self.records.append(rec)
        return {id(f) for f in figures}

    def seized(self, s: int, trigger: int) -> bool:
        """«ضبطت أسلحة منها قنابل يدوية»: a verb of seizing or finding governs the weapon named just after it
        (not «ضبطت مشتبها به بعد ساعات من انفجار سيارة مفخخة»)."""
        # (a weapon named, not a verb: «ضبطت الشرطة مشتبها به، وفجر انتحاري نفسه …» tells a blast)
        word = _bare(_no_conjunction(_WORD_RE.match(self.text, trigger).group(0))).removeprefix("ال")
        if word not in _INSTRUMENT_NOUNS:
            return False
        return any((trigger - c.end <= 60 or self.listed(c.end, trigger)) and not self.cues_in("time_link", c.end,
                                                                                              trigger)
                   for c in self.cues_in("seized", s, trigger))

    def listed(self, start: int, end: int) -> bool:
        """«ضبطت 3 أجهزة محمولة، و6 شرائح هاتفية …، وملابس عسكرية، وحزام ناسف»: a list goes on from `start` to
        `end`, its last item joined by «، و», with no sentence break and no other incident word in between."""
        gap = self.text[start:end]
        if len(gap) > 250 or "." in gap or not _LAST_LIST_ITEM.search(gap):
            return False
        return not any(t.payload.kind == "event" and start <= t.start < end
                       for t in self.by_sentence.get(self.sentence_index(start), []))

    def recent_violence(self, si: int) -> bool:
        """An incident of violence was told in this sentence's paragraph, at most two sentences before."""
        earliest = self.view.sentences[max(0, si - 2)][0]
        return any(r["kind"] == "event" and r.get("event_type") in _VIOLENT and r["evidence"]["start"] >= earliest
                   for r in self.records)

    # -------------------------------------------------------------- statements
    def statements(self, si: int, s: int, e: int, hits: list[Hit], *, attribution_only: bool = False,
                   event_hits: list[Hit] = (), institutional: bool = False) -> dict[str, Any] | None:
        """The speech acts of one sentence: a claim apart, the rest as one statement.

        «أعلنت الوزارة القبض على …» reports an event: a generic verb of announcing is then only
        attribution (the event's reported_by), not a statement of its own.
        """
        hits = [h for h in hits if h.payload.role != "plural"] or hits
        # «هجوم انتحاري تبناه تنظيم داعش»: a pronoun claim only with an attack just before it (not «القرار الذي تبناه
        # مجلس الأمن»)
        hits = self.keep(hits, lambda h: not ("attack_before" in h.payload.when and not
                                              _ATTACK_BEFORE.search(self.text, max(s, h.start - 150), h.start)),
                         "a resolution or an idea adopted, no attack claimed")
        # «فيديو يهدد فيه عناصر التنظيم بإعدام ستة أشخاص», not «مجاعة تهدد الملايين»
        hits = self.keep(hits, lambda h: "threat_object" not in h.payload.when or bool(
            _THREAT_OBJECT.search(self.text, h.end, min(e, h.end + 60))), "a threat with nothing threatened")
        # «ونفته السلطات إلى جزيرة نائية»: exiled, not denied
        hits = self.keep(hits, lambda h: not (h.payload.type == "denial" and h.text.endswith(("ه", "ها"))
                                              and _EXILED_TO.match(self.text, h.end)), "exiled to a place, not denied")
        if self.statement_seen:  # «وحصلت الوكالة على التقرير»: the one told before
            hits = self.keep(hits, lambda h: not _definite(self.text, h.start),
                             "a definite noun for a statement already told")
        hits = self.keep(hits, lambda h: h.payload.role != "generic" or _prefix_before(self.text, h.start) not in
                         _MASDAR_HEADS, "«بشأن كشف غموض …»: a verbal noun after a preposition, not a speech act")
        hits = self.keep(hits, lambda h: h.payload.role != "generic" or not _ATTRIBUTION.search(
            self.text, max(s, h.start - 12), h.start), "«بحسب ما أفاد …»: attribution, not a statement")
        # «التقارير التي أفادت بتجميد …»: a relative clause tells what a report said, with no one saying it
        hits = self.keep(hits, lambda h: h.payload.role != "generic" or not _RELATIVE_RIGHT_BEFORE.search(
            self.text, max(s, h.start - 10), h.start), "in a relative clause: what a noun before it said, with no speaker")
        # «وقتل طالب جامعي برصاص …»: a word right after an event's verb is who it struck, not a verb of saying
        hits = self.keep(hits, lambda h: not self.struck_by_event(si, h),
                         "right after an event's verb: who it struck («قتل طالب»), not a speech act")
        if event_hits:
            hits = [self.as_claim(si, s, e, h, event_hits) for h in hits]
        if attribution_only:
            hits = self.keep(hits, lambda h: h.payload.role != "generic",
                             "announces an event reported in the same sentence: attribution, not a statement")
        if not hits:
            return None
        claims = [h for h in hits if h.payload.type == "claim"]
        others = [h for h in hits if h.payload.type != "claim"]
        groups = [g for g in (others, claims) if g]
        claim_rec = None
        for group in groups:
            specific = [h for h in group if h.payload.role == "specific"]
            trig = (specific or group)[0]
            rec = self._base("statement", trig.payload.type, trig, (s, e))
            rec["statement_type"] = trig.payload.type
            rec["provenance"]["statement_type"] = f"trigger «{trig.text}»" + (
                ", announced by an armed group of its own act" if trig.payload.sub_type == _OWN_ACT else "")
            if trig.payload.type == "announcement" and (_DID_NOT.search(self.text, trig.end, e)
                                                         or self.negates_an_incident(trig.end, e)):
                # «أعلنت الوزارة أن قواتها لم تشن ضربات»: what was announced is that an incident did not happen
                rec["statement_type"] = "denial"
                rec["provenance"]["statement_type"] = f"trigger «{trig.text}» with an incident negated after it"
            speaker, how = self.speaker_for(si, s, e, trig)
            # «ندعو»: a first-person verb speaks for the one quoted, wherever named
            close = how.startswith(_CLOSE_SPEAKER) or _first_person(trig)
            set_phrase = _SET_PHRASE.search(self.text, max(s, trig.start - 6), trig.end + 4)
            if trig.payload.role == "present" and (not close or set_phrase):
                speaker = None  # «التي تدين بالولاء», «ما يدعو إلى القلق»: no one speaks
            anonymous = _first_word_in(speaker, _OUTLET_NOUNS) and not (speaker or {}).get("affiliation")
            # «أفاد سكان», not «مصدر في قوات X»
            if trig.payload.role in ("present", "generic") and (speaker is None or (anonymous and not institutional)):
                self.reject(trig, "a present-tense or generic speech verb with no speaker or an anonymous source "
                                  "(«لافتات تطالب», «كشف غموض», «أفاد سكان»)")
                continue
            rec["speaker"] = speaker
            rec["provenance"]["speaker"] = how
            spk_names = _ref_names(speaker)
            # who the statement is about: the actors, the people and the states («اتهم النظام السوري إسرائيل»)
            # named in its sentence, other than the speaker
            about = [dict(a.ref) for a in _in(self.view.actors, s, e)]
            about += [dict(p.ref) for p in _in(self.view.persons, s, e) if p.ref.get("name")]
            about += [_government(p) for p in _in(self.view.places, s, e) if p.kind == "country"
                      and _prefix_before(self.text, p.start) not in ("في", "ب", "وفي", "إلى", "الى", "من")]
            rec["about_actors"] = _dedup([a for a in about if not (_ref_names(a) & spk_names)
                                          and not (speaker and a.get("start") == speaker.get("start"))])
            venue = self.venue(s, e)
            rec["location"] = dict(venue.ref) if venue else None
            if venue:
                rec["provenance"]["location"] = f"place after «{self.text[venue.start - 30:venue.start].split()[-2:]}»"
            rec["about_places"] = _dedup([dict(p.ref) for p in _in(self.view.places, s, e)
                                          if p.kind in ("country", "city", "region", "admin1", "nationality")
                                          and (venue is None or p.start != venue.start)
                                          and _prefix_before(self.text, p.start) not in _ABROAD_NOUNS])
            if not rec["about_places"]:
                home, _ = self.article_country(s)  # «وشدد المبعوث على ضرورة …»: the country the article is about
                rec["about_places"] = [dict(home.ref)] if home is not None else []
            rec["summary"] = None
            self.date_for(rec, s, e, trig.start)
            rec["status"] = None

            self.records.append(rec)
            self.statement_seen = True
            if trig.payload.sub_type == _OWN_ACT:
                self.own_act_claims.add(rec["id"])
            if trig.payload.type == "claim":
                claim_rec = rec
        return claim_rec

    def struck_by_event(self, si: int, hit: Hit) -> bool:
        """«وقتل طالب جامعي»: a verb of saying spelled like a noun, right after an event's verb or before a word
        of study («طالب الطب»), is a person (who the act struck), not a speech act."""
        if _no_conjunction(hit.text.split()[0]) not in _NOUN_LIKE_SPEECH:
            return False
        nxt = _WORD_RE.search(self.text, hit.start + len(hit.text.split()[0]))
        return (nxt is not None and nxt.group(0) in _STUDENT_NEXT) or any(
            t.payload.kind == "event" and 0 <= hit.start - t.end <= 1 and not self.text[t.end:hit.start].strip()
            for t in self.by_sentence.get(si, []))

    def as_claim(self, si: int, s: int, e: int, hit: Hit, event_hits: list[Hit]) -> Hit:
        """«أعلن المتحدث باسم الحوثيين استهداف سفينة»: an armed group announcing its own attack claims it.

        The attack must be the verb's object (after it, no «أن» between): «أفاد مصدر … أن …» only reports."""
        if hit.payload.type != "announcement" or hit.payload.role != "generic":
            return hit
        objects = [t for t in event_hits if t.start > hit.end and not _COMPLEMENTIZER.search(self.text, hit.end, t.start)
                   and not self.cues_in("contrast", hit.end, t.start)]  # «أعلن الخلافة، لكنه فقد …»
        # «أعلنت الحركة مقتل خمسة من مقاتليها» or «صد هجوم»: its losses or its defence, not its own attack
        if not objects or _bare(objects[0].text.split()[0]) in _NOT_OWN_ACT or any(
                w in _NOT_OWN_ACT for w in self.text[hit.end:objects[0].start].split()):
            return hit
        speaker, _ = self.speaker_for(si, s, e, hit)
        group = (speaker or {}).get("affiliation") or speaker
        if not group or group.get("type") not in _ARMED_GROUP_TYPES:
            return hit
        return Hit(hit.start, hit.end, hit.text, replace(hit.payload, type="claim", role="specific", sub_type=_OWN_ACT))

    def speech(self, si: int, s: int, e: int) -> None:
        """«وقال مبعوث الأمم المتحدة غسان سلامة إن …» with no trigger word: what a named speaker said is a
        statement of its own (an announcement; an assessment after «رأى، اعتبر»; an appeal after «طالب»)."""
        for kind in ("announcement", "assessment", "appeal"):
            for cue in self.cues_in(f"speech_{kind}", s, e):
                # «يذكر أن …», «وتجدر الإشارة إلى أن …»: the narrator's opener, not what was said
                lead_start = _narrator_opener_end(self.text, s)
                lead = self.text[lead_start:cue.start]
                # «وكان X، الذي …، قد قال»: a subject told before its verb may be long
                long_ok = bool(_PLUPERFECT_LEAD.match(lead)) and lead.rstrip().endswith("قد")
                if ((len(lead) > 90 and not long_ok) or _COMPLEMENTIZER.search(lead)
                        or self.cues_in("reporting", lead_start, cue.start) or self.struck_by_event(si, cue)):
                    continue  # the verb heads the sentence, after at most a short lead («وعقب الاتفاق، …»; not «وقتل طالب»)
                # a person, an actor, or a country (its government: «واعتبرت إيران أن …») after the verb
                # «ووصف مسؤولون أمريكيون الرئيس الأسد بأنه …»: وصف takes an object, so its speaker comes first
                reach = 3 if "وصف" in cue.text else 40
                named = [m for m in _in(self.view.persons, cue.end, e) + _in(self.view.actors, cue.end, e)
                         if m.start - cue.end < reach and not _COMPLEMENTIZER.search(self.text, cue.end, m.start)]
                named += [p for p in _in(self.view.places, cue.end, min(e, cue.end + 15)) if _speaks_for_state(p)
                          and not self.text[cue.end:p.start].strip() and _SAID_NEXT.match(self.text, p.end)]
                # «وكانت الشرطة قالت إن …», «كان الرئيس X قال»: the subject told before its verb
                named += self.subject_before(s, cue, e)
                if _UNNAMED_BY_CHOICE.search(self.text, cue.end, e):
                    continue  # «مسؤول، طلب عدم ذكر اسمه»: an anonymous source
                source = self.source_phrase(cue.end, e)
                official = not named and (_first_word_in(source, _OFFICIAL_NOUNS | _BODY_NOUNS) or _issued(source)
                                          or self.officials_before(s, cue.start) is not None)
                institutional = self.institutional_source(cue.end, e)
                if not official and not institutional and (not named or _first_word_in(
                        named[0].ref | {"text": named[0].text}, _OUTLET_NOUNS)):
                    continue  # «قال مصدر طبي»: an anonymous source reports, it makes no statement
                entry = TriggerEntry("statement", cue.text, kind, None, (), "generic")
                before = len(self.records)
                self.statements(si, s, e, [Hit(cue.start, cue.end, cue.text, entry)], institutional=institutional)
                if len(self.records) > before:
                    rec = self.records[-1]
                    rec["provenance"]["kind"] = _SPEECH
                    if kind == "announcement":
                        self.what_was_said(rec, cue.end, e)
                return

    def institutional_source(self, start: int, e: int) -> bool:
        """«قال مصدر حكومي …», «قالت مصادر بالإدارة الأميركية …»: an unnamed source right after the verb that
        names the institution it speaks from (see institution_words): its words are that institution's."""
        words = [w.strip("،,.:؛\"«»()") for w in self.text[start:e].split()[:4]]
        if not words or _bare(words[0]) not in _ANONYMOUS_SOURCE:
            return False
        rest = [w[1:] if w.startswith("بال") else "ال" + w[2:] if w.startswith("لل") else w for w in words[1:]]
        if rest and rest[0] in ("في", "من"):
            rest = rest[1:]
        return bool(rest) and (rest[0] in _INSTITUTION_WORDS or normalize_text(rest[0]) in _INSTITUTION_WORDS)

    def what_was_said(self, rec: dict[str, Any], start: int, e: int) -> None:
        """A verb of saying tells no kind of speech act; what was said does: who is behind an attack or involved
        in it is an accusation («إن الجهة التي تقف خلف الهجوم …»), what may come is a warning («قد يشن التنظيم
        هجمات»), and whatever an analyst or a researcher says is an assessment."""
        speaker = rec.get("speaker") or {}
        first = str(speaker.get("role") or speaker.get("text") or "").split()
        if first and _bare(first[0]) in _EXPERT_NOUNS:
            rec["statement_type"], rec["provenance"]["statement_type"] = "assessment", "said by an analyst or expert"
        elif self.negates_an_incident(start, e):
            # «أعلنت الوزارة أن قواتها لم تشن ضربات»: what was said is that an incident did not happen
            rec["statement_type"], rec["provenance"]["statement_type"] = "denial", "what was said negates an incident"
        elif accusing := self.cues_in("accusing", start, e):
            rec["statement_type"] = "accusation"
            rec["provenance"]["statement_type"] = f"what was said names who is behind it («{accusing[0].text}»)"
        elif self.cues_in("likely", start, e) or _QAD_PRESENT.search(self.text, start, e):
            rec["statement_type"], rec["provenance"]["statement_type"] = "warning", "what was said may yet come"

    def continue_statement(self, si: int, s: int, e: int, speaker: dict[str, Any]) -> bool:
        """«وقال لودريان …» after his warning: the same statement goes on; add the sentence and what it adds."""
        if "role" not in speaker:
            return False  # a ministry or a government speaks in separate statements; a person goes on talking
        names = _ref_names(speaker) | ({speaker["text"]} if speaker.get("text") else set())
        earliest = self.view.sentences[max(0, si - 2)][0]
        for rec in reversed(self.records):
            if rec["evidence"]["start"] < earliest:
                break
            if rec["kind"] != "statement" or not (_ref_names(rec.get("speaker")) & names):
                continue
            rec["mentions"].append(_span(self.text, s, e))
            venue = self.venue(s, e)
            if rec.get("location") is None and venue is not None:
                rec["location"] = dict(venue.ref)
                rec["provenance"]["location"] = "place of the speech, in a following sentence by the same speaker"
            return True
        return False

    def speaker_for(self, si: int, s: int, e: int, trig: Hit) -> tuple[dict[str, Any] | None, str]:
        """Arabic puts the speaker after the verb («حذر وزير الدفاع …»), or just before it («وكان المسماري
        نفى»); failing both, the nearest one before it.

        What follows «أن/إن» is what was said, never who said it. After the verb the nearest candidate wins
        (a person over an actor at the same place); a country there speaks for its government («تتهمها
        روسيا»), and a newspaper or agency («ذكرت صحيفة "X"») for itself.
        """
        people = _in(self.view.persons, s, e)
        actors = [a for a in _in(self.view.actors, s, e) if not _is_object(self.view, a)]
        verb_end = trig.start + len(trig.text.split()[0])  # «شدد الوزير على ضرورة»: the speaker inside the phrase
        # «حذرت الولايات المتحدة إيران من …»: a country right after the verb, inside a longer trigger phrase too
        countries = [p for p in _in(self.view.places, verb_end, min(e, verb_end + 25)) if _speaks_for_state(p)]

        def after(pool, reach):
            # (what follows a colon is what was said: «وقال الرئيس: لن يمر اغتيال المحافظ …»)
            return [c for c in pool if verb_end <= c.start <= verb_end + reach
                    and not _COMPLEMENTIZER.search(self.text, verb_end, c.start) and ":" not in self.text[verb_end:c.start]]

        # («قال» takes no object: a word right after it is its subject, «وزير الدفاع، قال مسؤولون …»)
        said_by_next = _no_conjunction(trig.text.split()[0]) in _SAID and self.subject_after(verb_end, e)
        subject = [] if said_by_next else [
            c for c in people + actors if c.end <= trig.start
            and _right_before(self.text, c.end, trig.start, appositive=True)]
        if subject:
            return dict(max(subject, key=lambda c: c.end).ref), "subject right before the trigger"
        # «أميركا تحذر إيران من …»: a country just before the verb speaks for its government
        country_subject = [] if _first_person(trig) else [
            p for p in _in(self.view.places, s, trig.start) if _speaks_for_state(p)
            and not self.text[p.end:trig.start].strip(" \t")
            # «التحالف الذي تقوده واشنطن نفى»: the subject of a relative clause is not the speaker
            and not _RELATIVE_BEFORE.search(self.text, max(s, p.start - 25), p.start)
            and _no_conjunction(_prefix_before(self.text, p.start)) not in _PREPOSITIONS | {"ب", "ل"}]
        if country_subject:
            return _government(country_subject[-1]), "country right before the trigger: its government"
        officials = self.officials_before(s, trig.start)
        if officials is not None:
            return officials, "officials named just before the verb"
        # «ندعو روسيا»: after a first-person verb comes who is addressed, not who speaks
        near = [] if _first_person(trig) else sorted(
            after(people, 60) + after(actors, 40) + after(countries, 15), key=lambda c: (c.start, c not in people))
        # «ووصف مسؤولون أمريكيون الرئيس الأسد …»: unnamed officials or a body right after the verb are its subject;
        # the person named after them is the object
        if near:
            lead = self.source_phrase(verb_end, e)
            if (lead is not None and not self.text[verb_end:lead["start"]].strip()
                    and _first_word_in(lead, _OFFICIAL_NOUNS | _BODY_NOUNS) and near[0].start > lead["start"]):
                return lead, "officials or a body right after the verb, before the one they speak of"
            c = near[0]
            if c in countries:
                return _government(c), "country right after the trigger: its government"
            if c in people and (ref := self.named_after_role(c, people)) is not None:
                return ref, "person right after the trigger, named after the role"
            return dict(c.ref), f"{'person' if c in people else 'actor'} right after the trigger"
        source = self.source_phrase(trig.end, e)
        if _first_word_in(source, _MEDIA_NOUNS | _OFFICIAL_NOUNS | _BODY_NOUNS) or _issued(source):
            return source, "the outlet, officials or statement named right after the trigger"
        # «وجددت الرابطة مطالباتها», «وأعربت الوزارة عن مخاوفها»: a body named inside the trigger phrase
        inner_end = trig.end - len(trig.text.split()[-1])
        inner = self.source_phrase(verb_end, inner_end) if inner_end > verb_end else None
        if _first_word_in(inner, _OFFICIAL_NOUNS | _BODY_NOUNS):
            return inner, "officials or a body named inside the trigger phrase"
        # «وانتقدت المعارضة قرار الحكومة»: a definite noun right after the verb, no incident and no place, is its
        # subject, though no dictionary knows it
        head = _no_conjunction(trig.text.split()[0]).rstrip("\u064b")
        # (a participle, «داعيا كل المطلوبين …», «محذرا الحكومة», has its subject in the clause before: what
        # follows it is its object)
        participle = head.endswith(("ا", "ة")) and (head.startswith("م") or head.startswith("داعي"))
        subject = None if _first_person(trig) or participle else self.source_phrase(verb_end, e)
        # (a definite noun and its adjective, «المعارضة السورية», or a construct, «مدرب المنتخب»; not the object
        # after it, «المعارضة قرار …»)
        words = (subject or {}).get("text", "").split()[:2]
        words = words if len(words) == 2 and words[1].startswith("ال") else words[:1]
        # (only a verb that opens its clause, «وانتقدت المعارضة …», has its subject after it: in «وكان الوزير قد انتقد
        # الحكومة» the subject came first and what follows is the object)
        clause_start, _ = self.clause_around(s, e, trig.start)
        opens_clause = all(w in _CLAUSE_OPENERS for w in self.text[clause_start:trig.start].split())
        if (subject is not None and words and words[-1].startswith("ال") and opens_clause
                and _bare(normalize_text(words[0])) not in _OUTLET_NOUNS
                and not self.text[verb_end:subject["start"]].strip()
                and not any(h.payload.kind == "event" and h.start < subject["end"] and subject["start"] < h.end
                            for h in self.triggers)
                and not any(p.kind != "nationality" for p in _in(self.view.places, subject["start"], subject["end"]))):
            subject["text"] = subject["name"] = " ".join(words)
            subject["end"] = subject["start"] + len(subject["text"])
            return subject, "definite noun right after the verb"
        for pool, who in ((people, "person"), (actors, "actor")):
            before = [x for x in pool if x.end <= trig.start]
            if before:
                return dict(before[-1].ref), f"{who} before the trigger"
        return None, "no speaker found"

    def venue(self, s: int, e: int) -> Mention | None:
        for cue in self.cues_in("venue", s, e):
            for p in _in(self.view.places, cue.end, min(e, cue.end + 40)):
                if p.kind != "nationality":
                    return p
        return None

    # -------------------------------------------------------------- relations
    def relations(self, si: int, s: int, e: int, hits: list[Hit]) -> None:
        spans = self.narrow(s, e, hits)
        for trig, ev in zip(hits, spans, strict=True):
            kind = trig.payload.type
            rec = self._base("relation", kind, trig, ev)
            rec["relation_type"] = kind
            # a leader may pledge for his group («مبايعة عدنان أبو وليد الصحراوي …»): people can be subjects
            people = [p for p in _in(self.view.persons, s, e) if p.ref.get("name")]
            actors = sorted([a for a in _in(self.view.actors, s, e)
                             if not any(p.start <= a.start and a.end <= p.end for p in people)] + people,
                            key=lambda m: m.start)
            before = [a for a in actors if a.end <= trig.start and not _is_object(self.view, a)]
            after = [a for a in actors if a.start >= trig.start]
            subject = obj = None
            masdar = self.view.norm.text[slice(*self.view.norm.from_original(trig.start, trig.end))].lstrip(
                "وفب").startswith("مبايع")
            if kind == "rename":
                subject = before[-1] if before else self.context_actor(si, s)
            elif masdar:  # «مبايعة X لـY»: the one pledging follows the noun, the one pledged to has ل
                subject = next((a for a in after if not _is_object(self.view, a)), None)
                obj = next((a for a in after if subject is None or a.start >= subject.end), None)
            else:  # «X بايع Y», «أعلن X ولاءه لـY»: the one pledging comes first
                inside = [a for a in after if a.start < trig.end and not _is_object(self.view, a)]
                subject = inside[0] if inside else (before[-1] if before else None)
                obj = next((a for a in after if a.start >= trig.end and a is not subject), None)
            if subject is not None and obj is not None and _ref_names(subject.ref) & _ref_names(obj.ref):
                subject = None  # a group does not pledge to itself: the one pledging is not named here
            if subject is None:
                self.reject(trig, "a change between actors whose first actor is not named")
                continue
            rec["subject"] = dict(subject.ref)
            rec["object"] = dict(obj.ref) if obj else None
            rec["provenance"]["subject"] = "actor around the trigger"
            rec["new_name"] = self.new_name(trig, ev[1] if kind == "rename" else e)
            self.date_for(rec, s, e, trig.start)
            rec["status"] = None

            rec.pop("location", None)
            self.records.append(rec)

    def new_name(self, trig: Hit, end: int) -> str | None:
        """The name a group takes: quoted text, or the words up to a comma, after «تحت اسم/تحولها إلى/باسم»."""
        text = self.text
        region = text[trig.start:end]
        for marker in ("تحت اسم", "إلى “", "إلى \"", "باسم", "إلى «"):
            i = region.find(marker)
            if i < 0:
                continue
            rest = region[i + len(marker):]
            if marker.endswith(("“", "\"", "«")):
                close = min([j for j in (rest.find("”"), rest.find("\""), rest.find("»")) if j >= 0] or [-1])
                return rest[:close].strip() if close > 0 else None
            cut = min([j for j in (rest.find("،"), rest.find(","), rest.find(".")) if j >= 0] or [len(rest)])
            name = rest[:cut].strip(" “”\"«»")
            return name or None
        return None

    def context_actor(self, si: int, s: int, exclude: set[str] | None = None,
                      against: int | None = None) -> Mention | None:
        """The latest actor of the preceding sentences that could be the other side: an armed group against a
        state force and a state force against an armed group (two armies or two groups are rarely told apart
        this way)."""
        prev = [a for a in _in(self.view.actors, self.context_start(si), s)
                if not (exclude and _ref_names(a.ref) & exclude) and (a.ref.get("type") or 0) != 7
                and (against is None or ((a.ref.get("type") in _STATE_TYPES) != (against in _STATE_TYPES)
                                         and a.ref.get("type") in (1, 2, 3)))]
        return prev[-1] if prev else None

    # -------------------------------------------------------------- events
    def events(self, si: int, s: int, e: int, hits: list[Hit], claim: dict | None, used: set[int],
               speech: list[dict[str, Any]] = ()) -> None:
        hits = self.keep(hits, lambda h: h.payload.role != "plural", "a plural or generic mention, not one incident")
        # «تحذر إيران من أي هجوم»: any attack is none in particular
        hits = self.keep(hits, lambda h: not _ANY.search(self.text, max(s, h.start - 8), h.start),
                         "«أي هجوم»: any incident, none in particular")
        # «قضت المحكمة بإعدام سبعة متهمين»: a death sentence, not an execution; the count sentenced is no toll
        # of anything else in the sentence («… بتهمة قتل متظاهرين»)
        sentenced = [h for h in hits if "carried_out" in h.payload.when
                     and self.cues_in("sentencing", max(s, h.start - 40), h.start)
                     and not _CARRIED_OUT.search(self.text, max(s, h.start - 40), h.start)]
        hits = self.keep(hits, lambda h: h not in sentenced, "a death sentence passed, not carried out")
        self.not_tolls.update(id(f) for h in sentenced for f in _in(self.view.figures, h.start, min(e, h.end + 30))
                              if not self.text[h.end:f.start].strip())
        # «تمارس الاعتقال العشوائي والتعذيب»: a practice, no incident
        hits = self.keep(hits, lambda h: not any(_PRACTISED.fullmatch(self.text, c.end, h.start)
                                                 for c in self.cues_in("habitual", max(s, h.start - 40), h.start)),
                         "a practice told, not one incident")
        # «وجاء هذا بعد يوم من إعلان الجيش مقتل 71 …»: what an earlier announcement said, the context of the news
        told_earlier: list[Hit] = []
        for h in sorted(hits, key=lambda h: h.start):
            # its object right after «إعلان …», or joined to it by «و» («مقتل 71 … وإلقاء القبض على خمسة»)
            if _EARLIER_ANNOUNCEMENT.search(self.text, max(s, h.start - 60), h.start) or (told_earlier and _JOINED_ON.fullmatch(
                    self.text, told_earlier[-1].end, h.start)):
                told_earlier.append(h)
        hits = self.keep(hits, lambda h: h not in told_earlier,
                         "told by an earlier announcement the news is dated from, not an incident of its own")
        self.not_tolls.update(id(f) for h in told_earlier for f in _in(self.view.figures, h.start, min(e, h.end + 30))
                              if not self.text[h.end:f.start].strip())
        # «احتجزت جماعة مسلحة عشرة رهائن», «احتجزت ناقلة نفط»: hostages or a ship held, no arrest
        hits = self.keep(hits, lambda h: not ("not_held_goods" in h.payload.when and _HELD_NOT_ARRESTED.search(
            self.text, h.end, min(e, h.end + 50))), "hostages, a ship or goods held: no arrest")
        hits = self.keep(hits, lambda h: not ("ground_after" in h.payload.when and not self.ground_after(h.end, e)),
                         "a taking with no ground named after it (a fire, a vehicle, a feeling)")
        # «القضاء على 4 عناصر تكفيرية», «تصفية الصحفيين سفيان …»: killing only with who was killed right after
        # (not «القضاء على الإرهاب»)
        hits = self.keep(hits, lambda h: not ("victim_after" in h.payload.when and not self.victim_after(h.end)),
                         "no count or person killed right after it (a goal, not a killing)")
        if self.cues_in("accident", s, e):  # «مقتل رئيس الوزراء في حادث سير»: no violence
            hits = self.keep(hits, lambda h: h.payload.role == "specific", "a death in a road accident")
        # «اجتاحت السيول المدينة»: an agentive word is an incident only when someone acts in its sentence
        someone = bool(_in(self.view.actors, s, e))
        hits = self.keep(hits, lambda h: h.payload.role != "agentive" or someone, "no actor in its sentence")
        # «طالب مجلس الأمن بنشر قوات»: a development named by a verbal noun after a preposition is asked for
        hits = self.keep(hits, lambda h: not (h.payload.sub_type == "Other" and (
            h.text[:1] in "بل" or _no_conjunction(_prefix_before(self.text, h.start)) in _MASDAR_HEADS)),
                         "a development named after a preposition: asked for or spoken of, not done")
        if any(h.payload.sub_type == "Other" for h in hits):
            hits = self.fighting_over_other(hits, s, e)
        hits = self.keep(hits, lambda h: h.payload.role != "by_agent" or any(
            0 <= a.start - h.end <= 2 for a in _in(self.view.actors, h.end, e)), "a verbal noun with no agent after it")
        hits = [replace(h, payload=replace(h.payload, role="generic")) if h.payload.role in ("agentive", "by_agent")
                else h
                for h in hits]
        # «ضبط أسلحة منها بنادق وقنابل يدوية»: weapons seized are no attack; «خط الهدنة» is a line, no truce
        hits = self.keep(hits, lambda h: not (h.payload.type == "Explosions/Remote violence" and h.payload.role ==
                                              "specific" and self.seized(s, h.start)),
                         "weapons seized or found, not used")
        # «اكتشاف وتفجير 30 عبوة ناسفة», «أحبطت محاولة تفجير سيارة مفخخة»: the bomb named right after a foiled or
        # defused one is what was disrupted, no explosion
        disrupted = [h for h in hits if h.payload.sub_type == "Disrupted weapons use"]
        hits = self.keep(hits, lambda h: not (h.payload.type == "Explosions/Remote violence" and any(
            0 <= h.start - d.end <= 40 or d.start < h.start < d.end for d in disrupted)),
                         "the bomb a foiling or defusing names, not an explosion")
        # «كانوا يرتدون أحزمة ناسفة»: a belt worn describes the bomber; only its blast is an incident
        hits = self.keep(hits, lambda h: not ("not_worn" in h.payload.when and _WORN.search(
            self.text, max(s, h.start - 20), h.start)), "a suicide belt worn, not set off")
        # «مقتل "انتحاريين دواعش"», «القبض على انتحاري»: bombers killed or caught before they struck
        hits = self.keep(hits, lambda h: not (h.payload.sub_type == "Suicide bomb" and h.text.startswith("انتحار")
                                              and _BOMBER_STOPPED.search(self.text, max(s, h.start - 20), h.start)
                                              and not _HIMSELF.match(self.text, h.end)),  # «قتل انتحاري نفسه»
                         "suicide bombers killed or caught, not a bombing")
        hits = self.keep(hits, lambda h: not _NOT_AN_AGREEMENT.search(self.text, max(s, h.start - 10), h.start)
                         or h.payload.sub_type != "Agreement", "«خط الهدنة»: a line, not an agreement")
        # «إصابة 200 بالرصاص واختناق بالغاز المسيل للدموع»: the gas that hurt them, told in a toll
        hits = self.keep(hits, lambda h: not (h.payload.sub_type == _INTERVENTION and (
            self.text[max(s, h.start - 2):h.start].endswith(("ب", "وب")) or _HURT_BY.search(self.text, max(s, h.start - 20), h.start))),
                         "tear gas as what hurt people in a toll, not a protest dispersed")
        if used:  # a tally's sentence: only a trigger naming an incident makes one
            tolls = [f for f in _in(self.view.figures, s, e) if id(f) in used]
            # «قتل عنصران من الأمن ومسلح، الثلاثاء، …، في صراع خلف 70 ألف قتيل»: an incident word with a count of
            # its own, both told before the toll, is that incident
            toll_start = min(f.start for f in tolls)
            counted = any(id(f) not in used and f.end <= toll_start and _CATEGORY_FIELD.get(f.ref.get("category"))
                          for f in _in(self.view.figures, s, e))
            hits = self.keep(hits, lambda h: h.payload.role == "specific" or (
                counted and h.payload.role == "generic" and h.end <= toll_start), "in a tally's sentence: part of the toll")
            # «أسفر عن مقتل عشرات الآلاف، واختطاف الآلاف»: a count joined to the toll is more of the toll
            hits = self.keep(hits, lambda h: not any(_JOINED.fullmatch(self.text, f.end, h.start)
                                                     or f.start <= h.start < f.end for f in tolls),
                             "in a tally's sentence: the toll's own verb, or joined to the toll by و")
        if not [f for f in _in(self.view.figures, s, e) if id(f) not in used]:
            # «وأوضح المصدر أن الاشتباكات وقعت غربي رفح»: alone, it tells the fighting told before again
            if hits and all(h.payload.role == "weak" for h in hits) and self.refers_back(si, s, e, hits, claim,
                                                                                         speech, used):
                for h in hits:
                    self.reject(h, "refers to an incident told before: added to that event as a mention")
                return
            hits = self.keep(hits, lambda h: h.payload.role != "weak",
                             "a definite noun for fighting already known, with no figure in its sentence")
        if hits and self.refers_back(si, s, e, hits, claim, speech, used):
            for h in hits:
                self.reject(h, "refers to an incident told before: added to that event as a mention")
            return
        specific = [h for h in hits if h.payload.role in ("specific", "weak")]
        groups: list[list[Hit]] = []
        seen: dict[str | None, list[Hit]] = {}
        for h in specific:
            key = h.payload.sub_type
            # «خرج المتظاهرون … فأطلقت الشرطة الغاز المسيل للدموع»: one protest, met by a force
            if key == _INTERVENTION:
                key = "Peaceful protest"
            # «انتحاريا شن هجوما بسيارة مفخخة»: a bomber and his car bomb, close together, are one bombing
            if key in _BOMBINGS:
                key = next((k for k in _BOMBINGS if k in seen and any(abs(x.start - h.start) <= 50 for x in seen[k])),
                           key)
            if key in seen:
                seen[key].append(h)
            else:
                seen[key] = [h]
                groups.append(seen[key])
        # «استعادة السيطرة على البلدة بعد معارك», «في هجومه بانتحاريين على المدينة، حيث سيطر على أحيائها»: the
        # fighting or the assault is how the ground changed hands, one incident (a strike from the air or afar
        # stays its own)
        territorial = next((g for g in groups if g[0].payload.sub_type in _TERRITORY), None)
        if territorial is not None:
            for g in [g for g in groups if g[0].payload.sub_type == "Armed clash" or (
                    g[0].payload.sub_type == "Suicide bomb" and abs(g[0].start - territorial[0].start) <= 80
                    and not _MEANWHILE.search(self.text, min(g[0].end, territorial[0].end),
                                              max(g[0].start, territorial[0].start)))]:
                territorial.extend(g)
                groups.remove(g)
        generic = [h for h in hits if h.payload.role == "generic"]
        violent = [g for g in groups if g[0].payload.type in _VIOLENT]
        if groups and generic and not violent and all(h.payload.type in _VIOLENT for h in generic) and any(
                g[0].payload.sub_type == "Agreement" for g in groups):
            # «بعد ساعات من إعلان الهدنة، قتل خمسة مدنيين في قصف»: the killing is no part of the truce
            groups.append(generic)
        elif groups:
            groups[0].extend(generic)
        elif generic and not used:  # in a tally's sentence, «مقتل» is the toll, not an incident
            groups.append(generic)
        if len(groups) > 1:  # «… لتأمين القوات التي خاضت مواجهات»: a relative clause describes, it reports nothing
            kept = [g for g in groups if not _RELATIVE_BEFORE.search(self.text, max(s, min(h.start for h in g) - 20),
                                                                      min(h.start for h in g))]
            for g in groups:
                if g not in kept:
                    for h in g:
                        self.reject(h, "in a relative clause describing an actor, beside another incident")
            groups = kept or groups
        if not groups:
            return
        heads = [min(g, key=lambda h: h.start) for g in groups]
        spans = self.narrow(s, e, heads)
        for group, ev in zip(groups, spans, strict=True):
            self.event(si, s, e, group, ev, claim, used)

    def fighting_over_other(self, hits: list[Hit], s: int, e: int) -> list[Hit]:
        """«أطلق الجيش النار على المسلحين في عملية عسكرية», «أطلقت الشرطة النار رغم حظر التجول»: fighting told in
        the clause of an operation, deployment or curfew is the incident, not what it is told around (but
        «ينتشر الجنود بعد هجوم مانشستر» deploys after an attack told as its reason); a curfew lifted is none."""
        violent = [self.clause_around(s, e, h.start) for h in hits if h.payload.type in _VIOLENT
                   and not self.cues_in("time_link", max(s, h.start - 25), h.start)]
        hits = self.keep(hits, lambda h: h.payload.sub_type != "Other" or self.clause_around(s, e, h.start)
                         not in violent,
                         "an operation, deployment or curfew told with fighting in its clause: the fighting is the incident")
        return self.keep(hits, lambda h: not (h.payload.sub_type == "Other" and _CURFEW_LIFTED.search(
            self.text, max(s, h.start - 12), h.start)), "a curfew lifted or eased, not imposed")

    def refers_back(self, si, s, e, hits: list[Hit], claim, speech, used: set[int]) -> bool:
        """«وتبنت الحركة التفجير», «وأضاف أن جنديين فقدا خلال الهجوم»: a definite mention of an incident told
        before, with no place or date of its own that sets it apart. The sentence becomes a mention of that
        event (adding the claimant and any figure it lacked) instead of a new one."""
        target = self.retold_target(s, hits)
        if target is None:
            return False
        first = min(h.start for h in hits)
        if not self.retells(si, s, e, hits, target, first, claim, used):
            return False
        target["mentions"].append(_span(self.text, s, e))
        if target.get("reported_by") is None:
            reported, how = self.reporter(s, e, si)
            if reported is not None:
                target["reported_by"] = reported
                target["provenance"]["reported_by"] = how + ", in a later sentence about the same incident"
        if target.get("actor1") is None and not speech and claim is None:
            # «أسفر هجوم لجماعة بوكو حرام عن مقتل 18 شخصا» told after «مقتل 18 شخصا في هجوم»: who acted, named
            # right after the incident word (never a group that denies, is accused or speaks)
            group = next((a for a in _in(self.view.actors, s, e) if a.ref.get("type") in _ARMED_GROUP_TYPES
                          and any(0 <= a.start - h.end <= 25 for h in hits) and not _is_object(self.view, a)
                          and not self.cues_in("reporting", max(s, a.start - 15), a.start)
                          and not _ref_names(a.ref) & _ref_names(target.get("actor2"))), None)
            if group is not None:
                target["actor1"] = dict(group.ref)
                target["provenance"]["actor1"] = "armed group acting, in a later sentence about the same incident"
        if claim is not None and claim.get("speaker") and not target.get("claimed_by"):
            target["claimed_by"] = _claimant(claim["speaker"])
            target["provenance"]["claimed_by"] = "claim of the incident in a later sentence"
            if target.get("actor1") is None:
                target["actor1"] = _claimant(claim["speaker"])
                target["provenance"]["actor1"] = "claimant, in a later sentence"
        # «ارتفعت حصيلة التفجير إلى …»: an updated toll replaces the first one; otherwise figures only fill gaps
        update = bool(self.cues_in("tally", s, e))
        updated: dict[str, Mention] = {}
        for f in _in(self.view.figures, s, e):
            key = _CATEGORY_FIELD.get(f.ref.get("category"))
            if _AMONG_THEM.search(self.text, max(s, f.start - 12), f.start):
                continue  # «بينهم طفلان»: a part of the toll, not the toll
            if key in updated and id(f) not in used and self.sides_apart(updated[key], f):
                # «الحصيلة: في صفوفنا مقتل جندي، وفي صفوف العدو مقتل عشرة»
                target[key] = self.added_tolls(target[key], f)
                target["provenance"][key] += f" + «{f.text}» (the dead of each side add up)"
                continue
            if key and id(f) not in used and f.ref.get("best") is not None and key not in updated and (
                    target.get(key) is None or (target[key] or {}).get("best") is None or update):
                # (an uncounted toll told first — «مقتل مسلحين» — takes the count told later)
                updated[key] = f
                target[key] = _figure(f)
                target["provenance"][key] = f"figure «{f.text}», in a later sentence about the same incident" + (
                    " (an updated toll)" if update else "")
        if target.get("target") is None:
            # «… وقع الانفجار في سوق للأسماك»: what was hit, told in a later sentence about the same incident
            lead = min(hits, key=lambda h: h.start)
            civ = [c for c in self.cues_in("civilian_target", s, e) if c.start >= lead.start - 40]
            found = self.find_target(e, lead, hits, [], civ)
            if found is not None:
                target["target"] = found
                target["provenance"]["target"] = "what was hit, in a later sentence about the same incident"
        place, how = self.place_for(s, e, first, _in(self.view.actors, s, e), si)
        # a place of the preceding sentences only if told since the incident was: before it, another incident's
        if (place is not None and (how == "most specific place in sentence"
                                   or place.start >= target["evidence"]["start"])
                and _finer(place.ref, target.get("location"))):
            target["location"] = dict(place.ref)
            target["provenance"]["location"] = "a finer place in a later sentence about the same incident"
        if (_attack_reading(target) and target["evidence"]["end"] <= self.view.title_end
                and self.cues_in("civilian_target", first, e) and not self.cues_in("military_target", s, e)):
            # the headline's «هجوم» is read again in full: an attack on a school or a village hits civilians
            target["event_type"], target["sub_event_type"] = "Violence against civilians", "Attack"
            target["provenance"]["event_type"] = "the headline's attack, told in the body as one on civilians"
        modes = {m for h in hits for m in h.payload.modes}
        if modes - set(target.get("mode") or []):
            target["mode"] = sorted(set(target.get("mode") or []) | modes)
            target["provenance"]["mode"] = "modes named in the sentences about the incident"
        for st in speech:
            st["provenance"]["about"] = f"event {target['id']}"
        return True

    def retold_target(self, s: int, hits: list[Hit]) -> dict[str, Any] | None:
        """The latest incident of a kind this sentence can tell again: «التفجير» or «قتل ثلاثة جنود في هجوم» never
        goes back to arrests or a protest; among acts of violence a report may name one incident differently."""
        earlier = [r for r in self.records if r["kind"] == "event" and r["evidence"]["end"] <= s]
        if not earlier:
            return None
        types = {h.payload.type for h in hits if h.payload.role == "specific"} or {"Battles"}
        # «إن انفجارا هز مقرا للجيش»: a new blast, told with an indefinite noun, tells no shooting again
        blast = all(h.payload.type == "Explosions/Remote violence" and not _definite(self.text, h.start) for h in hits)
        # «ودكت مقاتلات التحالف تحصينات المتمردين» after a ground battle: a strike from the air is its own incident
        strike = any(h.payload.role == "specific" and h.payload.sub_type in _STRIKES for h in hits)
        if blast or strike:  # (only an explosion of the same kind is told again)
            return next((r for r in reversed(earlier) if r.get("event_type") == "Explosions/Remote violence"), None)
        return next((r for r in reversed(earlier) if r.get("event_type") in types
                     or (types <= _VIOLENT and r.get("event_type") in _VIOLENT)), None)

    def retells(self, si: int, s: int, e: int, hits: list[Hit], target: dict[str, Any], first: int, claim,
                used: set[int]) -> bool:
        """Does the sentence tell `target` again? The hand rules below answer; their answer and the facts they
        weigh are the features of the learned decision (`rasd.events.retell`), which has the last word when a
        model is shipped. With `self.decisions`, every question is kept with its features (for training)."""
        # definite or generic triggers («الهجوم», «مقتل»); never after «وفي سياق منفصل»
        # «وأعقب ذلك تبادل لإطلاق النار»: the same incident going on (not «وتلا ذلك غارات إسرائيلية»: a side
        # named with it makes it another's answer)
        anaphoric = all(h.payload.role == "generic" or _definite(self.text, h.start) for h in hits) or bool(
            _WHAT_FOLLOWED.search(self.text, s, first)) and not self.side_named_with(hits, e)
        # «وفي سياق متصل» opens another story unless a definite word or «العملية …» points back («وفي سياق متصل،
        # ارتفعت حصيلة قتلى الهجوم إلى 7»)
        any_definite = any(_definite(self.text, h.start) for h in hits)
        # («هذا الهجوم», «هذه الهجمات»: a demonstrative points back)
        told_again = bool(_TOLD_AGAIN.search(self.text, s, first)) or any(
            _DEMONSTRATIVE.search(self.text, max(s, h.start - 8), h.start) for h in hits)
        separate = bool(_SEPARATE_CONTEXT.search(self.text, s, e)
                        or (_RELATED_CONTEXT.search(self.text, s, e) and not (any_definite or told_again)))
        # «بعد أسبوع من هجوم مماثل»: another incident of the same kind, not the one told before; so is one that
        # another side carries out («واصلت الميليشيات قصفها لقرية …» after «قصفت مدفعية التحالف مواقع …»)
        dated_apart = any(self.dated_from_another(h) for h in hits) or self.another_side_acts(s, e, hits, target)
        # a verb or a bare noun («قتل مسلحون 18 شخصا في هجوم») tells again only an incident of the last sentences;
        # further on, only a definite «الهجوم», or a definite «العملية» before it naming what is told again («…
        # العملية الحالية، وقد أسفرت عن مقتل مئات المتشددين»), reaches back
        last_told = max([target["evidence"]["end"]] + [m["end"] for m in target["mentions"]])
        in_context = last_told >= self.context_start(si)
        ready = anaphoric and not separate and not dated_apart and (any_definite or in_context or told_again)
        if self.decide is None and self.decisions is None:
            return ready and self.same_setting(target, first, s, e)
        setting = self.same_setting(target, first, s, e)
        rule = ready and setting
        features = self.retell_features(si, s, e, hits, target, first, claim, used, last_told)
        features.update(rule=rule, anaphoric=anaphoric, any_definite=any_definite, in_context=in_context,
                        told_again_cue=told_again, separate_cue=separate, dated_from_another=dated_apart,
                        same_setting=setting)
        told, p = self.decide(features) if self.decide is not None else (rule, None)
        if self.decisions is not None:
            self.decisions.append({"start": s, "end": e, "target": target["id"], "features": features,
                                   "rule": rule, "p": p, "told_again": told,
                                   "target_spans": [(target["evidence"]["start"], target["evidence"]["end"])] + [
                                       (m["start"], m["end"]) for m in target["mentions"]]})
        return told

    def retell_features(self, si: int, s: int, e: int, hits: list[Hit], target: dict[str, Any], first: int,
                        claim, used: set[int], last_told: int) -> dict[str, float]:
        """The facts, beyond the rules' own tests, that the learned decision weighs (see retell.FEATURES)."""
        gap = max(0, si - (bisect_right(self.sentence_starts, last_told - 1) - 1))
        specific = [h for h in hits if h.payload.role == "specific"]
        _, clause_end = self.clause_around(s, e, first)
        places = [p for p in _in(self.view.places, s, clause_end) if p.kind != "nationality"]
        loc = target.get("location") or {}
        figures = [f for f in _in(self.view.figures, s, e) if id(f) not in used]
        dead = [f.ref.get("best") for f in figures if _CATEGORY_FIELD.get(f.ref.get("category")) == "fatalities"]
        known_dead = (target.get("fatalities") or {}).get("best")
        named = _ref_names(target.get("actor1")) | _ref_names(target.get("actor2"))
        armed = [a for a in _in(self.view.actors, s, e) if a.ref.get("type") in _ARMED_GROUP_TYPES
                 or _fights(a.ref)]
        return {
            "verb_or_indefinite": any(not _definite(self.text, h.start) for h in specific),
            "same_type": any(h.payload.type == target.get("event_type") for h in hits),
            "same_sub_type": any(h.payload.sub_type == target.get("sub_event_type") for h in hits),
            "other_sub_type": bool(specific) and all(h.payload.sub_type != target.get("sub_event_type")
                                                     for h in specific),
            "gap": min(gap, 5) / 5,
            "next_sentence": gap <= 1,
            "place_named": bool(places),
            "place_apart": any(not _places_agree(loc, p.ref) for p in places),
            "date_named": bool(_in(self.view.dates, s, clause_end)),
            "history_apart": not target.get("background") and any(
                self.is_background(d.ref) and not self.how_long(d, s) for d in _in(self.view.dates, s, clause_end)),
            "own_figure": bool(figures),
            "figure_differs": known_dead is not None and any(d is not None and d != known_dead for d in dead),
            "target_in_headline": target["evidence"]["end"] <= self.view.title_end,
            "target_background": bool(target.get("background")),
            "new_armed_actor": any(not _ref_names(a.ref) & named for a in armed),
            "speech": bool(self.cues_in("reporting", s, e)),
            "claim": claim is not None,
            "time_link": bool(self.cues_in("time_link", max(s, first - 25), first)),
            "several_triggers": len(hits) > 1,
        }

    def one_named_victim(self, lead: Hit, e: int) -> Mention | None:
        """The person a kill word names right after it («مقتل الأنبا إبيفانيوس», «اغتيل اللواء محمد السعيد»),
        or None; not a verb's subject who goes on to kill others (a figure follows then: not asked), and not a
        killing only tried, planned, sentenced or remembered («محاولة اغتيال», «مخططا لاغتيال», «قضت بإعدام»,
        «ذكرى اغتيال»)."""
        if normalize_text(_without_proclitic(lead.text.split()[0])) not in _KILL_OF_ONE:
            return None
        if self.text[lead.start - 1:lead.start] in ("ل", "ب") or _without_proclitic(
                _prefix_before(self.text, lead.start)) in _NOT_KILLED_YET:
            return None
        return next((p for p in _in(self.view.persons, lead.end, e)
                     if p.start - lead.end <= 2 and not self.text[lead.end:p.start].strip()
                     and not _AGENT_AFTER.match(self.text, p.end)), None)

    def named_victim(self, rec: dict[str, Any], lead: Hit, victim: Mention, place: Mention | None, etype: str,
                     s: int, e: int, actors: list[Mention], si: int) -> None:
        """«قتل العقيد محمد مبروك»: one person named as killed is one dead; an officer's rank names his force
        (the police when his own description says so: «ضابط الأمن الوطني»), anyone else killed in an attack is
        a civilian."""
        prov = rec["provenance"]
        if rec["fatalities"] is None:
            rec["fatalities"] = {"best": 1, "low": None, "high": None, "text": self.text[lead.start:victim.end],
                                 "start": lead.start, "end": victim.end}
            prov["fatalities"] = f"one person named as killed: «{victim.text}»"
        if rec["actor2"] is not None or place is None or not place.ref.get("country"):
            return
        rank = normalize_text(str(victim.ref.get("role") or "").split(" ")[0])
        if rank.removeprefix("ال") in _RANKS:
            police = _POLICE_WORDS.search(self.text, victim.start, min(e, victim.end + 40))
            rec["actor2"] = state_force(place.ref["country"], "police" if police else "military")
            prov["actor2"] = f"the force of the officer killed («{victim.text}»)"
        elif etype == "Violence against civilians":
            rec["actor2"] = self.civilians(s, e, lead, actors, si, None)
            prov["actor2"] = f"the person killed («{victim.text}»): a civilian"

    def how_long(self, d: Mention, s: int) -> bool:
        """«الحرب المستمرة منذ 17 عاما»: how long a state has lasted, which dates no incident."""
        return d.text.startswith("منذ") and bool(_LASTING.search(self.text, max(s, d.start - 30), d.start))

    def another_side_acts(self, s: int, e: int, hits: list[Hit], target: dict[str, Any]) -> bool:
        """An armed force or group named as the incident word's agent, other than the one that acted in the
        incident told before, in a sentence no one is quoted telling: right after the word («قصفت مدفعية التحالف»), or before
        a word that carries its pronoun («واصلت الميليشيات قصفها لقرية …»). (A subject before a plain verb may
        be the one hit: «أحد الجنود تعرض لإطلاق نار», «اثنين من أفراد الشرطة قتلا».)"""
        named = _ref_names(target.get("actor1"))  # (the side it hit, acting now, is another incident)
        lead = min(hits, key=lambda h: h.start)
        if not named or self.cues_in("reporting", s, lead.start):
            return False
        own = lead.text.split()[0].endswith(("ها", "هم", "ه"))
        for a in _in(self.view.actors, max(s, lead.start - 30) if own else lead.end, min(e, lead.end + 3)):
            if a.start >= lead.end and a.start - lead.end > 2:
                continue
            if _fights(a.ref) and not _is_object(self.view, a) and not _ref_names(a.ref) & named:
                return True
        return False

    def dated_from_another(self, hit: Hit) -> bool:
        """«بعد أسبوع من هجوم مماثل», «بعد يومين من مقتل 14 مسلحا»: another incident, not the one told before
        (a definite «بعد ساعات من الهجوم» is still that one)."""
        # (an adjective may stand between only after a word for an attack: «في هجوم عنيف آخر»; after «مقتل» the
        # word between is who was killed: «مقتل شرطي آخر», «مقتل جندي جديد متأثرا بإصابته»)
        attack = self.attack_word(hit)
        other = _OTHER_INCIDENT if attack else _OTHER_INCIDENT_NEXT
        new = _NEW_INCIDENT if attack else _NEW_INCIDENT_NEXT
        return bool(other.match(self.text, hit.end) or (
            not _definite(self.text, hit.start) and (_EARLIER_TIME.search(self.text, max(0, hit.start - 40), hit.start)
                                                     or new.match(self.text, hit.end))))

    def date_of_another_noun(self, d: Mention, start: int, s: int) -> bool:
        """«… الاتفاق الذي أبرم في صيف 2015»: a date in a relative clause after the incident word dates the noun
        the clause describes (not «وكان الجيش الذي شن يوم 3 مارس هجوما»: the incident is inside the clause)."""
        m = _DATE_IN_RELATIVE.search(self.text, max(s, d.start - 30), d.start)
        return m is not None and m.start() > start

    def side_named_with(self, hits: list[Hit], e: int) -> bool:
        """A nationality or an actor named right after an incident word («غارات إسرائيلية», «قصف الجيش»)."""
        return any(any(0 <= m.start - h.end <= 2 for m in _in(self.view.actors, h.end, min(e, h.end + 20)))
                   or any(p.kind == "nationality" and 0 <= p.start - h.end <= 2
                          for p in _in(self.view.places, h.end, min(e, h.end + 20))) for h in hits)

    def attack_word(self, hit: Hit) -> bool:
        """The incident word names an attack, a strike or an operation («هجوم», «غارة», «عملية»)."""
        return _bare(_no_conjunction(hit.text.split()[-1])).removeprefix("ال") in _ATTACK_NOUNS

    def sides_apart(self, first: Mention, f: Mention) -> bool:
        """«تكبدت القوات مقتل جندي، في حين أحصينا في صفوف العدو 11 قتيلا»: two counts of different people (soldiers,
        fighters), told side against side; two sources' counts of the same dead never add up."""
        whos = (first.ref.get("who"), f.ref.get("who"))
        if None in whos or whos[0] == whos[1] or first.ref.get("best") is None or f.ref.get("best") is None:
            return False
        a, b = sorted((first.start, f.start))
        return bool(self.cues_in("sides", a, b + 12))

    def added_tolls(self, first: dict[str, Any], f: Mention) -> dict[str, Any]:
        """One figure for two counts, spanning both."""
        a, b = min(first["start"], f.start), max(first["end"], f.end)
        return {"best": (first.get("best") or 0) + f.ref["best"], "low": None, "high": None,
                "text": self.text[a:b], "start": a, "end": b}

    def same_setting(self, target: dict[str, Any], start: int, s: int, e: int) -> bool:
        """No place up to the end of the trigger's clause and no date in the sentence sets it apart from the earlier event:
        a town far from the event's, a place in another country, another absolute date («… استهداف سفينة
        في خليج عدن»)."""
        loc = target.get("location") or {}
        _, clause_end = self.clause_around(s, e, start)
        for p in _in(self.view.places, s, clause_end):  # «وفي بلدة X، استهدف الهجوم …»: what leads counts too
            if p.kind == "nationality":
                continue
            if not _places_agree(loc, p.ref, part_holds_towns=target.get("event_type") not in ("Protests", "Riots")):
                return False
        # «… في قتل 25 مجندا في أوت 2013» told after today's execution: history is another incident; so is one a
        # sentence opens with a date of its own when the incident told before has none («وفي 13 آب/أغسطس الماضي،
        # أطلق مسلحان النار …»)
        return not any((_other_time(target.get("date"), d.ref)
                        or (not target.get("background") and self.is_background(d.ref)))
                       and not self.how_long(d, s)
                       # «… اتفاق الجزائر الذي أبرم في صيف 2015»: the date of something else, in a relative clause
                       and not self.date_of_another_noun(d, start, s)
                       or (not target.get("date") and _OPENING_DATE.fullmatch(self.text, s, d.start) is not None
                           and (_names_month(d.ref.get("text") or "") or bool(d.ref.get("value"))))
                       for d in _in(self.view.dates, s, clause_end))

    def event(self, si, s, e, group: list[Hit], ev, claim, used) -> None:
        view = self.view
        # a specific trigger leads; among generic ones an explosion says more than «هجوم» («في انفجار مماثل»)
        # (and «هجوم» more than a word of killing: «لقي مصرعه خلال التصدي لهجوم»)
        lead = next((h for h in group if h.payload.role == "specific"), None) or next(
            (h for h in group if h.payload.type == "Explosions/Remote violence"), None) or next(
            (h for h in group if h.payload.type == "Battles"), group[0])
        entry: TriggerEntry = lead.payload
        actors = _in(view.actors, s, e)
        # several incidents in one sentence: each takes the figures of its own stretch («مقتل 7 … وتدمير 1200 وكر»)
        figures = [f for f in _in(view.figures, *ev) if id(f) not in used and id(f) not in self.not_tolls]
        places_here = [p for p in _in(view.places, s, e) if p.kind != "nationality"]
        victim = self.one_named_victim(lead, e) if not figures else None
        if entry.role == "generic" and not (figures or places_here or claim or len(actors) >= 1 or victim):
            self.reject(lead, "an incident word with no figure, place or actor in its sentence")
            return
        rec = self._base("event", entry.type, lead, ev)
        prov = rec["provenance"]
        if any(self.dated_from_another(h) for h in group):
            prov["distinct"] = _DISTINCT
        modes = sorted({m for h in group for m in h.payload.modes})
        if "vbied" in modes and self.text.find("انتحار", s, e) >= 0:
            modes.append("suicide")
        rec["mode"] = sorted(set(modes))
        # --- actors
        actors = self.outside_attribution(actors, s, e, lead.start, entry.sub_type in _BOMBINGS)
        actors = self.named_right_after(actors)
        # «جماعة الشباب التابعة للقاعدة»: the body a group belongs to describes that group and takes no part
        # (but «عناصر من خلية تابعة لتنظيم X» names who they are)
        actors = [a for a in actors if not self.affiliation_of_another(a, actors, s)]
        # civilians never act; protesters or rioters do not explode bombs or launch strikes
        passive = {7} | ({5, 6} if entry.type == "Explosions/Remote violence" else set())
        agents = [a for a in actors if not _is_object(view, a) and (a.ref.get("type") or 0) not in passive]
        # «بالتنسيق مع القوات الفرنسية», «بدعم من التحالف»: who helped the one acting, not its opponent
        allies = [a for a in agents if any(a.start - c.end <= 2 for c in self.cues_in("ally", a.start - 30, a.start))]
        agents = [a for a in agents if a not in allies]
        target_verbs = self.cues_in("target_verb", s, e)
        objects = [a for a in actors if a not in agents and a not in allies
                   and a.start >= min(h.start for h in group) - 60]
        actor1 = actor2 = None
        if claim is not None and claim.get("speaker"):
            rec["claimed_by"] = _claimant(claim["speaker"])
            prov["claimed_by"] = "speaker of the claim in the same sentence" + (
                " (the group the spokesman speaks for)" if claim["speaker"].get("affiliation") else "")
        else:
            rec["claimed_by"] = None
        marked = [a for a in agents if _by_hand_of(self.text, a.start)]
        state = self.country_acting(lead, s, e) if entry.type in _STATE_ACTS else None
        if marked:
            actor1 = marked[0]
            prov["actor1"] = "actor named by «على يد / من قبل / بنيران»"
        elif state is not None and not any(_next_to(self.text, a, lead) for a in agents):
            # «أطلقت إيران 20 صاروخا», «إن تركيا شنت غارات»: a country acting is its armed forces
            actor1 = replace(state, ref=state_force(state.ref["country"]))
            prov["actor1"] = f"the country «{state.text}» as the subject of «{lead.text}»: its armed forces"
        elif agents:
            actor1 = min(agents, key=lambda a: (a.start > lead.start + 80, abs(a.start - lead.start)))
            prov["actor1"] = "nearest acting actor in sentence"
        if actor1 is not None:
            agents = [a for a in agents if a is actor1 or a not in self.coordinated(actor1, agents)]
        if objects:
            actor2 = objects[0]
            prov["actor2"] = "actor introduced by ل/ضد/على/مع"
        elif len(agents) > 1:
            actor2 = next(a for a in agents if a is not actor1 and _ref_names(a.ref) != _ref_names(actor1.ref)) \
                if any(_ref_names(a.ref) != _ref_names(actor1.ref) for a in agents if a is not actor1) else None
            if actor2:
                prov["actor2"] = "second actor in sentence"
        reported, how = self.reporter(s, e, si)
        rec["reported_by"] = reported
        if reported:
            prov["reported_by"] = how
        if actor1 is None and reported and "role" not in reported and reported.get("type") in (1, 2, 3) \
                and entry.sub_type in _AUTHORITY_ACTS:
            rec["actor1"] = dict(reported)
            prov["actor1"] = "the authority announcing it"
        elif actor1 is None and reported and reported.get("affiliation"):
            rec["actor1"] = dict(reported["affiliation"])
            prov["actor1"] = "affiliation of the reporting speaker"
        elif actor1 is None and claim is not None and claim.get("speaker"):
            rec["actor1"] = _claimant(claim["speaker"])
            prov["actor1"] = "claimant"
        else:
            rec["actor1"] = dict(actor1.ref) if actor1 else None
        civ_cues = [c for c in self.cues_in("civilian_target", s, e) if c.start >= lead.start - 40]
        mil_cues = [c for c in self.cues_in("military_target", s, e) if c.start >= lead.start - 40]
        rec["target"] = self.find_target(e, lead, group, target_verbs, civ_cues)
        if actor2 is None and rec["actor1"] is not None and entry.type == "Battles":
            ctx = self.context_actor(si, s, exclude=_ref_names(rec["actor1"]), against=rec["actor1"].get("type"))
            if ctx is not None:
                actor2 = ctx
                prov["actor2"] = "opponent named in the preceding sentences"
        rec["actor2"] = dict(actor2.ref) if actor2 else None
        if entry.sub_type in _STRIKES:
            self.striker(rec, group, e)
        if rec["actor1"] and rec["actor1"].get("type") in _STATE_TYPES and (rec["actor2"] or {}).get("type") != 1 \
                and self.cues_in("repel", max(s, lead.start - 20), lead.start):
            # «صد الجيش هجوما شنته جماعة X», «خلال التصدي لهجوم إرهابي»: who attacked comes first (ACLED's order)
            rec["actor1"], rec["actor2"] = rec["actor2"], rec["actor1"]
            prov["actor1"], prov["actor2"] = "the attackers a force repelled", "the force that repelled the attack"
        # --- type from context
        etype, sub = entry.type, entry.sub_type
        whos = {f.ref.get("who") for f in figures if f.ref.get("category") in ("killed", "injured", "abducted")}
        state_here = any(a.ref.get("type") in _STATE_TYPES for a in actors)
        # «هاجم مسلحون قرية وقتلوا 18 شخصا»: an attack whose only victims are people, with no force in the
        # sentence, is violence against civilians
        civilian_victims = (bool(whos) and whos <= {None, "civilians"} and not mil_cues and not state_here
                            and actor2 is None)
        if entry.role == "generic" and entry.type in ("Battles", "Violence against civilians"):
            if (civ_cues and not mil_cues) or civilian_victims or (
                    actor2 is not None and actor2.ref.get("type") == 7):
                etype, sub = "Violence against civilians", "Attack"
            elif mil_cues or (actor2 is not None and actor2.ref.get("type") in (1, 2, 3, 8)):
                etype, sub = "Battles", "Armed clash"
        if etype == "Battles" and any((x or {}).get("type") in (5, 6) for x in (rec["actor1"], rec.get("actor2"))):
            # «مواجهات بين الشرطة والمحتجين»: not armed groups but a violent crowd, coded (as ACLED does) as
            # rioters first and the force they met second
            etype, sub = "Riots", "Violent demonstration"
            if (rec["actor1"] or {}).get("type") not in (5, 6):
                rec["actor1"], rec["actor2"] = rec.get("actor2"), rec["actor1"]
            crowd = dict(rec["actor1"])
            crowd["name"] = str(crowd.get("name") or "").replace("Protesters", "Rioters")
            crowd["type"] = 5
            rec["actor1"] = crowd
            prov["actor1"] = "the crowd in a clash with a force: rioters"
        if sub in ("Non-state actor overtakes territory", "Government regains territory") and rec["actor1"]:
            state = rec["actor1"].get("type") in _STATE_TYPES
            sub = "Government regains territory" if state else "Non-state actor overtakes territory"
        if etype == "Protests" and any(h.payload.sub_type == _INTERVENTION for h in group):
            sub = _INTERVENTION
            # the protesters, then the force that met them (ACLED's order); unnamed protesters are filled below
            sides = [x for x in (rec.get("actor1"), rec.get("actor2")) if x]
            crowd = next((x for x in sides if x.get("type") == 6), None)
            force = next((dict(a.ref) for a in actors if a.ref.get("type") in _STATE_TYPES), None)
            rec["actor1"], rec["actor2"] = crowd, force
            prov["actor1"], prov["actor2"] = "the protesters", "the force that dispersed them"
        if sub == "Remote explosive/landmine/IED" and "suicide" in rec["mode"]:
            sub = "Suicide bomb"
        clause = self.clause_around(s, e, lead.start)
        air = [c for c in self.cues_in("air", *clause) if not _NOT_AIR.search(self.text, max(s, c.start - 12), c.start)
               and _no_conjunction(_prefix_before(self.text, c.start)) not in _TARGET_NOUNS]
        # (an attack named only by its aircraft: the aircraft act — before the incident word or right after its
        # verb — and are not what was hit: «استهداف مقر القوات الجوية»)
        aircraft_act = any(c.start < lead.start or 0 <= c.start - lead.end <= 3 for c in air)
        if air and aircraft_act and (sub == "Shelling/artillery/missile attack" or (
                entry.role == "generic" and etype == "Battles" and not any(
                    (x or {}).get("type") in (2, 3) for x in (rec["actor1"],)))):
            # «استهدف الطيران الحربي بصاروخين»: missiles fired from the air; «قيام قواته الجوية باستهداف غرفة
            # عمليات»: an attack the text names only by its aircraft is an air strike
            etype, sub = "Explosions/Remote violence", "Air/drone strike"
            rec["mode"] = sorted((set(rec["mode"]) - {"artillery"}) | {"airstrike"})
        rec["event_type"], rec["sub_event_type"] = etype, sub
        prov["event_type"] = f"trigger «{lead.text}»" + (" + target words" if (etype, sub) != (entry.type, entry.sub_type)
                                                         else "")
        if civ_cues and rec["actor2"] is None:
            rec["actor2"] = self.civilians(s, e, lead, actors, si, civ_cues[0].text)
            prov["actor2"] = f"civilian target «{civ_cues[0].text}»"
        if rec["actor2"] is None and etype in ("Explosions/Remote violence", "Violence against civilians"):
            # «أسفر التفجير عن مقتل 15 شخصا»: people killed or taken with no force named are civilians (as ACLED
            # codes them); soldiers among the figures are the forces (force_hit)
            if whos and whos <= {None, "civilians"} and not mil_cues:
                rec["actor2"] = self.civilians(s, e, lead, actors, si, None)
                prov["actor2"] = "people killed or taken, with no force named: civilians"
        rec["assoc_actor_1"] = _dedup([dict(a.ref) for a in self.coordinated(actor1, agents) + allies
                                       if actor1 is None or _ref_names(a.ref) != _ref_names(actor1.ref)])
        rec["assoc_actor_2"] = [dict(a.ref) for a in self.coordinated(actor2, objects)]
        if rec["assoc_actor_1"]:
            prov["assoc_actor_1"] = "actor joined to actor1 by و, or helping it («بالتنسيق مع», «بدعم من»)"
        # --- place, date, figures, status
        place, how = self.place_for(s, e, lead.start, actors, si)
        rec["location"] = dict(place.ref) if place else None
        if place:
            prov["location"] = how
            for key in ("actor1", "actor2"):
                rec[key] = _localised(rec[key], place.ref.get("country"))
        if sub == "Arrests":
            self.arrests(rec, lead, e, place)
        if sub in _BOMBINGS and (rec["actor1"] or {}).get("type") in _STATE_TYPES:
            # «أصيب سبعة جنود صوماليين في تفجير انتحاري»: a state force never sets off a bomb or a suicide bomber;
            # named as the one acting, it is the one hit
            if rec["actor2"] is None:
                rec["actor2"], prov["actor2"] = rec["actor1"], "a state force named with a bombing: hit by it"
            rec["actor1"] = None
            prov.pop("actor1", None)
        if (rec["actor1"] is None and rec.get("claimed_by") is None and place is not None and place.ref.get("country")
                and (sub in _BOMBINGS or (etype == "Violence against civilians" and sub in _UNKNOWN_HANDS)
                     or (etype == "Battles" and (rec["actor2"] or {}).get("type") in _STATE_TYPES))):
            # «انفجرت سيارة مفخخة …», «قتل مسلح شرطيين»: no one named acting, once every report is merged: an
            # unidentified armed group of the place's country (as ACLED codes it)
            self.fallbacks.append((rec, "actor1", state_force(place.ref["country"], "unidentified_armed_group"),
                                   "no one named acting: an unidentified armed group of the place's country"))
        if rec["actor2"] is None and etype in ("Battles", "Explosions/Remote violence"):
            force = self.force_hit(s, e, group, rec["actor1"], place)
            if force is not None:
                rec["actor2"], prov["actor2"] = force
        if rec["actor1"] is None and etype in _CROWD and place is not None and place.ref.get("country"):
            name, typ = _CROWD[etype]
            rec["actor1"] = {"text": None, "name": f"{name} ({_country_name(place.ref['country'])})", "id": None,
                             "type": typ}
            prov["actor1"] = f"{etype.lower()} with no named organiser"
        self.date_for(rec, s, e, lead.start)
        if any(_OF_THE_ANNIVERSARY.fullmatch(self.text, c.end, lead.start)
               for c in self.cues_in("anniversary", max(s, lead.start - 40), lead.start)):
            # «الذكرى الخامسة لاغتيال …»: the incident remembered is history, not news
            rec["background"] = True
            rec["provenance"]["background"] = "an incident remembered on its anniversary"
        elif not rec["background"] and self.recalled(s, lead.start):
            rec["background"] = True
            rec["provenance"]["background"] = "told in the pluperfect («وكانت … قد»), as an earlier incident"
        for key in ("fatalities", "injuries", "abducted", "arrested"):
            rec[key] = None
        # a counted figure outranks an uncounted one of the same category («اختطف مسلحون … 14 مدنيا»)
        taken: dict[str, Mention] = {}
        for f in sorted(figures, key=lambda f: f.ref.get("best") is None):
            key = _CATEGORY_FIELD.get(f.ref.get("category"))
            if key and rec[key] is None:
                rec[key] = _figure(f)
                prov[key] = f"figure «{f.text}»"
                taken[key] = f
            elif (key == "fatalities" and etype == "Battles" and key in taken and self.sides_apart(taken[key], f)
                  and not _AMONG_THEM.search(self.text, max(s, f.start - 12), f.start)):
                # «قتل جندي، في حين قتل 10 مسلحين»: the dead of each side add up (as ACLED counts them)
                rec[key] = self.added_tolls(rec[key], f)
                prov[key] += f" + «{f.text}» (the dead of each side add up)"
        rec["status"], how = self.status(s, lead)
        if victim is not None and rec["status"] == "occurred" and not rec.get("background"):
            self.named_victim(rec, lead, victim, place, etype, s, e, actors, si)
        if (rec["status"] == "occurred" and claim is not None and claim["trigger"]["end"] <= lead.start
                and claim["id"] in self.own_act_claims):
            rec["status"], how = "claimed", "known only from the claimant's announcement"
            if rec.get("claimed_by"):
                rec["actor1"] = dict(rec["claimed_by"])
                prov["actor1"] = "the group announcing its own act"
        prov["status"] = how
        if rec.get("actor1") and rec.get("actor2") and _ref_names(rec["actor1"]) == _ref_names(rec["actor2"]):
            # one actor cannot be both sides: keep the side a preposition or the announcing marked
            weak = "actor1" if (prov.get("actor2", "").startswith("actor introduced by")
                                and prov.get("actor1", "").startswith("nearest")) else "actor2"
            rec[weak] = None
            prov[weak] = "dropped: the same actor as the other side"
        self.records.append(rec)
        if etype in _SPLIT_BY_PLACE:
            self.split_by_place(rec, lead, s, e)

    def split_by_place(self, rec: dict[str, Any], lead: Hit, s: int, e: int) -> None:
        """«الهجمات على القنصلية الأميركية في البصرة ومجمع السفارة في بغداد», «غارات على X وY»: towns far apart
        joined after the trigger in its clause are as many incidents, one record each (ACLED codes one event
        per location); the counts, which the text does not share out, stay with the first."""
        loc = rec.get("location") or {}
        if not loc.get("name") or (loc.get("precision") or 4) > 2:
            return
        _, clause_end = self.clause_around(s, e, lead.start)
        towns = [p for p in _in(self.view.places, lead.end, clause_end)
                 if p.kind != "nationality" and (p.ref.get("precision") or 4) <= 2 and not self.is_seat(p)]
        seen = [loc]
        for p in towns:
            if any(_places_agree(x, p.ref) for x in seen):
                continue
            words = _WORD_RE.findall(self.text, max(lead.end, p.start - 40), p.start)
            if words and (words[-1].lstrip("و") in _FROM_TO or (len(words) > 1 and words[-1] in _TOWN_NOUNS
                                                                   and words[-2].lstrip("و") in _FROM_TO)):
                continue  # «مسلحين قادمين من مدينة مصراتة»: where someone came from or went to
            joined = self.text[max(0, p.start - 1):p.start] == "و"  # «النجف والبصرة»
            if not joined and not any(w.startswith("و") and len(w) > 2 and w not in _VAV_NOUNS for w in words):
                continue  # not joined to the first by «و»
            seen.append(p.ref)
            twin = copy.deepcopy(rec)
            twin["id"] = rec["id"][:1] + hashlib.sha1(f"{rec['id']}|{p.start}".encode()).hexdigest()[:15]
            twin["location"] = dict(p.ref)
            twin["mentions"] = []
            for key in (*_CATEGORY_FIELD.values(), "target"):
                twin[key] = None
                twin["provenance"].pop(key, None)
            twin["provenance"]["location"] = f"another town joined after the trigger «{p.text}»"
            self.records.append(twin)

    def affiliation_of_another(self, a: Mention, actors: list[Mention], s: int) -> bool:
        m = _AFFILIATED.search(self.text, max(s, a.start - 16), a.start)
        # (the linker may keep «التابعة» inside the group's span: «حركة الشباب التابعة»)
        return m is not None and any(b is not a and b.start < m.start() <= b.end + 2 for b in actors)

    def striker(self, rec: dict[str, Any], group: list[Hit], e: int) -> None:
        """«غارة أمريكية», «ضربات جوية روسية», «عملية جوية للقوات الفرنسية»: a strike named with a nationality
        or with a force after ل was made by that force; a strike cannot be made «for» someone, so whoever was
        read as acting instead is the side hit."""
        prov = rec["provenance"]
        for h in sorted(group, key=lambda h: h.start):
            nat = next((p for p in _in(self.view.places, h.end, min(e, h.end + 14)) if p.kind == "nationality"
                        and p.ref.get("country") and self.text[h.end:p.start].strip() in _BETWEEN_STRIKE_AND_MAKER
                        and not _MADE_IN.match(self.text, p.end)), None)
            own = next((a for a in _in(self.view.actors, h.end, min(e, h.end + 25))
                        if a.ref.get("type") in (1, 8)
                        and (_prefix_before(self.text, a.start) in ("ل", "لل") or a.text.startswith("لل"))
                        and not self.text[h.end:a.start].strip(" ").count(" ") > 2), None)
            force = (state_force(nat.ref["country"]), f"the strike's nationality «{nat.text}»") if nat else (
                (dict(own.ref), f"the force after «{h.text} ل…»") if own else None)
            if force is None:
                continue
            ref, how = force
            old = rec.get("actor1")
            if old and _ref_names(old) & _ref_names(ref):
                return
            if old and rec.get("actor2") is None:
                rec["actor2"], prov["actor2"] = old, "read as acting, but the strike was another force's"
            if rec.get("actor2") and _ref_names(rec["actor2"]) & _ref_names(ref):
                rec["actor2"] = None
            rec["actor1"], prov["actor1"] = ref, how
            return

    def arrests(self, rec: dict[str, Any], lead: Hit, e: int, place: Mention | None) -> None:
        """«ألقت السلطات القبض على هشام عشماوي»: the person named right after the trigger is the one arrested;
        arrests with no one named making them are the police's of the place's country (as ACLED codes them)."""
        prov = rec["provenance"]
        person = next((p for p in _in(self.view.persons, lead.end, min(e, lead.end + 30))
                       if not self.text[lead.end:p.start].strip(" ،,").replace("على", "").strip()), None)
        if person is not None and (rec["actor2"] is None or rec["actor2"].get("start", -1) < lead.start):
            rec["actor2"] = dict(person.ref)
            prov["actor2"] = "the person named right after the arrest"
        if rec["actor1"] is None and place is not None and place.ref.get("country"):
            # filled only after merging, so that it never keeps apart two reports of the same arrests
            self.fallbacks.append((rec, "actor1", state_force(place.ref["country"], "police"),
                                   "arrests with no one named making them: the police of the place's country"))

    def force_hit(self, s: int, e: int, group: list[Hit], actor1: dict[str, Any] | None, place: Mention | None
                  ) -> tuple[dict[str, Any], str] | None:
        """«فجر انتحاري نفسه في معسكر», «قصف موقع عسكري سوري»: an attack on a camp, a checkpoint or soldiers with
        no one named on that side hit the forces of the nationality named right after, or else (when no state
        force or foreign force did it) of the place's country. Only what the trigger's clause names as hit counts
        (not «… وهرع الجنود إلى المكان»), and never words inside the trigger («فجر جندي منشق عبوة»)."""
        lead = min(group, key=lambda h: h.start)
        c0, c1 = self.clause_around(s, e, lead.start)
        inside = [(h.start, h.end) for h in group]
        for organ in ("police", "military"):
            for c in self.cues_in(f"force_target_{organ}", c0, c1):
                if any(a <= c.start < b for a, b in inside) or (c.start < lead.start and not self.cues_in(
                        "suffered", max(s, c.start - 14), c.start)):
                    continue  # before the trigger, only what suffered it («تعرض معسكر للجيش لهجوم»)
                nat = next((p for p in _in(self.view.places, c.end, min(e, c.end + 25))
                            if p.kind == "nationality" and not self.text[c.end:p.start].strip(" ،,").count(" ")
                            and p.ref.get("country")), None)
                if nat is not None and nat.ref["country"] != (actor1 or {}).get("country"):
                    return state_force(nat.ref["country"], organ), f"forces of the «{nat.text}» {c.text} hit"
                if nat is None and place is not None and place.ref.get("country") and (
                        actor1 is None or actor1.get("type") in (2, 3, 4)):
                    return state_force(place.ref["country"], organ), f"forces of the place's country: «{c.text}» hit"
        return None

    def civilians(self, s: int, e: int, lead: Hit, actors: list[Mention], si: int, text: str | None
                  ) -> dict[str, Any]:
        """The civilians of the country the incident's place is in («Civilians (Mali)»)."""
        place, _ = self.place_for(s, e, lead.start, actors, si)
        return _civilians_of(place.ref.get("country") if place is not None else None, text)

    def named_right_after(self, actors: list[Mention]) -> list[Mention]:
        """«مسلحون من جماعة بوكو حرام», «قتل 96 مسلحا من ميليشيات الحوثي»: unidentified armed men the text goes
        on to name. The named group takes their place (and so their part: who acted or who suffered)."""
        out: list[Mention] = []
        named_for: set[int] = set()
        for a in actors:
            if id(a) in named_for:
                continue
            if out and a.start - out[-1].end <= 1 and _ref_names(a.ref) == _ref_names(out[-1].ref):
                continue  # «للمسلحين المتشددين»: an adjective read as a second actor of the same name
            if str(a.ref.get("name") or "").startswith("Unidentified Armed Group"):
                named = next((b for b in actors if b.ref.get("id") and b.ref.get("type") in (2, 3)
                              and 0 <= b.start - a.end <= 30 and _NAMED_AFTER.fullmatch(self.text, a.end, b.start)),
                             None)
                if named is not None:
                    named_for.add(id(named))
                    a = replace(a, ref=dict(named.ref), how=f"{a.how}, named after it")
            out.append(a)
        return out

    def outside_attribution(self, actors: list[Mention], s: int, e: int, trigger: int, bombing: bool
                            ) -> list[Mention]:
        """«أكدت الحكومة أن مسلحين هاجموا …», «قالت وزارة الدفاع في بيان إن …»: the speaker of a reporting verb
        before the trigger tells of the incident and takes no part in it (unless it is named again after). A force
        may report its own act («أعلن الجيش استعادة …»), but never a bombing; and whoever a «بحسب» names after the
        trigger is the source."""
        def fights(a: Mention) -> bool:  # an armed group may claim its own bombing; a state force never planted it
            return _fights(a.ref) and not (bombing and a.ref.get("type") in _STATE_TYPES)

        later = self.cues_in("reporting", trigger, e)
        # «بحسب الشرطة», «بحسب ما أفادت الشرطة»: the police named as the source are the source, though they
        # fight; an army so named may have struck («بحسب الجيش الأمريكي» after an air strike)
        sourced = [c for c in later if _ACCORDING_TO.search(self.text, max(s, c.start - 10), c.end)]
        actors = [a for a in actors
                  if not (str(a.ref.get("name") or "").startswith("Police") and any(
                      0 <= a.start - c.end <= 2 for c in sourced))
                  and (fights(a) or not any(0 <= a.start - c.end <= 2 for c in later))]
        reps = self.cues_in("reporting", s, trigger)
        if not reps:
            return actors
        rep = reps[0]
        comp = _COMPLEMENTIZER.search(self.text, rep.end, trigger)
        if comp is not None and comp.group(0).endswith(("ه", "ها", "هم", "هما", "هن")):
            return actors  # «أعلنت الوزارة أنها شنت غارات»: the speaker tells of its own act
        if comp is not None:
            return [a for a in actors if a.start >= comp.end() or a.end <= rep.start or fights(a)]
        # «أكدت وزارة الدفاع مقتل زعيم التنظيم»: the subject right after the verb
        speaker = next((a for a in actors if rep.end <= a.start <= rep.end + 2), None)
        if speaker is None or trigger - speaker.end > 40 or re.search(r"[،,.:؛]", self.text[speaker.end:trigger]):
            return actors  # «أعلنت حركة X ولاءها …، شنت …»: the trigger is no object of the verb
        return [a for a in actors if a is not speaker or fights(a)]

    def noun_phrase(self, start: int, end: int) -> dict[str, Any] | None:
        """A noun and the adjective after it («سوق مزدحم»): the target named by a target word."""
        words = [m for m in _WORD_RE.finditer(self.text, start, min(end, start + 40))][:2]
        if len(words) == 2 and (words[1].group(0) in _SOURCE_STOP or words[1].start() - words[0].end() > 1):
            words = words[:1]
        if not words:
            return None
        a, b = words[0].start(), _close_quote(self.text, words[0].start(), words[-1].end())
        return {"text": self.text[a:b], "start": a, "end": b}

    def coordinated(self, head: Mention | None, pool: list[Mention]) -> list[Mention]:
        """Actors joined to `head` by و («سلاح الجو الليبي والأميركي»): associated actors, not opponents."""
        out: list[Mention] = []
        if head is None or re.search(r"(?<!\w)بين\s*$", self.text[max(0, head.start - 8):head.start]):
            return out  # «بين الشرطة والمحتجين»: two sides, not allies
        end = head.end
        for a in sorted(pool, key=lambda x: x.start):
            if a.start < end:
                continue
            gap = self.text[end:a.start].strip(" ،,")
            joined = gap == "و" or (gap == "" and a.text.startswith("و"))
            if not joined:
                break
            out.append(a)
            end = a.end
        return out

    def target(self, target_verbs: list[Hit], lead: Hit, end: int, group: list[Hit] = ()) -> dict[str, Any] | None:
        """What a verb of attacking took as its object («اقتحم المحتجون مبنى المحافظة»): the words after the
        verb, its subject (an actor, a weapon, or the incident word itself: «استهدفت سيارة مفخخة مقرا») and
        any time words, up to a preposition or a comma."""
        incident = [(h.start, h.end) for h in (lead, *group)]
        for cue in target_verbs:
            stop = end
            for marker in (" في ", " ما ", " مما ", "،", ",", " قرب ", " والذي", " الذي", " التي", ".", " ب"):
                j = self.text.find(marker, cue.end + 1, end)
                if 0 <= j < stop:
                    stop = j
            taken = [(a.start, a.end) for a in self.view.actors if cue.end <= a.start < stop] + incident + [
                (d.start, d.end) for d in _in(self.view.dates, cue.end, stop)]  # «… يوم 7 جوان الجاري مجلس …»
            words = []
            for w in _WORD_RE.finditer(self.text, cue.end, stop):
                inside = any(a0 <= w.start() < a1 for a0, a1 in taken)
                # VSO: «قصفت مدفعية التحالف مواقع …», «اجتاح المتشددون مساء السبت قاعدة …»: step over the
                # subject, its weapons («مقاتلات ومدفعية») and the time before the object
                if not words and (inside or w.group(0) in _BEFORE_OBJECT
                                  or (w.group(0).startswith("و") and w.group(0)[1:] in _BEFORE_OBJECT)):
                    continue
                if inside:
                    break
                words.append(w)
                if len(words) == 3:
                    break
            if words and words[0].group(0) not in _PREPOSITIONS:
                a, b = words[0].start(), words[-1].end()
                return {"text": self.text[a:b], "start": a, "end": b}
        return None

    def find_target(self, end: int, lead: Hit, group: list[Hit], target_verbs: list[Hit], civ_cues: list[Hit]
                    ) -> dict[str, Any] | None:
        """What was hit, from the first finder that gives a plausible one: the object of a verb of attacking, what
        follows «على», a civilian place or group, a camp, base or building."""
        finders = (lambda: self.target(target_verbs, lead, end, group), lambda: self.target_on(group, end),
                   lambda: self.noun_phrase(civ_cues[0].start, end) if civ_cues else None,
                   lambda: self.target_place(lead, end))
        return next((t for t in (find() for find in finders) if t is not None and self.plausible_target(t)), None)

    def plausible_target(self, t: dict[str, Any]) -> bool:
        """A target starts with a noun of what was hit: not a nationality («الإيرانية»), a fixed word («الأقل»,
        «متنها»), or a possessive «ل…» («لمقاتلات التحالف»: whose, not what)."""
        first = (t.get("text") or "").split()
        if not first:
            return False
        word = _no_conjunction(first[0])
        stem = re.sub(r"(?:ها|هم|هما|ه)$", "", word)
        if word in _NOT_A_TARGET or stem in _NOT_A_TARGET or (word.startswith("ل") and not word.startswith("لل")
                                                                and len(word) > 3 and word not in _TARGET_NOUNS):
            return False
        if word.startswith("ب") and word[1:] in _INSTRUMENT_NOUNS:
            return False  # «هاجمت بسيارة ملغومة …»: what it was done with
        return not any(p.kind == "nationality" and p.start <= t["start"] < p.end
                       for p in _in(self.view.places, t["start"] - 1, t["end"]))

    def target_place(self, lead: Hit, end: int) -> dict[str, Any] | None:
        """«فجر انتحاري نفسه في معسكر ببلدة …»: a camp, base, checkpoint or building named after the trigger."""
        places = [c for c in self.cues_in("target_place", lead.start, end) if c.start - lead.end <= 60]
        if not places:
            return None
        start = places[0].start
        while start > 0 and self.text[start - 1] in "ال":
            start -= 1  # «داخل المعسكر»: the target from the start of its word
        return self.noun_phrase(start, end)

    def target_on(self, group: list[Hit], end: int) -> dict[str, Any] | None:
        """«هجوم على القصر الرئاسي», «غارات على مواقع الحوثيين», «سيطرت على ميناء …»: what follows «على» close
        after the trigger, up to the next preposition or comma (fixed phrases such as «على الأقل» excluded)."""
        for h in sorted(group, key=lambda h: h.start):
            m = _ON_TARGET.search(self.text, h.start, min(end, h.end + 40))
            if m is None or m.group(1) in _NOT_A_TARGET or self.cues_in("on_fixed", m.start() - 12, m.start() + 3):
                continue
            a = m.start(1)
            words = []
            for w in _WORD_RE.finditer(self.text, a, min(end, a + 60)):
                gap = self.text[words[-1].end():w.start()] if words else ""
                if words and (gap.strip(_QUOTES + " ") or w.group(0) in _TARGET_STOP or len(words) == 5):
                    break
                words.append(w)
            if words:
                b = _close_quote(self.text, a, words[-1].end())
                return {"text": self.text[a:b], "start": a, "end": b}
        return None

    def triggers_between(self, start: int, end: int) -> list[Hit]:
        """The triggers of the sentence holding `start` that lie between `start` and `end`."""
        return [t for t in self.by_sentence.get(self.sentence_index(start), []) if start <= t.start < end]

    def negates_an_incident(self, start: int, end: int) -> bool:
        """An incident word between `start` and `end` that the text negates («… أن قواتها لم تشن غارات»)."""
        return any(t.payload.kind == "event" and self.negated(t, start) for t in self.triggers_between(start, end))

    def negated(self, hit: Hit, start: int) -> bool:
        """«لم تشن القوات ضربات», «لن نسمح بهجوم»: a negation before the incident word or its verb (not «لا
        سيما», «لا يزال», nor past a comma)."""
        m = _NEGATED.search(self.text, max(start, hit.start - 25), hit.start)
        if m is None or _NOT_A_NEGATION.match(self.text, m.start()):
            return False
        # (a verb whose subject the incident is says nothing of whether it happened: «لم يسفر الهجوم عن …»,
        # «لم يتبن الهجوم أحد», «لن يمر اغتيال …»)
        between = self.text[m.start():hit.start].split()[1:]
        return not any(_bare(_no_conjunction(w)) in _NOT_NEGATING for w in between)

    def status(self, s: int, lead: Hit) -> tuple[str, str]:
        clause_start = max([c0 for c0, _ in clause_spans(self.text, s, lead.start + 1) if c0 <= lead.start] or [s])
        window_start = max(clause_start, lead.start - 60)
        # «ونفت الوزارة، في بيان، استهداف …»: a denial governs its object past an inserted clause
        denials = [c for c in self.cues_in("denied", s, lead.start)
                   if not self.cues_in("contrast", c.end, lead.start) and not self.cues_in("denied_link", c.end,
                                                                                       lead.start)
                   and not _COMPLEMENTIZER.search(self.text, c.end, lead.start)]
        if denials and lead.start - denials[-1].end <= 120:
            return "denied", f"«{denials[-1].text}» governs the trigger"
        if self.text[lead.start - 1:lead.start] == "ب" and _THREATENING.search(self.text, max(s, lead.start - 60),
                                                                               lead.start):
            return "threatened", "«يهدد … ب…» before the trigger"
        if self.negated(lead, window_start):
            return "denied", "negated: «لم/لن/لا» before the trigger (the report says it did not happen)"
        for name in ("denied", "threatened", "planned", "hypothetical", "expected"):
            found = [c for c in self.cues_in(name, window_start, lead.start)
                     if name != "expected" or not _perfect_qad(self.text, c, clause_start, bool(
                         self.cues_in("past_after_qad", c.end, c.end + 12)))]
            if found:
                return name, f"«{found[-1].text}» before the trigger"
        return "occurred", "no modal, threat or denial cue before the trigger"


_AUTHORITY_ACTS = {"Arrests", "Disrupted weapons use", "Government regains territory"}


def _perfect_qad(text: str, cue: Hit, clause_start: int, past_listed: bool) -> bool:
    """«قد» before a past verb states what happened («وكان مسلحون قد نصبوا كمينا»); only before a present verb
    («قد يشن») does it say «may». Past verbs that look present («قد تعرض», «قد نفذ») are listed in cues.tsv
    (`past_after_qad`) and come in as `past_listed`."""
    if cue.text.lstrip("وف") != "قد":
        return False
    nxt = _WORD_RE.search(text, cue.end)
    if nxt is None:
        return False
    verb = nxt.group(0)
    if past_listed or _PLUPERFECT.search(text, clause_start, cue.start):
        return True  # «كان … قد فعل»: the pluperfect
    return not verb.startswith(("ي", "ت", "ن")) or verb.endswith(("وا", "ت"))


def _issued(source: dict[str, Any] | None) -> bool:
    """«بيان القيادة»: a statement speaks for its issuer (not «البيان», the one already told)."""
    return bool(source) and source["text"].startswith("بيان ")


def _fights(ref: dict[str, Any]) -> bool:
    """A force or an armed group, which may report its own act («أعلن الجيش استعادة …»); not a government,
    ministry or international body, which tells of what others did."""
    return ref.get("type") in (1, 2, 3) and not str(ref.get("id") or "").startswith("government") \
        and not str(ref.get("name") or "").startswith("Government")


def _speaks_for_state(place: Mention) -> bool:
    """A country, or its capital, as the subject of speech: its government («أميركا تحذر», «نفت طهران»)."""
    return place.kind == "country" or place.how == "capital"


def _government(place: Mention) -> dict[str, Any]:
    """The government a country's name stands for when it speaks («تتهمها روسيا»)."""
    cc = place.ref.get("country")
    return {"text": place.text, "name": f"Government of {_country_name(cc)}", "id": f"government_{cc.lower()}"
            if cc else None, "type": 1, "country": cc, "start": place.start, "end": place.end}


def _close_quote(text: str, a: int, b: int) -> int:
    """The end of text[a:b], taking in a closing quote whose opening one is inside («قناة "المسيرة"»)."""
    return b + 1 if b < len(text) and text[b] in _QUOTES and text.count(text[b], a, b) % 2 else b


# «قال» takes no object: the word right after it is its subject; what else may follow a verb of saying (a
# complementizer, a preposition, when it was said) names no speaker
_SAID = _word_list("said_no_object")
_SAID_OPENERS = _word_list("after_saying_no_speaker")
_BEFORE_VERB = re.compile(r"\s*(?:قد\s+)?")
_BEFORE_VERB_APPOSITIVE = re.compile(r"[\s\"“”«»،,]*(?:قد\s+)?")


def _next_to(text: str, m: Mention, hit: Hit) -> bool:
    """Only spaces (or a comma after the verb) between a mention and an incident word, on either side."""
    if m.start >= hit.end:
        gap = text[hit.end:m.start]
        return len(gap) <= 2 and not gap.strip(" ،,")
    gap = text[m.end:hit.start]
    return len(gap) <= 1 and not gap.strip()


def _narrator_opener_end(text: str, s: int) -> int:
    """Where the sentence proper starts after a narrator's opener («يذكر أن …», «وتجدر الإشارة إلى أن …»)."""
    opener = _NARRATOR_OPENER.match(text, s)
    return opener.end() if opener else s


def _right_before(text: str, end: int, verb: int, appositive: bool = False) -> bool:
    """Nothing but spaces and a whole-word «قد» between a subject ending at `end` and its verb at `verb`
    («وكانت الشرطة قد قالت»); with `appositive`, also the comma or quote that closes a name in apposition
    («وكان رئيس الوزراء، حيدر العبادي، قال»)."""
    return (_BEFORE_VERB_APPOSITIVE if appositive else _BEFORE_VERB).fullmatch(text, end, verb) is not None


def _balanced(text: str) -> bool:
    """Every quotation mark of the text is closed (straight quotes in pairs, «» and “” matched)."""
    return text.count('"') % 2 == 0 and text.count("«") == text.count("»") and text.count("“") == text.count("”")


def _figure(f: Mention) -> dict[str, Any]:
    r = f.ref
    return {"best": r.get("best"), "low": r.get("low"), "high": r.get("high"), "text": f.text,
            "start": f.start, "end": f.end}


def _ref_names(ref: dict[str, Any] | None) -> set[str]:
    if not ref:
        return set()
    return {v for k in ("name", "id") if isinstance(v := ref.get(k), str) and v}


_GENERIC_NAMES = ("Civilians", "Unidentified Armed Group", "Protesters", "Rioters")


def _localised(ref: dict[str, Any] | None, country: str | None) -> dict[str, Any] | None:
    """A generic actor («Civilians (X)») belongs to the country where the event happened."""
    if not ref or not country or ref.get("id") not in (None, "") and not str(ref.get("id")).startswith("generic"):
        return ref
    name = str(ref.get("name") or "")
    base = next((g for g in _GENERIC_NAMES if name.startswith(g)), None)
    if base is None:
        return ref
    return dict(ref, name=f"{base} ({_country_name(country)})", country=country)


def _compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Two references that may name the same actor: one is missing, or one name's words hold the other's."""
    if not a or not b:
        return True
    na, nb = str(a.get("name") or ""), str(b.get("name") or "")
    # «المهاجمون» and the group named elsewhere: an unidentified armed group may be any armed group
    for x, y in ((na, b), (nb, a)):
        if x.startswith("Unidentified Armed Group") and y.get("type") in (2, 3, 4, None):
            return True
    wa, wb = set(na.lower().split()), set(nb.lower().split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _dedup(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for r in refs:
        key = r.get("id") or r.get("name") or r.get("country") or r.get("text")
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


@cache
def _country_names() -> dict[str, str]:
    rows = load_tsv("gazetteer/countries.tsv")
    header = rows[0]
    iso, name = header.index("iso2"), header.index("name_en")
    return {r[iso]: r[name] for r in rows[1:]}


def _country_name(cc: str | None) -> str:
    """English country name for generic actors such as «Civilians (Chad)»."""
    return _country_names().get(cc or "", cc or "")


def _civilians_of(country: str | None, text: str | None) -> dict[str, Any]:
    """ACLED's generic actor for the civilians of a country («Civilians (Mali)»)."""
    return {"text": text, "name": f"Civilians ({_country_name(country)})" if country else "Civilians", "id": None,
            "type": 7}


def _civilians_hit(records: list[dict[str, Any]]) -> None:
    """Violence against civilians, or a chemical attack, with no one named as hit, once all is merged: the
    civilians of the incident's country, as ACLED codes it (after merging, so that the default never keeps two
    tellings apart)."""
    for rec in records:
        if rec["kind"] == "event" and rec.get("actor2") is None and (
                rec.get("event_type") == "Violence against civilians" or rec.get("sub_event_type") == "Chemical weapon"):
            rec["actor2"] = _civilians_of((rec.get("location") or {}).get("country"), None)
            rec["provenance"]["actor2"] = "violence against civilians or a chemical attack, no one named as hit: civilians"


def _same_incident(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] == "relation":
        return bool(a["relation_type"] == b["relation_type"] and a.get("subject") and b.get("subject")
                    and _compatible(a["subject"], b["subject"]) and _compatible(a.get("object"), b.get("object")))
    if a["kind"] != "event" or a.get("sub_event_type") != b.get("sub_event_type"):
        return False
    if _DISTINCT in ((a.get("provenance") or {}).get("distinct"), (b.get("provenance") or {}).get("distinct")):
        return False
    # (protests in towns of one part of a country are as many protests)
    if not _places_agree(a.get("location") or {}, b.get("location") or {},
                         part_holds_towns=a.get("event_type") not in ("Protests", "Riots")):
        return False
    if _other_time(a.get("date"), b.get("date") or {}, days=True) or bool(a.get("background")) != bool(b.get("background")):
        return False
    if a.get("status") != b.get("status"):
        return False
    if _compatible(a.get("actor1"), b.get("actor1")) and _compatible(a.get("actor2"), b.get("actor2")):
        return True
    # a battle told from either side: «قتل 96 مسلحا من الحوثيين» and «الحوثيون خاضوا مواجهات مع …»
    return a.get("event_type") == "Battles" and _compatible(a.get("actor1"), b.get("actor2")) and _compatible(
        a.get("actor2"), b.get("actor1"))


def _finer(new: dict[str, Any] | None, old: dict[str, Any] | None) -> bool:
    """A place that says more about where the incident was: there was none, or a finer one inside the same
    country («في هجوم بالصومال» told again as «وقع هجوم في غوبالاند»)."""
    if not new or not new.get("name"):
        return False
    if not old or not old.get("name"):
        return True
    same_country = not old.get("country") or new.get("country") == old.get("country")
    # only a province or a country gives way: «قرب بلدة X» (2) says as much as «X» (1) told again; a town
    # abroad replaces only a country («قرب حدود الجزائر» told again as «في جندوبة»)
    if not same_country:
        return (old.get("precision") or 4) == 4 and (new.get("precision") or 4) <= 2
    return (old.get("precision") or 4) >= 3 and (new.get("precision") or 4) < (old.get("precision") or 4)


def _first_person(trig: Hit) -> bool:
    """A present-tense verb in the first person plural («ندعو», «وننفي»); not a past verb that starts with ن
    («نفت الوزارة», «ندد»)."""
    return trig.payload.role == "present" and trig.text.lstrip("وف").startswith("ن")


def _definite(text: str, start: int) -> bool:
    """The word at `start` carries the article (ال، or لل after ل): a thing already known."""
    return text[max(0, start - 2):start] in ("ال", "أل", "لل") or text.startswith("ال", start)


def _first_word_in(ref: dict[str, Any] | None, words: set[str]) -> bool:
    """The reference's text starts with one of the words («المصدر» counts as «مصدر»)."""
    text = (ref or {}).get("text") or ""
    return bool(text.split()) and _bare(text.split()[0]) in words


def _names(ref: dict[str, Any] | None) -> set[str]:
    """Names and, for an unnamed speaker, the words that refer to it."""
    return _ref_names(ref) | ({ref["text"]} if ref and ref.get("text") else set())


def _claimed_elsewhere(records: list[dict[str, Any]]) -> None:
    """«تبنى داعش تفجير كنيستي طنطا والإسكندرية», then each blast told in its own sentence: when the article has
    one claimant, and its claim is about an incident of some type, the other incidents of that type that no one
    is named acting in (not history) are claimed by it, and it acted (as ACLED codes a claimed attack)."""
    events = {r["id"]: r for r in records if r["kind"] == "event"}
    claims = [r for r in records if r["kind"] == "statement" and r.get("statement_type") == "claim"
              and r.get("speaker") and r.get("status") in (None, "occurred")]
    claimants = {str(_claimant(c["speaker"]).get("name") or "") for c in claims}
    if len(claimants) != 1 or not next(iter(claimants)):
        return
    # what the claims are about: the incident each names, or those told in the claim's own sentence
    about = [events.get(str(c["provenance"].get("about", "")).removeprefix("event ")) for c in claims]
    about += [ev for ev in events.values() for c in claims if ev["evidence"]["start"] == c["evidence"]["start"]]
    types = {ev["event_type"] for ev in about if ev is not None}
    claimant = _claimant(claims[0]["speaker"])
    for ev in events.values():
        if ev["event_type"] in types and ev.get("actor1") is None and ev.get("claimed_by") is None \
                and not ev.get("background"):
            ev["claimed_by"], ev["actor1"] = dict(claimant), dict(claimant)
            ev["provenance"]["claimed_by"] = ev["provenance"]["actor1"] = (
                f"the article's one claimant («{claims[0]['evidence']['text'][:40]}…»)")


def _claimant(speaker: dict[str, Any]) -> dict[str, Any]:
    """Who claims: a spokesman's group, else the speaker."""
    return dict(speaker.get("affiliation") or speaker)


def _bare(word: str) -> str:
    """A word without its article («المصدر» → «مصدر»)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _other_time(known: dict[str, Any] | None, new: dict[str, Any], days: bool = False) -> bool:
    """A date that cannot be the known one: another value, or, unresolved (no publication date), other words
    («مطلع مايو» after «الجمعة»). With `days` (two records told apart, not a sentence pointing back to one),
    also «اليوم» against «أمس»: an incident's date is often its announcement's («أعلن الجيش اليوم مقتل … وكانت
    الاشتباكات قد اندلعت أمس»), which a definite word pointing back overrides."""
    if not known:
        return False
    if known.get("value") and new.get("value"):
        return not _same_time(known["value"], new["value"])
    # unresolved: words naming a month, or two days counted back from the publication that differ («اليوم»,
    # «أمس الأربعاء»); weekdays alone are too loose
    return bool(known.get("text") and new.get("text") and known["text"] != new["text"]
                and (_names_month(known["text"]) or _names_month(new["text"])
                     or (days and other_day(known["text"], new["text"]))))


def _first_day(value: str | None) -> date | None:
    """The first day a date value («2018», «2018-02», «2018-02-09») can name."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        return date(*(parts + [1, 1])[:3])
    except ValueError:
        return None


def _last_day(value: str) -> date | None:
    """The last day a date value can name."""
    parts = [int(p) for p in value.split("-")]
    y, m, d = (parts + [12, 31])[:3] if len(parts) == 1 else (parts + [28])[:3]
    try:
        return date(y, m, d)
    except ValueError:
        return None


@cache
def _years_ago(text: str) -> int:
    """How many whole years back an unresolved «منذ أربع سنوات» / «قبل عامين» reaches (0 for anything else):
    the expression is resolved against a stand-in publication date."""
    from ..dates import find_dates

    stand_in = date(2000, 12, 31)
    found = find_dates(text, stand_in.isoformat())
    if len(found) != 1 or found[0].rule != "ago" or not found[0].value:
        return 0
    return stand_in.year - int(found[0].value[:4])


def _names_month(text: str) -> bool:
    """The date words name a month («مطلع مايو»), not only a weekday or a relative day."""
    from ..dates import month_lexicon

    months = month_lexicon()
    return any(w in months for w in re.split(r"[\s/،,()-]+", normalize_text(text)))


def _same_time(a: str, b: str) -> bool:
    """Two date values can name one day: equal, or one is the month or year holding the other."""
    return a.startswith(b) or b.startswith(a)


def _places_agree(a: dict[str, Any], b: dict[str, Any], part_holds_towns: bool = True) -> bool:
    """Two places can hold one incident: the same name, a country or province and a town inside it, or two
    points within 50 km (a town and the village next to it, named by two reports)."""
    if not a.get("name") or not b.get("name") or a["name"] == b["name"]:
        return True
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    anchors = [(p.get("anchor") or {}).get("name") for p in (a, b)]
    if anchors[0] and anchors[0] == anchors[1]:
        return True  # «شمال مقديشو», «70 كلم شمال مقديشو»: two readings of one direction from one town
    coarse, fine = sorted((a, b), key=lambda p: p.get("precision") or 4, reverse=True)
    if part_holds_towns and (coarse.get("anchor") or {}).get("precision") == 4 and not coarse.get("distance_km") and None not in (
            coarse.get("lat"), fine.get("lat")) and _km(coarse["lat"], coarse["lon"], fine["lat"], fine["lon"]) <= 300:
        return True  # «شمال شرق نيجيريا»: a part of the country, whose province is only that of its centre
    if (coarse.get("precision") or 4) >= 3:  # a province holds only its own towns
        return not (coarse.get("admin1") and fine.get("admin1") and coarse["admin1"] != fine["admin1"])
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return False
    # (a point projected from a distance, «200 كلم من يولا», is as good as a fifth of that distance)
    slack = max([50.0] + [0.25 * float(p["distance_km"]) for p in (a, b) if p.get("distance_km")])
    return _km(a["lat"], a["lon"], b["lat"], b["lon"]) <= slack


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _filled(rec: dict[str, Any]) -> int:
    return sum(1 for k, v in rec.items() if k not in ("mentions", "provenance") and v not in (None, [], False))


def _headline_twin(rec: dict[str, Any], out: list[dict[str, Any]], title_end: int) -> dict[str, Any] | None:
    """A headline summarises the story: its record is the body's first record of the same kind and type."""
    key = ("event_type", "sub_event_type", "statement_type", "relation_type")
    if rec["evidence"]["start"] < title_end or (rec.get("provenance") or {}).get("distinct") == _DISTINCT:
        return None
    if rec.get("background"):
        return None  # history told in the body is not what the headline tells
    for o in out:
        if o["evidence"]["end"] <= title_end and o["kind"] == rec["kind"] and (
                all(o.get(k) == rec.get(k) for k in key) or _attack_reading(o) and _attack_reading(rec)
                # «هجوم انتحاري» over «هجوم بسيارة مفخخة»: one bombing, named by the bomber or by the bomb (when
                # no body sentence has been read as the headline's bombing yet: two churches, two bombings)
                or ({o.get("sub_event_type"), rec.get("sub_event_type")} <= _BOMBINGS
                    # «قتلى في هجوم على موكب عسكري» over «هاجمت بسيارة ملغومة موكبا»: the headline's bare attack
                    # is the body's bombing
                    or _attack_reading(o) and rec.get("sub_event_type") in _BOMBINGS
                    # «القضاء على 6 من قادة داعش» over «مقتل 6 قياديين … في غارة جوية»: the same count killed
                    or _attack_reading(o) and rec["kind"] == "event" and _same_dead(o, rec)
                    and _compatible(o.get("actor1"), rec.get("actor1")) and _compatible(o.get("actor2"), rec.get("actor2")))
                and not any(m["start"] >= title_end for m in o["mentions"])
                and _places_agree(o.get("location") or {}, rec.get("location") or {})) and (
                rec.get("statement_type") != "announcement" or _same_speaker(o.get("speaker"), rec.get("speaker"))):
            return o  # (a headline's announcement is the body's only when the same one speaks)
    return None


def _same_dead(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Both records count the same dead (a known, non-zero number)."""
    x, y = (a.get("fatalities") or {}).get("best"), (b.get("fatalities") or {}).get("best")
    return bool(x) and x == y


def _same_speaker(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Unknown on either side, or a name or the words for an unnamed speaker in common."""
    return not a or not b or bool(_names(a) & _names(b)) or (bool(a.get("name")) and _compatible(a, b))


def _attack_reading(rec: dict[str, Any]) -> bool:
    """A bare «هجوم» read as a clash or as an attack on civilians, as its sentence's words decide: a headline
    and the body may read the same attack either way."""
    return (rec.get("event_type"), rec.get("sub_event_type")) in _ATTACK_READINGS


def merge_records(records: list[dict[str, Any]], *, title_end: int = 0) -> list[dict[str, Any]]:
    """One incident, one record: records telling the same event or relation twice become one, with mentions."""
    out: list[dict[str, Any]] = []
    for rec in records:
        twin = _headline_twin(rec, out, title_end) if title_end else None
        twin = twin or next((o for o in out if o["evidence"] != rec["evidence"] and _same_incident(o, rec)), None)
        if twin is None:
            out.append(rec)
            continue
        keep, other = (twin, rec) if _filled(twin) >= _filled(rec) else (rec, twin)
        keep["mentions"] = keep["mentions"] + [other["evidence"]] + other["mentions"]
        if keep.get("kind") == "event":
            keep["mode"] = sorted(set(keep.get("mode") or []) | set(other.get("mode") or []))
            if _attack_reading(twin) and _attack_reading(rec):  # the body, told in full, reads the attack
                keep["event_type"], keep["sub_event_type"] = rec["event_type"], rec["sub_event_type"]
            if _finer(other.get("location"), keep.get("location")):
                keep["location"] = other["location"]
        for k, v in other.items():
            if keep.get(k) in (None, []) and v not in (None, []):
                keep[k] = v
            elif k in _CATEGORY_FIELD.values() and (keep.get(k) or {}).get("best") is None and (v or {}).get("best"):
                keep[k] = v  # «مقتل مسلحين» in the headline, «قتل 11 مسلحا» in the body: the count
        if keep is rec:
            out[out.index(twin)] = rec
    return out


def build_records(view: DocView, rejected: list[dict[str, Any]] | None = None, *, decide: Decide | None = None,
                  decisions: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """All records of one document. Triggers that made no record are appended to `rejected` with the reason.
    For training and what-if runs: `decide` answers the told-again question instead of the shipped model
    (`rules_only` lets the hand rules decide), and `decisions` receives every such question with its features."""
    builder = _Builder(view, decide=decide, decisions=decisions)
    records = builder.run()
    if rejected is not None:
        rejected.extend(sorted(builder.rejected, key=lambda r: r["start"]))
    return records
