"""A --resume of rows an earlier taikai saved, which it wrote in a way this one does not (a boolean True/False)."""

from __future__ import annotations

import json

import pytest

import taikai
from taikai.errors import InputError

TEXTS = [
    "手数料が高すぎて続けられませんでした",
    "時給にすると200円くらい",
    "提案しても返事が来ない",
    "本業が忙しくなった",
]


def _write(path, fmt: str) -> None:
    rows = [{"id": f"r{i}", "text": TEXTS[i % 4], "verified": i % 2 == 0} for i in range(6)]
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    else:  # a CSV's values are texts: "true" as the file has it, whichever taikai writes it
        lines = ["id,text,verified", *(f"{r['id']},{r['text']},{str(r['verified']).lower()}" for r in rows)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _as_saved_before_the_writer_was_recorded(partial, typed: bool) -> None:
    """Make the partial folder as the taikai before WRITER_VERSION 2 saved it: no writer in its fingerprint, and
    the booleans of its rows (of a *typed* input) written True/False."""
    state_file = partial / "state.json"
    state = json.loads(state_file.read_text(encoding="utf-8"))
    state["fingerprint"].pop("writer", None)  # none before it was recorded
    state_file.write_text(json.dumps(state), encoding="utf-8")
    part = partial / "output.part"
    if typed:
        part.write_bytes(part.read_bytes().replace(b",true,", b",True,").replace(b",false,", b",False,"))


@pytest.mark.parametrize(
    ("fmt", "refused"),
    [
        # regression: the rest was written true/false after the saved True/False rows, in one file that looked whole
        ("jsonl", "whose output writer (version 1, which wrote a boolean True/False) writes values otherwise"),
        ("csv", None),  # no typed value: written alike by both, resumed
    ],
)
def test_rows_saved_by_an_earlier_writer_are_not_resumed_into_one_file(tmp_path, tiny_model, stop_after, fmt, refused):
    src, out, full = tmp_path / f"in.{fmt}", tmp_path / "out.csv", tmp_path / "full.csv"
    _write(src, fmt)
    with pytest.raises(KeyboardInterrupt):
        taikai.classify_file(src, out, "text", model=tiny_model, chunk_size=2, on_chunk=stop_after(1))
    _as_saved_before_the_writer_was_recorded(tmp_path / "out.csv.taikai-partial", fmt == "jsonl")
    if refused is None:
        taikai.classify_file(src, out, "text", model=tiny_model, chunk_size=2, resume=True)
        taikai.classify_file(src, full, "text", model=tiny_model, chunk_size=2)
        assert out.read_bytes() == full.read_bytes()
        return
    with pytest.raises(InputError) as caught:
        taikai.classify_file(src, out, "text", model=tiny_model, chunk_size=2, resume=True)
    assert refused in str(caught.value) and "Start over without resume" in str(caught.value)
    assert not out.exists()


@pytest.mark.parametrize(
    ("writer", "on_bad_lines", "refused"),
    [
        # regression: a folder saved before the side file had its kind column resumed, its four-column lines and the
        # rest's five in one side file
        ("2", "report", "whose side file of bad lines (writer version 2) has no kind column"),
        (None, "report", "whose side file of bad lines (writer version 1) has no kind column"),
        ("2", "error", None),  # no side file: nothing written two ways
    ],
)
def test_bad_lines_set_aside_by_an_earlier_writer_are_not_resumed_into_one_side_file(
    tmp_path, tiny_model, stop_after, writer, on_bad_lines, refused
):
    src, out, full = tmp_path / "in.csv", tmp_path / "out.csv", tmp_path / "full.csv"
    lines = ["id,text", *(f"r{i},{TEXTS[i % 4]}" for i in range(6))]
    if on_bad_lines == "report":
        lines.insert(2, "bad,one,two")
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = {"chunk_size": 2, "on_bad_lines": on_bad_lines}
    with pytest.raises(KeyboardInterrupt):
        taikai.classify_file(src, out, "text", model=tiny_model, on_chunk=stop_after(1), **options)
    state_file = tmp_path / "out.csv.taikai-partial" / "state.json"
    state = json.loads(state_file.read_text(encoding="utf-8"))
    state["fingerprint"].pop("writer")
    if writer is not None:
        state["fingerprint"]["writer"] = writer
    state_file.write_text(json.dumps(state), encoding="utf-8")
    if refused is None:
        taikai.classify_file(src, out, "text", model=tiny_model, resume=True, **options)
        taikai.classify_file(src, full, "text", model=tiny_model, **options)
        assert out.read_bytes() == full.read_bytes()
        return
    with pytest.raises(InputError) as caught:
        taikai.classify_file(src, out, "text", model=tiny_model, resume=True, **options)
    assert refused in str(caught.value) and "Start over without resume" in str(caught.value)
    assert not out.exists()
