"""Start-up cost: the command line's help loads neither scikit-learn, pandas, numpy nor joblib, predict no pandas,
pyarrow or rich, and the light packages load their heavier modules on first use.

Checked in a fresh interpreter through ``sys.modules``: what a command imports is what the user waits for.
"""

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from taikai.cli import cli

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sklearn", "pandas", "numpy", "joblib", "pyarrow", "scipy", "matplotlib", "dask", "distributed", "fugashi")


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
@pytest.mark.parametrize("typed", ["taikai.", "taikai.io.", "taikai.batch.", "taikai.text."])
def test_tab_completion_loads_no_heavy_library(typed):
    # as Jupyter completes after "import taikai" ran in an earlier cell: jedi on the live module, a type per name
    pytest.importorskip("jedi")
    code = f"import jedi, taikai\nfor c in jedi.Interpreter({typed!r}, [{{'taikai': taikai}}]).complete(): c.type"
    loaded = imported_after(code)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


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
        ("taikai.io", "read_labelled", "taikai.io._labelled_files"),
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


@pytest.mark.parametrize("package", ["taikai", "taikai.io", "taikai.rules", "taikai.privacy"])
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


DOCUMENTED = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "notebooks").glob("*.ipynb"))]
NOT_NAMES = {"taikai.vectorize", "taikai.pipeline"}  # docs/architecture.md: what retired pickles refer to
FILE_SUFFIXES = (".csv", ".json", ".html", ".md", ".toml", ".py", ".txt", ".yaml", ".joblib")
SUBPACKAGES = sorted(p.name for p in (ROOT / "src" / "taikai").iterdir() if (p / "__init__.py").is_file())
SUBPACKAGES += sorted(p.stem for p in (ROOT / "src" / "taikai").glob("[!_]*.py"))  # taikai.dask, errors, labels


def documented_spellings(pages: list[Path] = DOCUMENTED) -> dict[str, list[str]]:
    """Return the dotted names ``taikai.x.y`` the README, docs/ and the notebooks (or *pages*) cite, by subpackage
    (``x``); the package's own names (``taikai.load_model``) under ``""``."""
    found: dict[str, set[str]] = {}
    for path in pages:
        for match in re.finditer(r"\btaikai(?:\.[A-Za-z_]\w*)+", path.read_text(encoding="utf-8")):
            dotted = match.group()
            if dotted in NOT_NAMES or dotted.endswith(FILE_SUFFIXES):
                continue
            first = dotted.split(".")[1]
            found.setdefault(first if first in SUBPACKAGES else "", set()).add(dotted)
    return {first: sorted(names) for first, names in sorted(found.items())}


SPELLINGS = documented_spellings()


def test_the_documented_spellings_are_found():
    """The table below is read from the docs: it holds the README's own examples (or the regex broke)."""
    assert {"taikai.analysis.write_report", "taikai.analysis.rules_section"} <= set(SPELLINGS["analysis"])
    assert "taikai.io.read_predictions" in SPELLINGS["io"]
    assert "taikai.batch.dask" in SPELLINGS["batch"]
    assert "taikai.load_model" in SPELLINGS[""]
    assert set(SPELLINGS) - {""} <= set(SUBPACKAGES)


def test_taikai_lists_every_subpackage():
    import taikai

    assert set(SUBPACKAGES) == taikai._SUBPACKAGES
    assert set(SUBPACKAGES) <= set(dir(taikai))


@pytest.mark.parametrize(
    ("package", "submodule"), [("taikai", name) for name in SUBPACKAGES] + [("taikai.batch", "dask")]
)
def test_a_subpackage_is_an_attribute_of_its_package_without_an_import(package, submodule):
    """Regression: ``taikai.analysis`` was an attribute of taikai only once something had imported it. Asked of
    the package's ``__getattr__``, which answers whether or not another module imported it already."""
    module = importlib.import_module(package)
    assert module.__getattr__(submodule) is importlib.import_module(f"{package}.{submodule}")


# docs/api.md is left out: it quotes the docstrings of the code, which may name what taikai's packages share
USER_SPELLINGS = documented_spellings([path for path in DOCUMENTED if path.name != "api.md"])


@pytest.mark.parametrize("first", sorted(set(USER_SPELLINGS) - {""}))
def test_the_docs_name_of_a_subpackage_only_its_api(first):
    """README, docs/ and the notebooks name of ``taikai.x`` only the names of its ``__all__`` (or a submodule, or a
    module path with a private part, ``taikai.io._formats``, as docs/architecture.md says where things live): a name
    taikai's packages share is not the API, which users would take it for."""
    package = importlib.import_module(f"taikai.{first}")
    outside = []
    for dotted in USER_SPELLINGS[first]:
        parts = dotted.split(".")
        if len(parts) < 3 or any(part.startswith("_") for part in parts[1:]):
            continue
        if parts[2] not in package.__all__ and importlib.util.find_spec(".".join(parts[:3])) is None:
            outside.append(dotted)
    assert not outside, f"the docs name {outside}, not in taikai.{first}.__all__"


@pytest.mark.slow
@pytest.mark.parametrize("first", sorted(SPELLINGS))
def test_every_documented_spelling_works_after_import_taikai(first):
    """Regression: the README's ``taikai.analysis.write_report(...)`` failed after a bare ``import taikai``. The
    names are read in a fresh interpreter, one per subpackage (one that imports another would hide the bug); a
    module path with a private part (``taikai.model._metadata``) is not typed after ``import taikai``, so it is
    only imported."""
    code = f"""
import pkgutil, taikai
failed = []
for dotted in {SPELLINGS[first]!r}:
    try:
        if any(part.startswith("_") for part in dotted.split(".")[1:]):
            pkgutil.resolve_name(dotted)
        else:
            value = taikai
            for part in dotted.split(".")[1:]:
                value = getattr(value, part)
    except (AttributeError, ImportError) as error:
        failed.append(f"{{dotted}}: {{error}}")
print("\\n".join(failed))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


DEFERRED_PATTERNS = {  # module -> patterns of some 30,000 characters each, compiled on first use, not on import
    "taikai.text._words": ("_JAPANESE_LETTER",),
    "taikai.io._binary_data": ("_TEXT_CHARS", "_JAPANESE"),
}


def test_importing_io_and_text_compiles_no_deferred_or_slow_pattern():
    probe = """
import json, re
compiled = []
real = re.compile
re.compile = lambda pattern, flags=0: compiled.append(getattr(pattern, "pattern", pattern)) or real(pattern, flags)
import taikai.io, taikai.text
print(json.dumps([p for p in compiled if isinstance(p, str)]))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    compiled = set(json.loads(done.stdout.splitlines()[-1]))
    assert compiled, "the probe saw no pattern compiled"
    for module, names in DEFERRED_PATTERNS.items():
        for name in names:
            value = getattr(importlib.import_module(module), name)
            assert getattr(value, "pattern", value) not in compiled, f"{module}.{name} compiled on import"
    assert "[\u0800-\U0010ffff]" not in compiled  # taikai.io._encoding.WIDE: a range of 1.1M characters, 2.5 ms


@pytest.mark.parametrize(
    ("char", "wide"),
    [
        ("\x00", False),
        ("é", False),
        ("\u07ff", False),
        ("\u0800", True),
        ("あ", True),
        ("\ud800", True),
        ("\uffff", True),
        ("\U00010000", True),
        ("\U0010ffff", True),
    ],
)
def test_wide_is_every_character_from_u0800(char, wide):
    from taikai.io._encoding import WIDE

    assert bool(WIDE.fullmatch(char)) is wide
    if not "\ud800" <= char <= "\udfff":  # a lone surrogate has no UTF-8 bytes
        assert (len(char.encode("utf-8")) >= 3) is wide
