import pytest

from taikai.io import likely_labels


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (["text", "理由", "感情"], {"理由": "reasons", "感情": "sentiment"}),
        # a suggest sheet: the model's guesses are never labels to train on, whatever their names hold
        (["text", "model_reason", "p_model_reason", "model_sentiment", "p_model_sentiment"], {}),
        (["text", "model_sentiment", "感情"], {"感情": "sentiment"}),
        # regression: a sheet's (or a batch output's) rule_reasons, the rules' guesses, was offered as the reasons
        (["text", "rule_names", "rule_reasons", "rule_conflict"], {}),
        (["text", "rule_reasons", "理由"], {"理由": "reasons"}),
        # a batch output's probabilities
        (["text", "p_reason_fees", "p_sentiment_negative", "category"], {"category": "reasons"}),
        # a sheet's further reasons, read beside the reasons, never as them
        (["text", "more_reasons", "理由"], {"理由": "reasons"}),
    ],
)
def test_the_model_s_own_columns_are_never_taken_for_labels(columns, expected):
    assert likely_labels(columns) == expected


def _jsonl(path, cells):
    import json

    path.write_text("".join(json.dumps({"id": j, "review": c}, ensure_ascii=False) + "\n" for j, c in enumerate(cells)))


def _parquet(path, cells):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": list(range(len(cells))), "review": cells}), path)


_REVIEWS = ["報酬が安すぎて続けられなかった。", "手数料が高いと思います。", "案件が少なくてやめました。"]


@pytest.mark.parametrize(
    ("suffix", "write", "cells", "expected"),
    [
        # regression: a column of objects holding reviews was named "'review' reads as reviews: --text-column
        # review", advice that made every row an error (not text: an object with the keys 'body', …)
        (".jsonl", _jsonl, [{"body": t, "lang": "ja"} for t in _REVIEWS], []),
        (".jsonl", _jsonl, [[t] for t in _REVIEWS], []),
        (".parquet", _parquet, [{"body": t, "lang": "ja"} for t in _REVIEWS], []),  # a struct (BigQuery's RECORD)
        (".parquet", _parquet, [[t] for t in _REVIEWS], []),
        (".jsonl", _jsonl, _REVIEWS, ["review"]),
        (".parquet", _parquet, _REVIEWS, ["review"]),
    ],
)
def test_a_column_of_objects_or_lists_never_reads_as_reviews(tmp_path, suffix, write, cells, expected):
    from taikai.io import open_reader, review_columns

    path = tmp_path / f"d{suffix}"
    write(path, cells)
    assert review_columns(open_reader(path)) == expected


@pytest.mark.parametrize(
    "cells",
    [
        [{"body": t} for t in _REVIEWS],
        [[t] for t in _REVIEWS],
        [("body", t) for t in _REVIEWS],
    ],
)
def test_a_frame_s_column_of_objects_never_reads_as_reviews(cells):
    import numpy as np
    import pandas as pd

    from taikai.io import review_columns

    frame = pd.DataFrame({"review": pd.Series(cells, dtype=object), "arrays": [np.array(list(c)) for c in cells]})
    assert review_columns(frame) == []
