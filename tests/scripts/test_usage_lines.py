"""The usage line of a script's docstring (which its ``--help`` shows) names only options the script takes."""

from __future__ import annotations

import importlib
import re

import pytest

USAGE = re.compile(r"^\s*(?:Usage:\s*)?python scripts/\w+\.py(.*)$", re.MULTILINE)
FLAG = re.compile(r"(?<![\w-])--[a-z][\w-]*")


def documented_options(doc: str) -> set[str]:
    """Return the options the usage lines of a docstring name: lines that start ``python scripts/NAME.py``."""
    return {flag for match in USAGE.finditer(doc) for flag in FLAG.findall(match.group(1))}


@pytest.mark.parametrize(
    ("doc", "options"),
    [
        ("    python scripts/a.py --model M [--out docs/x.md] > y.md\n", {"--model", "--out"}),
        ("Usage: python scripts/a.py [--check]\n\nWith --check, write nothing.", {"--check"}),
        ("Run python scripts/a.py; --not-usage is prose.\n", set()),
        ("no usage line --here\n", set()),
    ],
)
def test_documented_options_are_those_of_usage_lines(doc, options):
    assert documented_options(doc) == options


@pytest.mark.parametrize("name", ["api_reference", "corpus_stats", "drift_thresholds", "pii_eval", "real_errors"])
def test_the_usage_line_names_only_options_the_script_takes(name, capsys):
    """Regression: drift_thresholds.py advertised ``[--out docs/drift_measurements.md]``, which it refused."""
    module = importlib.import_module(name)
    with pytest.raises(SystemExit) as exited:
        module.main(["--help"])
    assert exited.value.code == 0
    usage = capsys.readouterr().out.split("\n\n")[0]  # argparse's own usage paragraph, before the description
    missing = sorted(flag for flag in documented_options(module.__doc__ or "") if flag not in usage)
    assert not missing, f"scripts/{name}.py documents {missing}, which --help does not list: {usage}"
