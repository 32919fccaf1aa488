"""Latin names the tagger's words miss: handles ending in digits before an honorific, names after Mr., Ms., Dr."""

import pytest

from taikai.privacy import PiiKind, mask_pii
from taikai.privacy._latin_names import find_latin_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sakura0123さんから", "[人名]さんから"),
        ("taro88さんに", "[人名]さんに"),
        ("hana_0123様の案件", "[人名]様の案件"),
        ("yamada.t88 さん", "[人名] さん"),
        ("abc-design01先生", "[人名]先生"),
        # no handle: a product, an acronym, one letter, digits alone, an address or a handle already found
        ("GPT4さん", "GPT4さん"),
        ("PS5さん", "PS5さん"),
        ("iPhone15さん", "iPhone15さん"),
        ("Windows11さま", "Windows11さま"),
        ("A1さん", "A1さん"),
        ("3さん", "3さん"),
        ("@taro88さん", "[ID]さん"),
        ("user@mail88さん", "user@mail88さん"),
    ],
)
def test_a_handle_ending_in_digits_before_an_honorific_is_a_name(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("クライアントのMr. Tanakaが怒った", "クライアントのMr. [人名]が怒った"),
        ("Ms Satoから連絡", "Ms [人名]から連絡"),
        ("Dr. John Smithに相談", "Dr. [人名]に相談"),
        ("Mrs. Mary-Jane Watsonの依頼", "Mrs. [人名]の依頼"),
        ("Prof. Suzukiの講義", "Prof. [人名]の講義"),
        ("Mr. Smithさんと", "Mr. [人名]さんと"),
        # a word glued to the title or in capitals is a brand's more often (the band, doughnuts, cosmetics)
        ("Mr.Childrenを聞く", "Mr.Childrenを聞く"),
        ("Mr.Donutでバイト", "Mr.Donutでバイト"),
        ("Dr. PASSPORTを使う", "Dr. PASSPORTを使う"),
        ("Mr. Googleに聞く", "Mr. Googleに聞く"),  # on the stop list
        ("Mr. 田中さん", "Mr. [人名]さん"),
        ("Drの資格", "Drの資格"),
        # a text of English alone stays one the model refuses: [人名] would be Japanese to it
        ("Call Mr. Tanaka", "Call Mr. Tanaka"),
    ],
)
def test_a_name_after_an_english_title_is_masked(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("クライアントのTanaka-sanが怒った", "クライアントの[人名]-sanが怒った"),
        ("Tanaka sanに連絡した", "[人名] sanに連絡した"),
        ("Taro Yamada-sanの案件", "[人名]-sanの案件"),
        ("yamada-samaから依頼がきた", "[人名]-samaから依頼がきた"),
        ("Ken-kunとSakura-chanに相談", "[人名]-kunと[人名]-chanに相談"),
        ("Mr. Tanaka-sanが怒った件", "Mr. [人名]-sanが怒った件"),
        # Regression: a lower-case name before a space and the honorific was left (yamada sanから)
        ("yamada sanから連絡", "[人名] sanから連絡"),
        ("担当のtanaka kunが辞めた", "担当の[人名] kunが辞めた"),
        ("thanks sanと書いてあった", "thanks sanと書いてあった"),  # an English word
        ("my sensei に聞いた", "my sensei に聞いた"),  # not before sensei or senpai after a space
        ("lancers sanの手数料", "lancers sanの手数料"),  # the stop list
        # products, services and acronyms with an honorific are no one (the stop list, as before a kana honorific)
        ("Google-senseiに聞いた", "Google-senseiに聞いた"),
        ("Lancers-sanの手数料が高い", "Lancers-sanの手数料が高い"),
        ("GPT-sanに聞いてみた", "GPT-sanに聞いてみた"),
        # -shi is a city more often than 氏; an honorific must end its word; a short lower-case prefix is no name
        ("Chiba-shiに住んでいる", "Chiba-shiに住んでいる"),
        ("Tanaka-sandの件", "Tanaka-sandの件"),
        ("Tanaka-Sanの件", "Tanaka-Sanの件"),
        ("co-sanの件", "co-sanの件"),
        # a text of English alone stays one the model refuses
        ("Call Tanaka-san now", "Call Tanaka-san now"),
    ],
)
def test_a_name_before_an_honorific_in_romaji_is_masked(text, expected):
    assert mask_pii(text).text == expected


def test_the_finder_returns_spans_of_the_name_only():
    text = "担当はMr. John Smithとsakura0123さん"
    found = list(find_latin_names(text))
    assert [(f.kind, text[f.start : f.end]) for f in found] == [
        (PiiKind.NAME, "sakura0123"),
        (PiiKind.NAME, "John Smith"),
    ]
