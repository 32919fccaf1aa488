"""Write docs/api.md, the reference of the public API: every name of ``taikai.__all__`` and of each public
subpackage's ``__all__``, with its kind, signature and the first paragraph of its docstring.

Usage: python scripts/api_reference.py [--check]

With --check, write nothing: exit 1 (naming what differs) when docs/api.md is not what the script would write.
The page is the same on every machine: no memory addresses, no paths of this checkout. ``taikai.dask`` is read
from the sources (ast), not imported, since importing it needs the ``dask`` extra.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import enum
import importlib
import inspect
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, ForwardRef

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PAGE = ROOT / "docs" / "api.md"

PACKAGES = (
    "taikai",
    "taikai.analysis",
    "taikai.batch",
    "taikai.cli",
    "taikai.dask",
    "taikai.drift",
    "taikai.errors",
    "taikai.evaluation",
    "taikai.io",
    "taikai.labels",
    "taikai.model",
    "taikai.privacy",
    "taikai.rules",
    "taikai.suggestion",
    "taikai.text",
    "taikai.training",
)
"""The packages the page documents, in its order: ``taikai``, then each subpackage with an ``__all__``."""

FROM_SOURCES = frozenset({"taikai.dask"})
"""Packages read from the sources instead of imported: importing them needs an optional extra."""

LONGEST_VALUE = 100
"""A constant's value is shown when its ``repr`` is at most this long (and holds no address)."""

HEADER = """# API reference

<!-- Written by scripts/api_reference.py; do not edit: run `python scripts/api_reference.py`. -->

Every public name of `taikai` and of each subpackage's `__all__` (docs/architecture.md says what each package
is for), in the order of its `__all__`: its kind, its signature (a class: its constructor; a dataclass: its
fields; an enum: its members; a constant: its type and value) and the first paragraph of its docstring.
`help(name)` shows the whole docstring. `tests/scripts/test_api_reference.py` checks that this page is what the
script writes from the code now.

A package's section closes with the names taikai's other packages import from it (its private modules are theirs
to import only through it), names only: they are not part of the API and may change in any release.
"""

SHARED_HEADING = "Shared between taikai's packages; not part of the API, may change in any release"
"""The heading of a section's closing index of the names outside its ``__all__`` that other packages import."""


@dataclasses.dataclass(frozen=True)
class Entry:
    """One public name: where it is documented, what it is, how it is called and what it does."""

    package: str
    name: str
    kind: str
    signature: str
    summary: str
    home: str  # the package whose section holds its details (a name of taikai.__all__ links to its subpackage's)


# ---- text ---------------------------------------------------------------------------------------------------


def first_paragraph(doc: str | None) -> str:
    """Return the first paragraph of *doc* on one line, its reST markup (``x``, :func:`x`) as Markdown."""
    if not doc:
        return ""
    paragraph = inspect.cleandoc(doc).split("\n\n")[0]
    text = " ".join(line.strip() for line in paragraph.splitlines())
    text = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text)
    return text.replace("``", "`")


ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "cf.", "vs.")
"""Full stops that end no sentence."""


def first_sentence(paragraph: str) -> str:
    """Return the first sentence of *paragraph* (up to a full stop followed by a space, outside code)."""
    depth = 0
    for i, char in enumerate(paragraph):
        if char == "`":
            depth ^= 1
        elif char == "." and not depth and paragraph[i + 1 : i + 2] in (" ", ""):
            sentence = paragraph[: i + 1]
            if i > 0 and not sentence.endswith(ABBREVIATIONS):
                return sentence
    return paragraph


def markdown(text: str, *, cell: bool = False) -> str:
    """Escape *text* for Markdown outside its code spans: ``<`` (read as HTML) and, in a table *cell*, ``|``."""
    parts = re.split(r"(`[^`]*`)", text)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            part = part.replace("<", "&lt;")
        if cell:
            part = part.replace("|", "\\|")
        out.append(part)
    return "".join(out)


def anchor(package: str, name: str) -> str:
    """Return the page anchor of *name* in *package*'s section."""
    return f"{package}.{name}".replace(".", "-").lower()


# ---- imported objects ---------------------------------------------------------------------------------------


def annotation(value: Any) -> str:
    """Return an annotation as a string: as written (``from __future__ import annotations``), or its name."""
    if isinstance(value, str):
        return value
    if isinstance(value, ForwardRef):
        return value.__forward_arg__
    if isinstance(value, type):
        return value.__qualname__
    return repr(value).replace("typing.", "")


def shown(value: Any) -> str:
    """Return a default value as the page shows it: the same on every machine."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if isinstance(value, (frozenset, set)):
        return "{" + ", ".join(sorted(shown(v) for v in value)) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{shown(k)}: {shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)) and type(value) in (list, tuple):
        inner = ", ".join(shown(v) for v in value) + ("," if len(value) == 1 and isinstance(value, tuple) else "")
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    if inspect.isfunction(value) or inspect.isclass(value):
        return value.__qualname__
    text = repr(value)
    text = text.replace(str(ROOT), "…")
    return re.sub(r"<([\w.]+) object at 0x[0-9a-f]+>", r"<\1>", text)


def signature(name: str, obj: Any) -> str:
    """Return ``name(params) -> returns`` of a callable, or ``name(…)`` when Python cannot tell."""
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return f"{name}(…)"
    params: list[str] = []
    values = list(sig.parameters.values())
    for i, param in enumerate(values):
        if param.kind is param.KEYWORD_ONLY and (i == 0 or values[i - 1].kind is param.POSITIONAL_OR_KEYWORD):
            params.append("*")
        text = {param.VAR_POSITIONAL: "*", param.VAR_KEYWORD: "**"}.get(param.kind, "") + param.name
        if param.annotation is not param.empty:
            text += f": {annotation(param.annotation)}"
        if param.default is not param.empty:
            text += (" = " if param.annotation is not param.empty else "=") + shown(param.default)
        params.append(text)
        if param.kind is param.POSITIONAL_ONLY and (i + 1 == len(values) or values[i + 1].kind is not param.kind):
            params.append("/")
    returns = "" if sig.return_annotation is sig.empty else f" -> {annotation(sig.return_annotation)}"
    return f"{name}({', '.join(params)}){returns}"


def constant(name: str, value: Any) -> str:
    """Return ``NAME: type = value``, the value left out when long or not the same on every machine."""
    text = shown(value)
    kind = type(value)
    typename = (
        kind.__qualname__
        if kind.__module__ in ("builtins", "re") or kind.__module__.startswith("taikai")
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    if len(text) > LONGEST_VALUE or re.search(r"0x[0-9a-f]{6,}", text):
        return f"{name}: {typename}"
    return f"{name}: {typename} = {text}"


def describe(name: str, obj: Any, source: Path) -> tuple[str, str, str]:
    """Return the kind, signature and summary of an imported public *obj*."""
    if inspect.ismodule(obj):
        return "module", name, first_paragraph(obj.__doc__)
    if inspect.isclass(obj):
        doc = obj.__doc__
        if issubclass(obj, enum.Enum):
            members = ", ".join(f"{m.name} = {m.value!r}" for m in obj)
            return "enum", f"{name}: {members}", first_paragraph(doc)
        if issubclass(obj, Warning):
            kind = "warning"
        elif issubclass(obj, BaseException):
            kind = "exception"
        else:
            kind = "dataclass" if dataclasses.is_dataclass(obj) else "class"
        if kind in ("warning", "exception") and all(
            c.__module__ == "builtins" for c in obj.__mro__ if "__init__" in vars(c)
        ):  # Python cannot tell the signature of BaseException.__init__
            return kind, f"{name}(*args)", first_paragraph(doc)
        if issubclass(obj, tuple) and hasattr(obj, "_fields"):
            kind = "named tuple"
        return kind, signature(name, obj).removesuffix(" -> None"), first_paragraph(doc)
    if type(obj).__module__ in ("typing", "types") or isinstance(obj, type(list[int])):
        return "type alias", f"{name} = {annotation(obj)}", first_paragraph(attribute_doc(source, name))
    if callable(obj) and (inspect.isroutine(inspect.unwrap(obj))):
        return "function", signature(name, inspect.unwrap(obj)), first_paragraph(inspect.unwrap(obj).__doc__)
    if callable(obj):
        kind = type(obj)
        doc = attribute_doc(source, name) or kind.__doc__
        return f"object ({kind.__qualname__})", name, first_paragraph(doc)
    return "constant", constant(name, obj), first_paragraph(attribute_doc(source, name))


# ---- sources (ast) ------------------------------------------------------------------------------------------


def module_file(dotted: str) -> Path | None:
    """Return the source file of module *dotted*, or ``None``."""
    base = SRC.joinpath(*dotted.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Yield the statements of *body*, and those inside its ``if`` and ``try`` blocks."""
    for node in body:
        yield node
        if isinstance(node, ast.If):
            yield from statements(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            yield from statements(node.body + [s for h in node.handlers for s in h.body])


@cache
def shared_names(package: str) -> tuple[str, ...]:
    """Return the names *package* gives taikai's other packages beside its ``__all__``, sorted: those its
    ``__init__.py`` imports as themselves from taikai's modules (``from taikai.x._m import name as name``, the form
    that exports a name to type checkers), those of its lazy map of ``shared`` names (``lazy_modules(…, shared=…)``,
    as ``taikai.io``'s), and those it defines that another package imports (``taikai.cli`` keeps ``COMMANDS`` for
    itself), less its ``__all__`` and the private names."""
    path = module_file(package)
    assert path is not None, package
    tree = parse(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("taikai"):
            found |= {alias.name for alias in node.names if alias.asname == alias.name}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "lazy_modules":
            for keyword in node.keywords:
                if keyword.arg == "shared":
                    found |= {name for names in literal_value(path, keyword.value).values() for name in names}
    defined: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            defined |= {t.id for t in targets if isinstance(t, ast.Name)}
    found |= defined & imported_elsewhere(package)
    public = set(source_all(path))
    return tuple(sorted(name for name in found - public if not name.startswith("_")))


@cache
def imported_elsewhere(package: str) -> frozenset[str]:
    """Return the names that modules of src/taikai outside *package* import from it (``from package import name``,
    at the top of a module or in a function) or read from it imported (``import taikai.io as tio``, ``tio.name``)."""
    inside = module_file(package)
    assert inside is not None, package
    found: set[str] = set()
    for path in sorted((SRC / "taikai").rglob("*.py")):
        if path == inside or (inside.name == "__init__.py" and inside.parent in path.parents):
            continue
        tree = parse(path)
        aliases = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == package and node.level == 0:
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.Import):
                aliases |= {alias.asname for alias in node.names if alias.name == package and alias.asname}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
                found.add(node.attr)
    return frozenset(found)


@cache
def parse(path: Path) -> ast.Module:
    """Return the syntax tree of the module at *path* (read once: every package's shared names look in every module)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def definition(path: Path, name: str) -> tuple[Path, list[ast.stmt], int] | None:
    """Return the module, body and index of the statement defining *name*, following ``from … import``."""
    tree = parse(path)
    body = list(statements(tree.body))
    for i, node in enumerate(body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            return path, body, i
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return path, body, i
    for node in body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("taikai"):
            for alias in node.names:
                source = module_file(node.module)
                if source is not None and (alias.asname or alias.name) == name:
                    return definition(source, alias.name)
                if source is not None and alias.name == "*":
                    found = definition(source, name)
                    if found is not None:
                        return found
    for node in ast.walk(tree):  # lazy_modules({"taikai.x._module": ("name", …)}), _EXPORTS = {"name": "taikai.x"}
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == name and isinstance(value, ast.Constant):
                    source = module_file(str(value.value))
                    if source is not None:
                        return definition(source, name)
                listed = isinstance(value, ast.Tuple) and any(
                    isinstance(v, ast.Constant) and v.value == name for v in value.elts
                )
                if isinstance(key, ast.Constant) and listed:
                    source = module_file(str(key.value))
                    if source is not None:
                        return definition(source, name)
    return None


def attribute_doc(path: Path, name: str) -> str | None:
    """Return the docstring written under the assignment of *name* (the string statement after it)."""
    found = definition(path, name)
    if found is None:
        return None
    _, body, i = found
    after = body[i + 1] if i + 1 < len(body) else None
    if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str):
        return after.value.value
    return None


def source_all(path: Path) -> list[str]:
    """Return the ``__all__`` of the module at *path*, following ``from m import __all__``; one made of a package's
    lazy map (``__all__ = public_names(_HOMES, [...])``, as ``taikai.io``'s) is made so from the map written there."""
    found = definition(path, "__all__")
    if found is None:
        raise SystemExit(f"{path.relative_to(ROOT)}: no __all__; a public package names its public names in it")
    _, body, i = found
    node = body[i]
    assert isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None
    value = node.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "public_names":
        from taikai._lazy import public_names

        return public_names(*(literal_value(path, arg) for arg in value.args))
    return [str(v) for v in ast.literal_eval(value)]


def literal_value(path: Path, node: ast.expr) -> Any:
    """Return the value of the literal *node* of the module at *path*, or of the literal its name is assigned."""
    if not isinstance(node, ast.Name):
        return ast.literal_eval(node)
    found = definition(path, node.id)
    assert found is not None, f"{path}: {node.id} is not assigned"
    _, body, i = found
    assigned = body[i]
    assert isinstance(assigned, (ast.Assign, ast.AnnAssign)) and assigned.value is not None
    return ast.literal_eval(assigned.value)


def source_arguments(args: ast.arguments, *, method: bool) -> str:
    """Return the parameters of a ``def`` as :func:`signature` writes them."""
    params: list[str] = []
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)

    def one(arg: ast.arg, default: ast.expr | None, prefix: str = "") -> str:
        text = prefix + arg.arg + (f": {ast.unparse(arg.annotation)}" if arg.annotation else "")
        if default is not None:
            text += (" = " if arg.annotation else "=") + ast.unparse(default)
        return text

    for i, (arg, default) in enumerate(zip(positional, defaults)):
        if not (method and i == 0):
            params.append(one(arg, default))
        if args.posonlyargs and i + 1 == len(args.posonlyargs):
            params.append("/")
    if args.vararg:
        params.append(one(args.vararg, None, "*"))
    elif args.kwonlyargs:
        params.append("*")
    params += [one(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    if args.kwarg:
        params.append(one(args.kwarg, None, "**"))
    return ", ".join(params)


def from_source(package: str, name: str) -> tuple[str, str, str]:
    """Return the kind, signature and summary of *name* of *package*, read from the sources."""
    path = module_file(package)
    found = definition(path, name) if path else None
    if found is None:
        raise SystemExit(f"{package}.{name}: in __all__, but no module of src/ defines it")
    _, body, i = found
    node = body[i]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        returns = f" -> {ast.unparse(node.returns)}" if node.returns else ""
        sig = f"{name}({source_arguments(node.args, method=False)}){returns}"
        return "function", sig, first_paragraph(ast.get_docstring(node, clean=True))
    if isinstance(node, ast.ClassDef):
        bases = {ast.unparse(b).split(".")[-1] for b in node.bases}
        decorators = {ast.unparse(d).split("(")[0].split(".")[-1] for d in node.decorator_list}
        init = next((n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
        kind = "dataclass" if "dataclass" in decorators else "enum" if bases & {"Enum", "StrEnum"} else "class"
        if init is not None:
            sig = f"{name}({source_arguments(init.args, method=True)})"
        elif kind == "dataclass":  # its fields, as the generated __init__ takes them
            fields = [
                f"{f.target.id}: {ast.unparse(f.annotation)}" + (f" = {ast.unparse(f.value)}" if f.value else "")
                for f in node.body
                if isinstance(f, ast.AnnAssign)
                and isinstance(f.target, ast.Name)
                and not ast.unparse(f.annotation).startswith("ClassVar")
            ]
            sig = f"{name}({', '.join(fields)})"
        elif kind == "enum":
            members = [
                f"{t.id} = {ast.unparse(n.value)}"
                for n in node.body
                if isinstance(n, ast.Assign)
                for t in n.targets
                if isinstance(t, ast.Name)
            ]
            sig = f"{name}: {', '.join(members)}"
        else:
            sig = f"{name}()"
        return kind, sig, first_paragraph(ast.get_docstring(node, clean=True))
    value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
    where = found[0]
    doc = attribute_doc(where, name)
    while isinstance(value, ast.Name):  # MANIFEST = PARTS_MANIFEST: show the value, and its docstring if none
        alias = definition(where, value.id)
        if alias is None:
            break
        doc = doc or attribute_doc(alias[0], value.id)
        where, target = alias[0], alias[1][alias[2]]
        value = target.value if isinstance(target, (ast.Assign, ast.AnnAssign)) else None
    text = ast.unparse(value) if value is not None else ""
    sig = f"{name} = {text}" if text and len(text) <= LONGEST_VALUE else name
    return "constant", sig, first_paragraph(doc)


# ---- the page -----------------------------------------------------------------------------------------------


def package_doc(package: str) -> str:
    path = module_file(package)
    assert path is not None
    return first_paragraph(ast.get_docstring(parse(path)))


def entries(package: str) -> list[Entry]:
    """Return the entries of *package*'s ``__all__``, in its order."""
    path = module_file(package)
    if path is None:
        raise SystemExit(f"{package}: no such package in src/")
    if package in FROM_SOURCES:
        return [Entry(package, n, *from_source(package, n), package) for n in source_all(path)]
    module = importlib.import_module(package)
    found = []
    for name in module.__all__:
        obj = getattr(module, name)
        kind, sig, summary = describe(name, obj, path)
        home = package
        if package == "taikai":
            owner = getattr(obj, "__module__", None) or ""
            parts = owner.split(".")
            candidate = ".".join(parts[:2])
            if candidate in PACKAGES and candidate != "taikai" and name in importlib.import_module(candidate).__all__:
                home = candidate
        found.append(Entry(package, name, kind, sig, summary, home))
    return found


def section(package: str, rows: list[Entry]) -> list[str]:
    lines = [f"## `{package}`", ""]
    if package in FROM_SOURCES:
        lines += [
            f"Read from the sources, not imported: importing `{package}` needs its optional extra "
            "(`pip install 'taikai[dask]'`).",
            "",
        ]
    lines += [markdown(package_doc(package)), "", "| name | kind | summary |", "| --- | --- | --- |"]
    for e in rows:
        link = anchor(e.home, e.name)
        where = "" if e.home == package else f" (`{e.home}`)"
        summary = markdown(first_sentence(e.summary), cell=True) or "—"
        lines.append(f"| [`{e.name}`](#{link}){where} | {e.kind} | {summary} |")
    lines.append("")
    for e in rows:
        if e.home != package:
            continue
        head = f'<a id="{anchor(package, e.name)}"></a>`{e.signature}` — {e.kind}'
        lines += [f"{head}\\", markdown(e.summary), ""] if e.summary else [head, ""]
    shared = shared_names(package)
    if shared:
        lines += [f"### {SHARED_HEADING}", "", ", ".join(f"`{name}`" for name in shared) + ".", ""]
    return lines


def render() -> str:
    """Return the text of docs/api.md."""
    all_rows = {package: entries(package) for package in PACKAGES}
    lines = [*HEADER.splitlines(), "", "## Contents", ""]
    for package, rows in all_rows.items():
        shared = len(shared_names(package))
        also = f"; {shared} shared between taikai's packages" if shared else ""
        lines.append(f"- [`{package}`](#{package.replace('.', '')}) ({len(rows)} names{also})")
    lines.append("")
    for package, rows in all_rows.items():
        lines += section(package, rows)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when docs/api.md is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.is_file() else ""
        if current != text:
            print(f"{PAGE.relative_to(ROOT)} is stale; run: python scripts/api_reference.py", file=sys.stderr)
            return 1
        print(f"{PAGE.relative_to(ROOT)} is up to date")
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
