"""The keywords of classify_file and taikai.dask.classify_files are typed (BatchOptionValues): mypy and an editor
see which options they take and of what type, as the fields of BatchOptions say them."""

from __future__ import annotations

import importlib
import inspect
import typing

import pytest

from taikai.batch import BatchOptions, BatchOptionValues


def test_the_keywords_are_the_fields_of_batch_options_with_their_types():
    fields = typing.get_type_hints(BatchOptions)
    del fields["text_column"]  # an argument of its own
    assert typing.get_type_hints(BatchOptionValues) == fields
    assert not BatchOptionValues.__required_keys__  # any keyword may be left out


@pytest.mark.parametrize(("module", "name"), [("taikai", "classify_file"), ("taikai.dask", "classify_files")])
def test_the_keywords_of_a_batch_entry_point_are_typed(module, name):
    """Regression: ``**option_values: Any`` told neither mypy nor the user which options the function takes."""
    if module == "taikai.dask":
        pytest.importorskip("distributed")
    function = getattr(importlib.import_module(module), name)
    keywords = inspect.signature(function).parameters["option_values"]
    assert keywords.kind is inspect.Parameter.VAR_KEYWORD
    assert keywords.annotation == "Unpack[BatchOptionValues]"


@pytest.mark.slow
def test_mypy_refuses_an_unknown_option_or_a_wrong_type(tmp_path):
    """Regression: mypy passed ``classify_file(..., jobs="2")`` and ``engine="dask"``, both refused only when run."""
    api = pytest.importorskip("mypy.api")
    script = tmp_path / "script.py"
    script.write_text(
        "import taikai\n"
        "taikai.classify_file('in.csv', 'out.csv', 'text', jobs='2')\n"
        "taikai.classify_file('in.csv', 'out.csv', 'text', engine='dask')\n"
        "taikai.classify_file('in.csv', 'out.csv', 'text', jobs=2, limit=None, sheet=1, rules_mode='override')\n",
        encoding="utf-8",
    )
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    out, err, status = api.run(
        [str(script), "--config-file", str(config), "--cache-dir", str(tmp_path / "cache"), "--no-error-summary"]
    )
    lines = [line.split(": error: ")[1] for line in out.splitlines() if ": error: " in line]
    assert lines == [
        'Argument "jobs" to "classify_file" has incompatible type "str"; expected "int"  [arg-type]',
        'Unexpected keyword argument "engine" for "classify_file"  [call-arg]',
    ], out + err
    assert status == 1
