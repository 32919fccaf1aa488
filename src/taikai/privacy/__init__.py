"""Personal data in review texts: find it and replace it by typed placeholders before anything else sees the text.

``mask_pii(text)`` returns a :class:`Masked` text with the :class:`PiiSpan` of each value replaced; a
:class:`PiiMasker` masks many texts with one tagger and counts the masks per :class:`PiiKind`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taikai._lazy import lazy_modules, public_dir

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai.privacy._kinds import ANY_PLACEHOLDER as ANY_PLACEHOLDER
from taikai.privacy._kinds import NEUTRAL as NEUTRAL
from taikai.privacy._kinds import NOT_JAPANESE_PLACEHOLDERS as NOT_JAPANESE_PLACEHOLDERS
from taikai.privacy._kinds import PLACEHOLDERS as PLACEHOLDERS
from taikai.privacy._kinds import Masked, PiiKind, PiiSpan, count_kinds, neutralize
from taikai.privacy._kinds import format_counts as format_counts
from taikai.privacy._kinds import placeholder_kinds as placeholder_kinds
from taikai.privacy._kinds import read_as_model as read_as_model
from taikai.privacy._kinds import sum_counts as sum_counts
from taikai.privacy._screen import MaskedScreen as MaskedScreen

MASKER_VERSION = 35
"""The version of what masking outputs. Bump it with every change that can make :func:`mask_pii` or a
:class:`PiiMasker` return another text or other spans for some input: a new kind, a pattern or a word list that
finds more or less, a mask's extent, a placeholder renamed. ``batch --resume --mask-pii`` compares it, so that a run
is never continued with other masking than the rows it saved (the taikai version may stay the same across such a
change). 2: IP addresses, card security codes, URL extents, names masked whole, and their narrowing the same
day (readings, versions, です, spaced @, codes before a dash); no release carried a 2 without them (1: before it was
recorded). 3: account numbers before 名義/本人/本店, Skype handles whole, phones in two groups, cards never after
an order's word nor as a bare run without a card's word, invoice and identity-document numbers, katakana surnames
before a particle, companies ending in 堂, names after 氏名:, e-mail addresses with a kanji local part, %40 or a
spaced TLD. 4: street addresses (``[住所]``: the town, its block and house numbers, the building and room). 5: fewer
street addresses in ordinary text: 番地 in kanji numerals only after a place, never 番地 glued to a word in 地
(一番地味), no town that is a word of measure (評価4-5), a date (2023-4-1), a prefecture alone or, near 自宅 or
在住, a common noun (条件2-3); a 市, 区 or 県 starting a word (市場, 区分, 市内) is no city before a town. 6: values
read as the model reads them, through format characters (a zero-width space or a soft hyphen inside a phone number)
and with a tab or a run of spaces as one space (LINE ID:  taro_88), phones glued after TEL or FAX or with a dash after
the bracketed area code ((090)-1234-5678), URLs without a scheme under more top-level domains (youtu.be, forms.gle,
notion.so, .work, .design, .tokyo), handles ending in digits before an honorific (sakura0123さん), names after Mr.,
Ms. or Dr.; no account after a word of another number (案件番号, 作業ID, 残高), no [ID] after a record's ID
(作業ID, プロジェクトID), タスカジ and ANYTIMES no name. 7: the
street addresses 5 had stopped masking: any town right after 住所は, 自宅は, 実家は, 在住の (自宅は東雲2-3-4), a
place by its form near such a word (駅南, 大通西), a prefecture before three numbers or right after 住所は or 自宅は
(長野2-3-4, 自宅は奈良2-3), 番地 in kanji after such a word (自宅は北浜三番地). 8: names before more job titles
(田中マネージャー, 佐藤ディレクター, 鈴木リーダー, 山田先輩, 田中主任, 星野監督) and before っち (田中っち); a town
starting with 市 after a ward (新宿区市谷1-2-3 is 新宿区[住所], not 新宿区市[住所]) and one number after a town in 町
or 村 after a city or a word of home (高崎市八島町222); a branch and account number after a word of accounts
(振込先 三井住友 123-4567890); handles after a mail service or a site (Gmail: yamada.taro, GitHub: tanaka-dev); US
phone numbers, Social Security numbers and IBANs (whose digits were masked as a My Number); two numbers after a common
word right after or near a word of home are a range, no address (自宅は月収2-3, 実家は年収2-3, 自宅は駅徒歩5-10). 9:
names before long titles (田中事業部長), after a role's label (担当者：高橋) and before a drawn-out honorific
(田中さーん); no name for a place before に or へ and a verb of going there (神田に行った) nor for a street
(烏丸通); Kyoto's addresses from the street on (烏丸通御池上る虎屋町566), 市 after 東京都 in the town
(東京都市谷), a building within another whole (六本木ヒルズ森タワー); no address after 自宅は and people or a
time (自宅は家族2-3-4, 自宅は一日中2-3). 10: names after more labels (幹事：高橋), before デスク and titles
with a katakana department (田中マーケティング部長), a one-kanji nickname before ちゃん (山ちゃん); e-mail addresses
under an internationalised domain (taro@例え.jp); street addresses with three numbers joined by の (神南1の2の3),
three numbers after a town UniDic reads as a surname (北浜1-2-3), and three digits or more after a town in 町 alone
(八島町222). 11: no address for a bus route or a flight after a town (桜木町130系統, 八島町222便); two numbers after
a side and a kanji or two right after 自宅は or 住所は (自宅は西院2-3); names after more labels and before more titles
(クライアント：高橋, 高橋社労士, 白井オーナー); handles after LINEは, IDが, IDを (LINEはtaro_88) and ハンドルネーム,
a Japan Post transfer account (ゆうちょ 00120-1-123456), a Discord tag's number with its handle (Discord
IDはtaro#1234). 12: the keys of an object in a JSONL text cell masked as its values are ({"taro@example.com": …}),
two keys masked alike numbered ([メール] (2)). 13: a name before an honorific in romaji (Tanaka-san, Taro Yamada
san, yamada-sama). 14: a handle in quotes or brackets after the word that names it (LINE IDは「sato_88」) and a
name in quotes before an honorific (発注者「山本」さん), a town written with hiragana after a city or ward
(青葉区美しが丘1-2-3); no account in an amount, after 額 (振り込まれた額は 1234567) or before 入金された or
振り込まれた (口座に1234567振り込まれた). 15: the second of two values behind one character NFKC expands
(090-1234-567¼taro@example.com: 1 ends the phone, 4 starts the address) masked too, no longer left written. 16: a
value glued after a character NFKC makes digits of (〒150-004½090-1234-5678: the phone after ½); an e-mail address
with its dots spaced (tanaka ＠ example ． com); a handle after a service and an arrow (LINE→ taro_88); an account
after a bank's name without 銀行 (三菱UFJ 001-1234567, みずほ 渋谷 1234567, 楽天 201 1234567) and Japan Post's
記号番号 with any dash or a space (12345ー1234567); a nickname in quotes UniDic splits into grammar (「ぴよ子」さん)
and a name before a note in kanji brackets (田中（仮名）さん is [人名]（仮名）さん), a given name in kanji brackets
masked with the surname (山田（太郎）さん); a postal code without 〒 before a city or a ward (150-0001 渋谷区) or after
住所; a handle after a service's name and an @ (Instagram @taro.yamada, tiktok@taro_88, インスタ@taro.yamada: the
first and the last were an e-mail address, with the service's name in it); an address under a mail service's name
alone (kenji.sato@gmail, taro88@docomo). 17: a Japanese segment after a URL's domain / that a /, ? or # follows masked
with the URL (https://example.com/プロフィール/田中); an e-mail address with a space after a dot only
(tanaka@example. com); seven digits right after a bank that is a brand too (楽天 1234567); a kana nickname glued before
子, 美 or a given name in kanji (ぴよ子さん, みか子さん, ぴよ太郎さん: was ぴよ[人名]さん); a surname alone in
brackets after a value (090-1234-5678（田中）) or after a role and は before です (担当者は佐藤です); a handle in
brackets after an honorific (木村さん（kimura.d）); points (ポイント, pt) are a unit, no account. 19: a ? or # ends a
URL's Japanese segment only before a query or a fragment (https://example.com/東京って? と聞かれた keeps
東京って?); a kana nickname starting with an adverb of sounds before a given name (ぽん太さん, ぴよぴよ太郎さん:
was left, and ぴよぴよ[人名]さん), or a stray kana before a noun (ゆきんこさん); a handle after a service and で
that a verb of finding a person follows (LINEでyuki0320って検索して; not Slackでdev_teamチャンネルに); two new
kinds: birth dates (``[生年月日]``: 誕生日は1990年4月5日, 1990年4月5日生まれ) and access codes (``[アクセスコード]``:
パスコード 123456, ミーティングID 812 3456 7890, Amazonギフト券 AQ12-BCDEF-GHIJK). 20: a number in the text
column (a JSONL, Parquet or xlsx cell, or one in a JSONL object) masked as its digits are written and returned as
that text (123456789018 is [個人番号]; it passed unchanged). 21: kana nicknames before an honorific masked whole
(ゆのんさん was ゆ[人名]さん; ゆのん氏, ぽんさん, ぺこちゃん were left) and an adverb before one no longer with it
(もうぽんさん was [人名]さん); birth dates in English or a Western order (DOB: 1990-03-03, born on March 3, 1990,
生年月日：03/03/1990). 22: a hiragana nickname UniDic reads as one common noun, or as a filler and one, before an
honorific (ももさん, ゆめ様, あやねさん: were left); a phone number stored as a number, its leading 0 lost
(9012345678 in a JSONL, Parquet or xlsx number cell: was left); a lower-case romaji name before a space and san
(yamada san), a handle after Xアカウント; no [ID] for a count after a messenger's ID (LINEアカウント 100人). 23: a
hiragana name after a one-kana filler, and a name after one kanji UniDic reads apart, masked whole (いちかさん was
い[人名]さん, 上倉健一さん was 上[人名]さん). 24: a given name's last kanji UniDic reads apart, a hiragana
surname it reads as a common noun, and a nickname after an adverb and た, masked whole (岡島萌歌さん was
[人名]歌さん, はたけみつをさん was はたけ[人名]さん, まだたかぴーさん was まだたか[人名]さん). 25: kanji names
UniDic reads apart as common words masked before an honorific (清原果耶さん, 森七菜さん were left, 浜辺美波さん was
浜辺[人名]さん), a given name's last kanji before a title or after a two-kanji given name (上白石萌歌部長 was
[人名]歌部長, 未央奈さん was left), a surname before 家, 宅, 邸, 夫妻 or 夫婦 (鈴木家), a nickname ending in a
suffix of sounds (まだたかぽんさん) or whose honorific UniDic reads into a sound (結局いちかちゃん: いち + かちゃん);
a particle read into the hiragana name after a noun left outside (ディレクターに[人名]さん, was
ディレクター[人名]さん). 26: a role UniDic tags as a surname before a given name left outside the mask
(上司美波さん was [人名]さん, now 上司[人名]さん), one-kana pieces before a nickname of sounds masked with it
(ずっとみかぴょんちゃん was ずっとみか[人名]ちゃん), a name before a word of kin (健太兄さん was left) and a
surname and a given name UniDic reads across (清野菜名さん was left). 27: a name after a platform written with it
(出前館美波さん was 出[人名]さん, ココナラ美波さん and 楽天美波さん were left: now 出前館[人名]さん, …), a given name
UniDic tags a place before a word of kin or an honorific (美波姉ちゃん, 楽天美咲ちゃん, ヒロ君 were left), and 客 or
皆 before a given name left outside the mask (客美波さん was [人名]さん, now 客[人名]さん). 29: a one-kanji given name
UniDic reads as a common noun or a suffix, before くん or after a word of kin or a role (翼くん, 女優杏さん,
担当光さん were left), a given name after a word of kin (妻舞さん was left), a surname read as two single kanji
(國中均氏 was 國中[人名]氏), a given name alone after kin or a role and の (娘の結衣が was left), one before くん
UniDic reads as a verb (翔くんが, 拓くん were left); a phone number's
groups joined by の (090の1234の5678); an e-mail address's @ or dot in hiragana ((あっと), (どっと)). 30: the
given names most often given in the 2010s and 2020s that UniDic reads as common nouns or apart, before an honorific
(愛さん, 澪ちゃん, 颯真くん were left) or alone after kin or a role and の (娘の陽葵が, 息子の蓮は were left); no
name for a pet after a word of a pet and の or after 愛犬 (猫のタマちゃん, 愛犬の蓮くん were [人名]), nor for お花,
お米 before さん, nor for ニッセン, アイドマ, クラウディア (platforms) before one; a handle after 垢 or Xアカ
(ツイ垢 taro_writer, X垢はtaro_writer) and in quotes after a service and で before a verb of finding
(Twitterで「taro_writer」と検索); no [ID] for @nifty, @cosme, @type, @press, @wiki. 31: a given name UniDic reads
as two kanji with no surname before an honorific (柚葉ちゃん, 今回柚葉さん were left), a name glued after a phrase of
time in 中 or この度 (期間中舞さん, この度杏さん were left), no name for 孫ちゃん (a grandchild: was [人名]ちゃん);
handles glued to ID (IDtaro123), after an @ and a space (連絡は@ taro), after a few words and an arrow or a colon
(LINE ID教えます→kenta_0812) and in kana after ハンドル and a colon (ハンドル：たろうまる); a birth date a few words
after its label in the same sentence (生年月日を聞かれて1990年4月5日と答えた) when its year is a worker's. 32: a
name found once masked where the same text writes it again as a word of its own (担当は小林さん。小林の対応が最悪
was [人名]さん。小林の…; not 西 in 西日本 or 関西, nor tanaka in tanaka@example.com); a name's kanji in the variant
form CP932 holds and people write (髙橋, 德永, 濵田, 神﨑, 𠮷田) read as the common form (クライアントの髙橋から was
left). 33: UTF-8 read as CP932 (mojibake, 逕ｰ荳ｭ縺輔ｓ for 田中さん), a whole text or a stretch of one, masked as
what it says and written back as read with readable placeholders ([人名]縺輔ｓ; it was left, and anyone could read
it back). 34: a surname alone in brackets after a role, or in any brackets when the dictionary holds it only as a
person's name (クライアント(高橋)の, 担当の「佐藤」が, 「田中」が were left), or after a role and は, の or a space
when it ends a sentence, a clause or the text (担当者は高橋。, クライアントの高橋、最悪); a person's number at a
service after ID and a colon, = or は, or after a person's word or a platform and ID or 番号 (ID:12345678,
ユーザーID 12345678, お客様番号 1234-5678, ランサーズID 12345678 were left); a surname listed with a name found,
joined to it by 、, ・, / or と (高橋、佐藤、渡辺の3人, 担当: 高橋/佐藤: only the last, or the first, was masked). 35:
a name found in one text of a run (a batch file, a frame's column, the texts of one call) masked in every text of
it where it stands bare, as a word of its own the dictionary reads as a proper noun (田中さん in one row left
小林の対応が遅い bare in another; 松本の件, where 松本 reads as a place; not 松本市, 千葉県, 小林製薬),
and the surnames listed with it there; a surname UniDic reads as a place alone in brackets after a role or after
a role and は before です (上司（松本）に, 担当は千葉です, 担当は山田です were left), and the last of a list before
各氏 or 両氏 with the list (田中・鈴木・小林の各氏 was left)."""

if TYPE_CHECKING:
    from taikai.privacy._addresses import EMAIL, without_addresses
    from taikai.privacy._as_read import NAME_FORMS
    from taikai.privacy._frame_column import mask_text_column
    from taikai.privacy._mask import PiiMasker, mask_pii
    from taikai.privacy._mask import default_masker as default_masker
    from taikai.privacy._run_names import RunNames

__all__ = [
    "EMAIL",
    "MASKER_VERSION",
    "NAME_FORMS",
    "Masked",
    "PiiKind",
    "PiiMasker",
    "PiiSpan",
    "RunNames",
    "count_kinds",
    "mask_pii",
    "mask_text_column",
    "neutralize",
    "without_addresses",
]
__dir__ = public_dir(globals(), __all__)

# The finders compile their patterns on import: only masking needs them, not a model reading masked text
# (``neutralize``), which every classification does.
__getattr__: Any = lazy_modules(
    "taikai.privacy",
    {
        "taikai.privacy._mask": ("PiiMasker", "default_masker", "mask_pii"),
        "taikai.privacy._frame_column": ("mask_text_column",),
        "taikai.privacy._run_names": ("RunNames",),
        "taikai.privacy._addresses": ("EMAIL", "without_addresses"),
        "taikai.privacy._as_read": ("NAME_FORMS",),
    },
)
