"""Start-up cost: the command line's help loads neither scikit-learn nor pandas, and predict no pandas or pyarrow.

Checked in a fresh interpreter through ``sys.modules``: what a command imports is what the user waits for.
"""

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
    return f"""
import sys
from taikai.cli import main
sys.argv = ["taikai", *{list(args)!r}]
try:
    main()
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
def test_predict_loads_no_pandas_or_pyarrow():
    loaded = imported_after(run_cli("predict", "手数料が高すぎて続けられません"))
    assert "sklearn" in loaded and "fugashi" in loaded  # it did classify
    assert not loaded & {"pandas", "pyarrow", "matplotlib", "dask"}, sorted(loaded & {"pandas", "pyarrow"})


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
