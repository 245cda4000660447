"""Perturbation robustness suite: does an event the pipeline finds survive a small rewrite of its sentence?

Shared by ``benchmarks/perturbations.py`` (the report) and ``tests/test_perturbations.py``
(the regression guard). Nothing here copies article text into the repository: the seed
sentences are read from ``../shared/eval/{dev,train}`` at run time (``train2`` is held out
and never read).

Steps
-----
1. **Seeds** (:func:`find_seeds`). Run the pipeline on the dev and train articles; keep the
   events that match a gold event of the same article (same type, countries Jaccard >= 0.5,
   compatible dates: the scorer's rule); run each such event's evidence sentence alone as a
   one-sentence article (same ``published`` date and language) and keep it when it still
   yields an event of the same type with exactly the same countries. Then draw a fixed
   number per language, spread evenly over the three types, with a fixed random seed.
2. **Perturbations** (:data:`PERTURBATIONS`): each kind is a function ``(seed, ctx) ->
   Variant | None`` that rewrites the sentence in a meaning-preserving way, or returns None
   where it does not apply. A variant carries the countries (and for ``date`` the
   ``date_start``) the pipeline should now report.
3. **Check** (:func:`evaluate`): all variants go to one ``pipeline.extract`` call; a variant
   *survives* when its one-sentence article yields an event of the seed's type whose
   countries have Jaccard >= 0.5 with the expected ones and, for ``date``, whose
   ``date_start`` is the new date. ``exact`` additionally requires the same country set.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import random
import re
import unicodedata
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SPLITS = ("dev", "train")          # never train2: it is held out
GAZ = ROOT / "data" / "gazetteers"
TYPES = ("visit", "meeting", "agreement")


# --------------------------------------------------------------------------- data classes
@dataclass
class Seed:
    """A one-sentence event the pipeline extracts correctly, alone and in its article."""

    sid: str
    doc_id: str
    lang: str
    type: str
    countries: tuple[str, ...]
    sentence: str
    published: str | None
    trigger: str
    date_start: str | None           # as the one-sentence run gives it
    status: str = "occurred"         # occurred or planned, as the one-sentence run gives it
    entities: list[dict] = field(default_factory=list)   # from the one-sentence run


@dataclass
class Variant:
    """One rewrite of a seed sentence and the event it should still yield."""

    kind: str
    seed: Seed
    text: str
    expected_countries: tuple[str, ...]
    expected_date: str | None = None
    note: str = ""                   # what was changed, for the failure listing


@dataclass
class Outcome:
    """What the pipeline made of a variant: the event survived, and whether its countries match exactly."""

    variant: Variant
    passed: bool
    exact: bool
    got: list[tuple[str, tuple[str, ...], str | None]]   # (type, countries, date_start) of every event


# --------------------------------------------------------------------------- small helpers
def jaccard(a: Iterable[str] | None, b: Iterable[str] | None) -> float:
    """Overlap of two sets of codes (1.0 when both are empty): how close the countries found are."""
    a, b = set(a or ()), set(b or ())
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _crc(*parts: Any) -> int:
    return zlib.crc32("\x1f".join(map(str, parts)).encode("utf-8"))


def _rng(seed: Seed, kind: str, salt: int = 0) -> random.Random:
    """A per-(seed, kind) generator, so one kind's choices never depend on another's."""
    return random.Random(_crc(seed.sid, kind, salt))


def _none(x: Any) -> Any:
    try:
        import pandas as pd

        if x is None or (not isinstance(x, (list, tuple, dict, str)) and pd.isna(x)):
            return None
    except (TypeError, ValueError):
        pass
    return x


def _date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    if not value:
        return None
    parts = str(value).split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        m = int(parts[1])
        if len(parts) == 2:
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        d = dt.date(y, m, int(parts[2][:2]))
        return d, d
    except (ValueError, IndexError):
        return None


def _dates_compatible(g: dict, p: dict) -> bool:
    def span(e):
        s = _date_span(_none(e.get("date_start")))
        if not s:
            return None
        t = _date_span(_none(e.get("date_end"))) or s
        return s[0], max(s[1], t[1])

    a, b = span(g), span(p)
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _word_re(form: str) -> re.Pattern:
    """``form`` as a whole word (letters/digits may not touch it on either side)."""
    return re.compile(r"(?<![\w])" + re.escape(form) + r"(?![\w])")


def _has_diacritics(s: str) -> bool:
    return any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", s)) or "đ" in s.lower()


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def _first_word(s: str) -> str:
    m = re.match(r"\s*([\w’'-]+)", s)
    return m.group(1) if m else ""


# Words that may lose their sentence-initial capital (never names or Vietnamese titles).
EN_COMMON = {
    "the", "a", "an", "on", "in", "at", "during", "both", "two", "after", "before", "while",
    "following", "this", "that", "these", "those", "its", "his", "her", "their", "earlier",
    "later", "last", "also", "as", "with", "under", "according", "meanwhile", "prior", "to",
    "for", "from", "by", "among", "and", "but", "it", "he", "she", "they", "we", "there",
    "over", "within", "upon", "amid", "leaders", "officials", "representatives", "top",
    "senior", "speaking", "addressing", "receiving", "meeting", "welcoming", "at", "next",
    "since", "when", "besides", "apart", "then", "here", "through", "on", "one", "several",
}
VI_COMMON = {
    "sáng", "chiều", "tối", "trưa", "ngày", "hôm", "đêm", "tại", "trong", "nhân", "sau", "trước",
    "theo", "hai", "các", "những", "cũng", "tiếp", "ngoài", "bên", "vào", "từ", "với", "khi",
    "đã", "sẽ", "tuần", "tháng", "năm", "nhằm", "dịp", "trên", "lần", "đây", "đó", "này",
    "thay", "cùng", "tiếp", "phát", "đoàn", "lãnh", "chuyến", "cuộc", "buổi", "ngay", "nối",
    "đồng", "thời", "tiếp", "ông", "bà", "về", "là", "hội", "thăm", "kết", "mở", "dự", "nhắc",
    "chào", "để", "tuy", "mặc", "việc", "sự", "riêng", "kể", "mới",
}


def _is_common_first(sentence: str, lang: str, entities: list[dict] | None = None) -> bool:
    """The sentence starts with an ordinary capitalised word (not a name, title or country)."""
    w = _first_word(sentence)
    lead = len(sentence) - len(sentence.lstrip())
    if any(e.get("start") == lead and e.get("label") in ("PERSON", "COUNTRY", "PLACE", "ORG", "TITLE")
           for e in entities or ()):
        return False
    return bool(w) and w[:1].isupper() and w.lower() in (EN_COMMON if lang == "en" else VI_COMMON)


# --------------------------------------------------------------------------- gazetteers
@dataclass
class Gazetteers:
    # lang -> list of (form, iso3, kind, ambiguous), longest form first
    """The gazetteer forms the rewrites swap in (country names, demonyms), read from the data files."""

    country_forms: dict[str, list[tuple[str, str, str, bool]]]
    # iso3 -> lang -> kind -> first form of that kind
    primary: dict[str, dict[str, dict[str, str]]]
    # iso3 -> list of (canonical, [forms])
    people: dict[str, list[tuple[str, list[str]]]]
    # list of (form, canonical, iso3), longest form first
    person_forms: list[tuple[str, str, str]]

    @classmethod
    def load(cls, root: Path = GAZ) -> "Gazetteers":
        """Read the country tables under ``root``, longest form first so a rewrite replaces whole names."""
        forms: dict[str, list] = defaultdict(list)
        primary: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
        for name in ("countries.tsv", "country_aliases.tsv"):
            for row in _read_tsv(root / name):
                iso, lang, form, kind = row["iso3"], row["lang"], row["name"], row["kind"]
                amb = row.get("ambiguous", "0") == "1"
                forms[lang].append((form, iso, kind, amb))
                primary[iso][lang].setdefault(kind, form)
        for lang in forms:
            forms[lang] = sorted(set(forms[lang]), key=lambda t: (-len(t[0]), t[0]))
        people: dict[str, list] = defaultdict(list)
        person_forms = []
        for row in _read_tsv(root / "people.tsv"):
            iso = (row.get("country") or "").strip()
            if not iso:
                continue
            canon = row["canonical"].strip()
            alts = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            all_forms = list(dict.fromkeys([canon] + alts))
            people[iso].append((canon, all_forms))
            person_forms.extend((f, canon, iso) for f in all_forms if len(f.split()) >= 2)
        person_forms.sort(key=lambda t: (-len(t[0]), t[0]))
        return cls(dict(forms), {k: dict(v) for k, v in primary.items()}, dict(people), person_forms)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"))) for ln in lines[1:] if ln.strip() and not ln.startswith("#")]


@dataclass
class Context:
    """What every perturbation function may use (the gazetteers), loaded once per suite."""

    gaz: Gazetteers


# --------------------------------------------------------------------------- seeds
def shared_available(shared: Path = SHARED) -> bool:
    """Whether the gold sets the seeds come from are present (the suite skips without them)."""
    return all((shared / "eval" / s / f).exists() for s in SPLITS for f in ("docs.jsonl", "gold.jsonl"))


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _events_by_doc(events_df) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for e in events_df.to_dict("records"):
        out[e["doc_id"]].append(e)
    return out


def _entities_by_doc(entities_df) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    if entities_df is None or not len(entities_df):
        return out
    for e in entities_df.to_dict("records"):
        out[e["doc_id"]].append({k: _none(e.get(k)) for k in ("start", "end", "text", "label", "canonical", "country")})
    return out


def _gold_matched(golds: list[dict], preds: list[dict]) -> list[int]:
    """Indices of the predictions that the scorer's greedy matching pairs with a gold event."""
    cands = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if g["type"] != p["type"] or jaccard(g.get("countries"), p.get("countries")) < 0.5:
                continue
            if not _dates_compatible(g, p):
                continue
            cands.append((jaccard(g.get("countries"), p.get("countries")), -gi, -pi, gi, pi))
    cands.sort(reverse=True)
    used_g, used_p = set(), set()
    for *_, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return sorted(used_p)


def find_seeds(pipe, shared: Path = SHARED, per_lang: int = 60, seed: int = 20240601) -> list[Seed]:
    """The seed events (see the module docstring), ``per_lang`` per language at most."""
    import pipeline

    docs = []
    gold: dict[str, list[dict]] = {}
    for split in SPLITS:
        docs += [{"id": d["id"], "text": d["text"], **({"published": d["published"]} if d.get("published") else {})}
                 for d in _read_jsonl(shared / "eval" / split / "docs.jsonl")]
        for g in _read_jsonl(shared / "eval" / split / "gold.jsonl"):
            gold[g["doc_id"]] = g.get("events", [])
    full = pipeline.extract(docs, pipeline=pipe)
    by_doc = _events_by_doc(full.events)
    singles, meta = [], []
    seen: set[tuple[str, str]] = set()
    for doc_id, preds in by_doc.items():
        for pi in _gold_matched(gold.get(doc_id, []), preds):
            e = preds[pi]
            sent = (e.get("evidence") or "").strip()
            if not sent or len(sent) > 400 or "\n" in sent or (doc_id, sent) in seen:
                continue
            seen.add((doc_id, sent))
            sid = f"{doc_id}#{len(singles)}"
            published = _none(e.get("published"))
            art = {"id": sid, "text": sent, "lang": e["lang"]}
            if published:
                art["published"] = str(published)
            singles.append(art)
            meta.append((sid, doc_id, e, sent, published))
    alone = pipeline.extract(singles, pipeline=pipe)
    alone_ev = _events_by_doc(alone.events)
    alone_ent = _entities_by_doc(alone.entities)
    pool: dict[tuple[str, str], list[Seed]] = defaultdict(list)
    for sid, doc_id, e, sent, published in meta:
        want = tuple(sorted(e["countries"] or ()))
        got = [x for x in alone_ev.get(sid, [])
               if x["type"] == e["type"] and tuple(sorted(x["countries"] or ())) == want]
        if not got:
            continue
        # a sentence often states more than one event of a type; keep the first that matches
        x = got[0]
        s = Seed(sid=sid, doc_id=doc_id, lang=e["lang"], type=e["type"], countries=want, sentence=sent,
                 published=str(published) if published else None, trigger=str(x.get("trigger") or ""),
                 date_start=_none(x.get("date_start")), status=str(x.get("status") or "occurred"),
                 entities=alone_ent.get(sid, []))
        pool[(s.lang, s.type)].append(s)
    rng = random.Random(seed)
    chosen: list[Seed] = []
    for lang in ("en", "vi"):
        quota = {t: per_lang // len(TYPES) for t in TYPES}
        for t in TYPES[: per_lang % len(TYPES)]:
            quota[t] += 1
        shuffled = {t: sorted(pool[(lang, t)], key=lambda s: s.sid) for t in TYPES}
        for t in TYPES:
            rng.shuffle(shuffled[t])
        take = {t: min(quota[t], len(shuffled[t])) for t in TYPES}
        spare = per_lang - sum(take.values())
        while spare > 0:                     # a type short of seeds leaves its share to the others
            grew = False
            for t in TYPES:
                if spare and take[t] < len(shuffled[t]):
                    take[t] += 1
                    spare -= 1
                    grew = True
            if not grew:
                break
        for t in TYPES:
            chosen += shuffled[t][: take[t]]
    return chosen


# --------------------------------------------------------------------------- perturbations
# Each kind: (seed, ctx) -> Variant | None. None = does not apply to this sentence.

def _variant(kind: str, seed: Seed, text: str, note: str, countries: Iterable[str] | None = None,
             date: str | None = None) -> Variant | None:
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    if text == seed.sentence.strip():
        return None
    return Variant(kind, seed, text, tuple(sorted(countries if countries is not None else seed.countries)), date, note)


def _trigger_span(seed: Seed) -> tuple[int, int] | None:
    t = seed.trigger.strip()
    if not t:
        return None
    i = seed.sentence.find(t)
    if i < 0:
        i = seed.sentence.lower().find(t.lower())
    return (i, i + len(t)) if i >= 0 else None


def perturb_case_initial(seed: Seed, ctx: Context) -> Variant | None:
    """(a1) Lower-case the sentence-initial capital when the first word is an ordinary word
    ("The two leaders held talks" -> "the two leaders held talks"; "Chiều 7/5, ..." ->
    "chiều 7/5, ..."), as in a sentence that lost its start or a fragment after a bad split.
    Names and Vietnamese titles ("Thủ tướng", "Tổng Bí thư") keep their capital: skipped."""
    s = seed.sentence
    if not _is_common_first(s, seed.lang, seed.entities):
        return None
    return _variant("case_initial", seed, _lower_first(s), f"lower-cased {_first_word(s)!r}")


_EN_TITLE_NOUNS = re.compile(r"\b(?:visit|visits|trip|agreement|agreements|deal|treaty|memorandum|statement|"
                             r"declaration|"
                             r"accord|pact|partnership|understanding|summit)$", re.I)
_VI_TITLE_NOUNS = re.compile(r"^(?:thỏa thuận|thoả thuận|hiệp định|bản ghi nhớ|tuyên bố chung|hiệp ước|văn kiện|"
                             r"công hàm)$", re.I)


def perturb_case_trigger(seed: Seed, ctx: Context) -> Variant | None:
    """(a2) Flip the case of the trigger where either case is normal writing: a capitalised
    trigger is lower-cased ("the State Visit to" -> "the state visit to", "Tuyên bố chung" ->
    "tuyên bố chung"); a lower-case noun trigger naming a visit or document gets official
    capitals ("an official visit" -> "an Official Visit", "the agreement" -> "the Agreement",
    "thỏa thuận" -> "Thỏa thuận"). Verbs ("met", "hội đàm") and triggers of more than four
    words are left alone (skipped)."""
    span = _trigger_span(seed)
    if not span:
        return None
    a, b = span
    trig = seed.sentence[a:b]
    if len(trig.split()) > 4 or not trig[:1].isalpha():
        return None
    words = trig.split(" ")
    if any(w[:1].isupper() for w in words):
        new = trig.lower() if a > 0 else trig[:1] + trig[1:].lower()
    elif seed.lang == "en" and _EN_TITLE_NOUNS.search(trig) and not re.search(r"\b(?:will|to|would|and|may|can)\s+$",
                                                                           seed.sentence[:a]):
        new = " ".join(w[:1].upper() + w[1:] if len(w) > 2 or i == 0 else w for i, w in enumerate(words))
    elif seed.lang == "vi" and _VI_TITLE_NOUNS.match(trig):
        new = _upper_first(trig)
    else:
        return None
    if new == trig:
        return None
    return _variant("case_trigger", seed, seed.sentence[:a] + new + seed.sentence[b:], f"{trig!r} -> {new!r}")


def _fix_article(text: str) -> str:
    """'a important' -> 'an important', 'an cordial' -> 'a cordial' (only for the words inserted here)."""
    text = re.sub(r"\b([Aa]) (important|official|unofficial|extended)\b", r"\1n \2", text)
    return re.sub(r"\b([Aa])n (cordial|high-profile|productive|new|formal)\b", r"\1 \2", text)


# (pattern, replacement) pairs; a replacement may use \g<...> groups. The match nearest the
# trigger is rewritten, and only that one.
_EN_MODIFIERS: list[tuple[str, str]] = [
    # held talks -> held cordial talks; held phone talks -> held cordial phone talks
    (r"\b(?P<v>held|hold|holds|holding|had|have|has) (?P<n>(?:(?:official|phone|bilateral|online|virtual|"
     r"formal) )?talks)\b",
     r"\g<v> cordial \g<n>"),
    # held a meeting -> held a cordial meeting
    (r"\b(?P<v>held|hold|holds|holding|had|have|has) (?P<d>an?) (?P<n>(?:(?:bilateral|phone|working|separate|courtesy|"
     r"official|brief) )?"
     r"(?:meeting|phone call|phone conversation|conversation|call|talk))\b",
     r"\g<v> \g<d> cordial \g<n>"),
    # an official visit -> a high-profile official visit
    (r"\b(?P<d>an?|the|his|her|their|its) (?P<n>(?:(?:official|state|State|working|two-day|three-day|four-day|five-day|"
     r"first|"
     r"historic|upcoming|forthcoming|recent) )*(?:visit|trip|tour))\b",
     r"\g<d> high-profile \g<n>"),
    # witnessed the signing of -> witnessed the formal signing of
    (r"\b(?P<d>the|a) (?P<n>signing (?:of|ceremony)|exchange of)\b", r"\g<d> formal \g<n>"),
    # met with -> also met with; will sign -> will also sign
    (r"\b(?P<m>(?:will|would|to|can|could|may|did) )?(?P<v>meet|meets|met|receive|receives|received|visit|visits|"
     r"visited|"
     r"sign|signs|signed|host|hosts|hosted|welcome|welcomes|welcomed|inked)\b",
     r"\g<m>also \g<v>"),
]
# words after which "visit", "sign", "meet" ... are nouns (or "also" would read badly)
_EN_NOT_BEFORE_VERB = {"also", "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those",
                       "forthcoming", "upcoming", "official", "state", "working", "first", "recent", "our", "my",
                       "your", "next", "last",
                       "of", "for", "on", "during", "after", "before", "historic", "two-day", "three-day", "whose",
                       "successful", "reciprocal", "return", "such", "planned", "scheduled", "high-level", "rare"}
_VI_MODIFIERS: list[tuple[str, str]] = [
    # cuộc hội đàm -> cuộc hội đàm cấp cao
    (r"(?<!\w)(?P<n>cuộc hội đàm|buổi hội đàm|cuộc hội kiến|buổi hội kiến)(?! (?:cấp cao|thượng đỉnh|chính thức|"
     r"trực tuyến))(?!\w)",
     r"\g<n> cấp cao"),
    # cuộc gặp -> cuộc gặp thân mật; buổi tiếp -> buổi tiếp thân mật
    (r"(?<!\w)(?P<n>cuộc gặp|buổi gặp|buổi tiếp|cuộc tiếp)(?! (?:gỡ|thân mật|song phương|cấp cao|riêng|"
     r"trực tuyến))(?!\w)",
     r"\g<n> thân mật"),
    # kết thúc chuyến thăm -> kết thúc tốt đẹp chuyến thăm
    (r"(?<!\w)(?P<v>kết thúc)(?P<n> chuyến thăm| chuyến công du)(?!\w)", r"\g<v> tốt đẹp\g<n>"),
    # bắt đầu chuyến thăm -> chính thức bắt đầu chuyến thăm
    (r"(?<!chính thức )(?<!\w)(?P<v>bắt đầu chuyến thăm)(?!\w)", r"chính thức \g<v>"),
    # chứng kiến lễ ký -> cùng chứng kiến lễ ký
    (r"(?<!cùng )(?<!\w)(?P<v>chứng kiến)(?!\w)", r"cùng \g<v>"),
    # (đã) hội đàm với -> cũng (đã) hội đàm với; only the trigger itself (see _VI_VERB)
]
_VI_VERB = re.compile(r"(?<!\w)(?P<m>(?:đã|sẽ|đang) )?(?P<v>hội đàm|hội kiến|điện đàm|tiếp|gặp|gặp gỡ|thăm|sang thăm|"
                      r"đến thăm|"
                      r"ký|ký kết|thăm chính thức|thăm cấp Nhà nước|thăm cấp nhà nước|thăm làm việc)(?!\w)")
_VI_NOUN_BEFORE = re.compile(r"(?:chuyến|cuộc|buổi|phòng|lễ|việc|kết quả|sau|trước|khi|tại|trong|cũng|vừa) $")


def perturb_modifier(seed: Seed, ctx: Context) -> Variant | None:
    """(b) Insert an innocuous modifier at the event, nearest the trigger:
    English "held talks" -> "held cordial talks", "held a meeting" -> "held a cordial meeting",
    "an official visit" -> "a high-profile official visit", "the signing of" -> "the formal
    signing of", else "met with" -> "also met with";
    Vietnamese "cuộc hội đàm" -> "cuộc hội đàm cấp cao", "cuộc gặp" -> "cuộc gặp thân mật",
    "kết thúc chuyến thăm" -> "kết thúc tốt đẹp chuyến thăm", "bắt đầu chuyến thăm" ->
    "chính thức bắt đầu chuyến thăm", "chứng kiến" -> "cùng chứng kiến", else the trigger
    verb gets "cũng" ("đã hội đàm với" -> "cũng đã hội đàm với")."""
    s = seed.sentence
    span = _trigger_span(seed) or (0, 0)
    cands = []   # (distance, rule order, start, end, new text)
    rules = _EN_MODIFIERS if seed.lang == "en" else _VI_MODIFIERS
    for order, (pat, rep) in enumerate(rules):
        for m in re.finditer(pat, s):
            if seed.lang == "en" and "also" in rep:
                before = s[: m.start()].rstrip().split(" ")[-1].lower() if s[: m.start()].strip() else ""
                if before in _EN_NOT_BEFORE_VERB or (not m.group("m") and before.endswith(("'s", "’s"))):
                    continue
            dist = max(0, max(span[0], m.start()) - min(span[1], m.end()))
            cands.append((dist, order, m.start(), m.end(), m.expand(rep)))
    if seed.lang == "vi":
        for m in _VI_VERB.finditer(s):
            a, b = m.start("v"), m.end("v")
            if not (a < span[1] and span[0] < b):       # only the trigger verb itself
                continue
            if _VI_NOUN_BEFORE.search(s[: m.start()]) \
                    or (not m.group("m") and re.search(r"(?:cũng|đã|sẽ|đang|sắp) $", s[: m.start()])) \
                    or re.search(r"(?:,|và) $", s[: m.start()]) or m.start() == 0:
                continue
            cands.append((0, len(rules), m.start(), m.end(), "cũng " + m.group(0)))
    if not cands:
        return None
    dist, _, a, b, new = min(cands)
    if dist > 60:
        return None
    out = s[:a] + new + s[b:]
    if seed.lang == "en":
        out = _fix_article(out)
    return _variant("modifier", seed, out, f"{s[a:b]!r} -> {new!r}")


# Countries a swap may bring in: unambiguous names in both languages, an English demonym that
# works as an adjective, no leading "the".
SWAP_TARGETS = ("JPN", "IND", "AUS", "CAN", "ITA", "BRA", "KOR", "THA", "IDN", "SGP", "MYS", "EGY", "ARG",
                "MEX", "ESP", "NLD", "POL", "SWE", "CHL", "HUN", "DEU", "RUS", "CUB", "LAO", "KHM")


def _spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_FORM_RX: dict[tuple[int, int], tuple[re.Pattern, dict[str, tuple]]] = {}


def _find_forms(text: str, forms: list[tuple[str, ...]], taken: list[tuple[int, int]] | None = None
                ) -> list[tuple[int, int, tuple[str, ...]]]:
    """Non-overlapping whole-word matches of ``forms`` (the longest at a position wins), as
    (start, end, row), leaving out any that overlaps a span in ``taken``."""
    key = (id(forms), len(forms))
    if key not in _FORM_RX:
        rows: dict[str, tuple] = {}
        for row in forms:
            rows.setdefault(row[0], row)
        alts = "|".join(re.escape(f) for f in sorted(rows, key=lambda f: (-len(f), f)))
        _FORM_RX[key] = (re.compile(r"(?<![\w])(?:" + alts + r")(?![\w])"), rows)
    rx, rows = _FORM_RX[key]
    return [(m.start(), m.end(), rows[m.group(0)]) for m in rx.finditer(text)
            if not any(_spans_overlap((m.start(), m.end()), t) for t in taken or ())]


def _country_mentions(seed: Seed, ctx: Context) -> list[tuple[int, int, str, str]]:
    """(start, end, iso3, kind) of every country name/alias/demonym in the sentence. An
    ambiguous form ("Nga", "Pháp", "Lao") counts only where the pipeline read it as a country."""
    ents = [(e["start"], e["end"]) for e in seed.entities if e.get("label") == "COUNTRY"]
    out = []
    for a, b, (form, iso, kind, amb) in _find_forms(seed.sentence, ctx.gaz.country_forms.get(seed.lang, [])):
        if amb and not any(_spans_overlap((a, b), e) for e in ents):
            kind = "unread"          # an ambiguous form the pipeline did not read as a country
        out.append((a, b, iso, kind))
    return out


def _person_mentions(text: str, ctx: Context, taken=None) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical, iso3) of every people.tsv person written in full in ``text``."""
    return [(a, b, canon, iso) for a, b, (form, canon, iso) in _find_forms(text, ctx.gaz.person_forms, taken)]


def _person_form(ctx: Context, iso: str, like: str, avoid: set[str], rng: random.Random,
                 text: str = "") -> tuple[str, str] | None:
    """Another people.tsv person of ``iso``: (canonical, the form written like ``like``:
    with diacritics if it has them, the canonical form if ``like`` is one). A person whose
    surname-or-given-name already stands in ``text`` (in any form) is never chosen."""
    def in_text(forms):
        return any(_word_re(f.split()[-1]).search(text) for f in forms if len(f.split()[-1]) > 2)

    cands = [(c, forms) for c, forms in ctx.gaz.people.get(iso, []) if c not in avoid and not in_text(forms)]
    if not cands:
        return None
    canon, forms = rng.choice(sorted(cands))
    want = _has_diacritics(like)
    good = [f for f in forms if _has_diacritics(f) == want and len(f.split()) >= 2]
    return canon, (good[0] if good else forms[0])


def _replace_spans(text: str, repl: list[tuple[int, int, str]]) -> str:
    for a, b, new in sorted(repl, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def perturb_country(seed: Seed, ctx: Context) -> Variant | None:
    """(c) Swap one of the event's countries for another everywhere the sentence names it:
    name -> name, demonym -> demonym ("Chinese Premier" -> "Indian Premier", "Trung Quốc" ->
    "Ấn Độ"), and any people.tsv person of that country for a person of the new one. A
    foreign country is swapped before Việt Nam (Vietnamese titles imply it). Skipped when
    the country is also implied by a place of it ("in Beijing"), or written in a form with
    no counterpart (pair forms like "Việt-Trung"). Expected: the event's countries with
    the old code replaced by the new one."""
    s = seed.sentence
    rng = _rng(seed, "country")
    mentions = _country_mentions(seed, ctx)
    persons = _person_mentions(s, ctx, taken=[(a, b) for a, b, *_ in mentions])
    present = {m[2] for m in mentions} | set(seed.countries) | {p[3] for p in persons} | {
        e["country"] for e in seed.entities if e.get("country")}
    place_iso = {e["country"] for e in seed.entities if e.get("label") == "PLACE" and e.get("country")}
    swappable = [iso for iso in seed.countries if iso not in place_iso
                 and any(m[2] == iso and m[3] != "unread" for m in mentions)]
    if not swappable:
        return None
    foreign = [iso for iso in swappable if iso != "VNM"]
    old = rng.choice(foreign or swappable)
    if any(m[2] == old and m[3] not in ("name", "alias", "demonym") for m in mentions):
        return None
    tied = [p for p in persons if p[3] == old]
    swapped = [(a, b) for a, b, iso, _ in mentions if iso == old]
    for e in seed.entities:
        # another person of the old country ("Putin", "his spouse Tran Nguyet Thu") would keep
        # that country in the event, unless a swapped name/demonym right before names them
        # ("his Chinese counterpart Wu Jianghao")
        if e.get("label") != "PERSON" or e.get("country") != old:
            continue
        if any(_spans_overlap((e["start"], e["end"]), (a, b)) for a, b, *_ in tied):
            continue
        if not any(0 <= e["start"] - b <= 40 for a, b in swapped):
            return None
    targets = [t for t in SWAP_TARGETS if t not in present and (not tied or ctx.gaz.people.get(t))]
    if not targets:
        return None
    new = rng.choice(targets)
    prim = ctx.gaz.primary.get(new, {}).get(seed.lang, {})
    repl = []
    for a, b, iso, kind in mentions:
        if iso != old:
            continue
        written = s[a:b]
        the = seed.lang == "en" and re.search(r"\b[Tt]he $", s[:a])
        if seed.lang == "en" and written.replace(".", "").isupper() and not the:
            kind = "demonym"         # "US counterpart", "UK delegation": an acronym used as an adjective
        form = prim.get("demonym") if kind == "demonym" else (prim.get("name") or prim.get("alias"))
        if not form:
            return None
        if the and kind != "demonym":   # "the United States" / "the Republic of India" -> "Egypt"
            a -= 4
            form = _upper_first(form) if s[a] == "T" else form
        repl.append((a, b, form))
    used: dict[str, str] = {}
    for a, b, canon, iso in tied:
        if canon not in used:
            got = _person_form(ctx, new, s[a:b], set(used.values()), rng, s)
            if not got:
                return None
            used[canon] = got[1]
        repl.append((a, b, used[canon]))
    out = _replace_spans(s, repl)
    expected = (set(seed.countries) - {old}) | {new}
    note = f"{old} -> {new}: " + ", ".join(f"{s[a:b]!r}->{f!r}" for a, b, f in sorted(repl))
    return _variant("country", seed, out, note, countries=expected)


def perturb_person(seed: Seed, ctx: Context) -> Variant | None:
    """(d) Swap a people.tsv person written in full for another person of the same country
    (same script: "Tô Lâm" -> "Phạm Minh Chính", "To Lam" -> "Pham Minh Chinh", "Tập Cận
    Bình" -> "Lý Cường", "Xi Jinping" -> "Li Qiang"). Skipped when a part of the name also
    stands alone elsewhere in the sentence ("... Chinh said"), which would no longer agree.
    Expected: the same type and countries."""
    s = seed.sentence
    rng = _rng(seed, "person")
    taken = [(a, b) for a, b, *_ in _country_mentions(seed, ctx)]
    persons = _person_mentions(s, ctx, taken)
    if not persons:
        return None
    present = {p[2] for p in persons}
    order = sorted({p[2] for p in persons})
    rng.shuffle(order)
    for canon in order:
        spans = [p for p in persons if p[2] == canon]
        iso = spans[0][3]
        got = _person_form(ctx, iso, s[spans[0][0]:spans[0][1]], present, rng, s)
        if not got:
            continue
        rest = _replace_spans(s, [(a, b, " " * (b - a)) for a, b, *_ in spans])
        parts = {w for a, b, *_ in spans for w in re.findall(r"\w+", s[a:b]) if len(w) > 2}
        if any(_word_re(w).search(rest) for w in parts):
            continue
        out = _replace_spans(s, [(a, b, got[1]) for a, b, *_ in spans])
        return _variant("person", seed, out, f"{s[spans[0][0]:spans[0][1]]!r} -> {got[1]!r} ({iso})")
    return None


# Invented names (no real office-holder intended), in the style of a few countries; Vietnamese
# ones in both scripts (text in English often drops the diacritics).
_INVENTED = {
    "CHN": (("Zhang Minghui", "Trương Minh Huy"), ("Liu Jianguo", "Lưu Kiến Quốc")),
    "JPN": (("Takeda Hiroshi", "Takeda Hiroshi"), ("Mori Kenji", "Mori Kenji")),
    "KOR": (("Park Min-jun", "Park Min-jun"), ("Kim Do-hyun", "Kim Do-hyun")),
    "USA": (("Robert Callahan", "Robert Callahan"), ("Susan Whitfield", "Susan Whitfield")),
    "RUS": (("Nikolai Petrovsky", "Nikolai Petrovsky"), ("Andrei Volkonsky", "Andrei Volkonsky")),
    "LAO": (("Bounmy Keovongsa", "Bounmy Keovongsa"), ("Somsak Phommachanh", "Somsak Phommachanh")),
    "KHM": (("Sok Vannak", "Sok Vannak"), ("Chea Sophal", "Chea Sophal")),
    "THA": (("Somchai Rattanakul", "Somchai Rattanakul"),),
    "IND": (("Rajesh Kumar Mehta", "Rajesh Kumar Mehta"),),
    "VNM": (("Nguyen Van Hoa", "Nguyễn Văn Hòa"), ("Tran Quang Minh", "Trần Quang Minh")),
    "IDN": (("Budi Santoso", "Budi Santoso"),),
    "MYS": (("Ahmad Faizal Hassan", "Ahmad Faizal Hassan"),),
    "PHL": (("Ramon Villanueva", "Ramon Villanueva"),),
    "SGP": (("Tan Wei Ming", "Tan Wei Ming"),),
}
_INVENTED_DEFAULT = (("Daniel Moreau", "Daniel Moreau"), ("Mark Ellison", "Mark Ellison"))


def perturb_person_unknown(seed: Seed, ctx: Context) -> Variant | None:
    """(d2) Replace a people.tsv person written in full by an invented name in the style of
    their country ("Chinese Premier Li Qiang" -> "Chinese Premier Zhang Minghui", "Thủ tướng
    Lào Sonexay Siphandone" -> "Thủ tướng Lào Bounmy Keovongsa"): unseen articles name people
    the gazetteer has never heard of. Only where the sentence also names that person's
    country, so the country can still be read; skipped like (d) when a part of the name
    stands alone elsewhere. Expected: the same type and countries."""
    s = seed.sentence
    rng = _rng(seed, "person_unknown")
    mentions = _country_mentions(seed, ctx)
    persons = _person_mentions(s, ctx, [(a, b) for a, b, *_ in mentions])
    stated = {m[2] for m in mentions if m[3] != "unread"}
    order = sorted({p[2] for p in persons})
    rng.shuffle(order)
    for canon in order:
        spans = [p for p in persons if p[2] == canon]
        iso = spans[0][3]
        if iso not in stated:
            continue
        rest = _replace_spans(s, [(a, b, " " * (b - a)) for a, b, *_ in spans])
        parts = {w for a, b, *_ in spans for w in re.findall(r"\w+", s[a:b]) if len(w) > 2}
        if any(_word_re(w).search(rest) for w in parts):
            continue
        en, vi = rng.choice(_INVENTED.get(iso, _INVENTED_DEFAULT))
        new = vi if (seed.lang == "vi" or _has_diacritics(s[spans[0][0]:spans[0][1]])) else en
        out = _replace_spans(s, [(a, b, new) for a, b, *_ in spans])
        return _variant("person_unknown", seed, out, f"{s[spans[0][0]:spans[0][1]]!r} -> {new!r} ({iso})")
    return None


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_MON = "|".join(_MONTHS)
_EN_DAY_MONTH = re.compile(rf"(?<![\w-])(?P<d>\d{{1,2}})(?P<suf>st|nd|rd|"
                           rf"th)? (?P<m>{_MON})(?:(?P<sep>,? )(?P<y>\d{{4}}))?(?![\w-])")
_EN_MONTH_DAY = re.compile(rf"(?<![\w-])(?P<m>{_MON}) (?P<d>\d{{1,2}})(?P<suf>st|nd|rd|"
                           rf"th)?(?:(?P<sep>,? )(?P<y>\d{{4}}))?(?![\w-])")
_EN_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:today|yesterday|tomorrow|tonight)\b",
                         re.I)
_VI_NUMERIC = re.compile(r"(?<![\w/.,-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\w/-]|"
                         r"[.,]\d)")
_VI_WORDS = re.compile(r"(?<![\w/-])(?P<d>\d{1,2}) tháng (?P<m>\d{1,2})(?: năm (?P<y>\d{4}))?(?![\w/-])")
_VI_DATE_CUE = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|hôm|đêm|vào|\(|,|^)\s*$", re.I)
_VI_WEEKDAY = re.compile(r"(?<!\w)(?:thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật|hôm nay|hôm qua|ngày mai)(?!\w)",
                         re.I)


def _ordinal(d: int) -> str:
    return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def _date_mentions(s: str, lang: str) -> list[tuple[re.Match, str]]:
    if lang == "en":
        found = [(m, "dm") for m in _EN_DAY_MONTH.finditer(s)] + [(m, "md") for m in _EN_MONTH_DAY.finditer(s)]
    else:
        found = [(m, "num") for m in _VI_NUMERIC.finditer(s) if _VI_DATE_CUE.search(s[: m.start()])]
        found += [(m, "words") for m in _VI_WORDS.finditer(s)]
    return found


def _shifted(old: dt.date, seed: Seed, rng: random.Random) -> dt.date | None:
    """``old`` moved by 3-12 days, staying on its side of the publication date and in its year."""
    k = rng.randint(3, 12)
    pub = _date_span(seed.published)
    sign = 1 if (pub and old > pub[1]) else -1
    for sgn in (sign, -sign):
        new = old + dt.timedelta(days=sgn * k)
        if new.year != old.year or new.day == old.day:
            continue
        if pub and (old <= pub[1]) != (new <= pub[1]):
            continue
        if pub and (old >= pub[0]) != (new >= pub[0]):
            continue
        return new
    return None


def perturb_date(seed: Seed, ctx: Context) -> Variant | None:
    """(e) Change the event's day-precision date, written once in the sentence, to another
    day 3-12 days away (same year, same side of the publication date), in the same format:
    "on 5 May" -> "on 28 April", "on March 13" -> "on March 4", "ngày 7/5" -> "ngày 29/4",
    "sáng 21-12" -> "sáng 14-12", "ngày 7 tháng 5" -> "ngày 30 tháng 4". Skipped when the
    sentence has any other date, a range ("7-8/5", "from 26 to 27 May") or a weekday or
    relative day ("on Tuesday", "hôm thứ Sáu"), which would have to change too.
    Expected: date_start is the new date."""
    s = seed.sentence
    span = _date_span(seed.date_start)
    if not span or span[0] != span[1] or len(str(seed.date_start)) != 10:
        return None
    weekday = _EN_WEEKDAY if seed.lang == "en" else _VI_WEEKDAY
    found = _date_mentions(s, seed.lang)
    if len(found) != 1:
        return _weekday_variant(seed) if not found else None
    m, style = found[0]
    rest = s[: m.start()] + " DATE " + s[m.end():]
    if weekday.search(s) or re.search(r"\d\s*(?:-|–|đến|to|and)\s*(?:\d|DATE)|DATE\s*(?:-|–|đến|to|and)\s*\d", rest):
        return None
    if style in ("dm", "md"):
        month = _MONTHS.index(m.group("m")) + 1
    else:
        month = int(m.group("m"))
    try:
        year = int(m.group("y")) if m.group("y") else span[0].year
        old = dt.date(year, month, int(m.group("d")))
    except ValueError:
        return None
    if old != span[0]:
        return None
    new = _shifted(old, seed, _rng(seed, "date"))
    if new is None:
        return None
    yr = f"{m.group('sep')}{new.year}" if m.group("y") else ""
    if style in ("dm", "md"):
        suf = _ordinal(new.day) if m.group("suf") else ""
        day = f"{new.day}{suf}"
        text = f"{day} {_MONTHS[new.month - 1]}{yr}" if style == "dm" else f"{_MONTHS[new.month - 1]} {day}{yr}"
    elif style == "num":
        sep = m.group("sep")
        d = f"{new.day:02d}" if m.group("d").startswith("0") else str(new.day)
        mo = f"{new.month:02d}" if m.group("m").startswith("0") else str(new.month)
        text = f"{d}{sep}{mo}" + (f"{sep}{new.year}" if m.group("y") else "")
    else:
        text = f"{new.day} tháng {new.month}" + (f" năm {new.year}" if m.group("y") else "")
    out = s[: m.start()] + text + s[m.end():]
    return _variant("date", seed, out, f"{m.group(0)!r} -> {text!r}", date=new.isoformat())


_EN_FRONT = re.compile(r"^(?P<p>(?:On|In|At|During|Earlier on|Later on|Last|This|Following|After|Before|Within|"
                       r"As part of|"
                       r"On the occasion of|On the sidelines of|Also on|"
                       r"Prior to)\b[^,;:\"“”()]{2,80}?), (?P<r>[A-Z“\"].+)$")
_EN_TAIL = re.compile(rf"^(?P<r>[A-Z].{{20,}}?),? (?P<p>(?:on|in) (?:(?:{_MON}) \d{{1,2}}|"
                      rf"\d{{1,2}} (?:{_MON}))(?:,? \d{{4}})?)"
                      r"(?P<end>[.!]?)$")
_VI_FRONT = re.compile(r"^(?P<p>(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm|Tại|Trong|Nhân|Sau|Trước|Chiều tối|Sáng sớm|"
                       r"Bên lề)\b[^,;:\"“”()]{1,80}?), (?P<r>\w.+)$")
_VI_TAIL = re.compile(r"^(?P<r>\w.{20,}?),? (?P<p>(?:vào )?(?:sáng|chiều|tối|trưa|ngày|"
                      r"hôm) \d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?)"
                      r"(?P<end>[.!]?)$")
_VI_TIME_WORDS = ("sáng", "chiều", "tối", "trưa", "đêm", "ngày", "hôm")


def perturb_reorder(seed: Seed, ctx: Context) -> Variant | None:
    """(f) Move a fronted time/place phrase to the end of the sentence, or a final date
    phrase to the front:
    "On May 5, the two ministers held talks in Hanoi." -> "The two ministers held talks in
    Hanoi on May 5."; "X met Y in Hanoi on May 5." -> "On May 5, X met Y in Hanoi.";
    "Chiều 7/5, Thủ tướng X hội đàm với Y." -> "Thủ tướng X hội đàm với Y vào chiều 7/5.";
    "Tại Hà Nội, X tiếp Y." -> "X tiếp Y tại Hà Nội."; "Nhận lời mời của X, Y thăm Z." ->
    "Y thăm Z, nhận lời mời của X." Only the first fronted phrase moves."""
    s = seed.sentence.rstrip()
    if seed.lang == "en":
        m = _EN_FRONT.match(s)
        if m:
            p, r = m.group("p"), m.group("r")
            end = r[-1] if r[-1] in ".!" else "."
            r = r[:-1] if r[-1] in ".!" else r
            out = f"{_upper_first(r)} {_lower_first(p)}{end}"
            return _variant("reorder", seed, out, f"moved {p!r} to the end")
        m = _EN_TAIL.match(s)
        if m:
            r, p = m.group("r"), m.group("p")
            if p.startswith("in "):
                return None
            r2 = _lower_first(r) if _is_common_first(r, "en") else r
            out = f"{_upper_first(p)}, {r2}{m.group('end') or '.'}"
            return _variant("reorder", seed, out, f"moved {p!r} to the front")
        return None
    m = _VI_FRONT.match(s)
    if m and re.fullmatch(r"\w+ (?:đó|này|ra)", m.group("p")):   # "Trước đó," "Sau đó,": connectives, not phrases
        m = None
    if m:
        p, r = m.group("p"), m.group("r")
        end = r[-1] if r[-1] in ".!" else "."
        r = r[:-1] if r[-1] in ".!" else r
        p2 = _lower_first(p)
        if _first_word(p2) in _VI_TIME_WORDS:
            p2 = "vào " + p2
            sep = " "
        else:
            sep = ", " if _first_word(p2) in ("nhận", "theo", "nhân") else " "
        out = f"{_upper_first(r)}{sep}{p2}{end}"
        return _variant("reorder", seed, out, f"moved {p!r} to the end")
    m = _VI_TAIL.match(s)
    if m:
        r, p = m.group("r"), m.group("p")
        p = re.sub(r"^vào ", "", p)
        r2 = _lower_first(r) if _is_common_first(r, "vi") else r
        out = f"{_upper_first(p)}, {r2}{m.group('end') or '.'}"
        return _variant("reorder", seed, out, f"moved {p!r} to the front")
    return None


_EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_VI_WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
_EN_WD = re.compile(r"\b(?P<w>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
_VI_WD = re.compile(r"(?<!\w)(?P<w>[Tt]hứ (?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ [Nn]hật)(?!\w)")


def _weekday_variant(seed: Seed) -> Variant | None:
    """The date written as a weekday ("on Tuesday", "hôm thứ Ba"), read against the publication
    date as the last such day on or before it: another weekday of the same past week, and
    date_start moves with it ("on Tuesday" -> "on Monday": one day earlier)."""
    s = seed.sentence
    pub, span = _date_span(seed.published), _date_span(seed.date_start)
    if not pub or pub[0] != pub[1] or not span or span[0] != span[1] or len(str(seed.date_start)) != 10:
        return None
    if seed.status == "planned":     # "will meet on Friday" points forward: left alone
        return None
    rx, names = (_EN_WD, _EN_WEEKDAYS) if seed.lang == "en" else (_VI_WD, _VI_WEEKDAYS)
    found = list(rx.finditer(s))
    if len(found) != 1 or re.search(r"\b(?:next|last|this|tới|trước|sau)\s+$", s[: found[0].start()], re.I):
        return None
    if re.search(r"\b(?:today|yesterday|tomorrow|tonight)\b|hôm nay|hôm qua|ngày mai", s, re.I):
        return None
    m = found[0]
    wd = [n.lower() for n in names].index(m.group("w").lower())
    old = pub[0] - dt.timedelta(days=(pub[0].weekday() - wd) % 7)
    if old != span[0]:
        return None
    back = (old - (pub[0] - dt.timedelta(days=6))).days     # how far back it can move within the week
    if back < 1:
        return None
    new = old - dt.timedelta(days=_rng(seed, "date").randint(1, back))
    word = names[new.weekday()]
    if seed.lang == "vi" and m.group("w")[:1].isupper():
        word = _upper_first(word)
    out = s[: m.start()] + word + s[m.end():]
    return _variant("date", seed, out, f"{m.group('w')!r} -> {word!r}", date=new.isoformat())


_LEADS = {"en": ("Earlier, ", "Meanwhile, "), "vi": ("Trước đó, ", "Trong khi đó, ")}


def perturb_lead(seed: Seed, ctx: Context) -> Variant | None:
    """(g) Put a leading adverbial before the sentence: "Earlier, " or "Meanwhile, " in
    English, "Trước đó, " or "Trong khi đó, " in Vietnamese (only "Meanwhile"/"Trong khi đó"
    for a planned event); an ordinary first word loses its capital ("Earlier, the two
    leaders ..."), a name or title keeps it. Skipped when the sentence does not start with a
    capital letter (captions, list items), starts with a "Label:" (bylines) or already
    starts with a connective ("Meanwhile", "Theo đó")."""
    s = seed.sentence
    if not s[:1].isalpha() or not s[:1].isupper() or re.match(r"^[\w ]{1,25}:", s):
        return None
    if re.match(r"^(?:Meanwhile|Earlier|However|Also|Later|Besides|Moreover|In addition|Theo đó|Ngoài ra|Trước đó|"
                r"Sau đó|Trong khi đó|Bên cạnh đó|Đồng thời|Tuy nhiên|Cũng)\b", s):
        return None
    leads = _LEADS[seed.lang] if seed.status != "planned" else _LEADS[seed.lang][1:]
    lead = _rng(seed, "lead").choice(leads)
    body = _lower_first(s) if _is_common_first(s, seed.lang, seed.entities) else s
    return _variant("lead", seed, lead + body, f"prefixed {lead.strip()!r}")


PERTURBATIONS: dict[str, Callable[[Seed, Context], Variant | None]] = {
    "case_initial": perturb_case_initial,
    "case_trigger": perturb_case_trigger,
    "modifier": perturb_modifier,
    "country": perturb_country,
    "person": perturb_person,
    "person_unknown": perturb_person_unknown,
    "date": perturb_date,
    "reorder": perturb_reorder,
    "lead": perturb_lead,
}


def make_variants(seeds: list[Seed], ctx: Context | None = None, kinds: Iterable[str] | None = None) -> list[Variant]:
    """Every applicable rewrite of every seed, for the chosen perturbation kinds (all by default)."""
    ctx = ctx or Context(Gazetteers.load())
    out = []
    for kind in (kinds or PERTURBATIONS):
        for s in seeds:
            v = PERTURBATIONS[kind](s, ctx)
            if v is not None:
                out.append(v)
    return out


# --------------------------------------------------------------------------- checking
def evaluate(variants: list[Variant], pipe) -> list[Outcome]:
    """Run every variant as a one-sentence article (one ``pipeline.extract`` call) and judge it."""
    import pipeline

    arts = []
    for i, v in enumerate(variants):
        a = {"id": f"v{i:05d}", "text": v.text, "lang": v.seed.lang}
        if v.seed.published:
            a["published"] = v.seed.published
        arts.append(a)
    res = pipeline.extract(arts, pipeline=pipe) if arts else None
    by_doc = _events_by_doc(res.events) if res is not None else {}
    out = []
    for i, v in enumerate(variants):
        got = [(e["type"], tuple(sorted(e["countries"] or ())), _none(e.get("date_start")))
               for e in by_doc.get(f"v{i:05d}", [])]
        ok = [g for g in got if g[0] == v.seed.type and jaccard(g[1], v.expected_countries) >= 0.5
              and (v.expected_date is None or g[2] == v.expected_date)]
        exact = any(g[1] == v.expected_countries for g in ok)
        out.append(Outcome(v, bool(ok), exact, got))
    return out


def pass_rates(outcomes: list[Outcome]) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(kind, lang) -> (passed, exact, total), with 'all' rows for each kind, each language and overall."""
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for o in outcomes:
        for key in ((o.variant.kind, o.variant.seed.lang), (o.variant.kind, "all"), ("all", o.variant.seed.lang),
                    ("all", "all")):
            acc[key][0] += o.passed
            acc[key][1] += o.exact
            acc[key][2] += 1
    return {k: tuple(v) for k, v in acc.items()}


def run_suite(pipe=None, shared: Path = SHARED, per_lang: int = 60, seed: int = 20240601,
              kinds: Iterable[str] | None = None) -> tuple[list[Seed], list[Outcome]]:
    """Sample seed events from the shared gold sets and run every variant through ``pipe``."""
    import pipeline

    pipe = pipe or pipeline.load_pipeline()
    seeds = find_seeds(pipe, shared, per_lang=per_lang, seed=seed)
    variants = make_variants(seeds, kinds=kinds)
    return seeds, evaluate(variants, pipe)


def format_rates(rates: dict[tuple[str, str], tuple[int, int, int]]) -> str:
    """The pass-rate table, per kind and language, as printed by the report."""
    kinds = [k for k in PERTURBATIONS if any(key[0] == k for key in rates)] + ["all"]
    lines = [f"{'kind':<14}{'en':>16}{'vi':>16}{'all':>16}   exact-countries (all)"]
    for k in kinds:
        cells = []
        for lang in ("en", "vi", "all"):
            p, e, n = rates.get((k, lang), (0, 0, 0))
            cells.append(f"{p / n:6.1%} ({p:>3}/{n:<3})" if n else f"{'-':>14}")
        p, e, n = rates.get((k, "all"), (0, 0, 0))
        lines.append(f"{k:<14}" + "".join(f"{c:>16}" for c in cells) + (f"   {e / n:6.1%}" if n else ""))
    return "\n".join(lines)
