"""Fixtures shared by the CLI tests: a small dump classified by ``taikai batch``, and the commands that read it."""

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taikai.cli import cli

SIX_TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "単価が安すぎて、何時間やっても数百円にしかならない",
    "提案しても提案しても選ばれない",
    "本業が忙しくなって時間が取れなくなった",
    "直接契約に切り替えたのでもう使っていません",
    "納品したのに報酬が支払われなかった",
]


def invoke_cli(*args: object) -> Result:
    """Run ``taikai ARGS`` through click's runner, every argument as a string."""
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="session")
def invoke() -> Callable[..., Result]:
    """Return :func:`invoke_cli`."""
    return invoke_cli


@pytest.fixture(scope="module")
def classify_dump(tmp_path_factory, tiny_model_dir) -> Callable[..., Path]:
    """Return ``classify(name, header, extra, *batch_options)``: write a dump of :data:`SIX_TEXTS` with the columns
    *header* (the text in the second; the first holds ids ``r0``…; *extra* fills any third), classify it with the
    tiny model into ``NAME.csv`` and return that path."""

    def classify(name: str, header: list[str], extra: str, *options: object) -> Path:
        folder = tmp_path_factory.mktemp(name)
        dump = folder / "dump.csv"
        with dump.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows([f"r{i}", text, extra][: len(header)] for i, text in enumerate(SIX_TEXTS))
        out = folder / f"{name}.csv"
        result = invoke_cli("batch", dump, "-o", out, "-m", tiny_model_dir, *options)
        assert result.exit_code == 0, result.output
        return out

    return classify
