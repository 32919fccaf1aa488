"""scripts/build_corpus.py: batches from several folders, and the candidate batches kept beside the corpus."""

import csv
from pathlib import Path

import pytest
from build_corpus import read_batches
from dedupe import near_copies_of
from script_main import ScriptError

DATA = Path(__file__).parents[2] / "data"
REAL_DEV = Path(__file__).parents[3] / "shared" / "realdev" / "real_dev.csv"
CANDIDATES = sorted((DATA / "candidates").glob("*.tsv"))


def write_batch(folder: Path, name: str, lines: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("fees\tnegative\tLancers\t手数料が二割も引かれるので使わなくなりました。", None),
        ("fees|low_pay\tnegative\t\t手数料を引くと時給換算で三百円でした。", None),
        ("fee\tnegative\t\t手数料が高い。", "bad reasons 'fee'"),
        ("fees\tangry\t\t手数料が高い。", "bad sentiment 'angry'"),
        ("fees\tnegative\tMercari\t手数料が高い。", "bad platform 'Mercari'"),
        ("fees\tnegative\t手数料が高い。", "expected 4 tab-separated fields, got 3"),
        ("fees\tnegative\tLancers\t  ", "empty text"),
    ],
)
def test_read_batches_names_the_file_and_line_of_a_bad_line(tmp_path, line, problem):
    write_batch(tmp_path, "b99", ["other\tneutral\t\t登録だけして一度も使っていません。", line])
    if problem is None:
        rows = read_batches(tmp_path)
        assert [r["id"] for r in rows] == ["b99-0001", "b99-0002"]
    else:
        with pytest.raises(ScriptError, match=f"b99.tsv:2: {problem}"):
            read_batches(tmp_path)


def test_main_merges_several_folders_in_order(tmp_path, monkeypatch):
    import build_corpus

    write_batch(tmp_path / "a", "b01", ["time\tneutral\t\t子どもが熱を出してばかりで、ここ半年は開いてもいません。"])
    write_batch(tmp_path / "b", "b02", ["low_pay\tnegative\tCrowdWorks\t文字単価0.3円の案件しか取れず、やめました。"])
    out = tmp_path / "reviews.csv"
    argv = ["build_corpus.py", "--batches", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out)]
    monkeypatch.setattr("sys.argv", argv)
    build_corpus.main()
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["id"], r["reasons"]) for r in rows] == [("b01-0001", "time"), ("b02-0001", "low_pay")]


@pytest.fixture(scope="module")
def candidate_rows() -> list[dict]:
    """Every candidate line, read once (ids ``bNN-LLLL``)."""
    return read_batches(DATA / "candidates")


@pytest.mark.parametrize("path", CANDIDATES, ids=[p.stem for p in CANDIDATES])
def test_candidate_batches_are_valid_and_not_in_the_corpus(path, candidate_rows):
    rows = [r for r in candidate_rows if r["id"].startswith(path.stem + "-")]
    lengths = sorted(len(r["text"]) for r in rows)
    long_posts = bool(lengths) and lengths[len(lengths) // 2] > 200  # b35-b39: about 80 posts of 200-900 characters
    assert len(rows) >= (60 if long_posts else 100)  # short batches: b21-b29 250-430 rows, b40-b48 110-128
    with (DATA / "reviews.csv").open(encoding="utf-8", newline="") as f:
        corpus = {row["text"] for row in csv.DictReader(f)}
    # A whole corpus row, not a phrase: a short candidate may well occur inside a long corpus post (b21-0262 in b34).
    assert not [r["id"] for r in rows if r["text"] in corpus]


@pytest.mark.slow
@pytest.mark.skipif(not REAL_DEV.exists(), reason="the real dev set (../shared/realdev) is not on this machine")
def test_no_candidate_text_is_a_near_copy_of_a_real_dev_item(candidate_rows):
    with open(REAL_DEV, encoding="utf-8", newline="") as f:
        dev = list(csv.DictReader(f))
    pairs = near_copies_of([r["text"] for r in candidate_rows], [d["text"] for d in dev])
    assert not pairs, [(candidate_rows[i]["id"], dev[j]["id"]) for i, j in pairs[:20]]


def no_folder(folder: Path) -> None:
    """Make nothing: the folder given does not exist."""


def empty_folder(folder: Path) -> None:
    folder.mkdir()


def folder_of_notes(folder: Path) -> None:
    folder.mkdir()
    (folder / "b01.md").write_text("a writer's notes, no batch\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "said"),
    [(no_folder, "no such folder"), (empty_folder, "no batch (*.tsv) in it"), (folder_of_notes, "no batch")],
    ids=["missing", "empty", "no-tsv"],
)
def test_main_refuses_a_folder_without_batches_and_leaves_the_output(tmp_path, monkeypatch, capsys, make, said):
    """Regression: a mistyped --batches wrote a corpus of 0 rows over --out (by default data/reviews.csv)."""
    import build_corpus

    folder = tmp_path / "batchez"
    make(folder)
    out = tmp_path / "reviews.csv"
    out.write_text("id,text,reasons,sentiment,platform,split\nb01-0001,x,fees,negative,,train\n", encoding="utf-8")
    before = out.read_bytes()
    monkeypatch.setattr("sys.argv", ["build_corpus.py", "--batches", str(folder), "--out", str(out)])
    assert build_corpus.main() == 2
    assert capsys.readouterr().err.startswith(f"build_corpus.py: error: {folder}: {said}")
    assert out.read_bytes() == before
