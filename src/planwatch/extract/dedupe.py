"""Restated targets, kept once: a headline and the body, a repeated paragraph, "经济增长预期目标为5%左右" after
"国内生产总值增长5%左右", "the 8% target" after the target itself.

Two candidates are the same target when value, unit, comparator and deadline agree and the wording is similar
(indicator words or bigrams, or sentence words) or anaphoric ("this target", "这一指标"). Candidates are
bucketed by their numbers, so the pass stays linear on documents with thousands of distinct targets.
"""

from __future__ import annotations

import bisect
import re

from .budget import checked
from .context import Item


def _ind_key(ind: str, lang: str) -> set[str]:
    if lang == "zh":
        s = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", ind)
        return {s[i : i + 2] for i in range(len(s) - 1)}
    stop = {
        "the",
        "of",
        "a",
        "an",
        "in",
        "to",
        "and",
        "for",
        "by",
        "on",
        "at",
        "will",
        "be",
        "is",
        "are",
        "with",
        "per",
    }
    return {w for w in re.findall(r"[a-z0-9]+", ind.lower()) if w not in stop and len(w) > 2}


def _similar(a: set[str], b: set[str], lang: str) -> bool:
    """Indicator keys that name the same thing: any shared word in English; in Chinese (character bigrams) at
    least half of the shorter key, so "工业增加值占比" and "高新技术企业工业总产值占比" (sharing "工业", "占比")
    stay apart."""
    inter = a & b
    if lang != "zh" or not inter:
        return bool(inter)
    return len(inter) * 2 >= min(len(a), len(b))


def _sent_similar(a: set[str], b: set[str], lang: str) -> bool:
    """Two sentences about the same thing: two shared content words (English); in Chinese, where two shared
    bigrams ("达到", "力争") say little, also a third of the shorter sentence's bigrams."""
    inter = len(a & b)
    if lang != "zh":
        return inter >= 2
    return inter >= 2 and inter * 3 >= min(len(a), len(b))


def _netzero_scope(it: Item, text: str, lang: str) -> set[str]:
    """What a net-zero commitment covers: the words after "net zero … from/of/in", up to the year."""
    tail = text[it.q.end : it.clause[1]]
    m = re.match(
        r"\s*(?:emissions?\s+)?(?:from|of|in|for|across)\s+(.{3,80}?)(?:\s+(?:by|no\s+later|before|in)\b|[,;.]|\Z)",
        tail,
        re.I,
    )
    if not m or lang != "en":
        return set()
    stop = {"the", "all", "our", "its", "their", "greenhouse", "gases", "gas", "emissions"}
    return {w for w in re.findall(r"[a-z]+", m.group(1).lower()) if w not in stop}


def _strip_numbers(s: str) -> str:
    return re.sub(r"\d[\d.,]*", " ", s)


_VALUE_WORDS = {
    "double",
    "doubling",
    "triple",
    "halve",
    "percent",
    "cent",
    "million",
    "billion",
    "trillion",
    "thousand",
    "least",
    "more",
    "than",
    "around",
    "about",
    "over",
    "will",
    "should",
    "shall",
    "from",
    "into",
    "with",
    "that",
    "this",
    "these",
    "have",
    "been",
    "which",
    "their",
}


def _sent_key(it: Item, text: str, lang: str) -> set[str]:
    """Content words (English) or character bigrams (Chinese) of a target's sentence, minus the number."""
    sent = text[it.sent.start : it.q.start] + " " + text[it.q.end : it.sent.end]
    key = _ind_key(_strip_numbers(sent), lang)
    if lang == "en":
        key = {w for w in key if w not in _VALUE_WORDS and not w.isdigit()}
    return key


_ANAPHOR = re.compile(r"这一指标|该指标|此项|上述|预期目标|目标为|\bthis\b|\bthe\s+target\b|\bthat\b", re.I)


_RESTATED = re.compile(
    r"\s*(?:左右|以上|以内|以下)?\s*(?:的|之)(?:预期|增长|发展|总体)?(?:目标|指标)|"
    r"\s*(?:per\s*cent|percent|%)?\s*(?:target|goal)s?\s+(?:is|was|will|would|can|could|has|have|set|of)\b",
    re.I,
)


def dedupe(items: list[Item], text: str, lang: str, heading_starts: list[int] | None = None) -> list[Item]:
    """Keep a restated target once: same value, unit, comparator, deadline; similar or anaphoric wording.

    Candidates are bucketed by (unit, deadline, value, value_high, measure), so the pass stays linear on long
    documents with thousands of distinct targets."""
    kept: list[Item | None] = []
    buckets: dict[tuple, list[int]] = {}
    headings: dict[tuple, list[int]] = {}
    stated: set[tuple] = set()  # (unit, deadline, |value|) of every kept target: what "the 8% target" can name
    ind_keys: dict[int, set[str]] = {}
    sent_keys: dict[int, set[str]] = {}

    def ikey(it: Item) -> set[str]:
        k = id(it)
        if k not in ind_keys:
            ind_keys[k] = _ind_key(it.indicator, lang)
        return ind_keys[k]

    def skey(it: Item) -> set[str]:
        k = id(it)
        if k not in sent_keys:
            sent_keys[k] = _sent_key(it, text, lang)
        return sent_keys[k]

    norms: dict[int, str] = {}
    hs = heading_starts or []

    def _under(head: Item, it: Item) -> bool:
        """``it`` is in the section that ``head``'s heading line opens (no other heading in between)."""
        i = bisect.bisect_right(hs, head.sent.start)
        return head.sent.start < it.sent.start and (i >= len(hs) or hs[i] > it.sent.start)

    def norm(it: Item) -> str:
        k = id(it)
        if k not in norms:
            norms[k] = re.sub(r"\W", "", it.indicator.lower())
        return norms[k]

    for it in checked(items):
        key = (it.unit, it.deadline, it.value, it.value_high, it.measure)
        dup = False
        if (
            it.value is not None
            and _RESTATED.match(text, it.q.end)
            and (it.unit, it.deadline, abs(it.value)) in stated
        ):
            continue  # "百分之8左右的目标…", "the 8% target": names a target already stated
        # the most recent candidates with the same numbers (a bound that keeps pathological inputs linear)
        for idx in buckets.get(key, [])[-200:]:
            k = kept[idx]
            if k is None:
                continue
            same_ind = norm(k) == norm(it)
            if (it.list_item or k.list_item) and k.sent is it.sent:
                continue  # "A、B分别下降8%、8%": one value each
            if k.q.start == it.q.start:
                if same_ind:
                    dup = True
                    break
                continue  # two indicators sharing one number
            if it.q.kind == "netzero" and k.q.kind == "netzero":
                sk, si = _netzero_scope(k, text, lang), _netzero_scope(it, text, lang)
                if not sk or not si or len(sk & si) * 2 >= len(sk | si):
                    dup = True  # "climate-neutral continent" and "no net emissions" by 2050: one commitment
                    break
                continue  # "net zero from federal procurement" vs "… from overall federal operations"
            if k.comparator != it.comparator:
                # a headline restating a body target with a looser comparator ("如何达到12%")
                if (it.sent.heading or k.sent.heading) and ikey(k) & ikey(it):
                    dup = bool(it.sent.heading)
                    break
                continue
            if same_ind:
                dup = True
                break
            if (
                lang == "en"
                and k.sent is not it.sent
                and not (it.list_item or k.list_item)
                and len(skey(k) & skey(it)) >= 4
            ):
                dup = True  # the same number restated in a later sentence about the same thing
                break
            if (k.sent.para != it.sent.para or k.sent.heading or it.sent.heading) and (
                _similar(ikey(k), ikey(it), lang)
                or (
                    _sent_similar(skey(k), skey(it), lang)
                    # two well-named, different Chinese indicators are two targets, however alike the prose
                    and not (lang == "zh" and min(len(ikey(k)), len(ikey(it))) >= 4)
                )
                or _ANAPHOR.search(it.indicator)
                or _ANAPHOR.search(k.indicator)
            ):
                dup = True
                break
        if dup:
            continue
        hkey = key[:4]
        if not it.sent.heading:
            # a headline target restated in the body: prefer the body occurrence
            for idx in headings.get(hkey, [])[-200:]:
                k = kept[idx]
                if k is not None and k.sent.heading and (ikey(k) & ikey(it) or _under(k, it)):
                    kept[idx] = it
                    buckets.setdefault(key, []).append(idx)
                    dup = True
                    break
        if dup:
            continue
        kept.append(it)
        if it.value is not None:
            stated.add((it.unit, it.deadline, abs(it.value)))
        buckets.setdefault(key, []).append(len(kept) - 1)
        if it.sent.heading:
            headings.setdefault(hkey, []).append(len(kept) - 1)
    return [k for k in kept if k is not None]


