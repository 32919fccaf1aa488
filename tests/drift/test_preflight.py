"""The check of a dump before its reference is counted: the reader it makes of the dump is the one counting reads,
so a JSONL dump is read whole for its keys once, and what opening it warns of is said once, when it is counted."""

import csv
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

from taikai.drift import check_drift
from taikai.errors import DataWarning, InputError


def _write(path: Path, texts: list[str], extra: str = "") -> Path:
    """Write *texts* with ids to *path* as its extension says; *extra* ends a CSV header (unnamed columns)."""
    if path.suffix == ".jsonl":
        lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(f"id,text{extra}\n")
            csv.writer(f, lineterminator="\n").writerows(enumerate(texts))
    return path


@pytest.mark.parametrize("name", ["dump.jsonl", "dump.csv"])
def test_a_dump_checked_before_its_reference_is_opened_once(tmp_path, tiny_model, tiny_csv, readers_made, name):
    texts = pd.read_csv(tiny_csv)["text"].tolist()
    dump = _write(tmp_path / name, texts[::-1])
    report = check_drift(dump, tiny_model, reference=tiny_csv)
    assert report.overall.statistics.rows == len(texts)
    assert (readers_made.count(dump.name), readers_made.count(tiny_csv.name)) == (1, 1)


def test_what_opening_the_dump_warns_of_is_said_once_when_it_is_counted(tmp_path, tiny_model, tiny_csv):
    texts = pd.read_csv(tiny_csv)["text"].tolist()
    dump = _write(tmp_path / "dump.csv", texts, ",")  # a header ending in a column without a name
    reference = _write(tmp_path / "reference.csv", texts[::-1], ",,")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_drift(dump, tiny_model, reference=reference)
    said = [w for w in caught if issubclass(w.category, DataWarning) and "without a name" in str(w.message)]
    assert [str(w.message).split(": the header")[0] for w in said] == [str(reference), str(dump)]  # counted so
    assert {w.filename for w in said} == {__file__}  # at the user's line


def _renamed(path: Path, texts: list[str]) -> Path:
    """A dump whose column of texts is named 本文, not text."""
    pd.DataFrame({"id": range(len(texts)), "本文": texts}).to_csv(path, index=False)
    return path


def _titled(path: Path, texts: list[str]) -> Path:
    """A dump with a title and a blank line above its header, as a spreadsheet exports one."""
    _write(path, texts)
    path.write_text("口コミ一覧 2026年10月\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("write", "said"),
    [
        (_renamed, "'本文' reads as reviews: text_column='本文' (--text-column '本文' on the command line)"),
        (_titled, "'text' is on line 3: the lines above it look like a title; delete them"),
    ],
    ids=["text column named otherwise", "title above the header"],
)
@pytest.mark.parametrize("reference", [False, True], ids=["no reference", "reference"])
def test_a_dump_without_its_text_column_is_told_what_to_do_with_a_reference_too(
    tmp_path, tiny_model, tiny_csv, write, said, reference
):
    """Regression (h360): with --reference, a dump whose text column is named otherwise (本文), or stands below a
    title, was refused with only "no column 'text'; … give the right one", without the column that reads as
    reviews or the title to delete that the same dump is told without --reference (the check made before the
    reference is classified left them out)."""
    texts = pd.read_csv(tiny_csv)["text"].tolist()
    dump = write(tmp_path / "dump.csv", texts)
    with pytest.raises(InputError) as caught:
        check_drift(dump, tiny_model, reference=tiny_csv if reference else None)
    assert said in str(caught.value)
