"""taikai.dask.classify gives the model's columns the dtypes Model.predict_frame gives them, and the same values."""

import pandas as pd
import pytest

import taikai.dask as tdask

RULES = """
[[rule]]
name = "fee"
label = "fees"
any = ["手数料"]
"""
TEXTS = ["手数料が高すぎて続けられませんでした", "本業が忙しくなり時間がなくなった", "", None]


@pytest.mark.parametrize(
    ("rules", "mode", "prefix", "texts"),
    [
        (False, "flag", "", TEXTS),
        (True, "flag", "", TEXTS),  # a row not classified: rule_conflict boolean in both
        (True, "override", "pred_", TEXTS),
        (True, "flag", "", TEXTS[:2]),  # every row classified: the local frame's bool, the Dask frame's boolean
        (False, "flag", "pred_", TEXTS[2:]),  # none classified: every text column missing (NaN, not <NA>)
    ],
)
def test_classify_gives_the_local_engine_s_dtypes(tmp_path, tiny_model, rules, mode, prefix, texts):
    """Regression: the Dask engine gave the text columns as string[pyarrow] (missing cells <NA>) and rule_conflict
    as bool[pyarrow] where Model.predict_frame gives str (NaN) and boolean: the same code behaved otherwise on
    each engine's frame (``df.reason.isna()`` alike, but ``df.reason == x`` gave <NA> on one)."""
    import dask.dataframe as dd

    given = {}
    if rules:
        (tmp_path / "rules.toml").write_text(RULES, encoding="utf-8")
        given = {"rules": tmp_path / "rules.toml", "rules_mode": mode}
    frame = pd.DataFrame({"id": range(len(texts)), "text": texts})
    lazy = tdask.classify(dd.from_pandas(frame, npartitions=2), "text", tiny_model, prefix=prefix, **given)
    computed = lazy.compute(scheduler="sync")
    local = tiny_model.predict_frame(frame, "text", prefix=prefix, **given)
    added = [prefix + c for c in tiny_model.output_columns(mode if rules else None)]
    assert {c: str(lazy.dtypes[c]) for c in added} == {c: str(computed[c].dtype) for c in added}
    expected = {c: "boolean" if c.endswith("rule_conflict") else str(local[c].dtype) for c in added}
    assert {c: str(computed[c].dtype) for c in added} == expected
    pd.testing.assert_frame_equal(computed[added], local[added].astype(expected), check_exact=False, atol=1e-12)
