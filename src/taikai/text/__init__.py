"""Text as the model sees it: normalisation, the check that a text can be classified, offsets, tokens, words,
parts of speech.

The tokenizer needs scikit-learn and fugashi: it is imported on first use, so that reading files does not load them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taikai._lazy import lazy_modules, public_dir
from taikai.text._cp932_folds import CP932_FOLDS, FOLDS_SAID, CP932Folds, count_cp932_folds
from taikai.text._dicdir import default_dicdir
from taikai.text._header_rows import header_message, header_rows
from taikai.text._label_conflicts import SHOWN_CONFLICTS, LabelConflicts, RowLabels, label_conflicts, row_labels
from taikai.text._normalize import (
    CUT_MESSAGE,
    INVISIBLE,
    MAX_CHARS,
    REFERENCE,
    check_text,
    cut_to,
    decode_reference,
    empty_or_blank,
    is_missing,
    normalize,
    shown_text,
)
from taikai.text._notes import foreign_note, markup_note, markup_tags, reading_note, with_note, without_markup
from taikai.text._offsets import OffsetMap, nfkc_decoded_with_offsets, nfkc_with_offsets, normalize_with_offsets
from taikai.text._percent import percent
from taikai.text._picked import MODEL_SCORES, PICKED_BY_COLUMN, RULES_SCORES, PickedRows, picked_rows
from taikai.text._pos import Morpheme, PosTagger
from taikai.text._problems import CheckedText, TextProblem
from taikai.text._prose import LABEL_CHARS, PROSE_ROWS, frame_reviews, prose_columns, reviews_told
from taikai.text._same import CP932_FOLD, CP932_ROUND_TRIP, cp932_fold_table, cp932_folded, near_text_key, same_text_key
from taikai.text._similar import (
    COPY_LENGTH,
    EDITED,
    FORM_SHARE,
    NEAR_COPY,
    NEAR_DUPLICATE,
    containment,
    copy_groups,
    duplicate_groups,
    edited,
    jaccard,
    near_copies,
    near_duplicates,
    shingles,
)
from taikai.text._status import Status
from taikai.text._terminal import terminal_markdown, wrap_line, wrap_pieces
from taikai.text._width import clip, display_width, markdown_cell, pad, printable
from taikai.text._words import SKIPPED_POS, WordTagger, content_words, japanese_share, sharing_words

if TYPE_CHECKING:
    from taikai.text._cp932 import CP932_REPLACEMENT, cp932_unencodable, cp932_written
    from taikai.text._dictionary import dictionary_entries
    from taikai.text._tokenizer import JapaneseTokenizer, TextNormalizer, make_tagger

__all__ = [
    "COPY_LENGTH",
    "CP932_FOLD",
    "CP932_FOLDS",
    "CP932_REPLACEMENT",
    "CP932_ROUND_TRIP",
    "CUT_MESSAGE",
    "EDITED",
    "FOLDS_SAID",
    "FORM_SHARE",
    "INVISIBLE",
    "LABEL_CHARS",
    "MAX_CHARS",
    "MODEL_SCORES",
    "NEAR_COPY",
    "NEAR_DUPLICATE",
    "PICKED_BY_COLUMN",
    "PROSE_ROWS",
    "REFERENCE",
    "RULES_SCORES",
    "SHOWN_CONFLICTS",
    "SKIPPED_POS",
    "CP932Folds",
    "CheckedText",
    "JapaneseTokenizer",
    "LabelConflicts",
    "Morpheme",
    "OffsetMap",
    "PickedRows",
    "PosTagger",
    "RowLabels",
    "Status",
    "TextNormalizer",
    "TextProblem",
    "WordTagger",
    "check_text",
    "clip",
    "containment",
    "content_words",
    "copy_groups",
    "count_cp932_folds",
    "cp932_fold_table",
    "cp932_folded",
    "cp932_unencodable",
    "cp932_written",
    "cut_to",
    "decode_reference",
    "default_dicdir",
    "dictionary_entries",
    "display_width",
    "duplicate_groups",
    "edited",
    "empty_or_blank",
    "foreign_note",
    "frame_reviews",
    "header_message",
    "header_rows",
    "is_missing",
    "jaccard",
    "japanese_share",
    "label_conflicts",
    "make_tagger",
    "markdown_cell",
    "markup_note",
    "markup_tags",
    "near_copies",
    "near_duplicates",
    "near_text_key",
    "nfkc_decoded_with_offsets",
    "nfkc_with_offsets",
    "normalize",
    "normalize_with_offsets",
    "pad",
    "percent",
    "picked_rows",
    "printable",
    "prose_columns",
    "reading_note",
    "reviews_told",
    "row_labels",
    "same_text_key",
    "sharing_words",
    "shingles",
    "shown_text",
    "terminal_markdown",
    "with_note",
    "without_markup",
    "wrap_line",
    "wrap_pieces",
]
__dir__ = public_dir(globals(), __all__)

# dictionary_entries reads the whole dictionary with numpy: only for tools; the CP932 table is numpy too.
__getattr__: Any = lazy_modules(
    "taikai.text",
    {
        "taikai.text._tokenizer": ("JapaneseTokenizer", "TextNormalizer", "make_tagger"),
        "taikai.text._dictionary": ("dictionary_entries",),
        "taikai.text._cp932": ("CP932_REPLACEMENT", "cp932_unencodable", "cp932_written"),
    },
)
