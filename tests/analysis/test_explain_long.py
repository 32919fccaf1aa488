"""A text longer than the model reads: explained from the start the model classified, not normalised whole again."""

import json

import pytest
from click.testing import CliRunner

from taikai.analysis import _explain_features, explain
from taikai.cli import cli
from taikai.text import normalize_with_offsets

CUT = "text longer than 10000 characters: only the first 10000 were classified"


def _api(model_dir, model, text):
    return explain(model, text, top=3).message


def _cli(model_dir, model, text):
    result = CliRunner().invoke(cli, ["explain", "--model", str(model_dir), "--format", "json", "-"], input=text)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)[0]["message"]  # lines read: a list


@pytest.mark.parametrize("call", [_api, _cli], ids=["explain", "cli"])
@pytest.mark.parametrize("text", ["手数料が高すぎる。" * 20_000, "手数料が高い" * 200_000], ids=["180k", "1.2M"])
def test_a_long_text_is_normalised_again_only_to_about_what_the_model_read(
    tiny_model_dir, tiny_model, monkeypatch, call, text
):
    seen: list[int] = []

    def recording(original):
        seen.append(len(original))
        return normalize_with_offsets(original)

    monkeypatch.setattr(_explain_features, "normalize_with_offsets", recording)
    assert call(tiny_model_dir, tiny_model, text) == CUT  # the output says the text was cut
    assert seen and max(seen) <= 5 * tiny_model.max_chars, seen  # a prefix at most about four times as long


BOUNDARY = 10_000  # the model's max_chars
# texts cut by the model, with what normalisation changes (spaces, URLs, half-width kana, runs, references,
# placeholders, invisible characters) about where they are cut, and starts that normalise to few characters (a
# prefix twice as long, and longer, is tried before the whole)
LONG_CASES = [
    "手数料が高すぎる。" * 1_200,
    "手数料が高い" * 1_666 + "　　　" + "時間がない" * 100,
    "時間" * 4_995 + " https://example.com/fee?x=" + "1" * 100 + " 手数料が高い" * 100,
    "手数料" * 3_333 + "ｶﾞｯｶﾘ" * 50,
    "手数料が高い" + "ー" * 20_000 + "報酬が安い" * 3_000,
    "手数料が高い" + " " * 50_000 + "報酬が安い" * 3_000,
    "報酬が安い" * 1_999 + "&#25163;&#25968;&#26009;" * 10,
    "手数料が高い。" * (BOUNDARY // 7) + "[電話番号]" + "時間がない" * 10,  # cut inside the placeholder
    "手数料\u200b" * 4_000 + "時間がない" * 10,
]


@pytest.mark.parametrize("text", LONG_CASES, ids=range(len(LONG_CASES)))
def test_a_long_text_is_explained_as_when_it_was_normalised_whole(tiny_model, monkeypatch, text):
    explanation = explain(tiny_model, text, top=20)
    assert explanation.message == CUT and explanation.text == text
    monkeypatch.setattr(_explain_features, "cut_offsets", lambda original, normalized: normalize_with_offsets(original))
    assert explanation.to_dict() == explain(tiny_model, text, top=20).to_dict()
