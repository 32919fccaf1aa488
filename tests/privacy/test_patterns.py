"""The shape finders (phones, My Numbers, postal codes, accounts, IDs): values glued to punctuation, and traps."""

import pytest

from taikai.privacy import mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Glued after punctuation, ASCII or not (NFKC makes … three dots, ‥ two): the value is found, the mark stays.
        ("Xは…@tanaka_w です", "Xは…[ID] です"),
        ("メール…@tanaka_w", "メール…[ID]"),
        ("メール-@tanaka_w", "メール-[ID]"),
        ("電話…090-1234-5678", "電話…[電話番号]"),
        ("TEL-090-1234-5678", "TEL-[電話番号]"),
        ("マイナンバー…123456789018", "マイナンバー…[個人番号]"),
        ("住所…150-0001東京都", "住所…[郵便番号]東京都"),
        ("振込先…1234567", "振込先…[口座]"),
        # Left alone: an e-mail address's at-sign is no handle, nor a number's tail after a digit and a mark.
        ("tanaka_@example", "tanaka_@example"),
        # ... but under a mail service's name alone it is an address, as people shorten one (masker 16).
        ("tanaka_@gmail", "[メール]"),
        ("@0.3円で", "@0.3円で"),
        ("注文番号 12-0312345678", "注文番号 12-0312345678"),
        ("振込先 1.1234567", "振込先 1.1234567"),
        # Regression: a number glued after letters and a dash is part of a code, unless the letters name a phone.
        ("注文番号 A-090-1234-5678", "注文番号 A-090-1234-5678"),
        ("品番 XZ-03-1234-5678", "品番 XZ-03-1234-5678"),
        ("tel-03-1234-5678", "tel-[電話番号]"),
        ("FAX-03-1234-5678", "FAX-[電話番号]"),
        ("番号 A 090-1234-5678", "番号 A [電話番号]"),
        # Regression: letters glued before the number with no dash: a phone after TEL, FAX, …; a code otherwise.
        ("TEL090-1234-5678", "TEL[電話番号]"),
        ("ＴＥＬ０３１２３４５６７８", "ＴＥＬ[電話番号]"),
        ("Fax0312345678まで", "Fax[電話番号]まで"),
        ("携帯phone09012345678", "携帯phone[電話番号]"),
        ("ABC09012345678", "ABC09012345678"),
        ("hotel0312345678", "hotel0312345678"),
        ("品番XZ0312345678", "品番XZ0312345678"),
        # Regression: a dash after the bracketed area code.
        ("(090)-1234-5678", "[電話番号]"),
        ("(03) - 1234 - 5678", "[電話番号]"),
    ],
)
def test_a_value_is_found_whatever_punctuation_precedes_it(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Amounts and counts are no accounts, after 普通/当座 as anywhere (a number followed by a unit).
        ("普通は1000000円", "普通は1000000円"),
        ("普通 1234567円", "普通 1234567円"),
        ("当座 1000000円", "当座 1000000円"),
        ("普通 12345678 回も修正された", "普通 12345678 回も修正された"),
        ("普通に 1234567 PV あった", "普通に 1234567 PV あった"),
        ("口座に 1234567 views", "口座に 1234567 views"),
        ("普通に 1234567 で", "普通に 1234567 で"),
        # A date (yyyymmdd) is no account unless 口座番号 comes shortly before it.
        ("銀行振込は20240115に着金した", "銀行振込は20240115に着金した"),
        ("口座開設日 20240115", "口座開設日 20240115"),
        ("普通 19991231", "普通 19991231"),
        ("口座番号 20240115", "口座番号 [口座]"),
        ("普通預金口座番号は20240115", "普通預金口座番号は[口座]"),
        ("銀行の口座番号は以下です 20240115", "銀行の口座番号は以下です [口座]"),
        # Accounts stay accounts; a number that is no date is one after 普通 whatever its digits.
        ("普通 1234567", "普通 [口座]"),
        ("普通預金 12345678", "普通預金 [口座]"),
        ("普通 20241399", "普通 [口座]"),
        ("三菱UFJ銀行 渋谷支店 普通 1234567 タナカ", "三菱UFJ銀行 渋谷支店 普通 [口座] タナカ"),
        ("口座番号は1234567です", "口座番号は[口座]です"),
        # ゆうちょ 記号-番号: both halves.
        ("ゆうちょ 記号10000-12345678", "ゆうちょ 記号[口座]-[口座]"),
        ("記号 10000-20240115", "記号 [口座]-[口座]"),
        # Regression: a number another word names between the account's word and it is that word's.
        ("口座に入金されるまで、案件番号 1234567 の件", "口座に入金されるまで、案件番号 1234567 の件"),
        ("支店名が分からず、問い合わせ番号 12345678 で", "支店名が分からず、問い合わせ番号 12345678 で"),
        ("振込先の銀行を変えた。作業ID 7654321", "振込先の銀行を変えた。作業ID 7654321"),
        ("口座残高 3456789 になった", "口座残高 3456789 になった"),
        ("普通預金 残高 5000000", "普通預金 残高 5000000"),
        # ... but not a word before the account's word: the number is the account's.
        ("作業報酬の振込口座 1234567", "作業報酬の振込口座 [口座]"),
        ("案件の報酬は銀行 1234567", "案件の報酬は銀行 [口座]"),
    ],
)
def test_an_account_is_not_an_amount_a_count_or_a_date(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twitter/@tanaka_w でDMください", "Twitter/[ID] でDMください"),
        ("YouTube/@tanaka_channel", "YouTube/[ID]"),
        ("TikTok/@tanaka_w", "TikTok/[ID]"),
        ("note/@tanaka_w", "note/[ID]"),
        ("X（旧Twitter）: tanaka_w", "X（旧Twitter）: [ID]"),
        ("X(公式): tanaka_w", "X(公式): [ID]"),
        ("LINE（公式）のID tanaka_88", "LINE（公式）のID [ID]"),
        ("X: tanaka_w", "X: [ID]"),
        ("マイナンバーの12桁は 1234 5678 9012", "マイナンバーの12桁は [個人番号]"),
        ("マイナンバー（12桁）: 123456789012", "マイナンバー（12桁）: [個人番号]"),
        # Left alone: a platform's name with no value, a count after it.
        ("X（旧Twitter）で連絡した", "X（旧Twitter）で連絡した"),
        ("LINE(公式)で100件", "LINE(公式)で100件"),
        ("Twitter/Instagramで募集", "Twitter/Instagramで募集"),
        ("マイナンバーの提出は3件", "マイナンバーの提出は3件"),
        # Regression: a handle after Xアカウント was left (X alone is no hint: Xアカウント tanaka_88), and a count after
        # a messenger's ID or account was an [ID] (LINEアカウント 100人 was LINEアカウント [ID]人).
        ("Xアカウント tanaka_88 をフォロー", "Xアカウント [ID] をフォロー"),
        ("Xのアカウント: tanaka_88", "Xのアカウント: [ID]"),
        ("LINE ID 100人分の登録", "LINE ID 100人分の登録"),
        ("LINEアカウント 100人", "LINEアカウント 100人"),
        ("LINEのID 300件", "LINEのID 300件"),
        ("Xアカウント 2つ", "Xアカウント 2つ"),
        ("LINE ID: 123456", "LINE ID: [ID]"),  # digits alone, no unit: a LINE ID may be
        # Regression: the ID of a record (a task, a project, a contract, an order) is no person's handle.
        ("作業ID: work_123", "作業ID: work_123"),
        ("タスクID: task_001", "タスクID: task_001"),
        ("プロジェクトID：PRJ-2024-001", "プロジェクトID：PRJ-2024-001"),
        ("契約ID: C-2024-0012", "契約ID: C-2024-0012"),
        ("オーダーID: ORD-12345", "オーダーID: ORD-12345"),
        ("チケットID: TKT-123", "チケットID: TKT-123"),
        ("ログインID: taro_88", "ログインID: [ID]"),
        ("ユーザーID: taro_88", "ユーザーID: [ID]"),
    ],
)
def test_handles_after_a_platform_and_a_my_number_after_its_length(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A handle after a mail service: any value with a letter.
        ("Gmail: yamada.taro に送って", "Gmail: [ID] に送って"),
        ("Gmail：yamada に送って", "Gmail：[ID] に送って"),
        ("Yahoo!メール: taro_88", "Yahoo!メール: [ID]"),
        ("iCloud: hanako", "iCloud: [ID]"),
        ("Gmailアカウント: yamada.taro", "Gmailアカウント: [ID]"),
        # After a site: a handle with a digit or a mark, or named by ID.
        ("GitHub: tanaka-dev", "GitHub: [ID]"),
        ("note: tanaka_writer で発信中", "note: [ID] で発信中"),
        ("pixivのID: hanako", "pixivのID: [ID]"),
        # Left alone: a word after a site, a number, no colon, Japanese, an English note, Yahoo alone.
        ("GitHub: main", "GitHub: main"),
        ("YouTube: shorts", "YouTube: shorts"),
        ("Outlook: 2024", "Outlook: 2024"),
        ("Gmailは yamada", "Gmailは yamada"),
        ("Gmail: 使えない", "Gmail: 使えない"),
        ("Note: see_this", "Note: see_this"),
        ("Yahoo: japan", "Yahoo: japan"),
        ("Gmail: yamada.taro@gmail.com", "Gmail: [メール]"),
    ],
)
def test_a_handle_after_a_mail_service_or_a_site(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A branch and an account number joined by a dash after a word of accounts: masked whole.
        ("振込先 三井住友 123-4567890", "振込先 三井住友 [口座]"),
        ("振込先は三井住友銀行 123-4567890 です", "振込先は三井住友銀行 [口座] です"),
        ("口座 0009-123-4567890", "口座 [口座]"),
        ("振り込み先：みずほ 456-1234567", "振り込み先：みずほ [口座]"),
        # Left alone: no word of accounts, another number's word, an amount.
        ("123-4567890", "123-4567890"),
        ("振込先を変えた。注文番号 123-4567890", "振込先を変えた。注文番号 123-4567890"),
        ("商品番号 123-4567890", "商品番号 123-4567890"),
        ("振込先 三井住友 123-4567890円", "振込先 三井住友 123-4567890円"),
    ],
)
def test_a_branch_and_account_number_after_a_bank(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: seven digits right after a bank that is a brand too, without a branch number (were left).
        ("楽天 1234567", "楽天 [口座]"),
        ("振込は楽天 1234567 でお願いしますと言われた", "振込は楽天 [口座] でお願いしますと言われた"),
        ("ソニー: 1234567", "ソニー: [口座]"),
        ("イオンは1234567です", "イオンは[口座]です"),
        # Left alone: an amount, points, a count, a word between, another length, a year.
        ("楽天 1000円", "楽天 1000円"),
        ("楽天 1000000円", "楽天 1000000円"),
        ("楽天 1234567ポイント", "楽天 1234567ポイント"),
        ("楽天 1234567pt", "楽天 1234567pt"),
        ("楽天ポイント 1234567", "楽天ポイント 1234567"),
        ("楽天の注文 1234567", "楽天の注文 1234567"),
        ("楽天は1234567件の商品", "楽天は1234567件の商品"),
        ("楽天 12345678", "楽天 12345678"),
        ("楽天 2024年", "楽天 2024年"),
        ("Amazon 1234567", "Amazon 1234567"),
    ],
)
def test_an_account_number_alone_after_a_bank_that_is_a_brand(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("セキュリティコード123", "セキュリティコード[カード番号]"),
        ("セキュリティーコードは 1234 です", "セキュリティーコードは [カード番号] です"),
        ("CVV: 123を聞かれた", "CVV: [カード番号]を聞かれた"),
        ("カードのCVC 456", "カードのCVC [カード番号]"),
        # Left alone: a count after the word, a word that merely ends in cid.
        ("セキュリティコードを3回間違えた", "セキュリティコードを3回間違えた"),
        ("acid 123", "acid 123"),
    ],
)
def test_a_cards_security_code(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a live: handle is Skype's whatever precedes it; before the fix, only after Skype ID, Skype名 or
        # "Skype:".
        ("Skype live:taro1 で", "Skype [ID] で"),
        ("スカイプ live:taro_yamada で面談", "スカイプ [ID] で面談"),
        ("Skypeはlive:taro_yamada", "Skypeは[ID]"),
        ("面談はSkype(live:taro_yamada)で", "面談はSkype([ID])で"),
        ("live:taro_yamada まで", "[ID] まで"),
        ("live:taro_yamada.", "[ID]."),
        ("スカイプ（live:.cid.6b3e1f2c8a9d0e7f）", "スカイプ（[ID]）"),
        ("ｌｉｖｅ：ｔａｒｏ＿ｙａｍａｄａ", "[ID]"),
        ("Skype ID: live:taro_yamada", "Skype ID: [ID]"),
        # Not a handle: no ASCII letter first, fewer than three characters, a space after the colon, a capital.
        ("live:配信", "live:配信"),
        ("Instagram live:20時から", "Instagram live:20時から"),
        ("live:1abc", "live:1abc"),
        ("live:ab", "live:ab"),
        ("live: taro", "live: taro"),
        ("Live: 2024", "Live: 2024"),
        ("LIVE:Tokyo", "LIVE:Tokyo"),
        # Inside a URL's path or before an e-mail address's at-sign, the URL or the address is found.
        ("example.com/live:abc", "[URL]"),
        ("live:abc@example.com", "live:[メール]"),
        ("live:abc.def@example.com", "live:[メール]"),
    ],
)
def test_a_skype_live_handle_after_anything(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a handle in brackets right after a person's honorific is the person's (was left).
        ("ディレクターの木村さん（kimura.d）とSlackでやりとり", "ディレクターの[人名]さん（[ID]）とSlackでやりとり"),
        ("田中様 (taro_88) から依頼", "[人名]様 ([ID]) から依頼"),
        ("山田さん(yamada123)", "[人名]さん([ID])"),
        # Left: no handle's shape in lower case (a title, a tool, a version, a domain, Japanese).
        ("田中さん（CEO）", "[人名]さん（CEO）"),
        ("鈴木さん（Python3）", "[人名]さん（Python3）"),
        ("佐藤さん（v2.0）に", "[人名]さん（v2.0）に"),
        ("田中さん（lancers.jp）", "[人名]さん（lancers.jp）"),
        ("田中さん（web担当）", "[人名]さん（web担当）"),
    ],
)
def test_a_handle_in_brackets_after_an_honorific(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a handle after a service and で is found when a verb of finding a person follows it (was left:
        # LINEでyuki0320って検索して).
        ("LINEでyuki0320って検索して", "LINEで[ID]って検索して"),
        ("LINEで taro_88 を検索して友達追加", "LINEで [ID] を検索して友達追加"),
        ("インスタでsakura.photo をフォローして", "インスタで[ID] をフォローして"),
        # Left: a channel, a workspace or a product named after a service and で, which nothing says is searched.
        ("Slackで#generalに書いた", "Slackで#generalに書いた"),
        ("Slackでdev_teamチャンネルに投稿した", "Slackでdev_teamチャンネルに投稿した"),
        ("LINEでline_payを使った", "LINEでline_payを使った"),
        ("Discordでbot_devを動かした", "Discordでbot_devを動かした"),
        ("Teamsでproject_2024に共有した", "Teamsでproject_2024に共有した"),
        ("LINEでiOS17の不具合を検索した", "LINEでiOS17の不具合を検索した"),
    ],
)
def test_a_handle_after_a_service_and_de_that_is_searched(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression (h352): a phone number written as it is read out, its groups joined by の, was left.
        ("090の1234の5678に電話してと言われた", "[電話番号]に電話してと言われた"),
        ("〇九〇の一二三四の五六七八に電話して", "[電話番号]に電話して"),
        ("電話は〇三の三四五六の七八九〇まで", "電話は[電話番号]まで"),
        ("0120の123の456", "[電話番号]"),
        # Left: digits that count no phone, or that start with no 0.
        ("090の1234", "090の1234"),
        ("090の1234の567は桁が足りない", "090の1234の567は桁が足りない"),
        ("2020の1234の5678", "2020の1234の5678"),
        ("00の1234の5678", "00の1234の5678"),
    ],
)
def test_a_phone_read_out_with_no_between_its_groups(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression (h369): 垢, slang for an account, after a service (X垢, ツイ垢, インスタ垢) was no word of IDs, and
        # Xアカ no hint that one may follow: the handle was left.
        ("Xアカ: hanako_writer で受けていた", "Xアカ: [ID] で受けていた"),
        ("X垢はtaro_writerです", "X垢は[ID]です"),
        ("ツイ垢 taro_writer に連絡して", "ツイ垢 [ID] に連絡して"),
        ("インスタ垢: hanako.design", "インスタ垢: [ID]"),
        # A handle in quotes after a service and で before a verb of finding (a closing quote stood between).
        ("Twitterで「taro_writer」と検索して", "Twitterで「[ID]」と検索して"),
        ("LINEで『taro88』を追加して", "LINEで『[ID]』を追加して"),
        # Left: a provider and sites named with an @, an account deleted, a count, and words in ツイ.
        ("@niftyのメールが届かない", "@niftyのメールが届かない"),
        ("@cosmeのレビュー案件", "@cosmeのレビュー案件"),
        ("@type経由で転職した", "@type経由で転職した"),
        ("ツイ垢を消して辞めた", "ツイ垢を消して辞めた"),
        ("垢BANされた", "垢BANされた"),
        ("X垢 300件に営業した", "X垢 300件に営業した"),
        ("ツインの部屋で作業した", "ツインの部屋で作業した"),
        ("Twitterで「副業」と検索した", "Twitterで「副業」と検索した"),
    ],
)
def test_a_handle_after_a_word_of_accounts_in_slang_or_in_quotes(text, expected):
    assert mask_pii(text).text == expected
