#!/bin/sh
# Re-runnable draw of the region-balanced corpus sentences of the places benchmark (items r-*).
# One seeded draw per region: lines (paragraphs) of 60-320 characters that hold a conflict word and a
# place name of the region. Output: one reference per line; annotations were added by hand afterwards.
#   sh bench/data/places/draw_regions.sh > /tmp/region_refs.jsonl
set -e
cd "$(dirname "$0")/../../.."
PY=${PY:-.venv/bin/python}
CONFLICT='هجوم|قتل|مقتل|اشتباك|انفجار|تفجير|مسلح|الجيش|قوات|غارة|عملية'
draw() {  # region seed require
  $PY bench/sample_corpus.py lines --seed "$2" --n 7 --min 60 --max 320 --pattern "$CONFLICT" --require "$3" |
    sed "s/^{/{\"region\": \"$1\", /"
}
draw libya    4101 'ليبيا|طرابلس|بنغازي|سرت|مصراتة|مصراته|درنة|سبها|الليبي'
draw sahel    4102 'مالي|النيجر|بوركينا|تمبكتو|غاو|كيدال|نيامي|واغادوغو|باماكو|موبتي'
draw lakechad 4103 'نيجيريا|تشاد|الكاميرون|بوكو حرام|مايدوغوري|بورنو|نجامينا|انجامينا'
draw sinai    4104 'سيناء|العريش|رفح|الشيخ زويد|بئر العبد'
draw syria    4105 'سوريا|سورية|حلب|إدلب|ادلب|الرقة|دير الزور|حمص|حماة|درعا|دمشق'
draw iraq     4106 'العراق|الموصل|بغداد|الأنبار|الانبار|الفلوجة|الرمادي|كركوك|ديالى|تكريت'
draw yemen    4107 'اليمن|صنعاء|عدن|تعز|مأرب|مارب|الحديدة|حضرموت|أبين|ابين|شبوة|الحوثي'
draw somalia  4108 'الصومال|مقديشو|كيسمايو|بيدوا|شبيلي|بونتلاند|الشباب المجاهدين'
