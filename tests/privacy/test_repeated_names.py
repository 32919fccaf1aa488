"""A name masked once is masked where the same text writes it again (taikai.privacy._repeated_names)."""

import pytest

from taikai.privacy import PiiKind, mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the second 小林, before の, was left: 小林 is also a place, and the placeholder's value stood beside it
        ("担当は小林さん。小林の対応が最悪", "担当は[人名]さん。[人名]の対応が最悪"),
        ("松本さんに依頼された案件。松本の指示は毎回変わる", "[人名]さんに依頼された案件。[人名]の指示は毎回変わる"),
        ("松本の指示がひどい。松本さんとは二度と組まない", "[人名]の指示がひどい。[人名]さんとは二度と組まない"),
        ("森さんと揉めた。森の言い分はおかしい", "[人名]さんと揉めた。[人名]の言い分はおかしい"),
        ("西さんの案件は最悪。西から連絡が来ても無視", "[人名]さんの案件は最悪。[人名]から連絡が来ても無視"),
        ("たかぴーさんに騙された。たかぴーには気をつけて", "[人名]さんに騙された。[人名]には気をつけて"),
        ("tanakaさんからDMが来た。Tanakaは業者だと思う", "[人名]さんからDMが来た。[人名]は業者だと思う"),
        ("ＴＡＮＡＫＡさんから連絡。ｔａｎａｋａは業者", "[人名]さんから連絡。[人名]は業者"),
        ("田中太郎さんの案件。田中太郎は最悪。田中太郎さん", "[人名]さんの案件。[人名]は最悪。[人名]さん"),
        # written inside another word, or glued to a handle's or an address's marks, it is not the name
        ("西さんの案件は最悪、西日本の人は関西弁で話す", "[人名]さんの案件は最悪、西日本の人は関西弁で話す"),
        ("tanakaさんに tanaka@example.com へ送ってと言われた", "[人名]さんに [メール] へ送ってと言われた"),
        ("tanakaさんの作品は tanakas.jp にある", "[人名]さんの作品は tanakas.jp にある"),
        # a word no name was found for stays, however often it is written
        ("松本の指示がひどい。松本の人は優しい", "松本の指示がひどい。松本の人は優しい"),
    ],
)
def test_a_name_found_once_is_masked_where_the_text_writes_it_again(text, expected):
    masked = mask_pii(text)
    assert masked.text == expected
    assert masked.counts().get(PiiKind.NAME, 0) == expected.count("[人名]")
    for span in masked.spans:  # every span indexes the original text and the masked one
        assert masked.text[span.masked_start : span.masked_end] == span.kind.placeholder


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a surname listed with a name found, joined by 、, /, と, is a name too (each was left).
        ("高橋、佐藤、渡辺の3人に振り回された", "[人名]、[人名]、[人名]の3人に振り回された"),
        ("担当: 高橋/佐藤", "担当: [人名]/[人名]"),
        ("鈴木さん、中村、佐藤の順", "[人名]さん、[人名]、[人名]の順"),
        ("田中さんと鈴木が対応した", "[人名]さんと[人名]が対応した"),  # 鈴木が was a name already, and stays
        # Left: a place the tagger reads, a company, a list with no name found.
        ("田中と松本に行った", "[人名]と松本に行った"),
        ("田中さんと鈴木商事の件", "[人名]さんと鈴木商事の件"),
        ("松本、福岡、広島を回った", "松本、福岡、広島を回った"),
    ],
)
def test_a_surname_listed_with_a_name_is_a_name(text, expected):
    assert mask_pii(text).text == expected
