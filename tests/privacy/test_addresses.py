"""without_addresses: e-mail addresses and URLs as masking finds them, replaced by a mark (drift's word counts)."""

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS, mask_pii, without_addresses
from taikai.text import check_text


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
        ("ab @ example.com", "[メール]"),
        ("t2 @ example.com", "[メール]"),
        # Regression: with a space at the at-sign, a local part of one character or of digits only is no address's
        # (a count or a time before an @ and a site).
        ("会議は10 @ zoom.us でやった", "会議は10 @ zoom.us でやった"),
        ("meeting 3 @ meet.google.com", "meeting 3 @ meet.google.com"),
        ("a @ example.com", "a @ example.com"),
        ("123 @ example.com", "123 @ example.com"),
        # Left alone: no domain after the at-sign, a version, a price.
        ("価格 @ 100円", "価格 @ 100円"),
        ("バージョン1.2.3で直った", "バージョン1.2.3で直った"),
        ("時給1,000円 @ 自宅", "時給1,000円 @ 自宅"),
    ],
)
def test_an_address_is_found_whatever_punctuation_precedes_it(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An IRI's Japanese path segment is part of the URL.
        ("https://ja.wikipedia.org/wiki/クラウドソーシング", "[URL]"),
        ("https://ja.wikipedia.org/wiki/クラウドソーシング を読んだ", "[URL] を読んだ"),
        ("https://example.com/search?q=東京&page=2 で検索", "[URL] で検索"),
        ("www.example.jp/a/クラウド 参照", "[URL] 参照"),
        ("https://example.com/wiki/東京で登録", "[URL]"),  # runs to the hiragana glued to 東京: the model reads no more
        # Regression: hiragana after a / is a particle or a verb glued after the URL, and Japanese right after the
        # domain's / is the text's (a page at the root in Japanese is rare; a review going on after the URL is not).
        ("詳細はhttps://example.com/を見てください。", "詳細は[URL]を見てください。"),
        ("https://www.lancers.jp/で登録したけど仕事がない。", "[URL]で登録したけど仕事がない。"),
        ("www.crowdworks.jp/から応募した、でも全然だめ", "[URL]から応募した、でも全然だめ"),
        ("https://example.com/a/b/を見て", "[URL]を見て"),
        ("www.example.jp/クラウド 参照", "[URL]クラウド 参照"),
        ("https://example.com/東京で登録", "[URL]東京で登録"),
        ("https://example.com/?q=東京 で検索", "[URL] で検索"),
        # Regression: a Japanese segment after the domain's / that a /, ? or # follows is a path, the name in it the
        # page's (was [URL]プロフィール/田中), unless the text keeps no Japanese the model reads without the URL.
        ("プロフィールは https://example.com/プロフィール/田中 です", "プロフィールは [URL] です"),
        ("詳細 https://example.com/ユーザー/田中?tab=1 を見て", "詳細 [URL] を見て"),
        ("資料はwww.example.jp/資料#2 参照", "資料は[URL] 参照"),
        ("https://example.com/プロフィール/田中", "[URL]プロフィール/田中"),
        ("https://www.lancers.jp/経由/直接どちらも不可だった", "[URL]経由/直接どちらも不可だった"),
        # Regression: so is a segment in hiragana after any / that another /, or a ? or # and a query or fragment,
        # follows (was [URL]ぴよ子?tab=1: the URL ended at the / before it), with the same proviso.
        ("詳しくは www.example.jp/ユーザー/ぴよ子?tab=1 を見て", "詳しくは [URL] を見て"),
        ("詳しくは https://example.jp/ぴよ子?tab=1 を見て", "詳しくは [URL] を見て"),
        ("https://example.jp/users/ぴよ子#top です", "[URL] です"),
        ("www.example.jp/ユーザー/ぴよ子/投稿 です", "[URL] です"),
        ("https://example.jp/u/ぴよ子/ で見た", "[URL] で見た"),
        ("https://example.jp/a/ぴよ子?tab=1", "[URL]ぴよ子?tab=1"),
        ("https://example.jp/a/ぴよ子 です", "[URL]ぴよ子 です"),  # no / ? # after it: the text's
        ("https://example.com/a/ってなに? 教えて", "[URL]ってなに? 教えて"),  # a question, not a query
        ("https://example.com/a/ってなに?", "[URL]ってなに?"),
        # Regression: after the domain's / too, a ? or # with no query or fragment after it ends a question (was
        # [URL]? と聞かれた: the bare ? counted as a path going on).
        ("https://example.com/東京って? と聞かれた", "[URL]東京って? と聞かれた"),
        ("詳しくはhttps://example.com/東京って?ってこと", "詳しくは[URL]東京って?ってこと"),
        ("https://example.com/東京って?? 教えて", "[URL]東京って?? 教えて"),
        ("https://example.com/a/ってなに?? 教えて", "[URL]ってなに?? 教えて"),
        ("https://example.com/東京?q=1 を見て", "[URL] を見て"),
        # Japanese glued after an ASCII letter or a mark ends it, where the text has Japanese elsewhere.
        ("資料はhttps://docs.example.com/d/abc123/editにあります", "資料は[URL]にあります"),
        ("連絡で「https://example.com/a」を見て", "連絡で「[URL]」を見て"),
        ("詳細は https://example.com/a。次へ", "詳細は [URL]。次へ"),
        # Where the model reads no Japanese outside URLs (it reads one up to a space), the URL runs to the space.
        ("https://example.com/aをご覧ください", "[URL]"),
        ("（https://example.com/a）を見て", "（[URL]"),
        ("https://example.com/a。 次", "[URL]。 次"),
        # Left alone: laughter is no www. address.
        ("面白いwww.次は頑張る", "面白いwww.次は頑張る"),
    ],
)
def test_a_url_extent(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://ja.wikipedia.org/wiki/クラウドソーシング",
        "https://example.com/aをご覧ください",
        "（https://example.com/a）を見て",
        "https://line.me/ti/p/~taro123。これで追加して、と",
        "www.example.jp/クラウド",
        "https://example.com/a を見て",
        "資料はhttps://docs.example.com/d/abc123/editにあります",
        "面白いwww.次は",
        "090-1234-5678 https://example.com/東京",
        "https://example.com/プロフィール/田中",
        "https://www.lancers.jp/経由/直接どちらも不可だった",
        "プロフィールは https://example.com/プロフィール/田中 です",
        "https://example.jp/a/ぴよ子?tab=1",
        "www.example.jp/ユーザー/ぴよ子/投稿",
        "203.0.113.45",
        "IP 203.0.113.45 から",
    ],
)
def test_masking_never_changes_whether_the_model_reads_a_text_with_a_url(text):
    """Regression: the masker stopped the URL at its first Japanese character, the model's reading did not."""
    masked = mask_pii(text).text
    assert check_text(masked, ignore=NOT_JAPANESE_PLACEHOLDERS).status is check_text(text).status


def test_predict_refuses_a_url_alone_with_and_without_mask_pii(tiny_model_dir):
    url = "https://ja.wikipedia.org/wiki/クラウドソーシング"
    for extra, message in [([], "no Japanese characters outside URLs"), (["--mask-pii"], "placeholders of masked")]:
        result = CliRunner().invoke(cli, ["predict", url, "-m", str(tiny_model_dir), *extra])
        assert result.exit_code != 0, result.output
        assert message in result.output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IP 203.0.113.45 から", "IP [IPアドレス] から"),
        ("ルーター 192.168.1.1 にアクセス", "ルーター [IPアドレス] にアクセス"),
        ("サーバー 2001:db8::1 に", "サーバー [IPアドレス] に"),
        ("fe80::1a2b:3c4d:5e6f:7a8b から", "[IPアドレス] から"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "[IPアドレス]"),
        # Left alone: versions, dates, times, prices, code.
        ("バージョン1.2.3で直った", "バージョン1.2.3で直った"),
        ("v1.2.3.4 で直った", "v1.2.3.4 で直った"),
        ("Ver.10.0.19041.1", "Ver.10.0.19041.1"),
        ("2024.01.15に納品", "2024.01.15に納品"),
        ("12:30:45に連絡", "12:30:45に連絡"),
        ("std::vector を使う", "std::vector を使う"),
        ("時給1,000円で1.5.2025開始", "時給1,000円で1.5.2025開始"),
        # Regression: a dotted quad is an IP address after a word of networks, or when it starts with 10 or more
        # and no word of versions comes before it; versions and scores start small.
        ("管理画面は192.168.0.1でした", "管理画面は[IPアドレス]でした"),
        ("接続元 10.0.0.5 から", "接続元 [IPアドレス] から"),
        ("IPは1.2.3.4でした", "IPは[IPアドレス]でした"),
        ("IPv4アドレス 8.8.8.8", "IPv4アドレス [IPアドレス]"),
        ("サーバーを1.2.3.4に移した", "サーバーを[IPアドレス]に移した"),
        ("Pythonの3.12.1.0で動かない", "Pythonの3.12.1.0で動かない"),
        ("アプリを1.2.3.4に更新したら", "アプリを1.2.3.4に更新したら"),
        ("バージョンは 2.0.0.1 でした", "バージョンは 2.0.0.1 でした"),
        ("アプデ後の2.0.0.1でバグ", "アプデ後の2.0.0.1でバグ"),
        ("評価は4.5.4.5で推移", "評価は4.5.4.5で推移"),
        ("アップデートで 12.0.1.3 になった", "アップデートで 12.0.1.3 になった"),
    ],
)
def test_ip_addresses(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A domain with a label in kanji or kana (these were left whole).
        ("taro@例え.jp", "[メール]"),
        ("問い合わせはsato@テスト.jpまで", "問い合わせは[メール]まで"),
        ("info@お名前.com に送った", "[メール] に送った"),
        ("yamada.taro@株式会社テスト.co.jp", "[メール]"),
        ("田中@例え.jp", "[メール]"),
        # No top-level domain the patterns know, or no local part: no address.
        ("taro@例え.museum", "taro@例え.museum"),
        ("@例え.jpを見て", "@例え.jpを見て"),
    ],
)
def test_an_address_under_an_internationalised_domain(text, expected):
    masked = mask_pii(text)
    assert masked.text == expected
    assert (without_addresses(text) != text) == (expected != text)  # the word counts leave it out too


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a space after a dot only, as a phone's keyboard puts one after each dot (was left whole).
        ("tanaka@example. com", "[メール]"),
        ("連絡先はtanaka@example. comです", "連絡先は[メール]です"),
        ("tanaka@example. Com に送って", "[メール] に送って"),
        ("tanaka@docomo. ne. jp まで", "[メール] まで"),
        # Left: after a dot and a space, an English word starts a sentence, no top-level domain.
        ("mail me at tanaka@example. or call", "mail me at tanaka@example. or call"),
        ("write to sato@home. Info below", "write to sato@home. Info below"),
        ("会議は10 @ zoom. us でやった", "会議は10 @ zoom. us でやった"),
        ("tanaka@example. 次は", "tanaka@example. 次は"),
    ],
)
def test_an_address_with_a_space_after_a_dot(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression (h352): an e-mail address with its @ or its dot spelled in hiragana was left.
        ("メアド：tanaka.hanako(あっと)gmail.com", "メアド：[メール]"),
        ("tanaka（あっと）gmail（どっと）com に送って", "[メール] に送って"),
        ("tanaka あっとまーく gmail.com", "[メール]"),
        # Left: あっと as a word (あっという間, あっと驚く) and a bracketed あっと with no domain after it.
        ("あっという間にgmail.comが", "あっという間にgmail.comが"),
        ("あっと驚くexample.comの", "あっと驚くexample.comの"),
        ("test(あっと)", "test(あっと)"),
    ],
)
def test_an_address_with_its_at_or_dot_spelled_in_hiragana(text, expected):
    assert mask_pii(text).text == expected
