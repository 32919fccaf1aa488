"""The Dask engine stopped by a malformed record keeps the partitions it finished, and ``--resume`` after the fix
classifies only the others into the output a clean run writes (:mod:`taikai.batch._dask_resume`)."""

import json
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.batch._chunk import ChunkResult, RowProblem
from taikai.batch._counted import CountedRows
from taikai.batch._dask_output import PARTIAL
from taikai.batch._dask_resume import STATE, DaskSaved, keep, open_saved
from taikai.cli import cli
from taikai.dask import classify_files
from taikai.errors import InputError
from taikai.io import DecodeNote
from taikai.text import Status

pytestmark = pytest.mark.filterwarnings("ignore:.*has no worker yet.*:taikai.errors.DataWarning")

TEXTS = ["手数料が高すぎて続けられませんでした", "提案が全然通らないのでやめた", "本業が忙しくなり時間がなくなった"]
BAD = {"csv": '"閉じない引用,x\n', "jsonl": '{"id": "c9", "text": "閉じない\n'}
"""A malformed record, the last line of a file."""


def _write(folder: Path, fmt: str, bad: str | None) -> None:
    """Write four files a-d of five rows each into *folder*; the file *bad* names ends with a malformed record."""
    folder.mkdir(exist_ok=True)
    for name in "abcd":
        rows = [(f"{name}{i}", f"{TEXTS[i % 3]}（{name}{i}）") for i in range(5)]
        if fmt == "csv":
            body = "id,text\n" + "".join(f"{i},{t}\n" for i, t in rows)
        else:
            body = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in rows)
        (folder / f"{name}.{fmt}").write_text(body + (BAD[fmt] if name == bad else ""), encoding="utf-8")


def _marking(folder: Path):
    """Return a ``prepare`` that notes, in *folder*, the first id of each partition the run reads."""

    def mark(part):
        if len(part):  # on a worker only: not on the empty frame that Dask's meta is
            (folder / str(part["id"].iloc[0])).touch()
        return part

    folder.mkdir(exist_ok=True)
    return lambda ddf: ddf.map_partitions(mark, meta=ddf._meta)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.slow  # the batch tests' 2-process Dask cluster
@pytest.mark.parametrize(
    ("fmt", "id_column", "out_name", "bad"),
    [("csv", None, "out", "c"), ("csv", "id", "out.csv", "d"), ("jsonl", None, "out.jsonl", "c")],
    ids=["csv-rows-numbered", "csv-ids", "jsonl"],
)
def test_a_bad_record_keeps_the_partitions_before_it_and_resume_runs_only_the_rest(
    client, tiny_model_dir, tmp_path, fmt, id_column, out_name, bad
):
    """Before: the run at a bad record threw every partition away; now those before it stay in the partial folder
    (waited for, whatever order the cluster runs them in), and once the record is fixed, --resume classifies only
    the others, into the output a clean run writes."""
    _write(tmp_path / "in", fmt, bad)
    out, tmp = tmp_path / out_name, tmp_path / (out_name + PARTIAL)
    common = {"model": tiny_model_dir, "client": client, "partitions": 4, "id_column": id_column}
    with pytest.raises(InputError) as raised:
        classify_files(tmp_path / "in", out, "text", **common)
    message = str(raised.value)
    line = 7 if fmt == "csv" else 6  # under a header, or not
    assert f"{tmp_path / 'in' / f'{bad}.{fmt}'}:{line}: malformed record" in message, message
    assert f"are kept in {tmp}: fix it in place and run the same command again with resume=True" in message, message
    assert not out.exists()
    vouched = set(pickle.loads((tmp / STATE).read_bytes()).results)
    assert vouched == set(range("abcd".index(bad))), vouched  # with ids, the partitions after it may end first
    suffix = out.suffix[1:] or "parquet"
    assert {f"part.{k:05d}.{suffix}" for k in vouched} <= {p.name for p in tmp.glob("part.*")}
    _write(tmp_path / "in", fmt, None)  # the record fixed in place (here: removed)
    ran = tmp_path / "ran"
    summary = classify_files(tmp_path / "in", out, "text", resume=True, prepare=_marking(ran), **common)
    assert summary.rows == 20
    assert {p.name for p in ran.iterdir()} == {f"{'abcd'[k]}0" for k in range(4) if k not in vouched}
    assert not tmp.exists() and STATE not in _files(out)
    clean = tmp_path / ("clean" + out.suffix)
    classify_files(tmp_path / "in", clean, "text", **common)
    assert _files(out) == _files(clean)


@pytest.mark.slow  # the batch tests' 2-process Dask cluster
def test_a_kept_run_is_not_thrown_away_unasked_nor_resumed_over_another_input(client, tiny_model_dir, tmp_path):
    """Without --resume, the kept partitions are refused to be overwritten; with it, a file edited besides the one
    of the bad record is named, and the parts stay for a resume once it is put back."""
    _write(tmp_path / "in", "csv", "c")
    out, tmp = tmp_path / "out", tmp_path / ("out" + PARTIAL)
    args = ["batch", str(tmp_path / "in"), "-o", str(out), "--engine", "dask", "--text-column", "text"]
    args += ["-m", str(tiny_model_dir), "--scheduler", client.scheduler.address, "--partitions", "4", "-q"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 2 and "--resume" in first.stderr, first.stderr
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 2, again.stderr
    assert again.stderr.startswith(f"taikai: error: {tmp} holds a run of {out} that a malformed record stopped")
    a = tmp_path / "in" / "a.csv"
    before = a.read_bytes()
    a.write_bytes(before.replace(b"a0,", b"A0,"))
    edited = CliRunner().invoke(cli, [*args, "--resume"])
    assert edited.exit_code == 2 and f"{a} changed since the stopped run" in " ".join(edited.stderr.split())
    assert (tmp / STATE).is_file()
    a.write_bytes(before)
    _write(tmp_path / "in", "csv", None)
    resumed = CliRunner().invoke(cli, [*args, "--resume"])
    assert resumed.exit_code == 0, resumed.stderr
    assert not tmp.exists() and json.loads((out / "_taikai.json").read_text(encoding="utf-8"))["rows"] == 20
    shutil.rmtree(out)


SAVED = DaskSaved(
    fingerprint={"taikai": "1", "rules": None},
    files=(("in/a.csv", "10:ab"),),
    bad="in/a.csv",
    split=None,
    partitions=2,
    results={
        0: ChunkResult(
            rows=2,
            statuses={"ok": 1, "error": 1},
            reasons={"fees": 1},
            sentiments={"negative": 1},
            examples=(RowProblem(2, "7", Status.ERROR, "empty text", line=3, file="in/a.csv"),),
            notes=(DecodeNote(line=3, encoding="cp932", replaced=1, file="in/a.csv"),),
            formulas=CountedRows(1, 1, ("line 2",)),
        )
    },
)


class _Spoiled:
    """A state edited to run a command when read: the global it names is ``os.system``."""

    def __reduce__(self):
        import os

        return (os.system, ("touch spoiled-by-the-state",))


@pytest.mark.parametrize(
    ("written", "read"),
    [(SAVED, SAVED), (_Spoiled(), None), ({"results": {}}, None), (b"not a pickle", None)],
    ids=["the-run-s-own-state", "a-global-it-may-not-name", "another-object", "not-a-pickle"],
)
def test_a_saved_state_reads_back_as_written_and_nothing_else_is_run(tmp_path, monkeypatch, written, read):
    """Before: the state was read with pickle.loads, which runs any global an edited file names; now only the
    state's own classes are read, and anything else is refused with what to do."""
    monkeypatch.chdir(tmp_path)
    tmp = tmp_path / ("out" + PARTIAL)
    tmp.mkdir()
    if isinstance(written, DaskSaved):
        keep(tmp, written)
    else:
        (tmp / STATE).write_bytes(written if isinstance(written, bytes) else pickle.dumps(written))
    if read is not None:
        assert open_saved(tmp, tmp_path / "out", resume=True) == read
        return
    with pytest.raises(InputError, match=f"not a state a taikai run saved.*delete {tmp}"):
        open_saved(tmp, tmp_path / "out", resume=True)
    assert not (tmp_path / "spoiled-by-the-state").exists()
