"""scripts/corpus_stats.py: the data card's tables, and its command line (help, bad arguments, missing files)."""

import pytest
from corpus_stats import main

CORPUS = """id,text,reasons,sentiment,platform,split
b01-1,手数料が高い,fees,negative,ランサーズ,train
b01-2,単価が安すぎる,low_pay|fees,negative,,test
b02-1,本業が忙しくなった,time,neutral,クラウドワークス,train
"""


def test_prints_the_tables_of_a_corpus(tmp_path, capsys):
    path = tmp_path / "reviews.csv"
    path.write_text(CORPUS, encoding="utf-8")
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 reviews, 1 in the test split, 33% with more than one reason.")
    assert "| `fees` | 1 | 33.3% | 2 | 0 |" in out
    assert "| (none named) | 1 |" in out and "| b01 | 2 |" in out


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        # regression: --help was read as a file path and died with a pandas traceback
        (["--help"], 0, " [-h] [data]\n\nPrint the data card's tables"),
        (["-h"], 0, "the corpus CSV (default: data/reviews.csv of the repository)"),
        (["--rows"], 2, "error: unrecognized arguments: --rows"),
        (["a.csv", "b.csv"], 2, "error: unrecognized arguments: b.csv"),
    ],
)
def test_command_line_help_and_bad_arguments(capsys, argv, code, said):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == code
    captured = capsys.readouterr()
    words = " ".join((captured.out if code == 0 else captured.err).split())  # wrapped to COLUMNS (or the terminal)
    assert " ".join(said.split()) in words


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "{path}: no such file (give the corpus CSV, e.g. data/reviews.csv)"),
        (
            "text,reasons,sentiment\n手数料が高い,fees,negative\n",
            "{path}: missing column(s) id, platform, split; "
            "a corpus CSV has id, text, reasons, sentiment, platform, split",
        ),
    ],
    ids=["missing-file", "missing-columns"],
)
def test_an_unreadable_corpus_exits_2_with_a_message(tmp_path, capsys, content, said):
    path = tmp_path / "reviews.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main([str(path)]) == 2
    assert capsys.readouterr().err == f"corpus_stats.py: error: {said.format(path=path)}\n"
