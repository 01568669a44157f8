"""Main tasks that are laid out as lists rather than "first, … second, …" prose.

Three shapes, tried by :func:`find_tasks` after the ordinal sequences in prose:

- :func:`section_tasks` — a list under a task heading ("主要任务", "重点工作", "三、重点工程", "Main tasks",
  "Key actions", "Priorities", "The key tasks are:"), its items numbered "一、", "（一）"/"(一)", "1." / "1、",
  "(1)" / "1)", "①", "First," / "Firstly," or bulleted ("•", "■", "-", …); a single bulleted line of items
  separated by "；"/";" counts too. Each task is the heading-like first clause of its item.
- :func:`inline_tasks` — a Chinese run-on list that names its items: "部署了A行动、B行动、C行动等8个方面的重点行动",
  "重点任务包括：A；B；C".
- :func:`lead_tasks` — three or more consecutive Chinese paragraphs that each open with a short headline
  sentence ("产业规模实现新跨越。…").

A heading that names targets or indicators ("主要目标", "Key targets") does not open a task list, and items must
be numbered in order, so numbered lists of targets, legal clauses and footnotes are not read as tasks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .budget import check
from .model import DraftTask
from .numbers import ORD_EN, cn_to_int

Task = tuple[int, int, int]  # start, end, number

_CN = "一二三四五六七八九十"
# (kind, pattern at the start of a line); the group "n" is the item's number where there is one
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn_dun", re.compile(rf"(?P<n>[{_CN}]{{1,3}})\s*[、.．]\s*")),
    ("cn_paren", re.compile(rf"[（(]\s*(?P<n>[{_CN}]{{1,3}})\s*[）)]\s*[、.．]?\s*")),
    ("num_paren", re.compile(r"[（(]\s*(?P<n>\d{1,2})\s*[）)]\s*")),
    ("num_close", re.compile(r"(?P<n>\d{1,2})\s*[）)]\s*")),
    ("num_dot", re.compile(r"(?P<n>\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    ("circled", re.compile(r"(?P<n>[\u2460-\u2473])\s*")),
    ("en_ord", re.compile(rf"(?P<n>{'|'.join(ORD_EN)})(?:ly)?\s*[,:，：]\s*", re.I)),
    ("bullet", re.compile(r"[•·▪▫■□◆◇●○►▶✓✔➢\-–—*]\s*")),
)
_ZH_HEAD = re.compile(
    r"(?:主要|重点|重大|核心|关键)(?:任务|工作|行动|举措|工程|措施|项目|方向)|任务举措|工作任务|行动任务"
)
_EN_HEAD = re.compile(
    r"\b(?:main|key|major|priority|principal|core|strategic)\s+(?:tasks?|actions?|activities|measures|"
    r"work\s*streams?|areas?\s+of\s+work|initiatives|deliverables|commitments)\b|\bpriorit(?:y|ies)\b|"
    r"\baction\s+areas\b",
    re.I,
)
_NOT_HEAD = re.compile(r"目标|指标|预期|成效|回顾|\btargets?\b|\bindicators?\b|\bgoals?\b|\bachievements?\b", re.I)
_ZH_STOP = re.compile(r"[。；;：:！？!?\n]")
_EN_STOP = re.compile(r"[.;:!?](?=\s|\Z)|\n")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    n = len(text)
    while pos < n:
        e = text.find("\n", pos)
        if e < 0:
            e = n
        yield pos, e
        pos = e + 1


def _marker(line: str) -> tuple[str, int, int] | None:
    """(kind, number, length of the marker) of a list item line (already left-stripped)."""
    for kind, rx in _MARKERS:
        m = rx.match(line)
        if not m:
            continue
        if kind == "bullet":
            if len(line) <= m.end() or line[0] in "-–—*" and not line[1:2].isspace():
                return None
            return f"bullet{line[0]}", 0, m.end()
        w = m.group("n")
        if kind == "circled":
            n = ord(w) - 0x2460 + 1
        elif kind == "en_ord":
            n = ORD_EN.index(w.lower()) + 1
        else:
            n = cn_to_int(w) or 0
        if n <= 0 or len(line) <= m.end():
            return None
        return kind, n, m.end()
    return None


def _clause(text: str, a: int, e: int, zh: bool) -> tuple[int, int] | None:
    """The heading-like first clause of an item text[a:e]: up to the first full stop, semicolon or colon."""
    seg = text[a:e]
    lead = len(seg) - len(seg.lstrip(" \t\u3000*_#"))
    seg = seg[lead:]
    a += lead
    m = (_ZH_STOP if zh else _EN_STOP).search(seg)
    end = m.start() if m else len(seg)
    cap = 60 if zh else 220
    if end > cap:
        cm = re.search(r"[，,]" if zh else r",\s", seg[:cap])
        end = cm.start() if cm and cm.start() >= (8 if zh else 30) else cap
    body = seg[:end].rstrip(" ,，、*_")
    if len(body) < (2 if zh else 4):
        return None
    return a, a + len(body)


def _split_items(text: str, a: int, e: int, zh: bool) -> list[tuple[int, int]]:
    """A one-line list "A；B；C" (three or more short items) → the items' spans, else []."""
    seg = text[a:e].rstrip("。. ")
    parts = []
    pos = 0
    for m in re.finditer(r"\s*[；;]\s*", seg):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(seg)))
    if len(parts) < 3:
        return []
    cap = 40 if zh else 160
    if any(not 2 <= q - p <= cap for p, q in parts):
        return []
    return [(a + p, a + q) for p, q in parts]


def _is_heading(line: str, zh: bool) -> bool:
    s = line.strip()
    if not s or _NOT_HEAD.search(s):
        return False
    head = _ZH_HEAD if zh else _EN_HEAD
    m = head.search(s)
    if not m:
        return False
    short = len(s) <= (30 if zh else 90)
    intro = s[-1] in "：:" and len(s) <= (120 if zh else 300)
    return short or intro


def section_tasks(text: str, zh: bool) -> list[Task]:
    lines = list(_lines(text))
    out: list[Task] = []
    i = 0
    while i < len(lines):
        a, e = lines[i]
        raw = text[a:e]
        if not _is_heading(raw, zh):
            i += 1
            continue
        head_mk = _marker(raw.lstrip())
        head_kind = head_mk[0] if head_mk else None
        items: list[Task] = []
        kind: str | None = None
        last_n = 0
        nonblank = 0
        gap = 0
        j = i + 1
        while j < len(lines):
            la, le = lines[j]
            line = text[la:le]
            s = line.lstrip()
            if not s.strip():
                j += 1
                continue
            nonblank += 1
            mk = _marker(s)
            off = la + len(line) - len(s)
            if mk and head_kind and mk[0] == head_kind:
                break  # the next section at the heading's own level
            if kind is None:
                if mk is None or mk[0] == head_kind or (mk[1] != 1 and not mk[0].startswith("bullet")):
                    if nonblank >= 3 or mk is not None:
                        break
                    j += 1
                    continue
                kind = mk[0]
            bullet = kind.startswith("bullet")
            if mk and mk[0] == kind:
                if not bullet and mk[1] != last_n + 1:
                    break
                last_n = mk[1] if not bullet else last_n + 1
                gap = 0
                split = _split_items(text, off + mk[2], le, zh) if bullet else []
                if split:
                    for p, q in split:
                        last_n += 1
                        items.append((p, q, len(items) + 1))
                else:
                    c = _clause(text, off + mk[2], le, zh)
                    if c:
                        items.append((c[0], c[1], last_n))
            else:
                if bullet or _is_heading(line, zh):
                    break
                gap += le - la
                if gap > 3000:
                    break
            j += 1
        if kind is None:
            # a single unmarked line of ";"-separated items right under the heading
            k = i + 1
            while k < len(lines) and not text[lines[k][0] : lines[k][1]].strip():
                k += 1
            if k < len(lines):
                la, le = lines[k]
                line = text[la:le]
                s = line.lstrip()
                split = _split_items(text, la + len(line) - len(s), le, zh)
                items = [(p, q, n) for n, (p, q) in enumerate(split, start=1)]
        if len(items) >= 2:
            out.extend(items)
            i = j
        else:
            i += 1
    return out


_ZH_INLINE = re.compile(
    r"(?:部署|提出|明确|包括|围绕|实施|推进|开展|涵盖|聚焦)了?(?P<l>[^。；;：:\n，,（(“\"]{6,400}?)等"
    r"(?:[\d一二三四五六七八九十]+\s*(?:个|项|大|条))?(?:方面|领域)?的?"
    r"(?:重点|主要|重大|专项)?(?:任务|行动|工程|工作|举措)"
)
_ZH_INLINE_COLON = re.compile(
    r"(?:主要|重点|重大)(?:任务|工作|行动|举措)(?:主要)?(?:包括|有|是|为)[：:]\s*(?P<l>[^。\n]{6,600})"
)


def inline_tasks(text: str) -> list[Task]:
    """A Chinese run-on list of named tasks (see the module docstring)."""
    for rx, sep in ((_ZH_INLINE, "、"), (_ZH_INLINE_COLON, "；;")):
        for m in rx.finditer(text):
            a = m.start("l")
            seg = m.group("l")
            parts = []
            pos = 0
            for sm in re.finditer(rf"[{sep}]", seg):
                parts.append((pos, sm.start()))
                pos = sm.end()
            parts.append((pos, len(seg)))
            parts = [(p, q) for p, q in parts if q > p]
            if len(parts) < 3 or any(not 2 <= q - p <= 40 for p, q in parts):
                continue
            return [(a + p, a + q, n) for n, (p, q) in enumerate(parts, start=1)]
    return []


_LEAD = re.compile(r"[ \t\u3000]*(?P<h>[^\s，,、。；;：:\d%％（()）“”\"]{4,16})。(?=\S)")


def lead_tasks(text: str) -> list[Task]:
    """Three or more consecutive paragraphs, each opening with a short headline sentence (Chinese)."""
    runs: list[list[Task]] = []
    cur: list[Task] = []
    for a, e in _lines(text):
        if not text[a:e].strip():
            continue
        m = _LEAD.match(text, a, e)
        if m and e - m.end() >= 20:
            cur.append((m.start("h"), m.end("h"), len(cur) + 1))
        else:
            if len(cur) >= 3:
                runs.append(cur)
            cur = []
    if len(cur) >= 3:
        runs.append(cur)
    return [t for run in runs for t in run]


# ordinal sequences in prose and Chinese headings
_EN_TASK_RE = re.compile(
    r"(?:^|(?<=[:.;]\s)|(?<=[:.;])|(?<=\n))\s*(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth)(?:ly)?\s*,\s*",
    re.I,
)
_ZH_TASK_RE = re.compile(r"(?P<w>[一二三四五六七八九十]{1,3})是")
_ZH_TASK_HEAD_RE = re.compile(r"(?m)^\s*[（(](?P<w>[一二三四五六七八九十]{1,3})[)）]\s*(?P<t>[^\n。]{2,80})")
_ZH_ARTICLE_RE = re.compile(r"(?m)^\s*第[一二三四五六七八九十百零]{1,5}条")
_ZH_TASK_DI_RE = re.compile(r"(?:^|(?<=[：:。；;\n]))\s*第(?P<w>[一二三四五六七八九十]{1,2})\s*[，,、]")


# where a task in a "first, … second, …" sequence ends: a full stop, semicolon (Chinese) or line break
_ZH_TASK_STOP = re.compile(r"[。\n；;]")
_EN_TASK_STOP = re.compile(r"\.(?=\s|\Z)|\n")


def _task_end(text: str, stops: list[int], b: int, end: int, lang: str) -> int:
    """End of the task text that starts at ``b`` and may run to ``end`` (the next item): its first stop.

    ``stops`` are the stop positions of the whole text, found once, so the search is a binary search even when
    the last item of a sequence has no stop for megabytes. A "." just before ``end`` stops the task too (the
    next item may follow it without a space: "….Second, …")."""
    i = bisect.bisect_left(stops, b)
    if i < len(stops) and stops[i] < end:
        return stops[i]
    if lang != "zh" and end > b and text[end - 1] == ".":
        return end - 1
    return end


def find_tasks(text: str, lang: str) -> list[DraftTask]:
    """Main tasks of a text: ordinal sequences in prose ("first, … Second, …", "一是…二是…", "第一，…第二，…"), unless
    a task list under a heading (:func:`section_tasks`) gives at least as many; then, for Chinese, run-on lists
    (:func:`inline_tasks`), "（一）…（二）…" headings outside legal texts, and headline-sentence runs
    (:func:`lead_tasks`)."""
    if lang == "en":
        marks = [
            (m.start("w"), m.end(), ORD_EN.index(m.group("w").lower()) + 1)
            for m in _EN_TASK_RE.finditer(text)
        ]
    else:
        marks = []
        for m in _ZH_TASK_RE.finditer(text):
            n = cn_to_int(m.group("w"))
            if n:
                marks.append((m.start(), m.end(), n))
        if not marks:
            for m in _ZH_TASK_DI_RE.finditer(text):
                n = cn_to_int(m.group("w"))
                if n:
                    marks.append((m.start("w") - 1, m.end(), n))
    check()
    seqs: list[list[tuple[int, int, int]]] = []
    cur: list[tuple[int, int, int]] = []
    for mk in marks:
        if mk[2] == 1:
            if len(cur) >= 2:
                seqs.append(cur)
            cur = [mk]
        elif cur and mk[2] == cur[-1][2] + 1 and mk[0] - cur[-1][1] < 2000:
            cur.append(mk)
    if len(cur) >= 2:
        seqs.append(cur)
    out: list[DraftTask] = []
    stops = [m.start() for m in (_ZH_TASK_STOP if lang == "zh" else _EN_TASK_STOP).finditer(text)] if seqs else []
    check()
    for seq in seqs:
        for i, (_a, b, n) in enumerate(seq):
            end_limit = seq[i + 1][0] if i + 1 < len(seq) else len(text)
            e = _task_end(text, stops, b, end_limit, lang)
            task = text[b:e].rstrip(" ,;，；。.")
            if len(task) >= 2:
                out.append(DraftTask(task, b, b + len(task), n))
    zh = lang == "zh"
    listed = section_tasks(text, zh)
    check()
    if len(listed) >= 2 and len(listed) >= len(out):
        return [DraftTask(text[a:b], a, b, n) for a, b, n in listed]
    if zh and not out:
        found = inline_tasks(text)
        if found:
            return [DraftTask(text[a:b], a, b, n) for a, b, n in found]
    if zh and not out and not _ZH_ARTICLE_RE.search(text):  # "第三条 …：（一）…" are legal clauses
        heads = [
            (m.start("t"), m.end("t"), cn_to_int(m.group("w")) or 0, m.group("t"))
            for m in _ZH_TASK_HEAD_RE.finditer(text)
        ]
        if len(heads) >= 2:
            for a, _b, n, t in heads:
                t2 = t.rstrip(" ，,；;。")
                out.append(DraftTask(t2, a, a + len(t2), n))
    if zh and not out:
        out = [DraftTask(text[a:b], a, b, n) for a, b, n in lead_tasks(text)]
    return out
