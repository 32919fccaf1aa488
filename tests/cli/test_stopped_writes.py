"""A command stopped (Ctrl-C, SIGTERM) while it writes its file leaves no half of it: no half report, labelling sheet
or JSON report where a complete one is expected, and the file it replaced (``--force``) as it was."""

from __future__ import annotations

import pathlib

import openpyxl.workbook.workbook
import pytest

OLD = b"the file there was\n"


@pytest.fixture(scope="module")
def predictions(classify_dump):
    return classify_dump("predictions", ["id", "text"], "", "--text-column", "text")


@pytest.fixture
def stopped_while_writing(monkeypatch):
    """Make the write of a file named *name* (or of a file beside it named after it) stop halfway, as Ctrl-C would."""

    def install(name: str) -> None:
        def ours(path: object) -> bool:
            return pathlib.Path(str(path)).name.lstrip(".").startswith(name)

        def halfway(write):
            def stopped(self, data, *args, **kwargs):
                if not ours(self):
                    return write(self, data, *args, **kwargs)
                write(self, data[: len(data) // 2], *args, **kwargs)
                raise KeyboardInterrupt

            return stopped

        def saved_halfway(self, filename):
            if not ours(filename):
                return save(self, filename)
            pathlib.Path(filename).write_bytes(b"PK\x03\x04 half a zip")
            raise KeyboardInterrupt

        save = openpyxl.workbook.workbook.Workbook.save
        monkeypatch.setattr(pathlib.Path, "write_text", halfway(pathlib.Path.write_text))
        monkeypatch.setattr(pathlib.Path, "write_bytes", halfway(pathlib.Path.write_bytes))
        monkeypatch.setattr(openpyxl.workbook.workbook.Workbook, "save", saved_halfway)

    return install


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["report", "{predictions}", "-o", "{out}", "-m", "{model}"], "report.html"),
        (["suggest", "{predictions}", "-o", "{out}", "--n", "3"], "sheet.xlsx"),
        (["suggest", "{predictions}", "-o", "{out}", "--n", "3"], "sheet.csv"),
        (["evaluate", "{data}", "-m", "{model}", "--json", "{out}"], "scores.json"),
        (["drift", "{data}", "-m", "{model}", "--json", "{out}"], "drift.json"),
    ],
    ids=["report", "suggest-xlsx", "suggest-csv", "evaluate-json", "drift-json"],
)
@pytest.mark.parametrize("existing", [False, True], ids=["new", "forced"])
def test_a_command_stopped_while_writing_leaves_no_half_file(
    invoke, predictions, tiny_model_dir, tiny_csv, tmp_path, stopped_while_writing, command, name, existing
):
    """Regression: the file was written in place, so a stop while writing it left its first half (a report that
    ends midway, a sheet Excel cannot open) and, with --force, the file it replaced was lost."""
    out = tmp_path / name
    args = [a.format(predictions=predictions, data=tiny_csv, model=tiny_model_dir, out=out) for a in command]
    if existing:
        out.write_bytes(OLD)
        args += ["--force"] if command[0] == "suggest" else []
    stopped_while_writing(name)
    result = invoke(*args)
    assert result.exit_code == 130, result.output
    assert "taikai: interrupted" in result.output
    assert (out.read_bytes() if out.exists() else None) == (OLD if existing else None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if existing else [])  # no temporary file left


@pytest.mark.parametrize(
    ("command", "saved"),
    [
        (["train", "{data}", "--out", "{out}"], "the model to {out}"),
        (["suggest", "{predictions}", "-o", "{out}.xlsx", "--n", "3"], "the sheet to {out}.xlsx"),
    ],
    ids=["train", "suggest"],
)
def test_a_stop_as_the_results_are_printed_says_what_was_saved(
    invoke, predictions, tiny_csv, tmp_path, monkeypatch, command, saved
):
    """Regression: a stop as train printed its summary, the model saved, or as suggest printed what it picked, the
    sheet written, said "taikai: interrupted" alone: as if nothing had been saved."""
    import taikai.cli._common as common

    def stopped(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(common, "echo_encodable", stopped)
    out = tmp_path / "out"
    result = invoke(*[a.format(data=tiny_csv, predictions=predictions, out=out) for a in command])
    said = f"taikai: interrupted as {command[0]} printed its results; it saved {saved.format(out=out)}\n"
    assert (result.exit_code, result.output) == (130, said)
    assert (out / "metadata.json").is_file() if command[0] == "train" else out.with_suffix(".xlsx").is_file()
