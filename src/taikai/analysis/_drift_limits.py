"""What the drift section says of its limits for a model of labels of one's own (``train --free-labels``): they
were set on taikai's model of churn reviews, with news articles and hotel reviews as the clearly different text, so
a page whose model reads news (a livedoor topic model) is not told that news is what its limits call drifted."""

from __future__ import annotations

OWN_VERDICT = {
    "ja": "{verdict}。基準: {name} ({source})。閾値は taikai の退会レビューのモデルで決めたもので、ドリフトのない"
    "文章 (学習に使っていないレビューとサンプルの投稿) と明らかに違う文章 (ニュース記事・ホテルのレビューなど) で"
    "各指標を測り、その間に余裕をもって置き、行数が少ないほど偶然の揺れの分だけ広げています。このモデルのラベルは"
    "利用者独自のもので、閾値はこのモデル自身の基準からの同じ差ですが、この種類の文章では確かめていません "
    "(このページの作成者は、このモデルの学習に使っていないデータと投稿で確かめられます)。",
    "en": "{verdict}. Reference: {name} ({source}). Each limit was set on taikai's model of churn reviews, between the "
    "figures measured there on text without drift (reviews held out from training, a sample dump) and on clearly "
    "different text (news articles, hotel reviews), with a margin, and is widened by what chance gives at fewer "
    "rows. This model's labels are its own: its limits are the same differences from its own reference, not checked "
    "on its kind of text (whoever made this page can check them on data and dumps this model was not trained on).",
}
"""The verdict note of :data:`taikai.analysis._drift_notes.NOTES` (``verdict``) for a model of labels of its own."""
