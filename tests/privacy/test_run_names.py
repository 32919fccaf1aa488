"""A name found anywhere in a run is masked everywhere in it (taikai.privacy._run_names)."""

from __future__ import annotations

import pandas as pd
import pytest

from taikai.privacy import PiiMasker, RunNames, default_masker, mask_pii, mask_text_column

FOUND = "担当の小林さんが最悪だった"


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        # a name found in one text, bare in another
        ([FOUND, "小林の対応が遅い"], "[人名]の対応が遅い"),
        (["鈴木さんが担当", "鈴木の対応"], "[人名]の対応"),
        (["松本さんにお世話になった", "松本の件で揉めた"], "[人名]の件で揉めた"),  # UniDic: a place
        (["千葉さんと組んだ", "千葉で働いた"], "[人名]で働いた"),
        (["山田太郎さんが担当", "山田がいた。太郎もいた"], "[人名]がいた。[人名]もいた"),  # its surname, its given name
        (["田中さんが担当", "田中らが辞めた"], "[人名]らが辞めた"),  # a suffix of people
        (["Tanakaさんが担当", "Tanaka said no"], "[人名] said no"),
        # and the surnames listed with it there
        (["田中さんが担当", "田中・鈴木・小林の3名"], "[人名]・[人名]・[人名]の3名"),
        # not inside another word, nor where it reads as a common word
        (["松本さんにお世話になった", "松本市に住んでいる"], "松本市に住んでいる"),
        (["千葉さんと組んだ", "千葉県の案件"], "千葉県の案件"),
        (["小林さんが担当", "小林製薬の案件"], "小林製薬の案件"),
        (["松本さんにお世話になった", "新松本駅で"], "新松本駅で"),
        (["ももさんが担当", "ももが好き"], "ももが好き"),
        (["Tanakaさんが担当", "tanaka_88 に連絡"], "tanaka_88 に連絡"),
        (["Tanakaさんが担当", "mail: Tanaka@example.com"], "mail: [メール]"),
    ],
)
def test_a_name_found_in_one_text_is_masked_bare_in_another(run, expected):
    masked, _ = default_masker().mask_values(run, run=True)
    assert masked[-1] == expected
    assert masked[0] == mask_pii(run[0]).text  # the text that says it is a person masks as alone


@pytest.mark.parametrize("text", ["小林の対応が遅い", "松本の件で揉めた", "田中・鈴木・小林の3名"])
def test_alone_a_text_keeps_a_name_nothing_around_it_says_is_one(text):
    assert mask_pii(text).text == text
    assert default_masker().mask_values([text], run=True)[0] == [text]


@pytest.mark.parametrize(
    ("texts", "names"),
    [
        ([FOUND, "小林の件"], {"小林"}),
        (["山田太郎さんが担当"], {"山田太郎", "山田", "太郎"}),
        (["Taro Yamadaさん"], {"Taro Yamada", "Taro", "Yamada"}),
        (["愛さんが担当"], set()),  # one character: a common word too
        (["手数料が高い", None, 3, {"k": "鈴木さん"}], {"鈴木"}),
    ],
)
def test_run_names_are_the_names_masking_finds_as_persons(texts, names):
    assert default_masker().run_names(texts).names == names


def test_a_run_masks_the_same_whatever_the_order_of_its_texts():
    run = [FOUND, "小林の対応が遅い", "松本さんと", "松本の件で"]
    forward = default_masker().mask_values(run, run=True)[0]
    backward = default_masker().mask_values(run[::-1], run=True)[0]
    assert forward == backward[::-1]


def test_a_masker_knowing_names_masks_them_and_pickles_with_them():
    import pickle

    masker = pickle.loads(pickle.dumps(default_masker().knowing(RunNames(["小林"]))))
    assert masker.mask("小林の件").text == "[人名]の件"
    assert PiiMasker().mask("小林の件").text == "小林の件"


def test_mask_text_column_masks_its_column_as_one_run():
    df = pd.DataFrame({"text": [FOUND, "小林の対応が遅い", None]})
    out, counts = mask_text_column(df, "text")
    assert out["text"].tolist()[:2] == ["担当の[人名]さんが最悪だった", "[人名]の対応が遅い"]
    assert [sum(c.values()) for c in counts] == [1, 1, 0]
    # a part of a larger run: the masker given knows its names
    part, _ = mask_text_column(df.iloc[1:], "text", default_masker().knowing(RunNames(())))
    assert part["text"].tolist()[0] == "小林の対応が遅い"
