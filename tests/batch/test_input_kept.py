"""A batch run's input changed while the run read it: appended to (the next night's rows, an export still writing),
written again in place, or replaced by another file under its name."""

from __future__ import annotations

import os
import warnings

import pytest

import taikai
from taikai.errors import DataWarning, InputError

ROWS = [f"r{i:02d},手数料が高すぎて続けられませんでした（#{i}）\n" for i in range(6)]
MORE = "r90,本業が忙しくなった\nr91,提案しても返事が来ない\n"


def _append(path, data: bytes):
    with open(path, "ab") as f:
        f.write(data)


def _rewrite(path, data: bytes):
    path.write_bytes(data.replace("手数料".encode(), "時給が".encode()))


def _replace(path, data: bytes):
    other = path.with_name("new.csv")
    other.write_bytes(data + MORE.encode())
    os.replace(other, path)


GROWN = len(MORE.encode())
CHANGED = "the file changed while the run read it (its size {n} → "


def _after_first_chunk(change, path, data):
    """Return an ``on_chunk`` hook that does *change* to the input *path* (written as *data*) once chunk 1 is saved."""

    def hook(k: int) -> None:
        if k == 1:
            change(path, data)

    return hook


@pytest.mark.parametrize(
    ("ending", "change", "said"),
    [
        # rows appended as the run reads: the output holds the file as it was when the run started, and says so
        ("\n", lambda p, d: _append(p, MORE.encode()), f"the file grew by {GROWN} bytes while the run read it"),
        ("\r\n", lambda p, d: _append(p, MORE.encode()), f"the file grew by {GROWN} bytes"),
        # a last line that had no line break, which the rows appended start with: it was whole
        ("", lambda p, d: _append(p, ("\n" + MORE).encode()), f"the file grew by {GROWN + 1} bytes"),
        # the export's next file renamed over the one read: the one opened was read whole
        ("\n", _replace, "another file took its name while the run read it"),
        # the input touched: the same bytes, the same file
        ("\n", lambda p, d: os.utime(p, ns=(0, 0)), None),
    ],
)
def test_a_file_that_grows_while_read_gives_the_rows_it_had(tmp_path, tiny_model, ending, change, said):
    data = ("id,text\n" + "".join(ROWS)).replace("\n", ending or "\n").encode()
    data = data.removesuffix(b"\n") if not ending else data
    path, out = tmp_path / "dump.csv", tmp_path / "out.csv"
    path.write_bytes(data)
    hook = _after_first_chunk(change, path, data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        summary = taikai.classify_file(path, out, "text", model=tiny_model, chunk_size=2, on_chunk=hook)
    assert summary.rows == len(ROWS)
    written = out.read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in written[1:]] == [f"r{i:02d}" for i in range(6)]
    grown = [str(w.message) for w in caught if w.category is DataWarning and "while the run" in str(w.message)]
    assert len(grown) == (said is not None)
    if said is not None:
        assert said in grown[0] and f"{out} holds" in grown[0]


@pytest.mark.parametrize(
    ("written", "change", "said"),
    [
        # the export writes the file again in place as it is read: its rows would mix both
        ("".join(ROWS), _rewrite, CHANGED + "{n} bytes, its first bytes no longer"),
        ("".join(ROWS), lambda p, d: p.write_bytes(d[:60]), CHANGED + "60 bytes, as when"),
        # the last line still being written as the run started: it was read cut short
        ("".join(ROWS) + "r06,手数料が", lambda p, d: _append(p, "高すぎる\n".encode()), "dump.csv:8: the file grew"),
    ],
)
def test_a_file_written_again_while_read_is_refused_and_nothing_written(tmp_path, tiny_model, written, change, said):
    data = ("id,text\n" + written).encode()
    path, out = tmp_path / "dump.csv", tmp_path / "out.csv"
    path.write_bytes(data)
    hook = _after_first_chunk(change, path, data)
    with pytest.raises(InputError) as caught:
        taikai.classify_file(path, out, "text", model=tiny_model, chunk_size=2, on_chunk=hook)
    assert said.format(n=f"{len(data):,}") in str(caught.value)
    assert f"nothing was written to {out}" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.csv"]  # no output, no partial folder
