"""Job titles and a nickname's ending after a surname (taikai.privacy._titles): a name before them, not a role."""

import pytest

from taikai.privacy import PiiKind, mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles outside the first list: katakana, Latin, and kanji ones (these were left as written).
        ("田中マネージャーに相談した", "[人名]マネージャーに相談した"),
        ("佐藤ディレクターから連絡が来た", "[人名]ディレクターから連絡が来た"),
        ("鈴木リーダーが怒っていた", "[人名]リーダーが怒っていた"),
        ("高橋プロデューサーの案件", "[人名]プロデューサーの案件"),
        ("山田チーフに叱られた", "[人名]チーフに叱られた"),
        ("田中PMに報告した", "[人名]PMに報告した"),
        ("田中主任に言われた", "[人名]主任に言われた"),
        ("山田先輩から紹介された", "[人名]先輩から紹介された"),
        ("田中副社長に会った", "[人名]副社長に会った"),
        ("佐藤支店長が対応した", "[人名]支店長が対応した"),
        ("鈴木監督の現場", "[人名]監督の現場"),
        # A nickname made from a surname: っち after it.
        ("田中っちと飲んだ", "[人名]っちと飲んだ"),
        ("昨日は佐藤っちが来た", "昨日は[人名]っちが来た"),
    ],
)
def test_a_surname_before_a_title_or_a_nickname_s_ending_is_masked(text, expected):
    result = mask_pii(text)
    assert result.text == expected
    assert [s.kind for s in result.spans] == [PiiKind.NAME]


@pytest.mark.parametrize(
    "text",
    [
        # A title alone, after a common noun or a place, or a role: no name.
        "プロジェクトマネージャーに相談した",
        "チームリーダーが怒っていた",
        "本業でマネージャーになった",
        "本業でPMをやっている",
        "会社の先輩に誘われた",
        "大学の先輩が作った",
        "学年主任になった",
        "副社長に言われた",
        "日本代表の試合",
        "制作会社のディレクターさんから",
        "現場監督の経験を活かした",
        # っ and ち of other words.
        "こっちの案件の方がいい",
        "どっちも同じだった",
        "待っちゃうよね",
    ],
)
def test_a_title_or_っち_without_a_surname_stays(text):
    assert mask_pii(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A long title, three or four words to UniDic (事業 + 部 + 長): the surname before it was left.
        ("田中事業部長に報告した", "[人名]事業部長に報告した"),
        ("佐藤営業部長から連絡が来た", "[人名]営業部長から連絡が来た"),
        ("鈴木開発課長が担当した", "[人名]開発課長が担当した"),
        ("高橋事業本部長の決裁", "[人名]事業本部長の決裁"),
        ("鈴木代表取締役が謝罪した", "[人名]代表取締役が謝罪した"),
        ("山田課長代理に確認した", "[人名]課長代理に確認した"),
        ("田中執行役員の案件", "[人名]執行役員の案件"),
        # A department in katakana, and デスク, a newsroom's title (the surname was left).
        ("田中マーケティング部長に怒られた", "[人名]マーケティング部長に怒られた"),
        ("佐藤セールス課長から連絡", "[人名]セールス課長から連絡"),
        ("鈴木カスタマーサポート部長", "[人名]カスタマーサポート部長"),
        ("田中デスクに原稿を戻された", "[人名]デスクに原稿を戻された"),
        # An honorific drawn out, as one calls someone (UniDic splits さーーん into さー + ー + ん).
        ("田中さーん、確認お願いします", "[人名]さーん、確認お願いします"),
        ("田中さーーんに聞いて", "[人名]さーーんに聞いて"),
        ("田中さ〜ん", "[人名]さ〜ん"),
        ("山田くーん、来て", "[人名]くーん、来て"),
        ("花子ちゃーん", "[人名]ちゃーん"),
    ],
)
def test_a_surname_before_a_long_title_or_a_drawn_out_honorific_is_masked(text, expected):
    result = mask_pii(text)
    assert result.text == expected
    assert [s.kind for s in result.spans] == [PiiKind.NAME]


@pytest.mark.parametrize(
    "text",
    [
        # A long title with no surname, or a department's name; a drawn-out honorific after a common word; さあ.
        "事業部長に報告した",
        "会社の事業部長が来た",
        "田中事業部の部長に会った",
        "代表取締役になった",
        "マーケティング部長に報告した",
        "ゲーミングデスクを買った",
        "木製デスクが届いた",
        "みなさーん、こんにちは",
        "皆さーん",
        "お母さーん",
        "店員さーん、注文です",
        "さあ始めよう",
    ],
)
def test_a_long_title_or_a_drawn_out_honorific_without_a_surname_stays(text):
    assert mask_pii(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a name before a word of kin and an honorific was left (健太 + 兄 + さん: the honorific follows
        # 兄, a common noun), given name or surname.
        ("健太兄さんに頼んだ", "[人名]兄さんに頼んだ"),
        ("花子姉さんが紹介してくれた", "[人名]姉さんが紹介してくれた"),
        ("健太兄ちゃんと組んだ", "[人名]兄ちゃんと組んだ"),
        ("田中兄さんから連絡", "[人名]兄さんから連絡"),
        ("健太兄貴が案件をくれた", "[人名]兄貴が案件をくれた"),
        # Regression: a given name UniDic tags a place before a word of kin (美波, 美咲, 大和 are towns too) was left.
        ("美波姉ちゃんに頼んだ", "[人名]姉ちゃんに頼んだ"),
        ("美咲姉さんが紹介してくれた", "[人名]姉さんが紹介してくれた"),
        ("大和兄さんと組んだ", "[人名]兄さんと組んだ"),
        # and before an honorific after a word UniDic reads the name with (楽天 + 美咲 + ちゃん: 美咲 a town there).
        ("楽天美咲ちゃんから買った", "楽天[人名]ちゃんから買った"),
        ("ストアカ美波先生の講座", "ストアカ[人名]先生の講座"),
        ("ヒロ君がステキだった", "[人名]君がステキだった"),
        ("東京さんに聞いた", "東京さんに聞いた"),  # a place the dictionary holds as no given name
        ("新宿さんの店舗", "新宿さんの店舗"),
        # Left as they were: a word of kin with no name before it, or after a place the dictionary holds as no given
        # name (千葉 is a surname too, but a sister from Chiba as often).
        ("東京兄さんに聞いた", "東京兄さんに聞いた"),
        ("千葉姉さんに聞いた", "千葉姉さんに聞いた"),
        ("兄さんに頼んだ", "兄さんに頼んだ"),
        ("俺の兄貴が", "俺の兄貴が"),
        ("うちの姉ちゃんが", "うちの姉ちゃんが"),
    ],
)
def test_a_name_before_a_word_of_kin_or_a_given_name_read_as_a_place_is_masked(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected
