"""Start-up cost: the command line's help loads neither scikit-learn nor pandas, predict no pandas, pyarrow or rich,
and the light packages load their heavier modules on first use.

Checked in a fresh interpreter through ``sys.modules``: what a command imports is what the user waits for.
"""

import importlib.util
import json
import subprocess
import sys

import pytest

from taikai.cli import cli

HEAVY = ("sklearn", "pandas", "pyarrow", "scipy", "matplotlib", "dask", "distributed", "fugashi")


def imported_after(code: str) -> set[str]:
    """Run *code* in a fresh interpreter and return the top-level packages it imported."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def run_cli(*args: str) -> str:
    # The click group, not main(): main() would end the process after predict (taikai.cli._startup.finish)
    # before the probe that follows could list the modules.
    return f"""
import sys
from taikai.cli import cli
sys.argv = ["taikai", *{list(args)!r}]
try:
    cli(prog_name="taikai")
except SystemExit:
    pass
"""


def test_help_of_every_command_loads_no_heavy_library():
    helps = [run_cli("--help")] + [run_cli(name, "--help") for name in sorted(cli.list_commands(None))]
    helps.append(run_cli("rules", "test", "--help"))  # a subcommand
    loaded = imported_after("\n".join(helps))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.slow
def test_import_taikai_is_light_and_its_names_load_on_use():
    assert not imported_after("import taikai") & {"sklearn", "pandas", "pyarrow", "numpy"}
    assert "sklearn" in imported_after("import taikai; taikai.Model")


@pytest.mark.slow
def test_predict_loads_no_pandas_pyarrow_or_rich():
    assert importlib.util.find_spec("rich") is not None  # installed (import-linter needs it): sklearn would load it
    loaded = imported_after(run_cli("predict", "手数料が高すぎて続けられません"))
    assert "sklearn" in loaded and "fugashi" in loaded  # it did classify
    unused = {"pandas", "pyarrow", "matplotlib", "dask", "rich"}
    assert not loaded & unused, sorted(loaded & unused)


@pytest.mark.slow
def test_predict_loads_no_rules_file_reader_io_or_pii_finders():
    probe = run_cli("predict", "手数料が高すぎて続けられません") + "\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", "import json\n" + probe], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert "taikai.model._model" in loaded and "taikai.privacy._kinds" in loaded  # it did classify, unmasking
    later = {"taikai.rules._parse", "taikai.rules._score", "taikai.privacy._mask", "taikai.io._formats"}
    assert not loaded & later, sorted(loaded & later)


@pytest.mark.parametrize(
    ("package", "name", "module"),
    [
        ("taikai.io", "open_reader", "taikai.io._formats"),
        ("taikai.io", "read_labelled", "taikai.io._labelled"),
        ("taikai.io", "encode_stream", "taikai.io._writers"),
        ("taikai.rules", "load_rules", "taikai.rules._parse"),
        ("taikai.rules", "score_rules", "taikai.rules._score"),
        ("taikai.privacy", "mask_pii", "taikai.privacy._mask"),
    ],
)
def test_lazy_names_load_their_module_on_first_use(package, name, module):
    code = f"""
import importlib, sys
package = importlib.import_module({package!r})
before = {module!r} in sys.modules
value = getattr(package, {name!r})
print(before, value.__module__ == {module!r}, {module!r} in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True", "True"]


@pytest.mark.parametrize("package", ["taikai.io", "taikai.rules", "taikai.privacy"])
def test_a_name_no_module_has_is_an_attribute_error(package):
    module = importlib.import_module(package)
    with pytest.raises(AttributeError, match=f"module '{package}' has no attribute 'nothing_here'"):
        module.nothing_here  # noqa: B018


@pytest.mark.parametrize(
    "module",
    [
        "taikai.text",
        "taikai.io",
        "taikai.batch",
        "taikai.labels",
        "taikai.errors",
        "taikai.suggestion",
        "taikai.privacy",
    ],
)
def test_light_packages_import_without_scikit_learn(module):
    assert "sklearn" not in imported_after(f"import {module}")


def test_every_public_name_is_exported_lazily_and_resolves():
    import taikai

    assert set(taikai.__all__) == set(taikai._EXPORTS)
    for name in taikai.__all__:
        assert getattr(taikai, name) is getattr(importlib.import_module(taikai._EXPORTS[name]), name)


@pytest.mark.parametrize(
    ("name", "module", "returned_by"),
    [
        ("RulesScore", "taikai.rules", "taikai.evaluate_rules"),
        ("Verdict", "taikai.drift", "taikai.DriftReport.verdict"),
    ],
)
def test_result_types_users_receive_are_public(name, module, returned_by):
    """Regression: evaluate_rules returned a RulesScore and DriftReport.verdict a Verdict, neither in taikai."""
    import taikai

    assert name in taikai.__all__, returned_by
    assert getattr(taikai, name) is getattr(importlib.import_module(module), name)
