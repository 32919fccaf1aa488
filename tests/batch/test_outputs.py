"""The files batch writes beside its output: never over an input, nor over the summary of another output."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import InputError


@pytest.fixture
def dump(tmp_path):
    """Write a 6-row JSONL file and return its path."""
    path = tmp_path / "dump.jsonl"
    rows = [{"id": i, "text": f"手数料が高すぎて続けられませんでした{i}"} for i in range(6)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("input_name", "side"),
    [
        ("o.summary.json", "its summary o.summary.json"),
        ("o.bad_lines.csv", "its side file of bad lines o.bad_lines.csv"),
    ],
)
def test_cli_batch_refuses_side_files_that_would_overwrite_the_input(tmp_path, dump, tiny_model_dir, input_name, side):
    source = tmp_path / input_name
    shutil.copy(dump, source)
    args = ["batch", str(source), "--input-format", "jsonl", "-o", str(tmp_path / "o.csv"), "--text-column", "text"]
    result = CliRunner().invoke(cli, [*args, "-m", str(tiny_model_dir), "--on-bad-lines", "report"])
    assert result.exit_code == 2, result.output
    assert f"taikai: error: {tmp_path / 'o.csv'}: {side} would overwrite the input ({source}); choose another" in (
        result.output
    )
    assert source.read_bytes() == dump.read_bytes() and not (tmp_path / "o.csv").exists()


def test_batch_refuses_the_rules_file_as_summary(tmp_path, dump, tiny_model):
    rules = tmp_path / "o.summary.json"
    rules.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match=r"o\.csv: its summary o\.summary\.json would overwrite the rules \("):
        taikai.classify_file(dump, tmp_path / "o.csv", "text", model=tiny_model, rules=rules)
    assert rules.read_text(encoding="utf-8") == "{}"


def test_batch_refuses_to_write_over_the_summary_of_another_output(tmp_path, dump, tiny_model):
    first, second = tmp_path / "same.csv", tmp_path / "same.parquet"
    taikai.classify_file(dump, first, "text", model=tiny_model)
    summary = tmp_path / "same.summary.json"
    before = summary.read_bytes()
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, second, "text", model=tiny_model)
    assert str(caught.value) == (
        f"{second}: its summary {summary} is that of {first}, which this run would overwrite (same.csv and "
        f"same.parquet share it); choose another output name, or delete {summary} if same.csv no longer needs it "
        "(nothing was written)"
    )
    assert summary.read_bytes() == before and not second.exists()
    first.unlink()  # its output gone, the summary is nobody's: overwritten
    taikai.classify_file(dump, second, "text", model=tiny_model)
    assert json.loads(summary.read_text(encoding="utf-8"))["output"] == str(second)


@pytest.mark.parametrize(
    ("resume", "said"),
    [
        # regression: "choose another output name" came first, which starts over and leaves the saved rows
        (
            True,
            "its summary {summary} is that of {first}, which resuming would overwrite (same.parquet and same.csv "
            "share it); delete or move {summary} (with same.parquet, if it still needs it), then resume: the rows "
            "saved in {saved} are kept. Another output name would start over without them (nothing was written)\n",
        ),
        (
            False,
            "its summary {summary} is that of {first}, which this run would overwrite (same.parquet and same.csv "
            "share it); choose another output name, or delete {summary} if same.parquet no longer needs it (nothing "
            "was written)\n",
        ),
    ],
)
def test_a_resume_blocked_by_another_output_s_summary_says_to_move_it_first(
    tmp_path, dump, tiny_model, tiny_model_dir, stop_after, resume, said
):
    second, first = tmp_path / "same.csv", tmp_path / "same.parquet"
    with pytest.raises(KeyboardInterrupt):
        taikai.classify_file(dump, second, "text", model=tiny_model, chunk_size=2, on_chunk=stop_after(1))
    taikai.classify_file(dump, first, "text", model=tiny_model)
    args = ["batch", str(dump), "-o", str(second), "--text-column", "text", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, [*args, "--chunk-size", "2", *(["--resume"] if resume else [])])
    assert result.exit_code == 2, result.output
    summary, saved = tmp_path / "same.summary.json", tmp_path / "same.csv.taikai-partial"
    assert result.output == f"taikai: error: {second}: " + said.format(summary=summary, first=first, saved=saved)
    assert (saved / "state.json").exists() and not second.exists()


def test_the_summary_stamps_the_model_as_before(tmp_path, dump, tiny_model_dir):
    """The stamp is a ModelStamp, written with the keys, in the order, that summaries written before held."""
    from taikai.batch._outputs import model_stamp
    from taikai.io import ModelStamp, read_summary

    model = taikai.load_model(tiny_model_dir)
    meta = json.loads((tiny_model_dir / "metadata.json").read_text(encoding="utf-8"))
    stamp = model_stamp(model)
    assert stamp == ModelStamp(
        name="tiny",
        path=str(tiny_model_dir),
        sha256=meta["artifact"]["sha256"],
        created_at=meta["created_at"],
        reasons=tuple(model.reason_labels),
        test_metrics={},  # trained without a test split
        refit_on_all_rows=False,
    )
    out = tmp_path / "o.csv"
    taikai.classify_file(dump, out, "text", model=model)
    written = json.loads((tmp_path / "o.summary.json").read_text(encoding="utf-8"))
    keys = ["name", "path", "sha256", "created_at", "reasons", "test_metrics", "refit_on_all_rows"]
    assert list(written["model"]) == keys and written["model"]["reasons"] == list(model.reason_labels)
    assert list(written)[-2:] == ["model", "output_identity"]
    run = read_summary(out)
    assert run is not None and run.model == stamp


BAD_CSV = 'review_id,text\n1,手数料が高い。\n2,"単価が低い",extra\n3,辞めました。\n'


@pytest.mark.parametrize(
    ("second_args", "message"),
    [
        (
            [],
            "the run would remove the earlier run's side file of bad lines x.bad_lines.csv, which is the input",
        ),
        (
            ["--on-bad-lines", "report"],
            "its side file of bad lines x.bad_lines.csv would overwrite the input",
        ),
    ],
)
def test_cli_batch_never_removes_the_earlier_bad_lines_file_it_reads(tmp_path, tiny_model_dir, second_args, message):
    """The bad lines of a run, classified into the same output: refused before writing, the input kept."""
    source, output, bad = tmp_path / "in.csv", tmp_path / "x.csv", tmp_path / "x.bad_lines.csv"
    source.write_text(BAD_CSV, encoding="utf-8")
    model = ["-m", str(tiny_model_dir)]
    first = ["batch", str(source), "--text-column", "text", "-o", str(output), "--on-bad-lines", "report", *model]
    assert CliRunner().invoke(cli, first).exit_code == 0
    before, summary = bad.read_bytes(), (tmp_path / "x.summary.json").read_bytes()
    second = ["batch", str(bad), "--text-column", "raw", "-o", str(output), *model, *second_args]
    result = CliRunner().invoke(cli, second)
    assert result.exit_code == 2, result.output
    assert f"taikai: error: {output}: {message} ({bad}); choose another output name" in result.output
    assert bad.read_bytes() == before and (tmp_path / "x.summary.json").read_bytes() == summary


def test_batch_finish_keeps_an_input_named_as_the_stale_bad_lines(tmp_path, tiny_model, monkeypatch):
    """Were the check before writing passed by, the end of the run still removes no input."""
    import taikai.batch._local as local

    source, output, bad = tmp_path / "in.csv", tmp_path / "x.csv", tmp_path / "x.bad_lines.csv"
    source.write_text(BAD_CSV, encoding="utf-8")
    taikai.classify_file(source, output, "text", model=tiny_model, on_bad_lines="report")
    before = bad.read_bytes()
    monkeypatch.setattr(local, "check_side_files", lambda *args: None)
    taikai.classify_file(bad, output, "raw", model=tiny_model)
    assert bad.read_bytes() == before
    assert json.loads((tmp_path / "x.summary.json").read_text(encoding="utf-8"))["bad_lines_file"] is None


@pytest.mark.parametrize(
    ("chosen", "name"),
    [
        ("relative --model", "tiny"),
        ("relative TAIKAI_MODEL", "tiny"),
        ("absolute --model", "tiny"),
        ("copy of the shipped model", "default (shipped)"),
        ("shipped by TAIKAI_MODEL", "default (shipped)"),
    ],
)
def test_the_summary_names_the_model_by_its_hash_and_stores_its_absolute_path(
    tmp_path, dump, tiny_model_dir, monkeypatch, chosen, name
):
    """Regression: a model chosen with TAIKAI_MODEL was stamped "default (shipped)", and a relative --model was
    stored relative to where batch ran, so that drift's advice named a directory another folder does not have."""
    from taikai.model import default_model_dir

    folder = tiny_model_dir
    if "shipped" in chosen:
        folder = default_model_dir()
        if chosen.startswith("copy"):
            folder = tmp_path / "copy"
            shutil.copytree(default_model_dir(), folder)
    monkeypatch.chdir(folder.parent)
    given = folder.name if chosen.startswith("relative") else str(folder)
    options = ["-m", given] if "--model" in chosen or chosen.startswith("copy") else []
    if "TAIKAI_MODEL" in chosen:
        monkeypatch.setenv("TAIKAI_MODEL", given)
    out = tmp_path / "o.csv"
    args = ["batch", str(dump), "--input-format", "jsonl", "-o", str(out), "--text-column", "text", *options]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    stamp = json.loads((tmp_path / "o.summary.json").read_text(encoding="utf-8"))["model"]
    assert (stamp["name"], stamp["path"]) == (name, str(folder.resolve()))


@pytest.mark.parametrize(
    ("target", "written"),
    [("real/x.csv", ["x.csv", "x.summary.json"]), ("real/x.jsonl", ["x.jsonl", "x.summary.json"])],  # + its header
)
@pytest.mark.parametrize("earlier", [False, True], ids=["to-no-file-yet", "to-an-earlier-output"])
def test_batch_writes_an_output_named_by_a_link_where_it_points(
    tmp_path, dump, tiny_model_dir, target, written, earlier
):
    """Regression: ``-o out.csv``, a link to a file on another disk, was replaced by a file of the run's own (the
    link gone, the disk it pointed to left as it was), where ``cp`` and a shell's ``>`` write through a link."""
    (tmp_path / "real").mkdir()
    if earlier:
        (tmp_path / target).write_text("id\n", encoding="utf-8")
    (tmp_path / "out.csv").symlink_to(target)  # its format is the file's it points to
    args = ["batch", str(dump), "-o", str(tmp_path / "out.csv"), "--text-column", "text", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, [*args, "--quiet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.csv").is_symlink() and str((tmp_path / "out.csv").readlink()) == target
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == written
    lines = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 + target.endswith(".csv") and "手数料が高すぎて続けられませんでした5" in lines[-1]


@pytest.mark.parametrize(
    ("columns", "given", "advised"),
    [
        (["pred_reason"], "pred_", "pred2_"),  # before: the advice was the --prefix pred_ that made the clash
        (["pred_status", "pred2_sentiment"], "pred_", "pred3_"),
        (["reason"], "", "pred_"),
    ],
)
def test_cli_batch_advises_a_prefix_that_clears_the_clash(tmp_path, tiny_model_dir, columns, given, advised):
    source = tmp_path / "dump.csv"
    source.write_text(",".join(["text", *columns]) + "\n手数料が高い" + ",x" * len(columns) + "\n", encoding="utf-8")
    args = ["batch", str(source), "-o", str(tmp_path / "o.csv"), "--text-column", "text", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, [*args, "--prefix", given])
    assert result.exit_code == 2, result.output
    assert f"(prefix='{advised}' (--prefix {advised} on the command line) gives {advised}reason, …)" in result.output
    followed = CliRunner().invoke(cli, [*args, "--prefix", advised, "-q"])  # the advice, followed, works
    assert followed.exit_code == 0, followed.output


@pytest.mark.parametrize(
    ("lines", "warned"),
    [
        (  # the text under a key 'text' of the column named: copied up by jq
            ['{"id": 1, "review": {"text": "手数料が高い", "lang": "ja"}}', '{"id": 2, "review": {"text": "安い"}}'],
            "{src}: column 'review' (text_column= (--text-column on the command line)) will be an error in each row "
            "holding an object, not text; 'review' holds objects with the key 'text', and the columns are each "
            "line's top-level keys: copy it up to a key of its own first (jq -c '.text = .review.text' {src} > "
            "{flat}; with jq 1.7 or later: jq 1.6 rounds numbers past 2**53, such as long ids), then read that file "
            "with text_column='text' (--text-column text on the command line)",
        ),
        (  # no key 'text': the first
            ['{"id": 1, "review": {"body": "手数料が高い", "stars": 1}}'],
            "(jq -c '.body = .review.body' {src} > {flat}; with jq 1.7 or later: jq 1.6 rounds numbers past 2**53, "
            "such as long ids), then read that file with text_column='body'",
        ),
        (['{"id": 1, "review": "手数料が高い", "meta": {"text": "x"}}'], None),  # objects in another column
    ],
)
def test_a_jsonl_text_column_of_objects_is_warned_of_with_the_jq_command(tmp_path, tiny_model_dir, lines, warned):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["batch", str(src), "-o", str(tmp_path / "out.csv"), "--text-column", "review", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "holding an object" in line]
    if warned is None:
        assert said == []
    else:
        assert len(said) == 1 and warned.format(src=src, flat=tmp_path / "in-flat.jsonl") in said[0], said


def _struct_parquet(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": [1], "review": [{"body": "手数料が高いので辞めた。", "lang": "ja"}]}), path)


def _nested_jsonl(path):
    path.write_text('{"id": 1, "review": {"body": "手数料が高いので辞めた。", "lang": "ja"}}\n', encoding="utf-8")


@pytest.mark.parametrize("engine", ["local", "dask"])
@pytest.mark.parametrize(
    ("name", "write", "said"),
    [
        # regression: "no column 'review.body'; …; 'review' reads as reviews: --text-column review", advice that made
        # every row an error (not text: an object with the keys 'body', 'lang'); the Dask engine said no more
        ("in.parquet", _struct_parquet, "'review' is a struct column with the field 'body', and the columns are the"),
        ("in.jsonl", _nested_jsonl, """(jq -c '."review.body" = .review.body' {src} > {flat}; with jq 1.7 or"""),
    ],
)
def test_a_dotted_text_column_is_said_to_be_a_field_of_a_column_on_both_engines(
    tmp_path, tiny_model_dir, engine, name, write, said
):
    src = tmp_path / name
    write(src)
    args = ["batch", str(src), "-o", str(tmp_path / "out.csv"), "--text-column", "review.body", "--engine", engine]
    result = CliRunner().invoke(cli, [*args, "-m", str(tiny_model_dir)])
    assert result.exit_code == 2, result.output
    flat = src.with_name(f"in-flat{src.suffix}")
    assert said.format(src=src, flat=flat) in result.output and "reads as reviews" not in result.output, result.output


@pytest.mark.parametrize(
    ("ids", "kind", "warned"),
    [
        # regression: ids pandas made floats (a null among ints) were written back as 123.0, said nowhere
        ([9007199254740992.0, None], "float64", "column 'id' (id_column= (--id-column on the command line)) is of "),
        ([1.0, 2.0], "float32", "is of floats (float), as pandas writes a column of ints holding a missing value"),
        ([9007199254740993, None], "int64", None),
        (["007", None], "string", None),
    ],
)
def test_a_parquet_id_column_of_floats_is_warned_of(tmp_path, tiny_model_dir, ids, kind, warned):
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": pa.array(ids, kind), "text": ["手数料が高い", "安い"]}), src)
    args = ["batch", str(src), "-o", str(tmp_path / "out.csv"), "--text-column", "text", "--id-column", "id"]
    result = CliRunner().invoke(cli, [*args, "-m", str(tiny_model_dir), "-q"])
    assert result.exit_code == 0, result.output
    assert (warned in result.output) if warned else "is of floats" not in result.output, result.output
