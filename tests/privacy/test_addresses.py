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
