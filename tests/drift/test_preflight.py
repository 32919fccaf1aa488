"""The check of a dump before its reference is counted: the reader it makes of the dump is the one counting reads,
so a JSONL dump is read whole for its keys once, and what opening it warns of is said once, when it is counted."""

import csv
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

from taikai.drift import check_drift
from taikai.errors import DataWarning


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
