"""extract_corpus: a folder → Parquet with Dask; one bad document is reported and skipped, never fatal."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from planwatch.errors import PlanwatchError  # noqa: E402
from planwatch.extract import extract_corpus  # noqa: E402

DOCS = {
    "a.txt": "By 2030, at least 50% of new cars sold will be electric. In 2022 the share reached 12%.",
    "b.txt": "到2025年，全社会研发经费支出占地区生产总值比重保持在6%左右，技术合同成交额超过8000亿元。",
    "c.html": "<html><body><p>By 2028, the NHS will diagnose 75% of cancers early.</p>"
    "<script>x=1</script></body></html>",
    "sub/d.txt": "No numbers here, only words.",
}


def test_corpus_with_local_cluster(tmp_path):
    import pyarrow.parquet as pq

    folder = tmp_path / "docs"
    for name, text in DOCS.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (folder / "bad.txt").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(5000)))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n not really a pdf")
    out = tmp_path / "out" / "targets.parquet"
    res = extract_corpus(folder, out, workers=2, processes=False, progress=False)
    assert res["documents"] == 6
    assert len(res["errors"]) == 2
    assert res["errors"][0].startswith(str(folder / "bad.txt")) and "binary" in res["errors"][0]
    assert res["errors"][1].startswith(str(folder / "broken.pdf")) and "PDF" in res["errors"][1]
    table = pq.read_table(out)
    assert table.num_rows == res["targets"] == 4
    rows = table.to_pylist()
    assert {r["document"].rsplit("/", 1)[-1] for r in rows} == {"a.txt", "b.txt", "c.html"}
    b = [r for r in rows if r["document"].endswith("b.txt")]
    assert [(r["value"], r["unit"], r["comparator"], r["deadline"]) for r in b] == [
        (6.0, "%", "around", 2025),
        (8e11, "CNY", "more_than", 2025),
    ]
    text = DOCS["b.txt"]
    assert all(text[r["start"] : r["end"]] == r["quote"] for r in b)
    assert res["seconds"] > 0


def test_corpus_missing_folder(tmp_path):
    with pytest.raises(PlanwatchError):
        extract_corpus(tmp_path / "nope", tmp_path / "x.parquet", workers=1, processes=False, progress=False)


def test_corpus_empty_folder_writes_empty_parquet(tmp_path):
    import pyarrow.parquet as pq

    (tmp_path / "empty").mkdir()
    res = extract_corpus(
        tmp_path / "empty", tmp_path / "e.parquet", workers=1, processes=False, progress=False
    )
    assert res["documents"] == 0 and res["targets"] == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
