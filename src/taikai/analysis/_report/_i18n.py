"""Every word the report writes outside the data, in Japanese and English (``--lang ja|en``)."""

from __future__ import annotations

from taikai.analysis._report._en import EN
from taikai.analysis._report._ja import JA
from taikai.analysis._report._phrases import Phrases, fill

__all__ = ["EN", "JA", "PHRASES", "Phrases", "fill"]

PHRASES = {"ja": JA, "en": EN}
