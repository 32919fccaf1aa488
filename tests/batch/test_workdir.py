"""The partial output folder of a batch run: the lock of a live run, and a run killed at each of its final steps."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
import taikai.batch._workdir as workdir
from taikai.batch import Interrupted
from taikai.cli import cli
from taikai.errors import InputError


@pytest.fixture
def dump(tmp_path):
    """Write a 30-row CSV with one bad line (a field too many) and return its path."""
    lines = ["id,text", *(f"r{i:02d},手数料が高すぎて続けられませんでした（#{i}）" for i in range(30))]
    lines.insert(12, "bad,one,two")
    path = tmp_path / "dump.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


OPTIONS = {"chunk_size": 10, "on_bad_lines": "report"}


@pytest.mark.parametrize("resume", [False, True])
@pytest.mark.parametrize("saved", [True, False], ids=["chunks-saved", "still-starting"])
def test_a_second_run_on_the_output_of_a_live_run_is_refused(
    stop_after, tmp_path, dump, tiny_model, holder, resume, saved
):
    out, partial = tmp_path / "out.csv", tmp_path / "out.csv.taikai-partial"
    if saved:
        with pytest.raises(Interrupted):
            taikai.classify_file(dump, out, "text", model=tiny_model, on_chunk=stop_after(1), **OPTIONS)
    pid = holder(partial / "lock")
    before = sorted((p.name, p.stat().st_size) for p in partial.iterdir())
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", model=tiny_model, resume=resume, **OPTIONS)
    assert str(caught.value) == (
        f"another taikai batch (pid {pid}) is writing {out}; wait for it to end or choose another output= (-o on "
        f"the command line) (its partial output is {partial})"
    )
    assert sorted((p.name, p.stat().st_size) for p in partial.iterdir()) == before, "the live run's files changed"
    assert not out.exists()


def test_cli_batch_refuses_a_live_run_s_output_exit_2(tmp_path, dump, tiny_model_dir, holder):
    out = tmp_path / "out.csv"
    pid = holder(tmp_path / "out.csv.taikai-partial" / "lock")
    args = ["batch", str(dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir), "--resume"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert f"taikai: error: another taikai batch (pid {pid}) is writing {out}; wait for it" in result.output


def test_a_folder_whose_run_died_resumes(stop_after, tmp_path, dump, tiny_model):
    out, partial = tmp_path / "out.csv", tmp_path / "out.csv.taikai-partial"
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=tiny_model, on_chunk=stop_after(2), **OPTIONS)
    (partial / "lock").write_text("999999999\n")  # the pid of a dead run: nobody holds the lock
    with pytest.raises(
        InputError,
        match=r"holds an interrupted run for .*; run it again with resume=True \(--resume on the command line\) to "
        r"continue it, or delete that directory to start over$",
    ):
        taikai.classify_file(dump, out, "text", model=tiny_model, **OPTIONS)
    done = taikai.classify_file(dump, out, "text", model=tiny_model, resume=True, **OPTIONS)
    assert (done.rows, done.resumed_rows) == (30, 20) and not partial.exists()


class Killed(BaseException):
    """Stands for kill -9 at one step of finishing a run (a BaseException, so nothing handles it)."""


def kill_at(monkeypatch, step: str, out: Path) -> None:
    """Make the run die at *step* of WorkDir.finish or just after."""
    real_replace, real_rmtree, real_summary = os.replace, workdir.shutil.rmtree, taikai.io.write_summary

    def replace(src, dst):
        if step == "before-rename" and Path(dst) == out:
            raise Killed
        real_replace(src, dst)
        if (step, Path(dst).name) in {("after-rename", out.name), ("after-bad-lines", "out.bad_lines.csv")}:
            raise Killed

    def write_summary(*args):
        real_summary(*args)
        if step == "after-summary":
            raise Killed

    def rmtree(path, *args, **kwargs):
        if step == "cleanup":
            os.unlink(Path(path) / "README.txt")  # half removed
            raise Killed
        real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(taikai.io, "write_summary", write_summary)
    monkeypatch.setattr(workdir.shutil, "rmtree", rmtree)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("step", ["before-rename", "after-rename", "after-bad-lines", "after-summary", "cleanup"])
def test_a_run_killed_at_any_final_step_is_completed_by_resume(tmp_path, dump, tiny_model, monkeypatch, step, fmt):
    whole, out = tmp_path / f"whole.{fmt}", tmp_path / f"out.{fmt}"
    taikai.classify_file(dump, whole, "text", model=tiny_model, **OPTIONS)
    kill_at(monkeypatch, step, out)
    with pytest.raises(Killed):
        taikai.classify_file(dump, out, "text", model=tiny_model, **OPTIONS)
    monkeypatch.undo()
    partial = tmp_path / f"out.{fmt}.taikai-partial"
    assert json.loads((partial / "state.json").read_text())["finished"]["size"] == whole.stat().st_size
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, out, "text", model=tiny_model, **OPTIONS)
    assert str(caught.value) == (
        f"{partial} holds a run of {out} that classified every row but stopped during its last steps (putting the "
        "output in place, writing its summary, removing that directory); run it again with resume=True (--resume on "
        "the command line) to finish them (nothing is classified again), or delete that directory"
    )
    done = taikai.classify_file(dump, out, "text", model=tiny_model, resume=True, **OPTIONS)
    assert (done.rows, done.bad_lines) == (30, 1) and not partial.exists()
    assert out.read_bytes() == whole.read_bytes()
    lines = "out.bad_lines.csv"
    assert (tmp_path / lines).read_bytes() == (tmp_path / "whole.bad_lines.csv").read_bytes()
    summary = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert (summary["output"], summary["rows"], summary["bad_lines"]) == (str(out), 30, 1)


@pytest.mark.parametrize("change", ["removed", "replaced"])
def test_a_resumed_finished_run_whose_output_was_removed_says_to_start_over(
    tmp_path, dump, tiny_model, monkeypatch, change
):
    """The output put in place, then removed or replaced by another file (of another size), is not taken for the
    output the run built: resume says to start over, and the file is left as it is."""
    out = tmp_path / "out.csv"
    kill_at(monkeypatch, "after-rename", out)
    with pytest.raises(Killed):
        taikai.classify_file(dump, out, "text", model=tiny_model, **OPTIONS)
    monkeypatch.undo()
    out.unlink()
    if change == "replaced":
        out.write_text("id,text\nr00,手数料が高い\n", encoding="utf-8")
    gone = (
        r"output\.part is gone and .*out\.csv is not the output this run built; start over without resume \(delete "
        r".*out\.csv\.taikai-partial first\)"
    )
    with pytest.raises(InputError, match=gone):
        taikai.classify_file(dump, out, "text", model=tiny_model, resume=True, **OPTIONS)
    assert out.exists() == (change == "replaced")
    assert pd.read_csv(taikai.classify_file(dump, out, "text", model=tiny_model, **OPTIONS).output).shape[0] == 30


def test_resume_completes_a_run_whose_summary_the_previous_code_wrote(tmp_path, dump, tiny_model, monkeypatch):
    """A run killed just after its summary was written, by the code that built the model stamp as a dict: --resume
    reads that summary (whose output it is), writes it again with the same stamp, and the report reads it."""
    out, summary = tmp_path / "out.csv", tmp_path / "out.summary.json"
    kill_at(monkeypatch, "after-summary", out)
    with pytest.raises(Killed):
        taikai.classify_file(dump, out, "text", model=tiny_model, **OPTIONS)
    monkeypatch.undo()
    meta = json.loads((tiny_model.path / "metadata.json").read_text(encoding="utf-8"))
    stamp = {  # as batch/_outputs.py built it, key by key
        "name": tiny_model.path.name,
        "path": str(tiny_model.path),
        "sha256": meta["artifact"]["sha256"],
        "created_at": meta["created_at"],
        "reasons": list(tiny_model.reason_labels),
        "test_metrics": {},
        "refit_on_all_rows": False,
    }
    values = json.loads(summary.read_text(encoding="utf-8"))
    previous = {k: v for k, v in values.items() if k not in ("model", "output_identity")}
    previous |= {"model": stamp, "output_identity": values["output_identity"]}  # the previous code's key order
    summary.write_text(json.dumps(previous, ensure_ascii=False, indent=2), encoding="utf-8")
    run = taikai.io.read_summary(out)
    assert run is not None and run.model is not None and run.model.to_dict() == stamp
    done = taikai.classify_file(dump, out, "text", model=tiny_model, resume=True, **OPTIONS)
    assert (done.rows, done.bad_lines) == (30, 1) and not (tmp_path / "out.csv.taikai-partial").exists()
    rewritten = json.loads(summary.read_text(encoding="utf-8"))
    assert list(rewritten) == list(previous) and rewritten["model"] == stamp
    assert json.dumps(rewritten["model"]) == json.dumps(stamp)  # in the same key order


@pytest.fixture
def body_dump(tmp_path):
    """Write a 30-row CSV whose text column is 'body' (so that report needs the summary to find it)."""
    lines = ["id,body", *(f"r{i:02d},手数料が高すぎて続けられませんでした（#{i}）" for i in range(30))]
    path = tmp_path / "body.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_report_of_an_output_renamed_with_its_summary_uses_it_after_a_new_run(tmp_path, body_dump, tiny_model_dir):
    preds, nov = tmp_path / "preds.csv", tmp_path / "preds_nov.csv"
    batch = ["batch", str(body_dump), "-o", str(preds), "--text-column", "body", "-m", str(tiny_model_dir), "-q"]
    assert CliRunner().invoke(cli, batch).exit_code == 0
    preds.rename(nov)
    (tmp_path / "preds.summary.json").rename(tmp_path / "preds_nov.summary.json")
    body_dump.write_text(body_dump.read_text(encoding="utf-8").replace("r00,", "r99,"), encoding="utf-8")
    assert CliRunner().invoke(cli, batch).exit_code == 0
    result = CliRunner().invoke(cli, ["report", str(nov), "-o", str(tmp_path / "r.html"), "--no-drift"])
    assert result.exit_code == 0, result.output
    assert "summary" not in result.output, result.output  # no summary ignored, none missing
    assert "preds_nov.summary.json" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "describes another output, so it is not used"), ("ja", "別の出力のもの")]
)
def test_the_report_says_it_did_not_use_a_summary_of_another_output(tmp_path, body_dump, tiny_model_dir, lang, said):
    """Regression: a summary ignored as another output's made the page say there was no summary beside the file."""
    preds, other = tmp_path / "preds.csv", tmp_path / "other.csv"
    batch = ["batch", str(body_dump), "--text-column", "body", "-m", str(tiny_model_dir), "-q"]
    assert CliRunner().invoke(cli, [*batch, "-o", str(preds)]).exit_code == 0
    body_dump.write_text(body_dump.read_text(encoding="utf-8").replace("r00,", "r99,"), encoding="utf-8")
    assert CliRunner().invoke(cli, [*batch, "-o", str(other)]).exit_code == 0
    shutil.copy(tmp_path / "preds.summary.json", tmp_path / "other.summary.json")  # describes preds.csv, not other.csv
    report = ["report", str(other), "-o", str(tmp_path / "r.html"), "--no-drift", "--text-column", "body"]
    result = CliRunner().invoke(cli, [*report, "--lang", lang, "-m", str(tiny_model_dir)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert said in page and "other.summary.json" in page
    assert "No batch summary" not in page and "要約がないため" not in page


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("step", ["before-rename", "after-rename", "after-bad-lines", "after-summary", "cleanup"])
def test_a_run_killed_at_any_final_step_never_pairs_its_output_with_the_previous_summary(
    tmp_path, dump, tiny_model, monkeypatch, step, fmt
):
    out = tmp_path / f"out.{fmt}"
    first = tmp_path / "first.csv"
    first.write_text("id,text\nr0,手数料が高い\n", encoding="utf-8")
    taikai.classify_file(first, out, "text", model=tiny_model, **OPTIONS)  # the previous run: 1 row
    previous = out.read_bytes()
    kill_at(monkeypatch, step, out)
    with pytest.raises(Killed):
        taikai.classify_file(dump, out, "text", model=tiny_model, **OPTIONS)
    monkeypatch.undo()
    run = taikai.io.read_summary(out)
    if out.read_bytes() == previous:  # killed before the new output took the name: the old one has no summary
        assert run is None
    else:
        assert run is None or run.rows == 30, f"the new output is paired with the previous run's summary ({run})"
    done = taikai.classify_file(dump, out, "text", model=tiny_model, resume=True, **OPTIONS)
    run = taikai.io.read_summary(out)
    assert done.rows == 30 and run is not None and run.rows == 30


@pytest.fixture
def bad_dump(tmp_path):
    """Write a 30-row CSV with a bad line (a field too many) in each of its three chunks of 10; return its path."""
    lines = ["id,text", *(f"r{i:02d},手数料が高すぎて続けられませんでした（#{i}）" for i in range(30))]
    for at, bad in ((28, "bad3,one,two"), (18, "bad2,one,two"), (5, "bad1,one,two")):
        lines.insert(at, bad)
    path = tmp_path / "dump.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("stop", [1, 2])
def test_a_resumed_run_sets_each_bad_line_aside_once(stop_after, tmp_path, bad_dump, tiny_model, fmt, stop):
    """The bad lines a killed run wrote after its last saved chunk are cut off on resume, as its output is: the side
    file of a resumed run is that of a run never stopped (each bad line once, in input order)."""
    full, out = tmp_path / f"full.{fmt}", tmp_path / f"out.{fmt}"
    whole = taikai.classify_file(bad_dump, full, "text", model=tiny_model, **OPTIONS)
    with pytest.raises(Interrupted):
        taikai.classify_file(bad_dump, out, "text", model=tiny_model, on_chunk=stop_after(stop), **OPTIONS)
    with open(tmp_path / f"out.{fmt}.taikai-partial" / "bad_lines.part", "ab") as f:
        f.write(b"bad3,one,two\n")  # a later chunk's bad line, written as the run was killed
    done = taikai.classify_file(bad_dump, out, "text", model=tiny_model, resume=True, **OPTIONS)
    expected = (tmp_path / "full.bad_lines.csv").read_bytes()
    assert (tmp_path / "out.bad_lines.csv").read_bytes() == expected
    assert [expected.count(f"bad{i},".encode()) for i in (1, 2, 3)] == [1, 1, 1]
    assert (done.bad_lines, done.rows) == (whole.bad_lines, whole.rows) == (3, 30)


def test_the_chunks_are_put_together_in_their_order_whatever_order_the_folder_lists_them(
    monkeypatch, tmp_path, bad_dump, tiny_model
):
    """The output of a table format is built from its chunk files in chunk order, not in the order the file
    system lists them (which no file system promises)."""
    listed = Path.iterdir
    monkeypatch.setattr(Path, "iterdir", lambda self: iter(sorted(listed(self), reverse=True)))
    out = tmp_path / "out.parquet"
    taikai.classify_file(bad_dump, out, "text", model=tiny_model, **OPTIONS)
    assert pd.read_parquet(out)["id"].tolist() == [f"r{i:02d}" for i in range(30)]
