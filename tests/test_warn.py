"""A warning of taikai points at the line of the user's code that called taikai: through the wrapper of the public
functions (``_argument_order``), helpers that warn a few calls deep, and libraries that call taikai back."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import warnings
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pandas as pd
import pytest

import taikai
from taikai import _warn
from taikai._argument_order import CALL_ORDERS
from taikai.analysis import build_report, write_report
from taikai.errors import DataWarning
from taikai.model import FeatureConfig

RULES = Path(__file__).parents[1] / "examples" / "rules.toml"
WORDS = replace(FeatureConfig(), min_df=1)
QUIET = {"explain", "keywords", "distinctive_words"}
"""The wrapped functions that give no warning of their own (they read no file and check no rows)."""


def _unnamed(source: Path, out: Path) -> Path:
    """Write *source* with an empty column without a name at the header's right edge (warned about when read)."""
    out.write_text("".join(f"{line},\n" for line in source.read_text(encoding="utf-8").splitlines()), "utf-8")
    return out


@pytest.fixture(scope="module")
def files(tmp_path_factory, tiny_model, tiny_csv):
    root = tmp_path_factory.mktemp("warn")
    labelled = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    predictions = tiny_model.predict_frame(labelled[["text"]])
    predictions.to_csv(root / "pred.csv", index=False)
    split = labelled.assign(split=["test" if k % 4 == 0 else "train" for k in range(len(labelled))])
    split.to_csv(root / "split.csv", index=False)
    pd.DataFrame({"text": ["どの行でもない文"]}).to_csv(root / "other.csv", index=False)
    unlabelled = pd.DataFrame({"text": labelled["text"]})
    return {
        "labelled": _unnamed(tiny_csv, root / "labelled.csv"),
        "texts": _unnamed(_written(unlabelled, root / "texts0.csv"), root / "texts.csv"),
        "pred": _unnamed(root / "pred.csv", root / "pred_unnamed.csv"),
        "pred_clean": root / "pred.csv",
        "pred_frame": predictions.set_axis(pd.MultiIndex.from_arrays([predictions.index] * 2, names=[None, "n"])),
        "split": root / "split.csv",
        "other": root / "other.csv",
    }


def _written(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, index=False)
    return path


CALLS = {
    # id: (call(model, files, tmp_path), what the warning says)
    "evaluate (file read)": (lambda m, f, t: taikai.evaluate(m, f["labelled"]), "without a name"),
    "evaluate (training rows)": (lambda m, f, t: taikai.evaluate(m, f["split"]), "training data"),
    "check_drift": (lambda m, f, t: taikai.check_drift(f["texts"], m), "without a name"),
    "classify_file": (
        lambda m, f, t: taikai.classify_file(f["texts"], t / "out.csv", model=m, text_column="text"),
        "without a name",
    ),
    "evaluate_rules": (lambda m, f, t: taikai.evaluate_rules(RULES, f["labelled"], m), "without a name"),
    "train (file read)": (lambda m, f, t: taikai.train(f["labelled"], config=WORDS, folds=2), "without a name"),
    "train (test_size and a split column)": (
        lambda m, f, t: taikai.train(f["split"], config=WORDS, folds=2, test_size=0.3),
        "is ignored",
    ),
    "suggest (file read)": (lambda m, f, t: taikai.suggest(f["pred"], n=5), "without a name"),
    "suggest (exclude=)": (lambda m, f, t: taikai.suggest(f["pred_clean"], n=5, exclude=f["other"]), "none of its"),
    "build_report": (lambda m, f, t: build_report(f["pred_frame"], model=m), "no name"),
    # pandas calling taikai for the user: the warning names the user's line, not pandas' (pandas/core/common.py)
    "build_report (df.pipe)": (lambda m, f, t: f["pred_frame"].pipe(build_report, model=m), "no name"),
    "suggest (Series.apply)": (lambda m, f, t: pd.Series([f["pred"]]).apply(taikai.suggest, n=5), "without a name"),
    "write_report": (lambda m, f, t: write_report(f["pred"], t / "r.html", model=m), "without a name"),
}


@pytest.mark.parametrize(("call", "said"), CALLS.values(), ids=CALLS.keys())
def test_a_warning_of_a_public_function_points_at_the_callers_line(tiny_model, files, tmp_path, call, said):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call(tiny_model, files, tmp_path)
    ours = [w for w in caught if issubclass(w.category, DataWarning) and said in str(w.message)]
    assert ours, [str(w.message) for w in caught]
    lines = Path(__file__).read_text(encoding="utf-8").splitlines()
    where = [(w.filename, w.lineno) for w in ours]
    assert [(file, file == __file__ and "lambda m, f, t:" in lines[n - 1]) for file, n in where] == [
        (__file__, True)
    ] * len(ours), where


def test_every_wrapped_function_that_warns_is_in_the_table():
    warned = {name.split(" ")[0] for name in CALLS}
    assert warned | QUIET == set(CALL_ORDERS)


TAIKAI = os.path.join(os.path.dirname(taikai.__file__), "_fake_module.py")
LIBRARY = os.path.join(os.path.dirname(os.path.dirname(taikai.__file__)), "some_library.py")


def _function(filename: str, body: str) -> Callable[..., None]:
    """Return a function whose code lies in *filename* (taikai's or a library's, as far as frames go)."""
    namespace: dict[str, Any] = {"warn_user": _warn.warn_user, "DataWarning": DataWarning}
    exec(compile(f"def function(then=None):\n    {body}\n", filename, "exec"), namespace)
    return cast("Callable[..., None]", namespace["function"])


def _chain(kinds: str) -> Callable[[], None]:
    """Return a function calling through frames of *kinds*, outermost first (``t`` taikai's, ``l`` a library's), the
    innermost warning."""
    call = _function(TAIKAI, 'warn_user("said", DataWarning)')
    for kind in reversed(kinds[:-1]):
        call = functools.partial(_function(TAIKAI if kind == "t" else LIBRARY, "then()"), call)
    return call


@pytest.mark.parametrize(
    "kinds",
    [
        "t",  # warned in the function the user called
        "ttt",  # a few calls deep
        "tlt",  # through a library that calls taikai back (contextlib, pandas, scikit-learn)
        "tllt",
        "tltlt",
    ],
)
def test_the_warning_points_past_every_frame_of_taikai_and_of_the_libraries_it_calls(kinds):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _chain(kinds)()  # the user's line
    assert [(w.filename, w.lineno, str(w.message)) for w in caught] == [(__file__, _line("_chain(kinds)"), "said")]


def test_warned_from_the_users_own_code_it_points_there():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _warn.warn_user("said", DataWarning)
    assert [(w.filename, w.lineno) for w in caught] == [(__file__, _line('_warn.warn_user("said"'))]


def test_a_once_only_warning_is_given_once_per_line_of_the_user():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for _ in range(3):
            _chain("tt")()
        _chain("tt")()
    assert len(caught) == 2


def _line(start: str) -> int:
    lines = Path(__file__).read_text(encoding="utf-8").splitlines()
    return next(k for k, line in enumerate(lines, 1) if line.strip().startswith(start))


def test_a_warning_reaches_code_without_a_source_file():
    """``python -c``: its ``__main__`` has a loader that gives no source (warn_explicit with module_globals failed)."""
    code = "from taikai._warn import warn_user; warn_user('said', UserWarning)"
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (ran.returncode, ran.stderr) == (0, "<string>:1: UserWarning: said\n")
