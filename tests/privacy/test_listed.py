"""A name after a platform, a role or a common word written together with it (taikai.privacy._listed)."""

import pytest

from taikai.privacy import mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: UniDic reads a platform into the name after it (出 + 前館 + 美波, 前館 a surname): the name was
        # masked with the platform's tail, 出[人名]さん.
        ("出前館美波さんに届けてもらった", "出前館[人名]さんに届けてもらった"),
        ("出前館田中美波さんから連絡", "出前館[人名]さんから連絡"),
        ("出前館美波が遅れた", "出前館[人名]が遅れた"),  # no honorific: the given name alone, as 上司[人名]が
        ("出前館田中美波が遅れた", "出前館[人名]が遅れた"),
        # Regression: a platform at the start of the name's words refused the whole run, and the name was left.
        ("ココナラ美波さんに頼んだ", "ココナラ[人名]さんに頼んだ"),
        ("楽天美波さんから買った", "楽天[人名]さんから買った"),
        ("タイミー美波さんと働いた", "タイミー[人名]さんと働いた"),
        ("ウーバーイーツ美波さんが来た", "ウーバーイーツ[人名]さんが来た"),
        # Left as they were: a platform before a name with a particle or as its own word, a surname that is a common
        # word too (仲間さん) and that UniDic tags a surname before the given name, a platform alone.
        ("出前館の美波さんに頼んだ", "出前館の[人名]さんに頼んだ"),
        ("楽天田中さんから買った", "楽天[人名]さんから買った"),
        ("仲間由紀恵さんの主演作", "[人名]さんの主演作"),
        ("ココナラさんに頼んだ", "ココナラさんに頼んだ"),
        ("出前館さんに頼んだ", "出前館さんに頼んだ"),
    ],
)
def test_a_name_starts_after_a_listed_word_written_with_it(text: str, expected: str) -> None:
    assert mask_pii(text).text == expected
