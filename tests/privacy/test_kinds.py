"""The placeholders a text holds, as the report and drift read them to tell masked texts from raw ones."""

from __future__ import annotations

import json

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


@pytest.mark.parametrize(
    ("text", "status"),
    [  # as the README says (h365): masking never changes a row's status, so a name's or an address's placeholder,
        # which stands for Japanese text, is read as it was; the others are no Japanese, as their values were not
        ("[人名]", "ok"),
        ("[住所]", "ok"),
        ("[人名] [メール]", "ok"),
        ("[メール] [電話番号]", "error"),
        ("[URL]", "error"),
    ],
)
def test_a_text_of_placeholders_only_is_judged_alike_by_predict_explain_and_the_api(
    tiny_model, tiny_model_dir, text, status
):
    from click.testing import CliRunner

    from taikai.analysis import explain
    from taikai.cli import cli

    assert tiny_model.classify([text]).statuses[0].value == status
    assert tiny_model.predict([text])[0].status.value == status
    assert explain(tiny_model, text).status.value == status
    result = CliRunner().invoke(cli, ["predict", text, "-m", str(tiny_model_dir), "--format", "jsonl"])
    assert json.loads(result.stdout)["status"] == status
    assert result.exit_code == (0 if status == "ok" else 2)
