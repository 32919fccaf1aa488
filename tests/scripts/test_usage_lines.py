"""The usage line of a script's docstring (which its ``--help`` shows) names only options the script takes, and every
script the docs, the benches and the scripts cite with options takes them."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

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


ROOT = Path(__file__).resolve().parents[2]
CITED = re.compile(r"\b((?:scripts|bench)/\w+\.py)( [^`\n]*)?")
PROSE = re.compile(r"\(?[a-z][a-z']*[,.;:)]*")
CITING = sorted([*ROOT.glob("docs/*.md"), *ROOT.glob("data/*.md"), ROOT / "bench" / "RESULTS.md"])
CITING += sorted([*ROOT.glob("scripts/*.py"), *ROOT.glob("bench/*.py")])


def options_of(script: Path) -> set[str]:
    """Return the options *script* declares (``add_argument("--name", …)``), with those of the helper modules of
    scripts/ and bench/ it imports from (``shipped_config.add_vectors_option``); read from the source."""
    tree = ast.parse(script.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "add_argument":
            found |= {a.value for a in node.args if isinstance(a, ast.Constant) and str(a.value).startswith("--")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            helper = script.parent / f"{node.module}.py"
            if helper.is_file() and helper != script:
                found |= options_of(helper)
    return found


def citations(text: str) -> list[tuple[str, set[str]]]:
    """Return each ``scripts/NAME.py`` or ``bench/NAME.py`` of *text* cited with options, and those options: the
    words after it up to the end of the code span or line, or to the first word of prose (lower case, no dash)."""
    found = []
    for match in CITED.finditer(text):
        words = []
        for word in (match.group(2) or "").split():
            if PROSE.fullmatch(word):
                break
            words.append(word)
        flags = set(FLAG.findall(" ".join(words)))
        if flags:
            found.append((match.group(1), flags))
    return found


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("run ``scripts/build_corpus.py --drop``) and", [("scripts/build_corpus.py", {"--drop"})]),
        ("`python bench/bench_batch.py --rows 20000 [--model DIR]`", [("bench/bench_batch.py", {"--rows", "--model"})]),
        ("see scripts/select_model.py, which --out writes", []),
    ],
)
def test_citations_are_the_options_given_after_a_script(text, cited):
    assert citations(text) == cited


@pytest.mark.parametrize("path", CITING, ids=[str(p.relative_to(ROOT)) for p in CITING])
def test_every_script_cited_with_options_takes_them(path):
    """Regression: ablate_batches.py said a batch that hurts is dropped with ``scripts/build_corpus.py --drop``,
    an option build_corpus.py never had."""
    wrong = []
    for script, flags in citations(path.read_text(encoding="utf-8")):
        missing = flags - options_of(ROOT / script) if (ROOT / script).is_file() else {"(no such script)"}
        wrong += [f"{script} {flag}" for flag in sorted(missing)]
    assert not wrong, f"{path.relative_to(ROOT)} cites options the scripts do not take: {wrong}"
