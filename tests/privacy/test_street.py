"""Street addresses ([住所]): the town, its block and house numbers and the building after them; numbers that are no
address stay."""

import time

import pytest

from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS, PiiMasker, mask_pii
from taikai.text import check_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The prefecture and the city stay; the town, its numbers and the building and room after them go.
        ("東京都渋谷区神南1-2-3に住んでいます", "東京都渋谷区[住所]に住んでいます"),
        ("大阪市北区梅田2丁目4番9号のマンション", "大阪市北区[住所]のマンション"),
        ("札幌市中央区北3条西4丁目1-1", "札幌市中央区[住所]"),
        ("博多駅前3-4-5 ABCビル2F", "[住所]"),
        ("住所は1丁目2-3 ○○ハイツ201号室です", "住所は[住所]です"),
        ("渋谷区神南1-2-3-201号室へ", "渋谷区[住所]へ"),
        ("渋谷区道玄坂1丁目2番3号 道玄坂ビル5階", "渋谷区[住所]"),
        ("港区六本木7-14-23 セントラムビル B1F", "港区[住所]"),
        # Any hyphen, full-width digits, kanji numerals, 番地, a space after a ward.
        ("東京都渋谷区神南１－２－３", "東京都渋谷区[住所]"),
        ("渋谷区神南1‐2‐3", "渋谷区[住所]"),
        ("渋谷区神南1―2―3", "渋谷区[住所]"),
        ("渋谷区神南1ー2ー3", "渋谷区[住所]"),
        ("渋谷区神南1−2−3", "渋谷区[住所]"),
        ("神南一丁目二番三号に届けた", "[住所]に届けた"),
        ("長野県軽井沢町大字軽井沢1323番地", "長野県[住所]"),
        ("世田谷区北沢 3-3-10 の事務所", "世田谷区[住所] の事務所"),
        # Two numbers: after a ward, a town in 町, a building, or a word of where one lives.
        ("千代田区一番町10-2", "千代田区[住所]"),
        ("宇田川町15-1の店", "[住所]の店"),
        ("新宿区神楽坂4-7", "新宿区[住所]"),
        ("実家は天神2-10です", "実家は[住所]です"),
        ("北海道余市郡余市町黒川町1-2", "北海道余市郡[住所]"),
        # Three numbers: a town UniDic knows as a place is enough.
        ("梅田1-2-3に来てと言われた", "[住所]に来てと言われた"),
        ("自由が丘1-2-3", "[住所]"),
        ("千代田区丸の内3-1-1へ", "千代田区[住所]へ"),
        # A town written as marks, after a ward.
        ("東京都渋谷区○○5-7 ABCビルディング", "東京都渋谷区[住所]"),
    ],
)
def test_a_street_address_is_masked_from_its_town_on(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "手数料20%で1件500円、3-5万円の案件",  # prices, fees, ranges of money
        "納期は2023-4-1で、10-12時に連絡",  # dates and times
        "星4-5の評価をもらった",
        "評価4-5でした",
        "1-2週間で3-4件こなした",
        "第2-3話を書いた",
        "東京で3-4件受注",  # a place, then a count
        "東京都内3-4件",  # a unit after numbers that follow a place
        "渋谷区内1-2時間",
        "住所変更1-2週間",
        "住所は非公開、電話は渋谷03-123-456",  # starting with 0: a phone's (a digit short) or a code's, no address
        "大阪市1-2月の案件",
        "東京3-4GB",
        "新宿2丁目で飲んだ",  # a town and its 丁目 name an area, not a home
        "政策の一丁目一番地",  # an idiom
        "ガンバ大阪2-1で勝った",  # a score after a place: two numbers and nothing else that tells an address
        "日本対チェコ 3-4-3の布陣",
        "東京2023-4-1に開催",  # a date after a place
        "東京 03-1234-5678",  # a phone (its own kind), not an address
        "区間1-2",
        "渋谷区の3-4",
        "iOS17-1-2で動いた",
        "1-2-3-4-5-6-7",
        "2-3番目に良い",
        "国道1-2号線",
        "2番3号機",
        "一番安い",
        "Ver1-2-3",
        "神南1-2",  # two numbers after a place name alone: not enough
    ],
)
def test_numbers_that_are_no_address_stay(text):
    assert "[住所]" not in mask_pii(text).text


def test_a_phone_after_a_place_stays_a_phone():
    assert mask_pii("渋谷03-1234-5678").text == "渋谷[電話番号]"
    assert mask_pii("〒150-0041 東京都渋谷区神南1-2-3").text == "[郵便番号] 東京都渋谷区[住所]"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("渋谷区神南１－２－３です", "神南１－２－３"),
        ("ｼﾌﾞﾔ区神南1-2-3", "神南1-2-3"),
        ("博多駅前３－４－５ ＡＢＣビル２Ｆ", "博多駅前３－４－５ ＡＢＣビル２Ｆ"),
        ("梅田２丁目４番９号", "梅田２丁目４番９号"),
    ],
)
def test_the_span_is_the_address_as_written(text, value):
    spans = mask_pii(text).spans
    assert [(s.kind.value, text[s.start : s.end]) for s in spans] == [("address", value)]


@pytest.mark.parametrize(
    ("text", "with_tagger", "without"),
    [
        ("梅田1-2-3", "[住所]", "梅田1-2-3"),  # a place by name alone needs UniDic
        ("渋谷区神南1-2-3", "渋谷区[住所]", "渋谷区[住所]"),  # a ward needs no tagger
    ],
)
def test_a_masker_without_names_finds_addresses_by_their_words(text, with_tagger, without):
    assert PiiMasker().mask(text).text == with_tagger
    assert PiiMasker(names=False).mask(text).text == without


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("神南1-2-3", "[住所]"),  # Japanese only in the address: [住所] counts as Japanese, as [人名] does
        ("梅田2丁目4番9号", "[住所]"),
        ("渋谷区神南1-2-3", "渋谷区[住所]"),
        ("〒150-0041 ○○1-2-3", "[郵便番号] ○○1-2-3"),  # no Japanese: a town of marks is none without a city
    ],
)
def test_masking_an_address_never_changes_whether_a_text_can_be_classified(text, masked):
    assert mask_pii(text).text == masked
    assert check_text(masked, ignore=NOT_JAPANESE_PLACEHOLDERS).status is check_text(text).status


@pytest.mark.parametrize(
    "text",
    [
        "1-" * 5000,
        "1234567890" * 1000,
        "1ー2−3‐" * 2500,
        "神南" + "1-" * 5000,
        "一二三-" * 2500,
        "神南1丁目" * 2000,
        "渋谷区神南1-2-3" + " ABC" * 2500,
    ],
    ids=["hyphens", "digits", "mixed-hyphens", "town-and-hyphens", "kanji", "units", "no-building"],
)
def test_a_long_run_of_digits_and_hyphens_is_read_in_linear_time(text):
    from taikai.privacy._street import find_street_addresses

    start = time.perf_counter()
    list(find_street_addresses(text))
    assert time.perf_counter() - start < 2.0  # linear: a few milliseconds; backtracking would take minutes
