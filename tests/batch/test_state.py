"""The state a batch run saves to resume from: typed in the code, and state.json as the earlier code wrote it.

tests/fixtures/resume_states/ holds state.json files the code before the typed state wrote, for the dump and
options below: interrupted after chunk 2 (CSV; Parquet, with its Arrow schema) and killed once its CSV output was
renamed into place (``finished``).
"""

from __future__ import annotations

import json
import os
import shutil
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import taikai
from taikai.batch import BatchSummary, CountedRows, Interrupted, input_fingerprint
from taikai.batch._state import Finished, ResumeState, Totals
from taikai.cli import cli
from taikai.io import WRITER_VERSION, CellLosses
from taikai.model import model_sha256
from taikai.privacy import MASKER_VERSION

STATES = Path(__file__).resolve().parents[1] / "fixtures" / "resume_states"
OPTIONS = {"chunk_size": 10, "on_bad_lines": "report", "mask_pii": True, "id_column": "id"}
FIXTURES = ["interrupted_csv", "interrupted_parquet", "finished_csv"]


def saved(name: str) -> dict[str, Any]:
    return json.loads((STATES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def dump(tmp_path) -> Path:
    """The dump the fixtures were written for: 30 rows, one text empty, one an e-mail address, a bad line (a field
    too many) and a blank line."""
    lines = ["id,text", *(f"r{i:02d},手数料が高すぎて続けられませんでした（#{i}）" for i in range(30))]
    lines[4], lines[6] = "r03,", "r05,連絡は taro@example.com まで"
    lines.insert(12, "bad,one,two")
    lines.insert(15, "")
    path = tmp_path / "dump.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", FIXTURES)
def test_a_saved_state_reads_back_to_the_same_json(name):
    """state.json as the earlier code wrote it is read, and written again key for key, in its order."""
    values = saved(name)
    state = ResumeState.from_json(values)
    assert json.dumps(state.to_json(), ensure_ascii=False) == json.dumps(values, ensure_ascii=False)
    assert (state.chunks, state.totals.rows, state.totals.masks, state.bad_bytes) == (
        3 if state.finished else 2,
        30 if state.finished else 20,
        {"email": 1},
        74,
    )
    assert [(e.row, e.id, e.line) for e in state.totals.examples] == [(4, "r03", 5)]


def test_the_parquet_state_holds_the_arrow_schema():
    state = ResumeState.from_json(saved("interrupted_parquet"))
    assert state.schema is not None and state.schema.names[:3] == ["id", "text", "status"]
    assert state.stringify == frozenset()
    assert ResumeState.from_json(saved("interrupted_csv")).schema is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"rows": 3, "statuses": {"ok": 3}}, Totals(rows=3, statuses={"ok": 3})),  # saved before masks, decode_*
        ({"rows": 1, "decode_lines": [7]}, Totals(rows=1, decode_lines=(7,))),
        ({}, Totals()),
    ],
)
def test_counts_an_earlier_version_did_not_save_are_none(values, expected):
    assert Totals.from_json(values) == expected


def test_a_finished_state_saved_before_stale_was_kept_removes_no_side_file():
    values = {"size": 10, "losses": {"removed": 1, "cut": 0, "cut_rows": [], "cut_rows_total": 0}}
    assert Finished.from_json(values) == Finished(10, CellLosses(removed=1), stale=False)


@pytest.mark.parametrize(("cut_short", "saved"), [(None, False), (False, True), (True, True)])
def test_whether_the_last_record_was_cut_short_is_saved_when_it_is_known(cut_short, saved):
    state = ResumeState({"offset": 9, "line": 2, "done": 9}, Totals(rows=1), cut_short=cut_short)
    values = json.loads(json.dumps(state.to_json()))
    assert ("cut_short" in values) is saved  # unknown: the state an earlier taikai saved
    assert ResumeState.from_json(values) == state


def test_the_totals_are_a_snapshot_of_the_summary():
    summary = BatchSummary("in", "out", rows=2, statuses={"ok": 2})
    totals = summary.totals()
    summary.statuses["ok"] = 5
    assert totals.statuses == {"ok": 2}
    assert BatchSummary.from_totals("in", "out", totals).statuses == {"ok": 2}


class Killed(BaseException):
    """Stands for kill -9 just after the output was renamed into place."""


def leave_a_partial_folder(name: str, dump: Path, out: Path, model: Any, stop_after: Any, monkeypatch) -> None:
    """Leave the partial folder of *out* at the point the fixture *name* was saved at."""
    if name.startswith("interrupted"):
        with pytest.raises(Interrupted):
            taikai.classify_file(dump, out, "text", model=model, on_chunk=stop_after(2), **OPTIONS)
        return
    real = os.replace

    def replace(src, dst):
        real(src, dst)
        if Path(dst) == out:
            raise Killed

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(Killed):
        taikai.classify_file(dump, out, "text", model=model, **OPTIONS)
    monkeypatch.undo()


@pytest.mark.parametrize("name", FIXTURES)
def test_a_folder_the_earlier_code_left_resumes_to_the_same_output(
    tmp_path, dump, tiny_model, stop_after, monkeypatch, name
):
    """The state.json written now is the earlier code's, byte for byte (with ``cut_short`` after it); and a folder
    holding the earlier code's state.json resumes to the output and counts of a run never interrupted. Only what
    depends on the model, the machine or this taikai's formats is taken from the state written now: the fingerprint
    (the input's time, the model's key, the taikai version), the reasons and sentiments counted, the bytes of the
    output, and those of the side file of bad lines (a ``kind`` column since; a folder of an earlier taikai is refused
    by its fingerprint's version, so its side file never meets this one's rows)."""
    fmt = name.rsplit("_", 1)[1]
    whole, out = tmp_path / f"whole.{fmt}", tmp_path / f"out.{fmt}"
    expected = taikai.classify_file(dump, whole, "text", model=tiny_model, **OPTIONS)
    leave_a_partial_folder(name, dump, out, tiny_model, stop_after, monkeypatch)
    state_file = tmp_path / f"out.{fmt}.taikai-partial" / "state.json"
    written = state_file.read_text(encoding="utf-8")
    now, earlier = json.loads(written), saved(name)
    earlier |= {"fingerprint": now["fingerprint"], "output_bytes": now["output_bytes"], "bad_bytes": now["bad_bytes"]}
    for key in ("reasons", "sentiments"):
        earlier["totals"][key] = now["totals"][key]
    if "finished" in earlier:
        earlier["finished"]["size"] = now["finished"]["size"]
    assert written == json.dumps(earlier | {"cut_short": now["cut_short"]}, ensure_ascii=False)  # new since, last
    state_file.write_text(json.dumps(earlier, ensure_ascii=False), encoding="utf-8")
    done = taikai.classify_file(dump, out, "text", model=tiny_model, resume=True, **OPTIONS)
    assert out.read_bytes() == whole.read_bytes()
    assert (tmp_path / "out.bad_lines.csv").read_bytes() == (tmp_path / "whole.bad_lines.csv").read_bytes()
    assert done.resumed_rows == earlier["totals"]["rows"]
    counted = ("rows", "statuses", "reasons", "sentiments", "examples", "bad_lines", "blank_lines", "masks")
    assert {k: getattr(done, k) for k in counted} == {k: getattr(expected, k) for k in counted}


EARLIER_KEYS = {"input", "model", "options", "rules", "rules mode", "notes"}
"""The entries of the fingerprint the earlier code saved: neither the model's settings nor the masker's version."""
MASKING_UNKNOWN = (
    "the interrupted run was saved by an earlier taikai whose masking differs from this one's (it recorded no masker "
    f"version; this taikai's is {MASKER_VERSION}): the rows it saved would stay masked as it masked them"
)
MASKED_UNKNOWN = (
    "that masked personal data (--mask-pii) without recording its masker's version (this taikai's is "
    f"{MASKER_VERSION}): the rows it saved were masked as no run of this taikai masks, with --mask-pii or without"
)
SIDE_FILE_UNKNOWN = (
    "whose side file of bad lines (writer version 1) has no kind column, which this taikai's (version "
    f"{WRITER_VERSION}) writes: the lines it set aside and the rest would be written two ways in one file"
)
SETTINGS_UNKNOWN = (
    "that did not record the model's settings (the reason_thresholds and max_chars of its metadata.json, outside its "
    "artifact's sha256): whether the rows it saved were classified with the settings the model has now cannot be told"
)


def earlier_state(name: str, dump: Path, model: Any, mask_pii: bool) -> dict[str, Any]:
    """Return the fixture *name* as the earlier code saved it for *dump* and *model*: only what depends on the
    machine and the model is of this run (the input's size, time and hash, the artifact's sha256, the taikai
    version), and ``mask_pii`` is the one given."""
    values = saved(name)
    fingerprint = values["fingerprint"]
    assert set(fingerprint) == EARLIER_KEYS
    options = json.loads(fingerprint["options"]) | {"mask_pii": mask_pii, "taikai": version("taikai")}
    fingerprint |= {
        "input": input_fingerprint(dump),
        "model": model_sha256(model),
        "options": json.dumps(options, sort_keys=True),
    }
    return values


def _fees(value: float):
    return lambda m: m["reason_thresholds"].update(fees=value)


@pytest.mark.parametrize("name", FIXTURES)
@pytest.mark.parametrize(
    ("saved_masked", "flags", "edit", "said"),
    [
        (True, ["--mask-pii"], None, f"{MASKING_UNKNOWN}; and {SETTINGS_UNKNOWN}; and {SIDE_FILE_UNKNOWN}."),
        (
            True,
            [],
            None,
            f"{MASKED_UNKNOWN}; and {SETTINGS_UNKNOWN}; and {SIDE_FILE_UNKNOWN}; and since the interrupted run, "
            "mask_pii ",
        ),
        (False, [], None, f"{SETTINGS_UNKNOWN}; and {SIDE_FILE_UNKNOWN}. Start over"),
        (False, [], _fees(0.5), f"{SETTINGS_UNKNOWN}; and {SIDE_FILE_UNKNOWN}. Start over"),
        (True, ["--mask-pii"], _fees(0.5), f"{MASKING_UNKNOWN}; and {SETTINGS_UNKNOWN}; and {SIDE_FILE_UNKNOWN}."),
    ],
    ids=["masked", "masked, resumed unmasked", "unmasked", "unmasked, fees threshold edited", "masked and edited"],
)
def test_a_run_the_earlier_code_saved_is_refused_for_what_its_state_did_not_record(
    tmp_path, dump, tiny_model_dir, stop_after, monkeypatch, name, saved_masked, flags, edit, said
):
    """Regression: a state.json of the earlier code records no masker version and no model settings, and its taikai
    version is today's: --resume --mask-pii went on masking the rows left with today's masker (IP addresses) after
    rows the earlier one had masked, and a model whose fees threshold was edited since classified the rest with it.
    What the state cannot vouch for is refused, before anything is touched; the message says to start over."""
    fmt = name.rsplit("_", 1)[1]
    out = tmp_path / f"out.{fmt}"
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    leave_a_partial_folder(name, dump, out, taikai.load_model(model), stop_after, monkeypatch)
    folder = tmp_path / f"out.{fmt}.taikai-partial"
    earlier = earlier_state(name, dump, taikai.load_model(model), saved_masked)
    (folder / "state.json").write_text(json.dumps(earlier, ensure_ascii=False), encoding="utf-8")
    if edit is not None:
        metadata = json.loads((model / "metadata.json").read_text(encoding="utf-8"))
        edit(metadata)
        (model / "metadata.json").write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (*folder.iterdir(), out) if p.is_file()}
    args = ["batch", str(dump), "-o", str(out), "--text-column", "text", "--id-column", "id", "-m", str(model)]
    args += ["--chunk-size", "10", "--on-bad-lines", "report", "--resume", "-q", *flags]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    first = f"taikai: error: cannot resume {out}: the interrupted run was saved by an earlier taikai "
    assert result.output.startswith(first) and said in result.output, result.output
    assert result.output.endswith(f"Start over without resume (delete {folder} first)\n"), result.output
    assert (MASKING_UNKNOWN in result.output) == ("--mask-pii" in flags)
    assert {p.name: p.read_bytes() for p in (*folder.iterdir(), out) if p.is_file()} == before


def test_a_masked_run_saves_the_masker_version_and_resumes_to_the_uninterrupted_output(
    tmp_path, dump, tiny_model, stop_after
):
    """A run of this taikai records what the earlier code did not, and resumes byte for byte."""
    whole, out = tmp_path / "whole.csv", tmp_path / "out.csv"
    taikai.classify_file(dump, whole, "text", model=tiny_model, **OPTIONS)
    with pytest.raises(Interrupted):
        taikai.classify_file(dump, out, "text", model=tiny_model, on_chunk=stop_after(1), **OPTIONS)
    state = json.loads((tmp_path / "out.csv.taikai-partial" / "state.json").read_text(encoding="utf-8"))
    assert state["fingerprint"]["masking"] == str(MASKER_VERSION)
    assert json.loads(state["fingerprint"]["model settings"])["max_chars"] == tiny_model.max_chars
    done = taikai.classify_file(dump, out, "text", model=tiny_model, resume=True, **OPTIONS)
    assert done.resumed_rows == 10 and out.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize(
    "totals",
    [
        Totals(rows=2, statuses={"ok": 2}),  # none: saved as an earlier version saved it
        Totals(rows=5, formulas=CountedRows(3, 2, ("line 2", "line 5 (id r4)"))),
        Totals(rows=5, replaced_characters=4, unheld=CountedRows(2, 2, ("line 3", "line 4 (id r3)"))),
        Totals(rows=5, long_texts=CountedRows(2, 1, ("line 6",))),
        Totals(rows=5, numeric_ids=CountedRows(2, 2, ("line 2 (id 007)", "line 4 (id 0123)"))),
    ],
)
def test_the_cells_excel_would_not_show_as_written_are_saved_when_there_are_some(totals):
    values = totals.to_json()
    assert ("formula_cells" in values, "formula_where" in values) == (bool(totals.formulas),) * 2
    assert ("replaced_rows" in values, "replaced_where" in values) == (bool(totals.unheld),) * 2
    assert ("long_cells" in values, "long_where" in values) == (bool(totals.long_texts),) * 2
    assert ("number_ids" in values, "number_id_where" in values) == (bool(totals.numeric_ids),) * 2
    assert Totals.from_json(json.loads(json.dumps(values))) == totals
