"""Kanji names UniDic reads apart as common words (taikai.privacy._read_apart): a given name read as two single
kanji after a surname (森七菜さん, 清原果耶さん), a surname read as a common noun before a given name (浜辺美波さん)."""

import pytest

from taikai.privacy import mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a given name read as two single kanji after a surname was left (清原 + 果 + 耶 + さん), and so
        # was the surname the best path reads as a common noun (森 + 七 + 菜 + さん).
        ("清原果耶さんと組んだ", "[人名]さんと組んだ"),
        ("森七菜さんに頼んだ", "[人名]さんに頼んだ"),
        ("結局森七菜さんとは", "結局[人名]さんとは"),  # a noun of time before it is a boundary
        ("同僚の森七菜さん", "同僚の[人名]さん"),
        ("女優森七菜さん", "女優[人名]さん"),  # a role glued before it
        # Regression: a surname read as a common noun before a given name UniDic tags (浜辺 + 美波) was left:
        # 浜辺[人名]さん.
        ("浜辺美波さんと組んだ", "[人名]さんと組んだ"),
        ("先日浜辺美波さんに", "先日[人名]さんに"),
        ("今日は浜辺美波さんと", "今日は[人名]さんと"),
        ("女優浜辺美波さん", "女優[人名]さん"),
        ("デザイナー浜辺沙耶さんに", "デザイナー[人名]さんに"),  # a role of the stop list glued before it
        ("谷川七菜さん", "[人名]さん"),  # 七 a prefix to UniDic
        ("細江英公氏の写真", "[人名]氏の写真"),  # 公 ends a given name, not only a lord's title
        # Left as they were: a word of the people around someone or of a role is no surname, a common noun glued
        # after another word starts no name, one kanji after a surname is a word of its own, and a word after a
        # name (家, 達) is no piece of one.
        ("友人美波さんに相談", "友人[人名]さんに相談"),
        ("同期美波さんと", "同期[人名]さんと"),
        ("浜辺の美波さん", "浜辺の[人名]さん"),
        ("田中両氏", "[人名]両氏"),  # 両 no piece of the name; 両氏 says 田中 is one (masker 35: was left)
        ("岡島萌家に届いた", "[人名]家に届いた"),
        ("お客さんが少ない", "お客さんが少ない"),
        ("森さんに頼んだ", "[人名]さんに頼んだ"),
    ],
)
def test_a_name_read_apart_as_common_words_is_masked_whole(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a role or a shop UniDic tags as a surname before a given name was masked with it
        # ([人名]さん): the review lost who the person is to the writer.
        ("上司美波さんに相談した", "上司[人名]さんに相談した"),
        ("上司にちかさんに頼んだ", "上司に[人名]さんに頼んだ"),  # に + ちか, as after a common noun
        ("大家健太さんから連絡", "大家[人名]さんから連絡"),
        ("家内花子さんが", "家内[人名]さんが"),
        ("花屋美波さんに", "花屋[人名]さんに"),
        ("上司美波が来た", "上司[人名]が来た"),  # without an honorific, the given name after it alone
        # Left as they were: a surname that is no role, one ending in 屋 that takes no honorific as a shop, and a
        # role before a name it does not start.
        ("土屋太鳳さんと", "[人名]さんと"),
        ("孫正義さんの講演", "[人名]さんの講演"),
        # A common word the dictionary holds as a surname too, which UniDic tags a surname before a given name: the
        # tags are those of 仲間由紀恵 (an actress), so the word is the name's surname (left masked with it).
        ("仲間由紀恵さんの主演作", "[人名]さんの主演作"),
        ("仲間美波さんに頼んだ", "[人名]さんに頼んだ"),
        ("孫美波さんに頼んだ", "[人名]さんに頼んだ"),
        ("奥美波さんに頼んだ", "[人名]さんに頼んだ"),
        ("神美波さんに頼んだ", "[人名]さんに頼んだ"),
        ("上司の美波さん", "上司の[人名]さん"),
        ("上司から連絡が来た", "上司から連絡が来た"),
    ],
)
def test_a_role_read_as_a_surname_stays_before_the_name(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a surname and a given name UniDic reads across as other words were left (清 a country + 野菜
        # + 名 + さん: 清野 and 菜名).
        ("清野菜名さんと共演した", "[人名]さんと共演した"),
        ("先日清野菜名さんに会った", "先日[人名]さんに会った"),
        # Left as they were: a compound whose last two kanji are a word, and four kanji glued after another word.
        ("森林組合さんに頼んだ", "森林組合さんに頼んだ"),
        ("小林製薬さんの案件", "小林製薬さんの案件"),
        ("郵便局員さんが来た", "郵便局員さんが来た"),
        ("不動産屋さんに行った", "不動産屋さんに行った"),
    ],
)
def test_a_name_read_across_other_words_is_masked(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: one kanji UniDic tags a given name before an honorific was never masked (h336: livedoor's
        # 180 sentences with 杏さん, 綾さん, 佑ちゃん, …).
        ("蓮くんに頼んだ", "[人名]くんに頼んだ"),
        ("茜さんと組んだ", "[人名]さんと組んだ"),
        ("舞さんが納品した", "[人名]さんが納品した"),
        ("渚さんの案件", "[人名]さんの案件"),
        ("光さんへ連絡", "[人名]さんへ連絡"),
        ("と話す香さん。", "と話す[人名]さん。"),  # after a verb
        ("昨日蓮くんが来た", "昨日[人名]くんが来た"),  # after a noun of time, glued
        ("今日渚さんと話した", "今日[人名]さんと話した"),
        ("同僚舞さんと組んだ", "同僚[人名]さんと組んだ"),  # after a role, glued
        ("担当の茜さんから", "担当の[人名]さんから"),
        # Left: the kanji and the honorific's first kana are a verb (通さんと is 通さないと, 許さん is 許さない), the
        # kanji ends a word glued before it (サイト通, お米), or it is an animal a child calls so (羊さん).
        ("サイト通さんとチャットワークで直接やろう", "サイト通さんとチャットワークで直接やろう"),
        ("通さんと駄目だ", "通さんと駄目だ"),
        ("絶対許さんからな", "絶対許さんからな"),
        ("出さんと怒られる", "出さんと怒られる"),
        ("手数料を払う羊さん", "手数料を払う羊さん"),
        ("羊さんは太陽の下で暑そう", "羊さんは太陽の下で暑そう"),
        ("亀さんが歩く", "亀さんが歩く"),
        ("鶴さんが飛ぶ", "鶴さんが飛ぶ"),
        ("博報堂さんから", "博報堂さんから"),
    ],
)
def test_a_one_kanji_given_name_is_masked(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression (h352): one kanji the dictionary holds as a given name, which UniDic reads as a common noun
        # before くん (翼, a wing) or as a suffix after a role or a word of kin (杏, 光), was left; so was a given
        # name it tags after a word of kin (妻 + 舞) or after a role and a suffix of a person (担当 + 者 + 光), and a
        # surname read as two single kanji before a given name lost its surname (國 + 中 + 均: 國中[人名]氏).
        ("翼くんが担当でした", "[人名]くんが担当でした"),
        ("今日は翼くんが来た", "今日は[人名]くんが来た"),
        ("昨日翼くんから連絡", "昨日[人名]くんから連絡"),
        ("息子翼くんの送り迎え", "息子[人名]くんの送り迎え"),
        ("女優杏さんが好き", "女優[人名]さんが好き"),
        ("担当光さんから連絡", "担当[人名]さんから連絡"),
        ("娘杏ちゃんが寝てから作業", "娘[人名]ちゃんが寝てから作業"),
        ("友人杏さんに紹介された", "友人[人名]さんに紹介された"),
        ("妻舞さんと", "妻[人名]さんと"),
        ("夫光さんが手伝ってくれた", "夫[人名]さんが手伝ってくれた"),
        ("担当者光さんの返信が遅い", "担当者[人名]さんの返信が遅い"),
        ("國中均氏が言う", "[人名]氏が言う"),
        ("鎧塚俊彦氏のケーキ", "[人名]氏のケーキ"),
    ],
)
def test_a_given_name_read_as_a_word_after_a_role_or_kin_is_masked(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # The same shapes with ordinary words stay: a role, a word of kin, the customer, everyone, a platform, a
        # company or a role with さん or 様, and a common noun with くん or ちゃん (an animal, a toy, a plant, a hobby).
        *("担当者さん", "担当さん", "担当様", "担当者様", "担当者殿", "依頼者さんから", "発注者様", "購入者様"),
        *("出品者さん", "作業者さん", "事務員さん", "会社員さん", "取引先さん", "先方さん", "相手さん", "業者さん"),
        *("事務局さん", "運営さん", "運営様", "代理店さん", "制作会社さん", "編集部さん", "営業さん", "社長さん"),
        *("女優さん", "女優陣さん", "新人さん", "先輩さん", "主婦さん", "学生さん", "社員さん", "店員さん"),
        *("奥さん", "奥様", "皆さん", "皆様", "お客さん", "大家さん", "妻さん", "夫さん", "嫁さん", "旦那さん"),
        *("娘さん", "息子さん", "息子くん", "娘ちゃん", "弟くん", "母さん", "姉さん", "妻の友人さん"),
        *("クラウドワークスさん", "ランサーズさん", "ワーカーさん", "先生", "利用者様", "会員様"),
        *("熊くんのイラスト", "鳥くんのスタンプ", "猫くん", "羊くん", "熊ちゃんのぬいぐるみ", "花ちゃんに水をやった"),
        *("期間中は", "年中無休", "日中は暑い"),
    ],
)
def test_a_role_kin_or_common_word_with_an_honorific_stays(text: str) -> None:
    assert mask_pii(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression (h352): a given name with no honorific after a word of kin or a role and の was left (娘の結衣が):
        # only a surname alone before a particle was a name.
        ("娘の結衣が昼寝している間だけ作業した", "娘の[人名]が昼寝している間だけ作業した"),
        ("旦那の健一に家事を任せた", "旦那の[人名]に家事を任せた"),
        ("妹の美咲と一緒に始めた", "妹の[人名]と一緒に始めた"),
        ("夫の健一は反対した", "夫の[人名]は反対した"),
        ("同僚の健一から聞いた", "同僚の[人名]から聞いた"),
        ("担当者の健一、返信が遅い", "担当者の[人名]、返信が遅い"),
        ("妹の美咲、弟の翔太", "妹の[人名]、弟の[人名]"),
        # Left: a common word after kin and の, a given name glued to a word, and one kanji (舞: a dance too).
        ("母の実家に帰った", "母の実家に帰った"),
        ("兄の大学で", "兄の大学で"),
        ("娘の学校の行事", "娘の学校の行事"),
        ("妻の美容院代", "妻の美容院代"),
        ("妹の舞が上手い", "妹の舞が上手い"),
    ],
)
def test_a_given_name_alone_after_kin_or_a_role_and_no(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression (h352): a one-kanji given name before くん that UniDic reads as a verb and ん (翔く + ん) or
        # whose kanji and く are a verb to the dictionary (拓 + くん: 拓く) was left.
        ("翔くんが来た", "[人名]くんが来た"),
        ("息子が翔くんと遊んでいる", "息子が[人名]くんと遊んでいる"),
        ("輝くんに頼んだ", "[人名]くんに頼んだ"),
        ("拓くんに頼んだ", "[人名]くんに頼んだ"),
        # Left: the verb and ん that end a clause, and the verb before ん before さん (通さんと is 通さないと).
        ("未来を拓くんだ", "未来を拓くんだ"),
        ("道を拓くんです", "道を拓くんです"),
        ("何しに行くん？", "何しに行くん？"),
        ("花が咲くんや", "花が咲くんや"),
        ("行くんとちゃう", "行くんとちゃう"),
        ("輝くんだ", "輝くんだ"),
        ("通さんと駄目だ", "通さんと駄目だ"),
    ],
)
def test_a_given_name_read_as_a_verb_before_kun_is_masked(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a given name read as two single kanji with no surname before it was left (柚 + 葉 + ちゃん).
        ("柚葉ちゃんにはお世話になった", "[人名]ちゃんにはお世話になった"),
        ("今回柚葉さんが担当でした", "今回[人名]さんが担当でした"),
        ("心晴くんの作業", "[人名]くんの作業"),
        # Left: two kanji that are one word (子猫, 孫娘, 黒猫), after a pet's word, or a word of kin among them.
        ("子猫ちゃんの世話", "子猫ちゃんの世話"),
        ("孫娘ちゃんが生まれた", "孫娘ちゃんが生まれた"),
        ("黒猫さんに頼んだ", "黒猫さんに頼んだ"),
        ("愛犬の柚葉ちゃん", "愛犬の柚葉ちゃん"),
        ("孫ちゃんの世話", "孫ちゃんの世話"),  # one kanji, a grandchild (孫 is a surname too: it was [人名]ちゃん)
    ],
)
def test_a_given_name_read_as_two_kanji_alone_is_masked(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected
