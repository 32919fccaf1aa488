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
        # 番地 in kanji numerals after a place: a town in 町, 大字, a place UniDic knows; 番地先 is one too.
        ("山下町百二十三番地に届けた", "[住所]に届けた"),
        ("大字上野三番地", "[住所]"),
        ("上野三番地の家", "[住所]の家"),
        ("軽井沢町大字軽井沢1323番地先", "[住所]先"),
        # A town whose name ends like a word of measure or area, after its ward.
        ("文京区春日1-16-21", "文京区[住所]"),
        ("千代田区内幸町1-1-1", "千代田区[住所]"),
        ("千代田区外神田1-2-3", "千代田区[住所]"),
        ("豊島区長崎1-2-3", "豊島区[住所]"),
        # Near a word of where one lives: a town UniDic does not hold as a place, but as a name or a compound.
        ("住所：三軒茶屋1-2-3", "住所：[住所]"),
        ("自宅は表参道2-3-4です", "自宅は[住所]です"),
        ("自宅は北浜1-2", "自宅は[住所]"),
        ("在住の豊洲5-6-15", "在住の[住所]"),
    ],
)
def test_a_street_address_is_masked_from_its_town_on(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town starting with 市 after a ward or a prefecture: the ward stays whole, the town goes (was 新宿区市[住所])
        ("新宿区市谷1-2-3", "新宿区[住所]"),
        ("東京都新宿区市谷田町2-3-4に届けて", "東京都新宿区[住所]に届けて"),
        ("千葉県市川市八幡2-3-4", "千葉県市川市[住所]"),
        # One number after a town in 町 or 村, after a city or a ward or right after a word of where one lives.
        ("群馬県高崎市八島町222", "群馬県高崎市[住所]"),
        ("住所は八島町222です", "住所は[住所]です"),
        ("住所は八島町222番から引っ越した", "住所は[住所]から引っ越した"),
        ("送付先：八島町222 コーポ豊玉105", "送付先：[住所]"),
        # Alone, three digits or more after a town whose name UniDic holds as a proper noun (八島: a surname).
        ("八島町222", "[住所]"),
        ("八島町315で受け取った", "[住所]で受け取った"),
        # Left alone: a city before its own name (四日市市), a town alone, a count, a rank, a time after a town.
        ("四日市市諏訪町1-5", "四日市市[住所]"),
        ("八島町22", "八島町22"),  # alone: one or two digits, a year, a common word or one kanji before 町
        ("八島町2024に", "八島町2024に"),
        ("城下町100選", "城下町100選"),
        ("港町222で", "港町222で"),
        ("実家は港町3つ先", "実家は港町3つ先"),
        ("実家は城下町3か所を回った", "実家は城下町3か所を回った"),
        ("この町3年住んだ", "この町3年住んだ"),
        ("在住の港町1位", "在住の港町1位"),
        ("実家は田舎町30分", "実家は田舎町30分"),
        ("本町3丁目", "本町3丁目"),
        ("在住の町3", "在住の町3"),
    ],
)
def test_a_town_s_block_without_a_hyphen_and_a_town_after_a_ward(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # 番地 glued to a kanji that goes on as a word with 地: 一番 ("most") and a word in 地.
        "データ入力は一番地味な作業で時給200円でした",
        "一番地雷だった案件",
        "一番地道にできる作業",
        "一番地元の案件が多い",
        "検品が一番地獄だった",
        "三番地味に効く",
        "この中で1番地味",
        "2-3番地味な作業",
        "今回一番地下の倉庫で作業",
        # 一番地 with no place before it.
        "今回一番地!",
        "一番地",
        # Crowdworkers who work from home: numbers after a word of measure, rank, date or number near 自宅 or 在住.
        "自宅で作業、評価4-5でした",
        "自宅作業、納期2023-4-1で",
        "東京都在住、退会日2023-4-1",
        "在住歴5年、期間2021-2023",
        "埼玉県在住、承認率95-98",
        "自宅でできるのでレベル2-3まで頑張った",
        "引っ越しでやめた。ランク2-1",
        "自宅でテスト1-2-3をこなした",
        "北海道在住、タスク番号3-12-5",
        "在宅ワークで在住地関係なく、スコア80-90",
        "自宅で作業時間2-3",
        "実家暮らしなので報酬1000-2000でも",
        "自宅勤務、年齢30-40",
        "自宅作業で、文字数2000-3000",
        "自宅から作業、ステージ3-2",
        "自宅で、ポイント100-200",
        "在住歴3-4",
        "自宅で作業、期間2021-04",
        "在住、登録日2022-12-1",
        "自宅で作業、締切日2-15",
        "住所登録後、ステップ1-2-3で完了",
        "自宅でゲーム3-1",
        "在住者限定の案件で、条件2-3",
        "自宅作業で、時給換算800-1000",
        "実家のある町内1-2",
        # A date after a place and a word of where one lives.
        "在住の梅田2023-4-1",
        # A prefecture's name before a score, a word of where one lives nearby.
        "実家で観戦、福岡2-0",
        "在住の人、東京3-1で勝った",
        # 市, 区 or 都 starting a word, or an area's 内: no city before a town.
        "株式市場2-3",
        "都市伝説1-2-3",
        "評価区分1-2",
        "大阪市内1-2",
        "大阪府内1-2-3",
        "自宅から区間1-2",
    ],
)
@pytest.mark.parametrize("names", [True, False], ids=["tagger", "no-tagger"])
def test_review_text_near_where_one_lives_stays(text, names):
    assert "[住所]" not in PiiMasker(names=names).mask(text).text


@pytest.mark.parametrize(
    "text",
    [
        "自宅で観戦、日本2-1で勝利",  # a country UniDic knows
        "自宅で作業、アンケート回答2-3",  # a compound with a word that acts
        "実家暮らしで、月収2-3",  # a common noun alone
    ],
)
def test_a_town_unidic_holds_as_no_place_stays(text):
    assert "[住所]" not in mask_pii(text).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Right after 住所は, 自宅は, 実家は: any town, also one UniDic holds as a common word (東雲, dawn).
        ("自宅は東雲2-3-4です", "自宅は[住所]です"),
        ("自宅は西院2-3-4です", "自宅は[住所]です"),
        ("住所は松が丘2-3", "住所は[住所]"),
        ("実家は本通2-3-4", "実家は[住所]"),
        # A street's or a station's side, a hill: a place by its form.
        ("自宅は大通西3-4", "自宅は[住所]"),
        ("自宅は大通東2-3-4", "自宅は[住所]"),
        ("自宅は東口2-3-4", "自宅は[住所]"),
        ("自宅は駅南2-3-4", "自宅は[住所]"),
        ("自宅は駅東2-3-4", "自宅は[住所]"),
        ("住所は駅前2-3-4", "住所は[住所]"),
        ("自宅近くの駅前2-3", "自宅近くの[住所]"),
        # A prefecture's name: with three numbers, or two right after 住所は or 自宅は.
        ("住所は千葉2-3-4", "住所は[住所]"),
        ("住所は長野2-3-4", "住所は[住所]"),
        ("長野2-3-4", "[住所]"),
        ("宮崎2-3-4", "[住所]"),
        ("自宅は富山2-3-4", "自宅は[住所]"),
        ("自宅は奈良2-3", "自宅は[住所]"),
        ("自宅は岡山2-3", "自宅は[住所]"),
        # 番地 in kanji numerals after a word of where one lives.
        ("自宅は北浜三番地です", "自宅は[住所]です"),
        ("住所は桜木三番地", "住所は[住所]"),
        ("自宅から近い北浜三番地", "自宅から近い[住所]"),
    ],
)
@pytest.mark.parametrize("names", [True, False], ids=["tagger", "no-tagger"])
def test_a_town_after_a_word_of_where_one_lives_is_masked(text, expected, names):
    assert PiiMasker(names=names).mask(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "実家で観戦、福岡2-0",  # a prefecture and two numbers, no 住所は or 自宅は right before it: a score
        "実家は福岡2-0で勝った",
        "在住の福岡2-0",
        "自宅作業、岡山2-3で勝った",
        "自宅は一番地味",
        "自宅は今回一番地",
        "住所は評価4-5",  # a word numbers count or measure, right after the cue
        "自宅はレベル2-3",
        "自宅は時給1000-1200",
        "自宅はタスク3-12-5",
        "自宅は2023-12-31",
        "自宅は週2-3で出社",  # one kanji is no town
        "福岡2-0",
        "東京3-1で勝った",
    ],
)
@pytest.mark.parametrize("names", [True, False], ids=["tagger", "no-tagger"])
def test_numbers_after_a_word_of_where_one_lives_that_are_no_address_stay(text, names):
    assert "[住所]" not in PiiMasker(names=names).mask(text).text


# Review text after a word of where one lives: amounts, counts, durations, speeds, scores, times (masker 7 and 8 read
# any word right after 住所は, 自宅は, 実家は, 在住の as a town, and a compound or, without UniDic, any word near one).
_CUES = ("自宅は", "住所は", "実家は", "在住の", "現住所は", "住所:", "自宅の", "実家の")
_RANGES = (
    "月収2-3",
    "年収2-3",
    "年収300-400",
    "稼働2-3で",
    "回線1-2Mbps",
    "回線速度1-2",
    "光回線1-2",
    "家賃5-6",
    "家賃相場5-6",
    "駅徒歩5-10",
    "徒歩5-10",
    "通勤片道1-2",
    "片道1-2",
    "往復2-3",
    "残業2-3",
    "睡眠5-6",
    "出社2-3",
    "毎月2-3",
    "毎週2-3",
    "週末2-3",
    "家族3-4",
    "子供2-3",
    "夫婦2-3",
    "応募3-4",
    "受注2-3",
    "納品2-3",
    "修正2-3",
    "試合3-1",
    "勝敗3-1",
    "成績4-5",
    "満足度4-5",
    "偏差値50-60",
    "午前9-12",
    "深夜1-2",
    "夕方5-6",
    "経験2-3",
    "勤続2-3",
    "副業収入2-3",
    "給料2-3",
    "電気代1-2",
    "距離1-2",
    "気温20-25",
    "面積20-30",
)


@pytest.mark.parametrize("cue", _CUES)
@pytest.mark.parametrize("body", _RANGES)
@pytest.mark.parametrize("names", [True, False], ids=["tagger", "no-tagger"])
def test_a_range_right_after_a_word_of_where_one_lives_stays(cue, body, names):
    # A common word before two numbers is what they count or measure, not a town.
    text = cue + body
    assert PiiMasker(names=names).mask(text).text == text


@pytest.mark.parametrize("cue", _CUES)
@pytest.mark.parametrize("body", ["応募3-4-5", "稼働2-3-4", "通勤1-2-3", "深夜1-2-3"])
def test_three_numbers_after_a_word_that_acts_or_says_when_stay(cue, body):
    # UniDic tells a word that acts or says when (応募, 深夜); without it, a town before three numbers may be any word.
    text = cue + body
    assert mask_pii(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "自宅で作業、駅徒歩5-10",  # a compound of nouns before two numbers: a measure, not a town (表参道 needs three)
        "実家暮らしで回線速度1-2",
        "引っ越してから家賃相場5-6",
        "実家に戻って副業収入2-3",
        "自宅作業なので家計簿2-3",
        "実家暮らしで、月収2-3",  # without UniDic, a word that is no place by its form before two numbers
        "在住で年収300-400",
        "自宅勤務で通勤片道1-2",
        "自宅は回線1-2-3Mbps",  # a speed
        "自宅は回線10-20Gbps",
    ],
)
@pytest.mark.parametrize("names", [True, False], ids=["tagger", "no-tagger"])
def test_a_range_near_a_word_of_where_one_lives_stays(text, names):
    assert PiiMasker(names=names).mask(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自宅は東雲2-3-4ですと伝えた", "自宅は[住所]ですと伝えた"),  # three numbers: any town that does not act
        ("実家は西院2-3-4に届いた", "実家は[住所]に届いた"),
        ("在住の追手2-3-4", "在住の[住所]"),
        ("住所は表参道2-3-4", "住所は[住所]"),
        ("実家は天神2-10なので", "実家は[住所]なので"),  # two numbers: a place or a name to UniDic, by its form
        ("自宅は北浜1-2に送れと", "自宅は[住所]に送れと"),
        ("在住の豊洲5-6", "在住の[住所]"),
        ("住所は松が丘2-3です", "住所は[住所]です"),
        ("実家の駅南2-3", "実家の[住所]"),
        ("自宅から近い赤坂2-3", "自宅から近い[住所]"),
        ("引っ越し先は梅田2-3", "引っ越し先は[住所]"),
    ],
)
def test_a_town_before_a_range_like_block_near_a_word_of_where_one_lives_is_masked(text, expected):
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

    start = time.thread_time()  # the work done, not the wait for a CPU on a loaded machine (wall clock)
    list(find_street_addresses(text))
    assert time.thread_time() - start < 2.0  # linear: a few milliseconds; backtracking would take minutes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kyoto's addresses: the street, the crossing and the way (上る, 下る, 西入) are masked with the town and its
        # number (烏丸通 was masked as a name and the rest left; with 番地, the streets were left).
        ("京都市中京区烏丸通御池上る虎屋町566", "京都市中京区[住所]"),
        ("京都市下京区烏丸通四条下る水銀屋町620番地", "京都市下京区[住所]"),
        ("京都市中京区寺町通三条上る天性寺前町523に送った", "京都市中京区[住所]に送った"),
        ("住所は堀川通丸太町下ル西入ル二条城町541です", "住所は[住所]です"),
        # 東京都 and a town starting with 市 (東京都市[住所] before: 京都市 read in 東京都市).
        ("東京都市谷1-2-3", "東京都[住所]"),
        ("東京都市谷田町2-3-4に届けて", "東京都[住所]に届けて"),
        ("京都市伏見区深草1-2-3", "京都市伏見区[住所]"),
        # A building named within another: the whole (森タワー was left after [住所]).
        ("港区六本木6-10-1 六本木ヒルズ森タワー", "港区[住所]"),
        ("港区六本木6-10-1 六本木ヒルズ森タワーに届けて", "港区[住所]に届けて"),
        ("港区虎ノ門1-2-3 虎ノ門ヒルズ森タワー", "港区[住所]"),
        ("自宅は港区愛宕2-5-1 愛宕グリーンヒルズMORIタワー", "自宅は港区[住所]"),
    ],
)
@pytest.mark.parametrize("names", [True, False], ids=["tagger", "no-tagger"])
def test_kyoto_streets_a_town_in_市_after_東京都_and_a_building_in_a_building(text, expected, names):
    assert PiiMasker(names=names).mask(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # A street and a way without a house number name an area (烏丸通 was masked as a name); a street alone.
        "京都市中京区烏丸通御池上る",
        "堀川通に面した店",
        "烏丸通り沿いのカフェ",
        # No address after 自宅は: people counted (家族), a stretch of time (一日中); both were masked.
        "自宅は家族2-3-4",
        "自宅は一日中2-3",
        "自宅は人数3-4-5で回した",
    ],
)
@pytest.mark.parametrize("names", [True, False], ids=["tagger", "no-tagger"])
def test_a_street_alone_and_numbers_after_people_or_time_stay(text, names):
    assert PiiMasker(names=names).mask(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Three numbers joined by の are a block as with hyphens (they were left).
        ("住所は神南1の2の3です", "住所は[住所]です"),
        ("渋谷区神南3の4の5のマンション", "渋谷区[住所]のマンション"),
        ("梅田1の2の3 ABCビル2F", "[住所]"),
        # Three numbers after a town UniDic reads as a surname only (北浜): it was left.
        ("北浜1-2-3で打ち合わせ", "[住所]で打ち合わせ"),
        # Two numbers joined by の, or after no town, or after a word of measure: no address.
        ("神南1の2", "神南1の2"),
        ("資料の1の2を読んだ", "資料の1の2を読んだ"),
        ("問1の2の3が解けない", "問1の2の3が解けない"),
        ("ステップ1の2の3をやる", "ステップ1の2の3をやる"),
        ("3の倍数", "3の倍数"),
    ],
)
def test_numbers_joined_by_no_and_a_town_unidic_reads_as_a_surname(text, expected):
    assert mask_pii(text).text == expected
