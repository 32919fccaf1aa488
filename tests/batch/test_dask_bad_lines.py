"""The Dask engine's ``on_bad_lines="report"``: each partition's malformed records, gathered into one side file of
bad lines in input order, the same bytes as the local engine's (:mod:`taikai.batch._dask_bad_lines`)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.batch._chunk import ChunkResult
from taikai.batch._dask_bad_lines import (
    check_side_file,
    earlier_side_file,
    in_input_order,
    mask_set_aside,
    set_aside_in,
    side_file_bytes,
)
from taikai.batch._dask_engine import classify_frame
from taikai.batch._dask_input import read_files
from taikai.batch._dask_listing import input_files
from taikai.batch._dask_manifest import parts_spec
from taikai.batch._dask_output import PARTIAL
from taikai.batch._dask_parts import write_part
from taikai.batch._dask_resume import DaskSaved, keep, open_saved
from taikai.batch._dask_text_files import BAD_COLUMN, SetAside
from taikai.batch._options import BatchOptions
from taikai.cli import cli
from taikai.errors import InputError
from taikai.io import BAD_LINES_COLUMNS, BadLine, LineProblem, bad_lines_csv
from taikai.privacy import default_masker

pytestmark = pytest.mark.filterwarnings("ignore:.*has no worker yet.*:taikai.errors.DataWarning")

TEXTS = ["手数料が高すぎて続けられませんでした", "提案が全然通らないのでやめた", "本業が忙しくなり時間がなくなった"]


def _dump(rows: int, bad: dict[int, str]) -> str:
    """Return a CSV of *rows* good rows (``id,text``) with the malformed records *bad* put before the row of each
    key (a key of *rows*: after the last)."""
    lines = ["id,text\n"]
    for i in range(rows + 1):
        if i in bad:
            lines.append(bad[i])
        if i < rows:
            lines.append(f"{i},{TEXTS[i % 3]}（{i}）\n")
    return "".join(lines)


BAD = {
    0: "x,手数料,余計な列\n",  # the first record: before any good row
    7: '7,"閉じない引用\n8,ここまで飲み込む\n9,"終わり" のあとに文字\n',  # a quote left open, over three lines
    13: "=cmd|' /C calc'!A0,090-1234-5678 田中さんへ,列\n",  # a formula, a phone number and a name
    20: "20,最後,余計,な列\n",  # after the last good row
}


def _bad(line: int, raw: str = "r", kind: LineProblem | None = LineProblem.FIELD_COUNT) -> BadLine:
    return BadLine(line, "expected 2 fields, found 3", raw, kind=kind)


@pytest.mark.parametrize(
    ("partitions", "expected"),
    [
        ([[(0, 9)], [(0, 2), (1, 1)]], [(0, 2), (0, 9), (1, 1)]),  # a file's records over two partitions
        ([[(1, 4)], [], [(0, 30), (0, 5)]], [(0, 5), (0, 30), (1, 4)]),  # finished (or resumed) in another order
        ([[], []], []),
    ],
    ids=["split", "out-of-order", "none"],
)
def test_the_records_of_every_partition_come_out_in_input_order(partitions, expected):
    results = [ChunkResult(0, {}, {}, {}, bad=tuple((f, _bad(n)) for f, n in part)) for part in partitions]
    assert [(f, b.line) for f, b in in_input_order(results)] == expected


@pytest.mark.parametrize("escape", [False, True])
def test_a_side_file_of_one_file_is_the_local_engines_and_of_several_names_each_records_file(escape):
    bad = [(0, _bad(3, '1,"a\nb",c\n')), (1, _bad(2, "=1+1,x,y")), (1, _bad(5, "z", None))]
    assert side_file_bytes(bad, [], escape) == bad_lines_csv([b for _, b in bad], True, escape)
    files = ["/in/a,1.csv", "=b.csv"]  # a name Excel would read as a formula: escaped as the records are
    rows = list(csv.reader(io.StringIO(side_file_bytes(bad, files, escape).decode("utf-8"))))
    assert rows[0] == [*BAD_LINES_COLUMNS, "file"]
    local = list(csv.reader(io.StringIO(bad_lines_csv([b for _, b in bad], True, escape).decode("utf-8"))))
    assert [row[:-1] for row in rows[1:]] == local[1:]  # each record's cells as the local engine writes them
    assert [row[-1] for row in rows[1:]] == [files[0], *(["'=b.csv"] if escape else ["=b.csv"]) * 2]


def test_the_records_are_masked_and_counted_and_a_part_takes_them_with_their_masks():
    cells = [SetAside(1, (_bad(4, "5,090-1234-5678に電話,x"),)), None]
    part = pd.DataFrame({"text": ["a", "b"], BAD_COLUMN: pd.Series(cells, dtype=object)})
    masked = mask_set_aside(part, default_masker())
    bad, masks = set_aside_in(masked)
    assert [(f, b.line, b.raw) for f, b in bad] == [(1, 4, "5,[電話番号]に電話,x")]
    assert masks == {"phone": 1}
    assert part[BAD_COLUMN][0].lines[0].raw == "5,090-1234-5678に電話,x"  # the frame given is left as it was
    assert mask_set_aside(part[["text"]], default_masker()) is not None and set_aside_in(part[["text"]]) == ((), {})


def _local_and_parts(tmp_path, tiny_model_dir, files: dict[str, str], split: int | None, mask_pii: bool):
    """Write *files* into ``in/`` (CP932), run the local engine on the first with ``report``, and the Dask engine's
    reading, classifying and writing of parts on all of them, on Dask's own scheduler (no cluster); return the local
    side file and the Dask results."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content.encode("cp932"))
    first = folder / next(iter(files))
    options = {"encoding": "cp932", "mask_pii": mask_pii, "excel_safe": True, "on_bad_lines": "report"}
    options["output_encoding"] = "utf-8-sig"  # for Excel: the side file is UTF-8 whatever the output's
    taikai.classify_file(first, tmp_path / "local.csv", "text", model=tiny_model_dir, **options)
    pattern = first if len(files) == 1 else folder
    found = input_files(pattern)
    ddf, schema = read_files(pattern, found, "cp932", "text", True, mask_pii=mask_pii, set_aside_bad=True)
    ddf = ddf.repartition(npartitions=split) if split else ddf
    model = taikai.load_model(tiny_model_dir)
    spec = parts_spec(schema, model, BatchOptions(text_column="text", mask_pii=mask_pii), "csv", "utf-8")
    classified = classify_frame(ddf, "text", model, None, None, "flag", mask_pii, count_masks=True)
    names = found.named(pattern)
    results = [
        write_part(part.compute(scheduler="sync"), tmp_path / f"part.{k:05d}.csv", spec, 0, None, files=names)
        for k, part in enumerate(classified.to_delayed())
    ]
    return (tmp_path / "local.bad_lines.csv").read_bytes(), results, names


@pytest.mark.parametrize("mask_pii", [False, True])
@pytest.mark.parametrize("split", [None, 4])
def test_the_partitions_records_make_the_local_engines_side_file_byte_for_byte(
    tmp_path, tiny_model_dir, split, mask_pii
):
    """The merging itself, without a cluster: a CP932 file of four malformed records (one before the first row, one
    over three lines, one after the last), split into partitions or not, masked or not."""
    local, results, names = _local_and_parts(tmp_path, tiny_model_dir, {"a.csv": _dump(20, BAD)}, split, mask_pii)
    assert names == []  # one file named: no file column, as the local engine writes
    assert side_file_bytes(in_input_order(results), names, escape=True) == local
    summary = taikai.io.read_summary(tmp_path / "local.csv")
    assert summary is not None and summary.bad_lines == 4
    assert (sum(len(r.bad) for r in results), sum(r.rows for r in results)) == (summary.bad_lines, summary.rows)
    dask_masks: dict[str, int] = {}
    for r in results:
        for kind, n in r.masks.items():
            dask_masks[kind] = dask_masks.get(kind, 0) + n
    assert {k: v for k, v in dask_masks.items() if v} == {k: v for k, v in (summary.masks or {}).items() if v}


def test_a_jsonl_files_records_make_the_local_engines_side_file(tmp_path, tiny_model_dir):
    records = [f'{{"id": {i}, "text": "{TEXTS[i % 3]}"}}\n' for i in range(6)]
    records[2:2] = ['{"id": 90, "text": "閉じない\n', "[1, 2]\n"]  # not JSON; not an object
    local, results, names = _local_and_parts(tmp_path, tiny_model_dir, {"a.jsonl": "".join(records)}, 3, False)
    assert side_file_bytes(in_input_order(results), names, escape=True) == local
    assert [b.line for _, b in in_input_order(results)] == [3, 4]


def test_several_files_records_are_in_file_order_each_named(tmp_path, tiny_model_dir):
    files = {"a.csv": _dump(5, {5: "5,a,b\n"}), "b.csv": _dump(5, {}), "c.csv": _dump(6, {0: "x,y,z\n", 3: "3,c,d\n"})}
    _, results, names = _local_and_parts(tmp_path, tiny_model_dir, files, 2, False)
    rows = list(csv.reader(io.StringIO(side_file_bytes(in_input_order(results), names).decode("utf-8"))))
    assert [(row[0], Path(row[-1]).name) for row in rows[1:]] == [("7", "a.csv"), ("2", "c.csv"), ("6", "c.csv")]


def test_a_file_of_malformed_records_only_is_refused_naming_it(tmp_path):
    """No row of its partition could hold its records: refused, never dropped."""
    (tmp_path / "a.csv").write_text("id,text\n1,a,b\n2,c,d\n", encoding="utf-8")
    found = input_files(tmp_path)
    ddf, _ = read_files(tmp_path, found, None, "text", True, set_aside_bad=True)
    with pytest.raises(InputError, match=r"a\.csv:2: malformed record .*its 2 records are all malformed"):
        ddf.compute(scheduler="sync")


def test_a_saved_state_holding_records_set_aside_reads_back(tmp_path):
    """A stopped run's finished partitions are pickled with their results: a record set aside is part of one."""
    result = ChunkResult(1, {"ok": 1}, {}, {}, bad=((0, _bad(3)),))
    keep(tmp_path, DaskSaved({}, (), "a.csv", None, 1, {0: result}))
    saved = open_saved(tmp_path, tmp_path / "out", resume=True)
    assert saved is not None and saved.results[0].bad == ((0, _bad(3)),)


def test_a_side_file_that_is_an_input_file_is_refused_and_an_earlier_one_is_found_by_its_manifest(tmp_path):
    with pytest.raises(InputError, match=r"its side file of bad lines out\.bad_lines\.csv would overwrite the input"):
        check_side_file(tmp_path / "out", [tmp_path / "x.csv", tmp_path / "out.bad_lines.csv"])
    check_side_file(tmp_path / "out", [tmp_path / "x.csv"])
    (tmp_path / "out").mkdir()
    assert earlier_side_file(tmp_path / "out") is None
    (tmp_path / "out" / "_taikai.json").write_text('{"bad_lines_file": "/else/out.bad_lines.csv"}', encoding="utf-8")
    assert earlier_side_file(tmp_path / "out") == tmp_path / "out.bad_lines.csv"


def _run(source, out, model, *options):
    args = ["batch", str(source), "-o", str(out), "--text-column", "text", "-m", str(model), "-q", *options]
    return CliRunner().invoke(cli, args)


@pytest.mark.slow  # the batch tests' 2-process Dask cluster
@pytest.mark.parametrize("options", [[], ["--partitions", "3", "--mask-pii"]], ids=["as-read", "split-masked"])
def test_the_dask_engines_side_file_is_the_local_engines(client, tiny_model_dir, tmp_path, options):
    """The brief's comparison: the same CP932 dump, the local engine and the Dask engine with --on-bad-lines
    report: one side file each, the same bytes, the same counts; the rows written the same."""
    dump = tmp_path / "dump.csv"
    dump.write_bytes(_dump(30, BAD).encode("cp932"))
    common = ["--on-bad-lines", "report", "--encoding", "cp932", "--output-encoding", "utf-8-sig"]
    common += [o for o in options if o == "--mask-pii"]
    assert _run(dump, tmp_path / "local.csv", tiny_model_dir, *common).exit_code == 0
    on_cluster = ["--engine", "dask", "--scheduler", client.scheduler.address, *options]
    result = _run(dump, tmp_path / "out", tiny_model_dir, *common, *on_cluster, "--output-format", "csv")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out.bad_lines.csv").read_bytes() == (tmp_path / "local.bad_lines.csv").read_bytes()
    local, dask = taikai.io.read_summary(tmp_path / "local.csv"), taikai.io.read_summary(tmp_path / "out")
    assert (dask.bad_lines, dask.rows, dask.masks) == (local.bad_lines, local.rows, local.masks)
    assert (dask.bad_lines, dask.rows) == (4, 30)  # the quote left open: one record over three lines
    assert Path(dask.bad_lines_file or "").name == "out.bad_lines.csv"
    texts = pd.read_csv(tmp_path / "local.csv")["text"].tolist()
    assert taikai.io.read_predictions(tmp_path / "out")["text"].tolist() == texts


@pytest.mark.slow  # the batch tests' 2-process Dask cluster
def test_a_resumed_run_writes_the_side_file_an_unstopped_run_writes(client, tiny_model_dir, tmp_path):
    """A run a malformed record stopped (on_bad_lines error) keeps its finished partitions, which hold no record
    set aside; resumed with report, it sets aside every record of the partitions left: the side file and the
    output are those of a run never stopped. A run writing none then removes it with the output it replaces."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, bad in {"a": {}, "b": {2: "2,b,c\n"}, "c": {}, "d": {4: '4,"閉じない\n'}}.items():
        (folder / f"{name}.csv").write_text(_dump(4, bad), encoding="utf-8")
    on_cluster = ["--engine", "dask", "--scheduler", client.scheduler.address]
    stopped = _run(folder, tmp_path / "out", tiny_model_dir, *on_cluster)
    message = " ".join(stopped.stderr.split())
    assert stopped.exit_code == 2 and f"{folder / 'b.csv'}:4: malformed record" in message, message
    said = "or resume it so, adding on_bad_lines='report' (--on-bad-lines report on the command line), to set such "
    assert said + "lines aside instead (the partitions kept hold none)" in message, message
    assert (tmp_path / ("out" + PARTIAL)).is_dir()
    resumed = _run(folder, tmp_path / "out", tiny_model_dir, *on_cluster, "--resume", "--on-bad-lines", "report")
    assert resumed.exit_code == 0, resumed.stderr
    clean = _run(folder, tmp_path / "clean", tiny_model_dir, *on_cluster, "--on-bad-lines", "report")
    assert clean.exit_code == 0, clean.stderr
    side = (tmp_path / "out.bad_lines.csv").read_bytes()
    assert side == (tmp_path / "clean.bad_lines.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(side.decode("utf-8"))))
    assert [(r[0], Path(r[-1]).name) for r in rows] == [("line", "file"), ("4", "b.csv"), ("6", "d.csv")]
    read = [taikai.io.read_summary(tmp_path / name) for name in ("out", "clean")]
    assert [(s.rows, s.bad_lines) for s in read] == [(16, 2), (16, 2)]
    pd.testing.assert_frame_equal(
        taikai.io.read_predictions(tmp_path / "out"), taikai.io.read_predictions(tmp_path / "clean")
    )
    shutil.copy(folder / "a.csv", folder / "b.csv")
    shutil.copy(folder / "a.csv", folder / "d.csv")
    assert _run(folder, tmp_path / "out", tiny_model_dir, *on_cluster).exit_code == 0  # error: writes none
    assert not (tmp_path / "out.bad_lines.csv").exists() and (tmp_path / "clean.bad_lines.csv").exists()
