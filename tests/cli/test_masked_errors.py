"""Under --mask-pii, an error message is masked too: one may quote cells the library does not take for texts."""

from __future__ import annotations

import pytest
from support_commands import data_command, without_temp_folder

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
        ["rules", "test", "{rules}", "{dump}"],
    ],
    ids=["batch", "batch-dask", "drift", "report", "rules-test"],
)
def test_a_headerless_file_s_first_row_is_quoted_masked(
    invoke, tmp_path, tmp_path_factory, tiny_model_dir, headerless, command
):
    """Regression: 'the columns are [..., '田中さんから090-1234-5678に電話しろと言われた']' under --mask-pii."""
    if "dask" in command:
        pytest.importorskip("dask")
    args = data_command(command, tmp_path, headerless, tiny_model_dir)
    masked = invoke(*args, "--mask-pii")
    assert masked.exit_code == 2, masked.output
    assert masked.output.startswith("taikai: error: ") and ROW not in masked.output and MASKED in masked.output
    assert "090" not in without_temp_folder(masked.output, tmp_path_factory) and "Traceback" not in masked.output
    unmasked = invoke(*args)  # without --mask-pii the message quotes the row as written
    assert unmasked.exit_code == 2 and ROW in unmasked.output
    assert unmasked.output.replace(ROW, MASKED) == masked.output


@pytest.mark.parametrize("masked", [True, False], ids=["masked", "unmasked"])
def test_suggest_refuses_a_headerless_dump_as_no_predictions_without_quoting_its_row(
    invoke, tmp_path, tiny_model_dir, headerless, masked
):
    """suggest reads no columns of a file without p_reason_* columns (h291): it quotes no row, masked or not."""
    args = data_command(["suggest", "{dump}", "-o", "{out}.csv"], tmp_path, headerless, tiny_model_dir)
    result = invoke(*args, *(["--mask-pii"] if masked else []))
    assert result.exit_code == 2 and "not a predictions file" in result.output, result.output
    assert ROW not in result.output and MASKED not in result.output and "Traceback" not in result.output


def test_a_message_without_personal_data_is_said_as_it_is(invoke, tmp_path, tiny_model_dir):
    dump = tmp_path / "dump.csv"
    dump.write_text("id,text\n1,手数料が高い\n", encoding="utf-8")
    args = ["batch", dump, "-o", tmp_path / "out.csv", "--text-column", "本文", "-m", tiny_model_dir]
    assert invoke(*args, "--mask-pii").output == invoke(*args).output
    assert "no column '本文'" in invoke(*args, "--mask-pii").output


@pytest.mark.parametrize("command", [["predict"], ["explain", "-"]], ids=["predict", "explain"])
def test_the_first_line_of_standard_input_is_quoted_masked(tiny_model_dir, tmp_path_factory, command):
    """Regression: the warning that standard input looks like a CSV table quoted its first line unmasked."""
    from click.testing import CliRunner

    from taikai.cli import cli

    lines = "田中さん 090-1234-5678,本文\n1,手数料が高い\n2,報酬が安い\n"  # a header, as it looks
    args = [*command, "-m", str(tiny_model_dir)]
    masked = CliRunner().invoke(cli, [*args, "--mask-pii"], input=lines.encode())
    assert "looks like a CSV table (its first line, '[人名]さん [電話番号],本文'" in masked.output
    assert "090" not in without_temp_folder(masked.output, tmp_path_factory)
    unmasked = CliRunner().invoke(cli, args, input=lines.encode())
    assert "(its first line, '田中さん 090-1234-5678,本文'" in unmasked.output


@pytest.mark.parametrize(("flags", "said"), [(["--mask-pii"], MASKED), ([], ROW)], ids=["masked", "as-written"])
def test_a_warning_of_the_library_is_said_masked_under_mask_pii(flags, said):
    """What the library warns under --mask-pii is masked as its errors are."""
    import click
    from click.testing import CliRunner

    from taikai._warn import warn_user
    from taikai.cli._common import Group
    from taikai.errors import DataWarning

    @click.group(cls=Group)
    def group() -> None:
        pass

    @group.command()
    @click.option("--mask-pii", is_flag=True)
    def warns(mask_pii: bool) -> None:
        warn_user(f"dump.csv: the cell {ROW!r} looks odd", DataWarning)

    result = CliRunner().invoke(group, ["warns", *flags])
    assert result.exit_code == 0, result.output
    assert f"taikai: warning: dump.csv: the cell '{said}' looks odd" in result.output


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--scheduler", "tcp://10.0.0.5:99999"),  # an IP address masking finds, the user's own
        ("--scheduler", "http://10.0.0.5:8787/status"),  # a URL
    ],
)
def test_what_the_user_gave_is_said_back_as_given(invoke, tmp_path, headerless, option, value):
    """A masked message keeps the arguments of the command as given: masked, the address to fix would be unseen."""
    pytest.importorskip("dask")
    args = ["batch", headerless, "-o", tmp_path / "out.parquet", "--text-column", "text", "--engine", "dask"]
    result = invoke(*args, option, value, "--mask-pii")
    assert result.exit_code == 2 and f"scheduler={value!r} (--scheduler on the command line)" in result.output
    assert result.output == invoke(*args, option, value).output


def test_a_path_that_looks_like_personal_data_is_kept_and_the_row_masked(invoke, tmp_path, headerless, tiny_model_dir):
    dump = tmp_path / "taro@example.com.csv"
    dump.write_bytes(headerless.read_bytes())
    result = invoke("drift", dump, "--text-column", "text", "-m", tiny_model_dir, "--mask-pii")
    assert result.output.startswith(f"taikai: error: {dump}: no column 'text'") and MASKED in result.output


@pytest.mark.parametrize("command", [["predict"], ["explain"]])
@pytest.mark.parametrize("name", ["dump.csv", "田中さん090-1234-5678.csv"])
def test_a_file_given_as_a_review_is_said_masked(
    monkeypatch, tmp_path, tmp_path_factory, tiny_model_dir, headerless, command, name
):
    """Regression: the warning that a review given is a file quoted the file's columns (a headerless file's first
    row) unmasked, and the review itself (the file's name) as typed: the reviews given were kept as the command's
    own arguments."""
    from click.testing import CliRunner

    from taikai.cli import cli

    (tmp_path / name).write_bytes(headerless.read_bytes())
    monkeypatch.chdir(tmp_path)  # the file named as a review, as a user types it
    args = [*command, name, "-m", str(tiny_model_dir)]
    masked = CliRunner().invoke(cli, [*args, "--mask-pii"])
    said = without_temp_folder(masked.output, tmp_path_factory)
    assert f"(its columns are ['r1', '2026-01-01', '{MASKED}'])" in said
    assert "田中" not in said and "090" not in said and "5678" not in said
    unmasked = CliRunner().invoke(cli, args)
    assert f"'{ROW}'])" in unmasked.output and f"'{name}' is a CSV file" in unmasked.output
