"""Under --mask-pii, an error message is masked too: one may quote cells the library does not take for texts."""

from __future__ import annotations

import pytest

ROW = "田中さんから090-1234-5678に電話しろと言われた"
"""The first row of a file without a header: read as its column names, and quoted as them."""
MASKED = "[人名]さんから[電話番号]に電話しろと言われた"


@pytest.fixture
def headerless(tmp_path):
    dump = tmp_path / "dump.csv"
    dump.write_text(f"r1,2026-01-01,{ROW}\nr2,2026-01-02,手数料が高すぎる\n", encoding="utf-8")
    return dump


@pytest.mark.parametrize(
    "command",
    [
        ["batch", "{dump}", "-o", "{out}.csv", "--text-column", "text"],
        ["batch", "{dump}", "-o", "{out}.parquet", "--text-column", "text", "--engine", "dask"],
        ["drift", "{dump}", "--text-column", "text"],
        ["report", "{dump}", "-o", "{out}.html"],
        ["suggest", "{dump}", "-o", "{out}.csv"],
        ["rules", "test", "{rules}", "{dump}"],
    ],
    ids=["batch", "batch-dask", "drift", "report", "suggest", "rules-test"],
)
def test_a_headerless_file_s_first_row_is_quoted_masked(invoke, tmp_path, tiny_model_dir, headerless, command):
    """Regression: 'the columns are [..., '田中さんから090-1234-5678に電話しろと言われた']' under --mask-pii."""
    if "dask" in command:
        pytest.importorskip("dask")
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "fees"\nlabel = "fees"\nany = ["手数料"]\n', encoding="utf-8")
    args = [a.format(dump=headerless, out=tmp_path / "out", rules=rules) for a in command]
    model = ["-m", tiny_model_dir] if command[0] in ("batch", "drift", "rules") else []
    masked = invoke(*args, *model, "--mask-pii")
    assert masked.exit_code == 2, masked.output
    assert masked.output.startswith("taikai: error: ") and ROW not in masked.output and MASKED in masked.output
    assert "090" not in masked.output and "Traceback" not in masked.output
    unmasked = invoke(*args, *model)  # without --mask-pii the message quotes the row as written
    assert unmasked.exit_code == 2 and ROW in unmasked.output
    assert unmasked.output.replace(ROW, MASKED) == masked.output


def test_a_message_without_personal_data_is_said_as_it_is(invoke, tmp_path, tiny_model_dir):
    dump = tmp_path / "dump.csv"
    dump.write_text("id,text\n1,手数料が高い\n", encoding="utf-8")
    args = ["batch", dump, "-o", tmp_path / "out.csv", "--text-column", "本文", "-m", tiny_model_dir]
    assert invoke(*args, "--mask-pii").output == invoke(*args).output
    assert "no column '本文'" in invoke(*args, "--mask-pii").output
