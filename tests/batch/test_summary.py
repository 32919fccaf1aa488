"""The batch summary: what it prints, what it writes beside the output, and the warning when no row was classified."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.batch import BatchSummary
from taikai.cli import cli
from taikai.errors import DataWarning
from taikai.privacy import MASKER_VERSION


@pytest.fixture
def dump(tmp_path):
    """Write a 6-row CSV: ids, numbers, Japanese texts and an empty column; return its path."""
    rows = [
        {"id": f"R{i:05d}", "n": i * 7, "text": f"手数料が高すぎて続けられません（#{i}）", "memo": ""} for i in range(6)
    ]
    path = tmp_path / "dump.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def run(*args):
    return CliRunner().invoke(cli, ["batch", *map(str, args)])


@pytest.mark.parametrize(
    ("column", "statuses"),
    [("id", "error 6"), ("n", "error 6"), ("memo", "empty 6")],
)
@pytest.mark.parametrize("quiet", [False, True])
def test_no_row_classified_warns_naming_the_column_and_the_columns(
    tmp_path, dump, tiny_model_dir, column, statuses, quiet
):
    """Regression: --text-column naming the ids classified no row, said '6 rows classified' and exited 0 with no
    word of the wrong column; with --quiet nothing at all."""
    out = tmp_path / "out.csv"
    result = run(dump, "-o", out, "--text-column", column, "-m", tiny_model_dir, *(["-q"] if quiet else []))
    assert result.exit_code == 0, result.output  # README: rows with status error are in the output, not failures
    warning = (
        f"taikai: warning: {dump}: no row could be classified: column {column!r} (text_column= (--text-column on "
        f"the command line)) holds no Japanese text in any of its 6 rows ({statuses}); the columns are ['id', 'n', "
        "'text', 'memo']: if the reviews are in another one, run again with text_column= (--text-column on the "
        "command line) naming it"
    )
    assert warning in result.output.splitlines()
    if quiet:
        assert result.output.splitlines() == [warning]
    else:
        assert f"0 of 6 rows classified into {out} in " in result.output
        assert f"status: {statuses}" in result.output.splitlines()
    assert out.is_file()


def test_the_right_column_gives_no_warning(tmp_path, dump, tiny_model_dir):
    result = run(dump, "-o", tmp_path / "out.csv", "--text-column", "text", "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert result.output.startswith(f"6 rows classified into {tmp_path / 'out.csv'} in ")


def test_the_library_warns_too(tmp_path, dump, tiny_model):
    with pytest.warns(
        DataWarning,
        match=r"no row could be classified: column 'id' \(text_column= \(--text-column on the command line\)\)",
    ):
        summary = taikai.classify_file(dump, tmp_path / "out.csv", "id", model=tiny_model)
    assert (summary.rows, summary.classified) == (6, 0)


@pytest.mark.parametrize(
    ("statuses", "first_line"),
    [
        ({}, "0 rows classified"),
        ({"ok": 3}, "3 rows classified"),
        ({"ok": 2, "error": 1}, "2 of 3 rows classified"),  # regression: said "3 rows classified"
        ({"ok": 2, "empty": 1, "error": 1}, "2 of 4 rows classified"),
        ({"error": 2, "empty": 1}, "0 of 3 rows classified"),
    ],
)
def test_the_first_line_says_how_many_rows_were_classified(statuses, first_line):
    summary = BatchSummary("in.csv", "out.csv", rows=sum(statuses.values()), statuses=statuses, text_column="t")
    assert str(summary).startswith(f"{first_line} into out.csv in ")
    assert (summary.unclassified_warning() is None) == (first_line != "0 of 3 rows classified")


@pytest.mark.parametrize(("mask", "version"), [([], None), (["--mask-pii"], MASKER_VERSION)])
def test_the_summary_records_the_masker_version_of_a_masked_run(tmp_path, dump, tiny_model_dir, mask, version):
    """Two masked runs of one taikai version mask alike only if their masker versions are the same: the summary
    records it (JSON, read_summary, the printed line), as the resume fingerprint does."""
    out = tmp_path / "out.csv"
    result = run(dump, "-o", out, "--text-column", "text", "-m", tiny_model_dir, *mask)
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert written["masker_version"] == version and taikai.io.read_summary(out).masker_version == version
    said = f"personal data masked: none found (masker version {version})"
    assert (said in result.output) is bool(mask), result.output


@pytest.mark.parametrize(("id_option", "id_column"), [([], None), (["--id-column", "id"], "id")])
def test_the_json_summary_names_the_text_and_id_columns(tmp_path, dump, tiny_model_dir, id_option, id_column):
    result = run(dump, "-o", tmp_path / "out.csv", "--text-column", "text", "-m", tiny_model_dir, *id_option)
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert (written["text_column"], written["id_column"]) == ("text", id_column)


@pytest.mark.parametrize(
    ("engine", "output"),
    [("local", "out.csv"), pytest.param("dask", "out", marks=pytest.mark.slow)],
)
def test_some_rows_not_ok_the_first_line_says_how_many_of_the_rows(tmp_path, tiny_model_dir, engine, output):
    """Regression: 2 ok, 1 empty and 1 error said '4 rows classified', while no ok row said '0 of 2'."""
    path = tmp_path / "multi.csv"
    path.write_text("id,text\n1,手数料が高すぎる\n2,\n3,提案が通らない\n4,(^_^)\n", encoding="utf-8")
    out = tmp_path / output
    result = run(path, "-o", out, "--text-column", "text", "-m", tiny_model_dir, "--engine", engine)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"2 of 4 rows classified into {out} in "), result.output
    assert "status: empty 1, error 1, ok 2" in result.output.splitlines()


@pytest.mark.parametrize(
    ("resumed", "ok", "first_line"),
    [
        (0, 300_000, "300,000 rows classified into k1.csv in 25.0 s (12,000 rows/s)"),
        # regression: "in 25.0 s (8,800 rows/s); 80,000 of them before the resume", the rate of 220,000 rows
        (
            80_000,
            300_000,
            "300,000 rows classified into k1.csv; 80,000 of the 300,000 rows before the resume (this run: 220,000 "
            "rows in 25.0 s, 8,800 rows/s)",
        ),
        # regression: "296,874 of 300,000 rows classified …; 300,000 of them before the resume (this run: 0 rows in
        # 25.0 s, 0 rows/s)": more "of them" than were classified, and a rate of no rows for writing an xlsx output
        (
            300_000,
            296_874,
            "296,874 of 300,000 rows classified into k1.csv; 300,000 of the 300,000 rows before the resume (this "
            "run: no row left, 25.0 s to finish the output)",
        ),
    ],
)
def test_the_time_and_rate_of_a_resumed_run_are_said_of_this_run(resumed, ok, first_line):
    summary = BatchSummary("big.csv", "k1.csv", rows=300_000, seconds=25.0, resumed_rows=resumed)
    summary.statuses = {"ok": ok, "empty": 300_000 - ok} if ok < 300_000 else {"ok": ok}
    assert str(summary).splitlines()[0] == first_line


@pytest.mark.parametrize(
    ("rows", "seconds", "rate"),
    [
        (2, 20.3, "0.099 rows/s"),  # regression: a two-row Dask run said "(0 rows/s)"
        (3, 1.2, "2.5 rows/s"),
        (99, 10.0, "9.9 rows/s"),
        (100, 10.0, "10 rows/s"),
        (300_000, 25.0, "12,000 rows/s"),
        (0, 0.4, "0 rows/s"),
    ],
)
def test_a_slow_rate_is_not_said_as_zero(rows, seconds, rate):
    summary = BatchSummary("in.csv", "out", rows=rows, seconds=seconds)
    summary.statuses = {"ok": rows}
    assert f"({rate})" in str(summary).splitlines()[0]


@pytest.mark.parametrize("prefix", ["", "pred_"])
def test_the_summary_names_the_columns_as_prefix_named_them(tmp_path, tiny_model, prefix):
    """Regression: under --prefix pred_ the summary sent the reader to model_reason, rule_conflict and the status
    column, which the output names pred_model_reason, pred_rule_conflict and pred_status."""
    from taikai.batch import MAX_EXAMPLES

    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "fees"\nlabel = "fees"\nany = ["手数料"]\n', encoding="utf-8")
    texts = ["手数料が高い", *(["abc"] * (MAX_EXAMPLES + 2))]  # more rows not ok than the summary lists
    data, out = tmp_path / "in.csv", tmp_path / "out.csv"
    pd.DataFrame({"text": texts}).to_csv(data, index=False)
    summary = taikai.classify_file(
        data, out, "text", model=tiny_model, rules=rules, rules_mode="override", prefix=prefix
    )
    columns = set(pd.read_csv(out).columns)
    for said, column in [
        ("the model's own in {})", "model_reason"),
        ("({})", "rule_conflict"),
        ("; see the {} column", "status"),
    ]:
        assert said.format(prefix + column) in str(summary), str(summary)
        assert prefix + column in columns


def _chunk(rows, ok, reason, n, **more):
    from taikai.batch._chunk import ChunkResult, RowProblem
    from taikai.text import Status

    problems = tuple(RowProblem(i, None, Status.EMPTY, "empty") for i in range(n))
    statuses = {"ok": ok, "empty": rows - ok} if rows > ok else {"ok": ok}
    return ChunkResult(rows, statuses, {reason: ok}, {"negative": ok}, problems, **more)


@pytest.mark.parametrize(
    ("field", "expected"),
    [  # mutation audit: each count of a second chunk (or of a resumed run) lost or miscounted, and no test failed
        ("rows", 12),
        ("statuses", {"ok": 9, "empty": 3}),
        ("reasons", {"fees": 4, "time": 5}),
        ("masks", {"email": 3, "phone": 1}),
        ("replaced_characters", 7 + 11),  # the rows' own, then the built output's
        ("ruled", 3),
        ("conflicts", 2),
        ("rules", {"fee_rule": 2, "time_rule": 1}),
        ("bad_lines", 4),
        ("blank_lines", 5),
        ("records", 12 + 4 + 5),
        ("decode_rows", 12),
        ("undecodable_bytes", 24),
        ("private_use_characters", 12),
        ("decode_lines", list(range(1, 11))),
        ("examples", 10),
        ("cut_cells", 6),
        ("cut_rows", 4),
        ("cut_row_numbers", [1, 2, 8]),
        ("not_ok", 3),
        ("classified", 9),
    ],
)
def test_the_summary_adds_up_every_count_of_every_chunk(field, expected):
    from taikai.io import CellLosses, DecodeNote
    from taikai.rules import Rule

    summary = BatchSummary("in.csv", "out.csv")
    summary.start_rules("rules.toml", [Rule("fee_rule", "fees"), Rule("time_rule", "time")])
    notes = [DecodeNote(line, "cp932", replaced=2, private_use=1) for line in range(1, 13)]
    first = _chunk(5, 4, "fees", 6, replaced=7, ruled=1, rules={"fee_rule": 1}, masks={"email": 2})
    summary.add(first, bad=1, blank=2, notes=notes[:6], bad_masks={"email": 1})
    second = _chunk(7, 5, "time", 6, ruled=2, conflicts=2, rules={"fee_rule": 1, "time_rule": 1})
    summary.add(second, bad=3, blank=3, notes=notes[6:], bad_masks={"phone": 1})
    summary.add_losses(CellLosses(removed=11, cut=6, cut_rows=[1, 2, 8], cut_rows_total=4))
    value = getattr(summary, field)
    assert (len(value) if field == "examples" else value) == expected


def test_a_resumed_run_goes_on_counting_from_the_saved_totals():
    from taikai.rules import Rule

    summary = BatchSummary("in.csv", "out.csv")
    summary.start_rules("rules.toml", [Rule("fee_rule", "fees")])
    summary.add(_chunk(5, 4, "fees", 1, masks={"email": 1}, rules={"fee_rule": 2}), blank=2)
    resumed = BatchSummary.from_totals("in.csv", "out.csv", summary.totals())
    assert (resumed.rows, resumed.resumed_rows, resumed.blank_lines) == (5, 5, 2)
    resumed.add(_chunk(3, 3, "time", 0, masks={"email": 2}))
    assert (resumed.rows, resumed.reasons, resumed.masks) == (8, {"fees": 4, "time": 3}, {"email": 3})
    assert summary.rows == 5 and summary.masks == {"email": 1}  # the saved totals are copies
    resumed.start_rules("rules.toml", [Rule("fee_rule", "fees")])  # started again on resume: the hits stay
    assert resumed.rules == {"fee_rule": 2}


@pytest.mark.parametrize(
    ("rows", "statuses", "shown"),
    [
        (1, {"ok": 1}, "BatchSummary(in.csv → out.csv: 1 row (ok 1))"),
        (2, {"ok": 1, "empty": 1}, "BatchSummary(in.csv → out.csv: 2 rows (ok 1, empty 1))"),
        (0, {}, "BatchSummary(in.csv → out.csv: 0 rows (none))"),
    ],
)
def test_the_summary_s_repr_counts_rows_in_the_singular_and_plural(rows, statuses, shown):
    assert repr(BatchSummary("in.csv", "out.csv", rows=rows, statuses=statuses)) == shown


@pytest.mark.parametrize(
    ("rows", "more", "said"),
    [
        (12000, True, "first 12,000 rows of dump.csv classified (--limit 12000)"),
        (12000, False, "12,000 rows classified, all of dump.csv (it ended at --limit 12000)"),
        (3, None, "3 rows classified, all of dump.csv (it ended before --limit 12000)"),
    ],
)
def test_the_headline_gives_the_limit_as_the_option_takes_it(rows, more, said):
    """Regression: ``(--limit 12,000)``: pasted, the option refused '12,000' as no whole number."""
    from taikai.batch._summary_text import summary_text

    summary = BatchSummary(input="dump.csv", output="out.csv", rows=rows, statuses={"ok": rows})
    summary.limit, summary.more_rows = 12000, more
    assert summary_text(summary).startswith(said), summary_text(summary)
