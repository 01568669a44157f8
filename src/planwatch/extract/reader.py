"""Read a document into text: plain text in any common encoding, HTML, or PDF.

Every failure a user can cause (empty file, binary data, a broken PDF, a file that is too large) is reported
as one ``PlanwatchError`` line; nothing else escapes. HTML is parsed with the standard library's tolerant
``html.parser`` (scripts and styles dropped, block elements become line breaks). PDFs are read with pypdf
(imported only when a PDF arrives); undecodable bytes go through charset-normalizer.

Size limit: documents larger than :data:`MAX_DOCUMENT_BYTES` (20 MB, override per call with ``max_bytes`` or
with the environment variable ``PLANWATCH_EXTRACT_MAX_MB``) are refused before they are read, so a 50 MB
upload fails in milliseconds with a clear message instead of tying up a worker for minutes.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
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


def _limit(max_bytes: int | None) -> int:
    if max_bytes is not None:
        return max_bytes
    env = os.environ.get("PLANWATCH_EXTRACT_MAX_MB")
    if env:
        try:
            return int(float(env) * 1024 * 1024)
        except ValueError:
            pass
    return MAX_DOCUMENT_BYTES


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        tag = tag.lower()
        if tag in _SKIP_TAGS:
            self._skip.append(tag)
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag.lower() in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self._skip and tag == self._skip[-1]:
            self._skip.pop()
        elif tag in self._skip:  # unbalanced: drop back to the matching open tag
            while self._skip and self._skip.pop() != tag:
                pass
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page; tolerant of malformed markup."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
        raw = "".join(parser.parts)
    except Exception:  # html.parser is tolerant, but never let a parser bug escape
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", html)
        raw = re.sub(r"(?s)<[^>]*>", "\n", raw)
        import html as _html

        raw = _html.unescape(raw)
    lines = [re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip() for line in raw.splitlines()]
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
