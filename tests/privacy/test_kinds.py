"""The placeholders a text holds, as the report and drift read them to tell masked texts from raw ones."""

from __future__ import annotations

import pytest

from taikai.privacy import PiiKind, placeholder_kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("[人名]さんから[電話番号]に電話があった", [PiiKind.PHONE, PiiKind.NAME]),  # in PLACEHOLDERS' order
        ("詳しくは[URL]で", [PiiKind.URL]),
        ("[メール]と[メール]", [PiiKind.EMAIL]),
        ("手数料が[高い]", []),  # brackets, no placeholder
        ("[人名", []),
        ("[url]", []),  # as masking writes it: not lower-cased
        ("手数料が高い", []),
        (None, []),
        (3.5, []),
    ],
)
def test_placeholder_kinds(text, kinds):
    assert placeholder_kinds(text) == kinds
