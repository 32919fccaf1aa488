"""The files batch writes beside its output: never over an input, nor over the summary of another output."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import InputError


@pytest.fixture
def dump(tmp_path):
    """Write a 6-row JSONL file and return its path."""
    path = tmp_path / "dump.jsonl"
    rows = [{"id": i, "text": f"手数料が高すぎて続けられませんでした{i}"} for i in range(6)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("input_name", "side"),
    [
        ("o.summary.json", "its summary o.summary.json"),
        ("o.bad_lines.csv", "its side file of bad lines o.bad_lines.csv"),
    ],
)
def test_cli_batch_refuses_side_files_that_would_overwrite_the_input(tmp_path, dump, tiny_model_dir, input_name, side):
    source = tmp_path / input_name
    shutil.copy(dump, source)
    args = ["batch", str(source), "--input-format", "jsonl", "-o", str(tmp_path / "o.csv"), "--text-column", "text"]
    result = CliRunner().invoke(cli, [*args, "-m", str(tiny_model_dir), "--on-bad-lines", "report"])
    assert result.exit_code == 2, result.output
    assert f"taikai: error: {tmp_path / 'o.csv'}: {side} would overwrite the input ({source}); choose another" in (
        result.output
    )
    assert source.read_bytes() == dump.read_bytes() and not (tmp_path / "o.csv").exists()


def test_batch_refuses_the_rules_file_as_summary(tmp_path, dump, tiny_model):
    rules = tmp_path / "o.summary.json"
    rules.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match=r"o\.csv: its summary o\.summary\.json would overwrite the rules \("):
        taikai.classify_file(dump, tmp_path / "o.csv", "text", model=tiny_model, rules=rules)
    assert rules.read_text(encoding="utf-8") == "{}"


def test_batch_refuses_to_write_over_the_summary_of_another_output(tmp_path, dump, tiny_model):
    first, second = tmp_path / "same.csv", tmp_path / "same.parquet"
    taikai.classify_file(dump, first, "text", model=tiny_model)
    summary = tmp_path / "same.summary.json"
    before = summary.read_bytes()
    with pytest.raises(InputError) as caught:
        taikai.classify_file(dump, second, "text", model=tiny_model)
    assert str(caught.value) == (
        f"{second}: its summary {summary} is that of {first}, which this run would overwrite (same.csv and "
        f"same.parquet share it); choose another output name, or delete {summary} if same.csv no longer needs it "
        "(nothing was written)"
    )
    assert summary.read_bytes() == before and not second.exists()
    first.unlink()  # its output gone, the summary is nobody's: overwritten
    taikai.classify_file(dump, second, "text", model=tiny_model)
    assert json.loads(summary.read_text(encoding="utf-8"))["output"] == str(second)


def test_the_summary_stamps_the_model_as_before(tmp_path, dump, tiny_model_dir):
    """The stamp is a ModelStamp, written with the keys, in the order, that summaries written before held."""
    from taikai.batch._outputs import model_stamp
    from taikai.io import ModelStamp, read_summary

    model = taikai.load_model(tiny_model_dir)
    meta = json.loads((tiny_model_dir / "metadata.json").read_text(encoding="utf-8"))
    stamp = model_stamp(model)
    assert stamp == ModelStamp(
        name="tiny",
        path=str(tiny_model_dir),
        sha256=meta["artifact"]["sha256"],
        created_at=meta["created_at"],
        reasons=tuple(model.reason_labels),
        test_metrics={},  # trained without a test split
        refit_on_all_rows=False,
    )
    out = tmp_path / "o.csv"
    taikai.classify_file(dump, out, "text", model=model)
    written = json.loads((tmp_path / "o.summary.json").read_text(encoding="utf-8"))
    keys = ["name", "path", "sha256", "created_at", "reasons", "test_metrics", "refit_on_all_rows"]
    assert list(written["model"]) == keys and written["model"]["reasons"] == list(model.reason_labels)
    assert list(written)[-2:] == ["model", "output_identity"]
    run = read_summary(out)
    assert run is not None and run.model == stamp
