"""The report's table of reasons names each reason once: a model of labels of its own (``--free-labels``) shows its
labels as written, so a column of names beside the column of labels would repeat every cell."""

import pandas as pd
import pytest

import taikai
from taikai.analysis import build_report

TOPICS = {"low_pay": "スポーツ", "fees": "家電", "rejection": "映画", "time": "美容"}


@pytest.mark.parametrize(
    ("own", "lang", "header", "first"),
    [
        (None, "ja", "<th>名前</th><th>理由</th><th>主な理由</th>", "<th>報酬・単価が低い</th><td>low_pay</td>"),
        (None, "en", "<th>name</th><th>reason</th><th>primary</th>", "<td>low_pay</td>"),
        (TOPICS, "ja", "<tr><th>理由</th><th>主な理由</th>", '<tr><th>スポーツ</th><td class="n">'),
        (TOPICS, "en", "<tr><th>reason</th><th>primary</th>", '<tr><th>スポーツ</th><td class="n">'),
        ({}, "ja", "<tr><th>理由</th><th>主な理由</th>", '<tr><th>low_pay</th><td class="n">'),
    ],
    ids=["taxonomy-ja", "taxonomy-en", "own-ja", "own-en", "own-as-ids"],
)
def test_the_reasons_table_shows_a_name_column_only_where_names_differ(tiny_csv, own, lang, header, first):
    """Regression: with labels of one's own the reasons table read 名前 | 理由 with the same label in both."""
    data = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    if own is not None:
        data["reasons"] = data["reasons"].replace(own, regex=False)
    model = taikai.train(data, folds=0, test_size=0, config=taikai.FeatureConfig(), free_labels=own is not None)
    page = build_report(model.predict_frame(data[["text"]]), lang=lang, embed_font=False, charts=False, drift=False)
    table = page[page.index(header) :]
    table = table[: table.index("</table>")]
    assert first in table
