"""How the commands that describe a model (``train``'s summary, ``info``) print its figures: words, not dicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from taikai.labels import METRIC_NAMES


def count(value: object) -> str:
    """Return a count as every command prints one, with thousands separators (``8,536``); else as it is."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def describe_figures(figures: Mapping[str, object]) -> str:
    """Return the float figures of *figures* as ``reason macro-F1 0.913 · reason accuracy 0.905 · …``.

    Keys without a name in :data:`METRIC_NAMES` are shown as they are; counts and other non-floats are left out.
    """
    shown = [f"{METRIC_NAMES.get(key, key)} {value:.3f}" for key, value in figures.items() if isinstance(value, float)]
    return " · ".join(shown) or "-"


def describe_thresholds(thresholds: Mapping[str, float], order: Sequence[str]) -> str:
    """Return each reason's threshold in *order* (the model's reasons), as ``low_pay 0.10, fees 0.10, …``."""
    return ", ".join(f"{reason} {thresholds[reason]:.2f}" for reason in order if reason in thresholds) or "-"


def describe_dictionary(dictionary: Mapping[str, object]) -> str:
    """Return the tokenizer dictionary a model records, as ``unidic-lite 1.0.8 (sys.dic 187,680,870 bytes)``."""
    size = dictionary.get("sys_dic_bytes")
    name = f"{dictionary.get('name', '?')} {dictionary.get('version', '?')}"
    return f"{name} (sys.dic {size:,} bytes)" if isinstance(size, int) else name
