"""Common given names UniDic does not read as names, and pets and things with お that are no person."""

import pytest

from taikai.privacy import mask_pii
from taikai.privacy._given_names import GIVEN_NAMES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression (h369): a listed given name before an honorific that UniDic reads as a common noun or apart
        # (愛, 紬, 澪; 結月: 結 + 月) was left.
        ("愛さんに教えてもらった", "[人名]さんに教えてもらった"),
        ("紬ちゃんのお迎えがある", "[人名]ちゃんのお迎えがある"),
        ("結月さん、ありがとう", "[人名]さん、ありがとう"),
        ("先日澪ちゃんと話した", "先日[人名]ちゃんと話した"),
        ("颯真くんが熱を出した", "[人名]くんが熱を出した"),
        ("心愛様から連絡が来た", "[人名]様から連絡が来た"),
        ("同僚の湊君に頼んだ", "同僚の[人名]君に頼んだ"),
        ("ひまりちゃんの送り迎え", "[人名]ちゃんの送り迎え"),
        # ... and alone after a word of kin or a role and の, before a particle, a mark or the end.
        ("娘の陽葵が熱を出した", "娘の[人名]が熱を出した"),
        ("息子の蓮は保育園に通う", "息子の[人名]は保育園に通う"),
        ("長女の紬、次男の颯", "長女の[人名]、次男の[人名]"),
        ("娘の凛と公園に行った", "娘の[人名]と公園に行った"),
        ("担当の颯から連絡が来た", "担当の[人名]から連絡が来た"),
        # Left: inside a word, after a prefix or a noun, a verb, a possession, an adverb, no kin before の.
        ("恋愛さんという占いサイト", "恋愛さんという占いサイト"),
        ("最愛ちゃんと呼ばれるキャラ", "最愛ちゃんと呼ばれるキャラ"),
        ("息子の結婚式で休んだ", "息子の結婚式で休んだ"),
        ("息子の陸上部の送迎", "息子の陸上部の送迎"),
        ("娘の愛が重いと言われた", "娘の愛が重いと言われた"),
        ("娘の詩が賞を取った", "娘の詩が賞を取った"),
        ("娘の凛とした態度", "娘の凛とした態度"),
        ("私の蓮が咲いた", "私の蓮が咲いた"),
        ("花ちゃんに水をやる", "花ちゃんに水をやる"),
    ],
)
def test_a_common_given_name_before_an_honorific_or_after_kin(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression (h369): a pet's name after a word of a pet and の, or after 愛犬, was masked as a person's.
        ("猫のタマちゃんが病気で", "猫のタマちゃんが病気で"),
        ("犬のハナちゃんの散歩", "犬のハナちゃんの散歩"),
        ("愛犬の蓮くんが亡くなった", "愛犬の蓮くんが亡くなった"),
        ("うちの猫のミーちゃんが邪魔をする", "うちの猫のミーちゃんが邪魔をする"),
        ("ペットの陽葵ちゃんの世話", "ペットの陽葵ちゃんの世話"),
        # ... and a thing with お that UniDic tags as a given name.
        ("お花さんの教室に通う", "お花さんの教室に通う"),
        ("お米さんを研ぐ", "お米さんを研ぐ"),
        # Still names: a pet's word glued into a stage name, another pet's word, an old name with お, a person
        # after うちの.
        ("猫ひろしさんのネタ", "猫[人名]さんのネタ"),
        ("お光さんという役", "[人名]さんという役"),
        ("娘の友達の陽葵ちゃん", "娘の友達の[人名]ちゃん"),
        ("うちの陽葵ちゃんが", "うちの[人名]ちゃんが"),
    ],
)
def test_a_pet_or_a_thing_is_no_person(text, expected):
    assert mask_pii(text).text == expected


def test_the_list_holds_given_names_of_one_to_three_characters_and_no_word_left_off_it():
    assert all(1 <= len(name) <= 3 for name in GIVEN_NAMES)
    assert not GIVEN_NAMES & {"花", "桜", "空", "海", "めい", "大和"}
