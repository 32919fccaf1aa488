"""An edited ``sentiment`` or ``status`` cell of a batch output is refused as the file edited, as an edited reason
is, and quoted masked under --mask-pii (regression: report and suggest showed an e-mail put in either, unmasked)."""

import pandas as pd
import pytest
from support_commands import without_temp_folder

MAIL = "taro.yamada@example.com"


@pytest.fixture(scope="module")
def scored(classify_dump):
    return classify_dump("masked_edits", ["review_id", "text"], "", "--text-column", "text", "-q")


CLI = {
    "report": lambda p, tmp, model: ("report", p, "-o", tmp / "r.html", "--no-drift"),
    "suggest": lambda p, tmp, model: ("suggest", p, "-o", tmp / "s.csv"),
    "drift": lambda p, tmp, model: ("drift", p, "-m", model),
}


@pytest.mark.parametrize(
    ("command", "column", "said"),
    [
        ("report", "sentiment", "the sentiment '{}' has no column p_sentiment_{} (the sentiments' columns are"),
        ("suggest", "sentiment", "the sentiment '{}' has no column p_sentiment_{} (the sentiments' columns are"),
        ("report", "status", "the status '{}' is none of empty, error, ok (the statuses taikai batch writes)"),
        ("suggest", "status", "the status '{}' is none of empty, error, ok (the statuses taikai batch writes)"),
        ("drift", "status", "the status '{}' is none of empty, error, ok (the statuses taikai batch writes)"),
    ],
)
@pytest.mark.parametrize("mask", [True, False], ids=["masked", "as-written"])
def test_an_edited_cell_is_refused_and_masked(
    scored, tmp_path, tmp_path_factory, tiny_model_dir, invoke, command, column, said, mask
):
    frame = pd.read_csv(scored, dtype=str, keep_default_na=False)
    frame.loc[1, column] = MAIL
    path = tmp_path / "edited.csv"
    frame.to_csv(path, index=False)
    result = invoke(*CLI[command](path, tmp_path, tiny_model_dir), *(["--mask-pii"] if mask else []))
    assert result.exit_code != 0, result.output
    shown = "[メール]" if mask else MAIL
    expected = f"{path}: column {column}, data row 2 (after the header): {said.format(shown, shown)}"
    assert expected in result.output, result.output
    assert "the file seems edited: re-run taikai batch on the raw dump" in result.output
    assert (MAIL in without_temp_folder(result.output, tmp_path_factory)) is not mask
    assert "Traceback" not in result.output
