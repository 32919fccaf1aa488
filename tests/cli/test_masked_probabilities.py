"""Under --mask-pii (mask_pii=True), a p_* cell an error quotes as "not a probability" has its personal data masked,
in report and suggest as in drift (regression: report and suggest quoted a phone number as written)."""

import pandas as pd
import pytest
from support_commands import without_temp_folder

import taikai
from taikai.errors import InputError

PHONE = "090-1234-5678"
MASKED = "連絡先 [電話番号]"


@pytest.fixture(scope="module")
def edited(classify_dump, tmp_path_factory):
    """A batch output whose p_reason_* cell of data row 2 holds a phone number instead of a probability."""
    scored = classify_dump("masked_p", ["review_id", "text"], "", "--text-column", "text", "-q")
    frame = pd.read_csv(scored, dtype=str, keep_default_na=False)
    column = next(c for c in frame.columns if c.startswith("p_reason_"))
    frame.loc[1, column] = f"連絡先 {PHONE}"
    path = tmp_path_factory.mktemp("masked_p_out") / "edited.csv"
    frame.to_csv(path, index=False)
    return path, column


CLI = {
    "report": lambda p, tmp, model: ("report", p, "-o", tmp / "r.html", "--no-drift", "--mask-pii"),
    "suggest": lambda p, tmp, model: ("suggest", p, "-o", tmp / "s.csv", "--mask-pii"),
    "drift": lambda p, tmp, model: ("drift", p, "-m", model, "--mask-pii"),
}


@pytest.mark.parametrize("command", list(CLI))
def test_cli_masks_the_cell_it_quotes(command, edited, tmp_path, tmp_path_factory, tiny_model_dir, invoke):
    path, column = edited
    result = invoke(*CLI[command](path, tmp_path, tiny_model_dir))
    assert result.exit_code != 0
    assert f"column {column}, data row 2 (after the header): '{MASKED}' is not a probability" in result.output
    assert PHONE not in without_temp_folder(result.output, tmp_path_factory)
    assert "Traceback" not in result.output


PYTHON = {
    "suggest(path)": lambda p, tmp: taikai.suggest(p, mask_pii=True),
    "suggest(frame)": lambda p, tmp: taikai.suggest(pd.read_csv(p, dtype=str), mask_pii=True),
    "write_report(path)": lambda p, tmp: taikai.analysis.write_report(p, tmp / "r.html", drift=False, mask_pii=True),
    "build_report(frame)": lambda p, tmp: taikai.analysis.build_report(
        pd.read_csv(p, dtype=str), drift=False, mask_pii=True
    ),
}


@pytest.mark.parametrize("call", list(PYTHON))
def test_python_masks_the_cell_it_quotes(call, edited, tmp_path, tmp_path_factory):
    path, column = edited
    with pytest.raises(InputError) as caught:
        PYTHON[call](path, tmp_path)
    assert f"column {column}, data row 2 (after the header): '{MASKED}' is not a probability" in str(caught.value)
    assert PHONE not in without_temp_folder(str(caught.value), tmp_path_factory)


def test_unmasked_without_the_option(edited, tmp_path, invoke):
    path, _ = edited
    result = invoke("suggest", path, "-o", tmp_path / "s.csv")
    assert f"'連絡先 {PHONE}' is not a probability" in result.output
