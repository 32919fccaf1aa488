"""Latin words that read as a romanised Japanese name (analysis/_report/_romaji.py)."""

import pytest

from taikai.analysis._report._romaji import is_hepburn, plain, reads_as_romanised_name

_NAMES = (
    "Taro Yamada Hanako Suzuki Sato Satoh Ohno Itoh Kato Saito Shin'ichi Jun-ichi Kenta Homma Sampei Hattori "
    "Hatchobori Macchi Ryuunosuke Kyoko Chie Tsubasa Fujiwara Matsumoto Watanabe Kobayashi Nakajima "
    "Shinnosuke Takuya Haruka Kanna Ōno Yūki Shōta YAMADA"
)
NAMES = _NAMES.split()
_NOT_HEPBURN = (
    "Entry Web Design Writing Jobs Mechanical Turk New York App Store Bank Transfer Credit Card Smith Watson "
    "Mary Syuhei Tuda Hutaba Sinji Tiaki Zyun Online Time David"
)
NOT_HEPBURN = _NOT_HEPBURN.split()


@pytest.mark.parametrize(("word", "hepburn"), [*((w, True) for w in NAMES), *((w, False) for w in NOT_HEPBURN)])
def test_a_word_in_hepburn_syllables(word, hepburn):
    assert is_hepburn(word) is hepburn


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Taro Yamada", True),
        ("YAMADA Taro", True),
        ("Hanako Suzuki", True),
        ("Go Yamada", True),  # go is a listed English word, Yamada is not
        ("Chiba Taro", True),  # Chiba is a place and a surname
        ("Mike Tanaka", True),  # a non-Japanese name of Hepburn syllables: the rule's limit
        ("Kaigo Shigoto", True),  # romanised words that are no name and not listed: the rule's limit
        ("John Smith", False),
        ("David Tanaka", False),
        ("Tokyo Osaka", False),
        ("Chiba Kawasaki", False),
        ("Data Base", False),
        ("Home Page", False),
        ("To Do", False),
        ("Anime Manga", False),
        ("Credit Card", False),
    ],
)
def test_words_read_as_a_romanised_name(value, name):
    assert reads_as_romanised_name(value.split()) is name


@pytest.mark.parametrize(
    ("value", "expected"), [("Ōno Yūki", "Ono Yuki"), ("Shin'ichi Satō", "Shinichi Sato"), ("Jun-ichi", "Junichi")]
)
def test_plain_drops_long_marks_apostrophes_and_hyphens(value, expected):
    assert plain(value) == expected
