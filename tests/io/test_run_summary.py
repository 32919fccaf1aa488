"""check_made_by refuses predictions whose batch summary names another model (report and drift share it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from taikai.errors import InputError
from taikai.io import ModelStamp, RanRule, RunSummary, check_made_by

MADE_BY = "out.summary.json says the predictions were made by model shipped (sha256 aaaaaaaaaaaa…)"


def _run(sha256: str = "a" * 64, model: bool = True) -> RunSummary:
    stamp = ModelStamp("shipped", "/models/shipped", sha256, "2026-01-01") if model else None
    return RunSummary("out.summary.json", 3, {"ok": 3}, 0, 0, None, stamp)


@pytest.mark.parametrize(
    ("run", "sha256"),
    [
        (None, "b" * 64),  # no summary
        (_run(model=False), "b" * 64),  # a summary without a model stamp
        (_run(), "a" * 64),  # the same model
        (_run(), ""),  # the model's hash unknown
    ],
)
def test_nothing_to_refuse(run, sha256):
    check_made_by(run, "mine", sha256)


@pytest.mark.parametrize(
    ("named", "raw", "message"),
    [
        (  # regression (h173): "name the model that made them, or leave model= out": leaving it out works only
            # when the default model made them, and the model's directory, gone here, was not said to be gone
            True,
            "",
            f"{MADE_BY}, not by model='mine' (--model on the command line) (sha256 bbbbbbbbbbbb…); the directory it "
            "names, /models/shipped, is gone (moved or deleted): give that model's new place with model= (--model "
            "on the command line)",
        ),
        (
            False,
            "",
            f"{MADE_BY}, not by the default model (mine, sha256 bbbbbbbbbbbb…); the directory it names, "
            "/models/shipped, is gone (moved or deleted): give that model's new place with model= (--model on the "
            "command line)",
        ),
        (
            True,
            "give the raw dump",
            f"{MADE_BY}, not by model='mine' (--model on the command line) (sha256 bbbbbbbbbbbb…); the directory it "
            "names, /models/shipped, is gone (moved or deleted): give that model's new place with model= (--model "
            "on the command line), or give the raw dump",
        ),
    ],
)
def test_another_model_is_refused_saying_which_made_them(named, raw, message):
    with pytest.raises(InputError) as caught:
        check_made_by(_run(), "mine", "b" * 64, named=named, raw=raw)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("output", "used"),
    [("x.csv", True), ("/elsewhere/x.csv", True), ("x.parquet", False), ("renamed.csv", True), (None, True)],
    ids=["this-file", "same-name-other-folder", "another-output", "output-renamed-with-it", "no-output-field"],
)
def test_a_summary_of_another_output_is_not_used(tmp_path, output, used):
    """x.csv and x.parquet share x.summary.json: one whose output is the other (there) is not used; one naming a
    file that is not there (an output renamed with its summary) is."""
    import json
    import warnings

    from taikai.errors import DataWarning
    from taikai.io import read_summary, write_summary

    predictions = tmp_path / "x.csv"
    (tmp_path / "x.parquet").write_bytes(b"PAR1")
    write_summary(predictions, {"rows": 7} | ({"output": output} if output else {}))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run = read_summary(predictions)
    assert (run is not None) == used
    messages = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    if used:
        assert messages == [] and run is not None and run.rows == 7
    else:
        assert messages == [
            f"{tmp_path / 'x.summary.json'}: is the batch summary of x.parquet, not of x.csv; it is not used (its "
            "counts, model and columns are another run's). Rename one of the outputs so that each has its own"
        ]
    assert json.loads((tmp_path / "x.summary.json").read_text())["rows"] == 7


def _pair(folder, name: str, content: bytes, rows: int):
    from taikai.io import write_summary

    output = folder / name
    output.write_bytes(content)
    write_summary(output, {"rows": rows, "output": str(output)})
    return output


def _read_warned(predictions):
    import warnings

    from taikai.errors import DataWarning
    from taikai.io import read_summary

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run = read_summary(predictions)
    return run, [str(w.message) for w in caught if issubclass(w.category, DataWarning)]


OLD, NEW = b"id,text\n1,a\n", b"id,text\n1,b\n2,c\n"


def _renamed_pair(tmp_path):
    """preds.csv and its summary renamed to preds_nov.*, then a new run writes preds.csv."""
    old = _pair(tmp_path, "preds.csv", OLD, 7)
    old.rename(tmp_path / "preds_nov.csv")
    (tmp_path / "preds.summary.json").rename(tmp_path / "preds_nov.summary.json")
    _pair(tmp_path, "preds.csv", NEW, 9)
    return tmp_path / "preds_nov.csv"


def _summary_of_another_file(tmp_path):
    """preds_nov.summary.json describes preds.csv as it was; preds_nov.csv beside it is another file."""
    _renamed_pair(tmp_path)
    (tmp_path / "preds_nov.csv").write_bytes(NEW + b"3,d\n")
    return tmp_path / "preds_nov.csv"


def _newer_output(tmp_path):
    """preds.csv rewritten (another run killed before its summary), the older summary still beside it."""
    out = _pair(tmp_path, "preds.csv", OLD, 7)
    out.write_bytes(NEW)
    return out


@pytest.mark.parametrize(
    ("make", "rows", "said"),
    [
        (_renamed_pair, 7, None),
        (
            _summary_of_another_file,
            None,
            "this summary describes preds.csv as it was ({old} bytes), not preds_nov.csv as it is now; it is not "
            "used (its counts, model and columns are another run's). Put the right summary beside preds_nov.csv or "
            "remove it",
        ),
        (
            _newer_output,
            None,
            "this summary describes an earlier preds.csv ({old} bytes), not preds.csv as it is now; it is not used "
            "(its counts, model and columns are another run's). Put the right summary beside preds.csv or remove it",
        ),
    ],
    ids=["renamed-with-its-summary", "summary-of-another-file", "newer-output-same-name"],
)
def test_a_summary_is_used_for_the_file_its_identity_matches(tmp_path, make, rows, said):
    from taikai.io import summary_path

    predictions = make(tmp_path)
    run, messages = _read_warned(predictions)
    assert (run.rows if run is not None else None) == rows
    if said is None:
        assert messages == []
    else:
        assert messages == [f"{summary_path(predictions)}: " + said.format(old=len(OLD))]


def test_the_owner_of_a_renamed_summary_is_the_file_its_identity_matches(tmp_path):
    from taikai.io import summary_owner

    nov = _renamed_pair(tmp_path)
    assert summary_owner(tmp_path / "preds_nov.summary.json") == nov
    assert summary_owner(tmp_path / "preds.summary.json") == tmp_path / "preds.csv"
    (tmp_path / "preds.csv").write_bytes(b"changed")
    assert summary_owner(tmp_path / "preds.summary.json") is None


# What batch wrote before its model stamp was a ModelStamp (a dict built key by key), for a model whose test metrics
# hold a count: the summary must still be written byte for byte so, and read.
PREVIOUS_SUMMARY = """{
  "format": 1,
  "rows": 3,
  "output": "preds.csv",
  "prefix": "",
  "model": {
    "name": "default (shipped)",
    "path": "/m/default",
    "sha256": "d761c46accbd12f9a47dba6021547aa1ab8f8cd2fed16c8ede1f55d5a796a613",
    "created_at": "2026-12-04T03:47:33+00:00",
    "reasons": [
      "fees",
      "time"
    ],
    "test_metrics": {
      "reason_macro_f1": 0.909977481588797,
      "rows": 1713
    },
    "refit_on_all_rows": true
  }
}"""
STAMP = ModelStamp(
    "default (shipped)",
    "/m/default",
    "d761c46accbd12f9a47dba6021547aa1ab8f8cd2fed16c8ede1f55d5a796a613",
    "2026-12-04T03:47:33+00:00",
    ("fees", "time"),
    {"reason_macro_f1": 0.909977481588797, "rows": 1713},
    True,
)


def test_a_summary_with_a_model_stamp_is_written_as_before(tmp_path):
    from taikai.io import summary_path, write_summary

    # preds.csv is no file: the summary holds no identity
    write_summary(tmp_path / "preds.csv", {"rows": 3, "output": "preds.csv", "prefix": ""}, STAMP)
    assert summary_path(tmp_path / "preds.csv").read_text(encoding="utf-8") == PREVIOUS_SUMMARY


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        (None, STAMP),  # as written above
        (
            {"name": "mine", "path": "/m/mine", "sha256": "ab" * 32, "created_at": "2026-01-01T00:00:00"},
            ModelStamp("mine", "/m/mine", "ab" * 32, "2026-01-01T00:00:00"),
        ),
    ],
    ids=["previous-summary", "stamp-before-reasons-and-metrics"],
)
def test_a_summary_written_by_the_previous_code_is_read(tmp_path, stamp, expected):
    import json

    from taikai.io import read_summary, summary_path

    values = json.loads(PREVIOUS_SUMMARY) | ({"model": stamp} if stamp is not None else {})
    summary_path(tmp_path / "preds.csv").write_text(json.dumps(values), encoding="utf-8")
    run = read_summary(tmp_path / "preds.csv")
    assert run is not None and run.model == expected and run.prefix == ""
    assert run.limit is None  # written before --limit: every row was read
    assert ModelStamp.from_dict(run.model.to_dict()) == expected


@pytest.mark.parametrize(
    ("fields", "mask_pii", "masks"),
    [
        ({}, None, None),  # a summary that does not say
        ({"mask_pii": False, "masks": {}}, False, {}),
        ({"mask_pii": True, "masks": {"name": 3, "email": 1}}, True, {"name": 3, "email": 1}),
    ],
)
def test_a_summary_says_whether_batch_masked_the_texts(tmp_path, fields, mask_pii, masks):
    """The report says the input was masked by batch --mask-pii from these (it said nothing, or none found)."""
    from taikai.io import read_summary, write_summary

    predictions = tmp_path / "x.csv"
    write_summary(predictions, {"rows": 7, **fields})
    run = read_summary(predictions)
    assert run is not None and (run.mask_pii, run.masks) == (mask_pii, masks)


@pytest.mark.parametrize(
    ("fields", "rules"),
    [
        ({}, ()),  # no rules
        ({"rules_file": None, "rules": {}}, ()),  # a run without rules
        # a summary written before labels were recorded: names alone
        ({"rules_file": "r.toml", "rules": {"fee": 3, "never": 0}}, (RanRule("fee"), RanRule("never"))),
        (
            {"rules_file": "r.toml", "rules": {"fee": 3, "never": 0}, "rule_labels": {"fee": "fees", "never": "time"}},
            (RanRule("fee", "fees"), RanRule("never", "time")),
        ),
        # a Dask manifest: its rules field is the file's stamp, the rules are those of rule_labels
        (
            {"rules": {"file": "r.toml", "sha256": "ab", "mode": "flag"}, "rule_labels": {"fee": "fees"}},
            (RanRule("fee", "fees"),),
        ),
    ],
    ids=["none", "run-without-rules", "names-only", "names-and-labels", "manifest-style"],
)
def test_a_summary_lists_the_rules_batch_applied_with_their_labels(tmp_path, fields, rules):
    from taikai.io import read_summary, write_summary

    predictions = tmp_path / "x.csv"
    write_summary(predictions, {"rows": 7, **fields})
    run = read_summary(predictions)
    assert run is not None and run.rules == rules


def test_a_dask_manifest_names_no_rule_by_its_record_of_the_rules_file(tmp_path):
    """A manifest records the rules as {file, sha256, mode}, not their names: these are no rule names."""
    import json

    from taikai.io import PARTS_MANIFEST, read_summary

    folder = tmp_path / "out"
    folder.mkdir()
    rules = {"file": "r.toml", "sha256": "ab" * 32, "mode": "flag"}
    (folder / PARTS_MANIFEST).write_text(json.dumps({"rows": 3, "rules": rules}), encoding="utf-8")
    run = read_summary(folder)
    assert run is not None and run.rules == ()


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("out/x.csv", "out/x.summary.json"),
        (".", "{parent}/{name}.summary.json"),  # regression (h173): ValueError "PosixPath('.') has an empty name"
        ("", "{parent}/{name}.summary.json"),
        ("/", "/summary.json"),
    ],
)
def test_the_summary_path_of_any_path(tmp_path, monkeypatch, output, expected):
    from taikai.io import summary_path

    monkeypatch.chdir(tmp_path)
    assert summary_path(Path(output)) == Path(expected.format(parent=tmp_path.parent, name=tmp_path.name))


@pytest.mark.parametrize("command", ["suggest", "report"])
@pytest.mark.parametrize("given", ["", "."])
def test_the_current_folder_as_predictions_is_refused_without_a_traceback(tmp_path, monkeypatch, command, given):
    """Regression (h173): taikai suggest . (or "") and taikai report . ended in a ValueError traceback; "" is said
    to be empty (h177), "." to be a folder."""
    from click.testing import CliRunner

    from taikai.cli import cli

    monkeypatch.chdir(tmp_path)
    out = tmp_path / ("r.html" if command == "report" else "s.csv")
    result = CliRunner().invoke(cli, [command, given, "-o", str(out)])
    assert result.exit_code == 2, result.output
    said = {
        "": f"taikai: error: {command}: invalid value for PREDICTIONS: '' is empty: give a predictions file",
        ".": "taikai: error: .: is a directory, not a file; give a data file in it",
    }
    assert result.stderr.startswith(said[given])
