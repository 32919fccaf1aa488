"""scripts/check_batch.py: it says when the shared shape report is absent, and leaves no copy of the batch behind."""

import sys
from pathlib import Path

import check_batch
import pytest

LINES = "fees\tnegative\tLancers\t手数料が二割も引かれるので使わなくなりました。\n"


def fake_report(folder: Path) -> Path:
    """Write a stand-in for corpus_report.py that records the file it was given and whether it held the batch."""
    script = folder / "corpus_report.py"
    script.write_text(
        "import sys, pathlib\n"
        "given = pathlib.Path(sys.argv[1])\n"
        "print('REPORT', given, '手数料' in given.read_text(encoding='utf-8'))\n",
        encoding="utf-8",
    )
    return script


@pytest.mark.parametrize("present", [True, False], ids=["report present", "report absent"])
def test_main_runs_the_report_or_says_it_is_absent(tmp_path, monkeypatch, capfd, present):
    """Regression: without ../shared the report was skipped without a word, and with it a temporary copy of the
    batch's texts was left in the temporary folder after every run."""
    batch = tmp_path / "b99.tsv"
    batch.write_text(LINES, encoding="utf-8")
    report = fake_report(tmp_path) if present else tmp_path / "nowhere" / "corpus_report.py"
    monkeypatch.setattr(check_batch, "REPORT", report, raising=False)  # (a script without REPORT fails below)
    monkeypatch.setattr(check_batch.sys, "executable", sys.executable)
    assert check_batch.main(str(batch)) == 0
    out = capfd.readouterr().out
    assert "format ok" in out
    if present:
        line = next(x for x in out.splitlines() if x.startswith("REPORT "))
        given, held = line.removeprefix("REPORT ").rsplit(" ", 1)  # the temporary path may hold a space
        assert held == "True" and not Path(given).exists()
    else:
        assert f"shape not reported: {report} not found" in out


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("fees\tnegative\tLancers\t手数料が高い。", None),
        ("fees\tnegative\tLancers\t   ", "b99.tsv:2: empty text"),
        ("fee\tnegative\t\t手数料が高い。", "b99.tsv:2: bad reasons 'fee'"),
        ("fees\tnegative\tMercari\t手数料が高い。", "b99.tsv:2: bad platform 'Mercari'"),
    ],
)
def test_main_names_the_line_of_a_bad_line(tmp_path, monkeypatch, capfd, line, problem):
    """Regression: a line whose text was empty passed as "format ok" (and build_corpus.py took it into the corpus)."""
    batch = tmp_path / "b99.tsv"
    batch.write_text(LINES + line + "\n", encoding="utf-8")
    monkeypatch.setattr(check_batch, "REPORT", tmp_path / "nowhere.py", raising=False)
    assert check_batch.main(str(batch)) == (0 if problem is None else 1)
    out = capfd.readouterr().out
    assert ("format ok" in out) if problem is None else (problem in out and "format ok" not in out)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (None, "{path}: no such file (give the path of one batch TSV)"),
        ("dir", "{path}: no such file (give the path of one batch TSV)"),
    ],
)
def test_a_wrong_path_is_one_error_line_and_exit_2(tmp_path, capsys, make, said):
    """The command line says a wrong path as every script does: ``check_batch.py: error:``, exit 2 (was exit 1)."""
    path = tmp_path / "b01.tsv"
    if make == "dir":
        path.mkdir()
    assert check_batch.cli([str(path)]) == 2
    assert capsys.readouterr().err == f"check_batch.py: error: {said.format(path=path)}\n"
