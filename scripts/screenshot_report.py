"""Classify a review file, write its HTML report, and screenshot the report in headless Chromium.

    .venv/bin/python scripts/screenshot_report.py [--input data/sample_dump.csv] [--lang ja|en] [--fonts none|japanese]
        [--png docs/report.png] [--width 1280] [--height 0]

Needs Chromium (``apt-get install -y chromium``). Chromium sees only the fonts this script names, through its own
fontconfig file: ``--fonts none`` gives it a Latin font only (DejaVu Sans, shipped by matplotlib), as on a machine
without a Japanese font, so every Japanese glyph must come from the page's embedded font; ``--fonts japanese``
adds IPAexGothic as a system font. ``--height 0`` captures the whole page. A ``predictions.csv`` already in
``--out-dir`` is reused only when its batch summary says it is ``--input`` classified by ``--model``, written after
the input last changed; else the input is classified again (the script says which, and why).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from script_main import ROOT, says_errors

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]


def chromium() -> str | None:
    """Return the Chromium executable, or ``None``."""
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def font_files(kind: str) -> list[Path]:
    """Return the font files Chromium may use: DejaVu Sans (``none``), plus IPAexGothic (``japanese``)."""
    import matplotlib
    from matplotlib_fontja import get_font_ttf_path

    latin = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    return [latin] if kind == "none" else [latin, Path(get_font_ttf_path())]


def fontconfig(folder: Path, fonts: list[Path]) -> Path:
    """Write a fontconfig file in *folder* that shows only *fonts* (copied into it) and return its path.

    The folders are written XML-escaped: a temporary folder may hold ``&`` or ``<`` (``TMPDIR``, a user's name)."""
    from xml.sax.saxutils import escape

    fonts_dir, cache = folder / "fonts", folder / "cache"
    fonts_dir.mkdir(parents=True, exist_ok=True)
    cache.mkdir(exist_ok=True)
    for font in fonts:
        shutil.copy(font, fonts_dir / font.name)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"<dir>{escape(str(fonts_dir))}</dir>\n<cachedir>{escape(str(cache))}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return config


def screenshot(page: Path, png: Path, width: int, height: int, fonts: str = "none") -> None:
    """Render *page* in headless Chromium into *png*, with only the fonts of *fonts* on the 'system'."""
    browser = chromium()
    if browser is None:
        sys.exit("no Chromium found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig(folder / "fontconfig", font_files(fonts)))}
        command = [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            f"--screenshot={png.resolve()}",
            f"--window-size={width},{height}",
            page.resolve().as_uri(),
        ]
        subprocess.run(command, check=True, timeout=120, capture_output=True, env=env)


def page_height(page: Path, width: int, fonts: str) -> int:
    """Return the height of *page* laid out at *width* (from Chromium's DOM dump of a measuring script)."""
    browser = chromium()
    assert browser is not None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        probe = folder / "probe.html"
        probe.write_text(
            page.read_text(encoding="utf-8").replace(
                "</body>",
                "<script>document.title='H'+document.documentElement.scrollHeight</script></body>",
            ),
            encoding="utf-8",
        )
        env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig(folder / "fontconfig", font_files(fonts)))}
        command = [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            f"--window-size={width},1000",
            "--dump-dom",
            probe.as_uri(),
        ]
        out = subprocess.run(command, check=True, timeout=120, capture_output=True, env=env, text=True).stdout
    start = out.index("<title>H") + len("<title>H")
    return int(out[start : out.index("<", start)])


def trim_bottom(png: Path, margin: int = 40) -> int:
    """Cut the blank rows below the page's content off *png*; return the new height."""
    import numpy as np
    from PIL import Image

    image = Image.open(png)
    grey = np.asarray(image.convert("L"))
    inked = np.nonzero((grey < 250).any(axis=1))[0]
    height = min(image.height, int(inked[-1]) + margin) if len(inked) else image.height
    image.crop((0, 0, image.width, height)).save(png, optimize=True)
    return height


def stale_predictions(predictions: Path, source: Path, model: str | None) -> str:
    """Return why *predictions* (the ``predictions.csv`` of ``--out-dir``) is not *source* classified by *model*
    (``None``: the default model), as its batch summary says (:func:`taikai.io.read_summary`, the file ``taikai
    report`` checks the model against), or ``""`` when it is: reused, it must be this input's and this model's,
    and written after the input last changed."""
    from taikai.io import read_summary
    from taikai.model import default_model_dir, read_metadata

    if not predictions.exists():
        return "none there yet"
    run = read_summary(predictions)
    if run is None:
        return "the one there has no batch summary beside it (or one of another file) to say what made it"
    if run.input is None or Path(run.input).resolve() != source.resolve():
        return f"the one there was made from {run.input or 'an input its summary does not name'}"
    if source.stat().st_mtime_ns > predictions.stat().st_mtime_ns:
        return "the input changed after the one there was made"
    meta = read_metadata(Path(model) if model else default_model_dir())
    sha256 = meta.artifact.sha256 if meta.artifact else ""
    if run.model is None or not sha256 or run.model.sha256 != sha256:
        made = f"model {run.model.name} (sha256 {run.model.sha256[:12]}…)" if run.model else "a model it does not name"
        return f"the one there was made by {made}, not by {model or 'the default model'} (sha256 {sha256[:12]}…)"
    return ""


@says_errors()
def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, classify, write the report, screenshot it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=ROOT / "data" / "sample_dump.csv")
    parser.add_argument("--model", default=None, help="Model directory (default: the shipped model).")
    parser.add_argument("--date-column", default="posted_at")
    parser.add_argument("--by", default="platform")
    parser.add_argument("--freq", default="M", choices=["M", "W"])
    parser.add_argument("--lang", default="ja", choices=["ja", "en"])
    parser.add_argument("--fonts", default="none", choices=["none", "japanese"])
    parser.add_argument("--out-dir", type=Path, default=Path(tempfile.gettempdir()) / "taikai-report")
    parser.add_argument("--png", type=Path, default=Path(tempfile.gettempdir()) / "report.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=0, help="0: the whole page")
    args = parser.parse_args(argv)
    from taikai.analysis import write_report
    from taikai.batch import classify_file

    args.out_dir.mkdir(parents=True, exist_ok=True)
    args.png.parent.mkdir(parents=True, exist_ok=True)
    predictions = args.out_dir / "predictions.csv"
    stale = stale_predictions(predictions, args.input, args.model)
    if stale:
        print(f"classifying {args.input} into {predictions}: {stale}")
        classify_file(args.input.resolve(), predictions, "text", model=args.model, id_column="review_id")
    else:
        print(f"reusing {predictions}: its batch summary says it is {args.input} classified by this model")
    page = write_report(
        predictions,
        args.out_dir / f"report.{args.lang}.html",
        date_column=args.date_column,
        by=args.by,
        freq=args.freq,
        lang=args.lang,
        model=args.model,
    )
    # measured before the web font loads, with a fallback font that lays out shorter or longer: take room, then trim
    height = args.height or int(page_height(page, args.width, args.fonts) * 1.3)
    screenshot(page, args.png, args.width, height, args.fonts)
    if not args.height:
        height = trim_bottom(args.png)
    print(f"predictions {predictions}\nreport {page}\nscreenshot {args.png} ({args.width}x{height})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
