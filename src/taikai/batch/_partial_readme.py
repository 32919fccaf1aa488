"""The README.txt of a partial output folder, which tells whoever finds the folder what it holds and what to do."""

from __future__ import annotations

from pathlib import Path

from taikai.errors import RESUME

README = "README.txt"


def describe_partial(output: Path, what: str, run: dict[str, object], next_step: str) -> str:
    """Return the text of the README.txt that names what a partial output folder holds and what to do with it."""
    lines = [
        f"This folder holds {what} for {output.name}, written by taikai.",
        "",
        *(f"  {key}: {value}" for key, value in run.items()),
        "",
        next_step,
        "",
    ]
    return "\n".join(lines)


def write_readme(folder: Path, output: Path, run: dict[str, object] | None) -> None:
    """Write the README.txt of *folder*, the partial folder of a local run writing *output*: an unfinished run, its
    *run* (input, options), and how to continue it."""
    text = describe_partial(
        output,
        "an unfinished batch run (taikai batch / taikai.classify_file)",
        dict(run or {}),
        f"Run it again with {RESUME.given(True)} to continue after the last saved chunk, or delete this "
        "folder to start over. The output file appears only when the run is complete.",
    )
    (folder / README).write_text(text, encoding="utf-8")
