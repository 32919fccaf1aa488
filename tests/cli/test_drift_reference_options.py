"""``taikai drift --reference``: the reference file is read with its own options (--reference-encoding,
--reference-input-format, --reference-sheet), detected on its own when not given, and its errors name them."""

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift
from taikai.errors import InputError


@pytest.fixture
def files(tiny_csv, tmp_path) -> Path:
    """The tiny corpus as UTF-8 and CP932 CSV, as .dat, and as a workbook whose first sheet is a README."""
    frame = pd.read_csv(tiny_csv, dtype=str)
    frame.to_csv(tmp_path / "utf8.csv", index=False, encoding="utf-8")
    frame.to_csv(tmp_path / "cp932.csv", index=False, encoding="cp932")
    frame.to_csv(tmp_path / "utf8.dat", index=False, encoding="utf-8")
    with pd.ExcelWriter(tmp_path / "readme_first.xlsx") as book:
        pd.DataFrame({"note": ["the reviews are on the sheet data"]}).to_excel(book, sheet_name="README", index=False)
        frame.to_excel(book, sheet_name="data", index=False)
    return tmp_path


@pytest.mark.parametrize(
    ("dump", "dump_options", "reference", "reference_options", "error"),
    [
        # regression: --encoding cp932 was applied to the UTF-8 reference too
        ("cp932.csv", ["--encoding", "cp932"], "utf8.csv", [], None),
        ("utf8.csv", ["--encoding", "utf-8"], "cp932.csv", [], None),  # the reference's encoding detected on its own
        ("utf8.csv", [], "cp932.csv", ["--reference-encoding", "cp932"], None),
        (
            "cp932.csv",
            [],
            "utf8.csv",
            ["--reference-encoding", "cp932"],
            "the encoding given with reference_encoding= (--reference-encoding on the command line)",
        ),
        # regression: "name the format with input_format= (--input-format …)" for the reference
        (
            "utf8.dat",
            ["--input-format", "csv"],
            "utf8.dat",
            [],
            "utf8.dat: cannot tell the format from the extension '.dat'; name the format with "
            "reference_input_format= (--reference-input-format on the command line)",
        ),
        ("utf8.dat", ["--input-format", "csv"], "utf8.dat", ["--reference-input-format", "csv"], None),
        # regression: "read another sheet with sheet= (--sheet NAME …)" for the reference's sheets
        (
            "readme_first.xlsx",
            ["--sheet", "data"],
            "readme_first.xlsx",
            [],
            "its sheets are README, data) are ['note']; give the right one to reference_text_column= "
            "(--reference-text-column on the command line); sheet 'data' has 'text': read it with "
            "reference_sheet='data' (--reference-sheet data on the command line)",
        ),
        ("readme_first.xlsx", ["--sheet", "data"], "readme_first.xlsx", ["--reference-sheet", "data"], None),
        (
            "utf8.csv",
            [],
            "utf8.csv",
            ["--reference-sheet", "data"],
            "reference_sheet= (--reference-sheet on the command line) applies to xlsx input, not to csv",
        ),
    ],
)
def test_the_reference_is_read_with_its_own_options(
    tiny_model_dir, files, dump, dump_options, reference, reference_options, error
):
    args = ["drift", files / dump, "--model", tiny_model_dir, *dump_options, "--reference", files / reference]
    result = CliRunner().invoke(cli, [*map(str, args), *reference_options])
    if error is None:
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[-1] == "drift: no"
        return
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("taikai: error: ") and error in result.stderr, result.stderr
    for dumps_own in ("(--encoding on", "(--input-format on", "(--sheet NAME on"):
        assert dumps_own not in result.stderr


@pytest.mark.parametrize("option", ["--reference-encoding", "--reference-input-format", "--reference-sheet"])
def test_the_reference_options_need_a_reference(tiny_model_dir, files, option):
    value = "csv" if option == "--reference-input-format" else "utf-8"
    result = CliRunner().invoke(cli, ["drift", str(files / "utf8.csv"), "--model", str(tiny_model_dir), option, value])
    assert result.exit_code == 2
    assert f"{option} applies to a reference file: give it with --reference FILE" in result.stderr


@pytest.mark.parametrize(
    ("reference", "options", "message"),
    [
        (None, {"reference_encoding": "cp932"}, "reference_encoding applies to a reference file, and no reference"),
        (
            "frame",
            {"reference_sheet": "data", "reference_input_format": "xlsx"},
            "reference_input_format and reference_sheet apply to a reference file, and the reference is a frame",
        ),
    ],
)
def test_check_drift_refuses_reference_options_without_a_reference_file(
    tiny_model, tiny_csv, reference, options, message
):
    frame = pd.read_csv(tiny_csv)
    with pytest.raises(InputError, match=message):
        check_drift(frame, tiny_model, reference=frame if reference == "frame" else None, **options)


def test_check_drift_names_the_reference_options_in_its_errors(tiny_model, files):
    with pytest.raises(InputError) as caught:
        check_drift(files / "utf8.csv", tiny_model, reference=files / "utf8.dat", input_format="csv")
    assert "reference_input_format= (--reference-input-format on the command line)" in str(caught.value)
    report = check_drift(
        files / "cp932.csv", tiny_model, reference=files / "utf8.dat", reference_input_format="csv", encoding="cp932"
    )
    assert report.verdict_line() == "drift: no"
