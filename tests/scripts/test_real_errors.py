"""scripts/real_errors.py: errors grouped by (gold, predicted), and a wrong model directory said without a traceback."""

import real_errors

DEV = "id,text,reasons,sentiment,annotators_agree,note\n"


def write_dev(tmp_path):
    dev = tmp_path / "dev.csv"
    rows = [
        "d1,手数料が二割も引かれるのでやめました。,fees,negative,yes,",
        "d2,子育てで時間が取れません。,time,neutral,no,",
    ]
    dev.write_text(DEV + "\n".join(rows) + "\n", encoding="utf-8")
    return dev


def test_main_lists_the_wrong_items_by_group(tmp_path, capsys, tiny_model_dir):
    assert real_errors.main([str(tiny_model_dir), "--data", str(write_dev(tmp_path)), "--task", "reason"]) == 0
    assert "=== reason: " in capsys.readouterr().out


def test_main_says_a_wrong_model_directory_without_a_traceback(tmp_path, capsys):
    assert real_errors.main([str(tmp_path / "nowhere"), "--data", str(write_dev(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert err.startswith("real_errors.py: error: ") and "nowhere: no such model directory" in err
    assert "MODEL_DIR" in err and "--model" not in err  # the option the library names is not this script's
