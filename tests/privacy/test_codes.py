"""Birth dates and access codes: found after the word that names them, never a price, a date of work or a count."""

import pytest

from taikai.privacy import PiiKind, mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a birth date had no kind and was left (誕生日は1990年4月5日).
        ("誕生日は1990年4月5日", "誕生日は[生年月日]"),
        ("生年月日：1990/04/05です", "生年月日：[生年月日]です"),
        ("誕生日は4月5日なので", "誕生日は[生年月日]なので"),
        ("1990年4月5日生まれの女性", "[生年月日]生まれの女性"),
        ("平成2年4月5日生まれ", "[生年月日]生まれ"),
        # Left: a date nothing says is a birth, a year alone, a birthday without its date.
        ("1990年生まれ", "1990年生まれ"),
        ("2024年4月に退会", "2024年4月に退会"),
        ("納期は4月5日", "納期は4月5日"),
        ("誕生日に退会した", "誕生日に退会した"),
        ("誕生日は2024年4月に退会", "誕生日は2024年4月に退会"),
        ("2024年4月5日生産", "2024年4月5日生産"),
        ("新成人（1990年4月2日〜1991年4月1日生まれ）", "新成人（1990年4月2日〜1991年4月1日生まれ）"),
        ("生年月日が1986年6月2日以降の人", "生年月日が1986年6月2日以降の人"),
    ],
)
def test_a_birth_date(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a birth date a few words after its label was left.
        ("生年月日を聞かれて1990年4月5日と答えた", "生年月日を聞かれて[生年月日]と答えた"),
        ("誕生日も教えてと言われた、1990年4月5日です", "誕生日も教えてと言われた、[生年月日]です"),
        ("生年月日の欄に平成2年4月5日と書いた", "生年月日の欄に[生年月日]と書いた"),
        ("生年月日を送れと言われて1988/12/3を送った", "生年月日を送れと言われて[生年月日]を送った"),
        # Left: a date of this decade (an event's), one in the next sentence, a range, a date without its year.
        ("誕生日クーポンが2024年4月5日に届いた", "誕生日クーポンが2024年4月5日に届いた"),
        ("生年月日の入力は2023/4/1から必須になった", "生年月日の入力は2023/4/1から必須になった"),
        ("誕生日の話をした。1990年4月5日に入社した", "誕生日の話をした。1990年4月5日に入社した"),
        ("生年月日を1990年4月2日〜1991年4月1日の人に限定", "生年月日を1990年4月2日〜1991年4月1日の人に限定"),
        ("誕生日なのに4月5日も働いた", "誕生日なのに4月5日も働いた"),
    ],
)
def test_a_birth_date_later_in_its_sentence(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: passcodes, meeting IDs and gift codes had no kind and were left.
        ("パスコード 123456", "パスコード [アクセスコード]"),
        ("パスワードはabc123です", "パスワードは[アクセスコード]です"),
        ("PIN 1234", "PIN [アクセスコード]"),
        ("ミーティングID 812 3456 7890", "ミーティングID [アクセスコード]"),
        ("ZoomのID 812-3456-7890 パスコード 9999", "ZoomのID [アクセスコード] パスコード [アクセスコード]"),
        ("Amazonギフト券 AQ12-BCDEF-GHIJK", "Amazonギフト券 [アクセスコード]"),
        ("アマギフのコードはABCD1234EFGH5678", "アマギフのコードは[アクセスコード]"),
        # Left: a length, a count, a price, a word after the code's word.
        ("パスワードは8文字以上", "パスワードは8文字以上"),
        ("パスワードはGoogleで管理", "パスワードはGoogleで管理"),
        ("パスワードを3回間違えた", "パスワードを3回間違えた"),
        ("暗証番号4桁", "暗証番号4桁"),
        ("Amazonギフト券 5000円分", "Amazonギフト券 5000円分"),
        ("Amazonギフト券で1000円もらった", "Amazonギフト券で1000円もらった"),
        ("ギフト券 3件", "ギフト券 3件"),
        ("1文字0.5円", "1文字0.5円"),
        ("12345円", "12345円"),
    ],
)
def test_an_access_code(text, expected):
    assert mask_pii(text).text == expected


def test_the_new_kinds_are_counted():
    masked = mask_pii("誕生日は1990年4月5日、パスコード 123456")
    assert masked.counts() == {PiiKind.BIRTH_DATE: 1, PiiKind.ACCESS_CODE: 1}
