"""``taikai train --vectors``: the default trains the shipped configuration (chiVe vectors beside the n-grams),
``--vectors none`` opts out, a missing table fails before DATA is read, a present one is used and recorded."""

import json
import os
from dataclasses import replace

import pytest
from click.testing import CliRunner

from taikai.cli import _train, cli
from taikai.model import FeatureConfig, _vector_table

VECTORS = {"手数料": [1.0, 0.0], "高い": [0.0, 1.0], "本業": [3.0, 4.0], "忙しい": [1.0, 1.0]}
SHIPPED = FeatureConfig.shipped()
WORDS_ONLY = replace(SHIPPED, vectors=None)


def train(tmp_path, data, *options):
    out = tmp_path / "m"
    folds = [] if "--folds" in options else ["--folds", "2"]  # an option given twice is refused (test_given_twice)
    args = ["train", str(data), "--out", str(out), *folds, "--test-size", "0.25", *options]
    return CliRunner().invoke(cli, args, catch_exceptions=False), out


def added_file(tmp_path):
    path = tmp_path / "added.csv"
    rows = ["text,reasons,sentiment", "生成AIに仕事を取られて応募しても通らない,rejection,negative"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], SHIPPED),
        (["--vectors", "chive"], SHIPPED),
        (["--vectors", "none"], WORDS_ONLY),
        (["--add", "{added}", "--compare-folds", "0"], SHIPPED),  # retraining with added labels: the same default
        (["--add", "{added}", "--compare-folds", "0", "--vectors", "none"], WORDS_ONLY),
    ],
    ids=["default", "chive", "none", "add", "add-none"],
)
def test_train_records_the_configuration_it_trained(tmp_path, tiny_csv, options, expected):
    options = [o.format(added=added_file(tmp_path)) for o in options]
    result, out = train(tmp_path, tiny_csv, *options)
    assert result.exit_code == 0, result.output
    config = json.loads((out / "metadata.json").read_text())["config"]
    assert config["vectors"] == expected.vectors
    assert FeatureConfig.from_dict(config) == expected


def test_the_help_names_the_shipped_default():
    shipped_choice = "none" if SHIPPED.vectors is None else SHIPPED.vectors
    assert shipped_choice == _train.SHIPPED_VECTORS
    result = CliRunner().invoke(cli, ["train", "--help"])
    assert result.exit_code == 0
    assert f"[default: {_train.SHIPPED_VECTORS}, the shipped model's configuration]" in " ".join(result.output.split())


def test_train_with_vectors_uses_the_table(tmp_path, tiny_csv, monkeypatch):
    tables = tmp_path / "tables"
    _vector_table.save_table(_vector_table.make_table(VECTORS, "test vectors"), tables / "chive")
    monkeypatch.setattr(_vector_table, "TABLE_DIR", tables)
    result, out = train(tmp_path, tiny_csv)  # the default reads the table named chive: here, the test's
    assert result.exit_code == 0, result.output
    metadata = json.loads((out / "metadata.json").read_text())
    assert metadata["config"]["vectors"] == "chive"
    predicted = CliRunner().invoke(cli, ["predict", "手数料が高い", "--model", str(out)], catch_exceptions=False)
    assert predicted.exit_code == 0, predicted.output


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ([], "training defaults to the shipped configuration, which pools word vectors"),
        (["--vectors", "chive"], "word-vector table 'chive' not found"),
    ],
    ids=["default", "chive"],
)
def test_train_with_a_missing_table_fails_before_reading_data(tmp_path, monkeypatch, options, said):
    missing = tmp_path / "no-tables"
    monkeypatch.setattr(_vector_table, "TABLE_DIR", missing)
    # DATA does not exist either: the table's error, not the file's, shows that the table is checked first
    result, out = train(tmp_path, tmp_path / "no-such-data.csv", *options)
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert said in message
    assert f"not found at {missing / 'chive'};" in message
    assert "scripts/extract_vectors.py" in message and "--vectors none" in message
    assert "Traceback" not in result.output
    assert not out.exists()


def test_train_without_vectors_needs_no_table(tmp_path, tiny_csv, monkeypatch):
    monkeypatch.setattr(_vector_table, "TABLE_DIR", tmp_path / "no-tables")
    result, out = train(tmp_path, tiny_csv, "--vectors", "none")
    assert result.exit_code == 0, result.output
    assert json.loads((out / "metadata.json").read_text())["config"]["vectors"] is None


def test_train_on_too_few_usable_rows_lists_the_skipped_ones_and_says_what_to_do(tmp_path):
    """Regression: 3 of 5 rows skipped, and the error said only "training needs at least two different reasons"."""
    data = tmp_path / "tiny.csv"
    rows = ["text,reasons,sentiment", "手数料が高すぎる,fees,negative", "本業が忙しい,time,neutral"]
    data.write_text("\n".join([*rows, ",fees,negative", "hello,fees,negative", "稼げない,,"]) + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["train", str(data), "--out", str(tmp_path / "m"), "--vectors", "none"])
    assert result.exit_code == 2, result.output
    assert (
        "held out for the test by test_size=0.2 (--test-size 0.2 on the command line)\ntaikai: error: rows: 5 read, 2 "
        "usable, 3 skipped:\n" in result.stderr  # each line of the error in its one form
    )
    assert f"  {data}:5: text: no Japanese characters" in result.stderr
    assert f"  {data}:6: reasons: no label" in result.stderr
    assert "or train on every usable row with test_size=0 (--test-size 0 on the command line)" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--seed", "-5"], "train: invalid value for --seed: -5 is not from 0 to 4294967295 (see "),
        (["--seed", "4294967296"], "invalid value for --seed: 4294967296 is not from 0 to 4294967295 ("),
        (
            ["--compare-folds", "1"],
            "taikai: error: train: invalid value for --compare-folds: 1 fold cannot compare (its model would be "
            "trained on none of the added rows): give at least 2, or 0 to skip the comparison (see ",
        ),
        (
            ["--test-size", "0.1"],
            "taikai: error: test_size=0.1 (--test-size 0.1 on the command line) holds out 4 of the 40 rows, fewer than "
            "their 8 primary "
            "reasons",
        ),
    ],
)
def test_train_refuses_a_seed_or_test_size_that_cannot_split(tmp_path, tiny_csv, options, said):
    """Regression: these failed late, with scikit-learn's words and the advice to give more labelled rows."""
    out = tmp_path / "m"
    result = CliRunner().invoke(cli, ["train", str(tiny_csv), "--out", str(out), "--vectors", "none", *options])
    assert result.exit_code == 2, result.output
    assert said in result.stderr
    assert "give more labelled rows" not in result.stderr and "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("command", ["train", "evaluate"])
def test_a_missing_column_names_the_options(tmp_path, tiny_model_dir, command):
    """Regression: train chabsa.csv said "missing column(s) ['reasons', 'sentiment']" and no option to give."""
    data = tmp_path / "chabsa.csv"
    data.write_text("text,label\n手数料が高い,fees\n", encoding="utf-8")
    where = ["--out", str(tmp_path / "m")] if command == "train" else ["--model", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, [command, str(data), *where])
    assert result.exit_code == 2, result.output
    # both name the column that looks to hold the labels, with the option that reads it, first (train: h208)
    assert result.stderr.startswith(
        f"taikai: error: {data}: no column 'reasons' nor 'sentiment', but 'label' looks to hold labels: give it "
        "as reasons_column='label' (--reasons-column label on the command line), and the column of sentiment to "
        "sentiment_column= (--sentiment-column on the command line)"
    )
    assert (
        "or pass sentiment_column=None (--no-sentiment on the command line) for data without sentiment" in result.stderr
    )


@pytest.mark.parametrize("spelling", ["--out", "--output", "-o"])
def test_train_takes_output_as_batch_report_and_suggest_do(tmp_path, tiny_csv, spelling):
    """Regression: ``train --output`` failed with "No such option '--output'. Did you mean '--out'?"."""
    out = tmp_path / "m"
    args = ["train", str(tiny_csv), spelling, str(out), "--folds", "0", "--test-size", "0", "--vectors", "none"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert (out / "metadata.json").is_file() and (out / "model.joblib").is_file()


def test_train_help_lists_out_first_then_output():
    result = CliRunner().invoke(cli, ["train", "--help"])
    assert "-o, --out, --output PATH" in result.output


@pytest.mark.parametrize(
    ("size", "said"),
    [
        (
            "1",
            "taikai: error: test_size=1 (--test-size 1 on the command line): the share of rows held out for the test "
            "must be from 0 "
            "(hold nothing out) up to, not including, 1; the default is 0.2\n",
        ),
        (
            "-0.1",
            "taikai: error: test_size=-0.1 (--test-size -0.1 on the command line): the share of rows held out for the "
            "test must be ",
        ),
        # within the range: the data decides (the tiny file's 40 rows cannot hold out 95 % stratified)
        ("0.95", "what to do: use test_size=0.8 (--test-size 0.8 on the command line) or less\n"),
    ],
)
def test_the_test_size_range_is_the_library_s(tmp_path, tiny_csv, size, said):
    """Regression: the CLI refused --test-size 0.95 ("not in the range 0<=x<=0.9"), which Python's train accepts."""
    result = CliRunner().invoke(cli, ["train", str(tiny_csv), "--out", str(tmp_path / "m"), "--test-size", size])
    assert result.exit_code == 2 and said in result.stderr, result.stderr
    assert "not in the range" not in result.stderr and not (tmp_path / "m").exists()


def test_train_add_says_on_stderr_why_the_comparison_was_skipped(tmp_path, tiny_csv):
    """Regression: an --add file of one usable row printed no before/after scores and no reason why."""
    result, _ = train(tmp_path, tiny_csv, "--vectors", "none", "--add", str(added_file(tmp_path)))
    assert result.exit_code == 0, result.output
    assert (
        "taikai: warning: the before/after comparison of the added labels was skipped: the file(s) given to "
        "add= (--add on the command line) gave 1 usable new row(s), and it needs at least 2 (one per fold)"
        in result.stderr
    )
    assert "your labels:" not in result.stderr


@pytest.mark.parametrize("flags", [[], ["--free-labels", "--no-sentiment"]])
def test_train_add_of_the_training_data_itself_stops_before_training(tmp_path, tiny_csv, flags):
    """Regression: ``train DATA --add DATA`` trained ("added: … 0 used, 40 duplicates"), exit 0, without a word."""
    out = tmp_path / "m"
    args = ["train", str(tiny_csv), "--add", str(tiny_csv), "--out", str(out), "--vectors", "none", *flags]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"taikai: error: every labelled row of {tiny_csv} is already in {tiny_csv} (40 duplicates): it adds nothing "
        f"to train on; label rows that are not in {tiny_csv}, or leave it out of add= (--add on the command line)\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("", "train: invalid value for --out / --output / -o: '' is empty: give the directory to write the model into"),
        (" ", "--out / --output / -o: ' ' is blank: give the directory"),
        ("{tmp}/data.csv/model", "--out on the command line): {tmp}/data.csv is a file, not a directory, so the model"),
    ],
    ids=["empty", "blank", "in a file"],
)
def test_train_refuses_an_out_it_cannot_write_before_training(tmp_path, tiny_csv, monkeypatch, out, said):
    """Regression: --out "" wrote into the current directory, --out " " made a directory no --model takes, and an
    --out inside a file was refused only once the whole training was done."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.csv").write_bytes(tiny_csv.read_bytes())
    monkeypatch.setattr("taikai.training._train.read_inputs", None)  # training would fail here: nothing is read
    args = ["train", "data.csv", "--out", out.format(tmp=tmp_path), "--vectors", "none"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert said.format(tmp=tmp_path) in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv"]


@pytest.mark.parametrize("weight", ["nan", "inf"])
def test_a_weight_no_fit_can_use_is_refused_before_training(tmp_path, tiny_csv, weight):
    """--add-weight nan trained on NaN weights, inf failed after reading with scikit-learn's words."""
    result, out = train(tmp_path, tiny_csv, "--add", added_file(tmp_path), "--add-weight", weight)
    assert result.exit_code == 2
    expected = f"taikai: error: add_weight={weight} (--add-weight {weight} on the command line) must be a finite"
    assert result.output.startswith(expected)
    assert not out.exists()


ADD = "add= (--add on the command line)"
GIVE = "give the labelled files to train on too by their paths"


@pytest.mark.parametrize(
    ("make", "given", "said"),
    [
        (lambda d: None, "", f"item 1 of {ADD} is empty; {GIVE}"),  # read as the current folder before
        (lambda d: None, " ", f"item 1 of {ADD} is blank; {GIVE}"),
        (lambda d: None, "-", f"-, given to {ADD}: standard input is not read here; {GIVE}"),
        (
            lambda d: (d / "folder").mkdir(),
            "folder",
            f"{{path}}, given to {ADD}: is a directory, not a file; give a data file in it",
        ),
        (lambda d: os.mkfifo(d / "pipe.csv"), "pipe.csv", f"{{path}}, given to {ADD}: is a pipe, not a regular file"),
        (lambda d: None, "missing.csv", f"{{path}}, given to {ADD}: no such file; {GIVE}"),
    ],
    ids=["empty", "blank", "stdin", "folder", "fifo", "missing"],
)
def test_an_add_that_is_no_file_is_named_as_given_to_add(tmp_path, tiny_csv, make, given, said):
    """Regression (h173): --add "" was read as the current folder (".: is a directory, not a file"), and a folder,
    a FIFO, - or a missing file given to --add was said as if it were DATA (- as "train does not read standard
    input ...; predict and explain read standard input"), naming no --add: each is named as given to it, before
    DATA is read."""
    make(tmp_path)
    path = given if not given.strip() or given == "-" else tmp_path / given
    args = ["train", str(tiny_csv), "--add", str(path), "--out", str(tmp_path / "m"), "--vectors", "none"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"taikai: error: {said.format(path=path)}"), result.stderr
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--add-weight", "3"], "--add-weight 3 applies to the rows of --add files: "),
        (["--compare-folds", "3"], "--compare-folds 3 applies to the rows of --add files: "),
        (
            ["--add-weight", "2.5", "--compare-folds", "2"],
            "--add-weight 2.5 and --compare-folds 2 apply to the rows of --add files: give the labelled files to "
            "train on too with --add FILE, or leave --add-weight and --compare-folds out",
        ),
        (["--add-weight", "1", "--compare-folds", "5"], None),  # the defaults written out
        (["--compare-folds", "0"], None),  # no comparison: there is none without --add
    ],
)
def test_add_options_without_add_are_refused_not_ignored(tmp_path, tiny_csv, options, said):
    """Regression: ``--add-weight 3`` or ``--compare-folds 3`` without ``--add`` trained as if not given, without a
    word (``--rules-mode override`` without ``--rules`` is refused so)."""
    result, out = train(tmp_path, tiny_csv, "--vectors", "none", "--folds", "0", *options)
    if said is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"taikai: error: {said}")
    assert "Traceback" not in result.output and not out.exists()
    followed, out = train(
        tmp_path, tiny_csv, "--vectors", "none", "--folds", "0", *options, "--add", added_file(tmp_path)
    )
    assert followed.exit_code == 0, followed.output  # the advice: give the --add file
    added = [f for f in json.loads((out / "metadata.json").read_text())["inputs"] if f["role"] == "added"]
    assert added[0]["weight"] == float(options[options.index("--add-weight") + 1] if "--add-weight" in options else 1)


@pytest.mark.parametrize("split", ["test", " Test"])
def test_added_rows_marked_test_are_said_to_train_and_the_advice_works(tmp_path, tiny_csv, split):
    """Regression: ``train --add`` of a file with a split column trained on its test rows without a word; only
    ``evaluate FILE --split test`` warned later, that the model had seen them."""
    rows = [
        "text,reasons,sentiment,split",
        f"生成AIに仕事を取られて応募しても通らない,rejection,negative,{split}",
        "本業が忙しくなり時間がなくなったので辞めた,time,neutral,train",
        f"単価が安すぎて何時間やっても生活できない,low_pay,negative,{split}",
    ]
    marked = tmp_path / "marked.csv"
    marked.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result, out = train(tmp_path, tiny_csv, "--vectors", "none", "--compare-folds", "0", "--add", marked)
    assert result.exit_code == 0, result.output
    warning = f"taikai: warning: {marked}: 2 of its 3 added row(s) say split 'test', but a file given to add= "
    assert warning in result.stderr
    evaluate = ["evaluate", "--model", str(out), "--split", "test"]
    seen = CliRunner().invoke(cli, [*evaluate[:1], str(marked), *evaluate[1:]])
    assert "were in this model's training data" in seen.stderr  # as the warning says
    # the advice: the test rows in a file of their own, left out of --add, scored with taikai evaluate
    own, kept = tmp_path / "own.csv", tmp_path / "kept.csv"
    own.write_text("\n".join(rows[:2] + rows[3:]) + "\n", encoding="utf-8")
    kept.write_text("\n".join(rows[:1] + rows[2:3]) + "\n", encoding="utf-8")
    out.rename(tmp_path / "first")
    result, out = train(tmp_path, tiny_csv, "--vectors", "none", "--compare-folds", "0", "--add", kept)
    assert result.exit_code == 0, result.output
    assert "say split 'test'" not in result.stderr
    scored = CliRunner().invoke(cli, [*evaluate[:1], str(own), *evaluate[1:]])
    assert scored.exit_code == 0, scored.output
    assert "Scored 2 of 2 rows (split: test)" in scored.stdout and "training data" not in scored.stderr


@pytest.mark.parametrize(
    ("terminal", "options", "first"),
    [
        (True, [], "training on {data} (2-fold cross-validation, then the fit and its test): the summary follows"),
        (True, ["--folds", "0"], "training on {data} (the fit and its test): the summary follows when it is done …"),
        (
            True,
            ["--add", "{added}", "--compare-folds", "0"],
            "training on {data} and 1 --add file (2-fold cross-validation, then the fit and its test)",
        ),
        (False, [], "model written to "),  # a log (2> train.log) keeps the summary alone, as before
    ],
    ids=["terminal", "no-folds", "add", "not-a-terminal"],
)
def test_train_says_on_a_terminal_that_it_started(tmp_path, tiny_csv, monkeypatch, terminal, options, first):
    """Regression (h355): `taikai train data/reviews.csv --out models/mine` printed nothing for a minute or more
    (several on a loaded machine) until its summary: a newcomer could not tell it from a hang."""
    monkeypatch.setattr(_train, "_on_terminal", lambda: terminal, raising=False)  # raising: the old code had none
    options = [o.format(added=added_file(tmp_path)) for o in options]
    result, _ = train(tmp_path, tiny_csv, "--vectors", "none", *options)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(first.format(data=tiny_csv)), result.stderr


def test_the_readme_quotes_the_line_train_says_as_it_starts():
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    line = _train.started(Path("data/reviews.csv"), 5, ())
    assert f"`{line}`" in readme, f"the README does not quote {line!r}"


@pytest.mark.parametrize(("blank", "said"), [("", "2 blank"), (",,", "2 blank")], ids=["empty lines", "empty cells"])
def test_train_counts_the_base_data_s_blank_lines(tmp_path, tiny_csv, blank, said):
    """Regression: the base DATA file's blank lines were skipped without a count (an --add file's were counted)."""
    lines = tiny_csv.read_text(encoding="utf-8").splitlines()
    data, out = tmp_path / "data.csv", tmp_path / "m"
    data.write_text("\n".join([*lines[:5], blank, *lines[5:], blank]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(data), "--out", str(out), "--vectors", "none", "--folds", "0"])
    assert result.exit_code == 0, result.output
    rows = len(lines) - 1
    assert f"base:  {data}  ({rows + 2} rows, {rows} used, {said})" in result.output
    info = CliRunner().invoke(cli, ["info", "--model", str(out)])
    assert f"data:       {data.name}: {rows + 2} rows read, {said}; {rows} used (" in info.output
