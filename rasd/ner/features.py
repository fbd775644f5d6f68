"""CRF features for Arabic NER, built fast: every word's features are computed once and cached.

Per token: normalised word, affixes, clitic-stripped stem and its proclitics, shape, length
bucket, word-cluster ids at several granularities (with a stem back-off for words whose
attached clitics hide them from the cluster map) and a cue-word class (مدينة → LOC cue,
وزير → PERS cue, …). A window of ±2 tokens contributes a subset of the same features with a
position prefix, plus word bigrams. The per-word parts, already prefixed for every window
position, live in a cache, so a sentence costs only list concatenations.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from rasd.normalize import normalize_text
from rasd.ner.clusters import ClusterMap
from rasd.segment import split_proclitics

__all__ = ["FEATURE_VERSION", "FeatureConfig", "FeatureExtractor", "CUE_WORDS", "word_shape"]

FEATURE_VERSION = "crf-3"

# Cue words (normalised, clitics stripped) and the entity type they announce next to them.
CUE_WORDS: dict[str, str] = {}
for _cls, _words in {
    "LOC": "مدينه ولايه حي محافظه بلده قريه منطقه عاصمه اقليم اقاليم اقليمي دوله جمهوريه مملكه امارة اماره "
           "جزيره نهر بحر جبل مخيم شارع ساحه ميناء مطار بلاد مدن عواصم ضواحي ريف",
    "ORG": "قوات جماعه تنظيم حركه وكاله صحيفه حزب شركه جامعه منظمه مجلس جبهه اتحاد جمعيه هيئه لجنه "
           "مؤسسه بنك مصرف نادي فريق منتخب محكمه وزاره مكتب اذاعه قناه تلفزيون مجموعه ائتلاف كتائب "
           "ميليشيا مليشيا جيش شرطه",
    "PERS": "وزير رئيس ناطق متحدث عقيد عميد لواء رائد نقيب ملازم فريق شيخ سيد سيده امير ملك "
            "ملكه نائب سفير مستشار مدير قائد زعيم امين دكتور استاذ مراسل الرئيس الشيخ السيد قال "
            "اكد اوضح اضاف ابن بن بنت ابو ام الامير الملك الرئيسه",
}.items():
    for _w in _words.split():
        CUE_WORDS.setdefault(normalize_text(_w), _cls)

_ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
_LATIN = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"[0-9.,]+")
_PUNCT = re.compile(r"[^\w\s]+")


def word_shape(word: str) -> str:
    """A: Arabic letters, L/Lc: Latin (Lc capitalised), D: digits, P: punctuation, M: mixed."""
    if _ARABIC.fullmatch(word):
        return "A"
    if _DIGIT.fullmatch(word):
        return "D"
    if _LATIN.fullmatch(word):
        return "Lc" if word[0].isupper() else "L"
    if _PUNCT.fullmatch(word):
        return "P"
    return "M"


def _len_bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "5" if n <= 5 else "8" if n <= 8 else "9"


@dataclass(frozen=True)
class FeatureConfig:
    """Which features to emit; stored in model.json so a model always gets the features it was trained on."""

    raw_word: bool = True
    affixes: int = 4
    stem: bool = True
    shape: bool = True
    cues: bool = True
    cluster_ks: tuple[int, ...] = (64, 256, 1024)
    window: int = 2
    window1_cluster_ks: tuple[int, ...] = (64, 256, 1024)
    window2_cluster_ks: tuple[int, ...] = (256,)
    window1_affixes: int = 2
    window_stem: bool = True
    bigrams: bool = True
    cluster_bigrams: tuple[int, ...] = ()
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = asdict(self)
        for k, v in d.items():
            if isinstance(v, tuple):
                d[k] = list(v)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "FeatureConfig":
        kw = {}
        for k, v in d.items():
            if k in cls.__dataclass_fields__:
                kw[k] = tuple(v) if isinstance(v, list) else v
        return cls(**kw)


class FeatureExtractor:
    """Turns token lists into crfsuite attribute lists (one list of strings per token)."""

    _MAX_CACHE = 300_000

    def __init__(self, config: FeatureConfig | None = None, clusters: ClusterMap | None = None,
                 known: frozenset[str] | None = None):
        """`known`: the attributes a trained model has weights for; others are dropped early (speed only)."""
        self.config = config or FeatureConfig()
        self.clusters = clusters
        self.known = known
        cks = clusters.ks if clusters is not None else ()
        self._cols = [cks.index(k) for k in self.config.cluster_ks if k in cks]
        self._w1cols = [cks.index(k) for k in self.config.window1_cluster_ks if k in cks]
        self._w2cols = [cks.index(k) for k in self.config.window2_cluster_ks if k in cks]
        self._bcols = [cks.index(k) for k in self.config.cluster_bigrams if k in cks]
        self._cache: dict[str, tuple] = {}

    # -- one word ---------------------------------------------------------------------------------
    def _word(self, tok: str) -> tuple:
        cfg = self.config
        n = normalize_text(tok)
        f0 = ["w=" + n]
        if cfg.raw_word and tok != n:
            f0.append("r=" + tok)
        readings = split_proclitics(n) if cfg.stem or cfg.cues or self.clusters is not None else []
        stem, clitic = (readings[0][1], readings[0][0]) if readings else (n, "")
        if cfg.stem:
            f0.append("st=" + stem)
            f0.append("pc=" + clitic)
        for k in range(1, cfg.affixes + 1):
            if len(n) > k:
                f0.append(f"p{k}={n[:k]}")
                f0.append(f"s{k}={n[-k:]}")
        shape = word_shape(n)
        if cfg.shape:
            f0.append("sh=" + shape)
            f0.append("ln=" + _len_bucket(len(n)))
        cue = None
        if cfg.cues:
            cue = CUE_WORDS.get(n) or CUE_WORDS.get(stem)
            if cue:
                f0.append("cue=" + cue)
        cids: tuple[int, ...] | None = None
        stem_cids: tuple[int, ...] | None = None
        if self.clusters is not None:
            cids = self.clusters.get(n)
            if cids is None:
                for pre, s in readings:
                    if pre:
                        stem_cids = self.clusters.get(s)
                        if stem_cids is not None:
                            break
            ks = self.clusters.ks
            if cids is not None:
                f0.extend(f"c{ks[c]}={cids[c]}" for c in self._cols)
            elif stem_cids is not None:
                f0.extend(f"cs{ks[c]}={stem_cids[c]}" for c in self._cols)
            else:
                f0.append("c=oov")
        # window views of this word, prefixed by its position relative to the tagged token
        base1 = ["w=" + n]
        if cfg.window_stem and stem != n:
            base1.append("st=" + stem)
        for k in range(1, cfg.window1_affixes + 1):
            if len(n) > k:
                base1.append(f"s{k}={n[-k:]}")
                base1.append(f"p{k}={n[:k]}")
        base1.append("sh=" + shape)
        if cue:
            base1.append("cue=" + cue)
        base2 = ["w=" + n]
        if cue:
            base2.append("cue=" + cue)
        if self.clusters is not None:
            ks = self.clusters.ks
            src, tag = (cids, "c") if cids is not None else (stem_cids, "cs")
            if src is not None:
                base1.extend(f"{tag}{ks[c]}={src[c]}" for c in self._w1cols)
                base2.extend(f"{tag}{ks[c]}={src[c]}" for c in self._w2cols)
        m1 = tuple("-1" + x for x in base1)
        p1 = tuple("+1" + x for x in base1)
        m2 = tuple("-2" + x for x in base2)
        p2 = tuple("+2" + x for x in base2)
        ckey = ""
        if self._bcols:
            src = cids if cids is not None else stem_cids
            ckey = ".".join(str(src[c]) for c in self._bcols) if src is not None else "x"
        f0.append("bias")
        known = self.known
        if known is not None:
            f0 = [x for x in f0 if x in known]
            m1, p1, m2, p2 = (tuple(x for x in v if x in known) for v in (m1, p1, m2, p2))
        # tuples of strings only: the garbage collector stops tracking them, so a large cache costs nothing
        return (tuple(f0), m1, p1, m2, p2, n, ckey)

    def word_features(self, tok: str) -> tuple:
        w = self._cache.get(tok)
        if w is None:
            if len(self._cache) >= self._MAX_CACHE:
                self._cache.clear()
            w = self._cache[tok] = self._word(tok)
        return w

    # -- one sentence -----------------------------------------------------------------------------
    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """crfsuite attributes for each token of one sentence."""
        cache = self._cache
        ws = []
        for t in tokens:
            w = cache.get(t)
            if w is None:
                w = self.word_features(t)
            ws.append(w)
        n = len(ws)
        win = self.config.window
        bigrams = self.config.bigrams
        cbig = bool(self._bcols)
        known = self.known
        out = []
        for i in range(n):
            w = ws[i]
            f = list(w[0])
            if i > 0:
                pw = ws[i - 1]
                if win >= 1:
                    f += pw[1]
                if bigrams:
                    x = "b-=" + pw[5] + "|" + w[5]
                    if known is None or x in known:
                        f.append(x)
                if cbig:
                    x = "cb-=" + pw[6] + "|" + w[6]
                    if known is None or x in known:
                        f.append(x)
                if i > 1 and win >= 2:
                    f += ws[i - 2][3]
            else:
                f.append("BOS")  # kept even if unknown: cheap, and a model always has it
            if i + 1 < n:
                nw = ws[i + 1]
                if win >= 1:
                    f += nw[2]
                if bigrams:
                    x = "b+=" + w[5] + "|" + nw[5]
                    if known is None or x in known:
                        f.append(x)
                if cbig:
                    x = "cb+=" + w[6] + "|" + nw[6]
                    if known is None or x in known:
                        f.append(x)
                if i + 2 < n and win >= 2:
                    f += ws[i + 2][4]
            else:
                f.append("EOS")
            out.append(f)
        return out
