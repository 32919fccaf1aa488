"""``taikai drift`` (and ``report``) messages that quote cells: masked with --mask-pii, Excel serial dates named."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
PII = "佐藤健一さんに連絡 sato@gmail.com"
MASKED = "'[人名]さんに連絡 [メール]'"


def _dump(tmp_path: Path, dates: str, tiny_model_dir: Path | None = None) -> Path:
    """The hotel reviews with *dates* in posted_at, as a raw dump (or, with a model, its predictions)."""
    frame = pd.read_csv(HOTELS, dtype=str).assign(posted_at=dates)
    path = tmp_path / "dump.csv"
    if tiny_model_dir is not None:
        import taikai

        frame = taikai.load_model(tiny_model_dir).predict_frame(frame)
    frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("command", "flag", "shown", "hidden"),
    [
        ("drift", ["--mask-pii"], MASKED, "sato@gmail.com"),
        ("report", ["--mask-pii"], MASKED, "sato@gmail.com"),
        ("drift", [], repr(PII), "[メール]"),
    ],
)
def test_a_date_column_without_dates_is_quoted_masked_under_mask_pii(
    tiny_model_dir, tmp_path, command, flag, shown, hidden
):
    """Regression: "holds no dates (… e.g. '佐藤健一さんに連絡 sato@gmail.com')" under --mask-pii."""
    dump = _dump(tmp_path, PII, tiny_model_dir if command == "report" else None)
    args = [command, str(dump), "--model", str(tiny_model_dir), "--date-column", "posted_at", *flag]
    if command == "report":
        args += ["-o", str(tmp_path / "r.html"), "--no-drift"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert f"holds no dates (none of its values reads as one, e.g. {shown}); give" in result.stderr
    assert hidden not in result.stderr and "Traceback" not in result.output


def test_check_drift_masks_the_quoted_date_cells(tiny_model):
    from taikai.drift import check_drift
    from taikai.errors import InputError

    frame = pd.read_csv(HOTELS, dtype=str).assign(posted_at=PII)
    with pytest.raises(InputError, match=r"e\.g\. '\[人名\]さんに連絡 \[メール\]'\)") as caught:
        check_drift(frame, tiny_model, date_column="posted_at", mask_pii=True)
    assert "sato" not in str(caught.value)


@pytest.mark.parametrize(
    ("dates", "hinted"),
    [
        ("45658", True),  # 2025-01-01 as Excel stores it
        ("1", False),  # an id, not a date Excel would write
        ("unknown", False),
    ],
)
def test_excel_serial_dates_are_named_with_what_to_do(tiny_model_dir, tmp_path, dates, hinted):
    """Regression: a column of Excel serial numbers was refused with no word of what they are."""
    result = CliRunner().invoke(
        cli, ["drift", str(_dump(tmp_path, dates)), "--model", str(tiny_model_dir), "--date-column", "posted_at"]
    )
    assert result.exit_code == 2, result.output
    hint = "; they look like Excel serial dates (days since 1899-12-30, 45658 is 2025-01-01): format the column as"
    assert (hint in result.stderr) is hinted, result.stderr
    assert f"e.g. {dates!r})" in result.stderr


@pytest.mark.parametrize(
    ("dates", "unit"),
    [("1767225600", "s"), ("1767225600000", "ms"), ("45658", None), ("20260314x", None)],
)
def test_unix_times_are_named_with_how_to_convert_them(tiny_model_dir, tmp_path, dates, unit):
    """Regression: a column of epoch seconds from a database export was refused as holding no dates, no hint."""
    result = CliRunner().invoke(
        cli, ["drift", str(_dump(tmp_path, dates)), "--model", str(tiny_model_dir), "--date-column", "posted_at"]
    )
    assert result.exit_code == 2, result.output
    said = f"convert them before, e.g. in the SQL export, or with pandas.to_datetime(values, unit={unit!r}, utc=True)"
    assert (said in result.stderr) is (unit is not None), result.stderr
    said = "counted in Japan time with tz='Asia/Tokyo' (--tz Asia/Tokyo on the command line)"
    assert (said in result.stderr) is bool(unit)


def test_a_period_column_reads_as_its_strings_do(tiny_model):
    """Regression: a pandas Period column was refused, though the same months written in a CSV read fine."""
    from taikai.drift import check_drift

    frame = pd.read_csv(HOTELS, dtype=str)
    months = pd.Series(pd.period_range("2025-01", periods=2, freq="M")).repeat(len(frame)).iloc[: len(frame)]
    as_periods = frame.assign(posted_at=months.to_numpy())
    as_text = frame.assign(posted_at=months.astype(str).to_numpy())
    periods = [p.period for p in check_drift(as_periods, tiny_model, date_column="posted_at").periods]
    assert periods == [p.period for p in check_drift(as_text, tiny_model, date_column="posted_at").periods]
    assert periods == ["2025-01"]


@pytest.mark.parametrize(("flag", "shown"), [(["--mask-pii"], MASKED), ([], repr(PII))])
def test_a_probability_cell_holding_text_is_quoted_masked_under_mask_pii(tiny_model_dir, tmp_path, flag, shown):
    """Regression: a text in a p_ column of a predictions file was quoted as written under --mask-pii."""
    dump = _dump(tmp_path, "2025-01-01", tiny_model_dir)
    frame = pd.read_csv(dump, dtype=str)
    column = next(c for c in frame.columns if c.startswith("p_reason_"))
    frame.loc[0, column] = PII
    frame.to_csv(dump, index=False)
    result = CliRunner().invoke(cli, ["drift", str(dump), "--model", str(tiny_model_dir), *flag])
    assert result.exit_code == 2, result.output
    assert f"column {column}, data row 1 (after the header): {shown} is not a probability" in result.stderr


@pytest.mark.parametrize(
    ("dump_blank", "reference_blank", "said"),
    [
        (2, 0, ["blank lines skipped: 2"]),
        (0, 1, ["blank lines skipped in the reference: 1"]),
        (3, 1, ["blank lines skipped: 3", "blank lines skipped in the reference: 1"]),
        (0, 0, []),
    ],
)
def test_blank_lines_skipped_are_counted_in_text_and_json(
    tiny_model_dir, tiny_csv, tmp_path, dump_blank, reference_blank, said
):
    """Regression: drift skipped blank lines without a word, where batch says "blank lines skipped: 2"."""

    def with_blank(source: Path, name: str, blank: int) -> Path:
        header, *lines = source.read_text(encoding="utf-8").splitlines()
        path = tmp_path / name
        path.write_text("\n".join([header, *[""] * blank, *lines]) + "\n", encoding="utf-8")
        return path

    dump, reference = with_blank(HOTELS, "dump.csv", dump_blank), with_blank(tiny_csv, "ref.csv", reference_blank)
    out = tmp_path / "drift.json"
    args = ["drift", str(dump), "--model", str(tiny_model_dir), "--reference", str(reference), "--json", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if line.startswith("blank lines")] == said
    values = json.loads(out.read_text(encoding="utf-8"))
    assert (values["blank_lines"], values["reference_blank_lines"]) == (dump_blank, reference_blank)


@pytest.mark.parametrize(
    ("bad_in", "said", "json_values"),
    [
        ("dump", ["bad lines taikai batch set aside, not checked: 1 ({out})"], ("1 ({out})", None)),
        (
            "reference",
            ["bad lines taikai batch set aside in the reference, not checked: 1 ({out})"],
            (None, "1 ({out})"),
        ),
        (None, [], (None, None)),
    ],
)
def test_bad_lines_batch_set_aside_are_said_of_a_predictions_file(tiny_model_dir, tmp_path, bad_in, said, json_values):
    """Regression: drift's advice for a malformed record is to check the predictions of ``taikai batch
    --on-bad-lines report``; drift then checked them without a word of the records set aside, which no figure
    counts (a record over 30 lines: 30 rows fewer than the dump)."""
    header, *lines = HOTELS.read_text(encoding="utf-8").splitlines()
    raw = tmp_path / "raw.csv"
    raw.write_text("\n".join([header, *lines[:5], lines[5] + ",extra", *lines[6:]]) + "\n", encoding="utf-8")
    predictions = tmp_path / "p.csv"
    batch = ["batch", str(raw), "-o", str(predictions), "--model", str(tiny_model_dir), "--on-bad-lines", "report"]
    batch += ["--text-column", "text"]
    assert CliRunner().invoke(cli, batch).exit_code == 0
    out = tmp_path / "p.bad_lines.csv"
    dump, reference = (predictions, HOTELS) if bad_in == "dump" else (HOTELS, predictions)
    if bad_in is None:
        dump, reference = HOTELS, HOTELS
    report = tmp_path / "drift.json"
    args = ["drift", str(dump), "--model", str(tiny_model_dir), "--reference", str(reference), "--json", str(report)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    shown = [line for line in result.stdout.splitlines() if line.startswith("bad lines")]
    assert shown == [line.format(out=out) for line in said]
    values = json.loads(report.read_text(encoding="utf-8"))
    expected = tuple(None if v is None else v.format(out=out) for v in json_values)
    assert (values["bad_lines"], values["reference_bad_lines"]) == expected


@pytest.mark.parametrize("given", ["reference", "dump"])
def test_a_model_directory_given_as_data_is_said_to_be_one(tiny_model_dir, given):
    """Regression: ``taikai drift dump.csv --reference MODEL_DIR`` said "cannot tell the format from the extension
    ''; name the format with --reference-input-format", though the model is what --model takes."""
    dump, reference = (str(HOTELS), str(tiny_model_dir)) if given == "reference" else (str(tiny_model_dir), None)
    args = ["drift", dump, *(["--reference", reference] if reference else [])]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    given = ", given to reference= (--reference on the command line)" if given == "reference" else ""  # h177
    assert f"taikai: error: {tiny_model_dir}{given}: is a directory, not a file: a model directory" in result.stderr
    assert "with model= (--model DIR on the command line)" in result.stderr
    assert "extension" not in result.stderr and "Traceback" not in result.output
