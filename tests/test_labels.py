"""The taxonomy and label parsing."""

import pytest

from taikai.labels import REASON_IDS, REASONS, SENTIMENTS, display_order, format_reasons, parse_reasons, reason_name


def test_taxonomy_is_complete():
    assert REASON_IDS == ("low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "other")
    assert SENTIMENTS == ("positive", "neutral", "negative")
    assert all(r.name_ja and r.meaning for r in REASONS)


@pytest.mark.parametrize(
    ("cell", "labels"),
    [
        ("fees", ["fees"]),
        ("fees|low_pay", ["fees", "low_pay"]),
        (" trouble | other ", ["trouble", "other"]),
        ("time|time", ["time"]),
        ("", []),
        ("||", []),
    ],
)
def test_parse_reasons(cell, labels):
    assert parse_reasons(cell) == labels


@pytest.mark.parametrize(
    ("label", "name"),
    [("low_pay", "報酬・単価が低い"), ("graduated", "直接契約・独立"), ("sports", "sports")],
)
def test_reason_name_falls_back_to_id(label, name):
    assert reason_name(label) == name


def test_format_reasons_round_trips():
    assert parse_reasons(format_reasons(["fees", "low_pay"])) == ["fees", "low_pay"]


@pytest.mark.parametrize(
    ("labels", "preferred", "expected"),
    [
        (["other", "fees", "low_pay"], ("low_pay", "fees", "other"), ["low_pay", "fees", "other"]),
        (["tech", "fees", "sports", "fees"], ("low_pay", "fees"), ["fees", "sports", "tech"]),
        ([], ("a",), []),
    ],
)
def test_display_order(labels, preferred, expected):
    assert display_order(labels, preferred) == expected
