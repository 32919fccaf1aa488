"""Handles written loosely (taikai.privacy._handles): glued to ID, with a space after the @, after a few words and an
arrow, in kana after ハンドル; never a word, a price, a domain or a steering wheel."""

import pytest

from taikai.privacy import mask_pii
from taikai.privacy._handles import find_loose_handles, find_person_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: each of these handles was left as written.
        ("IDtaro123で登録してと言われた", "ID[ID]で登録してと言われた"),
        ("連絡は@ taroまで", "連絡は[ID]まで"),  # a word of contact before the @
        ("DMは@ taro_88へ", "DMは[ID]へ"),
        ("返事は@ taro_88まで", "返事は[ID]まで"),  # a handle's shape needs no such word
        ("LINE ID教えます→kenta_0812", "LINE ID教えます→[ID]"),
        ("IDはこちら: taro_88", "IDはこちら: [ID]"),
        ("ハンドル：たろうまる", "ハンドル：[ID]"),
        ("ハンドル：ぴよすけ です", "ハンドル：[ID] です"),
        ("ハンドルネームは「ぴよすけ」です", "ハンドルネームは「[ID]」です"),
        ("ハンドルネームはたろうまるでした", "ハンドルネームは[ID]でした"),
        # Left: no handle's shape, a record's ID, a price, a site, a domain, a tool, a steering wheel.
        ("IDsを確認した", "IDsを確認した"),
        ("IDカードを再発行した", "IDカードを再発行した"),
        ("IDaaSを導入した", "IDaaSを導入した"),
        ("案件IDtask_001を見た", "案件IDtask_001を見た"),
        ("Excel @ homeで作業", "Excel @ homeで作業"),
        ("単価@ 500円", "単価@ 500円"),
        ("連絡は@ cosmeで見た", "連絡は@ cosmeで見た"),
        ("会議は10 @ zoom.us でやった", "会議は10 @ zoom.us でやった"),
        ("LINE ID教えます→Slackへ", "LINE ID教えます→Slackへ"),
        ("ハンドルは重い", "ハンドルは重い"),
        ("ハンドル：重い", "ハンドル：重い"),
    ],
)
def test_a_loose_handle_is_masked(text, expected):
    assert mask_pii(text).text == expected


def test_the_finder_gives_spans_of_the_handle_alone():
    text = "IDtaro123、連絡は@ taro、ハンドル:たろうまるです"  # NFKC, as the finders read it
    assert [text[f.start : f.end] for f in find_loose_handles(text)] == ["taro123", "@ taro", "たろうまる"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a person's number at a service after the word that names it (each was left as written).
        ("ID:12345678 で登録した", "ID:[ID] で登録した"),
        ("ID：12345678 で登録した", "ID：[ID] で登録した"),
        ("IDは87654321です", "IDは[ID]です"),
        ("ユーザーID 12345678 で問い合わせた", "ユーザーID [ID] で問い合わせた"),
        ("ユーザーIDは12345678です", "ユーザーIDは[ID]です"),
        ("ワーカーID12345678の者です", "ワーカーID[ID]の者です"),
        ("お客様番号 1234-5678 を伝えた", "お客様番号 [ID] を伝えた"),
        ("個人ID: 00123456", "個人ID: [ID]"),
        ("ログインID 12345678", "ログインID [ID]"),
        ("ランサーズID 12345678 で登録", "ランサーズID [ID] で登録"),
        ("クラウドワークスのID 12345678", "クラウドワークスのID [ID]"),
        ("会員番号 123456 です", "会員番号 [ID] です"),  # found before this rule, kept
        # Left: a record's ID, a count or an amount, ID and a number with no word of a person nor a colon.
        ("案件ID:12345678", "案件ID:12345678"),
        ("作業ID 7654321", "作業ID 7654321"),
        ("ID: 123456 の案件", "ID: 123456 の案件"),
        ("IDは12345678の仕事", "IDは12345678の仕事"),
        ("ID:100人が登録", "ID:100人が登録"),
        ("ユーザーID 8桁", "ユーザーID 8桁"),
        ("IDは3つある", "IDは3つある"),
        ("ID 12345678", "ID 12345678"),
        ("ユーザー数 12345人", "ユーザー数 12345人"),
    ],
)
def test_a_persons_number_is_masked(text, expected):
    assert mask_pii(text).text == expected


def test_the_number_finder_gives_spans_of_the_number_alone():
    text = "ID:12345678、ユーザーID 2345-6789"  # NFKC, as the finders read it
    assert [text[f.start : f.end] for f in find_person_numbers(text)] == ["12345678", "2345-6789"]
