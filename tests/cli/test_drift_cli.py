"""``taikai drift`` through click's runner: the verdict line, --json, --exit-code, and bad input → exit code 2."""

import json
import shlex
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
KATAKANA = HOTELS.with_name("hotel_reviews_katakana.csv")
"""The hotel reviews with their hiragana written in katakana: almost every token is unknown to the tiny model (OOV
99 %), while 60 hotel reviews as written are within chance of its own 40-row statistics (docs/drift.md)."""
MASKED = "taikai: personal data masked"


def run(*args):
    return CliRunner().invoke(cli, ["drift", *map(str, args)])


def test_drifted_dump_ends_with_drift_yes_and_writes_json(tiny_model_dir, tmp_path):
    out = tmp_path / "drift.json"
    result = run(KATAKANA, "--model", tiny_model_dir, "--date-column", "posted_at", "--freq", "W", "--json", out)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1] == "drift: yes"
    assert "why:" in lines and any(line.startswith("  - whole dump: ") for line in lines)
    assert "per week (ISO weeks, Monday to Sunday: 2025-W27 is 2025-06-30 to 2025-07-06) of posted_at" in result.stdout
    values = json.loads(out.read_text(encoding="utf-8"))
    assert values["alert"] is True and values["reasons"] == [line[4:] for line in lines if line.startswith("  - ")]
    assert values["freq"] == "W" and len(values["periods"]) == 5


def test_reference_file_and_exit_code(tiny_model_dir, tiny_csv):
    same = run(tiny_csv, "--model", tiny_model_dir, "--reference", tiny_csv, "--exit-code")
    assert same.exit_code == 0, same.output
    assert same.stdout.splitlines()[-1] == "drift: no"
    drifted = run(HOTELS, "--model", tiny_model_dir, "--reference", tiny_csv, "--exit-code")
    assert drifted.exit_code == 1 and drifted.stdout.splitlines()[-1] == "drift: yes"


@pytest.mark.parametrize(("flag", "code"), [([], 0), (["--exit-code"], 3)])
def test_a_dump_too_small_to_judge_ends_not_judged_and_exits_3(tiny_model_dir, tmp_path, flag, code):
    """Regression: every figure "not judged", yet "drift: no" and exit code 0 under --exit-code."""
    dump, out = tmp_path / "two.csv", tmp_path / "drift.json"
    dump.write_text("text\nhello world\nthis is english\n", encoding="utf-8")
    result = run(dump, "--model", tiny_model_dir, "--json", out, *flag)
    assert result.exit_code == code, result.output
    assert result.stdout.splitlines()[-1] == (
        "drift: not judged (too few classifiable rows: 0 of 2 rows classified; at least 30 are needed)"
    )
    values = json.loads(out.read_text(encoding="utf-8"))
    assert values["verdict"] == "not judged" and values["alert"] is False and values["overall"]["judged"] is False


def test_model_without_statistics_is_a_clear_error(tiny_model_dir, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(tiny_model_dir, old)
    values = json.loads((old / "metadata.json").read_text(encoding="utf-8"))
    del values["drift_statistics"]
    (old / "metadata.json").write_text(json.dumps(values | {"format": 2}), encoding="utf-8")
    result = run(HOTELS, "--model", old)
    assert result.exit_code == 2
    assert "this model was trained before drift statistics were stored; retrain it" in result.stderr
    assert "--reference FILE" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.csv"], "missing.csv: no such file"),
        ([HOTELS, "--text-column", "body"], "no column 'body'"),
        ([HOTELS, "--date-column", "when"], "no column 'when'; the columns are"),
        ([HOTELS, "--freq", "D"], "drift: invalid value for --freq: "),
        (
            [HOTELS, "--reference", "nope.csv"],
            "nope.csv, given to reference= (--reference on the command line): no such file",
        ),
        ([HOTELS, "--json", "no/such/dir/out.json"], "the folder no/such/dir does not exist"),
        ([HOTELS, "--input-format", "parquet"], "hotel_reviews.csv"),
    ],
)
def test_bad_input_exits_2_with_a_message(tiny_model_dir, args, message):
    result = run(*args, "--model", tiny_model_dir)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("column", "dates", "held"),
    [
        ("review_id", None, "holds no dates (none of its values reads as one, e.g. 'H001', 'H002')"),
        ("posted_at", "unknown", "holds no dates (none of its values reads as one, e.g. 'unknown')"),
        ("posted_at", "", "is empty"),
    ],
)
def test_a_date_column_without_dates_is_refused_as_the_report_refuses_it(tiny_model_dir, tmp_path, column, dates, held):
    """Regression: no period judged, yet "drift: no" and exit code 0 under --exit-code."""
    dump = tmp_path / "dump.csv"
    frame = pd.read_csv(HOTELS, dtype=str)
    if dates is not None:
        frame["posted_at"] = dates
    frame.to_csv(dump, index=False)
    result = run(dump, "--model", tiny_model_dir, "--date-column", column, "--exit-code")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"taikai: error: {dump}: date_column={column!r} "
        f"(--date-column on the command line) {held}; give a column of dates"
    )


@pytest.mark.parametrize("predicted", [False, True], ids=["raw dump", "predictions file"])
def test_a_file_of_no_rows_with_a_date_column_is_not_judged_and_says_it_has_no_rows(
    tiny_model, tiny_model_dir, tmp_path, predicted
):
    """Regression: a header-only file was refused with "date_column='posted_at' … is empty" (exit 2)."""
    dump = tmp_path / "zero.csv"
    frame = pd.read_csv(HOTELS, dtype=str).iloc[:0]
    (tiny_model.predict_frame(frame) if predicted else frame).to_csv(dump, index=False)
    result = run(dump, "--model", tiny_model_dir, "--date-column", "posted_at")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert f"per month of posted_at: none ({dump} has no rows)" in lines
    assert lines[-2] == f"no figure could be judged: {dump} has no rows; check a dump that holds reviews."
    assert lines[-1].startswith("drift: not judged")


def test_japanese_dates_are_periods(tiny_model_dir, tmp_path):
    dump = tmp_path / "dump.csv"
    frame = pd.read_csv(HOTELS, dtype=str)
    frame["posted_at"] = [f"2025年7月{1 + i % 28}日 10:05" for i in range(len(frame))]
    frame.loc[0, "posted_at"] = "2025年08月"
    frame.to_csv(dump, index=False)
    result = run(dump, "--model", tiny_model_dir, "--date-column", "posted_at")
    assert result.exit_code == 0, result.output
    assert "(0 rows without a usable date" in result.stdout
    periods = [line.split()[:2] for line in result.stdout.splitlines() if line.startswith("  2025-")]
    assert [p for p in periods if p[1] not in ("new", "reason")] == [["2025-07", str(len(frame) - 1)], ["2025-08", "1"]]


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        (
            [],
            2,
            "reference.csv: no column 'text'; the columns are ['posted_at', 'body']; give the right one to "
            "reference_text_column= (--reference-text-column on the command line)",
        ),
        (["--text-column", "body"], 2, "hotel_reviews.csv: no column 'body'"),  # the dump has no column 'body'
        (["--reference-text-column", "body"], 0, ""),
    ],
)
def test_the_reference_text_column_is_its_own_option(tiny_model_dir, tiny_csv, tmp_path, options, code, message):
    """Regression: --reference FILE needed the dump's --text-column, and its error advised --text-column."""
    reference = tmp_path / "reference.csv"
    pd.read_csv(tiny_csv).assign(posted_at="2025-01-01").rename(columns={"text": "body"})[["posted_at", "body"]].to_csv(
        reference, index=False
    )
    result = run(HOTELS, "--model", tiny_model_dir, "--reference", reference, *options)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    if code == 0:
        assert (
            result.stdout.splitlines()[1]
            == f"reference: the file {reference} (40 rows; raw dump, classified on the fly)"
        )


def test_the_reference_text_column_needs_a_reference(tiny_model_dir):
    result = run(HOTELS, "--model", tiny_model_dir, "--reference-text-column", "body")
    assert result.exit_code == 2
    assert "--reference-text-column applies to a reference file: give it with --reference FILE" in result.stderr


def test_a_date_column_without_dates_is_refused_after_the_first_chunk(tiny_model_dir, tmp_path, monkeypatch):
    """A dump of millions of rows is not classified to the end before its date column is refused."""
    from taikai.drift import _chunk_counts, _files

    monkeypatch.setattr(_files, "CHUNK_ROWS", 10)
    measured: list[int] = []
    builder = _chunk_counts.StatisticsBuilder
    original = builder.measure
    monkeypatch.setattr(builder, "measure", lambda self, *a: measured.append(1) or original(self, *a))
    result = run(HOTELS, "--model", tiny_model_dir, "--date-column", "review_id")
    assert result.exit_code == 2, result.output
    # the whole column was read (not classified) for a date, as the report reads it
    assert "holds no dates (none of its values reads as one, e.g. 'H001', 'H002')" in result.stderr
    assert measured == []  # nothing was classified


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_date_column_whose_first_chunk_holds_no_date_is_read_as_the_report_reads_it(
    tiny_model_dir, tmp_path, monkeypatch, suffix
):
    """Regression: 6,000 不明 then dates was refused by drift (first 5,000 rows) and accepted by report."""
    from taikai.drift import _files

    monkeypatch.setattr(_files, "CHUNK_ROWS", 10)
    frame = pd.read_csv(HOTELS, dtype=str)
    frame["posted_at"] = ["不明"] * 25 + frame["posted_at"].tolist()[25:]
    dump = tmp_path / f"dump{suffix}"
    if suffix == ".csv":
        frame.to_csv(dump, index=False)
    else:
        frame.to_json(dump, orient="records", lines=True, force_ascii=False)
    result = run(dump, "--model", tiny_model_dir, "--date-column", "posted_at", "--json", "-")
    assert result.exit_code == 0, result.output
    values = json.loads(result.stdout)
    assert values["undated_rows"] == 25 and sum(p["rows"] for p in values["periods"]) == len(frame) - 25
    assert values["unread_date_rows"] == 25 and values["blank_date_rows"] == 0  # 不明 reads as no date: not blank


@pytest.mark.parametrize(
    ("flag", "shown", "hidden"),
    [
        # Without masking the name is a new word, but no piece of an e-mail address is (as a URL's is not).
        ([], ["蒼井さん"], ["aoi", "shotaro", "example", "jp"]),
        (["--mask-pii"], [], ["蒼井", "aoi", "shotaro", "example", "jp", "○"]),
    ],
)
def test_new_words_hold_no_e_mail_piece_and_with_mask_pii_no_name(tiny_model_dir, tmp_path, flag, shown, hidden):
    """drift printed aoi, shotaro, jp and 蒼井 as new words, in its text and JSON, and had no --mask-pii."""
    import pandas as pd

    hotels = pd.read_csv(HOTELS)
    hotels["text"] = [t + " 蒼井さんに aoi.shotaro@example.jp で連絡した" for t in hotels["text"]]
    dump, out = tmp_path / "dump.csv", tmp_path / "drift.json"
    hotels.to_csv(dump, index=False)
    result = run(dump, "--model", tiny_model_dir, "--json", out, *flag)
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stdout.splitlines() if line.startswith("  new words: ")]
    words = json.loads(out.read_text(encoding="utf-8"))["overall"]["new_words"]
    listed = [w["word"] for w in words]
    assert "連絡" in line and "連絡" in listed
    for word in shown:
        assert f" {word} (" in line and word in listed
    for word in hidden:
        assert not any(word in w for w in listed) and word not in line, (word, line)


_NAMED = ("担当のキムラが高圧的で返金に応じない。", "ナカジマが返信してこない。", "渋谷区神南1-2-3まで来いと言われた。")


@pytest.mark.parametrize(
    ("flag", "shown", "hidden"),
    [
        ([], ["キムラ", "ナカジマ", "渋谷", "神南", "区"], []),
        (["--mask-pii"], ["返金", "返信"], ["キムラ", "ナカジマ", "渋谷", "神南", "区"]),
    ],
)
def test_with_mask_pii_no_name_or_place_is_a_new_word(tiny_model_dir, tmp_path, flag, shown, hidden):
    """Regression: drift --mask-pii printed キムラ, ナカジマ, 渋谷, 神南 and 区 as new words (bare names and an
    address, which masking does not find), in its text and in its JSON."""
    hotels = pd.read_csv(HOTELS)
    hotels["text"] = [t + _NAMED[i % 3] for i, t in enumerate(hotels["text"])]
    dump, out = tmp_path / "dump.csv", tmp_path / "drift.json"
    hotels.to_csv(dump, index=False)
    result = run(dump, "--model", tiny_model_dir, "--json", out, *flag)
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stdout.splitlines() if line.startswith("  new words: ")]
    listed = [w["word"] for w in json.loads(out.read_text(encoding="utf-8"))["overall"]["new_words"]]
    for word in shown:
        assert f" {word} (" in line and word in listed, (word, line)
    for word in hidden:
        assert f" {word} (" not in line and word not in listed, (word, line)


@pytest.mark.parametrize(
    ("flag", "reference", "stderr", "masks", "reference_masks"),
    [
        ([], [], [], None, None),
        # the hotel reviews hold one name of their own
        (["--mask-pii"], [], [f"{MASKED}: email [メール] 60, name [人名] 1"], {"email": 60, "name": 1}, None),
        (
            ["--mask-pii"],
            ["--reference", HOTELS],
            [f"{MASKED}: email [メール] 60, name [人名] 1", f"{MASKED} in the reference: name [人名] 1"],
            {"email": 60, "name": 1},
            {"name": 1},
        ),
    ],
)
def test_mask_pii_says_what_it_masked(tiny_model_dir, tmp_path, flag, reference, stderr, masks, reference_masks):
    """Regression: drift --mask-pii never said it masked anything, on standard error nor in the JSON."""
    hotels = pd.read_csv(HOTELS)
    hotels["text"] = [t + " aoi.shotaro@example.jp に連絡した" for t in hotels["text"]]
    dump, out = tmp_path / "dump.csv", tmp_path / "drift.json"
    hotels.to_csv(dump, index=False)
    result = run(dump, "--model", tiny_model_dir, "--json", out, *flag, *reference)
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "masked" in line] == stderr
    values = json.loads(out.read_text(encoding="utf-8"))
    assert values["masks"] == masks and values["reference_masks"] == reference_masks


@pytest.mark.parametrize(
    ("command", "first_line", "key"),
    [
        (["drift", HOTELS, "--model", "{model}"], "drift of ", "alert"),
        (["evaluate", "{data}", "--model", "{model}"], "Scored 40 of 40 rows.", "n_scored"),
    ],
    ids=["drift", "evaluate"],
)
@pytest.mark.parametrize("json_args", [["--json", "-"], ["--json"]], ids=["dash", "alone"])
def test_json_dash_writes_the_json_to_stdout_and_the_text_to_stderr(
    tiny_model_dir, tiny_csv, tmp_path, monkeypatch, command, first_line, key, json_args
):
    """Regression: ``--json -`` wrote a file named ``-`` in the working directory; ``--json`` alone, which is how
    ``info --json`` prints its JSON, was refused for want of a value (h297)."""
    monkeypatch.chdir(tmp_path)
    args = [str(a).format(model=tiny_model_dir, data=tiny_csv) for a in command]
    result = CliRunner().invoke(cli, [*args, *json_args])
    assert result.exit_code == 0, result.output
    assert key in json.loads(result.stdout)
    assert first_line in result.stderr and "written to" not in result.stderr
    assert not (tmp_path / "-").exists()


def test_json_alone_before_another_option_prints_the_json_and_keeps_that_option(
    tiny_model_dir, tiny_csv, tmp_path, monkeypatch
):
    """Regression (h297): ``--json --exit-code`` wrote the JSON to a file named ``--exit-code`` and exited 0."""
    monkeypatch.chdir(tmp_path)
    result = run(HOTELS, "--json", "--exit-code", "--model", tiny_model_dir, "--reference", tiny_csv)
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["alert"] is True
    assert result.stderr.splitlines()[-1] == "drift: yes"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("reference", "counts"),
    [("text\n", "0 of 0"), ("text\n" + "I quit because the fees went up.\n" * 40, "0 of 40")],
)
def test_a_reference_too_small_to_judge_against_exits_3(tiny_model_dir, tiny_csv, tmp_path, reference, counts):
    """Regression: an empty or all-English --reference ended "drift: no" and exit 0 under --exit-code."""
    ref = tmp_path / "ref.csv"
    ref.write_text(reference, encoding="utf-8")
    result = run(tiny_csv, "--model", tiny_model_dir, "--reference", ref, "--exit-code")
    assert result.exit_code == 3, result.output
    lines = result.stdout.splitlines()
    assert lines[-1] == (
        f"drift: not judged (too few classifiable rows in the reference: {counts} rows classified; "
        "at least 30 are needed)"
    )
    assert lines[-2].startswith(f"no figure could be judged: the reference (the file {ref}) is too small")


@pytest.mark.parametrize(
    ("name", "content", "fix"),
    [
        ("dump.jsonl", '{"text": "手数料が高い"}\n{"text": broken\n', "fix it (every line must hold one JSON object)"),
        ("dump.csv", 'text\n手数料が高い\n"a","b"\n', "fix it (every record needs one field per column)"),
        # regression (h414): a header repeated got the advice of a record of too many fields
        (
            "dump.csv",
            "id,text\n1,手数料が高い\nid,text\n",
            "fix it: each export joined after the first repeats the header, so delete every record that does",
        ),
    ],
)
def test_a_malformed_record_gets_advice_for_its_format_and_a_way_out(tiny_model_dir, tmp_path, name, content, fix):
    """Regression: a malformed JSONL line got the CSV advice "every record needs one field per column"."""
    dump = tmp_path / name
    dump.write_text(content, encoding="utf-8")
    result = run(dump, "--model", tiny_model_dir)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"taikai: error: {dump}:")
    # the way out named in Python, then on the command line (regression: Python users were told the option only)
    assert f"; {fix}; or classify it with on_bad_lines='report' of classify_file (taikai batch --on-bad-lines " in (
        result.stderr
    )
    assert "check drift on its predictions file" in result.stderr
    assert ("one field per column" in result.stderr) is ("one field per column" in fix)


@pytest.mark.parametrize("command", ["drift", "report"])
@pytest.mark.parametrize("freq", ["W", "M"])
def test_freq_without_a_date_column_is_refused(tiny_model_dir, tmp_path, command, freq):
    """Regression: --freq W without --date-column was silently ignored (JSON "freq": null), by report too."""
    out = ["-o", tmp_path / "report.html"] if command == "report" else []
    args = [command, HOTELS, "--model", tiny_model_dir, *out, "--freq", freq]
    result = CliRunner().invoke(cli, list(map(str, args)))
    assert result.exit_code == 2, result.output
    assert "--freq applies to periods: give the column of dates with --date-column COLUMN" in result.stderr
    assert not (tmp_path / "report.html").exists()


RAW = "give the dump taikai batch read instead (drift classifies a raw dump with the model it is given)"


@pytest.fixture(scope="module")
def other_default(tmp_path_factory, tiny_csv) -> Path:
    """A second tiny model (words only: another hash), to be the default model ($TAIKAI_MODEL)."""
    import taikai
    from taikai.model import FeatureConfig

    out = tmp_path_factory.mktemp("models") / "default"
    taikai.train(tiny_csv, out, folds=2, test_size=0, config=FeatureConfig(min_df=1))
    return out


@pytest.mark.parametrize(
    ("moved", "advice"),
    [
        (  # h322: the option with its value, quoted for the shell, as the Python argument has it
            False,
            f"; name the model that made them with model='MODELS/v2' (--model QUOTED on the command line), or {RAW}",
        ),
        (
            True,
            "; the directory it names, MODELS/v2, is gone (moved or deleted): give that model's new place with "
            f"model= (--model on the command line), or {RAW}",
        ),
    ],
    ids=["model-still-there", "model-moved-since"],
)
def test_predictions_of_another_model_get_advice_that_leads_to_it(
    tiny_model_dir, other_default, tmp_path, monkeypatch, moved, advice
):
    """Regression (the reviewer's steps): batch -m models/v2; mv models/v2 archive/v2; drift said "name the model
    that made them with model='/…/models/v2'", which then failed with "no such model directory"."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TAIKAI_MODEL", str(other_default))
    shutil.copytree(tiny_model_dir, tmp_path / "models" / "v2")
    batched = CliRunner().invoke(
        cli, ["batch", str(HOTELS), "-o", "o_v2.csv", "-m", "models/v2", "--text-column", "text", "-q"]
    )
    assert batched.exit_code == 0, batched.output
    place = tmp_path / "models" / "v2"
    if moved:
        (tmp_path / "archive").mkdir()
        place = place.rename(tmp_path / "archive" / "v2")
    result = run("o_v2.csv")
    assert result.exit_code == 2, result.output
    quoted = shlex.quote(str(tmp_path / "models" / "v2"))
    assert result.stderr.strip().endswith(advice.replace("MODELS", str(tmp_path / "models")).replace("QUOTED", quoted))
    assert run("o_v2.csv", "--model", place).exit_code == 0  # the advice followed: the model's place now


def test_a_dump_and_a_reference_of_two_models_get_advice_that_works(tiny_model_dir, other_default, tmp_path):
    """Regression (h173): DUMP classified by one model and --reference by another: naming either model with --model
    left the other file refused, and the advice ("name the model that made them, or leave --model out") sent the
    user back and forth; the raw dump is the way out, and is said."""
    for out, model in (("dump.csv", tiny_model_dir), ("ref.csv", other_default)):
        args = ["batch", HOTELS, "-o", tmp_path / out, "-m", model, "--text-column", "text", "-q"]
        assert CliRunner().invoke(cli, list(map(str, args))).exit_code == 0
    result = run(tmp_path / "dump.csv", "--model", tiny_model_dir, "--reference", tmp_path / "ref.csv")
    assert result.exit_code == 2, result.output
    said = result.stderr.strip()  # h263: no longer "name the model that made them with --model": that refused the dump
    assert "(the reference) says its predictions were made by model " in said
    assert said.endswith(
        "give as reference= (--reference on the command line) the dump taikai batch read to write "
        f"{tmp_path / 'ref.csv'} ({HOTELS}), which drift classifies with the model that made the dump's "
        "predictions (tiny), or check each file against its own model's training statistics (leave out the reference)"
    )
    followed = run(tmp_path / "dump.csv", "--model", tiny_model_dir, "--reference", HOTELS)
    assert followed.exit_code == 0, followed.output


@pytest.mark.parametrize("where", [".", "sub"])
def test_the_raw_dump_advised_for_a_reference_of_another_model_is_named_from_here(
    tiny_model_dir, other_default, tmp_path, monkeypatch, where
):
    """Regression (h386): batch ran in one folder (`batch oct.csv -o ref.csv`), drift in another; the advice named
    the reference's raw dump as batch was given it, `(oct.csv)`, which is no file from there."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(HOTELS, "oct.csv")
    for out, model in (("dump.csv", tiny_model_dir), ("ref.csv", other_default)):
        args = ["batch", "oct.csv", "-o", out, "-m", model, "--text-column", "text", "-q"]
        assert CliRunner().invoke(cli, list(map(str, args))).exit_code == 0
    (tmp_path / where).mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path / where)
    up = "" if where == "." else "../"
    result = run(f"{up}dump.csv", "--model", tiny_model_dir, "--reference", f"{up}ref.csv")
    assert result.exit_code == 2, result.output
    assert f"the dump taikai batch read to write {up}ref.csv ({up}oct.csv), which " in result.stderr
    followed = run(f"{up}dump.csv", "--model", tiny_model_dir, "--reference", f"{up}oct.csv")
    assert followed.exit_code == 0, followed.output


_ASK = "holds no Japanese text: is it the column of the reviews? The column text holds Japanese text: give "
_GIVE = "text_column='text' (--text-column text on the command line)"


@pytest.mark.parametrize(
    ("english", "column", "verdict", "first", "hint"),
    [
        (False, "review_id", "drift: yes", "'H001'", f"the column review_id {_ASK}{_GIVE}"),
        (False, "posted_at", "drift: yes", "'2025-07-01'", f"the column posted_at {_ASK}{_GIVE}"),
        # English: the verdict stays, and the hint says the texts are not Japanese, the first quoted
        (
            True,
            "text",
            "drift: yes",
            "'The room was clean and the staff kind, r…'",
            "the column text holds no Japanese",
        ),
        (False, "text", "drift: no", None, None),
    ],
)
def test_a_text_column_without_japanese_says_to_check_it(
    tiny_model_dir, tmp_path, english, column, verdict, first, hint
):
    """Regression: drift --text-column review_id said "0 classified", "unclassifiable rows 100.0% > …" and
    "drift: yes", with no word of the column."""
    hotels = pd.read_csv(HOTELS)
    if english:
        hotels["text"] = [f"The room was clean and the staff kind, review {i}" for i in range(len(hotels))]
    dump = tmp_path / "dump.csv"
    hotels.to_csv(dump, index=False)
    options = ["--reference", HOTELS, "--reference-text-column", "text", "--text-column", column, "--json", "-"]
    result = run(dump, "--model", tiny_model_dir, *options)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == verdict
    said = json.loads(result.stdout)["text_hint"]
    if hint is None:
        assert said is None and not any(line.startswith("hint: ") for line in lines)
    else:
        kinds = f"100% of the rows are unclassifiable: 60 without Japanese text (no kana or kanji; e.g. line 2: {first}"
        assert said.startswith(f"{kinds}); {hint}") and lines[-2] == f"hint: {said}"
        assert english == said.endswith(
            "the model reads Japanese reviews (if they are in another column, give it "
            "with text_column= (--text-column on the command line))"
        )


_UNCHECKED = (
    "; its model cannot be checked (no batch summary beside it names one): its predictions are taken as made by the "
    "model given (model=, --model on the command line; else the default model)"
)


@pytest.mark.parametrize(
    ("kind", "read", "checked"),
    [
        ("raw", "raw dump, classified on the fly", None),
        ("batch", "predictions file, read as written", True),
        ("no summary", f"predictions file, read as written{_UNCHECKED}", False),
    ],
)
def test_the_reference_line_says_whether_it_read_predictions_or_classified(
    tiny_model_dir, tmp_path, kind, read, checked
):
    """Regression: "reference: the file r.csv (60 rows)" said neither, nor that a predictions file without a batch
    summary could be another model's."""
    reference = tmp_path / "r.csv"
    if kind == "raw":
        shutil.copy(HOTELS, reference)
    else:
        args = ["batch", str(HOTELS), "-o", str(reference), "-m", str(tiny_model_dir), "--text-column", "text", "-q"]
        assert CliRunner().invoke(cli, args).exit_code == 0
        if kind == "no summary":
            reference.with_name("r.summary.json").unlink()
    result = run(HOTELS, "--model", tiny_model_dir, "--reference", reference, "--json", "-")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1] == f"reference: the file {reference} (60 rows; {read})"
    said = json.loads(result.stdout)["reference"]
    assert said["input"] == ("predictions" if checked is not None else "raw dump (classified on the fly)")
    assert said["model_checked"] is checked
    dump = run(reference, "--model", tiny_model_dir)  # a predictions file as the dump says the same
    assert dump.stdout.splitlines()[0] == f"drift of {reference} ({read})"


_AGAIN = "the predictions of p.csv are read as written, not classified again"
_BATCH = "classify the dump again with taikai batch giving text_column='text' (--text-column text on the command line)"


@pytest.mark.parametrize(
    ("japanese", "given", "hint"),
    [
        # batch was given review_id: drift --text-column text would read the same predictions again
        (60, [], f"the column review_id holds no Japanese text; the column text does, and {_AGAIN}: {_BATCH}"),
        (60, ["--text-column", "text"], f"though the column text holds Japanese text; {_AGAIN}: were they made from"),
        # the model's reason_ja of the few rows classified is no column of reviews
        # h374: 3 of its rows hold Japanese, which the hint no longer denies
        (3, [], "the column review_id holds little Japanese text (5% of its rows hold kana or kanji), nor does any "),
    ],
)
def test_a_predictions_file_without_japanese_says_to_classify_again(
    tiny_model_dir, tmp_path, monkeypatch, japanese, given, hint
):
    """Regression (h153): the hint of a predictions file said to give drift --text-column text, which read the same
    predictions again and then said that text (Japanese reviews) held no Japanese; it named reason_ja as reviews."""
    monkeypatch.chdir(tmp_path)
    hotels = pd.read_csv(HOTELS)
    if japanese < len(hotels):  # ids but in a few rows, and no other column of reviews
        hotels["review_id"] = [*hotels["text"][:japanese], *hotels["review_id"][japanese:]]
        hotels = hotels.drop(columns="text")
    hotels.to_csv("dump.csv", index=False)
    made = CliRunner().invoke(
        cli, ["batch", "dump.csv", "-o", "p.csv", "-m", tiny_model_dir, "--text-column", "review_id"]
    )
    assert made.exit_code == 0, made.output
    result = run("p.csv", "--model", tiny_model_dir, *given, "--json", "-")
    assert result.exit_code == 0, result.output
    said = json.loads(result.stdout)["text_hint"]
    assert hint in said and "reason_ja" not in said and "give text_column=" not in said, said
    assert result.stderr.splitlines()[-2] == f"hint: {said}"
