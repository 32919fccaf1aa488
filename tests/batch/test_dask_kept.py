"""The Dask engine's input checked at the end of its run (taikai.batch._dask_kept), as the local engine checks its
own: a file that grew while the run read it is read as it was and said; one written again in place, or whose last
line the bytes appended carry on, stops the run with nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from taikai.dask import classify_files
from taikai.errors import DataWarning, InputError

pytestmark = [
    pytest.mark.slow,  # a 2-process cluster
    pytest.mark.filterwarnings("ignore:.*has no worker yet.*:taikai.errors.DataWarning"),
]

TEXTS = ["手数料が高すぎて続けられませんでした", "本業が忙しくなり時間がなくなった", "提案が全然通らないのでやめた"]


def _lines(fmt: str, start: int, stop: int) -> str:
    if fmt == "jsonl":
        return "".join(f'{{"id": "r{i:03d}", "text": "{TEXTS[i % 3]}"}}\n' for i in range(start, stop))
    return ("id,text\n" if start == 0 else "") + "".join(f"r{i:03d},{TEXTS[i % 3]}\n" for i in range(start, stop))


def _append(path: Path, data: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(data)


def _grow(fmt):
    return lambda path: _append(path, _lines(fmt, 20, 30))


def _rewrite(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"r001", b"x001"))  # the same size, other bytes


def _carry_on(path: Path) -> None:
    _append(path, "（続き）\n" + _lines("csv", 20, 30))


def _more_rows(path: Path) -> None:
    pd.DataFrame({"id": [f"r{i:03d}" for i in range(30)], "text": [TEXTS[i % 3] for i in range(30)]}).to_parquet(path)


def _dump(tmp_path: Path, fmt: str, folder: bool, cut: bool) -> tuple[Path, Path]:
    """Write a dump of 20 rows in *fmt* (*cut*: its last line without a break), alone or as the second file of a
    folder beside one of 5 rows; return what to give the run and the file that changes."""
    where = tmp_path / "in"
    where.mkdir()
    path = where / f"b.{fmt}"
    if fmt == "parquet":
        pd.DataFrame({"id": [f"r{i:03d}" for i in range(20)], "text": [TEXTS[i % 3] for i in range(20)]}).to_parquet(
            path
        )
        if folder:
            frame = pd.DataFrame({"id": ["a0"], "text": [TEXTS[0]]})
            frame.to_parquet(where / "a.parquet")
    else:
        path.write_text(_lines(fmt, 0, 20).removesuffix("\n") if cut else _lines(fmt, 0, 20), encoding="utf-8")
        if folder:
            (where / f"a.{fmt}").write_text(_lines(fmt, 0, 5).replace("r00", "a00"), encoding="utf-8")
    return (where if folder else path), path


@pytest.mark.parametrize(
    ("fmt", "folder", "cut", "change", "rows"),
    [
        ("csv", False, False, _grow("csv"), 20),
        ("csv", True, False, _grow("csv"), 25),
        ("jsonl", False, False, _grow("jsonl"), 20),
    ],
)
def test_a_file_that_grew_during_a_dask_run_is_read_as_it_was_and_said(
    tmp_path, client, tiny_model_dir, fmt, folder, cut, change, rows
):
    given, changed = _dump(tmp_path, fmt, folder, cut)
    size, out = changed.stat().st_size, tmp_path / "out"

    def prepare(ddf):  # on the client, as the graph is built: before any worker reads a CSV file's rows
        change(changed)
        return ddf

    with pytest.warns(DataWarning, match=re.escape(f"{changed}: the file grew by ")) as caught:
        summary = classify_files(
            given, out, "text", model=tiny_model_dir, client=client, prepare=prepare, output_format="csv"
        )
    grew = [str(w.message) for w in caught if "grew" in str(w.message)]
    assert grew == [
        f"{changed}: the file grew by {changed.stat().st_size - size:,} bytes while the run read it (rows appended, or "
        f"an export still writing): {out} holds its rows as it was when the run started (its first {size:,} bytes); "
        "run again to classify the rows added since"
    ]
    assert summary.rows == rows
    assert len(pd.concat(pd.read_csv(p) for p in sorted(out.glob("part.*.csv")))) == rows


@pytest.mark.parametrize(
    ("fmt", "cut", "change", "said"),
    [
        ("csv", False, _rewrite, "{path}: the file changed while the run read it (its size {size:,} → {size:,} bytes"),
        (
            "csv",
            True,
            _carry_on,
            "{path}:21: the file grew while the run read it, and its last line went on past the {size:,} bytes",
        ),
        ("parquet", False, _more_rows, "{path}: the file changed while the run read it (its size {size:,} → "),
    ],
)
def test_a_file_changed_otherwise_during_a_dask_run_stops_it_with_nothing_written(
    tmp_path, client, tiny_model_dir, fmt, cut, change, said
):
    given, changed = _dump(tmp_path, fmt, False, cut)
    size, out = changed.stat().st_size, tmp_path / "out"

    def prepare(ddf):
        change(changed)
        return ddf

    with pytest.raises(InputError) as caught:
        classify_files(given, out, "text", model=tiny_model_dir, client=client, prepare=prepare)
    message = str(caught.value)
    assert message.startswith(said.format(path=changed, size=size)), message
    assert message.endswith(f"run again once it is written (nothing was written to {out})"), message
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in"]
