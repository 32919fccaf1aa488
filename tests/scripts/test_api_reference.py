"""scripts/api_reference.py: docs/api.md is what the script writes from the code now, and names every public name."""

from __future__ import annotations

import ast
import enum
import re
from functools import cache
from pathlib import Path

import api_reference
import pytest
from api_reference import PACKAGES, PAGE, ROOT, SRC, anchor, first_paragraph, first_sentence, markdown, shown


@cache
def rendered() -> str:
    return api_reference.render()


def test_the_committed_page_is_what_the_script_writes():
    assert PAGE.read_text(encoding="utf-8") == rendered(), "docs/api.md is stale: run python scripts/api_reference.py"


def public_packages() -> dict[str, list[str]]:
    """Return every module of taikai with an ``__all__`` (read from the sources), and its names."""
    found: dict[str, list[str]] = {}
    package = SRC / "taikai"
    for path in sorted([package / "__init__.py", *package.glob("*/__init__.py"), *package.glob("[a-z]*.py")]):
        dotted = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        if path.name == "__main__.py":
            continue
        names = api_reference.source_all(path) if "__all__" in path.read_text(encoding="utf-8") else None
        if names is not None:
            found[dotted] = names
    return found


def test_every_package_with_an_all_has_a_section():
    found = public_packages()
    assert {"taikai", "taikai.io", "taikai.dask", "taikai.text"} <= set(found)
    assert set(found) == set(PACKAGES), "a package with __all__ is missing from PACKAGES (or one has no __all__)"


def sections(page: str) -> dict[str, str]:
    parts = re.split(r"^## `([\w.]+)`$", page, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2]))


def test_every_public_name_is_on_the_page():
    by_package = sections(rendered())
    missing = [
        f"{package}.{name}"
        for package, names in public_packages().items()
        for name in names
        if f"| [`{name}`](#" not in by_package.get(package, "")
    ]
    assert not missing, f"docs/api.md does not list {missing}"
    assert "taikai.text.near_duplicates" not in missing and "`near_duplicates(" in by_package["taikai.text"]


def test_every_public_name_says_what_it_is():
    """Regression: the 31 ``Argument`` constants of taikai.errors (``TEXT_COLUMN``, …) and ``taikai.io.ORDER_HINT``
    had no docstring, and the page's summary of each was a dash."""
    undocumented = re.findall(r"^\| \[`(\w+)`\]\(#([\w-]+)\) \| [\w ]+ \| — \|$", rendered(), flags=re.MULTILINE)
    assert not undocumented, f"docs/api.md gives no summary of {[target for _, target in undocumented]}"


def test_a_function_s_summary_says_what_it_does():
    """Regression: 19 functions (taikai.io.zone_warning, taikai.drift.stray_ends, …) were summarised by what they
    return as a noun (``The warning for …``, ``Whether …``), as a constant is, not as a call (``Return the …``);
    taikai.text.header_message (``The message …``) and taikai.io.record_hint (``What to do …``) too, and five that
    return text were summarised as if they printed it (``Say …``: taikai.errors.index_hint, reviews_hint and
    separator_hint, taikai.drift.gaps_line, taikai.io.is_parts_folder)."""
    first = r"(?:The|Whether|What|A|An|Say)"
    nouns = re.findall(rf"^\| \[`(\w+)`\]\(#[\w-]+\)[^|]* \| function \| {first} ", rendered(), flags=re.M)
    assert not nouns, f"these functions' docstrings begin as a noun's, or as if they printed what they return: {nouns}"


def test_every_link_of_the_page_has_its_target():
    page = rendered()
    targets = set(re.findall(r'<a id="([\w-]+)"></a>', page)) | {f"taikai{p[6:].replace('.', '')}" for p in PACKAGES}
    links = set(re.findall(r"\]\(#([\w-]+)\)", page))
    assert links - targets == set()
    assert anchor("taikai.io", "read_table") in targets  # one of the names no page named before


def test_the_page_holds_nothing_of_this_machine_or_this_run():
    page = rendered()
    assert str(ROOT) not in page and not re.search(r"0x[0-9a-f]{6,}", page)
    # a bound on size, not on the API: a public name adds about three lines (2,002 lines once, 2,502 after the
    # 2026-12-07 session's new names), while a dumped repr of a table, a model or a vocabulary would add thousands
    assert len(page.splitlines()) < 3500


@pytest.mark.parametrize(
    ("package", "name", "kind", "signature"),
    [
        ("taikai.text", "Status", "enum", "`Status: OK = 'ok', EMPTY = 'empty', ERROR = 'error'`"),
        (
            "taikai.text",
            "CheckedText",
            "named tuple",
            "`CheckedText(text: str, status: Status, message: str = '', problem: TextProblem | None = None)`",
        ),
        ("taikai.model", "load_model", "function", "`load_model(path: str | Path | None = None) -> Model`"),
        ("taikai.batch", "DEFAULT_CHUNK_SIZE", "constant", "`DEFAULT_CHUNK_SIZE: int = 5000`"),
        ("taikai.io", "FORMATS", "constant", "`FORMATS: tuple = ('csv', 'tsv', 'jsonl', 'parquet', 'xlsx')`"),
        ("taikai.io", "Position", "type alias", "`Position = dict[str, int]`"),
        ("taikai.errors", "TaikaiError", "exception", "`TaikaiError(*args)`"),  # documented in its subpackage
        # taikai.dask is read from the sources: the same page with or without the dask extra
        ("taikai.dask", "MANIFEST", "constant", "`MANIFEST = '_taikai.json'`"),
        ("taikai.dask", "load_count", "function", "`load_count() -> dict[str, int]`"),
    ],
)
def test_an_entry_gives_kind_and_signature(package, name, kind, signature):
    line = next(x for x in rendered().splitlines() if x.startswith(f'<a id="{anchor(package, name)}"></a>'))
    assert line.removeprefix(f'<a id="{anchor(package, name)}"></a>').startswith(f"{signature} — {kind}")


def test_a_name_of_taikai_links_to_its_subpackage():
    assert "| [`load_model`](#taikai-model-load_model) (`taikai.model`) | function | Load and verify" in rendered()


class Colour(enum.Enum):
    RED = "red"


class Thing:
    pass


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Colour.RED, "Colour.RED"),
        (frozenset({"b", "a", "c"}), "{'a', 'b', 'c'}"),  # sorted: not the order of this run's hash seed
        ({Colour.RED: 1}, "{Colour.RED: 1}"),
        (("x",), "('x',)"),
        (Thing(), f"<{__name__}.Thing>"),  # no memory address
        (ROOT / "models", "PosixPath('…/models')"),  # no path of this checkout
        (shown, "shown"),
    ],
)
def test_a_value_is_shown_the_same_on_every_machine(value, expected):
    assert shown(value) == expected


@pytest.mark.parametrize(
    ("doc", "paragraph"),
    [
        (None, ""),
        ("Return *x*.\n\n    More.", "Return *x*."),
        ("One line\n    and its end, ``code``.\n", "One line and its end, `code`."),
        ("See :func:`taikai.x` and :class:`~taikai.Y`.", "See `taikai.x` and `taikai.Y`."),
    ],
)
def test_first_paragraph(doc, paragraph):
    assert first_paragraph(doc) == paragraph


@pytest.mark.parametrize(
    ("paragraph", "sentence"),
    [
        ("One. Two.", "One."),
        ("Read `a. b` first. Then.", "Read `a. b` first."),
        ("0.5 is a share.", "0.5 is a share."),
        ("No stop", "No stop"),
        ("Say more (e.g. where) when there is. Two.", "Say more (e.g. where) when there is."),  # not cut at "e.g."
    ],
)
def test_first_sentence(paragraph, sentence):
    assert first_sentence(paragraph) == sentence


@pytest.mark.parametrize(
    ("text", "cell", "expected"),
    [
        ("a <stdin> b", False, "a &lt;stdin> b"),
        ("`<stdin>` a|b", True, "`<stdin>` a\\|b"),
        ("`a|b`", True, "`a\\|b`"),  # a pipe ends a table cell even inside code
    ],
)
def test_markdown(text, cell, expected):
    assert markdown(text, cell=cell) == expected


def test_check_says_when_the_page_is_stale(tmp_path, monkeypatch, capsys):
    page = tmp_path / "docs" / "api.md"
    page.parent.mkdir()
    monkeypatch.setattr(api_reference, "ROOT", tmp_path)
    monkeypatch.setattr(api_reference, "PAGE", page)
    monkeypatch.setattr(api_reference, "render", rendered)
    page.write_text("# old\n", encoding="utf-8")
    assert api_reference.main(["--check"]) == 1
    assert "docs/api.md is stale; run: python scripts/api_reference.py" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == "# old\n"
    assert api_reference.main([]) == 0 and page.read_text(encoding="utf-8") == rendered()
    assert api_reference.main(["--check"]) == 0
    assert "docs/api.md is up to date" in capsys.readouterr().out


def test_source_all_follows_an_import_of_all():
    assert api_reference.source_all(SRC / "taikai" / "dask.py") == ast.literal_eval(
        re.search(r"__all__ = (\[.*?\])", (SRC / "taikai/batch/dask.py").read_text(encoding="utf-8"), re.S).group(1)
    )


def test_the_script_is_not_imported_by_the_package():
    assert not any("api_reference" in p.read_text(encoding="utf-8") for p in Path(SRC / "taikai").rglob("*.py"))


@pytest.mark.parametrize(
    ("package", "name", "kind", "signature"),
    [
        ("taikai.text", "Status", "enum", "Status: OK = 'ok', EMPTY = 'empty', ERROR = 'error'"),
        ("taikai.drift", "FOREIGN_BELOW", "constant", "FOREIGN_BELOW = 0.5"),
        ("taikai.model", "model_key", "function", "model_key(model: Model) -> str"),
        (
            "taikai.text",
            "WordTagger",
            "class",
            "WordTagger(form: str = 'base', dicdir: str | None = None, cp932_fold: int = 0)",
        ),
        ("taikai.dask", "MANIFEST", "constant", "MANIFEST = '_taikai.json'"),  # through MANIFEST = PARTS_MANIFEST
    ],
)
def test_a_name_read_from_the_sources(package, name, kind, signature):
    found_kind, found_signature, summary = api_reference.from_source(package, name)
    assert (found_kind, found_signature) == (kind, signature) and summary


def test_a_dataclass_read_from_the_sources_shows_its_fields():
    kind, signature, _ = api_reference.from_source("taikai.batch", "ChunkResult")
    assert kind == "dataclass" and signature.startswith("ChunkResult(rows: int, statuses: dict[str, int], ")


def test_a_shared_name_is_named_only_in_its_package_s_closing_index():
    """The names taikai's packages share are no API: the page gives them no entry, only their names, under a heading
    that says so, at the end of their package's section."""
    by_package = sections(rendered())
    for package in PACKAGES:
        shared = api_reference.shared_names(package)
        body, _, index = by_package[package].partition(f"### {api_reference.SHARED_HEADING}")
        assert index.strip() == (", ".join(f"`{n}`" for n in shared) + "." if shared else ""), package
        assert not [n for n in shared if f"| [`{n}`](#" in body or f'id="{anchor(package, n)}"' in body], package
    assert "`STDIN`" in by_package["taikai.io"].partition("### Shared")[2]
