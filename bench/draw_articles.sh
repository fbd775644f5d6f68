#!/bin/sh
# Seeded draw of conflict articles, one per region, as references (JSON Lines on stdout).
#   sh bench/draw_articles.sh LAST_ID SEED_BASE [EXCLUDE.jsonl ...] < regions.txt
# Each input line is a region: an alternation of place names, each of which must stand as a whole word at
# least twice in the article. Article i (ids from LAST_ID+1) is drawn with seed SEED_BASE+i among articles of
# 400-2500 characters with three conflict words; of three candidates in random order, the first not drawn
# already (for another region, or in the EXCLUDE files) is kept. Run from the project root.
set -eu
PY=${PY:-.venv/bin/python}
CONFLICT='هجوم|اشتباك|قتل|مقتل|انفجار|تفجير|غارة|قصف|مسلح|اختطاف|اعتقال|مصرع'
B='(?<![\w])'
E='(?![\w])'
i=$1
seed_base=$2
shift 2
SEEN=$(mktemp)
trap 'rm -f "$SEEN"' EXIT
for f in "$@"; do sed 's/.*"offset": \([0-9]*\).*/\1/' "$f" >> "$SEEN"; done
while IFS= read -r region; do
  [ -n "$region" ] || continue
  i=$((i + 1))
  id=$(printf 'a%02d' "$i")
  "$PY" bench/sample_corpus.py articles --seed $((seed_base + i)) --n 3 --pattern "$CONFLICT" --min-hits 3 \
      --require "(?s)$B($region)$E.*$B($region)$E" --min 400 --max 2500 --shuffled |
    while IFS= read -r ref; do
      key=$(printf '%s' "$ref" | sed 's/.*"offset": \([0-9]*\).*/\1/')
      grep -qx "$key" "$SEEN" && continue
      echo "$key" >> "$SEEN"
      printf '%s\n' "$ref" | sed "s/^{/{\"id\": \"$id\", \"region\": \"$region\", /"
      break
    done
done
