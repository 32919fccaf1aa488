"""A surname alone (taikai.privacy._surnames): a name after a role's label (担当者：高橋), the place before に or へ
and a verb of going there (神田に行った)."""

import pytest

from taikai.privacy import PiiKind, mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A role and a colon before a surname: who holds the role (these were left as written).
        ("担当者：高橋", "担当者：[人名]"),
        ("担当:高橋", "担当:[人名]"),
        ("担当者: 鈴木", "担当者: [人名]"),
        ("担当者：高橋、連絡先は別途", "担当者：[人名]、連絡先は別途"),
        ("営業担当：キムラ", "営業担当：[人名]"),
        ("責任者：佐藤でした", "責任者：[人名]でした"),
        ("幹事：高橋", "幹事：[人名]"),  # more labels (this was left)
        ("作成者: 鈴木", "作成者: [人名]"),
        ("面接官：高橋、質問が多かった", "面接官：[人名]、質問が多かった"),
        # The client's and the job's people (these were left).
        ("クライアント：高橋", "クライアント：[人名]"),
        ("取引先：高橋", "取引先：[人名]"),
        ("先方：鈴木", "先方：[人名]"),
        ("連絡先：高橋", "連絡先：[人名]"),
        ("発注元：佐藤、単価は低い", "発注元：[人名]、単価は低い"),
        ("担当ディレクター：佐藤でした", "担当ディレクター：[人名]でした"),
        ("PM: 鈴木", "PM: [人名]"),
        ("編集者：高橋", "編集者：[人名]"),
        # With an honorific or a particle it was a name already: the label changes nothing.
        ("担当：高橋さん", "担当：[人名]さん"),
        ("担当者：高橋から連絡", "担当者：[人名]から連絡"),
        # A surname that is also a place, before に and a verb that takes a person.
        ("神田に頼んだ", "[人名]に頼んだ"),
        ("山田に来てもらった", "[人名]に来てもらった"),
        ("責任は山田にある", "責任は[人名]にある"),
        ("期待を背負う北島に行ったインタビュー", "期待を背負う[人名]に行ったインタビュー"),  # 行う, not 行く
        # Regression: a surname before a word of the family or the home was left (鈴木家 was 鈴木家).
        ("鈴木家の案件は単価が良い", "[人名]家の案件は単価が良い"),
        ("納品先は田中宅だった", "納品先は[人名]宅だった"),
        ("佐藤邸", "[人名]邸"),
        ("山田夫妻からの依頼", "[人名]夫妻からの依頼"),
        ("キムラ家", "[人名]家"),
    ],
)
def test_a_surname_after_a_label_or_before_a_particle_is_masked(text, expected):
    result = mask_pii(text)
    assert result.text == expected
    assert {s.kind for s in result.spans} == {PiiKind.NAME}


@pytest.mark.parametrize(
    "text",
    [
        # A place before に or へ and a verb of going or staying there (神田 was masked as a name).
        "神田に行った",
        "神田に住んでいる",
        "神田に引っ越した",
        "毎日神田に通っている",
        "神田に寄ってから帰る",
        "来月から松本に転勤する",
        "松本に出張した",
        # After a label, a surname glued to a company's word, or no surname.
        "担当：佐藤デザイン",
        "担当：デザイン",
        "担当者：未定",
        "幹事：未定",
        "取引先：高橋建設",
        "クライアント：株式会社サンプル",
        "連絡先：未定",
        # A word glued after a surname that starts with a family's kanji but is another word (家具, 家電, 家政).
        "松本家具で買った",
        "鈴木家電の配送",
        "専門家に頼んだ",
        "大家さんに連絡",
    ],
)
def test_a_place_or_a_label_without_a_surname_stays(text):
    assert mask_pii(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a surname alone in brackets right after a value is whose it is (was left: 090-…（田中）).
        ("090-1234-5678（田中）に電話して", "[電話番号]（[人名]）に電話して"),
        ("連絡は tanaka@example.com（田中）まで", "連絡は [メール]（[人名]）まで"),
        ("連絡先 090-1234-5678 (佐藤)", "連絡先 [電話番号] ([人名])"),
        ("090-1234-5678（タナカ）", "[電話番号]（[人名]）"),
        # Regression: a role and は before a surname and です introduce who holds it (was left: 担当者は佐藤です).
        ("担当者は佐藤です。電話は090-2222-3333", "担当者は[人名]です。電話は[電話番号]"),
        ("担当は鈴木ですと言われた", "担当は[人名]ですと言われた"),
        ("担当者の佐藤です", "担当者の[人名]です"),  # 担当 + 者 to UniDic: was left
        # Left: a place, a word in brackets, brackets after a word.
        ("職場は北浜です", "職場は北浜です"),
        ("東京（品川）に行く", "東京（品川）に行く"),
        ("iPhone15（新品）を買った", "iPhone15（新品）を買った"),
        ("田中（ライター）", "田中（ライター）"),
    ],
)
def test_a_surname_after_a_value_in_brackets_or_a_role_and_wa(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a surname the dictionary does not hold, read as one kanji (a prefix or a common noun) and a
        # surname it holds (上 + 倉, 佐 + 津野, 向 + 井谷, 希 + 崎, 増 + 嶋), or a given name read so (紗 + 英子),
        # was masked without its first kanji: 上[人名]さん.
        ("担当の上倉健一さんに頼んだ", "担当の[人名]さんに頼んだ"),
        ("佐津野美紀から連絡が来た", "[人名]から連絡が来た"),
        ("向井谷実さんと組んだ", "[人名]さんと組んだ"),
        ("希崎修さんに断られた", "[人名]さんに断られた"),
        ("増嶋裕也さんの案件", "[人名]さんの案件"),
        ("紗英子さんが担当だった", "[人名]さんが担当だった"),
        ("主任・上倉健一は厳しい", "主任・[人名]は厳しい"),
        ("■日本HP\n\n上倉健一", "■日本HP\n\n[人名]"),  # 上 a suffix of HP to UniDic, across the line end
        # Left: a kanji that is a word of its own before the name (the late, former, a time, the family), or the
        # end of a word before it (その後).
        ("故山田太郎氏の作品", "故[人名]氏の作品"),
        ("元木村拓哉のファン", "元[人名]のファン"),
        ("その後裕子さんと会った", "その後[人名]さんと会った"),
        ("妻洋子さんと行った", "妻[人名]さんと行った"),
        ("前田中さんの案件", "前[人名]さんの案件"),
        # Regression: a kanji that takes an honorific as a common word (客さん, 皆さん) was masked with the given name
        # after it: [人名]さん, the customer lost.
        ("客美波さんに頼んだ", "客[人名]さんに頼んだ"),
        ("お客美波さんから連絡", "お客[人名]さんから連絡"),
        ("皆健太さんに感謝", "皆[人名]さんに感謝"),
        ("常連客美咲さんの依頼", "常連客[人名]さんの依頼"),
        ("キャスター・皆藤愛子さん", "キャスター・[人名]さん"),  # before a surname, the first letter of one (皆 + 藤)
    ],
)
def test_a_kanji_read_apart_before_a_name_is_its_first_letter(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a given name UniDic reads as a one-kanji name and a kanji suffix or noun (萌 + 歌) was masked
        # without its last kanji: [人名]歌さん.
        ("岡島萌歌さんに頼んだ", "[人名]さんに頼んだ"),
        ("萌歌さんに頼んだ", "[人名]さんに頼んだ"),
        ("中野咲歌と組んだ", "[人名]と組んだ"),
        ("大江萌歌です", "[人名]です"),
        ("小池萌歌から連絡", "[人名]から連絡"),  # 歌 a common noun here
        ("遠野萌歌", "[人名]"),
        ("遠野萌歌。", "[人名]。"),
        # Regression: before a job title the last kanji was left ([人名]歌部長), and a two-kanji given name's last
        # kanji was never taken (未央 + 奈: 未央奈さん was left whole, 田中未央奈から was [人名]奈から).
        ("上白石萌歌部長に相談した", "[人名]部長に相談した"),
        ("中野咲歌課長から", "[人名]課長から"),
        ("岡島萌歌ディレクターに", "[人名]ディレクターに"),
        ("未央奈さんに相談した", "[人名]さんに相談した"),
        ("莉緒奈ちゃんと組んだ", "[人名]ちゃんと組んだ"),
        ("田中未央奈から連絡", "[人名]から連絡"),
        ("田中未央奈部長", "[人名]部長"),
        # Left: a kanji that is a word after the name (to, the family, the side, others, a work by, a group).
        ("田中様宛", "[人名]様宛"),
        ("佐藤部長", "[人名]部長"),
        ("山田氏側", "[人名]氏側"),
        ("高橋さん達", "[人名]さん達"),
        ("田中君", "[人名]君"),
        ("岡島萌家に届いた", "[人名]家に届いた"),
        ("岡島萌作の絵", "[人名]作の絵"),
        ("岡島萌作部長", "[人名]作部長"),
        ("田中未央様宛", "[人名]様宛"),
        # A kanji of the family, a title's prefix, a first, a destination, a lord or a shrine after a two-kanji given
        # name stays outside (佐藤健太元監督 was [人名]監督 once a two-kanji given name's last kanji was taken).
        ("佐藤健太元監督に", "[人名]元監督に"),
        ("田中美咲前社長が", "[人名]前社長が"),
        ("田中美咲母さん", "[人名]母さん"),
        ("田中美咲初の個展", "[人名]初の個展"),
        ("岡島萌展に行った", "[人名]展に行った"),
        ("岡島萌宛", "[人名]宛"),
        ("岡島萌派の人", "[人名]派の人"),
        ("岡島萌達と", "[人名]達と"),
        ("岡島萌様宛", "[人名]様宛"),
        ("鈴木健著の本", "[人名]著の本"),
    ],
)
def test_a_kanji_read_apart_after_a_given_name_is_its_last_letter(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a surname alone in brackets after a role, or one the dictionary holds only as a person's name
        # in brackets anywhere, is a name (each was left as written).
        ("クライアント(高橋)の対応が遅い", "クライアント([人名])の対応が遅い"),
        ("クライアント（高橋）の対応が遅い", "クライアント（[人名]）の対応が遅い"),
        ("クライアント「小林」の修正依頼", "クライアント「[人名]」の修正依頼"),
        ("担当の「佐藤」が最悪", "担当の「[人名]」が最悪"),
        ("発注者【小林】から連絡", "発注者【[人名]】から連絡"),
        ("担当者(中村)に言われた", "担当者([人名])に言われた"),
        ("「田中」が対応してくれた", "「[人名]」が対応してくれた"),
        ("『渡辺』の返信が遅い", "『[人名]』の返信が遅い"),
        ("クライアント(高橋)の件。高橋は最悪", "クライアント([人名])の件。[人名]は最悪"),  # written again too
        # Left: a place or a company quoted, a word in brackets after a role, a bracket left open.
        ("「松本」というお店に行った", "「松本」というお店に行った"),
        ("「鈴木」の製品が好き", "「鈴木」の製品が好き"),
        ("クライアント「ABC」の件", "クライアント「ABC」の件"),
        ("クライアント(大手)の件", "クライアント(大手)の件"),
        ("東京（品川）に行く", "東京（品川）に行く"),
    ],
)
def test_a_surname_alone_in_brackets(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a role and は, の or a space before a surname that ends a sentence, a clause or the text is
        # who holds the role (each was left as written).
        ("担当者は高橋。対応が遅い", "担当者は[人名]。対応が遅い"),
        ("依頼主は高橋", "依頼主は[人名]"),
        ("クライアントの高橋、最悪", "クライアントの[人名]、最悪"),
        ("担当者 高橋 に何度も連絡した", "担当者 [人名] に何度も連絡した"),
        ("差出人 田中", "差出人 [人名]"),
        ("ディレクターの佐藤!", "ディレクターの[人名]!"),
        # Left: a word glued after the surname, a place, a company.
        ("担当は高橋社の案件", "担当は高橋社の案件"),
        ("担当の鈴木商事", "担当の鈴木商事"),
        ("出身は千葉。", "出身は千葉。"),
    ],
)
def test_a_surname_that_ends_a_sentence_after_a_role(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname UniDic reads as a place here, alone in brackets after a role or after a role and は before です
        # (these were left: masker 35).
        ("上司（松本）に怒られた", "上司（[人名]）に怒られた"),
        ("クライアント(松本)の対応", "クライアント([人名])の対応"),
        ("担当は千葉です", "担当は[人名]です"),
        ("担当は山田です", "担当は[人名]です"),  # a place too: the role says who
        ("担当の松本です", "担当の[人名]です"),
        # The last of a list of people before 各氏, 両氏 (these were left), and the list with it.
        ("田中・鈴木・小林の各氏", "[人名]・[人名]・[人名]の各氏"),
        ("田中、鈴木の両氏", "[人名]、[人名]の両氏"),
        ("鈴木両氏", "[人名]両氏"),
        # A place stays where no role names it, or a place that is no surname.
        ("松本に行った", "松本に行った"),
        ("出身は千葉です", "出身は千葉です"),
        ("「松本」というお店", "「松本」というお店"),
        ("上司（大阪）に", "上司（大阪）に"),
        ("松本の各位", "松本の各位"),
    ],
)
def test_a_surname_read_as_a_place_in_a_role_and_a_list_of_people_are_names(text, expected):
    assert mask_pii(text).text == expected
