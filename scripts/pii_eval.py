"""Score PII masking on the hand-written case set, measure what masking changes on the corpus, write docs/privacy.md.

Usage: python scripts/pii_eval.py [--cases tests/data/pii_cases.tsv] [--corpus data/reviews.csv] [--out docs/privacy.md]
       [--check]

The page is written by this script only: edit the prose here, not in docs/privacy.md. ``--check`` writes nothing
and exits with 1 when the page differs from what the script would write (timings aside, which move run to run).

Span level: a found value counts as right when its kind and its span in the original text are those of the expected
masked text; precision and recall are per kind. On the corpus, every review is classified by the shipped model
as written and masked, and the share of unchanged primary reasons, reason sets and sentiments is reported.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from taikai.privacy import PLACEHOLDERS, PiiKind, PiiMasker

ROOT = Path(__file__).resolve().parents[1]
_BY_PLACEHOLDER = {placeholder: kind for kind, placeholder in PLACEHOLDERS.items()}
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))
_TIMING = re.compile(r"took [0-9.]+ s against [0-9.]+ s")

Span = tuple[PiiKind, int, int]
SEEDS = (
    "担当の佐藤太郎様から連絡がありました。",
    "田中さんに090-1234-5678へ電話してと言われた。",
    "直接 taro.sato@example.co.jp に送ってと言われた。",
    "LINE ID: kenta_1990 を追加してと誘われた。",
    "楽天銀行 普通 1234567 に振り込めと言われた。",
    "〒150-0002 に送ってと言われた。",
    "https://example.com/profile/123 を見てと言われた。",
    "マイケルさんの英語案件でした。",
)
"""Sentences of personal data, one added to each corpus text to measure what masking real values changes."""


@dataclass(frozen=True)
class Case:
    text: str
    expected: str
    group: str
    known_miss: str


def read_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Case(r["text"], r["expected"], r["group"], r["known_miss"]) for r in csv.DictReader(f, delimiter="\t")]


def expected_spans(text: str, expected: str) -> list[Span]:
    """Recover the expected spans: the literal parts of *expected* must be *text*'s, placeholders stand for values."""
    kinds = [_BY_PLACEHOLDER[m.group()] for m in _PLACEHOLDER.finditer(expected)]
    literals = _PLACEHOLDER.split(expected)
    pattern = "(.+?)".join(re.escape(part) for part in literals)
    match = re.fullmatch(pattern, text, re.DOTALL)
    if match is None:
        raise ValueError(f"the expected text does not fit the text: {text!r} -> {expected!r}")
    return [(kind, match.start(i + 1), match.end(i + 1)) for i, kind in enumerate(kinds)]


@dataclass(frozen=True)
class Score:
    kind: PiiKind
    expected: int
    found: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def score(cases: list[Case], masker: PiiMasker) -> tuple[list[Score], list[str], int]:
    """Return the score per kind, one line per missed or wrong value, and how many traps masking changed."""
    expected_n: Counter[PiiKind] = Counter()
    found_n: Counter[PiiKind] = Counter()
    right_n: Counter[PiiKind] = Counter()
    errors: list[str] = []
    traps_changed = 0
    for case in cases:
        want = set(expected_spans(case.text, case.expected))
        masked = masker.mask(case.text)
        traps_changed += case.group.startswith("trap") and masked.text != case.text
        got = {(s.kind, s.start, s.end) for s in masked.spans}
        expected_n.update(k for k, _, _ in want)
        found_n.update(k for k, _, _ in got)
        right_n.update(k for k, _, _ in want & got)
        for kind, start, end in sorted(want - got, key=lambda s: s[1]):
            errors.append(f"missed {kind.value} `{case.text[start:end]}` in 「{case.text}」")
        for kind, start, end in sorted(got - want, key=lambda s: s[1]):
            errors.append(f"wrongly masked as {kind.value}: `{case.text[start:end]}` in 「{case.text}」")
    scores = [Score(kind, expected_n[kind], found_n[kind], right_n[kind]) for kind in PiiKind]
    return scores, errors, traps_changed


@dataclass(frozen=True)
class Agreement:
    rows: int
    changed_texts: int
    masks: dict[PiiKind, int]
    reason: float
    reasons: float
    sentiment: float
    both: float
    seconds_plain: float
    seconds_masked: float


def corpus_agreement(path: Path, masker: PiiMasker, seeded: bool = False) -> Agreement:
    """Classify every text of *path* as written and masked with the shipped model; return the share unchanged.

    *seeded*: add one of :data:`SEEDS` to the end of each text first (in turn), so that every text has values to mask.
    """
    import pandas as pd

    import taikai

    model = taikai.load_model()
    texts = pd.read_csv(path, dtype=str, keep_default_na=False)["text"].tolist()
    if seeded:
        texts = [text + SEEDS[i % len(SEEDS)] for i, text in enumerate(texts)]
    model.classify(texts[:10])  # warm up the tagger
    start = time.perf_counter()
    plain = model.classify(texts)
    seconds_plain = time.perf_counter() - start
    start = time.perf_counter()
    masked_texts, counts = masker.mask_values(texts)
    masked = model.classify(masked_texts)
    seconds_masked = time.perf_counter() - start
    n = len(texts)
    same_reason = [a == b for a, b in zip(plain.primary, masked.primary, strict=True)]
    same_sentiment = [a == b for a, b in zip(plain.sentiments, masked.sentiments, strict=True)]
    return Agreement(
        rows=n,
        changed_texts=sum(a != b for a, b in zip(texts, masked_texts, strict=True)),
        masks=dict(counts),
        reason=sum(same_reason) / n,
        reasons=sum(a == b for a, b in zip(plain.reasons, masked.reasons, strict=True)) / n,
        sentiment=sum(same_sentiment) / n,
        both=sum(r and s for r, s in zip(same_reason, same_sentiment, strict=True)) / n,
        seconds_plain=seconds_plain,
        seconds_masked=seconds_masked,
    )


def render(
    cases: list[Case],
    scores: list[Score],
    errors: list[str],
    traps_changed: int,
    agreement: Agreement | None,
    seeded: Agreement | None = None,
) -> str:
    traps = [c for c in cases if c.group.startswith("trap")]
    lines = [
        "<!-- Written by scripts/pii_eval.py; edit the script, not this file. -->",
        "# Privacy: masking personal data",
        "",
        "`taikai.mask_pii(text)` and `--mask-pii` replace personal data in review texts by typed placeholders before",
        "the model, an output file or a report sees them. Masking is **best effort**: it finds what has a recognisable",
        "shape or what UniDic tags as a person's name, and misses what it cannot tell from ordinary words (below).",
        "Check a sample of the masked output before you share it outside the team.",
        "",
        "## Scores on the hand-written case set",
        "",
        f"`tests/data/pii_cases.tsv` holds {len(cases)} cases written by hand: {len(cases) - len(traps)} with personal",
        f"data of every kind and {len(traps)} traps that must come back unchanged (prices, dates and times,",
        "percentages, counts, ratings, platform, company and bank names, role nouns with honorifics, place names,",
        "words UniDic tags as names, pets' names, numbers that are no street address: ranges, scores and dates after",
        "a place).",
        "Every case is a test (`tests/privacy/test_mask.py`); the known misses below",
        "are marked `xfail` there, so a fix shows up as a failing test to update.",
        "",
        "Span level: a value is right when its kind and its span in the original text are both right. The cases were",
        "written alongside the rules, so these figures are an upper bound for new text: they show what the rules",
        "cover, not how often real reviews fall outside them.",
        "",
        "| kind | placeholder | expected | found | right | precision | recall |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for s in scores:
        lines.append(
            f"| {s.kind.value} | `{s.kind.placeholder}` | {s.expected} | {s.found} | {s.right} "
            f"| {s.precision:.3f} | {s.recall:.3f} |"
        )
    total = Score(
        PiiKind.NAME, sum(s.expected for s in scores), sum(s.found for s in scores), sum(s.right for s in scores)
    )
    lines.append(
        f"| **all** | | {total.expected} | {total.found} | {total.right} | {total.precision:.3f} | {total.recall:.3f} |"
    )
    lines += ["", f"Trap cases changed by masking: {traps_changed} of {len(traps)}.", "", "### Known misses", ""]
    lines += [f"- {e}" for e in errors] or ["- none among the cases (what masking misses elsewhere: Not masked, below)"]
    if agreement is not None:
        a = agreement
        mask_list = ", ".join(f"{k.value} {n}" for k, n in sorted(a.masks.items(), key=lambda kv: -kv[1])) or "none"
        lines += [
            "",
            "## What masking changes on the corpus",
            "",
            f"`data/reviews.csv` ({a.rows:,} reviews) classified by the shipped model as written and masked:",
            "",
            "| | unchanged |",
            "|---|---:|",
            f"| primary reason | {a.reason:.2%} |",
            f"| reason set | {a.reasons:.2%} |",
            f"| sentiment | {a.sentiment:.2%} |",
            f"| reason and sentiment | {a.both:.2%} |",
            "",
            f"Masking changed {a.changed_texts} of the {a.rows:,} texts (masks: {mask_list}): the corpus is written",
            "without personal data, so this measures the cost of false alarms on real reviews; the seeded corpus below",
            "measures what masking real values changes. Masking and classifying took "
            f"{a.seconds_masked:.1f} s against {a.seconds_plain:.1f} s for classifying alone, in the same run",
            "(`bench/bench_mask.py` measures the throughput of `taikai batch --mask-pii`).",
        ]
    if seeded is not None:
        b = seeded
        lines += [
            "",
            f"The same {b.rows:,} reviews with one sentence of personal data added to each (a name with an",
            "honorific, a phone number, an e-mail address, a LINE ID, an account, a postal code, a URL; `SEEDS` in",
            "`scripts/pii_eval.py`), classified with the values and with placeholders instead: what masking real",
            f"values changes. Masking changed {b.changed_texts:,} texts.",
            "",
            "| | unchanged |",
            "|---|---:|",
            f"| primary reason | {b.reason:.2%} |",
            f"| reason set | {b.reasons:.2%} |",
            f"| sentiment | {b.sentiment:.2%} |",
            f"| reason and sentiment | {b.both:.2%} |",
        ]
    lines += ["", DESIGN]
    return "\n".join(lines) + "\n"


DESIGN = """## Design

- **Where.** `taikai.privacy` sits between `taikai.text` and the model and file layers (see the import-linter
  contract in `pyproject.toml`): it uses the text layer's NFKC-with-offsets and its UniDic part-of-speech tagger, and
  everything above it (batch, Dask, report, CLI) can mask before it reads or writes a text.
- **Width.** Every pattern runs on the NFKC form of the text, so `０９０－１２３４－５６７８`,
  `ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ` and `ﾀﾅｶ` are found like their other-width twins;
  each span is mapped back to the characters that were written, and the placeholder replaces exactly those.
  `Masked.spans` gives, per value, its `PiiKind`, its `start`/`end` in the original text and its
  `masked_start`/`masked_end` in the masked text; the value itself is not kept. `Masked.to_dict()` gives the
  text, the spans and the counts per kind as JSON-ready values, kinds as strings (`"phone"`, as `BatchSummary.masks`).
  Circled and parenthesised
  numerals (①-⑳, ⑴-⒇, ⒈-⒛, ㉑-㊿), which NFKC makes digits, are read as list markers: they neither join the
  number after them (`連絡先①090-1234-5678` is `連絡先①[電話番号]`, `〒①150-0001` is `〒①[郵便番号]`) nor end up in
  a value's span.
- **HTML character references.** The model reads them decoded (`taikai.text.normalize`), so masking looks for
  values in the text as the model reads it: `tanaka&#64;example.com` is an e-mail address, `090&#45;1234&#45;5678`
  a phone number, `&#30000;&#20013;さん` a name (whole references ended by `;`, nested ones such as `&amp;#64;`
  and full-width ones such as `＆#64;` too, decoded as normalisation decodes them). The placeholder replaces the
  value as written, references included; the rest of the text keeps its references as written, so the masked text
  of `手数料&amp;tanaka&#64;example.com` is `手数料&amp;[メール]`, and the spans index the text as written.
- **Format characters and spaces.** The model reads a format character as nothing (a zero-width space, a soft
  hyphen, a joiner, a direction mark: `taikai.text.INVISIBLE`) and a tab or a run of spaces as one space, so masking
  does too: `090<U+200B>1234<U+200B>5678` and `tanaka<U+00AD>@example.com` (which a reader sees as a phone number
  and an address) are masked, and so are `LINE ID:  taro_88`, `090<TAB>1234<TAB>5678`, `田中  太郎さん` (before, the
  surname was left: `田中  [人名]さん`) and `カード 4111  1111  1111  1111` (before, `カード [個人番号]  1111`).
  The placeholder replaces the value with what was left out inside it; the rest of the text keeps its spacing.
- **Shapes.** E-mail addresses, also written so that no program reads them: the @ as `＠`, `(at)`, `[at]`, `<at>`,
  ` at `, `アットマーク` or `★`, in hiragana too (masker 29: `(あっと)`, `あっとまーく`; they were left; not
  `あっという間`), the dots as `(dot)`, `(どっと)`, ` dot ` or `ドット` (`taro at example dot com`); a plain ` at `
  counts only with a spelled-out dot, so `work at example.com` stays; one space may stand on either side of the @
  (`tanaka @ example.com`) when the part before it has two characters or more and a letter (`会議は10 @ zoom.us`,
  `meeting 3 @ meet.google.com` stay); the @ percent-encoded (`taro%40gmail.com`), a space before a known
  top-level domain (`taro_yamada@gmail .com`) or after its dot (masker 17: `tanaka@example. com`, `Com` too, as a
  phone's keyboard writes it; not a word that starts an English sentence, `or`, `me`, `Info`: `tanaka@example. or
  call` stays), a domain with a label in kanji or kana under a top-level domain the
  patterns know (`taro@例え.jp`, `info@お名前.com`), and a local part in kanji or katakana (`田中@example.com`; the
  kanji and katakana glued before the @, so `連絡は田中@example.com` is `連絡は[メール]`) are addresses too. An address
  or handle glued after punctuation is found whatever the mark
  (`メール…tanaka@…`,
  `連絡は‥tanaka.k@…`, `＋tanaka@…`, `Xは…@tanaka_w`, `Twitter/@tanaka_w`): the value starts at its first letter or
  digit and the mark stays; the same holds for phones, postal codes, My Numbers and accounts (`電話…090-…`).
  URLs (with a scheme, `www.`, or a domain
  followed by a path: `lin.ee/…`, `note.com/…`, and the short links and portfolio domains freelancers give,
  `youtu.be/…`, `forms.gle/…`, `notion.so/…`, `anchor.fm/…`, `tanaka.work/…`, `yamada.design/…`, `.studio`,
  `.tokyo`, `.shop`, `.blog`, `.art`, …, but not `.ai`, an Illustrator file: `logo.ai/eps` stays; a bare domain
  such as `lancers.jp` is a site's name and stays).
  An IRI's path segment in Japanese is part of its URL (`https://ja.wikipedia.org/wiki/クラウドソーシング`,
  `?q=東京`), unless it starts with hiragana, a particle or a verb glued after the URL (`詳細はhttps://example.com/を見てください`
  keeps を見てください), and no `/`, nor a `?` or `#` with a query or fragment, follows it (masker 18:
  `www.example.jp/ユーザー/ぴよ子?tab=1` is a path, and so a name in it is masked with the URL; it was
  `[URL]ぴよ子?tab=1`; `…/a/ってなに? 教えて` keeps its question), or follows the domain's `/` (`https://www.lancers.jp/で登録…`,
  `www.example.jp/東京`: a page at a site's root is rarely named in Japanese, a review going on after a URL often
  is) and no `/`, nor a `?` or `#` with a query or fragment, follows it (masker 17:
  `https://example.com/プロフィール/田中` is a path, and so a name in it is masked with the URL; it was
  `[URL]プロフィール/田中`; masker 19: `https://example.com/東京って? と聞かれた` keeps its question, it was
  `[URL]? と聞かれた`: a `?` or `#` starts a query or fragment only before a letter, a digit or `_%=&.~-`), or
  the text would keep no Japanese the
  model reads without the URL (that text alone keeps its path: masking never makes a text the model reads one it
  refuses). Japanese glued after an ASCII letter or a punctuation mark ends it (`資料はhttps://…/editにあります`
  keeps にあります), except in a text whose only Japanese is in or glued to its URLs: the model reads a URL with a
  scheme or `www.` up to the next space as the one word URL (but not past a `/` that such Japanese follows, as
  masking reads it: `https://www.lancers.jp/で登録したけど仕事がない。` can be classified), so there the URL masked
  runs to the space too
  (`https://example.com/aをご覧ください` is `[URL]`), and masking does not make readable a text the model refuses.
  IP addresses, as `[IPアドレス]`: IPv4 (four numbers of 0 to 255 joined by dots, not part of a longer dotted
  number, within 15 characters after a word of networks, IP, アドレス, サーバー, 接続元, ホスト, ルーター, DNS, …, or
  starting with 10 or more and with no word of versions there, v, ver, バージョン, Python, アプデ, アップデート, 更新,
  リリース, …: `管理画面は192.168.0.1` is masked, `Pythonの3.12.1.0`, `アプリを1.2.3.4に更新`, `評価は4.5.4.5`,
  `3.14.15.92` and `1.2.3` stay) and IPv6 (eight groups of hex digits, or fewer around `::` with a group of three or
  four: `2001:db8::1`; `12:30:45` and `std::vector` stay). A dotted quad starting with 10 or more and no word of
  versions before it is masked whatever it is (`12.0.1.3` alone).
  Phone numbers starting with 0 (not 00) with the right number of digits (11 for 050/070/080/090 and 0800, 10 for
  the rest), in three groups, in two (`090 12345678`, `090-12345678`, `0901234 5678`: the count of digits tells
  a phone from a price or a count, `090 1234円` stays) or in one, written with hyphens, spaces, dots, middle
  dots, long vowel marks or parentheses, in digits or kanji numerals (`〇九〇・一二三四・五六七八`, `○` for
  zero too), three groups joined by の as a number is read out (masker 29: `090の1234の5678`,
  `〇九〇の一二三四の五六七八`; they were left; no text of the reviews, the dump, chABSA or livedoor has
  one), or international with `+` (8 to 15 digits, `(0)` allowed, and a dash after a bracketed area code:
  `(090)-1234-5678`); a number glued after letters, with a dash or without, is part of a code
  (`注文番号 A-090-1234-5678`, `品番 XZ-03-1234-5678` and `品番XZ0312345678` stay) unless the letters
  name a phone (`TEL-090-…`, `TEL090-1234-5678`, `FAX0312345678`, `tel`, `phone`, `mobile`, …).
  US phone numbers, whose area code and exchange start with 2 to 9 (a Japanese number starts with 0): with the
  area code in brackets (`電話は(415) 555-2671`) or a leading 1 (`1-415-555-2671`) wherever they stand, and as
  three, three and four digits joined alike by dashes or dots within 20 characters after a word of phones or of
  the US (電話, TEL, 携帯, 番号, 連絡先, アメリカ, 米国, US: `米国の番号 415-555-2671`); `415-555-2671` alone,
  `価格帯は200-300-4000`, a number followed by a unit and one after an order's or a product's word (`注文番号
  415-555-2671`, 品番, 型番, 管理, 会員, …) stay.
  Postal codes after 〒 or 郵便番号, or `NNN-NNNN` before a prefecture. `@handles` (with a letter:
  `@0.3円` is a price) and the value after a messenger's name (LINE, ライン, Chatwork, Discord, Skype, WeChat,
  Telegram, Instagram, X, …) when `ID`/アカウント follows the name or a colon separates the value, or は and a
  handle in lower case (`LINEはtaro_88です`, `インスタはyamada_hanako`, `LINEはyamada123`; `LINEはiOS17で`,
  `LINEはver.2`, `LINEはline.me` stay; masker 22: `Xアカウント tanaka_88` too, it was left, X alone being no
  hint; and digits alone before a unit are a count, `LINEアカウント 100人` and `LINE ID 300件` stay, they were
  `[ID]人`), or で and a handle in lower case that a verb of finding a person follows
  (masker 19: `LINEでyuki0320って検索して`, `インスタでsakura.photo をフォロー`; a channel, a workspace or a product
  named after a service and で stays, `Slackでdev_teamチャンネルに`, `LINEでline_payを使った`,
  `Teamsでproject_2024に`: none of the 234,470 texts of the reviews, the sample dump, chABSA and livedoor news
  sentences has a handle after a service and で), a parenthesis
  after the name allowed (`X（旧Twitter）: tanaka_w`, `LINE（公式）のID …`), or 名 with a handle that has a letter
  (`Skype名 live:.cid.1234abcd`, `skype名はtaro.yamada`; `LINE名 100件` stays); a Skype handle is masked whole,
  its `live:` too (`Skype ID: live:taro_1`), and `live:` with a handle is one whatever stands before it
  (`Skype live:taro1`, `Skypeはlive:taro_yamada`, `Skype(live:taro_yamada)`, `live:.cid.1a2b3c`): `live:` in
  lower case with no space after it, and three or more ASCII letters, digits, `_`, `.` or `-` starting with a letter
  (`live:配信`, `Live: 2024`, `live:1abc` and a `live:` in a URL's path stay). A handle after a colon or `=` and
  the name of a mail service (Gmail, Yahoo!メール, Outlook, Hotmail, iCloud, Gメール: `Gmail: yamada.taro`, any value
  with a letter) or of a site where a handle names a person (GitHub, GitLab, Qiita, Zenn, note, pixiv, Skeb,
  YouTube, Twitch, Steam, Bluesky, Misskey, Mastodon, Pinterest, Tumblr, Reddit: one with a digit, `_`, `.` or `-`,
  `GitHub: tanaka-dev`, `note: tanaka_writer`, or any after ID) is an `[ID]`; `GitHub: main`, `YouTube: shorts`,
  `Gmailは yamada`, `Note: …` in capitals and `Yahoo: japan` stay. Any other
  account's handle after `ID` (`ＩＤ`), アカウント名, ユーザー名 or ハンドルネーム (`Lancers ID: tanaka_hiro`,
  `ランサーズID: …`, `クラウドワークスのID tanaka_hiro`, `ID:tanaka_hiro`): after a colon, `=` or は a handle with a
  letter, after a space or nothing one with a digit, `_` or `.` (`ID card` stays), after が or を a handle in lower case
  (`IDがtaro_88だった`; `IDがnull`, `IDがIPv6` stay), a Discord tag's number with it (`Discord IDはtaro#1234`: the
  `#1234` was left), a handle in quotes or brackets closed right after it the same (`LINE IDは「sato_88」`,
  `ID:『tanaka_hiro』`, `Chatwork ID（tanaka_k）` become `LINE IDは「[ID]」`, …: masker 14; they were left), and a
  handle in lower case in brackets right after a person's honorific (masker 17: `木村さん（kimura.d）` is
  `[人名]さん（[ID]）`, the handle was left; `田中さん（CEO）`, `鈴木さん（Python3）`, `佐藤さん（v2.0）` and
  `田中さん（lancers.jp）` stay; measured when added, nothing changes in the 1,776 livedoor news sentences with a
  bracket after an honorific nor in `data/reviews.csv` or `data/sample_dump.csv`); a number
  alone (`ID: 123456`) and the ID of a
  job, an order, a task or another record stay (案件ID, 注文ID, 取引ID, 問い合わせID, 作業ID, タスクID,
  プロジェクトID, 契約ID, 請求ID, 管理ID, 受付ID, 予約ID, チケットID, オーダーID, ジョブID, 応募ID, 出品ID, 発注ID,
  受注ID, 伝票ID, セッションID, トランザクションID: `プロジェクトID：PRJ-2024-001` stays; ログインID and ユーザーID
  name a person's account and are masked). A member's number after 会員番号, 会員ID,
  会員No. or 会員コード (4 to 19 digits, in groups or not, up to 3 letters before them: `会員番号 12345678`,
  `会員ID：0012-3456`) is an `[ID]`: it names a person at a service, as a handle does (`会員番号は8桁` and
  `会員番号 1234件` stay). Bank accounts:
  the number after 普通/当座/口座番号, branch numbers after 支店番号/店番 and before 支店, ゆうちょ 記号/番号
  (both halves of `記号10000-12345678`), and any 7- or 8-digit number within 30 characters after 口座, 振込先,
  普通, 当座, 銀行 or 名義 (普通に, the adverb, and 当座の, for now, announce none), unless a word of another
  number stands between that word and the number (an order's, a case's, a task's, an ID, a balance or an amount:
  `口座に入金されるまで、案件番号 1234567 の件`, `振込先を変えた。作業ID 7654321`, `口座残高 3456789` and, masker
  14, `振り込まれた額は 1234567` stay;
  `作業報酬の振込口座 1234567`, where the account's word comes after, is masked); after the same words, a branch
  and an account number joined by a dash, the bank's code before them or not, is one account (`振込先 三井住友
  123-4567890`, `口座 0009-123-4567890`; `123-4567890` alone and `注文番号 123-4567890` stay), and so is a Japan
  Post transfer account, 5, 1 and up to 7 digits, after the same words or 振替 (`ゆうちょの振替口座
  00120-1-123456`; `振替伝票 00120-1-123456` stays). An IBAN (a
  country's two letters, two check digits and letters and digits, in groups of four or not, 15 to 34 characters)
  is an account when its remainder modulo 97 is 1 or when IBAN comes right before it (`IBAN DE89 3704 0044 0532
  0130 00`: its digits were masked as a My Number before). A number followed by a unit is
  an amount or a count and never an account, after 普通/当座/口座番号 too (円, 万, 件, 文字, 人, 回, 個, 本, 枚,
  %, PV, views, ポイント, pt, …: `普通は1000000円`, `普通に 1234567 PV`; but 名義, 本人, 本店 and 本部 are no 名 or 本:
  `普通 1234567 名義ヤマダ` is `普通 [口座] 名義[人名]`, `口座番号 1234567 本店営業部` is `口座番号 [口座] 本店営業部`;
  and, masker 14, a number glued before 入金された, 送金された or 振り込まれた is the amount:
  `口座に1234567振り込まれた` and `銀行振込で1234567入金された` stay, they were `[口座]`),
  nor is a valid date yyyymmdd of 19xx or 20xx unless
  口座番号 stands within 30 characters before it (`口座開設日 20240115` and `銀行振込は20240115に着金` stay,
  `口座番号 20240115` is masked); the holder's name after 名義 in katakana is a name. Card numbers: 13 to 19 digits in
  groups of four (or 4-6-5), kept only when the Luhn check passes, so that prices and order numbers stay: an
  unbroken run of digits only within 20 characters after a card's word (カード, クレジット, クレカ, デビット, card,
  VISA, Master, JCB, AMEX), since a JAN code or an order number is such a run and one in ten passes the check
  (`JANコード 4901234567894` stays, `クレジットカード 4012888888881881` is masked); and no number, grouped or not,
  right after the word of an order, a product, a ticket or a job (注文, 受注, 発注, 伝票, 追跡, 問い合わせ, 受付,
  予約, 案件, 取引, 請求, 管理, 会員, 口座, 品番, 型番, 商品, 製品, 作業, JAN, EAN, ISBN, ID, No., #: `注文番号
  9876543210987`, `お問い合わせ番号 4012-8888-8888-1881` and `作業ID 9876543210987` stay; My Numbers share the
  list), unless that word is No., #, ID or 会員 glued to a card's word (番号, の, a space or a bracket between),
  which then names the card's own number: `カードNo. 4111 1111 1111 1111`, `カード#4111111111111111`, `VISAカードID
  …`, `楽天カード会員番号 …` and `カード番号（会員ID用）…` are masked, `注文No. …`, `カード注文No. …` and `VISAの取引ID
  …` stay, and `会員番号 4111 1111 1111 1111` without a card's word is a member's number, `[ID]`. Cards
  get their own placeholder, `[カード番号]`, so that a reader of the report sees a card was asked for, which 口座
  would hide; a card's security code, 3 or 4 digits right after セキュリティコード, security code, CVV, CVC or
  CID, is masked as `[カード番号]` too (`セキュリティコード123`). My Number (マイナンバー, 個人番号), as
  `[個人番号]`: 12 digits (in one run, or 4-4-4 with spaces or hyphens, full-width too) within a few characters
  after マイナンバー, 個人番号 or my number (`の12桁は` counted as a few), whatever the digits;
  elsewhere only 12 digits whose check digit is right (the official rule: the first 11 digits weighted 6, 5, 4,
  3, 2, 7, 6, 5, 4, 3, 2 from the left and summed; 11 minus the sum mod 11, or 0 when the remainder is 0 or 1),
  and not a timestamp (`202401311230`), a part of a longer number, an amount (`…円`, `…件`) or a number after
  one of the words of orders and products above. A random 12-digit number passes the check one time in 11 or
  so: an order or ticket number without such a word before it may be masked. Other numbers that identify a
  person are masked as `[個人番号]` too: a qualified invoice issuer's registration number, T and 13 digits with or
  without hyphens wherever it stands (`インボイス番号T1234567890123`, `T1-2345-6789-0123`: a sole proprietor's
  names them), and after the word that names it the number of a driving licence (免許証番号, 8 to 12 digits,
  `第…号` around it allowed), of a health insurance card (番号 and 記号 within 30 characters after 保険証,
  被保険者証 or 保険者), of a passport (パスポート, 旅券: one or two letters and 6 to 8 digits) and of the basic
  pension (基礎年金番号, 年金手帳の番号: 4 and 6 digits). A US Social Security number is one too: three, two and
  four digits joined by dashes wherever they stand (`123-45-6789`), or nine digits after SSN, Social Security or
  社会保障番号 (`SSNは123456789`), never a number that is not issued (area 000, 666 or 9xx, group 00, serial 0000:
  `000-00-0000`, `987-65-4321` stay) nor one after an order's or a product's word.
- **Street addresses**, as `[住所]`: the town, its block and house numbers, and the building, floor and room
  after them; the prefecture and the city, ward or district before the town stay (`東京都渋谷区神南1-2-3` is
  `東京都渋谷区[住所]`, `大阪市北区梅田2丁目4番9号` is `大阪市北区[住所]`, `札幌市中央区北3条西4丁目1-1` is
  `札幌市中央区[住所]`, `博多駅前3-4-5 ABCビル2F` is `[住所]`): an area names no one and a report may need it; the
  house number and the building identify a home. Numbers in ASCII or full-width digits or in kanji numerals
  (`一丁目二番三号`), joined by any hyphen (- ‐ － ― ー −), 丁目, 番地, 番…号 or 条; a building is a name ending in
  ビル, マンション, ハイツ, コーポ, アパート, レジデンス, タワー, 荘, 寮, 棟, … with its floor or room (2F, 3階, B1,
  201号室; `コーポ豊玉105`), and a room may be a last number (`1-2-3-201`). A block is an address when it says so
  (丁目 with a number after it, 番地, 番…号: `住所は2丁目4番9号` is `住所は[住所]`), except the idiom 一丁目一番地
  with no place before it, and 番地 in kanji numerals, which needs a place right before it (a city or ward, a
  town ending in 町, 村 or 通, one starting with 大字, or one UniDic knows as a place: `山下町百二十三番地`,
  `大字上野三番地`), since 一番 is "most" (`今回一番地!` stays); 番地 glued to a kanji that goes on as a word with
  地 ends no block (`一番地味な作業`, `一番地元の`, `1番地獄`; 番地先 is an address). Numbers joined by hyphens
  alone need a town right before them (kanji or katakana, at most 12 characters, 霞が関 and 丸の内 whole, starting
  after the city or ward or after 住所, 所在地, 在住, 自宅, …; not after a 市, 区 or 県 that starts a word:
  `株式市場2-3`, `評価区分1-2`, `大阪市内1-2`, `都市伝説1-2-3`, while `千代田区内幸町` is a ward and a town;
  right after a city or ward, with hiragana too: `横浜市青葉区美しが丘1-2-3`, `西区みなとみらい2-3-1`,
  `練馬区ひばりが丘一丁目2番3号` are `横浜市青葉区[住所]`, …, masker 14, when the town starts with no
  particle and holds no verb's ending: `横浜市ならみなとみらい2-3回` and `渋谷区の3-4` stay; before, such
  towns were left, or cut at their hiragana: `横浜市青葉区美しが[住所]`) that is
  no word numbers count, score, rank, date or measure (評価, 承認率, レベル, ランク, 期間, 納期, 退会日, 番号,
  テスト, 第, 時給, 文字数, …: `自宅で作業、評価4-5でした` and `北海道在住、タスク番号3-12-5` stay), no date
  (a year and a month, a day, or a second year: `在住の梅田2023-4-1`, `期間2021-2023`), and one more sign: a city
  or ward right before the town, a town ending in 町 or 村, a building after the numbers, a word of where one
  lives or sends within 20 characters before or 12 after (住所, 住んで, 在住, 自宅, 実家, 〒, 郵便番号, 送付先,
  届け先, 宛先, …) with a town that is a place by its form (a street's or a station's side, a hill: 大通西, 駅南,
  東口, 駅前, 松が丘) or a place or a name to UniDic (a surname, 北浜; before three numbers also a compound of
  nouns that neither count nor act, 三軒茶屋, 表参道; not a common noun alone, 条件, ゲーム, nor a compound such
  as 時給換算, nor a country, 日本), right after such a word and a particle or a colon (住所は, 自宅は, 実家は,
  在住の, 住所：) before three numbers any town of two characters or more that UniDic reads as no word that acts
  or says when (`自宅は東雲2-3-4`, `自宅は西院2-3-4`; not `自宅は応募3-4-5`), while two numbers after a common
  word there are a range (`自宅は月収2-3`, `実家は年収2-3`, `自宅は稼働2-3で`, `自宅は駅徒歩5-10`) unless the
  word is a side and one or two kanji (`自宅は西院2-3`, `住所は東雲2-3`: no word of measure is made so; not a
  direction, `自宅は東側2-3`, `南西`, nor a region, 北欧), a
  prefecture's name before three numbers
  (`長野2-3-4`) or right after 住所は or 自宅は (`自宅は奈良2-3`; not a score, `実家で観戦、福岡2-0`,
  `実家は福岡2-0で勝った`), or, for three numbers, a town UniDic tags or holds as a place (梅田, which a sentence
  may read as a surname); 番地 in kanji after such a word counts too (`自宅は北浜三番地`); `PiiMasker(names=False)`,
  which runs no tagger, asks nothing of UniDic and takes near such a word a town that is a place by its form, any
  town that is no word of measure before three numbers, a side and a kanji or two right after it, and a
  prefecture's name as above. Never an address:
  numbers followed by a unit (`3-4件`, `1-2週間`, `10-12時`, `3-5万円`, `2-3GB`, `1-2Mbps`) or by a route's or a
  service's word (`桜木町130系統のバス`, `八島町222便`: a bus route and a flight), a first number
  starting with 0 (a phone's or a code's),
  numbers glued after letters, a dot or a slash (`Ver.2-1-3`, `AB-12-34`, `1.5-2`), more than six numbers, a
  number with 番目, 号機 or 号線, and numbers after a space and a name that is no city (`日本対チェコ 3-4-3`, a
  formation; `ドルトムント 3-1`, a score). An address is Japanese text, as a name is: `[住所]` counts as Japanese
  when a row's status is judged (Status, below), so `神南1-2-3` alone stays classifiable when masked. Measured
  when added: nothing changes on `data/reviews.csv` nor `data/sample_dump.csv` (no text there holds an address);
  in the 7,367 livedoor news articles the finder takes 199 addresses in 149 articles (shops, venues, offices), all
  street addresses when read by eye (two abroad: `6番地` in Paris, `ミッドタウン45番地`), and the phones, scores and
  formations after a place name (`東京 03-3501-3591`, `ドルトムント 3-1`, `日本対チェコ 3-4-3`) stay. The
  rules on 番地 in kanji, words of measure, dates and towns near a word of where one lives (masker version 5) were
  measured the same way: on the 7,367 livedoor articles the 199 addresses found stay the same, and nothing changes
  on `data/reviews.csv` nor `data/sample_dump.csv`; on the case set, the old rules masked 10 of its traps of
  ordinary review text (`データ入力は一番地味な作業`, `自宅で作業、評価4-5でした`, …; address precision 0.783).
  Masker version 6 gave back the addresses version 5 had stopped masking right after a word of where one lives
  (`自宅は東雲2-3-4`, `住所は松が丘2-3`, `自宅は駅南2-3-4`, `住所は千葉2-3-4`, `自宅は北浜三番地`) and the
  prefecture's names before three numbers (`長野2-3-4`), while the traps above stay. Masker version 8: a 市 right
  after a ward, a district or a prefecture starts the town's name, not a city (`新宿区市谷1-2-3` is `新宿区[住所]`,
  it was `新宿区市[住所]`; `千葉県市川市…` as before), and one number after a town ending in 町 or 村, without a
  hyphen, is an address after a city or ward or right after a word of where one lives and a particle or colon
  (`高崎市八島町222`, `住所は八島町222番`, `送付先：八島町222 コーポ豊玉105`); a town alone (`八島町222`), a count
  (`港町3つ`, `3か所`), a rank and a unit (`港町1位`, `この町3年`) stay. Measured when added: nothing changes on
  `data/reviews.csv`; in the livedoor sentences with such a town or 市 it masks 2 more, both venues' addresses
  (`新宿区内藤町11`, `右京区西院東淳和院町28`). Also in version 8, two numbers after a common word right after or
  near a word of where one lives are a range, not an address (versions 6 and 7 masked `自宅は月収2-3`,
  `実家は年収2-3`, `自宅は稼働2-3で`, `自宅は回線1-2Mbps`, `実家暮らしで回線速度1-2`, and, without a tagger, any
  word near such a word: `実家暮らしで、月収2-3`); on the case set address precision goes from 0.836 to 1.000
  and one address is given up (`自宅は西院2-3`, below); nothing changes on `data/reviews.csv`.
  Masker version 9: Kyoto's addresses, which name the street, the crossing and the way from it (上る, 下る, 西入,
  東入) before the town and its number, are masked from the street on (`京都市中京区烏丸通御池上る虎屋町566` is
  `京都市中京区[住所]`: the number needs neither 番地 nor a hyphen after such a way; `烏丸通` was masked as a name
  and the rest left; `…烏丸通四条下る水銀屋町620番地` had its streets left); a street and a way alone
  (`烏丸通御池上る`) stay, an area. After 東京都, 市 starts the town (`東京都市谷1-2-3` is `東京都[住所]`, it was
  `東京都市[住所]`: 京都市 read inside 東京都市). A building named within another is masked whole
  (`六本木ヒルズ森タワー` after the numbers; `森タワー` was left). No address after 自宅は and a word that counts
  people (家族, 人数, 世帯, メンバー: `自宅は家族2-3-4`) or that ends in a suffix of time or extent (`自宅は一日中2-3`:
  中 is also a place to the dictionary); both were masked.
- **Birth dates and access codes** (masker 19; before, neither had a kind and both were left). A birth date, as
  `[生年月日]`: a date with its month and day right after 誕生日 or 生年月日 (`誕生日は1990年4月5日`,
  `生年月日：1990/04/05`, `誕生日は4月5日`, an era's year too: `平成2年4月5日`) or right before 生まれ or 生
  (`1990年4月5日生まれ`); a date nothing says is a birth (`2024年4月に退会`, `納期は4月5日`), a year alone
  (`1990年生まれ`: an age, as 30代 is) and a date that bounds a range (`1990年4月2日〜1991年4月1日生まれ`, a
  cohort; `生年月日が1986年6月2日以降`) stay. An access code, as `[アクセスコード]`, what lets someone into a
  meeting, an account or a gift's balance: a passcode, a password or a PIN (パスコード, パスワード, 暗証番号, PIN,
  認証コード, 確認コード) with four characters or more and a digit right after its word (`パスコード 123456`,
  `パスワードはabc123`; `パスワードは8文字以上`, `暗証番号4桁`, `パスワードを3回間違えた` and `パスワードはGoogleで管理`
  stay), a meeting's ID of nine to eleven digits (`ミーティングID 812 3456 7890`, `ZoomのID 812-3456-7890`), a gift
  card's code of capitals with digits or hyphens within twelve characters after a gift card's word
  (`Amazonギフト券 AQ12-BCDEF-GHIJK`, `アマギフのコードはABCD1234EFGH5678`; `Amazonギフト券 5000円分` stays). They
  are kinds of their own: a date of birth is no number of an identity document, and a code that opens a meeting
  or a balance is no handle that names a person. On the 234,470 texts of the reviews, the sample dump, chABSA and
  the livedoor news sentences, the birth dates masked 44 livedoor sentences, every one a person's birth date
  (`…は1957年10月18日生まれの54歳`), and nothing in the reviews, the dump or chABSA; the access codes masked none.
- **Kana nicknames and birth dates in English** (masker 21). A nickname in hiragana before さん, ちゃん, くん, 氏 or
  様 is masked whole where UniDic reads it as pieces: a stray kana before a given name it reads (ゆのんさん is
  `[人名]さん`, it was `ゆ[人名]さん`), a particle after such a kana or one kana read as a filler before the
  honorific (ゆのん氏, ゆのんちゃん: ゆ + の + ん, left before), and an adverb of sounds in hiragana alone
  (ぽんさん, ぺこちゃん, ぽちさん: `sound_word` in `taikai/privacy/_nicknames.py`, a semi-voiced kana first,
  not ending in と or り; のんびりさん stays).
  An adverb of two kana or more before such a one-word nickname starts no name: もうぽんさん and ずっとぽんさん
  were `[人名]さん`, the adverb masked with the name, and are `もう[人名]さん`; まだお客さん, もうみなさん,
  ずっと大家さん, もう運営さん, まだ業者さん stay. A birth date written in English or in a Western order is masked
  after an English label (DOB, D.O.B., Date of birth, Birthdate, Birthday, born, born on) with its year:
  `DOB: 1990-03-03`, `born on March 3, 1990`, `Date of birth 03/03/1990`, `birthday is 3rd March 1990`,
  `Birthdate: Mar. 3rd, 1990`, and a day, month and year after 誕生日 or 生年月日 (`生年月日：03/03/1990`); a date
  after another label (`Posted on March 3, 2024`, `納期は03/03/2024`), a year alone (`born in 1990`) and a
  range's bounds (`born 1990-04-02 to 1991-04-01`; as before, a date before まで or 以降) stay. Measured when
  added, against masker 20: nothing changes on `data/reviews.csv`, `data/sample_dump.csv`
  or chABSA; of the 7,367 livedoor news articles 9 change, at 13 places, each a person's name or nickname masked
  whole or newly (美月ゆま先生, 長野じゅりあさん, おぐねーさん, きょろんさん, 「ぷーちゃん」, a comedian's character;
  `[人名]えさん` and `「あ[人名]ちゃん` are `[人名]さん` and `「[人名]ちゃん`); no mask is lost and no birth date is
  added.
- **Hiragana nicknames read as a common noun** (masker 22; before, they were left). A nickname in hiragana that
  UniDic reads as one common noun (もも, a peach; ゆめ, a dream; ひなた, あんず) or as a one-kana filler and such a
  noun (あやね: あ + やね, a roof) is a name right before さん, ちゃん, くん, 様, さま, 氏 or 先生: ももさん,
  ゆめ様, あやねさん are `[人名]さん`, … (`taikai/privacy/_kana_nouns.py`). The noun is of the general kind to
  UniDic (みなさん, みんな, ちびちゃん stay: nouns that are also adverbs or adjectives), of 2 to 5 hiragana, and starts
  its phrase: no noun, prefix or suffix glued before it (おばあちゃん, おいしゃさん: お + いしゃ; いらいぬしさん:
  依頼主), and no kana glued before it that may be the name's own first letters (はるかぜちゃん, ふるいちやすし氏,
  「のぼう様」 stay: a mask of the end only would leave the start of the name); a particle after a word (担当の,
  私は, いつも), a verb or an adverb (紹介してくれた, もう) is a boundary. Common words in hiragana that take an
  honorific stay (`COMMON_KANA_WITH_HONORIFIC`: the people around someone, おっさん, むすめさん, きゃくさん; trades,
  だいくさん, おまわりさん; the animals of children's speech, ねこちゃん, くまさん, うさぎさん), with those
  `COMMON_WITH_HONORIFIC` held (みなさん, よめさん, おばさん); so do ゆめ and もも without an honorific
  (`ゆめを追う`, `もものケーキ`). Measured when added, against masker 21 over 234,417 texts (`data/reviews.csv`,
  `data/sample_dump.csv`, chABSA and the livedoor news articles split at 。 and line ends): nothing changes in the
  reviews, the dump or chABSA; 32 livedoor sentences change and no mask is lost: 21 a person's name or nickname
  (あかりさん, あんずさん, ひなたさん, ももちゃん, a child, 高橋みなとさん whole, it was left), 2 a dog's name
  (らんさん), 1 a comedy unit's (「おっぱい先生」), and 8 no one, read by eye: products and items named with ちゃん
  or さん (しじみちゃん, ももいろちゃん, むらさきちゃん, いろどりさん), a hair called あぶさん and a bruise called
  あざさん. On the case set the name recall goes from 0.914 to 0.974 (151 names, 9 of them added with this rule,
  and the traps of the brief: お客さん, みなさん, おばあちゃん, 赤ちゃん, お医者さん, 大家さん, 業者さん, 運営さん,
  クライアントさん, ライターさん, ワーカーさん, ねこちゃん, …), precision 1.000 before and after.
- **A filler kana before a hiragana name** (masker 23; before, the name was masked without it: `い[人名]さん`). One
  kana UniDic reads as a filler glued before a hiragana name it tags as a person's (いちか: い + ちか; まゆか: ま +
  ゆか) or before a nickname it splits (い + とくと + ら) is the name's first letter: いちかさん is `[人名]さん`
  (`filler_before_name`, `taikai/privacy/_kana_nouns.py`), unless a noun, a prefix or a suffix in hiragana is glued
  before the filler (the kana may end it). A particle is no filler to UniDic: 田中とちかさん, 友達のちかさん,
  私はちかさん keep と, の, は outside the mask. Measured when added, against masker 22 over the texts of
  `data/reviews.csv` (8,536), `data/sample_dump.csv` (3,000), chABSA (2,813) and the livedoor articles (7,367):
  nothing changes in the reviews, the dump or chABSA; 2 livedoor articles change (3 masks, each a half-masked name
  now whole), no mask is lost.
- **A kanji read apart before a name** (masker 23; before, the name was masked without it: `上[人名]さん`). One
  kanji UniDic reads as a prefix or a common noun glued before a kanji word it tags as a person's is the name's first
  letter when it starts its word: a surname the dictionary does not hold, read as that kanji and one it holds (上倉:
  上 + 倉, 佐津野: 佐 + 津野, 向井谷: 向 + 井谷), or a given name so read (紗英子: 紗 + 英子), before an honorific or
  with a given name after it (`kanji_before_surname`, `taikai/privacy/_surnames.py`). A kanji that is a word of its
  own before a name stays: the late, former, new, same (故山田太郎氏, 元木村拓哉), a time (その後裕子さん, 今), the
  family (妻洋子さん); so does one glued after a kanji or a demonstrative (大地丙太郎: 丙 ends 大地丙). Measured when
  added, against masker 22 over the same texts: nothing changes in the reviews, the dump or chABSA; 178 livedoor
  articles change in 261 places, read by eye: each a half-masked name now whole (a writer's byline 上[人名] after a
  line end in 89 articles, 紗[人名]さん, 増[人名]選手, 丑[人名]), or one of 14 names the honorific path had left
  (咲江さん, 麻佳さん) now masked; a shrine already half-masked as a name (身[人名]神社) is now masked whole; no mask
  is lost. A kanji UniDic reads as a suffix counts when a space or a line end stands before it (日本HP, a line end,
  then 上倉賢: 上 a suffix of HP to UniDic).
- **A name's last kanji, a hiragana surname, a nickname after an adverb** (masker 24; before, each was left outside
  the mask). One kanji UniDic reads as a suffix or a common noun glued after a one-kanji given name it tags (萌歌: 萌
  + 歌) is the name's last letter when it ends its word before an honorific, a particle, a symbol or the end
  (`last_kanji_of_name`, `taikai/privacy/_surnames.py`), unless it is a word after a name: to, the family, the side,
  others (田中様宛, 佐藤萌家, 山田氏側, 高橋さん達), a work by (佐藤萌作, 鈴木健著, 山田萌展), a group, a place, a
  technique or a festival (田中派, 寮, 術, 祭). A hiragana common noun glued before a hiragana given name UniDic tags
  is the surname (はたけみつを: はたけ + みつを, `surname_read_as_noun`, `taikai/privacy/_kana_nouns.py`) when it
  starts its phrase and is no noun of time (このあいだ, いま stay). An adverb takes no past た, so た after one starts a
  nickname UniDic splits (まだたかぴー: まだ + た + か + ぴー; そうだ keeps だ outside). Measured when added, against
  masker 23 over the same texts: nothing changes in the reviews, the dump or chABSA; 200 livedoor articles change in
  321 places, read by eye: each a name whose last kanji was left now whole (子役の[人名]菜, DF[人名]都, [人名]馬さん,
  a byline's [人名]幸), a name the honorific path had left now masked (翔生先生, 祐土さん), a reading in brackets
  masked with it (…豪（はたけやま ゆうごう）氏), or あいだ[人名]さん whole; no mask is lost.
- **Kanji names read apart as common words, a family's surname, nicknames read into other words** (masker 25;
  before, each was left, or masked in part). Before an honorific, a given name UniDic reads as two single kanji after
  a surname is a name (清原果耶さん: 清原 + 果 + 耶; 森七菜さん: 森, a forest to the best path and a surname to the
  dictionary, + 七 + 菜; the first kanji may be a prefix to UniDic, 谷川七菜さん), and so is a kanji common noun
  glued before a given name in kanji UniDic tags, as its surname (浜辺美波さん: 浜辺 + 美波, was 浜辺[人名]さん), where
  a name may start: nothing glued before it but punctuation, a particle, a noun of time (先日), a word of people or
  roles (女優) or a role of the stop list (デザイナー); such a word is itself no surname (友人美波さん is
  友人[人名]さん; `taikai/privacy/_read_apart.py`). A given name's last kanji read apart is the name's after a
  two-kanji given name too (未央奈さん: 未央 + 奈, was left) and before a job title (上白石萌歌部長 was
  [人名]歌部長), unless it is a kanji of the family (母, 兄), a title's prefix (元, 前: 佐藤健太元監督 is
  [人名]元監督), a first (初), a destination (先) or a shrine (宮). A surname before 家, 宅, 邸, 夫妻 or 夫婦 is a name
  (鈴木家 is [人名]家; 松本家具 and 鈴木家電 stay). A hiragana suffix of sounds ends a kana nickname (まだたかぽんさん:
  たか + ぽん after まだ, a noun and its suffix to UniDic), a hiragana numeral is no part of a common word with an
  honorific (いち + か + ちゃん), and one kana and an honorific that UniDic reads as a sound after a kana word are split
  (結局いちかちゃん: いち + かちゃん, a click; かちゃんと閉まった and たくさん stay). A particle glued after a noun
  that UniDic reads into the hiragana given name after it stays outside the mask when the rest is a given name too
  (ディレクターにちかさん is ディレクターに[人名]さん, was ディレクター[人名]さん). `keywords --mask-pii` masks a word
  n-gram with its words glued too (`結局 いち か ちゃん` was listed). Measured when added, against masker 24 over
  the texts of `data/reviews.csv`, `data/sample_dump.csv`, chABSA and the livedoor articles split at 。 and line
  ends: nothing changes in the reviews, the dump or chABSA; 197 livedoor sentences change in 199 places and no mask
  is lost, read by eye all people or families: 91 a half-masked name now whole ([人名]菜, [人名]加 of a given name),
  51 names the honorific path had left (大竹七未さん, 林遣都さん, 志野令教先生, 金正恩氏, 由紀奈さん), and 55 a
  family's surname before 家 or 夫妻 (徳川家, 高橋家, 三浦夫妻, and 白戸家, an advertisement's family). Left:
  ねこすずちゃん is masked whole, `[人名]ちゃん`: a nickname ねこすず and a cat named すず are written alike, and ねこ
  is no word of a reason.
- **A role read as a surname, a nickname read into grammar, a word of kin, a name read across** (masker 26). A
  word of the people around someone or of a role (上司, 大家, 家内, the words 友人美波さん keeps) or a shop that takes
  an honorific (花屋さん) that UniDic tags as a surname before a given name it tags stays outside the mask: 上司美波さん
  was `[人名]さん`, the boss lost, and is `上司[人名]さん` (上司にちかさん is `上司に[人名]さん`, as after a common
  noun; 上司美波が, no honorific, is `上司[人名]が`; `role_read_as_surname`, `taikai/privacy/_read_apart.py`).
  仲間 is left a surname (仲間由紀恵さん is `[人名]さん`): a common surname too, and 仲間美波さん is masked whole.
  One-kana pieces UniDic reads as a verb and a particle before a nickname of sounds, after an adverb, a mark or
  nothing, are the nickname's start: ずっとみかぴょんちゃん was `ずっとみか[人名]ちゃん`, half the nickname left, and
  is `ずっと[人名]ちゃん` (a particle starts none: まだかぽんさん keeps まだ). A name before a word of kin, 兄 or 姉
  and an honorific, 兄貴 or 姉貴, is masked, a given name too: 健太兄さん was left and is `[人名]兄さん`, as 田中兄さん
  (`kin_at`, `taikai/privacy/_titles.py`; 兄さんに, 俺の兄貴 stay). Four kanji before an honorific that UniDic reads
  across as other words are a name when the first two are a surname the dictionary holds and the last two no word it
  holds: 清野菜名さん (清, a country + 野菜 + 名) was left and is `[人名]さん` (`name_read_across`; 森林組合さん,
  小林製薬さん stay: 組合, 製薬 are words). 森林さん stays masked: 森林 is a surname the dictionary holds, and a review
  calls no forest さん. Measured when added, against masker 25 over the texts of `data/reviews.csv` (8,536),
  `data/sample_dump.csv` (3,000), chABSA (2,813) and the livedoor articles (7,367): nothing changes in the reviews,
  the dump or chABSA; 4 livedoor articles change in 5 places, each a name before 兄さん or 姉さん now masked
  (山田姉さん, ナオキ兄さん, 由美姉さん); no mask is lost.
- **A name after a platform, a place-tagged given name, the customer** (masker 27). A name never starts inside or
  at a platform, a role or a common word written together with it (`taikai/privacy/_listed.py`): UniDic reads
  出前館美波 as 出 + 前館 + 美波 (前館 a surname), and 出前館美波さん was `出[人名]さん`, the platform cut; it is
  `出前館[人名]さん`, and 出前館美波が, no honorific, `出前館[人名]が` (as 上司美波が). A platform of the stop list at
  the start of the name's words refused them whole, and the name was left: ココナラ美波さん, 楽天美波さん,
  タイミー美波さん, ウーバーイーツ美波さん are `ココナラ[人名]さん`, …. A common word that UniDic tags a surname
  before the given name stays the name's surname (仲間由紀恵さん, and so 仲間美波さん, 孫美波さん, 奥美波さん,
  神美波さん are `[人名]さん`: the tags are the same, and leaving 仲間 would leave a surname). A given name UniDic
  tags a place before a word of kin or an honorific is masked when the dictionary holds it as a given name:
  美波姉ちゃん, 美咲姉さん, 大和兄さん, 楽天美咲ちゃん, ストアカ美波先生 and ヒロ君 were left and are `[人名]姉ちゃん`,
  …; 東京さん, 新宿さん and 千葉姉さん (no given name in the dictionary) stay (`given_name_read_as_place`,
  `taikai/privacy/_titles.py`). 客 and 皆 before a given name are words of their own, as 客さん and 皆さん are:
  客美波さん was `[人名]さん` and is `客[人名]さん` (お客美波さん was `お[人名]さん`); before a surname 皆 is its first
  letter (キャスター・皆藤愛子さん stays `キャスター・[人名]さん`). Measured when added, against masker 26 over the
  texts of `data/reviews.csv` (8,536), `data/sample_dump.csv` (3,000), chABSA (2,813) and the livedoor articles
  split at 。 and line ends (220,121 sentences): nothing changes in the reviews, the dump or chABSA; 2 livedoor
  sentences change, each ヒロ君 (a person) now masked; no mask is lost.
- **A given name of one kanji** (masker 28; before, every one-character name before an honorific was left, for
  サイト通さんと, which is 通さないと). One kanji UniDic tags a given name is a name before an honorific: 茜さん,
  蓮くん, 舞さん, 佑ちゃん were left and are `[人名]さん`, …; glued after a noun of time or a role too (昨日蓮くん,
  同僚舞さん: `昨日[人名]くん`). It stays when the kanji and the honorific's first kana are a verb to the dictionary
  (通さ, 出さ, 許さ: サイト通さんと, 絶対許さん), when it is glued after another noun, a prefix or a suffix (サイト通,
  お米, 博報堂), and for animals a child calls so, which UniDic tags given names there (羊さん, 亀さん, 鶴さん, 鷹さん,
  獏さん: common words with an honorific; not 龍, 竜 or 隼, people in the news). Measured when added, against
  masker 27 over the texts of `data/reviews.csv` (8,536), `data/sample_dump.csv` (3,000), chABSA (2,813) and the
  livedoor articles split at 。, ！, ？ and line ends (the 45,441 sentences with a kanji before an honorific's first
  letter): nothing changes in the reviews, the dump or chABSA; 181 livedoor sentences of 97 articles change, 184
  names more, each a person's given name (杏さん, 綾さん, 佑ちゃん, 寅さん the film character), one without its
  surname (國中均氏 is `國中[人名]氏`: 國中 a common noun to UniDic); no mask is lost. 羊さん (a sheep) stays.
- **A given name read as a word, after a role or kin** (masker 29; before, each was left). One kanji the dictionary
  holds as a given name that UniDic reads as a common noun or a suffix is a name glued after a word of kin or a role
  (女優杏さん, 担当光さん, 娘杏ちゃん: 杏 and 光 suffixes there; `女優[人名]さん`) or, starting its phrase, before
  くん (翼くん, 今日は翼くんが: 翼, a wing, to UniDic), not before ちゃん or さん, which a writer gives a plant, a toy
  or a hobby too (花ちゃんに水をやった, 熊ちゃん, 鉄ちゃん stay), nor for an animal (熊くん, 鳥くん, 鴨くん stay). A
  word of kin starts a name as a role does (妻舞さん, 夫光さん: `妻[人名]さん`; 孫 stays out, a surname too:
  孫正義さん), and so does a role and a suffix of a person (担当者光さん: 担当 + 者). Two single kanji that together
  are no word the dictionary holds, before a given name it tags where a name may start, are its surname (國中均氏
  is `[人名]氏`, it was `國中[人名]氏`; 佐相秀幸氏, 鎧塚俊彦氏, 月丸虹子先生 the same). The same shapes with
  ordinary words stay: 担当者さん, 担当様, 依頼者さん, 取引先さん, 奥さん, 妻さん, 皆さん, お客さん, 大家さん,
  運営さん, クラウドワークスさん, 娘さん, 息子くん (`tests/privacy/test_read_apart.py`). Measured when added,
  against masker 28 over the 20,826 distinct sentences with an honorific or a word of kin of `data/reviews.csv`,
  `data/sample_dump.csv`, chABSA and the livedoor articles (split at 。 and line ends): nothing changes in the
  reviews, the dump or chABSA; 16 livedoor sentences change, each a person's name now whole (國中均氏, 鎧塚俊彦氏,
  佐相秀幸氏, 月丸虹子先生) or newly masked (福くん and 岳くん, actors; 翼くん, a manga's hero); no mask is lost.
  Also in masker 29, a given name of two kanji or more UniDic tags is a name with no honorific after a word of kin
  or a role and の (娘の結衣が, 旦那の健一に, 同僚の健一から: `娘の[人名]が`; before, only a surname alone was),
  when a particle, a punctuation mark or the text's end follows it; a common word there stays (母の実家, 娘の
  学校, 妻の美容院), and so does one kanji (妹の舞が: a dance too). Measured when added over the 31,106 distinct
  sentences of the same texts with such a word and の: nothing changes in the reviews, the dump or chABSA; 10
  livedoor sentences change, each a person's given name (女優の香里奈, 姉の美央) or a film character's (新人監督の
  幸一, 祖父の一平, 夫の伊右衛門); no mask is lost. And a one-kanji given name before くん that UniDic reads
  as a verb and ん (翔くんが: 翔く + ん; 輝くんに) or whose kanji and く are a verb (拓くん: 拓く) is a name when a
  particle or a comma follows; a verb and ん that end a clause stay (未来を拓くんだ, 続くんです, 行くんとちゃう):
  nothing changes in the 20,826 sentences with an honorific.
- **Common given names, pets and slang for accounts** (masker 30). Many of the given names parents choose most today
  are common nouns to UniDic or kanji it reads apart (愛, 凛, 紬, 澪; 陽葵: 陽 + 葵, 颯真: 颯 + 真), so 愛さん,
  澪ちゃん, 颯真くん, 娘の陽葵が and 息子の蓮は were left. A list of about 100 such names of one to three characters
  (the names ranked high in Meiji Yasuda's yearly lists of the 2010s and 2020s; `taikai.privacy._given_names`) is
  masked before an honorific (さん, ちゃん, くん, 君, 様) when the name and the honorific are words of their own to
  UniDic and a name may start there (恋愛さん, 最愛ちゃん, お花さん and 愛さない stay), and alone after a word of kin
  or a role and の before a particle, a mark or the end, unless the name is also a thing a relative has (娘の愛が,
  娘の詩が, 息子の歩 stay) or an adverb (娘の凛とした態度 stays; 娘の凛と公園に is `娘の[人名]と公園に`). Left off
  the list: 花, 桜, 空, 海 (a plant or a place takes ちゃん too), めい (a niece), 大和 (companies). A pet is no
  person: any name right after a word of a pet and の, or after 愛犬, 愛猫 or ペット, stays (猫のタマちゃん,
  犬のハナちゃん, 愛犬の蓮くん were `[人名]`; 猫ひろしさん, a comedian, keeps `猫[人名]さん`), and so do お花 and お米
  before さん (UniDic tags them as given names; お光さん and お岩さん, old names, stay masked); ニッセン, アイドマ and
  クラウディア, firms and a platform of home work, are no names before さん. Handles: 垢 (slang for an account) names
  one as ID does (ツイ垢 taro_writer, X垢はtaro_writer, インスタ垢: hanako.design; ツイ垢を消して and 垢BAN stay),
  a closing quote may stand between a handle after a service and で and the verb of finding
  (Twitterで「taro_writer」と検索), and @nifty, @cosme, @type, @press and @wiki are brands, no handles. Measured when
  added, against masker 29: nothing changes in `data/reviews.csv` (797 of its texts hold the characters of a listed
  name: 結, 恵, 歩, 律, 愛, …, none as a name), `data/sample_dump.csv` nor chABSA; over the 7,367 livedoor articles 17
  masks are added, each a person's given name (愛さん（36歳）, 萌さん, 翼君, 結ちゃん, 杏ちゃん, 人気画家の蒼), one
  name is lost, a dog's (犬のまさお君), and 258 `[ID]` are lost, each @nifty (125: an internet provider's fortune
  telling and WiMAX) or @type (133: a job site, 情報提供元：@type), none a person's handle.
- **Given names read apart with no surname, names after a phrase of time, loose handles, later birth dates** (masker
  31). Two single kanji UniDic reads as common nouns right before さん, ちゃん or くん are a given name when
  together they are no word of the dictionary, the second is a given name's kanji to it and a name may start there
  (柚葉ちゃん: 柚 + 葉, 今回柚葉さん, 心晴くん were left; 子猫ちゃん, 孫娘ちゃん, 黒猫さん are words and stay; a
  pet's name stays as the pet rule says: 愛犬の柚葉ちゃん, ペットの陽葵ちゃん). A name may start after a noun and
  the suffix 中 or after この度 as after 先日 (期間中舞さん, この度杏さん were left; 期間中田中さん is still read as
  中田 + 中, below). 孫ちゃん is a grandchild, no name (UniDic holds 孫 as a surname: it was `[人名]ちゃん`; 孫さん
  stays a name, Mr Son), and 佐川さん stays a name: the surname, whether or not the writer means the courier
  (佐川急便さん stays). Handles (`taikai.privacy._handles`): one in lower case glued to ID (IDtaro123; IDs,
  IDカード, IDaaS, 案件IDtask_001 stay), one after an @ and a space when it has a handle's shape or a word of
  contact stands shortly before (連絡は@ taro, DMは@ taro_88; Excel @ home, 単価@ 500円, @ cosme and 10 @ zoom.us
  stay), one in lower case after ID and a few words and an arrow or a colon (LINE ID教えます→kenta_0812; →Slackへ
  stays), one in kana after ハンドル and a colon or ハンドルネーム and は (ハンドル：たろうまる; ハンドルは重い, a
  steering wheel, stays). A birth date a few words after 誕生日 or 生年月日 in the same sentence, the first date
  there, with its year, masked when the year is a worker's (1900 to 2012, 昭和, 平成:
  生年月日を聞かれて1990年4月5日と答えた; 誕生日クーポンが2024年4月5日に届いた and 生年月日の入力は2023/4/1から
  stay). Measured when added, against masker 30: nothing changes in the 11,536 texts of `data/reviews.csv` and
  `data/sample_dump.csv`.
- **A name found once, masked where the text writes it again; names in variant kanji** (masker 32). Masking finds
  a name by what stands around it, so a name the writer repeats without it was masked once and left the next time,
  beside its own placeholder (`担当は小林さん。小林の対応が最悪` was `担当は[人名]さん。小林の対応が最悪`: 小林
  before の is also a place). Each other place the same text writes a name found is masked
  (`taikai.privacy._repeated_names`): in Latin letters in any case where no letter, digit or mark of a handle or an
  address is glued to it (`tanakaさん … Tanakaは`; tanaka@example.com stays an address), in Japanese where UniDic's
  words start and end with it and no noun glued after it makes a longer word (西さん … 西から is masked; 西日本 and
  関西 stay). A word no name was found for stays however often it is written (松本の…松本の). And the finders read
  a name's kanji written in the variant form that Windows' CP932 holds and people write their names in (髙, 﨑, 德,
  濵, 栁, 瀨, 淸, 增, 黑, 鄕, 昻, and 𠮷 of UTF-8 texts) as the common form UniDic holds, one character for one
  (`taikai.privacy.NAME_FORMS`): UniDic read 髙橋 as an unknown word, so that `クライアントの髙橋から` and
  `担当の德永が` were left where `クライアントの高橋から` is masked; the text keeps the form it was written in
  (`クライアントの[人名]から`). Measured when added, against masker 31: nothing changes in the 11,536 texts of
  `data/reviews.csv` and `data/sample_dump.csv` (none holds a variant form).
- **UTF-8 read as CP932 (mojibake)** (masker 33). A line of UTF-8 in a CP932 file (pasted into an Excel export)
  reads as mojibake (`逕ｰ荳ｭ縺輔ｓ` for `田中さん`): taikai classifies it as an error, but the text is written as read,
  and anyone gets the names back from its bytes. Each stretch of a text whose CP932 bytes are UTF-8 holding Japanese
  and a sign of mojibake (縺, 繧, 繝 or half-width katakana; `taikai.privacy._misread`) is read as UTF-8, the text is
  masked so, and each stretch is written back as read with readable placeholders (`[人名]縺輔ｓ`): the row stays an
  error, and its bytes hold no value masked. A readable review with a misread stretch is masked in both. Measured
  when added, against masker 32: none of the 11,536 texts of `data/reviews.csv` and `data/sample_dump.csv` holds
  such a stretch as written, and all 11,536 do read as mojibake. With a sentence of personal data added to each of
  the first 1,000 reviews of `data/reviews.csv`, read as mojibake: the names, phone numbers, e-mail addresses,
  handles and URLs are masked as in the texts as written (747 of 750 alike); the accounts and postal codes (250) are
  not, as before: a byte of the word that names them (銀行, 普通, 〒) was lost in the reading (U+FFFD).
- **Surnames alone in brackets, a person's number** (masker 34). A surname alone in a pair of
  brackets (half- or full-width, 「」, 『』, 【】) is a name right after a role (クライアント(高橋)の,
  担当の「佐藤」が, 発注者【小林】から, 担当者(中村)に: each was left) or, anywhere, when the
  dictionary holds it only as a person's name (「田中」が対応, 『渡辺』の返信); a place or a company
  quoted stays (「松本」というお店, 「鈴木」の製品, クライアント(大手)の). So is a surname after a role
  and は, の or a space that ends a sentence, a clause or the text (担当者は高橋。, 依頼主は高橋,
  クライアントの高橋、最悪, 差出人 田中: each was left; 担当は高橋社の, 担当の鈴木商事 stay), and a
  surname listed with a name found, joined to it by 、, ・, / or と (高橋、佐藤、渡辺の3人 and 担当: 高橋/佐藤
  were `高橋、佐藤、[人名]の3人` and `担当: [人名]/佐藤`; `taikai.privacy._repeated_names.listed_names`; a place
  the tagger reads stays: `[人名]と松本に行った`). A person's number at a
  service is an `[ID]` after ID and a colon, = or は (ID:12345678, IDは87654321), or after a person's
  word and ID or 番号, or a platform's name and ID, with a space or nothing (ユーザーID 12345678,
  ワーカーID12345678, お客様番号 1234-5678, ログインID 12345678, ランサーズID 12345678; in
  `taikai.privacy._handles`); a record's ID (案件ID:12345678, 作業ID
  7654321, ID: 123456 の案件), a count or an amount after it (ID:100人, ユーザーID 8桁, IDは3つ) and
  ID and a number with neither (ID 12345678) stay. Measured when added, against masker 33: nothing
  changes in the 11,536 texts of `data/reviews.csv` and `data/sample_dump.csv`.
- **A name found anywhere in a run is masked everywhere in it** (masker 35; `taikai.privacy._run_names`). A run
  (`batch --mask-pii`'s input, either engine; a frame's column given to `mask_text_column` or `predict_frame`; the
  texts of one `classify`, `predict` or `evaluate` call; the lines of `predict`/`explain --mask-pii`; `rules test`;
  the texts of `report --mask-pii`; `suggest`'s sheet)
  is masked in two passes: the first collects the names masking finds as persons (each name of two characters or
  more, and the person-tagged words within it: 山田 and 太郎 of 山田太郎さん), the second masks them where a text
  writes them bare too (担当の小林さんが最悪 in one row, 小林の対応が遅い in another: was left). A collected name
  is masked bare where it is a word of its own that UniDic reads as a proper noun, a person's or a place's
  (松本の件, where 松本 reads as a place), with no noun glued after it nor a prefix before it: 松本市, 千葉県,
  小林製薬, 新松本駅 stay, and so does a nickname where it reads as a common word (ももが好き, after ももさん). A
  Latin name is masked bare where it is written with a capital (Tanaka; not tanaka_88 nor an address). The local
  engine reads its input once more for the first pass (in its worker processes under `--jobs`); the Dask engine
  computes the names over every partition before it classifies (per partition, a name would be masked or left by
  where the input was cut). The names are never written: `--resume` collects them again from the first row, so a
  run resumed, or run with any `--jobs` or `--chunk-size`, writes the same bytes. A `--resume` of an input that grew
  since the run was saved collects them in the same pass per range, the rows the saved run read and the rows
  appended: when the rows appended name a person the input did not name then, the rows saved (masked without that
  name) are not kept and every row is classified again from the start, a one-line warning saying so (it counts the
  names, never writes them); else only the rows appended are classified. Measured on 20,000 rows
  (`data/sample_dump.csv` with four rows of names, repeated), `batch --mask-pii --jobs 1` took 1.14 times as long
  (31.3 s → 35.6 s, the fastest of two runs each on a shared 2-core machine) and changed no row of
  `data/sample_dump.csv`. Not run-wide: a single text (`mask_pii`), the masked copies the duplicate checks compare
  (`suggest`'s exclusions, `train`'s added rows), `drift --mask-pii` (counted chunk by chunk) and the error
  messages that quote a text. In each text alone, masker 35 also reads as a name a surname UniDic reads as a
  place alone in brackets after a role, or after a role and は before です (上司（松本）に, 担当は千葉です,
  担当は山田です: each was left; 松本に行った, 出身は千葉です, 「松本」というお店 stay), and the last of a list of
  surnames before 各氏 or 両氏, with the list (田中・鈴木・小林の各氏, 田中、鈴木の両氏: were left; in
  `taikai.privacy._surnames`); nothing changes in the 11,536 texts of `data/reviews.csv` and `data/sample_dump.csv`,
  alone or as one run.
- **Names.** The text's words are tagged by UniDic (unidic-lite, the model's dictionary). A surname followed by a
  given name is a name; a run of person-tagged or unknown words right before an honorific (さん, 様, さま, 氏,
  先生, くん, 君, ちゃん, 殿) is a name unless it is a platform or role (ココナラさん, ライターさん, YouTuberさん);
  a surname of two or more kanji, or a katakana word of three or more letters UniDic tags as a surname and not on
  the stop list, followed by a particle (鈴木から, 担当のキムラが, タナカに) is a name, and followed by の when the
  dictionary knows the word only as a person's name (田中の奴; 松本の, 福岡の, 鈴木の are also a city, a
  prefecture, a company and stay), and followed by です when the dictionary holds it as no place and it introduces
  someone: it starts the text, or a first-person subject (私は, 僕は, 自分は, …), a role and の (ライターの,
  担当の, デザイナーの) or, masker 17, a role and は (担当者は佐藤です: who holds it; 担当者 too, 担当 + 者 to
  UniDic, which was left) comes right before it (ライターの鈴木です, 私は田中です, 富永ですが; 職場は北浜です and
  住んでるのは鶴橋です stay, and so do 出身は千葉です and ライターの山田です: 千葉 and 山田 are also places). Such a
  surname never starts inside a word (最寄り駅は新今宮です, 新今宮から: 新 + 今宮 to UniDic, stay). Right before
  さん, 様,
  さま, 氏, くん, ちゃん or 先生, two more kinds of word are names though UniDic does not read them so: a kanji
  noun that starts its phrase and that the dictionary also holds as a surname (西さん, 北さん, 星くん; not
  事務局さん, the end of a compound), or, before ちゃん, one kanji it holds as a person's name of no kind, neither
  surname nor given name (山ちゃん, 光ちゃん; not 花ちゃん, 熊ちゃん, 鳥ちゃん, given names that are pets and toys
  too, nor 母ちゃん or 猫ちゃん), and a kana nickname of 2 to 8 characters that UniDic splits into grammar
  (たかぴーさん is た + か + ぴー, みーさん is み + ー), counted from the particle, verb or demonstrative before it
  (私はたかぴーさん). Neither, nor the person-tag rule, takes a
  common word that takes an honorific (`COMMON_WITH_HONORIFIC` in `taikai/privacy/_unread_names.py`: お客さん,
  皆さん, 大家さん, 奥さん, 神様, 上様, 運営さん, 担当さん, ばーちゃん, お疲れさま, …), built from how
  `data/reviews.csv` and news text use honorifics; UniDic's common nouns (クライアントさん, 担当者様) are never
  taken either. Measured when these rules were added, against the rules before them: on `data/reviews.csv`
  they mask nothing new; on the 7,367 livedoor news articles of `../shared/benchmarks` (real text, real names)
  they add 714 names (148 before an honorific, 566 before の) and drop 3 masks that were wrong (花屋さん,
  王さま, 王様ゲーム); read by eye, 5 of the 714 are not a person (根津 and 御苗場, places; でんぢゃらすじーさん
  and ひみつの嵐ちゃん, titles). UniDic also tags platforms and loanwords as names (サグー, バレンタイン): those
  are masked only before an honorific and not in the stop list. Single Latin letters (Aさん) are already
  anonymous and stay. A Latin name is a name before every honorific alike (Smithさん, Smith様, tanakaさま,
  John Smith先生, Emilyちゃん, SMITH殿), whatever UniDic guesses its tag to be (it tags an unknown Latin word a
  person's name before さん and 氏 but a common noun before 様 or 先生), and in any case but a brand's (iPhone様,
  YouTuberさん stay); a handle or hyphenated name is masked whole (sajo_towsonさん, Jean-Baptiste Smith氏), a
  domain's ending (ascii.jpさん) and a word after `@`, `/` or `:` is not. Platforms, companies and roles written
  in Latin letters stay before any honorific when the stop list holds them (Upwork様, Lancersさん, Amazon様,
  Adminさん, OLさん, noteさん, AI様: `NOT_NAMES` in `taikai/privacy/_not_names.py`); one it does not hold is taken
  for a name (Zoomさん stays, Tableauさん is masked). Measured when this rule was added: on `data/reviews.csv` it
  masks nothing new; in the 501 sentences of livedoor news with a Latin word before an honorific it changes 86:
  in 64 it masks more (lower-case names and handles: akieさん, lumin氏, 2106bpm氏; names before 様, 先生, ちゃん:
  GACKTさま, RIECO先生; a given name with its surname: Tim Smith氏 whole), in 6 less (OLさん, an office worker,
  stays), the rest both or the same count; read by eye, 5 of the names taken are not a person (九十九exさん,
  masked in part, and trishさん: shops; zigsowさん: a website; CACOちゃん, KITTYちゃん: mascots).
  A handle that ends in digits is masked whole before an honorific too (sakura0123さん, taro88さんに,
  hana_0123様: UniDic reads the digits as a number, which is no part of a name), when it has two letters or more
  and none of its words is on the stop list or an acronym (GPT4さん, PS5さん, iPhone15さん, Windows11さま, A1さん
  stay). A name after an English title and a space (Mr., Mrs., Ms., Mx., Dr., Prof., with a dot or without: one
  to three capitalised words) is masked and the title stays (`Mr. [人名]が`, `Dr. [人名]に相談`), but not a word
  glued to the title or written in capitals, which is a brand's more often than a person's (Mr.Children, Mr.Donut,
  Dr.Jart, Dr. PASSPORT), nor a word on the stop list (Mr. Google), and only in a text the model reads: `[人名]`
  counts as Japanese, so masking would make a text of English alone (`Call Mr. Tanaka`) one it classifies.
  Measured when these two were added: nothing changes on `data/reviews.csv` or `data/sample_dump.csv`; in the
  7,367 livedoor news articles they mask 16 names, all people or characters (KENJI03さん, haaaaacchi8氏, Mr.
  Daisey, Dr. Seuss, Dr Dre, the song title Mr. Miyagi); names glued to the title or in capitals would have added
  11, all products or characters (Dr.Jart, Dr.MJ, Mr.IX, Dr.Web Light, Dr. PASSPORT).
  A name before an honorific written in romaji is masked too, and the honorific stays (masker 13: `Tanaka-san` →
  `[人名]-san`, `Taro Yamada san`, `yamada-sama`, `Ken-kun`; -san, -sama, -kun, -chan, -sensei, -senpai, -dono):
  one or two capitalised words before a hyphen or a space, or a lower-case word of three letters or more before a
  hyphen or (masker 22: `yamada sanから` was left) before a space and san, sama, kun or chan (not an English word,
  `thanks san`, nor before sensei or senpai, `my sensei`; nothing changes on the 234,417 texts of the corpora
  above), the honorific in lower case and ending its word, with the same stop list and acronym rule
  (Google-sensei, Lancers-san, GPT-san stay) and only in a text the model reads. Not `-shi`, which after a place
  is a city (Chiba-shi) more often than 氏. Measured when it was added: no match at all in the 21,716 texts of livedoor,
  chABSA, `data/` and `data/candidates/`, so the figures above are unchanged.
  The tools and services of the trade take an honorific as people do (Google先生, Excel先生に聞く, Windowsさまが
  落ちた, Payoneerさまの手数料, Mac様): the stop list holds them by group (office, OS and development tools;
  search, reference and AI assistants; social networks and messaging; payment, banking and e-commerce services;
  freelance and creative platforms), but not a tool that is also a given name or surname (Ruby先生 is masked).
  An all-caps word of two to four letters without a vowel taking the honorific is an acronym and stays (PDF様,
  HTMLさん; initials before a name are part of it: JK Shin氏 is masked whole); one with a vowel is a name unless
  listed (SEO様 stays, KEN様 is masked): of the 41 all-caps words of two to four letters before an honorific in
  livedoor news, most are stage names (JOYさん, EICOさん, IKKOさん, MAYAさん). Measured when added: nothing
  changes on `data/reviews.csv` or `data/sample_dump.csv`; of 509 sentences of livedoor news with a Latin word
  before an honorific it changes 2, both masks that were wrong (SPさん, a bodyguard; ADさん, an assistant
  director).
  Only the name is replaced: `[人名]さん` keeps the honorific, which the model reads. Job titles
  (社長, 会長, 部長, 課長, 係長, 店長, 専務, 常務, 所長, 室長, 院長, 編集長, 副社長, 次長, 主任, 主査, 支店長, 支社長,
  本部長, 工場長, 局長, 班長, 副店長, 取締役, 代表, 理事長, 委員長, 校長, 教頭, 学長, 園長, 館長, 監督, 教授, 准教授,
  先輩, 師長, 料理長, 議員, 弁護士, 税理士, 副部長, 副会長, 副代表, 副所長, 副院長, 副校長, 理事, 講師, 社労士,
  行政書士, 司法書士, 会計士, 弁理士, 医師, マネージャー, マネジャー, ディレクター, リーダー, プロデューサー, チーフ,
  キャプテン, コーチ, PM, PL, CEO, CTO, COO, CFO, デスク, オーナー), and long titles of up to four words to UniDic (a
  department's word, 事業, 営業, 開発, 人事, 総務, 経理, 技術, 企画, 広報, 製造, 経営, 統括, マーケティング,
  セールス, システム, デザイン, クリエイティブ, プロダクト or カスタマーサポート, before 部長, 課長, 本部長 or
  部次長: 田中事業部長, 佐藤営業課長, 田中マーケティング部長; and 部長代理, 課長代理, 課長補佐, 代表取締役,
  専務取締役, 常務取締役, 取締役社長, 代表取締役社長, 執行役員) take a name as an honorific does, but only
  when every word before the title is tagged a person's name and one of them a surname (田中社長に, 山田部長から,
  佐藤課長が, 鈴木編集長に: UniDic reads 係長 as 係 + 長 and 編集長 as 編集 + 長, which are matched too;
  田中マネージャーに, 佐藤ディレクターから, 山田先輩が, 田中PMに); 会社の社長, うちの部長, 副社長, 元社長, IT社長,
  プロジェクトマネージャー, チームリーダー, 会社の先輩, 本業でPMを stay. A surname followed by っち, a nickname's
  ending, is a name as before a particle (田中っちと is `[人名]っちと`; こっち, 待っちゃう stay). Measured when the
  first titles were added: nothing new on `data/reviews.csv`; 148 names before a title in 1,095 sentences of
  livedoor news that hold one, 25 read by eye, all people (a name the dictionary reads as a place, 松本部長,
  stays). Measured when the titles after 編集長 and
  っち were added (masker version 8): nothing new on `data/reviews.csv`; in the 12,430 sentences of livedoor news
  that hold such a title, っち, a town's number or a foreign number, 378 more names, read by eye all people
  (338 before 監督: 星野監督, 岡田監督, 蜷川監督; 15 before 教授 and 准教授, 5 before 議員, the rest before 料理長,
  校長, コーチ, 館長, 弁護士, 先輩, 副社長, 委員長, プロデューサー); no foreign number, handle or account is
  masked there.
  An honorific drawn out as one calls someone is one too (田中さーん, 田中さーーん, 田中さ〜ん, 山田くーん,
  花子ちゃーん; みなさーん, お母さーん stay); さあ, with no ん, is none. A surname after a role's label and a colon is
  a name whatever follows it (担当者：高橋, 担当：高橋, 責任者：佐藤でした; labels: 担当, 担当者, 担当者名,
  営業担当, 責任者, 窓口, 講師, 代表, 代表者, 差出人, 送信者, 依頼者, 依頼主, 発注者, 連絡者, 幹事, 主催, 主催者,
  作成者, 記入者, 申込者, 応募者, 受注者, 面接官, 上長, 上司, クライアント, 取引先, 先方, 連絡先, 発注元, 依頼元,
  ディレクター, マネージャー, リーダー, PM, 編集, 編集者: 幹事：高橋, クライアント：高橋), unless a noun is glued
  after it (担当：佐藤デザイン, a company). A surname alone in brackets right after a value, a letter or a digit
  before the bracket, is whose the value is (masker 17: `090-1234-5678（田中）` is `[電話番号]（[人名]）`, the surname
  was left; `東京（品川）`, `iPhone15（新品）` stay). Measured when these two were added: of the 8,539 livedoor news
  sentences with a bracket after a letter or a digit, or は and です, none changes, nor does any text of
  `data/reviews.csv` or `data/sample_dump.csv`. A surname the dictionary also holds as a place, before に or へ and a
  verb of going or staying there (行く, 住む, 着く, 向かう, 引っ越す, 通う, 戻る, 帰る, 寄る, 移る, 出張, 転勤, 異動,
  移転, 移住, 到着, 集合, 出かける), is the place: 神田に行った, 松本に出張した stay (神田 was masked), 神田に頼んだ,
  山田に来てもらった, 責任は山田にある and 北島に行ったインタビュー (行う: held) are masked, and so is 神田に with
  no verb after it (a person or the place: masking errs on the person's side). Measured when these
  were added (masker version 9, with the streets and addresses above): nothing changes on `data/reviews.csv`; in
  the 243,168 sentences of the 7,367 livedoor news articles 5 change, all right as read by eye: 2 names before
  a drawn-out honorific (のぞみちゃ〜ん, マツコデラックスさーん), 1 after 代表= (日本代表＝田中マルクス闘莉王: the
  surname only), and 2 with streets no longer masked as names (南本通商店街; shops named after streets:
  ソフトバンク八幡通, 堺東一条通, 石狩手稲通). A surname and the given name 通 without an honorific are a
  street (烏丸通, 堀川通: Kyoto's streets, a surname and a given name to UniDic) and stay.
  Masker version 10 added the labels after 連絡者, デスク, the katakana departments, one kanji before ちゃん, the
  addresses joined by の, three numbers after a town UniDic reads as a surname (`北浜1-2-3`), three digits after a
  town in 町 alone (`八島町222`) and e-mail addresses under an internationalised domain. Measured when added:
  nothing changes on `data/reviews.csv` (the same 2 texts as before are masked); of the 220,121 sentences of the
  livedoor news articles (split at 。 and line ends) 1 changes, rightly (山ちゃん, a comedian's nickname); none
  of the traps added with them to the case set changes (城下町100選, 港町2024, 資料の1の2, 問1の2の3, 熊ちゃん,
  ワンチャンも, スズキの車, ゲーミングデスク).
  Masker version 11 added the labels after 上司 and the titles after 税理士 and デスク (クライアント：高橋,
  高橋社労士, 白井オーナー), handles after LINEは, IDが, IDを and ハンドルネーム, the Japan Post transfer account, a
  Discord tag's number, two numbers after a side and a kanji or two right after 自宅は (`自宅は西院2-3`), and keeps
  a bus route or a flight after a town (`桜木町130系統`, `八島町222便`) from being an address. Measured when
  added, on the 22,640 sentences of livedoor news and `data/reviews.csv` holding one of the words these rules
  read: nothing changes in the reviews; in the news 11 change, all rightly as read by eye (9 surnames before
  医師 or オーナー: 天野医師, 白井オーナー; 2 handles after ハンドル名). A rule tried on the way, a handle in
  lower case after IDが with a digit alone, took `IDがIPv6` there and was narrowed.
  A name is masked whole. Katakana names joined by ・ or ＝ are one name (ジョン・スミスさん, ヤマダ＝タロウさん,
  ジョン・F・ケネディ氏 become `[人名]さん`, `[人名]氏`), unless the word before the ・ is on the stop list
  (ライター・[人名]さん, ココナラ・[人名]さん); a katakana word before the ・ that is not is masked with the name
  (ボーカル・ミカちゃん is `[人名]ちゃん`). A mask never starts inside a katakana word: UniDic reads the end of some
  words as a name (メル + カリ, インフル + エンサー, ジョブ + ハブ), so the whole word is what the stop list is asked
  about and what is masked (メルカリさん, インフルエンサーさん stay; ミ + [name]さん is `[人名]さん`). A reading in
  brackets right after a name, in kana or Latin letters, is masked with it (山田太郎（やまだたろう）さん,
  山田(Taro Yamada)さん, 佐藤（サトウ）さん, 山田（やまだ）から: `[人名]さん`, `[人名]から`). A katakana or Latin word
  in brackets that the masker or the dictionary knows is no reading but says what the person is: a role, a
  platform, a place or a common noun (on the stop list, or tagged so by UniDic); only the name is masked and the
  bracket stays (鈴木（ライター）さんに, 高橋（Lancers）さんと, ジョン・スミス（アメリカ）さんの,
  田中（クライアント）が, 山田（ドルトムント）が become `[人名]（ライター）さんに`, …, `[人名]（ドルトムント）が`).
  A name in quotes right before an honorific is a name as it is without them, and the quotes stay (masker 14:
  発注者「山本」さん, 『たかし』さん, "Hanako"さん become 発注者「[人名]」さん, …; they were left, while
  「クライアント」さん and 「運営」さん stay as without quotes). Between the quotes, the quotes bounding it, so is
  a nickname UniDic splits into grammar, as the kana nickname rule reads one, kanji allowed (masker 16:
  「ぴよ子」さん, ぴ + よ + 子, and 「たかぴー」さん become 「[人名]」さん; 「神対応」さん, 「優しい人」さん,
  「お客」さん stay). Without quotes, kana glued before 子 or 美 right before an honorific, or before a given name
  in kanji, is a nickname when its words are as the kana nickname rule reads them, a piece of one kana before a
  particle allowed (ぴ + よ), with no verb, adjective or ending among them and no known word of two characters or
  more alone: masker 17, ぴよ子さん, みか子さん (みか + 子) and ぴよ太郎さん become `[人名]さん` (they were left, and
  `ぴよ[人名]さん`); うちの子さん, いい子さん, ちび子さん, ひとりっ子さん, 結婚した歩さん and まだ太郎さん (まだ
  `[人名]`さん) stay as they were. Measured when added: nothing changes on `data/reviews.csv` nor
  `data/sample_dump.csv`; of the 23,823 livedoor news sentences holding an honorific, a URL, an @ or a bank's brand
  11 change, all names as read by eye (ユミ子さん, ニャル子さん, a character, and three given names ending in 美
  whose 美 was left). A short note in kanji in brackets after a name stays as a known word does, and the name is
  masked (masker 16: 田中（仮名）さん, 佐藤（元上司）さん, 星野（監督）に become `[人名]（仮名）さん`, …; they were
  left whole); kanji in brackets that
  UniDic tags as a person's name is the given name and is masked with the surname (澤（穂希）さん is `[人名]さん`).
  Measured when added: nothing changes on `data/reviews.csv` nor `data/sample_dump.csv`; of the 8,252 livedoor news
  sentences holding a quote or a bracket before an honorific or a particle, an arrow, an at-sign, a bank's name or
  a character NFKC makes digits of, 58 change, all names as read by eye (roles and their actors written
  `役名（俳優名）`, masked whole where each was masked alone, and surnames before a given name in brackets that
  were left: 秋元（康）先生, 桑田（真澄）さん). Masker 16 also masks a value glued after a character NFKC makes
  digits of, as it stands apart in the text as written (〒150-004½090-1234-5678: the phone after ½, which NFKC
  reads 1⁄2090-…), e-mail addresses with their dots spaced (tanaka ＠ example ． com), a handle after a service
  and an arrow (LINE→ taro_88; LINE→Slack stays), an account after a bank's name without 銀行 (三菱UFJ
  001-1234567, みずほ 渋谷 1234567; after 楽天, ソニー, イオン, au, names of other things too, only a branch and
  an account number: 楽天 201 1234567, or, masker 17, seven digits right after the name, a space, a colon or は
  between, and no unit after them: 楽天 1234567 and ソニー: 1234567 are masked, 楽天 1000000円, 楽天 1234567ポイント,
  楽天ポイント 1234567 and 楽天の注文 1234567 stay; measured when added, no such number follows these names in the
  7,367 livedoor news articles, chABSA, `data/reviews.csv` nor `data/sample_dump.csv`) and Japan Post's
  記号番号 with any dash or a space (12345ー1234567), a
  postal code without 〒 before a city, a ward or a county (150-0001 渋谷区; not 地区 or 都市: 時給は900-1200
  地区によって) or after 住所, and a handle after a service's name and an @ (tiktok@taro_88, X@taro_88), which
  is no e-mail address under a top-level domain the patterns do not know, after the name or a space before the @
  (Instagram @taro.yamada and インスタ@taro.yamada were masked as an address, the service's name with it:
  `Instagram [ID]`, `インスタ[ID]` now; LINE@で stays), and an address under a mail service's name alone, as
  people shorten it (kenji.sato@gmail, taro88@docomo).
  The stop list also holds the corpus's
  platforms and their nicknames (クラワ, ランサ, サグーワークス, ストアカ, シノビライティング, MENTA, …) and the
  services freelancers move to (タイミー, タスカジ, ANYTIMES, エニタイムズ, Uber, ウーバーイーツ, メルカリ, ラクマ,
  ミンネ, クリーマ, ペイペイ, ジョブハブ, 楽天: also a given name, but the company before an honorific in a review)
  and companies clients and freelancers name (ミツモア, ビズリーチ, KDDI, ドコモ, ソフトバンク, リクルート),
  whatever follows the honorific (クラワさんで, 昨日サグーワークスさんから). A mask never starts inside a kanji
  word either: a shop's or a company's name that UniDic splits into a name and its last word (三省 + 堂, a
  surname and a given name), or into
  a word and one kanji it tags as a surname (博報 + 堂, 文教 + 堂), stays (三省堂さん, 博報堂さん; the shop words
  堂, 社, 舎, 館, 房, 屋, 店, 商店, 書店, 書房, 工房, 商会, 出版). A name after 氏名 or 名前 and a colon is
  masked whole, one to four kanji and a second such part after a space, or katakana (`氏名：金 成民` is
  `氏名：[人名]`, where UniDic reads 民 as a suffix). Measured when these were added (katakana surnames,
  companies, 氏名): on the 8,536 texts of `data/reviews.csv` nothing changes (2 `[人名]` before and after).
  Measured when these were added (split titles, joined names, readings, word edges, the services, です): on
  `data/reviews.csv` and `data/sample_dump.csv` nothing changes;
  in the 22,081 sentences of livedoor news with an honorific or 長 they change 271, all masking more: 150 joined
  names (スティーブ・[人名]氏 becomes `[人名]氏`), 52 names masked from inside their word (ミ[人名]さん), 61
  readings in brackets, 7 names before 係長 or 編集長, 1 before です; read by eye, 8 of the readings are not one
  (a club, a role, a website: masked with the name) and 2 of the names a website (Jewelart（ジェラート）さん); in
  the 19,367 sentences with です, 7 surnames before です, all people.
- **What the model reads.** Placeholders are words the model knows (メール, 口座, 電話番号, ID), which would push
  a reason that the words around them already carry (口座番号：[口座] says 口座 twice). `Model.classify` reads
  each placeholder of a text as `○` (`taikai.privacy.neutralize`), as it read the unknown value that stood there;
  the outputs hold the placeholders. Training reads them the same way (`taikai train`, `--add`, `taikai.train`,
  its cross-validation, test and comparison figures): a labelled `suggest --mask-pii` sheet teaches `○`, not
  `[メール]`, and a row of nothing but placeholders of values that are not Japanese (all but `[人名]` and `[住所]`,
  which stand for Japanese text) is skipped with the status message below. On the seeded corpus
  below this keeps about 0.9 points more of the
  predictions than reading the placeholders as words. `explain` reads them as `○` too, so its status,
  labels and probabilities are `predict`'s; a feature holding a `○` spans its whole placeholder in the text shown.
- **Masked copies are the same rows.** A row added with `train --add` that is a DATA row masked (a `suggest
  --mask-pii` sheet of rows already in DATA), or the unmasked text of a masked DATA row, is a duplicate of it: dropped
  and counted as the same text is (a file only of such rows is refused), so a test row never comes back masked as
  a training row. Among the added rows, a masked copy of another added row (in another `--add` file or the same
  one, neither in DATA) is a repeat of it as the same text is: kept once, from the last file, and counted. Only the
  texts that could match one with placeholders are masked to compare (those that begin, or end, as it does).
  `evaluate` (and `--split` by row hashes) counts a row as trained on when its text, or that text
  masked, is one the model was fitted on: a model trained on a masked sheet knows its rows unmasked. A model
  records how many of the texts it was fitted on hold a placeholder (`training_data.row_hashes.placeholders`);
  when none does, `evaluate` masks nothing, as no row could match once masked. A model saved before taikai
  recorded that has every row it does not find masked to look again, which costs about 0.1 ms a row (the shipped
  model was retrained with the count, 0, its pipeline byte for byte the same). The reverse
  cannot be told: a model records the hashes of the texts it was fitted on, not the texts, so the masked copies
  of the rows of a model trained unmasked look new to `evaluate`.
- **Columns and cells that are no text.** `--mask-pii` masks the text column, and the values `report` shows of its
  `--by` and `--date-column` columns; **every other column is copied as it is**, whatever it holds: a column of
  phone numbers, e-mail addresses or names next to the texts is not searched (drop it, or mask it with
  `taikai.privacy.mask_text_column(df, "phone")`, before sharing an output). In the text column, a cell a JSONL,
  Parquet or xlsx file holds as a number is masked as its digits are written and comes back as that text
  (masker 20: `123456789018`, a My Number, is `[個人番号]`; `5` is `"5"`), and so are the numbers of a JSONL object
  or list in a cell. A phone number stored as a number has lost its leading 0 (`090-1234-5678` typed without its
  dashes into a number cell is `9012345678`), so in a number cell 9 digits, or 10 of a mobile or free-dial
  number, that a 0 before them makes a phone number are `[電話番号]` (masker 22: `9012345678`, `312345678`,
  `8001234567`; they were left); in a text the same digits are no phone number, as a text keeps its 0. Other
  numbers with nothing around them stay (`1500001`, `1234567`: a postal code, an account or a count, nothing
  says which; `1234567890`). A Parquet column of bytes of any kind (binary, large, fixed-size or a view) is read
  as the text its bytes hold in UTF-8 and masked as a text is (a fixed-size column is written back to Parquet as
  `binary`, since a masked value has another length); bytes that are no UTF-8 are no text: the row is an error
  and the bytes are written as they are, unmasked.
- **Status.** Masking never changes a row's status: whether a text can be classified (empty, not text,
  no Japanese characters) is judged without the placeholders of values that are not Japanese (all but `[人名]`
  and `[住所]`),
  so `090-1234-5678` stays an error under `--mask-pii` as without it, though `[電話番号]` is Japanese; its
  message then names the placeholders it holds (`no Japanese characters but placeholders of masked personal data
  ([電話番号]), which do not count as Japanese: …`), as it does for a text whose only Japanese is a placeholder
  typed by hand. A text whose only Japanese is in a URL (`https://ja.wikipedia.org/wiki/クラウドソーシング`: the
  model reads the URL as the word URL) is an error with and without masking; unmasked its message says `no Japanese
  characters outside URLs`.
- **Errors.** A malformed record that stops `batch` (either engine), `report`, `suggest` or `drift` is quoted
  masked in the error under `--mask-pii`.
- **report --by.** `taikai report --mask-pii --by author` masks the `--by` column's values too, and numbers the
  distinct values that masking turned into one text, in order of first appearance (stripped, as segments are
  compared): `田中太郎`, `佐藤花子`, `田中太郎` become `[人名1]`, `[人名2]`, `[人名1]`, and `山田さん` becomes
  `[人名1]さん`. The segments, their counts and their tests are those of the unmasked column: different people are
  not merged into one segment `[人名]`. The numbers hold within one report only (another dump, or the same one
  sorted otherwise, may number them differently); values masking leaves as they are keep their names.
  A bare name in a cell (`佐藤`, `Taro Yamada`) has no context for masking to find it by, so a `--by` value that
  masking left as it was is masked as a name (`[人名]`, numbered with the others, alike in the segment table and
  beside each review, and counted with the names masked) when both hold: the tagger reads it as a name as a whole
  (every word of it tagged 名詞-固有名詞-人名 by UniDic, or a proper noun the dictionary also holds as a person's
  name: `佐藤`, `キムラ`, `ナカジマ`, `ヤマダタロウ`, `高橋 健`; or two or three capitalised or all-capital Latin
  words that read as a romanised Japanese name: every word in Hepburn syllables (ka, shi, tsu, kyo, the syllabic n,
  long vowels doubled, marked or written oh, doubled consonants: `Taro Yamada`, `YAMADA Taro`, `Ōno Yūki`,
  `Shin'ichi Satoh`), and not every word on a short list of English words, Japanese words English has taken and
  places made of such syllables (`Data Base`, `To Do`, `Anime Manga`, `Tokyo Osaka` stay; `Chiba Taro` is a name),
  so that English category values stay as written (`Data Entry`, `Web Design`, `Credit Card`, `New York`)), and
  masking takes the whole value for a name when an honorific follows it (`Taro Yamadaさん`; not `Google Play`,
  `Rakuten Ichiba`, `東京`, `楽天`). Limits: a single Latin word (`Smith`), a non-Japanese name (`John Smith`,
  `Mary Jane Watson`, `David Tanaka`), a name in another spelling (Kunrei `Syuhei`) and a name UniDic does not tag
  as one (a rare name, a nickname) are shown as written; Latin words of Hepburn syllables that are no person and
  not listed are masked as a name (`Kaigo Shigoto`, and `Mike Tanaka`, `Maria Sato` are masked as names).
  `suggest` has no `--by`: it shows the id column as written, as the report does.
- **report of masked predictions.** A predictions file `taikai batch --mask-pii` wrote holds the masked texts
  only. The report says so in its header, with or without its own `--mask-pii`: `入力のテキストは taikai batch
  --mask-pii でマスク済みです (batch の要約による): [メール] 60 件、[人名] 61 件` (from the batch summary's `mask_pii`
  and `masks`), or, without a summary that says, `入力のテキストはマスク済みです: taikai batch --mask-pii が書く置き換え
  ([メール]、[人名]) を含みます` when the texts hold masking's placeholders. The report's own `--mask-pii` line then
  says `ほかには見つかりませんでした` (`nothing more found`) when it masked nothing more.
- **report --date-column.** The date column's values that do not read as dates (a cell `田中一郎さんに連絡`) are
  masked too, as shown beside each review, and counted in the masks the page states; the dates are left as they
  are. The id column shown beside each review is not masked: it is there to find the row by.
- **drift.** `taikai drift --mask-pii` masks the texts of the dump (and of `--reference`) before they are
  classified and counted; a masked text's placeholders are no words, and neither are the words the tagger reads
  as a person's or a place's name, nor an address unit right after a place (see docs/drift.md for the exact
  rule: キムラ, ナカジマ, 渋谷, 神南 and the 区 of 渋谷区 are no new words, a name UniDic does not tag may be).
  `report --mask-pii`'s drift section counts them the same way. With or
  without it, e-mail addresses and URLs are left out of the word counts wherever masking finds them
  (`taikai.privacy.without_addresses`, the same finders): `yamada.taro(at)gmail.com`, `taro at example dot com`
  and `note.com/tanaka_writer/n/n123abc` give no words (at, com, gmail, tanaka, …).
- **explain, rules test.** `taikai explain --mask-pii` (`explain(model, text, mask_pii=True)`) masks the text
  before it is explained, as `predict --mask-pii` masks it: the text shown, its features and its spans are the
  masked text's, and no feature holds a value. `taikai rules test --mask-pii` (`evaluate_rules(...,
  mask_pii=True)`) matches the rules on the masked texts, as `predict --mask-pii --rules` runs them, and quotes
  the rows where a rule misfires masked.
- **Order.** Where two values overlap, URLs win over e-mail addresses, those over IP addresses, birth dates, access
  codes, cards, phones, My Numbers, other identity numbers, postal codes, accounts, IDs, street addresses and
  names.
- **Speed.** A text is NFKC-normalised once and searched; offsets are tracked only for the few texts where
  something is found. The tagger's output is turned into words only when it holds a person tag or the text has an
  honorific, so a text without either costs one MeCab pass. A word's other dictionary entries (a second MeCab
  tagger listing the lattice, `PosTagger.dictionary_tags`) are looked up only for a kanji noun before an
  honorific or a surname before の or です, once per word and process. Street addresses are looked for only in a
  text where a digit or a kanji numeral stands before a hyphen and another, 丁目, 番地 or 番 and a number, and
  UniDic is asked only about a town that nothing but it can tell a place: of three numbers, of 番地 in kanji, or
  near a word of where one lives; the address patterns
  are bounded (six numbers at most, a town of 12 characters), so a text of 10,000 digits and hyphens takes
  milliseconds.
- **Not masked.** A town with its 丁目 alone (`新宿2丁目`: an area, not a home); two numbers joined by の
  (`神南1の2`: `資料の1の2` has the same shape);
  two numbers after a town and nothing else that tells an address (`神南1-2` alone), or three after a town UniDic
  reads as a common noun (`西院1-2-3` alone); near a word of where one lives, a town UniDic holds as
  a common noun alone before two numbers (`自宅近くの東雲2-3`, and right after 自宅は or 住所は one that is not a
  side and a kanji or two: `自宅は月収2-3` has the same words), or a compound of common nouns (`自宅は表参道2-3`,
  as `自宅は駅徒歩5-10`), and a prefecture's name
  before two numbers unless right after 住所は or 自宅は (`実家は福岡2-3`); a house number that starts
  with a year and a month (`2019-5`, read as a date); a building's name that does not end in a building's
  word is kept after the masked numbers (`[住所] ソリッドスクエア`); a birth date without 誕生日 or 生年月日
  before it in its sentence or 生まれ after it (`1990年4月5日に生まれた`), company names of clients;
  a name without an honorific or a particle after it, also where another text of the same file masks it (each
  text is masked alone: `田中さん` in one row is `[人名]さん`, `田中でした` in another stays); a nickname UniDic
  reads as one common word that is also
  an adverb (のんびりさん, a kind of person), one in katakana (モモさん: katakana roles are many), and one in
  hiragana glued after kana that may start it (はるかぜちゃん; ももさん, ゆめさん and あやねさん are masked since
  masker 22, an adverb of sounds, ぽんさん, since masker 21), or that contain a verb of two or more kana; a name
  read as a common noun before ちゃんと (杉ちゃんと組んだ: この前ちゃんと言った has the same words) or a nickname UniDic
  joins with it (みーちゃんと); a noun before an honorific that the dictionary holds only as a given name (菊さん);
  a surname before の that is also a place or a company (松本の, 鈴木の), or before です that is also a place
  (ライターの山田です, 中村です: self-introductions whose surname is also a place name); a surname alone before
  anything else (鈴木でした, 鈴木でございます), or before です without a self-introduction (その件は鈴木です); a
  katakana surname UniDic reads as a common or a company's word (サトウとは: sugar, スズキから: the maker, ｽｽﾞｷ
  too: taking any katakana word the dictionary also holds as a surname before a particle changed 40 of the
  livedoor news sentences, nearly all wrongly, ホンダが and ホンダから, the maker, 写真ってホントに, really); a
  reading after the honorific (鈴木さん（すずき）), or one in katakana that is also a common noun (林（ハヤシ）さん is
  `[人名]（ハヤシ）さん`); Japanese right after a URL's domain and `/` with no `/`, query or fragment after it
  (`www.example.jp/東京`: `[URL]東京`), or in a text with no other Japanese (`https://example.com/プロフィール/田中`
  alone); a name
  joined to
  another by ・ in kanji (田中・[人名]さん: two people, the first without an honorific). Postal codes, accounts
  and cards in kanji numerals, e-mail addresses spelled in hiragana (あっと); a kana nickname before a given
  name that is one word UniDic knows, other than an adverb of sounds starting with a semi-voiced kana (masker 19:
  ぽん太さん and ぴよぴよ太郎さん are `[人名]さん`, ぽん and ぴよぴよ adverbs as まだ is, and まだ太郎さん stays
  `まだ[人名]さん`; こたろうの, ころ太さん: ころ is a noun, stay as they were); an account number after 楽天,
  ソニー or イオン with a word between that names no account (`楽天のは 1234567`). A name after a title outside the
  list or after a label not listed; a nickname of one kanji the dictionary holds as a given name only (花ちゃん,
  as 熊ちゃん, a toy) or as no name (猫ちゃん); a given name UniDic reads as common words that is not among the names
  most given in the 2010s and 2020s that masking lists (masker 30: 愛さん, 澪ちゃん, 娘の陽葵が are masked;
  柚葉ちゃん, 娘の苺花が stay), or that is also a thing a relative has, alone after kin and の (娘の愛が, 娘の詩が); a
  pet's name after a word of a pet and の, or after 愛犬, 愛猫 or ペット (猫のタマちゃん, 愛犬ポチ: pets are no
  person), so a child written after such a word stays too (ペットの陽葵ちゃん); one number of one or two digits, or a
  year, after a town with nothing else to say it is an address (`八島町22` alone: `城下町10` has the same shape), and
  any number after a town whose name UniDic holds as no proper noun or of one kanji before 町 (`港町222`); a name
  after an English title in a text of English alone; Latin names without an honorific or a title (`John Smith asked`);
  phone numbers outside Japan's and the US's plans without `+`, a US number in three groups with no word of phones
  near (`415-555-2671` alone), and bank details abroad other than an IBAN (routing numbers, SWIFT codes). A URL
  without a scheme under a top-level domain the patterns do not know (`example.museum/…`). Placeholders are not
  translated: they are Japanese in every output.
"""


def same_page(written: str, page: str) -> bool:
    """Return whether *written* is *page*, the timings of the run aside."""
    return _TIMING.sub("took … s against … s", written) == _TIMING.sub("took … s against … s", page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "tests" / "data" / "pii_cases.tsv")
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "reviews.csv")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus agreement (no model needed)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "privacy.md")
    parser.add_argument("--check", action="store_true", help="compare with --out, write nothing; 1 if it differs")
    args = parser.parse_args(argv)
    masker = PiiMasker()
    cases = read_cases(args.cases)
    scores, errors, traps_changed = score(cases, masker)
    for s in scores:
        print(f"{s.kind.value:12} expected {s.expected:3} found {s.found:3} P {s.precision:.3f} R {s.recall:.3f}")
    agreement = seeded = None
    if not args.no_corpus:
        agreement = corpus_agreement(args.corpus, masker)
        seeded = corpus_agreement(args.corpus, masker, seeded=True)
        for name, a in (("corpus", agreement), ("seeded corpus", seeded)):
            print(f"{name}: reason {a.reason:.4f} sentiment {a.sentiment:.4f} both {a.both:.4f}")
    page = render(cases, scores, errors, traps_changed, agreement, seeded)
    if args.check:
        written = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if not same_page(written, page):
            print(f"{args.out} is not what this script writes: run python scripts/pii_eval.py --out {args.out}")
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.write_text(page, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
