#!/bin/sh
# Re-draws the corpus references of the dates and numbers benchmark (seeded; run from the project root).
# Each draw writes one file of references; annotations were then added by hand to items.jsonl.
set -e
S="${PY:-.venv/bin/python} bench/sample_corpus.py"
OUT="${1:-/tmp/rasd_dates_draws}"
mkdir -p "$OUT"
MONTHS_EAST='يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|أيلول|تشرين'
MONTHS_WEST='جانفي|فيفري|أفريل|ماي |جوان|جويلية|أوت|يوليوز|غشت|شتنبر|نونبر|دجنبر'
RELATIVE='أمس|الماضي|الماضية|المنصرم|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|منذ'
HIJRI='محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|القعدة|الحجة'
# dates
$S lines --seed 601 --n 40 --files 'ant_multisource*' --pattern "$MONTHS_EAST" --max 300 > "$OUT/d_east.jsonl"
$S lines --seed 602 --n 30 --files 'ant_jawharafm*' --pattern "$MONTHS_WEST" --max 300 > "$OUT/d_west.jsonl"
$S lines --seed 603 --n 30 --pattern "$RELATIVE" --require 'قتل|هجوم|اشتباك|انفجار|اعتقال|غارة|عملية' --max 300 > "$OUT/d_rel.jsonl"
$S lines --seed 604 --n 12 --pattern "($HIJRI) ?1[34][0-9][0-9]" --max 400 > "$OUT/d_hijri.jsonl"
$S lines --seed 605 --n 12 --pattern '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|عام [0-9]{4}' --max 300 > "$OUT/d_num.jsonl"
# numbers
$S lines --seed 611 --n 45 --pattern 'قتل|مقتل|مصرع|جرح|جرحى|إصابة|مصاب|اعتقال|اعتقل|خطف|اختطاف|أسر' --require '[0-9]|ثلاث|أربع|خمس|عشر|عشرات|مئات' --max 300 > "$OUT/n_cas.jsonl"
$S lines --seed 612 --n 25 --pattern 'كلم|كيلومتر|%|بالمئة|عاما|سيارة|سيارات|مليون|دولار|دينار' --require '[0-9]' --max 250 > "$OUT/n_other.jsonl"
# second batches (drawn after the first were annotated, to reach the corpus half)
$S lines --seed 606 --n 15 --files 'ant_jawharafm*' --pattern "$RELATIVE" --require 'إرهاب|أمني|إيقاف|حجز|مداهمة|الحرس' --max 300 > "$OUT/d_tn.jsonl"
$S lines --seed 613 --n 20 --pattern 'قتلى|جرحى|مصابين|قتيلا|شخصا|مسلحين|جنود' --require 'قتل|مقتل|إصابة|أصيب|اعتقال|اختطاف|إيقاف' --max 250 > "$OUT/n_cas2.jsonl"
$S lines --seed 607 --n 12 --files 'ant_multisource*' --pattern 'قتل|مقتل|هجوم|غارة|اعتقال' --require "$RELATIVE|$MONTHS_EAST" --max 250 > "$OUT/d_more.jsonl"
# held-out batches, drawn and annotated after rasd was tuned on the ones above (batch "after_tuning")
$S lines --seed 621 --n 25 --pattern "$MONTHS_EAST|$MONTHS_WEST|$RELATIVE|$HIJRI" --require 'قتل|هجوم|اشتباك|انفجار|اعتقال|غارة|إرهاب|أمني' --max 260 > "$OUT/h_dates.jsonl"
$S lines --seed 631 --n 25 --pattern 'قتل|مقتل|مصرع|جرح|جرحى|إصابة|أصيب|اعتقال|اعتقل|خطف|اختطاف|إيقاف|أوقف' --require '[0-9]|ثلاث|أربع|خمس|ست|سبع|ثمان|تسع|عشر|عشرات|مئات|اثن' --max 260 > "$OUT/h_numbers.jsonl"
