"""A labelled row with a sentiment and only ``more_reasons`` (no primary reason) cannot be used: every command that
reads labelled rows says that its sentiment was dropped with it, and what to do."""

import pytest

ROW = "手数料が高すぎてやめました,,negative,fees"
SAID = (
    "reasons: no label (only more_reasons), so its sentiment was not used either: move the primary reason to "
    "reasons, or clear more_reasons to keep just the sentiment ('手数料が高すぎてやめました')"
)


def _labelled(path, rows):
    """Write labelled *rows* (text,reasons,sentiment) with a more_reasons column, then :data:`ROW`."""
    lines = ["text,reasons,sentiment,more_reasons", *(row + "," for row in rows), ROW]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("command", "line"),
    [
        (["train", "{whole}", "--vectors", "none", "--folds", "0", "-o", "{tmp}/m"], "whole.csv:42"),
        (
            ["train", "{data}", "--add", "{added}", "--vectors", "none", "--folds", "0", "-o", "{tmp}/m"],
            "added.csv:3",
        ),
        (["evaluate", "{whole}", "-m", "{model}"], "whole.csv:42"),
    ],
    ids=["train", "train-add", "evaluate"],
)
def test_a_row_with_only_more_reasons_says_its_sentiment_was_dropped_too(
    invoke, tmp_path, tiny_csv, tiny_model_dir, command, line
):
    """Regression: "FILE:42: reasons: no label (only more_reasons)" left unsaid that its sentiment was lost too,
    though a sentiment alone trains the sentiment head."""
    names = {
        "whole": _labelled(tmp_path / "whole.csv", tiny_csv.read_text(encoding="utf-8").splitlines()[1:]),
        "added": _labelled(tmp_path / "added.csv", ["生成AIに仕事を取られて応募しても通らない,rejection,negative"]),
        "data": tiny_csv,
        "model": tiny_model_dir,
        "tmp": tmp_path,
    }
    result = invoke(*(arg.format(**names) for arg in command))
    assert result.exit_code == 0, result.output
    assert f"{line}: {SAID}" in " ".join(result.output.split())
