"""The drift section's notes in each language of the report (``--lang ja|en``): its title, the verdict, why drift
could not be checked, and what ``taikai drift`` says under its figures (:mod:`taikai.analysis._drift_words` holds
the figures' names, rules and verdicts)."""

from __future__ import annotations

NOTES = {
    "ja": {
        "title": "ドリフト (学習データとの違い)",
        "no_probabilities": (
            "確率の列 (p_reason_*) がないため、ドリフトは確認できません。"
            "このページの作成者は、taikai batch の出力からページを作れば確認できます。"
        ),
        "cannot": "ドリフトを確認できません: {exc}",
        "stopped": "ドリフトを確認できません: この予測またはモデルに問題があり、確認が止まりました "
        "(詳しい内容は、このページの作成者にページの作成時に伝えています)。",
        "no_statistics": (
            "ドリフトを確認できません: このモデルはドリフトの統計を保存する前に学習されました。"
            "このページの作成者は、再学習するか "
            "({train})、予測を別のデータと比べれば確認できます: {compare}"
        ),
        "made_by": "予測を作った実行の記録によると、予測はモデル {name} (sha256 {sha256}…) で作られています",
        "no_directory": "{made}が、そのモデルのディレクトリは記録されていません。{give}",
        "gone": "{made}が、記録されたディレクトリはもうありません (移動または削除されました)。{give}",
        "not_a_model": "{made}が、記録されたディレクトリは今はモデルではありません。{give}",
        "another_model": "{made}が、記録されたディレクトリには今は別のモデル (sha256 {other}…) があります。{give}",
        "give_model": "このページの作成者は、そのモデルを --model (Python では model=) で指定できます。",
        "yes": "ドリフトあり",
        "no": "ドリフトなし",
        "not judged": "判定できません: 分類できた行が少なすぎます ({why})",
        "verdict": "{verdict}。基準: {name} ({source})。閾値は、ドリフトのない文章 (学習に使って"
        "いないレビューとサンプルの投稿) と明らかに違う文章 (ニュース記事・ホテルのレビューなど) で"
        "各指標を測り、その間に余裕をもって置いたもので、行数が少ないほど偶然の揺れの分だけ広げています。",
        "per_period": "このページの作成者は、日付の列を --date-column で指定すると期間ごとにも判定できます。",
        "periods_unjudged": "判定できる {min_rows} 行のある期間がないため、判定は{whole}のみです。",
        "longer_periods": "月ごとなら期間の行が増えます (このページの作成者は --freq M で月ごとにできます)。",
        "moved": "{place}最も割合が動いた理由: {label} {reference} → {share} (基準 → この入力{few})",
        "moved_few": ": 分類された {n:,} 行のうち {rows:,} 行で、判定するには少なすぎます",
        "period_words": "{period} の新しい語: {words}",
        "period_word": "{word} ({rows:,} 行, {share}; 基準: {reference})",
        "words_not_listed": "新しい語: 一覧にしていません (基準が小さすぎます: 分類できた行が {min_rows} 行未満)",
        "foreign": "{whole}: {rows:,} 行のうち {classified:,} 行を分類 (うち {foreign:,} 行は大半が日本語でないため、"
        "「分類できない行」の割合にも数えています)",
        "duplicates": "前の行と同じ文章の行: {rows:,} 行 (それぞれをすべての指標に数えています)",
        "overridden": "ここの指標は理由をモデル自身の理由 (確率 p_reason_* と model_reason 列) で数えています。"
        "基準の学習時の統計と同じ数え方です。コーディングルール (override モード) が {rows:,} 行の理由を"
        "ルールのラベルに置き換えていて、このページのほかの節 (理由の分布・推移・セグメント別の内訳) は"
        "置き換えた理由で数えているため、理由の割合がここと違います",
        "one_text": "{place}: {rows:,} 行のうち {one:,} 行 ({share}) が同じ 1 つの文章です (モデルが読む形で)。"
        "投稿者の変化ではなく、貼り付けやスパムの可能性があります。どの指標もその行をすべて数えています",
        "one_text_cell": " ({share} が 1 つの文章)",
    },
    "en": {
        "title": "Drift (against the training data)",
        "no_probabilities": (
            "No probability columns (p_reason_*): drift cannot be checked. Whoever made this page can check it by "
            "making the page from taikai batch output."
        ),
        "cannot": "Drift cannot be checked: {exc}",
        "stopped": "Drift cannot be checked: the check stopped on a problem with these predictions or the model "
        "(whoever made this page was given the details when making it).",
        "no_statistics": (
            "Drift cannot be checked: this model was trained before drift statistics were stored; whoever made this "
            "page can retrain it ({train}), or compare the predictions with other data: {compare}"
        ),
        "made_by": (
            "The record of the run that made the predictions says they were made by model {name} (sha256 {sha256}…)"
        ),
        "no_directory": "{made} and names no directory of it; {give}",
        "gone": "{made}, but the directory it names is gone (moved or deleted); {give}",
        "not_a_model": "{made}, whose directory is not a model now; {give}",
        "another_model": "{made}, whose directory holds another model now (sha256 {other}…); {give}",
        "give_model": "whoever made this page can give that model with --model (model= in Python)",
        "yes": "Drift found (drift: yes)",  # not "Drift (drift: yes)" under the title "Drift (…)"
        "no": "No drift found (drift: no)",
        "not judged": "Not judged: too few rows could be classified (drift: not judged; {why})",
        "verdict": "{verdict}. Reference: {name} ({source}). Each limit was set between the figures measured on text "
        "without drift (reviews held out from training, a sample dump) and on clearly different text (news articles, "
        "hotel reviews), with a margin, and is widened by what chance gives at fewer rows.",
        "per_period": "Whoever made this page can give a date column (--date-column) to judge each period too.",
        "periods_unjudged": "No period has {min_rows} rows to judge: only the {whole} {judged} judged.",
        "longer_periods": "Months hold more rows (whoever made this page can count by month with --freq M).",
        "moved": "{place}reason that moved most: {label} {reference} → {share} (reference → here{few})",
        "moved_few": ": {rows:,} of {n:,} classified rows, too few to judge",
        "period_words": "{period} new words: {words}",
        "period_word": "{word} ({rows:,} rows, {share}; reference: {reference})",
        "words_not_listed": "New words: not listed (reference too small: fewer than {min_rows} classified rows)",
        "foreign": "{whole}: {rows:,} row{s}, {classified:,} classified ({foreign:,} of them mostly not Japanese, "
        "counted as unclassifiable too)",
        "duplicates": "Rows repeating an earlier row's text: {rows:,} (each counted in every figure)",
        "overridden": "The figures here count each row's reason as the model gave it (its p_reason_* probabilities, "
        "the model_reason column), as the reference's training statistics do; the coding rules (override mode) set "
        "another reason on {rows:,} row{s}, which the other sections of this page (the reasons, over time, per "
        "segment) count instead, so their reason shares differ from these",
        "one_text": "{place}: one text fills {one:,} of its {rows:,} rows ({share}), as the model reads it: a paste "
        "or spam rather than a change in reviewers; every figure counts each row",
        "one_text_cell": " ({share} one text)",
    },
}
"""The section's notes: its title, the verdict line, why drift could not be checked (``stopped``: the check met an
error, said in plain words, its detail left to whoever made the page; of a model without drift
statistics: what the report can do instead, which is not ``--reference``, an option of ``taikai drift`` only; of a
model the batch summary
names that cannot be had: who made the predictions, why that model cannot be had, keyed by
:class:`~taikai.analysis._report._provenance.Missing`, and what to do, said as the report's other notes say it),
the reason that moved most (with its rows when they are too few to judge, as ``taikai drift`` says them),
a drifted period's new words, why no new words are listed, how many classified rows count as unclassifiable
too, how many rows repeat an earlier row's text, that the figures count the model's own reasons where the rules
of ``--rules-mode override`` set others (which the page's other sections count: ``overridden_rows`` of ``taikai
drift``), and a part that one text fills, and so in its period table's row
(as ``taikai drift`` writes them)."""
