"""Parse one line of a JSON Lines file: its value, a blank line, or what is wrong with it (a repeated key too)."""

from __future__ import annotations

import json
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from taikai.io._line_problems import LineProblem

BLANK = object()
"""What :func:`parse_line` returns for a line of nothing but spaces (a JSON ``null`` is a value, not a blank)."""

_KINDS = ((bool, "true or false"), (list, "list"), (str, "string"), (int, "number"), (float, "number"))


def json_kind(value: object) -> str:
    """Name the kind of JSON value *value* is (``list``, ``string``, ``number``, ``null``…), as JSON names it."""
    return next((name for kind, name in _KINDS if isinstance(value, kind)), "null")


class RepeatedKey(Exception):
    """A JSON object names a key twice (``json`` would keep the last value silently)."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Return the object of *pairs*; raise :class:`RepeatedKey` when a key is repeated."""
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise RepeatedKey(key)
            seen.add(key)
    return record


def maybe_repeated(line: str, record: dict[str, Any]) -> bool:
    """Say whether the object *record* read from *line* may have lost a repeated key (then it is read again,
    checking each object's keys: slower). Each key of the line is followed by a colon, and other colons are in
    strings: when the line's colons are the record's keys and the colons of its strings, no key was lost, at any
    depth. A lost key takes its colon and those of its value away from the record's count, which then falls short
    of the line's, unless an escaped colon (``\\u003a``, counted in the record's strings but not in the line)
    makes up for it: a line whose counts agree but that holds one, or a value holding an object or list, is
    checked the slow way. Other escapes (``\\u624b``, as pandas and ``json.dumps`` write Japanese) add no colon:
    keys spelled two ways (``te\\u0078t`` and ``text``) are one key lost, which the count sees."""
    colons = line.count(":")
    if colons == len(record):
        return False
    in_strings = "".join(record).count(":")  # the keys: strings
    for value in record.values():
        if type(value) is str:
            in_strings += value.count(":")
        elif isinstance(value, (dict, list)):
            return True
    if colons != len(record) + in_strings:
        return True
    return "\\u003" in line and ("\\u003a" in line or "\\u003A" in line)


def parse_line(text: str) -> Any:
    """Return the JSON value of one line (without its line ending, so an error's column is on this line), or
    :data:`BLANK`, or the error (:class:`json.JSONDecodeError`, :class:`RepeatedKey`). A byte-order mark at the
    line's start, left where files that each began with one were joined (``cat a.jsonl b.jsonl``), is no part
    of it."""
    line = text.rstrip("\r\n").removeprefix("\ufeff")
    if not line.strip():
        return BLANK
    try:
        value = json.loads(line)
        if type(value) is dict and maybe_repeated(line, value):
            value = json.loads(line, object_pairs_hook=_unique_pairs)
        return value
    except (json.JSONDecodeError, RepeatedKey) as exc:
        return exc


def opens_array(line: str) -> bool:
    """Say whether *line*, the first that is not blank, opens a JSON array (``[``, a byte-order mark before it)."""
    return line.lstrip().removeprefix("\ufeff").lstrip().startswith("[")


def json_problem(exc: json.JSONDecodeError) -> str:
    """Return what is wrong with a line that is not JSON, at its column (1-based, in characters)."""
    problem = LineProblem.INVALID_JSON.message(error=exc.msg.removesuffix(" at"), column=exc.colno)
    rest = exc.doc[exc.pos :].strip()
    if not rest:
        problem += ', the end of the line: is a closing }, ] or " missing?'
    elif rest == "," and exc.msg == "Extra data":  # a line of an array's items, or a comma typed after a record
        problem += ", a comma after the object: JSONL puts none between lines; delete it"
    return problem


def inner_keys(record: dict[str, Any], known: dict[str, str]) -> dict[str, str]:
    """Return *known* with the keys of the objects *record* holds, each with the first column holding it, then each
    as a dotted path too (``review.body``, as BigQuery, pandas' ``json_normalize`` and jq name it) with its column."""
    found = {inner: key for key, value in reversed(record.items()) if type(value) is dict for inner in value}
    found.update({f"{key}.{inner}": key for key, value in record.items() if type(value) is dict for inner in value})
    return {**found, **known} if found.keys() - known.keys() else known


def struct_fields(schema: Any) -> dict[str, str]:
    """Return the fields of the struct columns of the Arrow *schema* (a Parquet file's), as :func:`inner_keys`
    returns the keys of a JSONL file's objects: each with the first column holding it, then as a dotted path."""
    import pyarrow as pa

    structs = [f for f in schema if pa.types.is_struct(f.type)]
    found = {inner.name: f.name for f in reversed(structs) for inner in f.type}
    found.update({f"{f.name}.{inner.name}": f.name for f in structs for inner in f.type})
    return found


def is_path(name: str, outer: str) -> bool:
    """Whether *name*, found in the objects of column *outer*, is the dotted path ``outer.key``, not a key."""
    return name.startswith(f"{outer}.")


_JQ_NUMBERS = "with jq 1.7 or later: jq 1.6 rounds numbers past 2**53, such as long ids"
"""jq before 1.7 reads every number as a float: ``9007199254740993`` is written back as ``9007199254740992``."""


def _jq_path(*keys: str) -> str:
    """Return jq's path to *keys* (``.review.text``; a key that is no ASCII name quoted: ``."本文"``)."""
    named = (k if k.isascii() and k.isidentifier() else json.dumps(k, ensure_ascii=False) for k in keys)
    return "".join(f".{k}" for k in named)


def _arrow_lift(path: Path, flat: Path, name: str, outer: str, inner: str) -> str:
    """Return the command that writes the Parquet file *path* to *flat* with the field *inner* of the struct column
    *outer* as a column *name* of its own (pyarrow, which taikai reads Parquet with)."""
    import json

    quoted = [json.dumps(str(s), ensure_ascii=False) for s in (path, name, outer, inner, flat)]
    code = (
        f"import pyarrow.parquet as pq, pyarrow.compute as pc; t = pq.read_table({quoted[0]}); "
        f"pq.write_table(t.append_column({quoted[1]}, pc.struct_field(t[{quoted[2]}], {quoted[3]})), {quoted[4]})"
    )
    return f"python -c {shlex.quote(code)}"


def nested_hint(path: Path, nested: dict[str, str], wanted: Sequence[object], *, parquet: bool = False) -> str:
    """Say which column holds objects with the key of a column *wanted* (``{"review": {"text": …}}``; or its dotted
    path, ``review.text``) and how to lift it to a column of its own, or ``""``: a JSONL file's columns are its
    lines' top-level keys; with *parquet*, a Parquet file's struct column holding the field, and its columns."""
    for name in map(str, wanted):
        if name in nested:
            outer = nested[name]
            inner = name.removeprefix(f"{outer}.") if is_path(name, outer) else name
            flat = path.with_name(f"{path.stem}-flat{path.suffix}")
            dotted = ", not a path into them" if inner != name else ""
            if parquet:
                command = _arrow_lift(path, flat, name, outer, inner)
                return (
                    f"; {outer!r} is a struct column with the field {inner!r}, and the columns are the file's "
                    f"top-level ones{dotted}: copy it to a column of its own first ({command}), or select it as one "
                    "in the export's query, then read that file"
                )
            lift = shlex.quote(f"{_jq_path(name)} = {_jq_path(outer, inner)}")
            return (
                f"; {outer!r} holds objects with the key {inner!r}, and the columns are each line's top-level keys"
                f"{dotted}: copy it up to a key of its own first (jq -c {lift} {shlex.quote(str(path))} > "
                f"{shlex.quote(str(flat))}; {_JQ_NUMBERS}), then read that file"
            )
    return ""
