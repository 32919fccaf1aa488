"""The "Examples:" that end each command's ``--help``: command lines a new user can run as written, from the folder
of the repository (the shipped model, ``data/sample_dump.csv``, ``data/reviews.csv``, ``examples/rules.toml``; a
file an earlier line of the same help writes, such as ``classified.parquet``). tests/cli/test_help_examples.py parses
every line shown, so that none names a command, an option or a choice that is not there."""

from __future__ import annotations

CLASSIFY = "taikai batch data/sample_dump.csv -o classified.parquet --text-column text --id-column review_id"
"""The batch run whose output the commands that read predictions (suggest, report) take: the README's own, as an
output of another name with the same stem (``classified.csv``) would share its summary, and be refused."""

EXAMPLES = {
    "batch": (
        CLASSIFY,
        "taikai batch data/sample_dump.csv -o for_excel.csv --text-column text --output-encoding utf-8-sig --jobs 2",
        "taikai batch data/sample_dump.csv -o masked.csv --text-column text --mask-pii",
    ),
    "predict": (
        'taikai predict "本業が忙しくなって、副業に割ける時間がなくなりました"',
        "printf '%s\\n' 手数料が高すぎる 提案が通らない | taikai predict --format jsonl --top 3",
        "taikai predict --rules examples/rules.toml 手数料が高すぎる",
    ),
    "evaluate": (
        "taikai evaluate data/reviews.csv --split test",
        "taikai evaluate data/reviews.csv --model models/mine --split test --json scores.json",
    ),
    "train": (
        "taikai train data/reviews.csv --out models/mine",
        "taikai train data/reviews.csv --out models/words --vectors none --folds 0",
        "taikai train data/reviews.csv --add to_label.xlsx --out models/labelled   # a suggest sheet, filled in",
    ),
    "info": ("taikai info", "taikai info --model models/mine --json"),
    "explain": (
        'taikai explain "手数料で2割引かれて稼げない"',
        "taikai explain 手数料で2割引かれて稼げない --format json --top 5",
    ),
    "keywords": (
        "taikai keywords --top 10",
        "taikai keywords fees --top 20",
        "taikai keywords --kind word --format json",
    ),
    "report": (
        CLASSIFY,
        "taikai report classified.parquet -o report.html --date-column posted_at --by platform",
        "taikai report classified.parquet -o report_en.html --lang en",
    ),
    "drift": (
        "taikai drift data/sample_dump.csv",
        "taikai drift data/sample_dump.csv --date-column posted_at --json drift.json --exit-code",
    ),
    "suggest": (
        CLASSIFY,
        "taikai suggest classified.parquet -o to_label.xlsx --id-column review_id",
        "taikai suggest classified.parquet -o more.csv --n 50 --exclude to_label.xlsx",
    ),
    "rules test": (
        "taikai rules test examples/rules.toml data/reviews.csv",
        "taikai rules test examples/rules.toml data/reviews.csv --format json --examples 5",
    ),
}
"""Each command's example lines, by its name as typed after ``taikai``."""
HEAD = "Examples (run in the taikai repository, which holds data/ and examples/):"
"""The first line of the examples, above them."""


def examples(command: str) -> str:
    """Return the ``--help`` epilog of *command*: its :data:`EXAMPLES`, each on a line of its own however wide the
    terminal (click's ``\\b`` keeps a paragraph's lines as written)."""
    lines = "\n".join(f"  {line}" for line in EXAMPLES[command])
    return f"{HEAD}\n\n\b\n{lines}"
