"""Person names: UniDic's proper-noun person tags (名詞-固有名詞-人名), helped by the honorific that follows a name.

Rules, on the words of the NFKC text:

- a surname followed by a given name (佐藤太郎, タナカ タロウ) is a name;
- a run of person-tagged or unknown words right before an honorific (さん, 様, 氏, 先生, くん, ちゃん, …) is a name,
  unless it is a platform or a role (ココナラさん, ライターさん, YouTuberさん) or a common word that takes an honorific
  (花屋さん, 王様: UniDic tags them as names in some sentences);
- right before an honorific, a kanji noun the dictionary also holds as a surname (西さん) or a kana nickname UniDic
  splits into grammar (たかぴーさん) or reads as an adverb of sounds (ぽんさん) is a name, unless it is a common word
  that takes one (お客さん, 奥様): see :mod:`taikai.privacy._unread_names`; so is the stray kana UniDic reads as a
  symbol before a given name it reads (ゆのんさん: ゆ + のん) or as a filler (いちかさん: い + ちか);
- a name is masked whole: katakana names joined by ・ or = are one name (ジョン・スミスさん, not after a role on the
  stop list: ライター・スミスさん), a reading in brackets right after a name goes with it (山田（やまだ）さん; a
  known word in brackets stays, 鈴木（ライター）さん: see :mod:`taikai.privacy._readings`),
  and a name never starts inside a katakana word (UniDic reads メルカリ as メル + カリ: the whole word is looked up),
  nor inside or at a platform, a role or a common word written with it (出前館美波さん: 出 + 前館 + 美波, see
  :mod:`taikai.privacy._listed`);
- a job title takes a surname as an honorific does (田中社長に, 佐藤ディレクターから, 鈴木編集長に: 編集 + 長 to
  UniDic), and so does っち, a nickname's ending (田中っちと): see :mod:`taikai.privacy._titles`;
- a surname of two or more kanji alone is a name when a particle follows it (鈴木から連絡), の when the dictionary
  knows the word only as a person's name (田中の奴, but not 松本の or 鈴木の: a city, a company), or です when the
  dictionary holds it as no place and it introduces someone: it starts the text, or 私は or a role and の comes
  before it (ライターの鈴木です, 私は田中です; not 出身は千葉です, 職場は北浜です); never after a noun or a prefix
  glued to it (新今宮から);
- a surname and the given name 通 without an honorific are a street (烏丸通, 堀川通), not a name;
- two single kanji UniDic reads as common nouns are a given name before an honorific, after a surname or alone
  (森七菜さん, 柚葉ちゃん: see :mod:`taikai.privacy._read_apart`);
- one kanji UniDic tags a given name is one before an honorific (茜さん, 蓮くん) unless the kanji and the honorific's
  first kana are a verb (サイト通さんと is 通さない) or it ends a word (see :mod:`taikai.privacy._read_apart`);
- a given name of two kanji or more alone is a name after a word of kin or a role and の (娘の結衣が, 同僚の健一と:
  see :mod:`taikai.privacy._read_apart`);
- UniDic's other person tags without an honorific (サグー, バレンタイン are tagged so) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._kana_nouns import (
    filler_before_name,
    particle_before_name,
    split_glued_honorifics,
    surname_read_as_noun,
)
from taikai.privacy._katakana_names import after_listed, word_start
from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._listed import after_listed_word, inside_listed_word
from taikai.privacy._name_words import (
    HIRAGANA,
    HONORIFICS,
    KANJI,
    KATAKANA,
    LATIN,
    PersonRuns,
    adjacent,
    allowed,
    is_name_part,
    is_person,
    latin_start,
    trimmed,
)
from taikai.privacy._nicknames import kana_before_name, stray_kana
from taikai.privacy._not_names import NOT_NAMES, is_company
from taikai.privacy._read_apart import (
    given_name_after_people,
    given_name_in_pieces,
    given_name_read_as_word,
    name_read_across,
    one_kanji_given_name,
    role_read_as_surname,
    split_name_read_as_verb,
    surname_in_pieces,
    surname_read_as_common_noun,
)
from taikai.privacy._readings import after_name, bracket_before, quote_opened
from taikai.privacy._surnames import alone_a_name, kanji_before_surname, last_kanji_of_name, surname_read_as_place
from taikai.privacy._titles import (
    given_name_read_as_place,
    has_stretched_honorific,
    kin_at,
    stretched_honorific_at,
    title_at,
)
from taikai.privacy._unread_names import COMMON_WITH_HONORIFIC, find_unread_name, quoted_nickname
from taikai.text import PosTagger

# Without an honorific, a text has a name only if one of its words is tagged a person, or a place in brackets or
# before です (上司（松本）に, 担当は千葉です: :func:`surname_read_as_place`).
_NEEDED = ("人名",)
_PLACE_NEEDED = ("人名", "地名")
_PLACE_AS_NAME = re.compile(r"[(\[「『【〔〈《]|です")


def find_names(text: str, tagger: PosTagger) -> Iterator[Found]:
    """Find person names in the NFKC text *text*."""
    honorific = any(h in text for h in HONORIFICS) or has_stretched_honorific(text)
    # Before an honorific even a common noun may be a name (西さん): such texts need their words.
    tagged = split_name_read_as_verb(split_glued_honorifics(tagger.tag(text)), tagger) if honorific else None
    needed = _PLACE_NEEDED if _PLACE_AS_NAME.search(text) else _NEEDED
    words = tagged if tagged is not None else tagger.tag(text, unless_absent=needed)
    taken = [False] * len(words)
    for i, word in enumerate(words):
        if i == 0:
            continue
        kin = kin_at(words, i, HONORIFICS)  # 健太兄さん: a word of kin takes a given name too
        title = title_at(words, i) or kin
        if word.surface not in HONORIFICS and not title and not stretched_honorific_at(text, word):
            continue
        end, bracket = bracket_before(text, words, i, tagger)  # the name ends before a bracket, if it has one
        # A reading is masked with the name (山田（やまだ）さん), a known word in brackets not (鈴木（ライター）さん).
        stop = words[i - 1].end if bracket is None or bracket.reading else bracket.start
        upto = i if bracket is None or bracket.reading else end  # a note's words stay free (（大久保博元）氏)
        last = last_kanji_of_name(words, end - 1, HONORIFICS)  # 萌 + 歌 + さん, 萌 + 歌 + 部長
        j = end - 1 if last else end if title else given_name_in_pieces(words, end, tagger)  # 森 + 七 + 菜 + さん
        j = name_read_across(words, end, tagger) if j == end and not title else j  # 清 + 野菜 + 名 + さん
        while j > 0 and is_name_part(words[j - 1]) and adjacent(text, words[j - 1], words[j]) and not taken[j - 1]:
            j -= 1
        # One kanji UniDic reads as a word that the dictionary holds as a given name (翼くん, 女優杏さん: 杏 a suffix).
        read_as_word = j == end and not title and not taken[end - 1] and given_name_read_as_word(words, end, tagger)
        j -= 1 if read_as_word else 0
        if j == end - 1 and not title and not any(taken[max(j - 2, 0) : j]):
            j = surname_in_pieces(words, j, tagger)  # 國 + 中 + 均 + 氏: a surname read as two single kanji
        place = (kin or word.surface in HONORIFICS) and j == end and given_name_read_as_place(words, end, tagger)
        j -= 1 if place and not taken[j - 1] else 0  # 美波姉ちゃん, 楽天美咲ちゃん: 美波, 美咲 places to UniDic there
        j += trimmed(words[j:end])
        j = word_start(words, j, end, taken)
        role = not title and role_read_as_surname(words, j, end, COMMON_WITH_HONORIFIC)
        j += 1 if role else 0  # a role UniDic reads as a surname stays (上司 + 美波 + さん)
        while 0 < j < end and HIRAGANA.match(words[j].surface) and stray_kana(words[j - 1]) and not taken[j - 1]:
            j -= 1  # kana UniDic does not know glued before a name it reads (ゆのん: ゆ + のん) is the name's
        if 0 < j < end and filler_before_name(words, j) and not taken[j - 1]:
            j -= 1  # so is a kana UniDic reads as a filler (いちか: い + ちか)
        if 0 < j < end and surname_read_as_noun(words, j) and not taken[j - 1]:
            j -= 1  # and a hiragana surname UniDic reads as a common noun (あいだみつを: あいだ + みつを)
        if 0 < j < end and KANJI.fullmatch(words[j].surface) and kanji_before_surname(words, j) and not taken[j - 1]:
            j -= 1  # and a kanji UniDic reads as a word of its own (未央子: 未 + 央子)
        elif not title and surname_read_as_common_noun(words, j, end, COMMON_WITH_HONORIFIC) and not taken[j - 1]:
            j -= 1  # and a kanji surname UniDic reads as a common noun (浜辺美波: 浜辺 + 美波)
        if j < end and words[j].pos[3] == "名" and KANJI.fullmatch(words[j].surface):
            # a kana nickname glued before a given name in kanji is the name's (ぴよ太郎さん: ぴ + よ + 太郎)
            k = kana_before_name(words, j)
            j = j if k is None or any(taken[k:j]) else k
        j = after_listed_word(text, words, j, end)  # 出 + 前館 + 美波 + さん: 出前館 is a platform
        run = words[j:end]
        if title:
            named = run[:-1] if last else run
            if (
                named
                and (place or all(map(is_person, named)))
                and (kin or any(w.pos[3] == "姓" for w in named))
                and allowed(named)
            ):
                yield Found(run[0].start, stop, PiiKind.NAME)
                taken[j:upto] = [True] * (upto - j)
            continue
        glued = words[j - 1].surface if run and j and words[j - 1].end == run[0].start else ""
        # One kanji UniDic tags a given name (蓮くん, 茜さん; not サイト通さんと), after a word a name may follow
        # (昨日蓮くん, 担当光さん: no company's 博報 + 堂).
        one_kanji = bool(run) and not allowed(run) and (read_as_word or one_kanji_given_name(words, j, end, tagger))
        if (
            run
            and (one_kanji or allowed(run))
            and not is_company([w.surface for w in run], "" if one_kanji else glued)
            and "".join(w.surface for w in run) + word.surface not in COMMON_WITH_HONORIFIC
        ):
            start = latin_start(text, run) if LATIN.fullmatch(run[0].surface) else run[0].start
            start = None if start is None else start + particle_before_name(words, j, tagger, role)  # に + ちかさん
            start = None if start is None else after_listed(text, start, run[-1].end)
            if start is not None:
                yield Found(start, stop, PiiKind.NAME)
                taken[j:upto] = [True] * (upto - j)
        elif not run and end == i:
            start = find_unread_name(words, i, tagger)
            start = start - 1 if start and filler_before_name(words, start) else start  # い + とくと + ら
            # A surname UniDic reads before the nickname is part of the name (浅野まみこ先生: 浅野 + まみ + こ).
            while start and is_name_part(words[start - 1]) and adjacent(text, words[start - 1], words[start]):
                start -= 1
            if start is not None and not any(taken[start:i]):
                yield Found(words[start].start, words[i - 1].end, PiiKind.NAME)
                taken[start:i] = [True] * (i - start)
        elif (
            not run
            and end == i - 1
            and (opened := quote_opened(words, i)) is not None
            and "".join(w.surface for w in words[opened + 1 : end]).lower() not in NOT_NAMES
            and quoted_nickname(words, i, opened)
        ):
            yield Found(words[opened + 1].start, words[end - 1].end, PiiKind.NAME)
            taken[opened + 1 : end] = [True] * (end - opened - 1)
    runs = PersonRuns(text, words)
    # Below, a word is marked taken at the word the loop is at or after it, with the words after it up to the name's
    # end, which the loop then skips: past a word not skipped, the words marked are those marked above.
    marked = [len(words)] * (len(words) + 1)  # marked[k]: the first word at or after k marked above
    for k in range(len(words) - 1, -1, -1):
        marked[k] = k if taken[k] else marked[k + 1]
    for i, word in enumerate(words):
        if not taken[i] and given_name_after_people(words, i):  # 娘の結衣が: a given name alone after kin and の
            yield Found(word.start, word.end, PiiKind.NAME)
            taken[i] = True
            continue
        if not taken[i] and surname_read_as_place(text, words, i, tagger):  # 上司（松本）に, 担当は千葉です
            yield Found(word.start, word.end, PiiKind.NAME)
            taken[i] = True
            continue
        if taken[i] or not is_person(word) or word.pos[3] != "姓":
            continue
        j = min(runs.end(i + 1), marked[i + 1])  # the person-tagged words glued after it, up to one taken
        if j == i + 2 and words[i + 1].surface == "通":
            continue  # 烏丸通, 堀川通: a street, a surname and a given name to UniDic (高橋通さん is taken above)
        j += 1 if last_kanji_of_name(words, j, HONORIFICS) and not taken[j] else 0  # 上白石萌歌: 萌 + 歌
        listed = inside_listed_word(text, word)  # 出 + 前館 + 美波: 前館 ends a platform's name
        given = j > i + 1 and runs.given(i + 1, j) == j - i - 1
        if role_read_as_surname(words, i, j, COMMON_WITH_HONORIFIC) or (listed and given):
            yield Found(words[i + 1].start, after_name(text, words[j - 1].end, tagger)[0], PiiKind.NAME)  # 上司[人名]が
            taken[i:j] = [True] * (j - i)
            continue
        if listed:
            continue
        if j > i + 1 and runs.given(i + 1, j) > 0 and not is_company([w.surface for w in words[i:j]], ""):
            i -= 1 if kanji_before_surname(words, i) and not taken[i - 1] else 0  # 上倉賢: 上 + 倉 + 賢
            yield Found(words[i].start, after_name(text, words[j - 1].end, tagger)[0], PiiKind.NAME)
            taken[i:j] = [True] * (j - i)
            continue
        end, after = after_name(text, word.end, tagger)  # 山田（やまだ）から: the particle follows the reading
        while j < len(words) and words[j].start < after:
            j += 1
        if (
            len(word.surface) >= 2  # a katakana surname too (キムラが), of three letters or more and not a platform
            and (KANJI.fullmatch(word.surface) or (len(word.surface) > 2 and KATAKANA.fullmatch(word.surface)))
            and word.surface.lower() not in NOT_NAMES
            and alone_a_name(text, words, i, j, after, tagger)  # 鈴木から, 担当者：高橋; not 神田に行った
            # Never inside a word: after a noun or a prefix (新今宮から) glued to it.
            and (i == 0 or words[i - 1].pos[0] not in ("名詞", "接頭辞") or words[i - 1].end < word.start)
        ):
            yield Found(word.start, end, PiiKind.NAME)
            taken[i:j] = [True] * (j - i)
