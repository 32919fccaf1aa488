"""train --free-labels says which labels Unicode NFKC changed (full-width brackets, half-width kana), once each."""

import pytest

from tests.cli.conftest import invoke_cli

NOTE = "label cells are read after Unicode NFKC normalisation"


@pytest.mark.parametrize(
    ("reasons", "sentiment", "free", "said"),
    [  # regression: the labels were changed without a word, though --free-labels keeps them "as written"
        (
            ["カテゴリ 01（猫）", "ｻﾎﾟｰﾄ|カテゴリ 01（猫）"],
            ["良い", "悪い"],
            True,
            "so the model's labels are the forms read: 'カテゴリ 01（猫）' is read as 'カテゴリ 01(猫)'; "
            "'ｻﾎﾟｰﾄ' is read as 'サポート'\n",
        ),
        (["猫", "犬"], ["ﾈｶﾞ", "良い"], True, "so the model's labels are the forms read: 'ﾈｶﾞ' is read as 'ネガ'\n"),
        (["猫", "犬"], ["良い", "悪い"], True, None),  # nothing changed: no note
        (["ｆｅｅｓ", "time"], ["negative", "positive"], False, None),  # the taxonomy's: read as its ids
    ],
)
def test_train_notes_each_label_nfkc_changed(tmp_path, reasons, sentiment, free, said):
    data = tmp_path / "data.csv"
    texts = ["野球の試合で勝った", "野球の選手が打った", "スマホを買った", "スマホのアプリ"]
    rows = [f"{t},{reasons[i // 2]},{sentiment[i // 2]}" for i, t in enumerate(texts)]
    data.write_text("text,reasons,sentiment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    args = ["train", data, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0"]
    result = invoke_cli(*args, *(["--free-labels"] if free else []))
    assert result.exit_code == 0, result.output
    if said is None:
        assert NOTE not in result.output, result.output
    else:
        assert f"taikai: warning: {data}: {NOTE} (full-width brackets" in result.output, result.output
        assert said in result.output, result.output
        assert result.output.count(NOTE) == 1


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_train_notes_labels_nfkc_changed_in_list_cells(tmp_path, suffix):
    # regression: list cells (JSONL arrays, Parquet lists) were skipped, so 'ｌｏｗ＿ｐａｙ' became low_pay unsaid
    import pandas as pd

    texts = ["野球の試合で勝った", "野球の選手が打った", "スマホを買った", "スマホのアプリ"]
    reasons = [["ｌｏｗ＿ｐａｙ"], ["ｌｏｗ＿ｐａｙ", "猫"], ["猫"], ["猫"]]
    frame = pd.DataFrame({"text": texts, "reasons": reasons, "sentiment": ["良い", "良い", "悪い", "ﾈｶﾞ"]})
    data = tmp_path / f"data{suffix}"
    if suffix == ".jsonl":
        frame.to_json(data, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_parquet(data)
    args = ["train", data, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0", "--free-labels"]
    result = invoke_cli(*args)
    assert result.exit_code == 0, result.output
    said = "so the model's labels are the forms read: 'ｌｏｗ＿ｐａｙ' is read as 'low_pay'; 'ﾈｶﾞ' is read as 'ネガ'\n"
    assert f"taikai: warning: {data}: {NOTE} (full-width brackets" in result.output, result.output
    assert said in result.output, result.output


@pytest.mark.parametrize(
    ("labels", "learnt"),
    [  # regression: a team's label of two taxonomy words was read as two labels, and its own label was lost
        (["other fees", "misc"], ["misc", "other fees"]),
        (["Time trouble", "low_pay time"], ["Time trouble", "low_pay time"]),
        (["late payment", "その他"], ["late payment", "その他"]),
    ],
)
def test_train_free_labels_keeps_a_label_with_a_space_whole(tmp_path, labels, learnt):
    import pandas as pd

    import taikai

    texts = ["野球の試合で勝った", "野球の選手が打った", "スマホを買った", "スマホのアプリ"]
    frame = pd.DataFrame(
        {"text": texts, "reasons": [labels[i // 2] for i in range(4)], "sentiment": ["良い", "悪い"] * 2}
    )
    model = taikai.train(frame, folds=0, test_size=0, free_labels=True, config=taikai.FeatureConfig(min_df=1))
    assert sorted(model.reason_labels) == learnt
