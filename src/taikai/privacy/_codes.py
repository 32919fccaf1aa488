"""Birth dates and access codes: values that only the word before them tells from a date or a number.

- **Birth dates** (``[生年月日]``): a date with its month and day right after 誕生日 or 生年月日 (誕生日は1990年4月5日,
  生年月日：1990/04/05, 誕生日は4月5日), or right before 生まれ (1990年4月5日生まれ); or, later in the label's
  sentence, the first date there with a year a worker's birth may have (生年月日を聞かれて1990年4月5日と答えた;
  not 誕生日クーポンが2024年4月5日に届いた). A date with nothing that says it
  is a birth (2024年4月に退会, 納期は4月5日), a year alone (1990年生まれ: an age, as 30代 is) and the dates that bound
  a range (1990年4月2日〜1991年4月1日生まれ: a cohort, 生年月日が1986年6月2日以降) stay. Written in English or in a
  Western order, a date with its year right after an English label (DOB: 1990-03-03, born on March 3, 1990, Date of
  birth 03/03/1990, Birthdate: Mar. 3rd, 1990) or a day, month and year after 誕生日 or 生年月日 (生年月日：03/03/1990);
  a date after another label (Posted on March 3, 2024, 納期は03/03/2024), a year alone (born in 1990) and a range's
  bounds (born 1990-04-02 to 1991-04-01) stay.
- **Access codes** (``[アクセスコード]``): what lets someone into a meeting, an account or a gift's balance: a
  passcode, a password or a PIN with a digit right after its word (パスコード 123456, パスワードはabc123), a
  meeting's ID of nine to eleven digits (ミーティングID 812 3456 7890), a gift card's code of capitals and digits
  after a gift card's word (Amazonギフト券 AQ12-BCDEF-GHIJK). A count, a length or a price after the word stays
  (パスワードは8文字以上, 暗証番号4桁, Amazonギフト券 5000円分).

Every pattern runs on the NFKC form of the text and returns spans of that form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._kinds import Found, PiiKind

_LABEL = r"[ ]?(?:は|が|も|[:=→])?[ ]?"
_YEAR = r"(?:(?:19|20)[0-9]{2}|(?:昭和|平成|令和|[SHR])[ ]?(?:[0-9]{1,2}|元))"


def _date(separator: str) -> str:
    """A date with its month and day: 1990年4月5日, 平成2年4月5日, 4月5日; 1990/04/05, H2.4.5 (one separator, named)."""
    return (
        rf"(?:{_YEAR}[ ]?年[ ]?)?[0-9]{{1,2}}[ ]?月[ ]?[0-9]{{1,2}}[ ]?日"
        rf"|{_YEAR}(?P<{separator}>[/.\-])[0-9]{{1,2}}(?P={separator})[0-9]{{1,2}}(?![0-9])"
        rf"|(?<![0-9])[0-9]{{1,2}}(?P<{separator}2>[/.\-])[0-9]{{1,2}}(?P={separator}2)(?:19|20)[0-9]{{2}}(?![0-9])"
    )


# A date that bounds a range is no one's birth date (1990年4月2日〜1991年4月1日生まれ, 生年月日が1986年6月2日以降).
_NOT_IN_RANGE = r"(?![ ]?(?:以降|以前|以後|まで|から|より|[〜~\-–]))"
BIRTH_DATE = re.compile(
    rf"(?:誕生日|生年月日){_LABEL}(?:西暦[ ]?)?(?P<v>{_date('s')}){_NOT_IN_RANGE}"
    rf"|(?<![0-9年〜~\-–])(?P<w>{_date('t')})(?=[ ]?(?:生まれ|生(?![0-9A-Za-z一-龥ぁ-ゖァ-ヺ])))"
)
_BIRTH_HINTS = ("誕生日", "生年月日", "生")
# A date of birth a few words after its label, in the same sentence (生年月日を聞かれて1990年4月5日と答えた): only a
# full date whose year a worker's birth may have (1900 to 2012, 昭和, 平成), the first date after the label; a
# date of this decade is an event's (誕生日クーポンが2024年4月5日に届いた, 生年月日の入力は2023/4/1から必須).
_BIRTH_YEAR = r"(?:19[0-9]{2}|200[0-9]|201[0-2]|(?:昭和|平成|[SH])[ ]?(?:[0-9]{1,2}|元))"
BIRTH_DATE_LATER = re.compile(
    r"(?:誕生日|生年月日)[^0-9。.!?\n]{1,20}?"
    rf"(?P<v>{_BIRTH_YEAR}[ ]?年[ ]?[0-9]{{1,2}}[ ]?月[ ]?[0-9]{{1,2}}[ ]?日"
    rf"|{_BIRTH_YEAR}(?P<s>[/.\-])[0-9]{{1,2}}(?P=s)[0-9]{{1,2}}(?![0-9])){_NOT_IN_RANGE}"
)

# Birth dates written in English or as Western forms write them (DOB: 1990-03-03, born on March 3, 1990, Date of
# birth 03/03/1990): the month's name, the day and the year, or the digits of a date with its year, after a label.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_EN_YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"
BIRTH_DATE_EN = re.compile(
    r"(?<![A-Za-z])(?:date[ ]?of[ ]?birth|birth[ ]?date|birthday|D\.?O\.?B\.?|born(?:[ ]on)?)(?![A-Za-z])"
    r"[ ]?(?:[:=]|is|は|が)?[ ]?"
    rf"(?P<v>{_MONTH}[ ]?{_DAY},?[ ]?{_EN_YEAR}|{_DAY}[ ]?(?:of[ ])?{_MONTH},?[ ]?{_EN_YEAR}|{_date('e')})"
    rf"{_NOT_IN_RANGE}(?![ ]?(?:to|and|or|until|till|through)(?![A-Za-z]))",  # born 1990-04-02 to 1991-04-01
    re.IGNORECASE,
)
_BIRTH_HINTS_EN = ("birth", "dob", "d.o.b", "born")

_UNIT_AFTER = r"(?![0-9A-Za-z]|[ ]?(?:文字|桁|回|円|件|個|人|名|日|時間|分|秒|%|ケタ|けた))"
# A passcode, a password or a PIN with a digit (パスワードはabc123; not パスワードはGoogleで管理).
PASSCODE = re.compile(
    r"(?<![A-Za-z])(?:パスコード|パスワード|暗証番号|PINコード|PIN|passcode|password|認証コード|確認コード)"
    rf"(?![A-Za-z]){_LABEL}(?P<v>[A-Za-z0-9!#$%&*+\-._@]{{4,40}}){_UNIT_AFTER}",
    re.IGNORECASE,
)
MEETING_ID = re.compile(
    r"(?:ミーティング[ ]?ID|会議[ ]?ID|meeting[ ]?ID|Zoom[ ]?(?:の[ ]?)?ID|ウェビナー[ ]?ID|webinar[ ]?ID)"
    rf"{_LABEL}(?P<v>[0-9]{{3}}[ \-]?[0-9]{{3,4}}[ \-]?[0-9]{{3,4}})(?![0-9])",
    re.IGNORECASE,
)
# A gift card's code: groups of capitals and digits joined by hyphens (AQ12-BCDEF-GHIJK), or a run of ten to twenty
# with a digit, a few characters after the card's word.
GIFT_CODE = re.compile(
    r"(?:ギフト券|ギフトカード|ギフトコード|アマギフ|iTunesカード|App Store(?: &)? iTunes|Google Play(?:ギフト)?カード"
    r"|プリペイドカード|WebMoney|ウェブマネー|BitCash|ビットキャッシュ)"
    r"[^0-9A-Z\n]{0,12}?(?P<v>[A-Z0-9]{4,6}(?:-[A-Z0-9]{4,6}){2,4}|[A-Z0-9]{10,20})(?![0-9A-Za-z\-])",
    re.IGNORECASE,
)
_CODE_HINTS = (
    *("パス", "暗証", "pin", "pass", "認証コード", "確認コード", "id", "ギフト", "アマギフ", "itunes"),
    *("google play", "プリペイド", "webmoney", "ウェブマネー", "bitcash", "ビットキャッシュ"),
)


def find_birth_dates(text: str) -> Iterator[Found]:
    """Find a date with its month and day after 誕生日 or 生年月日, or before 生まれ; or one with its year after an
    English label (DOB: 1990-03-03, born on March 3, 1990)."""
    if ("月" in text or any(ch in text for ch in "/.-")) and any(hint in text for hint in _BIRTH_HINTS):
        for m in BIRTH_DATE.finditer(text):
            group = "v" if m.group("v") is not None else "w"
            yield Found(m.start(group), m.end(group), PiiKind.BIRTH_DATE)
        for m in BIRTH_DATE_LATER.finditer(text):
            yield Found(m.start("v"), m.end("v"), PiiKind.BIRTH_DATE)
    lowered = text.lower()
    if any(hint in lowered for hint in _BIRTH_HINTS_EN):
        for m in BIRTH_DATE_EN.finditer(text):
            yield Found(m.start("v"), m.end("v"), PiiKind.BIRTH_DATE)


def find_access_codes(text: str) -> Iterator[Found]:
    """Find a passcode, a password or a PIN, a meeting's ID and a gift card's code after the word that names it."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _CODE_HINTS):
        return
    for m in PASSCODE.finditer(text):
        value = m.group("v").rstrip(".-")
        if any(ch.isdigit() for ch in value) and len(value) >= 4:
            yield Found(m.start("v"), m.start("v") + len(value), PiiKind.ACCESS_CODE)
    for m in MEETING_ID.finditer(text):
        yield Found(m.start("v"), m.end("v"), PiiKind.ACCESS_CODE)
    for m in GIFT_CODE.finditer(text):
        value = m.group("v")  # capitals (AQ12-BCDEF-GHIJK), with a hyphen or a digit: not a word nor a price
        if value.isupper() and ("-" in value or any(ch.isdigit() for ch in value)):
            yield Found(m.start("v"), m.end("v"), PiiKind.ACCESS_CODE)
