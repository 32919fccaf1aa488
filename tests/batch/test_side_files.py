"""The files a batch run writes beside its output (summary, bad lines): shared by x.csv and x.parquet, guarded by a
lock while a run lives, and removed with the output they were of."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import InputError


class LiveRun:
    """A run on *output* in another thread, held after its first chunk until :meth:`end`."""

    def __init__(self, fee_dump: Path, output: Path, model: object):
        self.saved, self.go = threading.Event(), threading.Event()
        self.error: BaseException | None = None

        def hook(index: int) -> None:
            self.saved.set()
            assert self.go.wait(30), "the test never let the live run end"

        def run() -> None:
            try:
                taikai.classify_file(fee_dump, output, "text", model=model, chunk_size=10, on_chunk=hook)
            except BaseException as exc:  # reported by end()
                self.error = exc

        self.thread = threading.Thread(target=run)
        self.thread.start()
        assert self.saved.wait(30), "the live run never saved a chunk"

    def end(self) -> None:
        self.go.set()
        self.thread.join(30)
        assert self.error is None, self.error


@pytest.mark.parametrize("how", ["library", "cli"])
@pytest.mark.parametrize(("first", "second"), [("x.csv", "x.parquet"), ("x.parquet", "x.jsonl")])
def test_a_run_sharing_the_summary_of_a_live_run_is_refused(
    tmp_path, fee_dump, tiny_model, tiny_model_dir, how, first, second
):
    live = LiveRun(fee_dump, tmp_path / first, tiny_model)
    out, lock = tmp_path / second, tmp_path / "x.summary.json.taikai-lock"
    try:
        expected = (
            f"{out}: another taikai batch in this process (pid {os.getpid()}, another thread) is writing {first}, "
            f"whose summary x.summary.json this run would overwrite ({first} and {second} share it); wait for it to "
            f"end, or choose another output name (nothing was written) (its lock is {lock})"
        )
        if how == "library":
            with pytest.raises(InputError) as caught:
                taikai.classify_file(fee_dump, out, "text", model=tiny_model)
            assert str(caught.value) == expected
        else:
            args = ["batch", str(fee_dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir), "-q"]
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 2, result.output
            assert f"taikai: error: {expected}" in " ".join(result.output.split())
        assert not out.exists() and not Path(f"{out}.taikai-partial").exists()
    finally:
        live.end()
    summary = json.loads((tmp_path / "x.summary.json").read_text(encoding="utf-8"))
    assert (summary["output"], summary["rows"]) == (str(tmp_path / first), 30)
    assert not lock.exists(), "the lock of the finished run was left"


def test_an_interrupted_run_refused_for_a_live_run_s_summary_is_kept(tmp_path, fee_dump, tiny_model, stop_after):
    out = tmp_path / "x.parquet"
    with pytest.raises(taikai.batch.Interrupted):
        taikai.classify_file(fee_dump, out, "text", model=tiny_model, chunk_size=10, on_chunk=stop_after(1))
    partial = Path(f"{out}.taikai-partial")
    before = sorted(p.name for p in partial.rglob("*"))
    live = LiveRun(fee_dump, tmp_path / "x.csv", tiny_model)
    try:
        with pytest.raises(InputError, match=r"is writing x\.csv, whose summary x\.summary\.json"):
            taikai.classify_file(fee_dump, out, "text", model=tiny_model, chunk_size=10, resume=True)
    finally:
        live.end()
    assert sorted(p.name for p in partial.rglob("*")) == before, "the interrupted run's partial folder changed"


def _summary_naming(path: Path, bad_lines_file: str | None) -> None:
    path.write_text(json.dumps({"output": "x.csv", "bad_lines_file": bad_lines_file}), encoding="utf-8")


@pytest.mark.parametrize(
    ("earlier", "named", "policy", "kept"),
    [
        # an earlier run's side file, named by its summary: gone with that summary
        ("report", None, "error", False),
        # a file of that name that no summary names (taikai did not write it, or cannot tell): kept
        (None, "none", "error", True),
        (None, "other.csv", "error", True),
        (None, "absent", "error", True),
        # this run sets its bad lines aside too: the new file replaces the old
        ("report", None, "report", True),
    ],
)
def test_a_run_removes_the_bad_lines_file_its_previous_summary_names(
    tmp_path, fee_dump, tiny_model, earlier, named, policy, kept
):
    out, side, summary = tmp_path / "x.csv", tmp_path / "x.bad_lines.csv", tmp_path / "x.summary.json"
    if earlier:
        bad = tmp_path / "bad.csv"
        bad.write_text(fee_dump.read_text(encoding="utf-8") + "bad,one,two\n", encoding="utf-8")
        taikai.classify_file(bad, out, "text", model=tiny_model, on_bad_lines=earlier)
        assert "bad,one,two" in side.read_text(encoding="utf-8")
    else:
        side.write_text("mine\n", encoding="utf-8")
        if named != "absent":
            _summary_naming(summary, None if named == "none" else str(tmp_path / named))
    done = taikai.classify_file(fee_dump, out, "text", model=tiny_model, on_bad_lines=policy)
    assert done.bad_lines == 0
    assert side.exists() == kept
    if kept and policy == "error":
        assert side.read_text(encoding="utf-8") == "mine\n", "a file taikai did not write was changed"
    written = json.loads(summary.read_text(encoding="utf-8"))["bad_lines_file"]
    assert written == (str(side) if policy == "report" else None)


@pytest.fixture
def phone_dump(tmp_path):
    """Write a 12-row CSV whose texts hold phone numbers, as phones.csv; return its path."""
    lines = ["id,text", *(f"r{i:02d},手数料が高いので退会。連絡は090-1234-{i:04d}まで" for i in range(12))]
    path = tmp_path / "phones.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _without_run_record(output: Path) -> None:
    """Make the summary beside *output* one written before the run's settings were recorded."""
    summary = output.with_name(output.stem + ".summary.json")
    values = json.loads(summary.read_text(encoding="utf-8"))
    del values["run_fingerprint"]
    summary.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("first", "second", "old_summary", "changed"),
    [
        ({"mask_pii": True}, {}, False, "mask_pii (--mask-pii) changed: True → False"),
        ({"mask_pii": True}, {}, True, "mask_pii (--mask-pii) changed: True → False"),  # an older summary
        ({}, {"mask_pii": True}, False, "mask_pii (--mask-pii) changed: False → True"),
        ({"mask_pii": True}, {"mask_pii": True, "prefix": "m_"}, False, "prefix (--prefix) changed: '' → 'm_'"),
        ({"mask_pii": True}, {"mask_pii": True, "prefix": "m_"}, True, "prefix (--prefix) changed: '' → 'm_'"),
        ({"limit": 5}, {}, False, "limit (--limit) changed: 5 → (none)"),
    ],
)
def test_resume_refuses_to_replace_a_complete_output_made_otherwise(
    tmp_path, phone_dump, tiny_model, first, second, old_summary, changed
):
    """Regression: a --resume finding a complete --mask-pii output, without --mask-pii, only warned 'nothing to
    resume' and rewrote it unmasked."""
    out = tmp_path / "out.csv"
    taikai.classify_file(phone_dump, out, "text", model=tiny_model, **first)
    if old_summary:
        _without_run_record(out)
    before = out.read_bytes(), out.with_name("out.summary.json").read_bytes()
    with pytest.raises(InputError) as caught:
        taikai.classify_file(phone_dump, out, "text", model=tiny_model, resume=True, **second)
    assert str(caught.value) == (
        f"cannot resume {out}: it is complete (its summary out.summary.json describes it), and since the run that "
        f"wrote it, {changed}. Nothing was written: to replace it with a run of these settings, run again without "
        "resume=True (--resume on the command line); to keep it, leave it as it is"
    )
    assert (out.read_bytes(), out.with_name("out.summary.json").read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.summary.json", "phones.csv"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"mask_pii": True}, {"mask_pii": True}),
        ({"mask_pii": True, "chunk_size": 5}, {"mask_pii": True}),  # the chunk size does not change the output
        ({}, {}),
    ],
)
def test_resume_of_a_complete_output_made_alike_runs_it_again(tmp_path, phone_dump, tiny_model, first, second):
    out = tmp_path / "out.csv"
    taikai.classify_file(phone_dump, out, "text", model=tiny_model, **first)
    with pytest.warns(taikai.DataWarning, match=r"is complete \(its summary out.summary.json describes it\): nothing"):
        summary = taikai.classify_file(phone_dump, out, "text", model=tiny_model, resume=True, **second)
    assert summary.rows == 12
    assert ("090-1234" in out.read_text(encoding="utf-8")) is not first.get("mask_pii", False)


def test_cli_batch_resume_keeps_a_masked_output(tmp_path, phone_dump, tiny_model_dir):
    out = tmp_path / "out.csv"
    args = ["batch", str(phone_dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir)]
    assert CliRunner().invoke(cli, [*args, "--mask-pii"]).exit_code == 0
    result = CliRunner().invoke(cli, [*args, "--resume"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"taikai: error: cannot resume {out}: it is complete "), result.output
    assert "mask_pii (--mask-pii) changed: True → False" in result.output
    assert "090-1234" not in out.read_text(encoding="utf-8")


def test_resume_of_a_complete_output_masked_by_another_masker_version_runs_it_again(
    tmp_path, phone_dump, tiny_model, monkeypatch
):
    """Another masker version, as another taikai version, is a new run over a complete output: not a refusal (an
    interrupted run's rows would be mixed; a complete output is replaced whole)."""
    out = tmp_path / "out.csv"
    monkeypatch.setattr("taikai.batch._local.MASKER_VERSION", 1)
    taikai.classify_file(phone_dump, out, "text", model=tiny_model, mask_pii=True)
    monkeypatch.undo()
    with pytest.warns(taikai.DataWarning, match=r"is complete \(its summary out.summary.json describes it\): nothing"):
        summary = taikai.classify_file(phone_dump, out, "text", model=tiny_model, resume=True, mask_pii=True)
    assert summary.rows == 12
