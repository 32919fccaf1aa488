"""scripts/build_dump.py: the demo dump is built from its batches, and a wrong path is refused before writing."""

import csv
from pathlib import Path

import pytest

CORPUS_HEADER = "id,text,reasons,sentiment,platform,split\n"


def write_inputs(root: Path) -> tuple[Path, Path]:
    """Write one dump batch and a one-row corpus under *root*; return the batch folder and the corpus."""
    batches = root / "dump_batches"
    batches.mkdir()
    lines = ["2025-02-01\tLancers\t手数料が上がってから使っていません。", "2025-01-05\t\t審査に三回落ちました。"]
    (batches / "d01.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = root / "reviews.csv"
    corpus.write_text(CORPUS_HEADER + "b01-0001,単価が安すぎてやめた。,low_pay,negative,,train\n", encoding="utf-8")
    return batches, corpus


def run(monkeypatch, *args: str) -> int | None:
    import build_dump

    monkeypatch.setattr("sys.argv", ["build_dump.py", *args])
    return build_dump.main()


def test_main_writes_the_batches_rows_sorted_by_date(tmp_path, monkeypatch):
    batches, corpus = write_inputs(tmp_path)
    out = tmp_path / "dump.csv"
    run(monkeypatch, "--batches", str(batches), "--corpus", str(corpus), "--out", str(out))
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["review_id"], r["posted_at"]) for r in rows] == [("R00001", "2025-01-05"), ("R00002", "2025-02-01")]


@pytest.mark.parametrize(
    ("wrong", "said"),
    [
        ("batches", "no such folder"),
        ("empty batches", "no batch (*.tsv) in it"),
        ("corpus", "no such file; give the corpus CSV with --corpus"),
    ],
)
def test_main_refuses_a_wrong_path_and_leaves_the_output(tmp_path, monkeypatch, capsys, wrong, said):
    """Regression: a mistyped --batches wrote a dump of 0 rows over --out; a missing --corpus was a traceback."""
    batches, corpus = write_inputs(tmp_path)
    if wrong == "batches":
        batches = tmp_path / "nowhere"
    elif wrong == "empty batches":
        batches = tmp_path / "empty"
        batches.mkdir()
    else:
        corpus = tmp_path / "nowhere.csv"
    out = tmp_path / "dump.csv"
    out.write_text("review_id,posted_at,platform,text\nR00001,2025-01-01,,kept\n", encoding="utf-8")
    before = out.read_bytes()
    assert run(monkeypatch, "--batches", str(batches), "--corpus", str(corpus), "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert err.startswith("build_dump.py: error: ") and said in err
    assert out.read_bytes() == before


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("2025-13-01\t\t手数料が高い。", "d01.tsv:3: bad date '2025-13-01'"),
        ("2025-03-01\tMercari\t手数料が高い。", "d01.tsv:3: bad platform 'Mercari'"),
        ("2025-03-01\tLancers\t  ", "d01.tsv:3: empty text"),
        ("2025-03-01\t手数料が高い。", "d01.tsv:3: expected 3 tab-separated fields, got 2"),
    ],
)
def test_main_names_the_file_and_line_of_a_bad_line(tmp_path, monkeypatch, capsys, line, problem):
    """Regression: a line with an empty text went into the dump as a row without text."""
    batches, corpus = write_inputs(tmp_path)
    with open(batches / "d01.tsv", "a", encoding="utf-8") as f:
        f.write(line + "\n")
    out = tmp_path / "dump.csv"
    assert run(monkeypatch, "--batches", str(batches), "--corpus", str(corpus), "--out", str(out)) == 2
    assert problem in capsys.readouterr().err and not out.exists()
