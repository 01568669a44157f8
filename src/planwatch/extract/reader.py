"""Read a document into text: plain text in any common encoding, HTML, or PDF.

Every failure a user can cause (empty file, binary data, a broken PDF, a file that is too large) is reported
as one ``PlanwatchError`` line; nothing else escapes. HTML is read by :func:`html_to_text`, one linear pass
(scripts and styles dropped, block elements become line breaks). PDFs are read with pypdf
(imported only when a PDF arrives); undecodable bytes go through charset-normalizer.

Size limit: documents larger than :data:`MAX_DOCUMENT_BYTES` (20 MB, override per call with ``max_bytes`` or
with the environment variable ``PLANWATCH_EXTRACT_MAX_MB``) are refused before they are read, so a 50 MB
upload fails in milliseconds with a clear message instead of tying up a worker for minutes.
"""

from __future__ import annotations

import os
import re
from html import unescape as _unescape
from pathlib import Path

from ..errors import PlanwatchError

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "title",
    "td",
    "th",
    "caption",
    "address",
    "form",
    "fieldset",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas"}


def env_limit() -> int | None:
    """The size limit PLANWATCH_EXTRACT_MAX_MB sets, in bytes (None when unset); a value that is not a positive
    number is a user's mistake, said in one line rather than ignored."""
    env = os.environ.get("PLANWATCH_EXTRACT_MAX_MB", "").strip()
    if not env:
        return None
    try:
        mb = float(env)
    except ValueError:
        mb = float("nan")
    if not (0 < mb < float("inf")):
        raise PlanwatchError(f"PLANWATCH_EXTRACT_MAX_MB={env!r} is not a positive number of megabytes")
    return int(mb * 1024 * 1024)


def _limit(max_bytes: int | None) -> int:
    if max_bytes is not None:
        return max_bytes
    env = env_limit()
    return MAX_DOCUMENT_BYTES if env is None else env


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


# HTML tokens, each matched at a "<" (anchored, no backtracking across tags)
# (a quoted attribute value may hold ">"; any other character, quotes included, is part of the tag)
_TAG = re.compile(r"""<(/?)([A-Za-z][^\t\n\f\r />]*)(?:[^>=]|=\s*"[^"]*"|=\s*'[^']*'|=)*?(/?)>""")
_RAW_END = {tag: re.compile(rf"</{tag}(?=[\t\n\f\r />])[^>]*>", re.I) for tag in ("script", "style")}
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def html_to_text(html: str) -> str:
    """Visible text of an HTML page; tolerant of malformed markup.

    One pass from left to right that never looks back: text up to the next "<", then the comment, declaration or
    tag there, each consumed whole (a script's or style's content up to its end tag). Skipped elements (scripts,
    styles, SVG, iframes, …) are tracked on a stack with a count per tag name, so an end tag that closes nothing
    ("</script>" under 100,000 ``<svg>``) is rejected in O(1). Every character is read a bounded number of times,
    so the pass is linear on any input, unlike ``html.parser``, whose rescans are quadratic on some malformed
    markup (thousands of "</ " or unclosed tags). Block elements become line breaks; character references are
    decoded; markup that never closes ("<!-- …", a tag without ">") ends the visible text, as in a browser."""
    parts: list[str] = []
    skip: list[str] = []
    open_count: dict[str, int] = {}
    n = len(html)
    last_gt = html.rfind(">")
    pos = 0

    def data(a: int, b: int) -> None:
        if not skip and b > a:
            chunk = html[a:b]
            parts.append(_unescape(chunk) if "&" in chunk else chunk)

    while pos < n:
        lt = html.find("<", pos)
        if lt < 0 or lt > last_gt:  # no tag can close after here: the rest is text
            data(pos, n)
            break
        data(pos, lt)
        nxt = html[lt + 1 : lt + 2]
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        m = _TAG.match(html, lt) if nxt.isascii() and (nxt.isalpha() or nxt == "/") else None
        if m is None:
            if nxt in ("!", "?", "/"):  # declaration, processing instruction, bogus end tag: up to ">"
                pos = html.find(">", lt) + 1
            else:  # "a < b": the "<" is text
                data(lt, lt + 1)
                pos = lt + 1
            continue
        pos = m.end()
        tag = m.group(2).lower()
        if m.group(1):  # end tag
            if skip and tag == skip[-1]:
                open_count[skip.pop()] -= 1
            elif open_count.get(tag):  # unbalanced: drop back to the matching open tag
                while skip:
                    t = skip.pop()
                    open_count[t] -= 1
                    if t == tag:
                        break
        elif not m.group(3):  # start tag (not self-closing)
            if tag in _SKIP_TAGS:
                skip.append(tag)
                open_count[tag] = open_count.get(tag, 0) + 1
            if tag in _RAW_END:  # script / style: raw text up to the end tag, which closes it
                end = _RAW_END[tag].search(html, pos)
                if end is None:
                    break
                pos = end.end()
                open_count[skip.pop()] -= 1
        if tag in _BLOCK_TAGS:
            parts.append("\n")
    raw = "".join(parts)
    lines = [_SPACES.sub(" ", line).strip() for line in raw.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _pdf_to_text(data: bytes, name: str) -> str:
    import io
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - pypdf is a core dependency
        raise PlanwatchError(f"{name}: reading PDF needs pypdf (pip install pypdf)") from None
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise PlanwatchError(f"{name}: the PDF is encrypted; cannot read its text") from None
        pages = []
        for page in reader.pages:
            try:
                pages.append(page.extract_text() or "")
            except Exception:
                pages.append("")
    except PlanwatchError:
        raise
    except Exception as exc:
        msg = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise PlanwatchError(f"{name}: not a readable PDF ({msg})") from None
    text = "\n\n".join(p.strip("\n") for p in pages).strip()
    if not text:
        raise PlanwatchError(f"{name}: the PDF has no extractable text (scanned images need OCR first)")
    return text


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:200_000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or ch == "\ufffd")
    return bad / len(sample) > 0.02


def decode_bytes(data: bytes, name: str = "<data>") -> str:
    """Decode text: UTF-8 (BOM or not), UTF-16 with BOM, plausible GB18030/cp1252, else charset-normalizer."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 10:
        raise PlanwatchError(f"{name}: looks like binary data, not a text, HTML or PDF document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Short texts are ambiguous to statistical detectors (a GBK sentence reads as Korean, a cp1252 "€" as
    # Central European), so the two legacy encodings this tool meets most are tried first, each accepted only
    # when the result looks like that language.
    for enc, plausible in (("gb18030", _plausible_chinese), ("cp1252", _plausible_western)):
        try:
            cand = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if plausible(cand):
            return cand
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:
        best = None
    if best is None:
        raise PlanwatchError(
            f"{name}: looks like binary data, not a text, HTML or PDF document (no text encoding fits)"
        )
    try:
        return str(best)
    except Exception:
        raise PlanwatchError(f"{name}: cannot decode the text (guessed encoding {best.encoding})") from None


_COMMON_ZH = set(
    "的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后"
    "小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长"
    "发展建设目标产业经济增长提高全面加强推进实现达到亿万元比重"
)


def _plausible_chinese(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    cjk = [c for c in non_ascii if "\u4e00" <= c <= "\u9fff"]
    punct = [c for c in non_ascii if "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or c in "“”‘’—…·"]
    if (len(cjk) + len(punct)) / len(non_ascii) < 0.95 or not cjk:
        return False
    common = sum(1 for c in cjk if c in _COMMON_ZH)
    return common / len(cjk) >= 0.12


def _plausible_western(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii or len(non_ascii) / max(1, len(text)) > 0.1:
        return False
    ok = set("€£¥©®°±²³µ·–—‘’“”•…‰™«»¼½¾") | {chr(c) for c in range(0xC0, 0x100)}
    return all(c in ok for c in non_ascii)


def _is_html(text: str, suffix: str) -> bool:
    if suffix in (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"):
        return True
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return True
    tags = len(re.findall(r"</?(?:p|div|span|br|a|li|td|body|head|table|h[1-6])\b", text[:20000], re.I))
    return tags >= 5


def read_document(path: str | Path | None, data: bytes | None = None, *, max_bytes: int | None = None) -> str:
    """Plain text of a document given as a path, or as bytes in ``data`` (``path`` then only names it).

    Raises ``PlanwatchError`` (one line) for: a missing or unreadable file, an empty document, binary data, a
    broken or image-only PDF, a document above the size limit.
    """
    limit = _limit(max_bytes)
    name = str(path) if path is not None else "<data>"
    suffix = Path(path).suffix.lower() if path is not None else ""
    if data is None:
        if path is None:
            raise PlanwatchError("read_document needs a path or data")
        p = Path(path)
        try:
            size = p.stat().st_size
        except FileNotFoundError:
            raise PlanwatchError(f"no such file: {p}") from None
        except OSError as exc:
            raise PlanwatchError(f"cannot read {p}: {exc.strerror or exc}") from None
        if p.is_dir():
            raise PlanwatchError(f"{p} is a folder, not a document")
        if size > limit:
            raise PlanwatchError(
                f"{p}: {_mb(size)} is above the {_mb(limit)} document limit "
                "(split it, or raise PLANWATCH_EXTRACT_MAX_MB)"
            )
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise PlanwatchError(f"cannot read {p}: {exc.strerror or exc}") from None
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise PlanwatchError(f"{name}: document data must be bytes")
    data = bytes(data)
    if len(data) > limit:
        raise PlanwatchError(
            f"{name}: {_mb(len(data))} is above the {_mb(limit)} document limit "
            "(split it, or raise PLANWATCH_EXTRACT_MAX_MB)"
        )
    if not data.strip():
        raise PlanwatchError(f"{name}: the document is empty")
    if data[:1024].lstrip().startswith(b"%PDF") or suffix == ".pdf":
        if not data[:1024].lstrip().startswith(b"%PDF"):
            raise PlanwatchError(f"{name}: not a readable PDF (no %PDF header)")
        return _pdf_to_text(data, name)
    text = decode_bytes(data, name)
    if _looks_binary(text):
        raise PlanwatchError(f"{name}: looks like binary data, not a text, HTML or PDF document")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _is_html(text, suffix):
        text = html_to_text(text)
    text = text.replace("\x00", "")
    if not text.strip():
        raise PlanwatchError(f"{name}: the document has no text")
    return text
