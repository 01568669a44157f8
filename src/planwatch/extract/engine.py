"""Rule-based extraction: segment → find quantities → resolve each quantity → targets, facts, tasks, goals.

Pipeline (one pass per stage, all regexes compiled at import), each stage in its own module:

1. **Segmentation** (:mod:`.segment`) into paragraphs, logical lines (PDF line breaks inside English sentences
   are joined), sentences and clauses, keeping character offsets into the original text; target headers
   ("targets include:", "二、主要目标", "Mission 3:") open a target scope, review headers ("2020 中国答卷", "A
   Review of Our Work") a review scope (numbers there are facts).
2. **Time expressions** (:mod:`.years`): every year is classified as a deadline ("by 2025", "到2025年", "in 2030",
   "“十四五”", "今年"), a base year ("from 2005 levels", "比2020年"), a date ("May 17, 2023") or a past
   reference ("since 2015"); deadlines set a context that later quantities inherit (:mod:`.deadlines`).
3. **Quantities** (:mod:`.quantities`) plus number-less targets (:mod:`.specials`): ranks ("全国领先", "leading
   in China", "跻身全球前列"), net zero, doubling ("翻一番", "double").
4. **Resolution** per quantity (:mod:`.resolve`): comparator (:mod:`.comparators`), direction and measure
   (:mod:`.measure`: reductions are negative ``change_from_base``, rate units such as "per 10,000 employed"),
   deadline and base year (:mod:`.deadlines`), indicator phrase (:mod:`.indicator`), and whether it is a target,
   a fact (past tense, "去年", "截至", a baseline "from X to Y"), a projection ("projected", "would") or funding
   (:mod:`.classify`, with the vocabularies of :mod:`.rules_en` and :mod:`.rules_zh`).
5. **Clean-up** (:mod:`.dedupe`): restated targets (same value, unit, comparator and deadline, similar
   indicator) are kept once; tasks (:mod:`.tasks`) and goals (:mod:`.goals`) are read from the whole text.

Document-level facts (language, year, title, normalisation) are in :mod:`.document`.
"""

from __future__ import annotations

import re

from ..errors import PlanwatchError
from .budget import check, checked, deadline, limit_seconds, stage
from .context import Doc, Item
from .dedupe import dedupe
from .document import detect_language, document_year, guess_title, normalise, title_year
from .goals import goals
from .model import Draft, DraftFact, DraftTarget
from .reader import MAX_DOCUMENT_BYTES, env_limit
from .resolve import resolve
from .rules_zh import ZH_EMISSION_PAIR
from .segment import BULLET_RE
from .specials import resolve_special, special_quantities
from .tasks import find_tasks

# The longest text extracted: as many characters as the largest document read has bytes (20 MB by default; both
# follow PLANWATCH_EXTRACT_MAX_MB). Extraction is linear, at about 0.1 MB/s on the most hostile text measured
# (``benchmarks/extract_worst.py``) and 0.5 MB/s or more on policy text, so the limit bounds one call's time.
MAX_TEXT_CHARS = MAX_DOCUMENT_BYTES


def _run(doc: Doc) -> Draft:
    """Resolve every quantity of ``doc`` in text order, keep the targets once, and read facts, goals, tasks."""
    items: list[Item] = []
    stage("resolving numbers")
    for q in checked(doc.quantities):
        it = resolve(doc, q)
        if it is not None:
            items.append(it)
            doc.resolved[q.start] = it
    stage("reading ranks and other targets without numbers")
    for q in special_quantities(doc.text, doc.lang):
        it = resolve_special(doc, q)
        if it is not None:
            items.append(it)
    items.sort(key=lambda it: it.q.start)
    targets = [it for it in items if it.status == "target"]
    facts = [it for it in items if it.status == "fact"]
    stage("removing restated targets")
    targets = _split_pairs(doc, targets)
    targets = dedupe(targets, doc.text, doc.lang, [s.start for s in doc.sents if s.heading])
    draft_targets = [_to_target(doc.text, it) for it in targets]
    draft_facts = []
    for it in facts:
        a, b = it.q.start, it.q.end
        draft_facts.append(DraftFact(it.value, it.unit, doc.text[a:b], a, b, it.reason, None))
    target_sents = {it.sent.start for it in targets}
    deadlines = [t.deadline for t in draft_targets if t.deadline]
    stage("reading goals")
    found_goals = goals(doc, target_sents)
    horizon = (
        max(deadlines) if deadlines else (max((g.deadline for g in found_goals if g.deadline), default=None))
    )
    stage("reading tasks")
    tasks = find_tasks(doc.text, doc.lang)
    check()
    return Draft(
        language=doc.lang,
        horizon_year=horizon,
        document_year=doc.year,
        targets=draft_targets,
        tasks=tasks,
        goals=found_goals,
        facts=draft_facts,
    )


def _split_pairs(doc: Doc, items: list[Item]) -> list[Item]:
    """ "二氧化硫、氮氧化物排放量下降3%": one target per pollutant; in English, a bullet governed by its
    list intro's verb that lists indicators before one number ("• A, B, C and D by 50%") gives one target
    per indicator (commas only: "the use and risk of X" is one indicator)."""
    if doc.lang != "zh":
        out = []
        for it in items:
            parts = [it.indicator]
            if it.intro_governed:
                head = doc.text[it.sent.start : it.q.start]
                head = BULLET_RE.sub("", head, count=1)
                head = re.sub(r"\s*\bby\s+(?:more\s+than\s+|at\s+least\s+|over\s+)?\Z", "", head, flags=re.I)
                parts = [p.strip() for p in re.split(r",\s*", head)]
                if (
                    len(parts) >= 3
                    and re.match(r"(?:and|or)\s+\w", parts[-1], re.I)
                    and not re.search(r"\d", head)
                ):
                    parts = [re.sub(r"^(?:and|or)\s+", "", p, flags=re.I) for p in parts]
                else:
                    parts = [it.indicator]
            if len(parts) == 1:
                out.append(it)
            else:
                out += [Item(**{**it.__dict__, "indicator": p}) for p in parts]
        return out
    out = []
    for it in items:
        m = ZH_EMISSION_PAIR.match(it.indicator)
        if m:
            a = Item(**{**it.__dict__, "indicator": m.group("a") + m.group("tail")})
            b = Item(**{**it.__dict__, "indicator": m.group("b") + m.group("tail")})
            out += [a, b]
        else:
            out.append(it)
    return out


def _to_target(text: str, it: Item) -> DraftTarget:
    """The public form of a kept candidate: the quote trimmed of whitespace (offsets still exact)."""
    a = min(it.ind_start, it.q.start)
    a = max(a, it.sent.start)
    b = max(it.quote_end, it.q.end)
    quote = text[a:b]
    # trim whitespace at the ends, keeping offsets exact
    lead = len(quote) - len(quote.lstrip())
    trail = len(quote) - len(quote.rstrip())
    a += lead
    b -= trail
    quote = text[a:b]
    value = _round(it.value)
    value_high = _round(it.value_high)
    return DraftTarget(
        indicator=re.sub(r"\s+", " ", it.indicator).strip()[:200],
        comparator=it.comparator,
        value=value,
        value_high=value_high,
        unit=it.unit,
        deadline=it.deadline,
        measure=it.measure,
        base_year=it.base_year,
        quote=quote,
        start=a,
        end=b,
        raw=it.q.raw,
        peer_group=it.peer_group,
        notes=list(it.notes),
    )


def _round(v: float | None) -> float | None:
    if v is None:
        return None
    r = round(v, 6)
    return float(int(r)) if float(r).is_integer() and abs(r) < 1e15 else r


def extract_text(
    text: str, lang: str | None = None, *, year: int | None = None, max_seconds: float | None = None
) -> Draft:
    """Targets, tasks, goals and facts of ``text``. ``lang``: "en"/"zh" (detected when None). ``max_seconds``:
    the time limit (default PLANWATCH_EXTRACT_MAX_SECONDS, else 120 s; 0 for none), past which a
    ``PlanwatchError`` says where the work stopped (:mod:`.budget`)."""
    if not isinstance(text, str):
        raise TypeError("extract_text needs a str")
    env = env_limit()
    limit = MAX_TEXT_CHARS if env is None else env
    if len(text) > limit:
        raise PlanwatchError(
            f"text of {len(text):,} characters is above the {limit:,}-character extraction limit "
            "(split it, or raise PLANWATCH_EXTRACT_MAX_MB)"
        )
    seconds = limit_seconds(max_seconds)
    if lang not in (None, "en", "zh"):
        lang = None
    language = lang or detect_language(text)
    if not text.strip():
        return Draft(language=language, horizon_year=None, document_year=year)
    # fullwidth digits and punctuation that matter to numbers map one-to-one (offsets are unchanged)
    norm = normalise(text)
    with deadline(seconds, len(text)):
        stage("reading the document's year")
        doc_year = year if year is not None else document_year(norm)
        draft = _run(Doc(norm, language, doc_year, title_year(norm)))
    draft.title = guess_title(text, language)
    if norm is not text:
        for t in draft.targets:
            t.quote = text[t.start : t.end]
        for task in draft.tasks:
            task.text = text[task.start : task.end]
        for g in draft.goals:
            g.text = text[g.start : g.end]
        for f in draft.facts:
            f.quote = text[f.start : f.end]
    return draft


