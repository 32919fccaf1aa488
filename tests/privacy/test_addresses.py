"""without_addresses: e-mail addresses and URLs as masking finds them, replaced by a mark (drift's word counts)."""

import pytest

from taikai.privacy import mask_pii, without_addresses


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("連絡は taro@example.com まで", "連絡は  url  まで"),
        ("連絡は yamada.taro(at)gmail.com まで", "連絡は  url  まで"),
        ("taro at example dot com に送って", " url  に送って"),
        ("note.com/tanaka_writer/n/n123abc を見て", " url  を見て"),
        ("https://example.com/a と b@example.jp", " url  と  url "),
        ("work at example.com で働く", "work at example.com で働く"),
        ("lancers.jp は手数料が高い", "lancers.jp は手数料が高い"),
        ("田中さんの電話 090-1234-5678", "田中さんの電話 090-1234-5678"),
    ],
)
def test_addresses_are_replaced_where_masking_finds_them(text, bare):
    assert without_addresses(text) == bare
    masked = mask_pii(text).text
    assert ("[メール]" in masked or "[URL]" in masked) == (bare != text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Glued after punctuation, ASCII or not (NFKC makes … three dots, ‥ two, ＋ a plus): the punctuation stays.
        ("メール…tanaka@example.com", "メール…[メール]"),
        ("連絡は‥tanaka.k@example.co.jp まで", "連絡は‥[メール] まで"),
        ("メール・tanaka@example.com", "メール・[メール]"),
        ("メール.tanaka@example.com", "メール.[メール]"),
        ("メール-tanaka@example.com", "メール-[メール]"),
        ("メール_tanaka@example.com", "メール_[メール]"),
        ("メール+tanaka@example.com", "メール+[メール]"),
        ("メール＋tanaka@example.com", "メール＋[メール]"),
        ("メール%tanaka@example.com", "メール%[メール]"),
        ("連絡先…www.example.com/a", "連絡先…[URL]"),
        ("連絡先…note.com/tanaka/n/1", "連絡先…[URL]"),
        ("ブログ/note.com/tanaka", "ブログ/[URL]"),
        # One space on either side of the at-sign.
        ("tanaka @ example.com", "[メール]"),
        ("tanaka ＠ example.com に送った", "[メール] に送った"),
        ("tanaka@ example.com", "[メール]"),
        # Left alone: no domain after the at-sign, a version, a price.
        ("価格 @ 100円", "価格 @ 100円"),
        ("バージョン1.2.3で直った", "バージョン1.2.3で直った"),
        ("時給1,000円 @ 自宅", "時給1,000円 @ 自宅"),
    ],
)
def test_an_address_is_found_whatever_punctuation_precedes_it(text, expected):
    assert mask_pii(text).text == expected
