"""Shared fixtures: a tiny model trained once per session on a hand-written fixture.

The tests fit and use tiny models (tens of rows), for which a second BLAS or OpenMP thread costs far more than it
gives: on the 2-core machine L-BFGS on the 40-row fixture took 0.26-0.38 s per fit with two OpenBLAS threads and
0.04-0.06 s with one. So the suite runs single-threaded: the environment variables reach the processes it starts
(unless already set), and ``threadpool_limits`` the libraries already loaded in this one.
"""

import os
import re
import shlex
import signal

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import scipy.optimize  # noqa: E402, F401  (loads scipy's BLAS, so that the limit below reaches it)
from threadpoolctl import threadpool_limits  # noqa: E402

import taikai  # noqa: E402
from taikai.model import FeatureConfig  # noqa: E402

threadpool_limits(limits=1)

if hasattr(signal, "SIGHUP"):
    # A suite started under nohup (or by a CI runner that ignores hang-ups) would pass SIGHUP ignored on to every
    # command it starts, and the tests of a hang-up (exit 130, a resumable run) would see the run go on: they test
    # taikai, not how the suite was started, so the processes it starts get the default disposition.
    signal.signal(signal.SIGHUP, signal.SIG_DFL)

FIXTURES = Path(__file__).parent / "fixtures"
TINY_DATA = shlex.quote(str(FIXTURES / "tiny.csv"))
"""The training data of ``tiny_model_dir`` as its retrain hints name it: the file its metadata records, which is there
(a hint says ``DATA.csv`` only when it is not)."""
TINY_TRAINED = {"folds": 2, "test_size": 0}
"""How ``tiny_model_dir`` is trained beside its data: 2 folds, no test split (a tiny fixture has too few rows)."""
TINY_OPTIONS = "".join(f" --{key.replace('_', '-')} {value}" for key, value in TINY_TRAINED.items())
"""The options ``tiny_model_dir`` was trained with (`` --folds 2 --test-size 0``), as its retrain hints give them
again: after its other options and columns, last before ``--add`` and ``--out``."""
TINY_RETRAIN = f"taikai train {TINY_DATA}{TINY_OPTIONS} --out MODEL_DIR"
"""The retrain command of ``tiny_model_dir``, as its hints give it where the file it was trained on is there."""
SLOW_MODULE = re.compile(r"^pytestmark = pytest\.mark\.slow\b", re.MULTILINE)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Under ``-m "not slow"`` (the fast loop), do not even import a module whose every test is slow (it says
    ``pytestmark = pytest.mark.slow``): none of its tests would run, and importing tests/batch/test_dask.py alone
    (Dask, distributed) costs about a second."""
    fast_loop = config.option.markexpr.replace(" ", "") == "notslow"
    if fast_loop and collection_path.suffix == ".py" and collection_path.name.startswith("test_"):
        return SLOW_MODULE.search(collection_path.read_text(encoding="utf-8")) is not None or None
    return None


@pytest.fixture(scope="session", autouse=True)
def derived_dictionaries() -> None:
    """Have the dictionary's dictionary-form, part-of-speech and content-word copies in the cache
    (``$TAIKAI_CACHE_DIR``, else ``~/.cache/taikai``) before any test runs: the first command to tokenize on a
    machine writes them and says so (a ``DataWarning``, "taikai: warning: writing the dictionary-form copy of …
    (once)" on the command line), so a test that checks what a command printed passed only if another test had
    tokenized before it (tests/cli/test_startup.py alone, on a fresh machine such as CI's, read that line). Nothing
    to do where they are already written (a hash of parts of the dictionary)."""
    import contextlib
    import warnings

    from taikai.errors import DataWarning
    from taikai.text._dicdir import default_dicdir
    from taikai.text._dictionary import lemma_dicdir, pos_dicdir, words_dicdir

    with contextlib.suppress(OSError), warnings.catch_warnings():  # no writable cache: taikai reads the original
        warnings.simplefilter("ignore", DataWarning)  # that it writes them, which the first test would take for its own
        lemma_dicdir(default_dicdir())
        pos_dicdir(default_dicdir())
        words_dicdir(default_dicdir())


@pytest.fixture(scope="session")
def tiny_csv() -> Path:
    """Return the path of the tiny labelled fixture (40 rows, 5 per reason)."""
    return FIXTURES / "tiny.csv"


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, tiny_csv) -> Path:
    """Train the tiny model once, as ``taikai.train`` trains by default (the shipped configuration: word n-grams
    and the chiVe word vectors), and return its directory."""
    out = tmp_path_factory.mktemp("models") / "tiny"
    taikai.train(tiny_csv, out, **TINY_TRAINED)
    return out


JA_COLUMNS = {"text": "本文", "reasons": "理由", "sentiment": "感情"}


@pytest.fixture(scope="session")
def ja_model_dir(tmp_path_factory, tiny_csv) -> Path:
    """Train the tiny model once on the fixture with its columns named in Japanese (本文, 理由, 感情), as an analyst
    trains with ``--text-column 本文 --reasons-column 理由 --sentiment-column 感情``; return its directory."""
    import pandas as pd

    root = tmp_path_factory.mktemp("ja_model")
    pd.read_csv(tiny_csv).rename(columns=JA_COLUMNS).to_csv(root / "ja.csv", index=False)
    named = {f"{role}_column": name for role, name in JA_COLUMNS.items()}
    taikai.train(root / "ja.csv", root / "m", config=FeatureConfig(min_df=1), folds=0, test_size=0, **named)
    return root / "m"


@pytest.fixture(scope="session")
def unsaved_tiny_model(tiny_csv) -> taikai.Model:
    """The tiny model trained as ``tiny_model_dir`` is, without ``out``: never saved (the tests of ``Model.save``
    save copies of it, ``Model(model.pipeline, model.metadata)``, and leave it as it is)."""
    return taikai.train(tiny_csv, **TINY_TRAINED)


@pytest.fixture(scope="session")
def tiny_model(tiny_model_dir) -> taikai.Model:
    """Return the tiny model, loaded and verified."""
    return taikai.load_model(tiny_model_dir)


@pytest.fixture(scope="session")
def vector_table(tmp_path_factory, tiny_csv) -> str:
    """Return the directory of a word-vector table for the tiny fixture's tokens (random 8-dim vectors), some of
    their runs as compounds, and a few more words; the real chiVe table is built by scripts/extract_vectors.py."""
    import numpy as np
    import pandas as pd

    from taikai.model import _vector_table
    from taikai.text import JapaneseTokenizer, check_text

    texts = [check_text(t).text for t in pd.read_csv(tiny_csv)["text"]]
    docs = [doc.split() for doc in JapaneseTokenizer(form="base").transform(texts)]
    words = sorted({w for doc in docs for w in doc})
    runs = sorted({" ".join(doc[i : i + n]) for doc in docs[::4] for n in (2, 3) for i in range(0, len(doc) - n, 5)})
    rng = np.random.default_rng(0)
    # half of the words known, and compounds: runs of two and three tokens of every fourth text
    vectors = {w: rng.normal(size=8) for w in [*words[::2], *runs, "稼げる", "手数料", "高い"]}
    path = tmp_path_factory.mktemp("vectors") / "tiny"
    _vector_table.save_table(_vector_table.make_table(vectors, "random vectors for tests"), path)
    return str(path)


FEATURE_CONFIGS = {
    # min_df=1 because the fixture is tiny
    "words": FeatureConfig(min_df=1),  # words only (--vectors none)
    "vectors": FeatureConfig(min_df=1, vectors="(the vector_table fixture)"),  # shaped as the shipped features
    "surface+chars": FeatureConfig(token_form="surface", char_ngrams=(1, 3), min_df=1),
    "base-words": FeatureConfig(token_form="base", char_ngrams=None, min_df=1),
    "chars": FeatureConfig(word_ngrams=None, char_ngrams=(1, 3), min_df=1),
}


@pytest.fixture(scope="session", params=list(FEATURE_CONFIGS))
def model(request, tiny_csv) -> taikai.Model:
    """Return a tiny model for each feature configuration (code reading the pipeline must handle all of them)."""
    config = FEATURE_CONFIGS[request.param]
    if config.vectors is not None:
        config = replace(config, vectors=request.getfixturevalue("vector_table"))
    return taikai.train(tiny_csv, config=config, folds=0, test_size=0)


@pytest.fixture(scope="session")
def book(tmp_path_factory, tiny_csv) -> Path:
    """A labelled workbook whose labels are on its second sheet, ラベル (a cover sheet, 表紙, first)."""
    import pandas as pd

    path = tmp_path_factory.mktemp("book") / "ラベル付き.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"説明": ["退会アンケート"]}).to_excel(writer, sheet_name="表紙", index=False)
        pd.read_csv(tiny_csv).to_excel(writer, sheet_name="ラベル", index=False)
    return path


@pytest.fixture
def handlers():
    """Give Ctrl-C, SIGTERM and SIGHUP Python's handler, as the command line has them, and put back the ones there
    were (and the unraisable hook) after the test: a command that stopped keeps its own handler until the process
    ends."""
    import signal
    import sys

    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    hook = sys.unraisablehook
    for s in before:
        signal.signal(s, signal.default_int_handler)
    yield
    for s, handler in before.items():
        signal.signal(s, handler)
    sys.unraisablehook = hook


@pytest.fixture
def readers_made(monkeypatch) -> list[str]:
    """Record the name of each file a CSV, TSV or JSONL reader is made of, in order (a JSONL file is read whole for
    its keys when its reader is made: a second reader of one file is a second whole read)."""
    from taikai.io import _text_readers

    made: list[str] = []
    init = _text_readers.TextReader.__init__

    def counted(self, path, *args, **kwargs):
        made.append(Path(path).name)
        init(self, path, *args, **kwargs)

    monkeypatch.setattr(_text_readers.TextReader, "__init__", counted)
    return made
