"""The Arrow schema of a Parquet or xlsx output: each input column's type, read from the whole input.

A column whose values are of one type keeps it (ints and floats make floats, nulls are allowed); a column of
mixed types, or of JSON objects or lists, is written as text (objects and lists as their JSON). The rule is applied
to the whole input, so that the output's types do not depend on how the input is cut into chunks (``--chunk-size``)
or shared among processes (``--jobs``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from taikai.io._records import first_rows

if TYPE_CHECKING:
    import pyarrow as pa

    from taikai.io._records import Reader

SCAN_ROWS = 10_000
"""Rows read at a time when the input is scanned for its column types (fixed, so no option changes the types)."""

_JSON_KINDS = {dict, list, tuple}
"""Types of JSON objects and arrays: a column holding any is written as their JSON text (see :func:`values_type`)."""

UNTYPED_FORMATS = ("csv", "tsv")
"""Input formats whose values are all text: their columns need no scan."""


def values_type(values: list[Any]) -> pa.DataType | None:
    """Return the Arrow type of *values*, or ``None`` if they mix types (ints and floats make floats).

    Arrow would make ``[1.5, True]`` floats and a date and a datetime dates, as the first value says; such a mix
    is text here, so that no value is changed and the order of the values does not matter. Objects and lists
    (JSONL) are text too, written as the JSON they were, as in CSV output: Arrow would make ``{"a": 1}`` and ``{}``
    structs with the keys of all rows, invented for the rows that lack them.
    """
    import pyarrow as pa

    kinds = set(map(type, values)) - {type(None)}
    if (len(kinds) > 1 and not kinds <= {int, float}) or kinds & _JSON_KINDS:
        return None
    try:
        kind: pa.DataType = pa.array(values).type
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):  # OverflowError: an int beyond 64 bits
        return None
    return kind


def merge_types(a: pa.DataType | None, b: pa.DataType | None) -> pa.DataType | None:
    """Return the type that holds values of types *a* and *b* as :func:`values_type` of both would, or ``None``."""
    import pyarrow as pa

    if a is None or b is None:
        return None
    if a == b:
        return a
    try:
        both = pa.unify_schemas([pa.schema([("v", a)]), pa.schema([("v", b)])], promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError, NotImplementedError):
        return None
    merged: pa.DataType = both.field("v").type
    return merged


def column_kinds(width: int, chunks: Iterable[list[list[Any]]]) -> list[pa.DataType | None]:
    """Return the type of each of *width* columns holding the values of all *chunks* (the null type when they
    hold none but nulls, ``None`` when they mix types); merge those of several inputs with :func:`merge_types`."""
    import pyarrow as pa

    kinds: list[pa.DataType | None] = [pa.null()] * width
    for data in chunks:
        kinds = [merge_types(kind, values_type(values)) for kind, values in zip(kinds, data, strict=True)]
    return kinds


def kinds_schema(
    names: list[str], kinds: list[pa.DataType | None], added: dict[str, pa.DataType]
) -> tuple[pa.Schema, frozenset[str]]:
    """Return the schema of columns *names* of :func:`column_kinds` *kinds*, then the *added* columns, and the
    columns to write as text because their values mix types (all-null columns are text too)."""
    import pyarrow as pa

    fields = [
        pa.field(name, pa.string() if kind is None or pa.types.is_null(kind) else kind)
        for name, kind in zip(names, kinds, strict=True)
    ]
    fields += [pa.field(name, kind) for name, kind in added.items()]
    return pa.schema(fields), frozenset(name for name, kind in zip(names, kinds, strict=True) if kind is None)


def chunks_schema(
    names: list[str], chunks: Iterable[list[list[Any]]], added: dict[str, pa.DataType]
) -> tuple[pa.Schema, frozenset[str]]:
    """Return the schema of columns *names* holding the values of all *chunks*, then the *added* columns, and
    the columns to write as text because their values mix types."""
    return kinds_schema(names, column_kinds(len(names), chunks), added)


def infer_schema(
    names: list[str], data: list[list[Any]], given: pa.Schema | None, added: dict[str, pa.DataType]
) -> tuple[pa.Schema, frozenset[str]]:
    """Return the output Arrow schema of one chunk's columns (or *given*'s) and the columns to write as text."""
    import pyarrow as pa

    if given is not None:  # its metadata kept: the pandas types a Parquet output names (with_pandas_types)
        fields = [*given, *(pa.field(name, kind) for name, kind in added.items())]
        return pa.schema(fields, metadata=given.metadata), frozenset()
    return chunks_schema(names, [data], added)


def input_schema(
    reader: Reader, fmt: str, added: dict[str, pa.DataType], limit: int | None = None
) -> tuple[pa.Schema, frozenset[str]]:
    """Return the output schema for all of *reader*'s input in format *fmt* (its first *limit* rows: a batch run's
    ``--limit``), and the columns to write as text.

    Parquet input has its schema; CSV and TSV hold text; JSONL and xlsx input are read once for their types.
    """
    if reader.schema is not None:
        return infer_schema(reader.columns, [], reader.schema, added)
    if fmt in UNTYPED_FORMATS:
        return chunks_schema(reader.columns, [], added)
    return chunks_schema(reader.columns, (chunk.data for chunk in first_rows(reader, SCAN_ROWS, limit)), added)


def numbers_as_text(schema: pa.Schema, name: str) -> pa.Schema:
    """Return *schema* with column *name* of the type its values have once masked: masking writes a number as its
    masked text (``123456789018``, a My Number, is ``[個人番号]``), so a masked text column of numbers holds text,
    and so does a number inside a struct, list or map; a column of bytes of a fixed size holds bytes of any size
    (``[人名]さん`` is longer than ``田中さん``); and it masks a dict's keys, so a struct's field names are
    masked as its cells' keys are (``taro@example.com`` is ``[メール]``), else the masked cells would be written
    under the unmasked names with their values lost."""
    index = schema.get_field_index(name)
    field = schema.field(index)
    kind = _masked_type(field.type)
    return schema if kind == field.type else schema.set(index, field.with_type(kind))


def _masked_type(kind: pa.DataType) -> pa.DataType:
    """Return the Arrow type of values of *kind* once masked (see :func:`numbers_as_text`)."""
    import pyarrow as pa

    from taikai.privacy import default_masker

    if pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_decimal(kind):
        return pa.string()
    if pa.types.is_fixed_size_binary(kind):
        return pa.binary()  # bytes read as the text they hold (binary(21): 田中さん辞めた), masked to another length
    if pa.types.is_struct(kind):
        fields = [kind.field(i) for i in range(kind.num_fields)]
        [keys] = default_masker().mask_values([{f.name: None for f in fields}])[0]  # numbered as the cells' keys
        names = [str(key) for key in keys]  # type: ignore[attr-defined]  # a dict: mask_values keeps its shape
        return pa.struct([f.with_name(n).with_type(_masked_type(f.type)) for f, n in zip(fields, names, strict=True)])
    if pa.types.is_map(kind):
        return pa.map_(_masked_type(kind.key_type), _masked_type(kind.item_type))
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind):
        return pa.list_(_masked_type(kind.value_type))  # a masked list cell is a list: its length is unchanged
    return kind
