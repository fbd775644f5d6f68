"""The gazetteer: loaded once, lazily, from rasd/data (built by scripts/build_gazetteer.py plus hand-curated TSVs).

Tables (all plain tuples or small slotted objects, keyed by id):
  places     GeoNames populated places (focus countries, plus the world's places with an Arabic name)
  countries  ISO 3166-1 countries with Arabic names and their capital's coordinates
  admin1     Natural Earth admin-1 units; point-in-polygon over the focus countries' simplified polygons
  regions    hand-curated physical and political regions (rasd/data/regions.tsv)
  nationalities  Arabic nationality adjectives -> ISO2 (rasd/data/nationalities.tsv)

`index` maps a normalised name (rasd.normalize.normalize_text, spaces collapsed) to the entries that carry it.
The part of it that comes from the built tables (places, countries, admin-1) is precomputed by
scripts/build_gazetteer.py into gazetteer/index.json, stamped with a fingerprint of the normaliser; when the
normaliser has changed since the build, the same function recomputes it at load time. Place objects are made on
first access from their raw rows. Everything heavy (the Aho-Corasick automaton, the polygon index, the Latin
skeletons) is built on first use.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rasd.normalize import normalize_text

__all__ = ["Gazetteer", "Place", "Country", "Admin1", "Region", "Entry", "get_gazetteer", "norm_name",
           "haversine_km", "DATA_DIR", "FOCUS"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
GAZ_DIR = DATA_DIR / "gazetteer"
# Countries whose every GeoNames place is kept (with Latin names for the skeleton fallback) and whose admin-1
# polygons are shipped: North Africa, the Sahel, Lake Chad, the Horn, the Middle East.
FOCUS = frozenset(
    "DZ BH EG IQ JO KW LB LY MA OM PS QA SA SY TN AE YE EH MR SD SS ML NE TD BF NG SN SO CM ER DJ ET CF IR TR IL".split()
)
MIN_LETTERS = 3  # shorter forms («كن», «ها») are never indexed
ADMIN_PREFIXES = ("شعبية", "محافظة", "ولاية", "بلدية", "منطقة", "إقليم", "اقليم", "مقاطعة", "مديرية", "جهة", "إدارة")
_DIRECTION_NOUNS = ("شمال", "جنوب", "شرق", "غرب")
_SPACES = re.compile(r"[\s\-‐–_]+")


def norm_name(name: str) -> str:
    """The index form of a name: normalised, hyphens read as spaces, whitespace collapsed."""
    return _SPACES.sub(" ", normalize_text(name)).strip()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@dataclass(frozen=True, slots=True)
class Place:
    id: int
    name_en: str
    name_ar: str
    cc: str
    admin1_code: str
    lat: float
    lon: float
    population: int
    aliases: str  # other Arabic names, "|"-joined (kept as one string: 25k places, little memory)
    latin: str  # GeoNames Latin names for the skeleton fallback (focus countries), "|"-joined
    ne_admin1: str = ""  # ISO 3166-2 code of its Natural Earth admin-1 unit, found at build time (focus countries)


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name_en: str
    name_ar: str
    aliases: tuple[str, ...]
    capital_id: int | None
    lat: float | None
    lon: float | None
    neighbours: tuple[str, ...]
    bbox: tuple[float, float, float, float] | None


@dataclass(frozen=True, slots=True)
class Admin1:
    iso: str
    cc: str
    name_en: str
    name_ar: str
    aliases: tuple[str, ...]
    lat: float | None
    lon: float | None
    gn_id: int | None = None


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    name_en: str
    name_ar: str
    aliases: tuple[str, ...]
    countries: tuple[str, ...]
    lat: float
    lon: float


class Entry(NamedTuple):
    """One reading of an index form: `kind` is country|admin1|city|region|nationality; `key` the table key.

    A named tuple: tens of thousands are made at load time, and tuples are cheap to build and compare."""

    kind: str
    key: str | int
    full: bool = True  # False for an admin-1 name without its prefix word (محافظة …)


def _rows(path: Path):
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        n = len(header)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < n:
                parts += [""] * (n - len(parts))
            yield parts


def _split(s: str) -> tuple[str, ...]:
    return tuple(x for x in s.split("|") if x) if s else ()


def _f(s: str) -> float | None:
    return float(s) if s else None


def _place(p: list[str]) -> Place:
    return Place(int(p[0]), p[1], p[2], p[3], p[4], float(p[5]), float(p[6]), int(p[7] or 0), p[8], p[9], p[10])


class _Places(dict):
    """Places by GeoNames id (negative ids: hand-curated towns GeoNames lacks), each made from its raw row on
    first access: an article touches a few dozen of 25k places, and making them all cost a tenth of a second."""

    def __init__(self) -> None:
        super().__init__()
        self.raw: dict[int, str] = {}  # id -> the places.tsv line, until the place is first asked for
        self.named_ids: list[int] = []  # places with an Arabic name, in file order

    def __missing__(self, key: int) -> Place:
        line = self.raw.pop(key, None)
        if line is None:
            raise KeyError(key)
        parts = line.split("\t")
        if len(parts) < 11:
            parts += [""] * (11 - len(parts))
        place = self[key] = _place(parts)
        return place

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or key in self.raw

    def named(self):
        """The places that have an Arabic name (the ones the index reaches), in file order."""
        return [self[k] for k in self.named_ids]

    def every(self):
        """All places, the raw ones built now."""
        for key in list(self.raw):
            self[key]
        return self.values()


def normaliser_fingerprint() -> str:
    """A hash of what norm_name does to every Arabic, Latin and presentation-form character: precomputed index
    keys are valid only while this is unchanged."""
    chars = [chr(c) for c in (*range(0x20, 0x800), *range(0xFB50, 0xFF00))]
    return hashlib.sha1("|".join(norm_name(c) for c in chars).encode("utf-8")).hexdigest()[:16]


def table_index(place_rows, country_rows, admin1_rows) -> dict[str, list[list]]:
    """Index forms of the built tables -> readings as [kind, key] or [kind, key, 0] (an admin-1 name without its
    prefix word), in table order. Shared by the build script (which stores it) and the loader's fallback."""
    idx: dict[str, list[list]] = {}

    def add(name: str, entry: list) -> None:
        k = norm_name(name)
        if len(k.replace(" ", "")) < MIN_LETTERS:
            return
        # «شمال سيناء» is also written with the adjective «شمالي سيناء»: the same province, not a direction from
        # Sinai (provinces only: «جنوبي السودان» is a part of Sudan, not South Sudan)
        first, _, rest = k.partition(" ")
        adjective = rest and first in _DIRECTION_NOUNS and entry[0] == "admin1"
        for form in (k, f"{first}ي {rest}") if adjective else (k,):
            lst = idx.setdefault(form, [])
            if entry not in lst:
                lst.append(entry)

    for p in place_rows:
        if p[2]:
            e = ["city", int(p[0])]
            add(p[2], e)
            for a in _split(p[8]):
                add(a, e)
    for p in country_rows:
        e = ["country", p[0]]
        for n in (p[3], *_split(p[4])):
            add(n, e)
    for p, key in zip(admin1_rows, admin1_keys(admin1_rows), strict=True):
        if p[10] == "0":
            continue  # a unit whose name is only a direction («جنوب غرب»): kept for point-in-polygon only
        add(p[3], ["admin1", key] if p[3].startswith(ADMIN_PREFIXES) else ["admin1", key, 0])
        for al in _split(p[4]):
            add(al, ["admin1", key, 0])
    return idx


def admin1_keys(admin1_rows) -> list[str]:
    """The table key of each admin-1 row: its ISO 3166-2 code, made unique where Natural Earth gives two units one
    code (East and South Darfur are both SD-DS): the later unit takes «SD-DS~2»."""
    seen: dict[str, int] = {}
    keys = []
    for p in admin1_rows:
        seen[p[0]] = seen.get(p[0], 0) + 1
        keys.append(p[0] if seen[p[0]] == 1 else f"{p[0]}~{seen[p[0]]}")
    return keys


class _Index(dict):
    """Form -> list of Entry. Values read from index.json stay plain lists until a form is first looked up."""

    __slots__ = ()

    def get(self, key, default=None):
        v = dict.get(self, key)
        if v is None:
            return default
        if v and type(v[0]) is list:
            v = [Entry(*e) if len(e) == 2 else Entry(e[0], e[1], False) for e in v]
            dict.__setitem__(self, key, v)
        return v

    def __getitem__(self, key):
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v


@dataclass
class Gazetteer:
    places: _Places = field(default_factory=_Places)
    countries: dict[str, Country] = field(default_factory=dict)
    admin1: dict[str, Admin1] = field(default_factory=dict)
    admin1_by_gn: dict[str, str] = field(default_factory=dict)  # GeoNames "LY.76" -> "LY-SR"
    admin1_codes: dict[str, str] = field(default_factory=dict)  # GeoNames "LY.76" -> English name
    regions: dict[str, Region] = field(default_factory=dict)
    nationalities: dict[str, str] = field(default_factory=dict)  # normalised form -> ISO2
    borders: dict[frozenset, tuple[float, float]] = field(default_factory=dict)
    index: dict[str, list[Entry]] = field(default_factory=_Index)
    stop_rules: dict[str, str] = field(default_factory=dict)  # normalised form -> never|locative|nationality_head
    common: frozenset = frozenset()  # normalised single-word forms used mostly as ordinary words
    blocked: frozenset = frozenset()  # clitic-prefixed surfaces that are ordinary words («بات», «بها»)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _automaton: object = field(default=None, repr=False)
    _pip: object = field(default=None, repr=False)
    _skeletons: dict = field(default_factory=dict, repr=False)
    admin1_cache: dict = field(default_factory=dict, repr=False)
    part_cache: dict = field(default_factory=dict, repr=False)

    # -- loading ---------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Gazetteer:
        g = cls()
        gaz = data_dir / "gazetteer"
        lines = (gaz / "places.tsv").read_text(encoding="utf-8").split("\n")[1:]
        raw, named = g.places.raw, g.places.named_ids
        for line in lines:
            if not line:
                continue
            i = line.index("\t")
            key = int(line[:i])
            raw[key] = line
            if line[line.index("\t", i + 1) + 1] != "\t":  # an Arabic name (third column): the index reaches it
                named.append(key)
        country_rows = list(_rows(gaz / "countries.tsv"))
        for p in country_rows:
            bbox = tuple(float(x) for x in p[9].split(",")) if p[9] else None
            c = Country(p[0], p[2], p[3], _split(p[4]), int(p[5]) if p[5] else None, _f(p[6]), _f(p[7]),
                        tuple(x for x in p[8].split(",") if x), bbox)
            g.countries[c.iso2] = c
        admin1_rows = list(_rows(gaz / "admin1.tsv"))
        for p, key in zip(admin1_rows, admin1_keys(admin1_rows), strict=True):
            a = Admin1(key, p[1], p[2], p[3], _split(p[4]), _f(p[7]), _f(p[8]), int(p[5]) if p[5] else None)
            g.admin1[a.iso] = a
            if p[6]:
                g.admin1_by_gn.setdefault(p[6], a.iso)
        idx = _Index(_stored_index(gaz) or ())
        if not idx:  # no index.json, or the normaliser changed since the build: compute the same thing now
            named_rows = [g.places.raw[k].split("\t") for k in g.places.named_ids]
            idx.update(table_index(named_rows, country_rows, admin1_rows))

        def add(name: str, entry: Entry) -> None:
            k = norm_name(name)
            if len(k.replace(" ", "")) < MIN_LETTERS:
                return
            lst = idx.get(k)
            if lst is None:
                dict.__setitem__(idx, k, [entry])
            elif entry not in lst:
                lst.append(entry)

        for p in _rows(gaz / "admin1_codes.tsv"):
            g.admin1_codes[p[0]] = p[1]
        for p in _rows(gaz / "borders.tsv"):
            g.borders[frozenset((p[0], p[1]))] = (float(p[2]), float(p[3]))
        for p in _rows(data_dir / "regions.tsv"):
            r = Region(p[0], p[1], p[2], _split(p[3]), tuple(x for x in p[4].split(",") if x), float(p[5]),
                       float(p[6]))
            g.regions[r.id] = r
            e = Entry("region", r.id)
            for n in (r.name_ar, *r.aliases):
                add(n, e)
        for p in _rows(data_dir / "nationalities.tsv"):
            k = norm_name(p[1])
            g.nationalities.setdefault(k, p[0])
            add(p[1], Entry("nationality", p[0]))
        for p in _rows(data_dir / "place_stopwords.tsv"):
            g.stop_rules[norm_name(p[0])] = p[1]
        g.common = frozenset(p[0] for p in _rows(gaz / "common_words.tsv"))
        g.blocked = frozenset(p[0] for p in _rows(gaz / "clitic_blocks.tsv"))
        for k, rule in g.stop_rules.items():
            if rule == "never":
                idx.pop(k, None)
        if (gaz / "parts.tsv").is_file():  # «شمال مالي»: precomputed by the build script
            for p in _rows(gaz / "parts.tsv"):
                g.part_cache[(p[0], p[1])] = (float(p[2]), float(p[3])) if p[2] else None
        g.index = idx
        return g

    # -- lazily built helpers ----------------------------------------------------------------------------------
    @property
    def automaton(self):
        """Aho-Corasick automaton over every index form, plus the article-less stem of «ال…» forms (for «لل…»).

        Each key's value is (length, form or None, «ال» form or None)."""
        if self._automaton is None:
            with self._lock:
                if self._automaton is None:
                    import ahocorasick

                    A = ahocorasick.Automaton()
                    # value: (the form itself or None, the «ال» form it stands for after «لل» or None)
                    vals: dict[str, tuple[str | None, str | None]] = {k: (k, None) for k in self.index}
                    for k in self.index:
                        if k.startswith("ال") and len(k) > 4:
                            stem = k[2:]
                            vals[stem] = (vals.get(stem, (None, None))[0], k)
                    for k, v in vals.items():
                        A.add_word(k, (len(k), v[0], v[1]))
                    A.make_automaton()
                    self._automaton = A
        return self._automaton

    def admin1_at(self, lat: float, lon: float, cc: str | None = None) -> str | None:
        """ISO 3166-2 code of the admin-1 unit holding the point (nearest unit within ~30 km for coastal points)."""
        pip = self._pip
        if pip is None:
            with self._lock:
                if self._pip is None:
                    self._pip = _PolygonIndex.load(GAZ_DIR / "admin1.geojson")
                pip = self._pip
        return pip.lookup(lat, lon, cc)

    def skeleton_index(self, cc: str) -> dict[str, list[int]]:
        """Latin consonant skeleton -> place ids, for one country (built on first use)."""
        sk = self._skeletons.get(cc)
        if sk is None:
            from rasd.places.resolve import latin_skeleton

            sk = {}
            for pid, name_en, latin in self._latin_names(cc):
                for name in dict.fromkeys([name_en, *_split(latin)]):  # (in order: the index is the same every run)
                    s = latin_skeleton(name)
                    if len(s) >= 2:  # two consonants only ever match next to a named province or town
                        lst = sk.setdefault(s, [])
                        if pid not in lst:
                            lst.append(pid)
            self._skeletons[cc] = sk
        return sk

    def _latin_names(self, cc: str):
        """(id, English name, Latin names) of one country's places, read from raw rows where they are still
        raw: the skeleton index needs three columns, not 25k place objects. Sorted by id, so that the index (and
        every tie it breaks) does not depend on which places earlier articles happened to load."""
        rows = []
        for pid, line in self.places.raw.items():
            parts = line.split("\t", 10)
            if parts[3] == cc:
                rows.append((pid, parts[1], parts[9] if len(parts) > 9 else ""))
        rows += [(p.id, p.name_en, p.latin) for p in dict.values(self.places) if p.cc == cc]
        return sorted(rows)


def _stored_index(gaz: Path) -> dict | None:
    """The build script's precomputed table index, if it was made with the normaliser this process has."""
    path = gaz / "index.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    if data.get("normaliser") != normaliser_fingerprint():
        return None
    return data["forms"]


class _PolygonIndex:
    """Point-in-polygon over the simplified admin-1 polygons, in plain Python.

    A handful of look-ups per article does not pay for importing shapely (0.1 s) and building geometries at
    start-up; a bounding-box filter and ray casting over ~37k vertices answer in microseconds. Distances, like
    shapely's, are planar in degrees (only used to pick the nearest unit for a coastal point)."""

    NEAR = 0.3  # degrees: how far outside the simplified outline a point may fall and still get a unit

    def __init__(self, units: list[tuple[str, str, tuple[float, float, float, float], list[list[list[tuple]]]]]):
        self.units = units  # (iso, cc, bbox, polygons: [rings: [(lon, lat), …]]; the first ring is the outline)

    @classmethod
    def load(cls, path: Path) -> _PolygonIndex:
        import json

        units = []
        for f in json.loads(path.read_text("utf-8"))["features"]:
            geom = f["geometry"]
            polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
            # rings stay the [x, y] lists JSON gives (unpacked alike): converting 37k vertices costs more than
            # the few look-ups of an article
            outlines = [poly[0] for poly in polys]
            xs = [min(v[0] for v in r) for r in outlines] + [max(v[0] for v in r) for r in outlines]
            ys = [min(v[1] for v in r) for r in outlines] + [max(v[1] for v in r) for r in outlines]
            units.append((f["properties"]["iso"], f["properties"]["cc"], (min(xs), min(ys), max(xs), max(ys)), polys))
        return cls(units)

    @staticmethod
    def _inside(x: float, y: float, ring: list[tuple[float, float]]) -> bool:
        inside = False
        x0, y0 = ring[-1]
        for x1, y1 in ring:
            if (y1 > y) != (y0 > y) and x < (x0 - x1) * (y - y1) / (y0 - y1) + x1:
                inside = not inside
            x0, y0 = x1, y1
        return inside

    @staticmethod
    def _distance(x: float, y: float, ring: list[tuple[float, float]]) -> float:
        best = float("inf")
        x0, y0 = ring[-1]
        for x1, y1 in ring:
            dx, dy = x1 - x0, y1 - y0
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
            px, py = x0 + t * dx - x, y0 + t * dy - y
            best = min(best, px * px + py * py)
            x0, y0 = x1, y1
        return math.sqrt(best)

    def lookup(self, lat: float, lon: float, cc: str | None) -> str | None:
        x, y = lon, lat
        near = []
        for iso, ucc, (x0, y0, x1, y1), polys in self.units:
            if cc is not None and ucc != cc:
                continue
            if x0 <= x <= x1 and y0 <= y <= y1:
                for poly in polys:
                    if self._inside(x, y, poly[0]) and not any(self._inside(x, y, hole) for hole in poly[1:]):
                        return iso
            if x0 - self.NEAR <= x <= x1 + self.NEAR and y0 - self.NEAR <= y <= y1 + self.NEAR:
                near.append((iso, polys))
        # coastal or border points just outside the simplified outline: the nearest unit within NEAR degrees
        best, best_d = None, self.NEAR
        for iso, polys in near:
            d = min(self._distance(x, y, poly[0]) for poly in polys)
            if d < best_d:
                best, best_d = iso, d
        return best


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first call)."""
    return Gazetteer.load()
