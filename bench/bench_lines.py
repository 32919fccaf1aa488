"""CPU cost of reading a dump's lines as a universal reader does, in one run: ``raw_lines`` against plain binary
line iteration (which splits at LF only), and the whole CSV reader, for LF, CR LF and bare-CR files.

``python bench/bench_lines.py [--rows 200000]``
Prints, per line ending, CPU seconds and the ratio of ``raw_lines`` to ``for line in f`` (LF and CR LF files:
the same lines; a bare-CR file is one line to plain iteration, so its ratio compares against the LF file), and
the rows per CPU second of ``CsvReader`` with the default (strict) and ``replace`` encoding errors. Target: the
reader's share of a batch run stays small (classifying is about 1,000-3,000 rows/s per core, see RESULTS.md).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_dump import corpus_texts

from taikai.io import open_reader, raw_lines


def _cpu(work: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    corpus = [t.replace("\n", " ").replace("\r", " ").replace('"', "") for t in corpus_texts()]
    texts = [corpus[i % len(corpus)] for i in range(args.rows)]
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, ending in (("LF", "\n"), ("CR LF", "\r\n"), ("CR", "\r")):
            path = Path(tmp) / f"{name.replace(' ', '')}.csv"
            body = ending.join(f'{i},"{t}"' for i, t in enumerate(texts))
            path.write_bytes(f"id,text{ending}{body}{ending}".encode("cp932", errors="replace"))
            files[name] = path

        def plain(path: Path) -> None:
            with open(path, "rb") as f:
                for _ in f:
                    pass

        def universal(path: Path) -> None:
            with open(path, "rb") as f:
                for _ in raw_lines(f):
                    pass

        def reader(path: Path, errors: str) -> None:
            for _ in open_reader(path, encoding="cp932", encoding_errors=errors).chunks(5000):
                pass

        base = _cpu(lambda: plain(files["LF"]))
        print(f"{args.rows:,} rows, {files['LF'].stat().st_size / 1e6:.1f} MB (cp932)")
        header = ("ending", "for line in f", "raw_lines", "ratio", "reader rows/s", "replace")
        print("{:7s} {:>14s} {:>10s} {:>6s} {:>14s} {:>9s}".format(*header))
        for name, path in files.items():
            own = base if name == "CR" else _cpu(lambda p=path: plain(p))
            mine = _cpu(lambda p=path: universal(p))
            strict = args.rows / _cpu(lambda p=path: reader(p, "strict"))
            replace = args.rows / _cpu(lambda p=path: reader(p, "replace"))
            print(f"{name:7s} {own:13.3f}s {mine:9.3f}s {mine / own:6.2f} {strict:14,.0f} {replace:9,.0f}")


if __name__ == "__main__":
    main()
