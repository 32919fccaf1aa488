"""docs/architecture.md stays true of the code: every module, name and file it cites exists, its quote of the
import-linter contracts is the one in pyproject.toml, and it names every subpackage and every name of
`taikai.__all__` (tests/scripts/test_api_reference.py checks the subpackages' names, on docs/api.md).

Read from the sources (ast), without importing the package: cheap, and a module that cannot import still counts.
"""

from __future__ import annotations

import ast
import re
import sys
from functools import cache
from pathlib import Path

import pytest
from api_reference import module_file  # scripts/ is on the tests' path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
DOC = ROOT / "docs" / "architecture.md"
REPO_PATH = re.compile(
    r"(src|docs|tests|bench|scripts|examples|notebooks|models|data)/[\w./-]*|pyproject\.toml|\.ci/run"
)
DOTTED = re.compile(r"taikai(\.\w+)+")


def spans(text: str) -> list[str]:
    """Return the text of every inline code span of *text* (code blocks left out)."""
    prose = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return re.findall(r"`([^`\n]+)`", prose)


def _statements(body: list[ast.stmt]) -> list[ast.stmt]:
    """Return the statements of *body*, with those inside ``if`` and ``try`` blocks (``TYPE_CHECKING`` imports)."""
    found: list[ast.stmt] = []
    for node in body:
        found.append(node)
        if isinstance(node, ast.If):
            found += _statements(node.body) + _statements(node.orelse)
        elif isinstance(node, ast.Try):
            found += _statements(node.body) + [s for h in node.handlers for s in _statements(h.body)]
    return found


@cache
def names_of(path: Path) -> dict[str, ast.AST]:
    """Return the names a module (or class body) defines or imports, with their nodes; and its ``__all__``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return _names(tree.body)


def _names(body: list[ast.stmt]) -> dict[str, ast.AST]:
    names: dict[str, ast.AST] = {}
    for node in _statements(body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        names[name.id] = node
            listed = isinstance(node.value, (ast.List, ast.Tuple))  # not one made of a lazy map (taikai.io's)
            if listed and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
                for value in ast.literal_eval(node.value):  # names a package imports on first use
                    names.setdefault(value, node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:  # "from m import *" is kept as "*m", to look in m
                star = alias.name == "*" and isinstance(node, ast.ImportFrom)
                names[f"*{node.module}" if star else (alias.asname or alias.name).split(".")[0]] = node
    return names


def defines(path: Path, chain: list[str]) -> bool:
    """Whether the module at *path* defines ``a.b`` for *chain* ``[a, b]`` (following ``from … import``)."""
    names = names_of(path)
    node = names.get(chain[0])
    if node is None:
        stars = [module_file(key[1:]) for key in names if key.startswith("*")]
        return any(source is not None and defines(source, chain) for source in stars)
    if len(chain) == 1:
        return True
    if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("taikai"):
        source = module_file(node.module)
        return source is not None and defines(source, chain)
    if isinstance(node, ast.ClassDef):
        return chain[1] in _names(node.body)
    return False


def resolves(dotted: str) -> bool:
    """Whether *dotted* names an existing module, or a name (and attribute) defined in one."""
    parts = dotted.removesuffix(".*").split(".")
    for cut in range(len(parts), 0, -1):
        path = module_file(".".join(parts[:cut]))
        if path is not None:
            rest = parts[cut:]
            return not rest or defines(path, rest) or module_file(".".join(parts[: cut + 1])) is not None
    return False


DOC_TEXT = DOC.read_text(encoding="utf-8")
CITED = spans(DOC_TEXT)


@pytest.mark.parametrize("dotted", sorted({s for s in CITED if DOTTED.fullmatch(s.removesuffix(".*"))}))
def test_every_dotted_name_exists(dotted):
    assert resolves(dotted), f"docs/architecture.md cites `{dotted}`, which no module of src/ defines"


@pytest.mark.parametrize("path", sorted({s for s in CITED if REPO_PATH.fullmatch(s)}))
def test_every_repository_path_exists(path):
    assert (ROOT / path).exists(), f"docs/architecture.md cites `{path}`, which is not in the repository"


@pytest.mark.parametrize("name", sorted({s for s in CITED if re.fullmatch(r"_\w+\.py", s)}))
def test_every_module_file_exists(name):
    assert list((SRC / "taikai").rglob(name)), f"docs/architecture.md cites `{name}`, which is no module of taikai"


@cache
def sources() -> dict[Path, str]:
    """Return the text of every module of the package."""
    return {path: path.read_text(encoding="utf-8") for path in (SRC / "taikai").rglob("*.py")}


def classes(name: str) -> list[ast.ClassDef]:
    """Return every class of the package called *name* (parsing only the modules that say ``class NAME``)."""
    pattern = re.compile(rf"^\s*class {name}\b", re.MULTILINE)
    trees = [ast.parse(text) for text in sources().values() if pattern.search(text)]
    return [n for tree in trees for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == name]


FILE_NAME = re.compile(r"\w+\.(txt|py|md|csv|json|toml)")
METHODS = {s for s in CITED if re.fullmatch(r"[A-Z]\w*\.[a-z_]\w*", s) and not FILE_NAME.fullmatch(s)}


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_class_attribute_exists(method):
    name, attribute = method.split(".")
    assert any(attribute in _names(c.body) for c in classes(name)), (
        f"docs/architecture.md cites `{method}`, which no class of taikai defines"
    )


def test_the_quoted_contracts_are_those_of_pyproject():
    quoted = re.search(r"```toml\n(.*?)```", DOC_TEXT, re.DOTALL)
    assert quoted is not None, "docs/architecture.md quotes no contracts"
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert (
        tomllib.loads(quoted.group(1))["tool"]["importlinter"]["contracts"]
        == (declared["tool"]["importlinter"]["contracts"])
    )


def test_every_subpackage_and_top_module_is_named():
    package = SRC / "taikai"
    modules = {p.parent.name for p in package.glob("*/__init__.py")} | {p.stem for p in package.glob("*.py")}
    missing = sorted(f"taikai.{m}" for m in modules - {"__init__"} if f"taikai.{m}" not in CITED)
    assert not missing, f"docs/architecture.md does not name {missing}"


def test_every_public_name_is_placed():
    public = ast.literal_eval(names_of(SRC / "taikai" / "__init__.py")["__all__"].value)  # type: ignore[attr-defined]
    missing = sorted(set(public) - set(CITED))
    assert not missing, f"docs/architecture.md does not say where {missing} live"


@pytest.mark.parametrize(
    ("dotted", "exists"),
    [
        ("taikai.model._formats.FORMATS", True),
        ("taikai.batch.run_local", True),  # lazy: in __all__ and under TYPE_CHECKING
        ("taikai.model.Model.classify", True),  # through the package's import, to the class
        ("taikai.text.*", True),
        ("taikai.model.Model.no_such_method", False),
        ("taikai.no_such_package", False),
        ("taikai.batch._local.no_such_function", False),
    ],
)
def test_resolves_tells_names_that_exist_from_those_that_do_not(dotted, exists):
    assert resolves(dotted) is exists


def _commands_of(path: Path) -> set[str]:
    """Return the commands a CLI module defines: ``group`` and ``group sub`` for ``@group.command("sub")``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            if not (isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute)):
                continue
            name = deco.args[0].value if deco.args and isinstance(deco.args[0], ast.Constant) else node.name
            if isinstance(deco.func.value, ast.Name) and deco.func.value.id != "click":
                found.add(f"{deco.func.value.id} {name}")
            else:
                found.add(str(name))
    return found


CLI_MODULES = re.findall(r"`(taikai\.cli\._\w+)` \(([^)]*)\)", DOC_TEXT)


@pytest.mark.parametrize(("module", "commands"), CLI_MODULES)
def test_every_command_named_for_a_cli_module_exists(module, commands):
    """Regression: the doc named a ``rules check`` command that does not exist."""
    defined = _commands_of(SRC.joinpath(*module.split(".")).with_suffix(".py"))
    for command in (c.strip() for c in commands.split(",")):
        group, _, subs = command.partition(" ")
        wanted = [f"{group} {sub.strip()}" for sub in subs.split("/")] if subs else [group]
        assert set(wanted) <= defined, f"{module}: {command!r}; it defines {sorted(defined)}"


def test_the_cli_modules_are_found():
    assert len(CLI_MODULES) >= 8 and ("taikai.cli._rules", "rules test") in CLI_MODULES


CLAIM = re.compile(r"imports only|import nothing of taikai")


def import_claims(text: str) -> list[tuple[str, set[str]]]:
    """Return (module, the taikai modules it is said to import) for every "imports only" or "import nothing of
    taikai" of the bullets of the "Import order" section; a clause without its own subject ("Today it imports
    only …") speaks of the bullet's first module."""
    start = text.index("## Import order")
    section = text[start : text.index("\n## ", start)]
    claims = []
    for bullet in re.split(r"\n- ", section)[1:]:
        bullet = " ".join(bullet.split())
        first = re.search(r"`(taikai[\w.]*)`", bullet)
        for clause in re.split(r"; |\. ", bullet):
            verb = CLAIM.search(clause)
            if verb is None or first is None:
                continue
            subjects = re.findall(r"`(taikai\.[\w.]+)`", clause[: verb.start()]) or [first.group(1)]
            said = set(re.findall(r"`(taikai\.[\w.]+)`", clause[verb.end() :]))
            claims += [(subject, said) for subject in subjects]
    return claims


def imported_modules(module: str) -> set[str]:
    """Return the top-level taikai modules and packages that *module* (every module of it, for a package) imports,
    itself left out; imports inside functions and ``TYPE_CHECKING`` blocks count."""
    path = SRC / module.replace(".", "/")
    files = sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
    found: set[str] = set()
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module == "taikai":
                names = [f"taikai.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            else:
                continue
            tops = {".".join(name.split(".")[:2]) for name in names if name.startswith("taikai.")}
            found |= {top for top in tops if module_file(top) is not None}
    return found - {module}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (
            "## Import order\n\n- `taikai.a` imports only `taikai.b` (see `x`) and `taikai.c`.\n\n## Next\n",
            [("taikai.a", {"taikai.b", "taikai.c"})],
        ),
        (
            "## Import order\n\n- `taikai.s` sits high. Today it imports only `taikai.io`. So it sits.\n\n## N\n",
            [("taikai.s", {"taikai.io"})],
        ),
        (
            "## Import order\n\n- `taikai.x` is; `taikai.p`, `taikai.q` import nothing of taikai.\n\n## N\n",
            [("taikai.p", set()), ("taikai.q", set())],
        ),
    ],
    ids=["list", "it", "nothing"],
)
def test_import_claims_are_read_from_the_bullets(text, claims):
    assert import_claims(text) == claims


CLAIMS = import_claims(DOC_TEXT)


def test_the_import_claims_are_found():
    assert {"taikai.suggestion", "taikai.text", "taikai._lazy"} <= {module for module, _ in CLAIMS}


@pytest.mark.parametrize(("module", "said"), CLAIMS, ids=[module for module, _ in CLAIMS])
def test_what_a_module_is_said_to_import_is_what_it_imports(module, said):
    """Regression: the page said `taikai.suggestion` imports only six packages; it imports `taikai.analysis` too."""
    assert imported_modules(module) == said
