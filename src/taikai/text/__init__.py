"""Text as the model sees it: normalisation, the check that a text can be classified, offsets, tokens, words,
parts of speech.

The tokenizer needs scikit-learn and fugashi: it is imported on first use, so that reading files does not load them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taikai._lazy import lazy_modules, public_dir
from taikai.text._cp932_folds import CP932_FOLDS, CP932Folds

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai.text._cp932_folds import FOLDS_SAID as FOLDS_SAID
from taikai.text._cp932_folds import count_cp932_folds as count_cp932_folds
from taikai.text._dicdir import default_dicdir as default_dicdir
from taikai.text._header_rows import header_message as header_message
from taikai.text._header_rows import header_rows as header_rows
from taikai.text._label_conflicts import LabelConflicts
from taikai.text._label_conflicts import label_conflicts as label_conflicts
from taikai.text._label_conflicts import row_labels as row_labels
from taikai.text._normalize import CUT_MESSAGE, INVISIBLE, MAX_CHARS, check_text, is_missing, normalize
from taikai.text._normalize import REFERENCE as REFERENCE
from taikai.text._normalize import cut_to as cut_to
from taikai.text._normalize import decode_reference as decode_reference
from taikai.text._normalize import empty_or_blank as empty_or_blank
from taikai.text._normalize import shown_text as shown_text
from taikai.text._notes import markup_note
from taikai.text._notes import markup_tags as markup_tags
from taikai.text._notes import reading_note as reading_note
from taikai.text._notes import with_note as with_note
from taikai.text._notes import without_markup as without_markup
from taikai.text._offsets import OffsetMap, normalize_with_offsets
from taikai.text._offsets import nfkc_decoded_with_offsets as nfkc_decoded_with_offsets
from taikai.text._offsets import nfkc_with_offsets as nfkc_with_offsets
from taikai.text._percent import percent as percent
from taikai.text._picked import PICKED_BY_COLUMN as PICKED_BY_COLUMN
from taikai.text._picked import RULES_SCORES as RULES_SCORES
from taikai.text._picked import PickedRows as PickedRows
from taikai.text._picked import picked_rows as picked_rows
from taikai.text._pos import Morpheme, PosTagger
from taikai.text._problems import CheckedText, TextProblem
from taikai.text._prose import PROSE_ROWS as PROSE_ROWS
from taikai.text._prose import frame_reviews as frame_reviews
from taikai.text._prose import prose_columns as prose_columns
from taikai.text._prose import reviews_told as reviews_told
from taikai.text._same import CP932_FOLD as CP932_FOLD
from taikai.text._same import CP932_ROUND_TRIP as CP932_ROUND_TRIP
from taikai.text._same import cp932_fold_table as cp932_fold_table
from taikai.text._same import near_text_key as near_text_key
from taikai.text._same import same_text_key
from taikai.text._similar import FORM_SHARE as FORM_SHARE
from taikai.text._similar import copy_groups as copy_groups
from taikai.text._similar import duplicate_groups as duplicate_groups
from taikai.text._similar import edited as edited
from taikai.text._similar import jaccard, near_duplicates, shingles
from taikai.text._status import Status
from taikai.text._terminal import terminal_markdown as terminal_markdown
from taikai.text._terminal import wrap_line as wrap_line
from taikai.text._terminal import wrap_pieces as wrap_pieces
from taikai.text._width import clip as clip
from taikai.text._width import display_width as display_width
from taikai.text._width import markdown_cell as markdown_cell
from taikai.text._width import notebook_markdown as notebook_markdown
from taikai.text._width import pad as pad
from taikai.text._width import printable as printable
from taikai.text._words import WordTagger, content_words
from taikai.text._words import japanese_share as japanese_share
from taikai.text._words import sharing_words as sharing_words

if TYPE_CHECKING:
    from taikai.text._cp932 import CP932_REPLACEMENT as CP932_REPLACEMENT
    from taikai.text._cp932 import cp932_unencodable as cp932_unencodable
    from taikai.text._cp932 import cp932_written as cp932_written
    from taikai.text._dictionary import dictionary_entries
    from taikai.text._tokenizer import JapaneseTokenizer
    from taikai.text._tokenizer import TextNormalizer as TextNormalizer

__all__ = [
    "CP932_FOLDS",
    "CUT_MESSAGE",
    "INVISIBLE",
    "MAX_CHARS",
    "CP932Folds",
    "CheckedText",
    "JapaneseTokenizer",
    "LabelConflicts",
    "Morpheme",
    "OffsetMap",
    "PosTagger",
    "Status",
    "TextProblem",
    "WordTagger",
    "check_text",
    "content_words",
    "dictionary_entries",
    "is_missing",
    "jaccard",
    "markup_note",
    "near_duplicates",
    "normalize",
    "normalize_with_offsets",
    "same_text_key",
    "shingles",
]
__dir__ = public_dir(globals(), __all__)

# dictionary_entries reads the whole dictionary with numpy: only for tools; the CP932 table is numpy too.
__getattr__: Any = lazy_modules(
    "taikai.text",
    {
        "taikai.text._tokenizer": ("JapaneseTokenizer", "TextNormalizer"),
        "taikai.text._dictionary": ("dictionary_entries",),
        "taikai.text._cp932": ("CP932_REPLACEMENT", "cp932_unencodable", "cp932_written"),
    },
)
