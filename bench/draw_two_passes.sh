#!/bin/sh
# Two passes of bench/draw_articles.sh over the eight regions of bench/draw_regions.txt: 16 articles, one per
# region and pass, none drawn before (the EXCLUDE files, and the first pass for the second).
#   sh bench/draw_two_passes.sh LAST_ID SEED1 SEED2 [EXCLUDE.jsonl ...]
# Article ids start after LAST_ID; the first pass uses seeds SEED1+i, the second SEED2+i. Run from the project root.
set -eu
last=$1
seed1=$2
seed2=$3
shift 3
FIRST=$(mktemp)
trap 'rm -f "$FIRST"' EXIT
sh bench/draw_articles.sh "$last" "$seed1" "$@" < bench/draw_regions.txt | tee "$FIRST"
sh bench/draw_articles.sh $((last + 8)) "$seed2" "$@" "$FIRST" < bench/draw_regions.txt
