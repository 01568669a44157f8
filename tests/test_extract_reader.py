"""read_document: every way a document can be wrong ends in one PlanwatchError, never anything else."""

from __future__ import annotations

import io
import time
from pathlib import Path

from planwatch.errors import PlanwatchError
from planwatch.extract import extract_text, read_document

HERE = Path(__file__).resolve().parent
ZH_FIXTURE = HERE / "data" / "extract_beijing_istic_zh.txt"


def _pdf_bytes(text: str) -> bytes:
    """A one-page PDF with ``text`` (ASCII), built by hand so the test needs no PDF writer with fonts."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def _only_planwatch_error(path=None, data=None, **kw):
    try:
        return read_document(path, data, **kw)
    except PlanwatchError as exc:
        msg = str(exc)
        assert msg and "\n" not in msg and "Traceback" not in msg
        return exc


def test_plain_text_and_path(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text("By 2030, 50% of buses will be electric.", encoding="utf-8")
    assert read_document(p) == "By 2030, 50% of buses will be electric."
    assert read_document(str(p)) == read_document(None, p.read_bytes())


def test_empty_missing_folder_and_binary(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    for case in (tmp_path / "empty.txt", tmp_path / "missing.txt", tmp_path):
        assert isinstance(_only_planwatch_error(case), PlanwatchError)
    assert isinstance(_only_planwatch_error(None, b"   \n\t "), PlanwatchError)
    garbage = bytes((i * 7919 + 13) % 256 for i in range(20000))
    err = _only_planwatch_error(None, garbage)
    assert isinstance(err, PlanwatchError) and "binary" in str(err)
    err = _only_planwatch_error(None, b"\x00\x01\x02" * 1000)
    assert isinstance(err, PlanwatchError)


def test_gbk_encoded_chinese():
    text = ZH_FIXTURE.read_text(encoding="utf-8")
    got = read_document("plan.txt", text.encode("gbk", errors="replace"))
    assert "到2025年" in got and "全国领先" in got
    targets = extract_text(got).targets
    assert len([t for t in targets if t.value is not None]) == 7
    short = "到2025年，研发投入强度达到3%。".encode("gb18030")
    assert "研发投入强度" in read_document(None, short)


def test_other_encodings():
    assert read_document(None, "\ufeffBy 2030, 50%.".encode()) == "By 2030, 50%."
    assert "到2025年" in read_document(None, "到2025年".encode("utf-16"))
    assert "€" in read_document(
        None, "Funding of €4 billion for the plan, about 40% of it by 2027.".encode("cp1252")
    )


def test_html_scripts_dropped_and_malformed_html_tolerated():
    html = (
        b"<html><head><title>Plan</title><script>var x = '99%';</script><style>p{}</style></head>"
        b"<body><p>By 2030, renewables will reach <b>45%</b>.</p>"
        b"<div>Second &amp; <i>third</div></body></html>"
    )
    text = read_document("page.html", html)
    assert "var x" not in text and "p{}" not in text
    assert "renewables will reach 45%." in text and "Second & third" in text
    t = extract_text(text).targets
    assert [(x.value, x.deadline) for x in t] == [(45, 2030)]
    for bad in (
        b"<html><body><p>By 2030 <b>50%</p></div></span><<<>>>&#xZZ; <!-- unclosed",
        b"<div><p><table><tr><td>unclosed <script>never closed 80%",
        b"<!doctype html><html>" + b"<div>" * 5000 + b"deep 50%",
    ):
        out = _only_planwatch_error("bad.html", bad)
        assert isinstance(out, (str, PlanwatchError))
    assert "deep 50%" in read_document("deep.html", b"<!doctype html><html>" + b"<div>" * 5000 + b"deep 50%")


def test_pdf_good_and_malformed():
    pdf = _pdf_bytes("By 2030, 45% of energy will be renewable.")
    text = read_document("plan.pdf", pdf)
    assert "45%" in text
    for bad in (
        b"%PDF-1.4\n garbage garbage",
        pdf[: len(pdf) // 2],
        b"%PDF-1.7\n" + bytes(range(256)) * 40,
        b"not a pdf at all",
    ):
        err = _only_planwatch_error("broken.pdf", bad)
        assert isinstance(err, PlanwatchError), err
        assert "PDF" in str(err)


def test_huge_input_refused_fast_or_processed(tmp_path):
    big = tmp_path / "huge.txt"
    chunk = ("By 2030, the share of renewables will reach 45%. In 2022 it reached 22%. " * 1000).encode()
    with big.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            f.write(chunk)
    t0 = time.perf_counter()
    err = _only_planwatch_error(big)
    assert isinstance(err, PlanwatchError) and "limit" in str(err)
    assert time.perf_counter() - t0 < 2
    err = _only_planwatch_error(None, b"x" * (21 * 1024 * 1024))
    assert isinstance(err, PlanwatchError)
    # below the limit, a large document is read and extracted in reasonable time
    t0 = time.perf_counter()
    text = read_document(None, chunk * 20, max_bytes=50 * 1024 * 1024)
    d = extract_text(text)
    assert d.targets and time.perf_counter() - t0 < 30
