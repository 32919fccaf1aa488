"""taikai._masked_messages: a public function called with mask_pii=True raises its errors with personal data masked
(a headerless file's column names are its first row, a review), but for the paths and names given to it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from support_commands import fees_rules, without_temp_folder

import taikai
import taikai.analysis
from taikai._masked_messages import asked, kept_values
from taikai.batch import BatchOptions
from taikai.errors import DataWarning, InputError

REVIEW = "田中さんから090-1234-5678に電話がありました"
"""The first row of a file without a header row, which errors quote as its column names."""

Call = Callable[[Path, Path, bool], Any]

CALLS: list[tuple[str, Call]] = [
    ("classify_file", lambda p, out, m: taikai.classify_file(p, out / "o.csv", mask_pii=m)),
    (
        "classify_file options=",
        lambda p, out, m: taikai.classify_file(p, out / "o.csv", options=BatchOptions(text_column="text", mask_pii=m)),
    ),
    ("check_drift", lambda p, out, m: taikai.check_drift(p, mask_pii=m)),
    ("build_report", lambda p, out, m: taikai.analysis.build_report(pd.read_csv(p), mask_pii=m)),
    ("write_report", lambda p, out, m: taikai.analysis.write_report(p, out / "r.html", mask_pii=m)),
]
"""``suggest`` is not among them: a file without ``p_reason_*`` columns is refused as no predictions file before its
columns are read (below)."""


@pytest.fixture
def headerless(tmp_path: Path) -> Path:
    path = tmp_path / "reviews_without_header.csv"
    path.write_text(f"{REVIEW},x\n二行目の本文です,y\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "call"), CALLS, ids=[name for name, _ in CALLS])
def test_an_error_of_a_masked_call_quotes_no_personal_data(
    name: str, call: Call, headerless: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with pytest.raises(InputError) as raised:
        call(headerless, headerless.parent, True)
    message = without_temp_folder(str(raised.value), tmp_path_factory)
    assert "090-1234-5678" not in message and "田中" not in message, message
    assert "[電話番号]" in message, message  # the column is named, masked


@pytest.mark.parametrize(("name", "call"), CALLS, ids=[name for name, _ in CALLS])
def test_an_error_of_a_call_without_masking_quotes_the_columns(name: str, call: Call, headerless: Path) -> None:
    with pytest.raises(InputError, match="090-1234-5678"):
        call(headerless, headerless.parent, False)


@pytest.mark.parametrize("mask", [True, False])
def test_suggest_refuses_a_headerless_file_before_quoting_its_first_row(headerless: Path, mask: bool) -> None:
    with pytest.raises(InputError, match="not a predictions file") as raised:
        taikai.suggest(headerless, mask_pii=mask)
    assert "090-1234-5678" not in str(raised.value) and "[電話番号]" not in str(raised.value), raised.value


@pytest.mark.parametrize("mask", [True, False])
def test_predict_frame_masks_its_errors_when_asked(tiny_model, headerless, mask):
    """A frame read from a headerless file has its first row, a review, for column names."""
    with pytest.raises(InputError) as raised:
        tiny_model.predict_frame(pd.read_csv(headerless), text_column="text", mask_pii=mask)
    assert ("090-1234-5678" in str(raised.value)) is not mask, raised.value


def test_a_keyword_overrides_the_options_object(headerless: Path) -> None:
    """Regression: options=BatchOptions(mask_pii=True) with mask_pii=False ran unmasked but masked its errors."""
    with pytest.raises(InputError, match="090-1234-5678"):
        options = BatchOptions(text_column="text", mask_pii=True)
        taikai.classify_file(headerless, headerless.parent / "o.csv", options=options, mask_pii=False)


def test_the_path_given_stays_as_given(tmp_path: Path) -> None:
    path = tmp_path / "090-1234-5678" / "田中.csv"  # a folder named like a phone number is the user's own
    path.parent.mkdir()
    path.write_text(f"{REVIEW},x\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        taikai.suggest(path, mask_pii=True)
    message = str(raised.value)
    assert str(path) in message and f"'{REVIEW}'" not in message, message


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"mask_pii": True}, True),
        ({"mask_pii": False}, False),
        ({}, False),
        ({"option_values": {"mask_pii": True}}, True),
        ({"options": {"mask_pii": True}}, True),
        ({"options": BatchOptions(text_column="t", mask_pii=True)}, True),
        ({"options": BatchOptions(text_column="t")}, False),
        ({"mask_pii": "yes"}, False),  # refused by the function itself, not taken for True
        # a keyword overrides the options object, as classify_file applies it (BatchOptions.make: replace)
        ({"options": BatchOptions(text_column="t", mask_pii=True), "option_values": {"mask_pii": False}}, False),
        ({"options": BatchOptions(text_column="t"), "option_values": {"mask_pii": True}}, True),
    ],
)
def test_asked(arguments: dict[str, object], expected: bool) -> None:
    assert asked(arguments) is expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ("reviews.csv", ["reviews.csv"]),
        (Path("a/b.csv"), ["a/b.csv"]),
        ("本文", []),  # too short to be kept: it could stand inside a value to mask
        ({"text_column": "comment", "jobs": 2}, ["comment"]),
        (["review", None, 3], ["review"]),
        (pd.DataFrame({"text": ["x"]}), []),
        # an options object: its texts (a scheduler's address masking would take for an IP address) are the user's
    ],
)
def test_kept_values(values: object, expected: list[str]) -> None:
    assert kept_values(values) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [  # an options object: its texts (a scheduler's address masking would take for an IP address) are the user's
        (BatchOptions(text_column="comment", scheduler="tcp://10.0.0.5:8786"), {"comment", "tcp://10.0.0.5:8786"}),
        ({"options": BatchOptions(text_column="comment", mask_pii=True)}, {"comment"}),
    ],
)
def test_an_options_object_s_texts_are_kept(values: object, expected: set[str]) -> None:
    assert expected <= set(kept_values(values))


PHONE, MAIL = "090-1234-5678", "taro@example.com"
PLANTED = f"{REVIEW} 返信は{MAIL}まで"
"""A review with a phone number, a name and an e-mail address, planted where an error or a warning quotes it."""

ModelCall = Callable[[Path, Path, taikai.Model, bool], Any]


def _dask() -> Any:
    return pytest.importorskip("taikai.dask")


ENTRY_POINTS: list[tuple[str, type[Exception], ModelCall]] = [  # each quotes PLANTED, read as a column's name
    ("evaluate_rules", InputError, lambda p, d, model, m: taikai.evaluate_rules(fees_rules(d), p, model, mask_pii=m)),
    ("explain: a list", TypeError, lambda p, d, model, m: taikai.explain(model, [PLANTED], mask_pii=m)),
    ("explain: the text first", TypeError, lambda p, d, model, m: taikai.explain(PLANTED, model, mask_pii=m)),
    ("Model.predict: 2-D", TypeError, lambda p, d, model, m: model.predict(np.array([[REVIEW, "x"]]), mask_pii=m)),
    ("Model.classify: a set", TypeError, lambda p, d, model, m: model.classify({PLANTED}, mask_pii=m)),
    (
        "dask.classify_files",
        InputError,
        lambda p, d, model, m: _dask().classify_files(p, d / "out", model=model, mask_pii=m),
    ),
    ("dask.read_input", InputError, lambda p, d, model, m: _dask().read_input(p, text_column="text", mask_pii=m)),
    ("drift.file_statistics", InputError, lambda p, d, model, m: taikai.drift.file_statistics(p, model, mask_pii=m)),
]


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    path = tmp_path / "reviews_without_header.csv"
    path.write_text(f"{PLANTED},fees\n二行目の本文です,low_pay\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "error", "call"), ENTRY_POINTS, ids=[name for name, _, _ in ENTRY_POINTS])
@pytest.mark.parametrize("mask", [True, False], ids=["masked", "as-written"])
def test_each_entry_point_masks_what_its_error_quotes(
    name: str,
    error: type[Exception],
    call: ModelCall,
    mask: bool,
    planted: Path,
    tiny_model: taikai.Model,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Regression: evaluate_rules, explain, Model.predict/classify, the Dask engine's and drift's readers quoted the
    review unmasked under mask_pii=True; without it they quote it as written."""
    with pytest.raises(error) as raised:
        call(planted, planted.parent, tiny_model, mask)
    message = without_temp_folder(str(raised.value), tmp_path_factory)
    if not mask:
        assert PHONE in message or "田中さんから" in message, message
        return
    assert PHONE not in message and MAIL not in message and "田中" not in message, message
    assert "[電話番号]" in message or "a text as the model" in message, message  # said, masked (or not quoted)


def _in_part(folder: Path) -> Path:
    labelled = folder / "labelled.csv"
    labelled.write_text(f"text,reasons,more_reasons\n単価が安すぎる,low_pay,\n{PLANTED},,fees\n", encoding="utf-8")
    return labelled


WARNINGS: list[tuple[str, ModelCall]] = [
    (
        "evaluate_rules: a row labelled in part",
        lambda p, d, model, m: taikai.evaluate_rules(fees_rules(d), _in_part(d), model, mask_pii=m),
    ),
]


@pytest.mark.parametrize(("name", "call"), WARNINGS, ids=[name for name, _ in WARNINGS])
@pytest.mark.parametrize("mask", [True, False], ids=["masked", "as-written"])
def test_a_warning_of_a_masked_call_is_masked(
    name: str,
    call: ModelCall,
    mask: bool,
    planted: Path,
    tiny_model: taikai.Model,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Regression: a DataWarning of a call given mask_pii=True quoted the review unmasked (in a notebook; the command
    line masked it as it printed it)."""
    with pytest.warns(DataWarning) as said:
        call(planted, planted.parent, tiny_model, mask)
    message = without_temp_folder("\n".join(str(w.message) for w in said), tmp_path_factory)
    assert ("taro@" in message) is not mask and (PHONE in message) is not mask, message  # quoted cut, after 40
    assert ("[メール]" in message) is mask, message  # masked before it was cut


@pytest.mark.parametrize(
    ("category", "masked_too"),
    [(DataWarning, True), (taikai.SkippedRowsWarning, True), (UserWarning, False), (FutureWarning, False)],
)
def test_only_data_warnings_are_masked(category: type[Warning], masked_too: bool) -> None:
    from taikai._masked_messages import masking
    from taikai._warn import warn_user

    with masking(["reviews.csv"]), pytest.warns(category) as said:
        warn_user(f"reviews.csv: {PLANTED}", category)
    assert (MAIL not in str(said[0].message)) is masked_too
    assert str(said[0].message).startswith("reviews.csv: ")
    with pytest.warns(category) as outside:  # the masking ends with its block
        warn_user(PLANTED, category)
    assert str(outside[0].message) == PLANTED


def test_an_error_is_masked_once_keeping_what_each_call_kept(tmp_path: Path) -> None:
    """A call within a masked call masks its error keeping its own texts and the outer call's; the outer call (or the
    command line) does not mask it again: the path only the inner call was given stays as given."""
    from taikai._masked_messages import errors_masked, mask_error, masking

    inner_path = tmp_path / PHONE / "reviews.csv"  # a folder named like a phone number: the user's own

    @errors_masked
    def inner(path: Path, mask_pii: bool = False) -> None:
        raise InputError(f"{path}: the columns are [{PLANTED!r}]")

    @errors_masked
    def outer(name: str, mask_pii: bool = False) -> None:
        inner(inner_path, mask_pii=mask_pii)

    with masking(["--mask-pii given"]) as kept, pytest.raises(InputError) as raised:
        outer("outer name", mask_pii=True)
    message = mask_error(raised.value, kept)  # as the command line says it
    assert message.startswith(f"{inner_path}: the columns are ['[人名]さんから[電話番号]") and MAIL not in message


@pytest.mark.parametrize("text", [PLANTED, "〒100-0001 東京都千代田区千代田1-1 LINE ID: tanaka_88", f"{MAIL} {PHONE}"])
def test_masking_a_masked_message_again_changes_nothing(text: str) -> None:
    """The command line and a library call may both mask one message: the second masking keeps it as it is."""
    from taikai._masked_messages import masked

    once = masked(f"dump.csv: {text}", ["dump.csv"])
    assert masked(once) == once and masked(once, ["dump.csv"]) == once


PUBLIC_MODULES = ["taikai", *(f"taikai.{name}" for name in ("analysis", "batch", "dask", "drift", "io", "model"))]
NOT_CALLS = {
    "bad_line_error",  # returns an error, whose text it masks itself (mask_pii)
    "no_dates_error",
    "not_a_status",
    "not_a_label",  # returns an error, whose label it masks itself (mask_pii), as not_a_status
    "for_model",  # a builder's constructor: mask_pii hides names from counted words, no message quotes a text
}


def _taking_masking() -> list[tuple[str, object]]:
    import importlib
    import inspect

    found = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            functions = [(name, value)]
            if inspect.isclass(value):
                if dataclasses.is_dataclass(value):
                    continue  # data: BatchOptions, ReportOptions, RunSummary
                functions = [(f"{name}.{k}", getattr(value, k)) for k, v in vars(value).items() if callable(v)]
            for label, function in functions:
                try:
                    parameters = inspect.signature(function).parameters  # type: ignore[arg-type]
                except (TypeError, ValueError):
                    continue
                if ("mask_pii" in parameters or "options" in parameters) and label.split(".")[-1] not in NOT_CALLS:
                    found.append((f"{module_name}.{label}", function))
    return found


@pytest.mark.parametrize(("name", "function"), _taking_masking(), ids=[name for name, _ in _taking_masking()])
def test_every_public_function_that_masks_masks_its_messages(name: str, function: object) -> None:
    from taikai._masked_messages import masks_errors

    assert masks_errors(function), f"{name} takes mask_pii: wrap it with taikai._masked_messages.errors_masked"


def _bad_line(text: str) -> str:
    from taikai.io._records import BadLine, bad_line_error

    return str(bad_line_error(Path("a.csv"), BadLine(3, "expected 2 fields, found 3", "r1," + text), "fix it"))


def _nothing_scored(text: str) -> str:
    from taikai.evaluation._nothing_scored import nothing_to_score
    from taikai.evaluation._unscored import Unscored
    from taikai.text import Status

    unscored = Unscored(0, 2, Status.ERROR, "not Japanese", "a.csv")
    return str(nothing_to_score("a.csv", "all", 1, [unscored], 0, 0, "text", {0: text}))


def _euc_jp(text: str) -> str:
    from taikai.io._euc import euc_jp_error, euc_jp_reading

    reading = euc_jp_reading(f"id,text\nr1,{text}\n".encode("euc-jp"))
    assert reading is not None
    return str(euc_jp_error("a.csv", reading, "file"))


@pytest.mark.parametrize(
    ("say", "pad"),
    [(_bad_line, 70), (_nothing_scored, 26), (_euc_jp, 7)],
    ids=["malformed-record", "nothing-scored", "euc-jp"],
)
@pytest.mark.parametrize("value", ["taro.yamada@example.com", "090-1234-5678"], ids=["email", "phone"])
def test_a_text_a_message_cuts_is_masked_before_the_cut(say, pad, value):
    """Within masking (--mask-pii, mask_pii=True), a message's quote of a text is masked, then cut: cut first, the
    cut falls inside the value (``taro.yamada@e…``), which the masking of the whole message then misses."""
    from taikai._masked_messages import masked, masking

    text = "あ" * pad + value + "まで。給料が安い"
    assert value[:4] in say(text)  # outside masking, quoted as written (and the cut falls inside the value)
    with masking([]):
        said = masked(say(text))  # as errors_masked then masks the whole message
    pieces = [piece for piece in (value[:4], value[4:8], value[-4:]) if piece in said]
    assert not pieces, said
