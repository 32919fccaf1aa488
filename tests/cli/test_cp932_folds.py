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
    replaced = [line for line in lines if line.startswith("characters the output cannot hold")]
    where = "line 3"  # 😀's row, named as the examples are, by either engine (the Dask engine said f"{source}:3")
    assert replaced == (  # regression: counted, but neither the rows nor what to do were said
        [
            f"characters the output cannot hold: 1 in 1 row(s), written as '?': {where}; output_encoding='utf-8-sig' "
            "(--output-encoding utf-8-sig on the command line), which Excel opens, keeps them"
        ]
        if encoding == "cp932"
        else []
    )
    folded = [line for line in lines if line.startswith("characters cp932 holds as others")]
    assert folded == ([] if said is None else [f"{said} writes them)"])
    if engine == "local":
        saved = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
        expected = (4, 2, 1, 1, ["line 3"]) if said else (0, 0, 0, 0, [])
        keys = ("folded_characters", "folded_rows", "replaced_characters", "replaced_rows", "replaced_where")
        assert tuple(saved[key] for key in keys) == expected


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


RENAMED = "writes the column name(s) 'メモ〜♥' as 'メモ～?', which is how the output names them"


@pytest.mark.parametrize(
    "engine",
    [
        "local",
        # Regression: each of the 3 parts counted the header's ♥ again: "cannot hold: 3" where the local run said 1
        pytest.param("dask", marks=pytest.mark.slow),  # about 10 s: the engine starts its scheduler
    ],
)
def test_a_column_name_cp932_writes_otherwise_is_said_by_name_not_counted(invoke, tmp_path, tiny_model_dir, engine):
    source = tmp_path / "in.csv"
    source.write_text("メモ〜♥,text\n" + "".join(f"x,{t}\n" for t in TEXTS), encoding="utf-8")
    out = tmp_path / ("out.csv" if engine == "local" else "out")
    options = ["--output-format", "csv", "--partitions", "3"] if engine == "dask" else []
    result = invoke(
        *("batch", source, "--text-column", "text", "-o", out, "-m", tiny_model_dir, "--engine", engine),
        *("--output-encoding", "cp932", *options),
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.count(RENAMED) == 1, result.stderr  # regression: the Dask engine said it twice
    # the cells' characters alone: 😀 written as ?, 〜 − ‖ £ as others (the header's are named in the warning)
    assert "characters the output cannot hold: 1 in 1 row(s), written as '?': " in result.output
    assert "characters cp932 holds as others: 4 in 2 row(s)" in result.output


@pytest.mark.parametrize(
    ("id_name", "written"),
    [
        # Regression: a CP932 sheet's header read ID? with no word of it, and the ? was counted as a cell's
        ("ID♥", "ID?"),
        # Regression: ID〜 was written ID～ with no word of it
        ("ID〜", "ID～"),
        ("ID", None),
    ],
)
def test_suggest_says_a_column_name_a_cp932_sheet_writes_otherwise(tmp_path, tiny_model, id_name, written):
    import warnings

    from taikai.errors import DataWarning

    out = tmp_path / "s.csv"
    frame = tiny_model.predict_frame(pd.DataFrame({id_name: ["a", "b", "c", "d"], "text": [*TEXTS[:3], "普通"]}))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        suggestion = taikai.suggest(frame, out, n=4, text_column="text", id_column=id_name, output_encoding="cp932")
    said = [str(w.message) for w in caught if issubclass(w.category, DataWarning) and "column name" in str(w.message)]
    assert said == (
        []
        if written is None
        else [
            f"{out}: output_encoding='cp932' (--output-encoding on the command line) writes the column name(s) "
            f"{id_name!r} as {written!r}, which is how the sheet names them; rename the column(s) first, or write "
            "output_encoding='utf-8-sig' (--output-encoding utf-8-sig on the command line), to keep the names as read"
        ]
    )
    assert (suggestion.replaced, suggestion.folds.characters) == (1, 1)  # the cells' 😀 and 〜 only
    assert out.read_bytes().decode("cp932").startswith((written or id_name) + ",text,")
