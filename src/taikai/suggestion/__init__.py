"""Active learning for analysts: pick the rows of a predictions file worth labelling, as a sheet to fill in.

The package behind ``taikai.suggest()`` and ``taikai suggest`` (named as a noun, like ``taikai.training`` behind
``taikai.train``, so that the package does not shadow the function).

:func:`suggest` reads any output of ``taikai batch`` or ``predict_frame``, scores how unsure the model is
(:func:`uncertainty`), counts near-duplicate texts once, spreads the slots over the predicted reasons
(:func:`allocate`) and writes an xlsx sheet with dropdowns (or a CSV) that ``taikai train --add`` reads back.
"""

from taikai._lazy import public_dir as _public_dir
from taikai.suggestion._dropdowns import DEFINITIONS_SHEET
from taikai.suggestion._how_to import Earlier
from taikai.suggestion._result import Suggestion
from taikai.suggestion._select import POOL_FACTOR, Selection, Strategy, allocate, select, uncertainty
from taikai.suggestion._sheet import LABEL_SHEET, TO_FILL, SheetLosses, definitions, write_sheet
from taikai.suggestion._sheet_rows import ROW_COLUMN
from taikai.suggestion._suggest import suggest

__all__ = [
    "DEFINITIONS_SHEET",
    "LABEL_SHEET",
    "POOL_FACTOR",
    "ROW_COLUMN",
    "TO_FILL",
    "Earlier",
    "Selection",
    "SheetLosses",
    "Strategy",
    "Suggestion",
    "allocate",
    "definitions",
    "select",
    "suggest",
    "uncertainty",
    "write_sheet",
]
__dir__ = _public_dir(globals(), __all__)  # what the package offers, not what it imports for itself
