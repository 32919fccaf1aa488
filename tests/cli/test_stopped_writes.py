"""A command stopped (Ctrl-C, SIGTERM) while it writes its file leaves no half of it: no half report, labelling sheet
or JSON report where a complete one is expected, and the file it replaced (``--force``) as it was."""

from __future__ import annotations

import json
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
    ("command", "where", "saved"),
    [
        (["train", "{data}", "--out", "{out}"], "model written to", "the model to {out}"),
        (
            ["suggest", "{predictions}", "-o", "{out}.xlsx", "--n", "3"],
            "3 rows to label",
            "the labelling sheet to {out}.xlsx",
        ),
    ],
    ids=["train", "suggest"],
)
def test_a_stop_as_the_results_are_printed_says_what_was_saved(
    invoke, predictions, tiny_csv, tmp_path, monkeypatch, command, where, saved
):
    """Regression: a stop as train printed its summary, the model saved, or as suggest printed what it picked, the
    sheet written, said "taikai: interrupted" alone: as if nothing had been saved. (Their summary is on standard
    error since h306, as batch's.)"""
    _stop_at(where, monkeypatch)
    out = tmp_path / "out"
    result = invoke(*[a.format(data=tiny_csv, predictions=predictions, out=out) for a in command])
    said = f"taikai: interrupted as {command[0]} printed its results; it saved {saved.format(out=out)}\n"
    # the tiny predictions are of the model's own training rows: suggest warns of that first (test_trained_rows)
    warned, _, last = result.output.removesuffix(said).rpartition("\n")
    assert (result.exit_code, last, result.output.endswith(said)) == (130, "", True)
    assert all(line.startswith("taikai: warning: ") for line in warned.splitlines() if line)
    assert (out / "metadata.json").is_file() if command[0] == "train" else out.with_suffix(".xlsx").is_file()


def _stop_at(where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make Ctrl-C come as the command prints *where*: its results on standard output (``stdout``), or the line of
    standard error that starts with *where*."""
    import click

    import taikai.cli._common as common

    if where == "stdout":

        def stopped(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(common, "echo_encodable", stopped)
        return
    for name in ("echo", "secho"):
        real = getattr(click, name)

        def stopped_at(message: object = None, *args: object, real=real, **kwargs: object) -> None:
            if str(message).lstrip().startswith(where):
                raise KeyboardInterrupt
            real(message, *args, **kwargs)

        monkeypatch.setattr(click, name, stopped_at)


@pytest.mark.parametrize(
    ("command", "where", "saved"),
    [
        (
            ["evaluate", "{data}", "-m", "{model}", "--json", "{out}"],
            "evaluation scores (JSON) written to",
            "the evaluation scores (JSON) to {out}",
        ),
        (
            ["drift", "{data}", "-m", "{model}", "--json", "{out}"],
            "drift figures (JSON) written to",
            "the drift figures (JSON) to {out}",
        ),
        (["drift", "{data}", "-m", "{model}", "--json", "{out}"], "stdout", "the drift figures (JSON) to {out}"),
        (
            ["report", "{predictions}", "-o", "{out}", "-m", "{model}", "--no-drift"],
            "レポートを書きました",
            "the HTML report to {out}",
        ),
        (
            ["report", "{predictions}", "-o", "{out}", "--lang", "en", "--no-drift"],
            "HTML report written to",
            "the HTML report to {out}",
        ),
        (["train", "{skipping}", "--out", "{out}"], "WARNING: ", "the model to {out}"),
        (["evaluate", "{data}", "-m", "{model}", "--json", "{out}"], "stdout", None),  # before the JSON: none saved
    ],
    ids=["evaluate-said", "drift-said", "drift-text", "report-ja", "report-en", "train-skipped", "evaluate-text"],
)
def test_a_stop_once_the_file_is_saved_says_what_was_saved(
    invoke, predictions, tiny_model_dir, tiny_csv, tmp_path, monkeypatch, command, where, saved
):
    """Regression: a stop after evaluate --json or drift --json had written the JSON (as they said where, or as drift
    printed its text report), after report had written the page (as it said so), or after train had saved the model
    (as it listed the rows it skipped) said "taikai: interrupted" alone: as if nothing had been saved."""
    skipping = tmp_path / "skipping.csv"
    skipping.write_text(tiny_csv.read_text(encoding="utf-8") + ",low_pay,negative\n", encoding="utf-8")
    out = tmp_path / ("model" if command[0] == "train" else f"out.{'html' if command[0] == 'report' else 'json'}")
    given = {"data": tiny_csv, "model": tiny_model_dir, "predictions": predictions, "skipping": skipping, "out": out}
    _stop_at(where, monkeypatch)
    result = invoke(*[a.format(**given) for a in command])
    assert result.exit_code == 130, result.output
    if saved is None:
        assert result.output.endswith("\ntaikai: interrupted\n")
        assert not out.exists()
        return
    said = f"\ntaikai: interrupted as {command[0]} printed its results; it saved {saved.format(out=out)}\n"
    assert ("\n" + result.output).endswith(said), result.output
    assert "taikai: interrupted" not in result.output[: -len(said)]
    if command[0] == "train":
        assert (out / "metadata.json").is_file()
    elif out.suffix == ".json":
        assert json.loads(out.read_text(encoding="utf-8"))
    else:
        assert out.read_text(encoding="utf-8").rstrip().endswith("</html>")
