"""Build rasd's compact gazetteer files (rasd/data/gazetteer/) from the shared source folder.

    python scripts/build_gazetteer.py [--shared ../shared] [--out rasd/data/gazetteer] [--corpus-mb 40]

Inputs (all under SHARED/data/gazetteer, described in its SOURCES.md):
  geonames/cities500_arabic.tsv, geonames/admin1_codes.tsv, geonames/countries_geonames.tsv,
  naturalearth/ne_10m_admin1_names.tsv, naturalearth/ne_10m_admin1_mena_sahel_simplified.geojson,
  country_names_ar/countries_ar.tsv
and, for the common-word statistics, the first --corpus-mb MB of SHARED/data/unlabeled/ant/*.txt.

Outputs (TSV, UTF-8, one header line, sorted, so a rebuild from the same inputs is byte-identical):
  places.tsv       GeoNames populated places: all in the focus countries, plus the rest of the world's places
                   that have an Arabic name and at least MIN_POP_WORLD inhabitants.
  countries.tsv    ISO 3166-1 countries with Arabic names (CLDR, i18n-iso-countries, Natural Earth, a few
                   hand-added usual forms), capital coordinates and, for the focus countries, a bounding box.
  admin1.tsv       Natural Earth admin-1 units with Arabic names (with and without their prefix word).
  admin1.geojson   the focus countries' simplified admin-1 polygons, properties trimmed to the ISO code.
  borders.tsv      a point on the shared border of each pair of neighbouring focus countries.
  common_words.tsv place-name forms that are, in running news text, mostly ordinary words (see below).
  clitic_blocks.tsv  clitic-prefixed surfaces that are ordinary words (see below).
  admin1_codes.tsv GeoNames admin-1 code -> English name, for the codes the kept places use.
  parts.tsv        the point of «north/south-east/centre … of X» for each focus country.
  index.json       normalised name -> readings for the three tables above, with the normaliser's fingerprint
                   (rasd.places.gazetteer.table_index; the loader recomputes it if the normaliser changed).
The UN sanctions extract in the shared folder is deliberately not read.

Common words (common_words.tsv): single-word place forms that running news text uses mostly as ordinary words
(frequent, and rarely locative or far more frequent than a place of that size would be; see common_forms()).
The matcher accepts them only with a locative word and a consistent article country. clitic_blocks.tsv lists
clitic-prefixed surfaces that are words in their own right («بات» is not ب + «ات»; see blocked_surfaces()).
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.normalize import normalize_text  # noqa: E402

csv.field_size_limit(1 << 30)

FOCUS = frozenset(
    "DZ BH EG IQ JO KW LB LY MA OM PS QA SA SY TN AE YE EH MR SD SS ML NE TD BF NG SN SO CM ER DJ ET CF IR TR IL".split()
)
MIN_POP_WORLD = 5000
COMMON_MIN_COUNT = 8  # corpus occurrences below which a form is never judged
COMMON_MAX_LOC = 0.25  # small places (< COMMON_SMALL_POP): a lower locative share marks an ordinary word
COMMON_SMALL_POP = 100_000
COMMON_MAX_RATE = 2.0  # count / sqrt(population + 1000) above this marks an ordinary word (places < 50k) …
COMMON_MAX_RATE_ANY = 5.0  # … or above this for any place (a local corpus over-represents its own towns)
BLOCK_MIN_COUNT = 5  # «بات» = ب + «ات»: a clitic-prefixed surface far more frequent than the bare form is a word
MIN_LETTERS = 3

# Places missing from cities500_arabic.tsv that the country table or the news need. GeoNames facts where a
# geonameid is given; rows with a negative id are hand-curated towns that cities500 lacks (oil ports, villages in
# the news): their coordinates are from general knowledge, rounded to 0.01°, and rasd reports no geonames_id for them.
EXTRA_PLACES = [
    # geonameid, name, name_ar, aliases, cc, admin1, lat, lon, population
    [4140963, "Washington, D.C.", "واشنطن", "واشنطن العاصمة", "US", "DC", 38.89511, -77.03637, 689545],
    [-1, "Ras Lanuf", "راس لانوف", "رأس لانوف|رأس الأنوف|راس الانوف", "LY", "", 30.50, 18.57, 0],
    [-2, "Es Sider", "السدر", "السدرة|سدرة|السدرا", "LY", "", 30.63, 18.35, 0],
    [-3, "Tawergha", "تاورغاء", "تاورغا|تاورغه", "LY", "", 31.98, 15.12, 0],
    [-4, "Ash Shwayrif", "الشويرف", "الشويرف", "LY", "", 29.99, 14.26, 0],
    [-5, "Bin Jawad", "بن جواد", "بن جواد", "LY", "", 30.80, 18.09, 0],
    [-6, "An Nawfaliyah", "النوفلية", "النوفليه", "LY", "", 30.78, 17.84, 0],
    [-7, "Abu Grein", "أبوقرين", "أبو قرين", "LY", "", 31.45, 15.26, 0],
    [-8, "Kolofata", "كولوفاتا", "كولفاتا", "CM", "", 11.17, 14.01, 0],
    [-9, "Fotokol", "فوتوكول", "فوتوكل", "CM", "", 12.37, 14.22, 0],
    [-10, "Baga", "باغا", "باجا|باقا", "NG", "", 13.11, 13.83, 0],
    [-11, "Malam Fatori", "مالام فاتوري", "مالم فاتوري", "NG", "", 13.68, 13.34, 0],
    [-12, "Diabaly", "ديابالي", "ديابالي", "ML", "", 14.69, -6.02, 0],
    [-13, "Al Baghuz Fawqani", "الباغوز", "الباغوز فوقاني|باغوز فوقاني|الباغوز الفوقاني", "SY", "", 34.46, 40.94, 0],
    [-14, "Tamanhint", "تمنهنت", "تامنهنت|تمنهينت", "LY", "", 27.24, 14.66, 0],
]
CAPITAL_OVERRIDE = {"US": 4140963}
# Usual Arabic spellings GeoNames lacks for places in the news (hand-written; geonameid -> extra aliases).
PLACE_ALIASES = {
    379252: "الخرطوم",  # Khartoum (GeoNames has only «خرطوم» and a typo)
    1138958: "كابول",  # Kabul
    172256: "كوباني",  # Ayn al-Arab / Kobani
    174448: "البوكمال",  # Albu Kamal
    2210221: "ترهونة",  # Tarhuna
    2453514: "ميناكا",  # Ménaka
    2339665: "غوزا|غووزا",  # Gwoza
    2345498: "دامبوا",  # Damboa
    2329946: "مونغونو|مونقونو",  # Monguno
    2347954: "باما",  # Bama (NG)
    55671: "كيسمايو",  # Kismayo
    64460: "بلدوين",  # Beledweyne
    57289: "هرجيسا",  # Hargeisa
    2472431: "بن قردان|بنقردان",  # Ben Gardane
    2446613: "بوسو",  # Bosso (NE)
    2449893: "تساليت",  # Tessalit
    2210247: "طرابلس الغرب",  # Tripoli (Libya), the older name
    # Sahel and Lake Chad towns of the news with no (or another) Arabic name in GeoNames
    2357048: "وغادوغو|واجادوجو|واغادوجو|واقادوقو",  # Ouagadougou
    2360886: "فادا نغورما|فادا انغورما|فادا نجورما",  # Fada N'gourma
    2363174: "أربيندا|أريبيندا|اربندا",  # Aribinda
    2459657: "بوريم|بورم",  # Bourem
    2458334: "دوينتزا|دوينزا|دوينتسا",  # Douentza
    2461247: "أجلهوك|أغيلهوك|أجويلهوك|أقلهوك|أغلهوك",  # Aguelhok
    2447416: "أيورو|ايورو",  # Ayorou
    2440371: "أولام|ولام|والام",  # Ouallam
    2225991: "مورا",  # Mora (CM)
    2346995: "بيو",  # Biu
    2345172: "دابتشي|دابشي|دبشي",  # Dapchi
    2342192: "غامبورو|جامبورو|قامبورو",  # Gamboru
    2333563: "كوكاوا",  # Kukawa
    2329087: "نغالا|انغالا",  # Ngala
    56166: "جلب|جيليب",  # Jilib
    2340207: "غودومبالي|قودومبالي",  # Gudumbali
    2449067: "تينبكتو|تمبوكتو|تومبوكتو",  # Timbuktu
    2457163: "غاوا",  # Gao (ML)
    2346076: "شيبوك|تشيبوك",  # Chibok
}
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")  # normalised standard Arabic letters and spaces
ARABIC_RAW = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")  # as written: no Persian/Urdu letters
DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640]")

# Admin-1 prefix words stripped to make a second index form (longest first).
ADMIN_PREFIXES = ("شعبية", "محافظة", "ولاية", "بلدية", "منطقة", "إقليم", "اقليم", "مقاطعة", "مديرية", "جهة", "إدارة",
                  "المحافظة", "المنطقة", "الإقليم")

DIRECTION_WORDS = frozenset(normalize_text(w) for w in (
    "شمال جنوب شرق غرب وسط الشمال الجنوب الشرق الغرب الوسط الشمالية الجنوبية الشرقية الغربية الوسطى "
    "الشمالي الجنوبي الشرقي الغربي الأوسط").split())

# Known wrong or missing Natural Earth Arabic labels (SOURCES.md §3), fixed by hand.
ADMIN1_FIX = {
    "LY-TN": ("شعبية طرابلس", "طرابلس"),
    "TD-ND": ("انجمينا", "نجامينا|انجامينا"),
    "NG-AD": ("ولاية آدماوة", "آدماوة|أداماوا|أدماوا"),  # news spells it as Cameroon's Adamawa; context decides
}

# Usual Arabic forms missing from CLDR / i18n / NE (hand-written; facts, not copied text).
COUNTRY_EXTRA = {
    "US": "أمريكا|أميركا|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|واشنطن",
    "GB": "بريطانيا|المملكة المتحدة|بريطانيا العظمى",
    "RU": "روسيا|روسيا الاتحادية",
    "EG": "جمهورية مصر العربية",
    "SA": "المملكة العربية السعودية|السعودية",
    "AE": "الإمارات|الإمارات العربية المتحدة",
    "SY": "سوريا|سورية",
    "CI": "كوت ديفوار|ساحل العاج",
    "CD": "الكونغو الديمقراطية|جمهورية الكونغو الديمقراطية",
    "CF": "إفريقيا الوسطى|أفريقيا الوسطى|جمهورية إفريقيا الوسطى|جمهورية أفريقيا الوسطى",
    "ZA": "جنوب إفريقيا|جنوب أفريقيا",
    "SS": "جنوب السودان",
    "PS": "فلسطين|الأراضي الفلسطينية",
    "NL": "هولندا",
    "KR": "كوريا الجنوبية",
    "KP": "كوريا الشمالية",
    "MR": "موريتانيا",
    "BF": "بوركينافاسو",
    "TR": "تركيا",
    "IR": "إيران",
    "IQ": "العراق",
    "LY": "ليبيا",
    "MA": "المغرب|المملكة المغربية",
    "DZ": "الجزائر",
    "TN": "تونس",
    "SD": "السودان",
    "SO": "الصومال",
    "ET": "إثيوبيا|أثيوبيا",
    "ER": "إريتريا|أريتريا",
    "NG": "نيجيريا",
    "CM": "الكاميرون",
    "CG": "الكونغو برازافيل",
    "BD": "بنغلادش|بنجلاديش",
    "MM": "بورما|ميانمار",
}
# Forms in the sources that are not usable as a mention of the country.
COUNTRY_DROP = {"US": {"واشنطن"}}  # the capital is a city mention, not the country

LOC_WORDS = frozenset(normalize_text(w) for w in (
    "في إلى الى داخل قرب مدينة بلدة قرية منطقة ولاية محافظة إقليم عاصمة العاصمة مدن ضواحي أطراف محيط "
    "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي مخيم بلدات قرى").split())
PROCLITICS = sorted({c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")} - {""})


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join("" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in r) + "\n")


def clean_ar(name: str) -> str:
    return " ".join(DIACRITICS.sub("", name).split())


def norm(name: str) -> str:
    return " ".join(normalize_text(name).split())


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# ---------------------------------------------------------------------------------------------------------------
def corpus_stats(shared: Path, megabytes: int) -> tuple[Counter, Counter]:
    """Token counts and locative-context counts of normalised single words in a corpus sample."""
    files = sorted((shared / "data" / "unlabeled" / "ant").glob("*.txt"))
    budget = megabytes * 1_000_000
    count: Counter = Counter()
    loc: Counter = Counter()
    word = re.compile(r"[\u0621-\u064A]+")
    for f in files:
        if budget <= 0:
            break
        with f.open(encoding="utf-8") as fh:
            text = fh.read(budget // max(1, len(files)) + 1)
        budget -= len(text.encode("utf-8"))
        toks = word.findall(normalize_text(text))
        count.update(toks)
        prev = ""
        for t in toks:
            if prev in LOC_WORDS:
                loc[t] += 1
            prev = t
    return count, loc


def common_forms(forms: dict[str, int], count: Counter, loc: Counter) -> list[list]:
    """Forms (single words) that running news text uses mostly as ordinary words.

    `forms` maps each single-word form to the largest population among the places spelled that way
    (countries and regions are not passed in). A form is listed when it is frequent and either rarely locative
    (small places only: big cities are often used as metonyms, «واشنطن تقول») or far more frequent than a place
    of its size would be.
    """
    out = []
    for f, pop in sorted(forms.items()):
        total = count[f] + sum(count[p + f] for p in ("و", "ف", "ب", "وب", "ل", "ول", "ك"))
        if f.startswith("ال"):
            total += count["لل" + f[2:]] + count["ولل" + f[2:]]
        if total < COMMON_MIN_COUNT:
            continue
        located = loc[f] + sum(count[p + f] for p in ("ب", "وب", "فب"))
        ratio = located / total
        rate = total / math.sqrt(pop + 1000)
        if (pop < COMMON_SMALL_POP and ratio < COMMON_MAX_LOC) or (rate > COMMON_MAX_RATE and pop < 50_000) \
                or rate > COMMON_MAX_RATE_ANY or (total >= 1000 and pop < 1_000_000 and ratio < 0.1):
            out.append([f, total, f"{ratio:.2f}", f"{rate:.2f}"])
    return out


def blocked_surfaces(forms: set[str], count: Counter) -> list[list]:
    """Clitic-prefixed surfaces that are ordinary words: «بات» (not ب + «ات»), «ولكن» (not ول + «كن»)."""
    out = []
    for f in sorted(forms):
        bare = count[f]
        for p in PROCLITICS:
            if "ال" in p:
                continue
            w = p + f
            if count[w] >= BLOCK_MIN_COUNT and count[w] > 2 * bare + 5:
                out.append([w, count[w], bare])
        if f.startswith("ال"):
            for p in ("لل", "ولل", "فلل"):
                w = p + f[2:]
                if count[w] >= BLOCK_MIN_COUNT and count[w] > 2 * bare + 5:
                    out.append([w, count[w], bare])
    return out


# ---------------------------------------------------------------------------------------------------------------
def build_places(gaz: Path, count: Counter) -> tuple[list[list], dict]:
    rows = read_tsv(gaz / "geonames" / "cities500_arabic.tsv")
    out = []
    by_cc_name: dict[tuple[str, str], list] = {}
    for r in rows:
        cc = r["cc"]
        pop = int(r["population"] or 0)
        ar = [clean_ar(a) for a in r["ar_names"].split("|") if a and not a.startswith("ااا")]
        ar += [a for a in PLACE_ALIASES.get(int(r["geonameid"]), "").split("|") if a]
        ar += [clean_ar(a) for a in r["other_arabic_script"].split("|") if a and ARABIC_RAW.match(clean_ar(a))]
        seen, aliases = set(), []
        for a in ar:
            n = norm(a)
            if len(n.replace(" ", "")) < 2 or not ARABIC_ONLY.match(n) or n in seen:
                continue
            seen.add(n)
            aliases.append(a)
        if cc not in FOCUS and not (aliases and pop >= MIN_POP_WORLD):
            continue
        # canonical Arabic name: the form news uses most (corpus count), then the shortest
        aliases.sort(key=lambda a: (-count[norm(a)] if " " not in a else 0, len(a), a))
        latin: list[str] = []
        if cc in FOCUS:
            lseen = set()
            for s in [r["name"], *r["latin_alt_focus_only"].split("|")]:
                s = s.strip()
                key = ascii_fold(s).lower()
                if not s or key in lseen or not re.match(r"^[A-Za-z' \-’`]+$", ascii_fold(s)) or len(key) < 3:
                    continue
                if s.isupper() and len(s) <= 4:  # airport / IATA codes
                    continue
                lseen.add(key)
                latin.append(ascii_fold(s))
        lat, lon = round(float(r["lat"]), 5), round(float(r["lon"]), 5)
        rec = [int(r["geonameid"]), r["name"], aliases[0] if aliases else "", cc, r["admin1"], lat, lon, pop,
               "|".join(aliases[1:]), "|".join(latin)]
        out.append(rec)
        by_cc_name.setdefault((cc, r["name"].lower()), []).append(rec)
        if ascii_fold(r["name"]).lower() != r["name"].lower():
            by_cc_name.setdefault((cc, ascii_fold(r["name"]).lower()), []).append(rec)
    for gid, name, name_ar, al, cc, a1, lat, lon, pop in EXTRA_PLACES:
        al = "|".join(a for a in dict.fromkeys(al.split("|")) if a and a != name_ar)
        rec = [gid, name, name_ar, cc, a1, lat, lon, pop, al, name if gid < 0 else ""]
        out.append(rec)
        by_cc_name.setdefault((cc, name.lower()), []).append(rec)
    out.sort(key=lambda x: x[0])
    return out, by_cc_name


def build_countries(gaz: Path, by_cc_name: dict, polys_by_cc: dict) -> list[list]:
    gn = {r["iso"]: r for r in read_tsv(gaz / "geonames" / "countries_geonames.tsv")}
    out = []
    for r in read_tsv(gaz / "country_names_ar" / "countries_ar.tsv"):
        cc = r["iso2"]
        names: list[str] = []
        for field in ("ar_cldr", "ar_cldr_variants", "ar_i18n_iso_countries", "ar_naturalearth"):
            names += [n for n in r[field].split("|") if n]
        names += [n for n in COUNTRY_EXTRA.get(cc, "").split("|") if n]
        seen, clean = set(), []
        for n in names:
            n = clean_ar(n)
            k = norm(n)
            if k in seen or n in COUNTRY_DROP.get(cc, ()) or "-" in n or "(" in n:
                continue
            seen.add(k)
            clean.append(n)
        if not clean:
            continue
        info = gn.get(cc, {})
        cap = info.get("capital", "")
        cands = by_cc_name.get((cc, cap.lower()), []) or by_cc_name.get((cc, ascii_fold(cap).lower()), [])
        if cc in CAPITAL_OVERRIDE:
            cands = [p for lst in by_cc_name.values() for p in lst if p[0] == CAPITAL_OVERRIDE[cc]]
        lat = lon = ""
        cap_id = ""
        if cands:
            best = max(cands, key=lambda x: x[7])
            cap_id, lat, lon = best[0], best[5], best[6]
        bbox = ""
        if cc in polys_by_cc:
            from shapely.ops import unary_union
            b = unary_union(polys_by_cc[cc]).bounds
            bbox = ",".join(f"{v:.2f}" for v in b)
        out.append([cc, r["iso3"], r["name_en_cldr"], clean[0], "|".join(clean[1:]), cap_id, lat, lon,
                    info.get("neighbours", ""), bbox])
    out.sort(key=lambda x: x[0])
    return out


def strip_prefix(name: str) -> str | None:
    for p in ADMIN_PREFIXES:
        if name.startswith(p + " "):
            return name[len(p) + 1:].strip()
        if name.startswith(p) and len(name) > len(p) + 2 and p == "محافظة":  # «محافظةغناغنا» (missing space)
            return name[len(p):].strip()
    return None


DISPUTED_UNIT_COUNTRY = {"Somaliland": "SO", "Northern Cyprus": "CY", "Baikonur": "KZ"}


def build_admin1(gaz: Path, a1_names: dict) -> list[list]:
    out = []
    for r in read_tsv(gaz / "naturalearth" / "ne_10m_admin1_names.tsv"):
        code = r["iso_3166_2"]
        name_ar = clean_ar(r["name_ar"])
        extra: list[str] = []
        if code in ADMIN1_FIX:
            name_ar, more = ADMIN1_FIX[code]
            extra = more.split("|")
        if not name_ar or not code:
            continue
        if "(" in name_ar:
            name_ar = clean_ar(name_ar.split("(")[0])
        if name_ar in ADMIN_PREFIXES or len(norm(name_ar).replace(" ", "")) < MIN_LETTERS:
            continue
        # «جنوب غرب» (Cameroon's Southwest), «الشمال» (Lebanon's North without its prefix): directions, not names
        # in running text; such units stay in the table (for point-in-polygon) but their bare forms are not indexed
        directional = all(w in DIRECTION_WORDS for w in norm(strip_prefix(name_ar) or name_ar).split())
        aliases = []
        bare = strip_prefix(name_ar)
        if bare and not directional:
            aliases.append(bare)
        aliases += extra
        name_en = r["name_en"] or r["name"]
        gn_code = r["gn_a1_code"] or ""
        lat = round(float(r["latitude"]), 4) if r["latitude"] else ""
        lon = round(float(r["longitude"]), 4) if r["longitude"] else ""
        indexed = 0 if directional and not bare else 1
        # Natural Earth marks disputed or breakaway units with the country «-1»: the country that holds or claims
        # them when the news names it so (Somaliland is Somalia's north), none when two claim it (Kashmir)
        cc = r["iso_a2"] if r["iso_a2"] not in ("-1", "-99") else DISPUTED_UNIT_COUNTRY.get(name_en, "")
        out.append([code, cc, name_en, name_ar, "|".join(dict.fromkeys(a for a in aliases if a)),
                    r["gn_id"] or "", gn_code, lat, lon, r["type_en"], indexed])
    out.sort(key=lambda x: x[0])
    return out


def build_polygons(gaz: Path) -> tuple[dict, dict]:
    src = json.loads((gaz / "naturalearth" / "ne_10m_admin1_mena_sahel_simplified.geojson").read_text("utf-8"))

    def rnd(c):
        if isinstance(c[0], (int, float)):
            return [round(c[0], 3), round(c[1], 3)]
        return [rnd(x) for x in c]

    feats = []
    from shapely.geometry import shape
    polys_by_cc: dict[str, list] = defaultdict(list)
    for f in src["features"]:
        p = f["properties"]
        geom = {"type": f["geometry"]["type"], "coordinates": rnd(f["geometry"]["coordinates"])}
        feats.append({"type": "Feature", "properties": {"iso": p["iso_3166_2"], "cc": p["iso_a2"]}, "geometry": geom})
        polys_by_cc[p["iso_a2"]].append(shape(f["geometry"]).buffer(0))
    feats.sort(key=lambda f: f["properties"]["iso"])
    return {"type": "FeatureCollection", "features": feats}, polys_by_cc


def build_borders(gaz: Path, polys_by_cc: dict) -> list[list]:
    from shapely.ops import unary_union
    gn = {r["iso"]: r["neighbours"].split(",") for r in read_tsv(gaz / "geonames" / "countries_geonames.tsv")}
    union = {cc: unary_union(p) for cc, p in polys_by_cc.items()}
    out = []
    for a in sorted(union):
        for b in sorted(gn.get(a, [])):
            if b not in union or b <= a:
                continue
            strip = union[a].buffer(0.03).intersection(union[b].buffer(0.03))
            if strip.is_empty:
                continue
            p = strip.representative_point()
            out.append([a, b, round(p.y, 3), round(p.x, 3)])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "rasd" / "data" / "gazetteer")
    ap.add_argument("--corpus-mb", type=int, default=40)
    args = ap.parse_args(argv)
    gaz = args.shared / "data" / "gazetteer"
    if not gaz.is_dir():
        ap.error(f"{gaz} not found; pass --shared")
    args.out.mkdir(parents=True, exist_ok=True)

    count, loc = corpus_stats(args.shared, args.corpus_mb)
    places, by_cc_name = build_places(gaz, count)
    a1_names = {r["code"]: r["name"] for r in read_tsv(gaz / "geonames" / "admin1_codes.tsv")}
    polys, polys_by_cc = build_polygons(gaz)
    countries = build_countries(gaz, by_cc_name, polys_by_cc)
    admin1 = build_admin1(gaz, a1_names)
    borders = build_borders(gaz, polys_by_cc)

    # GeoNames admin-1 code -> English name, only for the codes the kept places use
    used = {f"{p[3]}.{p[4]}" for p in places}
    a1_rows = sorted([k, v] for k, v in a1_names.items() if k in used)

    forms: dict[str, int] = {}
    for p in places:
        for a in [p[2], *p[8].split("|")]:
            k = norm(a)
            if a and " " not in k:
                forms[k] = max(forms.get(k, 0), p[7])
    for a in admin1:
        for x in [a[3], *a[4].split("|")]:
            k = norm(x)
            if x and " " not in k:
                forms.setdefault(k, 0)
    country_forms = {norm(x) for c in countries for x in [c[3], *c[4].split("|")] if x}
    for k in country_forms:
        forms.pop(k, None)
    # admin-1 of every focus-country place by point-in-polygon, once here rather than at each start-up
    (args.out / "admin1.geojson").write_text(json.dumps(polys, ensure_ascii=False, separators=(",", ":")) + "\n",
                                             encoding="utf-8")
    from rasd.places.gazetteer import FOCUS as RUNTIME_FOCUS, _PolygonIndex

    pip = _PolygonIndex.load(args.out / "admin1.geojson")
    for p in places:
        p.append((pip.lookup(p[5], p[6], p[3]) or "") if p[3] in RUNTIME_FOCUS else "")
    write_tsv(args.out / "places.tsv", ["geonameid", "name_en", "name_ar", "cc", "admin1", "lat", "lon",
                                        "population", "ar_aliases", "latin", "ne_admin1"], places)
    write_tsv(args.out / "countries.tsv", ["iso2", "iso3", "name_en", "name_ar", "ar_aliases", "capital_id",
                                           "lat", "lon", "neighbours", "bbox"], countries)
    write_tsv(args.out / "admin1.tsv", ["iso_3166_2", "cc", "name_en", "name_ar", "ar_aliases", "gn_id",
                                        "gn_a1_code", "lat", "lon", "type_en", "indexed"], admin1)
    write_tsv(args.out / "admin1_codes.tsv", ["code", "name_en"], a1_rows)
    write_tsv(args.out / "borders.tsv", ["cc1", "cc2", "lat", "lon"], borders)
    write_tsv(args.out / "common_words.tsv", ["form", "count", "locative_share", "rate"],
              common_forms(forms, count, loc))
    write_tsv(args.out / "clitic_blocks.tsv", ["surface", "count", "bare_count"],
              blocked_surfaces(set(forms) | country_forms, count))
    write_index(args.out)
    write_parts(args.out)
    return 0


def write_parts(out: Path) -> None:
    """parts.tsv: the point rasd gives «شمال/جنوب شرق/وسط … X» for each focus country, computed once here over
    every place (a tenth of a second at run time otherwise)."""
    from rasd.places.gazetteer import FOCUS as RUNTIME_FOCUS, Gazetteer
    from rasd.places.resolve import _part_of_country

    (out / "parts.tsv").unlink(missing_ok=True)
    g = Gazetteer.load(out.parent)
    rows = []
    for cc in sorted(RUNTIME_FOCUS):
        for direction in ("N", "NE", "E", "SE", "S", "SW", "W", "NW", "C"):
            pt = _part_of_country(g, cc, direction)
            rows.append([cc, direction, *(pt if pt else ("", ""))])
    write_tsv(out / "parts.tsv", ["cc", "direction", "lat", "lon"], rows)


def write_index(out: Path) -> None:
    """index.json: the normalised name keys of the tables just written, so the loader does not normalise 30k
    names at every start-up. Read back from the written files, exactly as the loader's fallback reads them."""
    from rasd.places.gazetteer import _rows, normaliser_fingerprint, table_index

    def rows(name: str) -> list[list[str]]:
        return list(_rows(out / name))

    forms = table_index(rows("places.tsv"), rows("countries.tsv"), rows("admin1.tsv"))
    data = {"normaliser": normaliser_fingerprint(), "forms": forms}
    (out / "index.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                                    encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
