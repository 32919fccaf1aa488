"""Person names (taikai.privacy._names): a name is masked whole, titles, platforms and self-introductions."""

import pytest

from taikai.privacy import PiiKind, mask_pii
from taikai.privacy._not_names import NOT_NAMES
from taikai.privacy._titles import LONG_TITLES, TITLES


def masked(text: str) -> str:
    result = mask_pii(text)
    assert mask_pii(result.text).text == result.text  # masking masked text changes nothing
    return result.text


SURNAMES = ["田中", "山田", "佐藤", "鈴木", "高橋"]
# The titles docs/privacy.md lists, as written there.
DOCUMENTED_TITLES = ["社長", "会長", "部長", "課長", "係長", "店長", "専務", "常務", "所長", "室長", "院長", "編集長"]
DOCUMENTED_TITLES += ["副社長", "次長", "主任", "主査", "支店長", "支社長", "本部長", "工場長", "局長"]
DOCUMENTED_TITLES += ["班長", "副店長", "取締役", "代表", "理事長", "委員長", "校長", "教頭", "学長", "園長", "館長"]
DOCUMENTED_TITLES += ["監督", "教授", "准教授", "先輩", "師長", "料理長", "議員", "弁護士", "税理士"]
DOCUMENTED_TITLES += ["副部長", "副会長", "副代表", "副所長", "副院長", "副校長", "理事", "講師"]
DOCUMENTED_TITLES += ["社労士", "行政書士", "司法書士", "会計士", "弁理士", "医師"]
DOCUMENTED_TITLES += [
    "マネージャー",
    "マネジャー",
    "ディレクター",
    "リーダー",
    "プロデューサー",
    "チーフ",
    "キャプテン",
]
DOCUMENTED_TITLES += ["コーチ", "PM", "PL", "CEO", "CTO", "COO", "CFO", "デスク", "オーナー"]


def test_the_documented_titles_are_the_titles():
    # The long titles (a department's word before one: 事業部長) are documented by how they are made.
    assert set(DOCUMENTED_TITLES) | LONG_TITLES == TITLES


@pytest.mark.parametrize("title", sorted(LONG_TITLES))
def test_every_long_title_takes_a_surname(title):
    # UniDic reads them as up to four words (事業 + 部 + 長, 代表 + 取締 + 役 + 社長): every one is matched whole.
    result = mask_pii(f"田中{title}に言われた")
    assert result.text == f"[人名]{title}に言われた"
    assert [s.kind for s in result.spans] == [PiiKind.NAME]


@pytest.mark.parametrize("title", DOCUMENTED_TITLES)
@pytest.mark.parametrize("surname", SURNAMES)
def test_every_documented_title_takes_a_surname(surname, title):
    # 係長 (係 + 長) and 編集長 (編集 + 長) are two words to UniDic: they were never masked.
    text = f"{surname}{title}に言われた"
    result = mask_pii(text)
    assert result.text == f"[人名]{title}に言われた"
    assert [(s.kind, text[s.start : s.end]) for s in result.spans] == [(PiiKind.NAME, surname)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("田中編集長には3年間お世話になりました。", "[人名]編集長には3年間お世話になりました。"),
        ("会社の係長に言われた", "会社の係長に言われた"),
        ("副編集長に言われた", "副編集長に言われた"),
        ("編集長に言われた", "編集長に言われた"),
    ],
)
def test_titles_of_two_words(text, expected):
    assert masked(text) == expected


PLATFORMS = [
    # the corpus's platforms and nicknames (data/GUIDELINES.md), and the services freelancers move to
    *("クラワ", "ランサ", "サグーワークス", "シノビライティング", "ストアカ", "タイムチケット", "MENTA", "Sagooo"),
    *("ラクマ", "ペイペイ", "タイミー", "Timee", "Uber", "Uber Eats", "ウーバーイーツ", "ウォルト", "Wolt"),
    *("ミンネ", "ジモティー", "レバテック", "楽天"),
    # UniDic reads the end of these as a name (メル + カリ, ク + リーマ, ジョブ + ハブ, イン + ディード)
    *("メルカリ", "クリーマ", "ジョブハブ", "インディード", "ウォンテッドリー"),
]
FRAMES = ["{}さんで修正9回目", "昨日{}さんから連絡", "{}さんで記事を書いてます", "{}様、お世話になりました", "{}さん"]


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_platform_or_service_is_never_masked(platform, frame):
    text = frame.format(platform)
    assert masked(text) == text


def test_the_platforms_of_the_brief_are_on_the_stop_list():
    for name in ("クラワ", "サグーワークス", "ラクマ", "ペイペイ", "タイミー", "ストアカ", "uber", "メルカリ"):
        assert name in NOT_NAMES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # UniDic reads platforms joined by ・ as one unknown word, a person's name to its guess.
        ("ランサーズ・ココナラさん", "ランサーズ・ココナラさん"),
        ("ランサーズ・クラウドワークス・ココナラさん", "ランサーズ・クラウドワークス・ココナラさん"),
    ],
)
def test_platforms_joined_by_a_middle_dot_stay(text, expected):
    assert masked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A katakana name joined by ・ or ＝ is one name (it was masked from the last part on: ジョン・[人名]さん).
        ("クライアントのジョン・スミスさんから", "クライアントの[人名]さんから"),
        ("マイケル・ジャクソン氏", "[人名]氏"),
        ("エミリー・ブラウンさんと", "[人名]さんと"),
        ("ヤマダ＝タロウさん", "[人名]さん"),
        ("ジョン=スミス様に", "[人名]様に"),
        ("ジャン・リュック・ピカードさん", "[人名]さん"),
        ("ジョン・F・ケネディ氏", "[人名]氏"),
        # ... but a role or a platform before the ・ is no part of it.
        ("ライター・スミスさん", "ライター・[人名]さん"),
        ("ココナラ・スミスさん", "ココナラ・[人名]さん"),
        ("ライタースミスさん", "ライター[人名]さん"),
        # A reading in brackets right after a name is masked with it.
        ("山田太郎（やまだたろう）さん", "[人名]さん"),
        ("山田太郎（やまだ たろう）様", "[人名]様"),
        ("山田太郎(Taro Yamada)さん", "[人名]さん"),
        ("山田（やまだ）さん", "[人名]さん"),
        ("山田太郎（やまだたろう）が来た", "[人名]が来た"),
        ("山田（やまだ）から連絡", "[人名]から連絡"),
        ("田中（たなか）係長に", "[人名]係長に"),
        # A bracket that is no reading stays.
        ("山田太郎（32歳）さん", "[人名]（32歳）さん"),
        ("John Smithさん", "[人名]さん"),
        ("佐藤（サトウ）さん", "[人名]さん"),
        ("田中（タナカ）から連絡", "[人名]から連絡"),
        # Regression: a known word in brackets is no reading (a role, a platform, a place, a common noun): only the
        # name is masked, the bracket stays.
        ("鈴木（ライター）さんに", "[人名]（ライター）さんに"),
        ("田中（クライアント）が", "[人名]（クライアント）が"),
        ("高橋（Lancers）さんと", "[人名]（Lancers）さんと"),
        ("ジョン・スミス（アメリカ）さんの", "[人名]（アメリカ）さんの"),
        ("山田太郎（デザイナー）が来た", "[人名]（デザイナー）が来た"),
    ],
)
def test_a_name_is_masked_whole(text, expected):
    assert masked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A mask never starts inside a word: UniDic reads the end of these as a name (メル + カリ, インフル + エンサー).
        ("この前、メルカリさんに言われた", "この前、メルカリさんに言われた"),
        ("インフルエンサーさん", "インフルエンサーさん"),
        ("ミンネさんとクリーマさんで作品を売っています", "ミンネさんとクリーマさんで作品を売っています"),
        ("ジョブハブさん", "ジョブハブさん"),
        # A katakana word that is no platform is masked whole, not from inside (ミ + [name]).
        ("飲み会で知り合ったミサキさん", "飲み会で知り合った[人名]さん"),
    ],
)
def test_a_mask_never_starts_inside_a_katakana_word(text, expected):
    assert masked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname before です introduces a person, when the dictionary holds it as no place.
        ("ライターの鈴木です", "ライターの[人名]です"),
        ("私は田中です。よろしくお願いします", "私は[人名]です。よろしくお願いします"),
        ("担当の佐藤です", "担当の[人名]です"),
        ("富永ですが、", "[人名]ですが、"),
        # A surname that is also a place stays before です (出身は千葉です).
        ("出身は千葉です", "出身は千葉です"),
        ("実家は福岡です", "実家は福岡です"),
        ("ライターの山田です", "ライターの山田です"),
        ("車はスズキです", "車はスズキです"),
        ("僕は北浜です。", "僕は[人名]です。"),
        ("デザイナーの北浜です", "デザイナーの[人名]です"),
        # Regression: before です without a self-introduction, a surname the dictionary holds as no place is still
        # a place or a word (職場は北浜です); and a mask never starts inside a word (新今宮: 新 + 今宮).
        ("職場は北浜です。", "職場は北浜です。"),
        ("住んでるのは鶴橋です。", "住んでるのは鶴橋です。"),
        ("最寄り駅は新今宮です。", "最寄り駅は新今宮です。"),
        ("最寄り駅は新今宮から歩く", "最寄り駅は新今宮から歩く"),
    ],
)
def test_a_surname_before_desu(text, expected):
    assert masked(text) == expected
