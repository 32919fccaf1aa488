"""Classify a review file, write its HTML report, and screenshot the report in headless Chromium.

    .venv/bin/python scripts/screenshot_report.py [--input data/sample_dump.csv] [--model DIR] [--png /tmp/report.png]

Needs Chromium and a CJK font for the page text (``apt-get install -y chromium fonts-noto-cjk``); the charts
carry their own font. Look at the PNG: Japanese must show in the charts and the tables, with no tofu boxes.
An input without a date column gets seeded random ``posted_at`` dates (said on stderr) so the trend shows.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

import taikai
from taikai.analysis import write_report
from taikai.io import detect_encoding

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def default_input() -> Path:
    """Return the sample dump if it exists, else the labelled corpus."""
    dump = ROOT / "data" / "sample_dump.csv"
    return dump if dump.exists() else ROOT / "data" / "reviews.csv"


def predictions(path: Path, model_dir: str | None, date_column: str) -> pd.DataFrame:
    """Classify *path*; label columns of a labelled corpus are kept as ``gold_*``."""
    model = taikai.load_model(model_dir)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=detect_encoding(path))
    df = df.rename(columns={c: f"gold_{c}" for c in df.columns if c in model.output_columns()})
    if date_column not in df.columns:
        print(f"{path.name} has no {date_column!r} column: adding seeded random demo dates", file=sys.stderr)
        days = np.random.default_rng(0).integers(0, 540, len(df))
        df[date_column] = (pd.Timestamp("2024-01-01") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d")
    return model.predict_frame(df, "text")


def screenshot(page: Path, png: Path, width: int, height: int) -> None:
    """Render *page* in headless Chromium into *png*."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        sys.exit("no Chromium found: apt-get install -y chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as profile:
        command = [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={width},{height}",
            page.resolve().as_uri(),
        ]
        subprocess.run(command, check=True, timeout=120, capture_output=True)


def main() -> None:
    """Parse the arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=default_input())
    parser.add_argument("--model", default=None, help="Model directory (default: the shipped model).")
    parser.add_argument("--date-column", default="posted_at")
    parser.add_argument("--by", default="platform")
    parser.add_argument("--out-dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--png", type=Path, default=Path(tempfile.gettempdir()) / "report.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=4000)
    args = parser.parse_args()
    frame = predictions(args.input, args.model, args.date_column)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    args.png.parent.mkdir(parents=True, exist_ok=True)
    csv = args.out_dir / "report_predictions.csv"
    frame.to_csv(csv, index=False)
    page = write_report(csv, args.out_dir / "report.html", date_column=args.date_column, by=args.by)
    screenshot(page, args.png, args.width, args.height)
    print(f"predictions {csv}\nreport {page}\nscreenshot {args.png}")


if __name__ == "__main__":
    main()
