"""--output-encoding cp932 writes 〜 − ‖ ¢ £ ¬ as ～ － ∥ ￠ ￡ ￢ (as Excel's CP932 save does): counted and said, with
the rows, beside the characters written as ?, by batch (both engines, text and JSON summary) and suggest."""

import json

import pandas as pd
import pytest

import taikai

TEXTS = ["時給が安い〜もう無理", "手数料が高い😀", "普通に辞めた", "単価が−３円も下がった‖£"]
SAID = (
    "characters cp932 holds as others: 4 in 2 row(s) (〜 − ‖ ¢ £ ¬ written as ～ － ∥ ￠ ￡ ￢, as Excel's CP932 save"
)


@pytest.mark.parametrize(
    ("engine", "encoding", "said"),
    [
        ("local", "cp932", SAID),
        ("dask", "cp932", SAID),
        ("local", "utf-8-sig", None),  # UTF-8 holds every character as it is
    ],
)
def test_batch_counts_the_characters_cp932_holds_as_others(invoke, tmp_path, tiny_model_dir, engine, encoding, said):
    """Regression: the six were changed with no word; only those written as ? were counted."""
    source = tmp_path / "in.csv"
    source.write_text("id,text\n" + "".join(f"{i},{t}\n" for i, t in enumerate(TEXTS)), encoding="utf-8")
    out = tmp_path / ("out.csv" if engine == "local" else "out")
    options = ["--output-format", "csv"] if engine == "dask" else []
    result = invoke(
        *("batch", source, "--text-column", "text", "-o", out, "-m", tiny_model_dir, "--engine", engine),
        *("--output-encoding", encoding, *options),
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "characters the output cannot hold: 1 (written as '?' in cp932" in result.output or encoding != "cp932"
    folded = [line for line in lines if line.startswith("characters cp932 holds as others")]
    assert folded == ([] if said is None else [f"{said} writes them)"])
    if engine == "local":
        saved = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
        expected = (4, 2) if said else (0, 0)
        assert (saved["folded_characters"], saved["folded_rows"]) == expected


@pytest.mark.parametrize(("encoding", "folds"), [("cp932", (4, 2)), (None, (0, 0))])
def test_suggest_counts_them_in_a_cp932_sheet(tmp_path, tiny_model, encoding, folds):
    out = tmp_path / "s.csv"
    frame = tiny_model.predict_frame(pd.DataFrame({"text": TEXTS}))
    suggestion = taikai.suggest(frame, out, n=4, text_column="text", output_encoding=encoding)
    assert (suggestion.folds.characters, suggestion.folds.rows) == folds
    assert (suggestion.to_dict()["folded"], suggestion.to_dict()["folded_rows"]) == folds
    said = [line for line in str(suggestion).splitlines() if "CP932 holds as others" in line]
    assert said == (
        [
            f"{folds[0]} character(s) in {folds[1]} row(s) CP932 holds as others were written so (〜 − ‖ ¢ £ ¬ "
            "written as ～ － ∥ ￠ ￡ ￢, as Excel's CP932 save writes them)"
        ]
        if encoding
        else []
    )
