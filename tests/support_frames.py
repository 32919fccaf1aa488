"""Frame helpers the tests share (importable as ``support_frames``: ``tests`` is on the tests' path, see pyproject)."""

import numpy as np
import pandas as pd

import taikai
from taikai.labels import REASON_IDS


def classified(frame: pd.DataFrame) -> pd.DataFrame:
    """Return *frame* (a ``reason`` column among its own) with the other columns taikai batch writes: every row
    ``ok`` and negative, its reason sure (0.9) and the only one."""
    frame["status"], frame["message"], frame["sentiment"] = "ok", None, "negative"
    frame["reason_ja"] = frame["reason"].map(taikai.reason_name)
    frame["reasons"] = frame["reason"]
    for r in REASON_IDS:
        frame[f"p_reason_{r}"] = np.where(frame["reason"] == r, 0.9, 0.1 / 7)
    for s in ("positive", "neutral", "negative"):
        frame[f"p_sentiment_{s}"] = 0.8 if s == "negative" else 0.1
    return frame
