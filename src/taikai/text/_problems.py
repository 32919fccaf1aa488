"""What is wrong with a value that is not classified: its kind (:class:`TextProblem`), the one template of its message,
and the checked text that carries both (:class:`CheckedText`).

Each message :func:`taikai.text.check_text` gives a row it does not classify is made from its kind's template here,
and :meth:`TextProblem.of` reads the kind back from a message as a predictions file holds it, by the same template
(:func:`taikai._message_templates.template_pattern`; the report's Japanese page says what each kind means): a message
reworded here is read back reworded, so no kind is lost to a rewording, and a text that merely starts as a message
does is no message of any kind.
"""

from __future__ import annotations

from typing import NamedTuple

from taikai._formula_value import FORMULA_MESSAGE
from taikai._message_templates import MessageKind, register_templates
from taikai.text._status import Status


class TextProblem(MessageKind):
    """The kind of a value :func:`taikai.text.check_text` does not classify, or of a frame's row repeating its header
    (:data:`REPEATED_HEADER`, which ``predict_frame`` does not classify), as its message says it (the template of
    each: :attr:`template`; its message: :meth:`message`; read back from a message: :meth:`of`)."""

    EMPTY = "empty"
    NOT_JAPANESE = "not_japanese"
    JAPANESE_IN_URLS = "japanese_in_urls"
    ONLY_PLACEHOLDERS = "only_placeholders"
    FULL_WIDTH_LATIN = "full_width_latin"
    ONLY_MARKS = "only_marks"
    LONE_SURROGATE = "lone_surrogate"
    BYTES = "bytes"
    OBJECT = "object"
    UNCOMPUTED_FORMULA = "uncomputed_formula"
    OTHER_TYPE = "other_type"
    EXCEL_ERROR = "excel_error"
    SPREADSHEET_FORMULA = "spreadsheet_formula"
    MOSTLY_REPLACED = "mostly_replaced"
    UTF8_AS_CP932 = "utf8_as_cp932"
    REPEATED_HEADER = "repeated_header"


_NO_JAPANESE = "the model only reads Japanese"
_TEMPLATES = {
    TextProblem.EMPTY: "empty or whitespace-only text",
    TextProblem.NOT_JAPANESE: f"no Japanese characters: {_NO_JAPANESE}",
    TextProblem.JAPANESE_IN_URLS: (
        "no Japanese characters outside URLs: a URL is read as the one word URL up to the next space, the Japanese of "
        "its path or glued to it included (it ends before a / that hiragana follows, or one right after the domain "
        f"that any Japanese follows); {_NO_JAPANESE}"
    ),
    TextProblem.ONLY_PLACEHOLDERS: (
        "no Japanese characters but placeholders of masked personal data ({found}), which do not count as Japanese: "
        + _NO_JAPANESE
    ),
    TextProblem.FULL_WIDTH_LATIN: (
        "no Japanese characters: full-width letters and digits are the Latin ones ({written} is {read}), not "
        f"Japanese; {_NO_JAPANESE}"
    ),
    TextProblem.ONLY_MARKS: (
        f"no Japanese words, only marks such as ・ ー ヽ or a lone kana, as in an emoticon: {_NO_JAPANESE}"
    ),
    TextProblem.LONE_SURROGATE: (
        "not valid text: a lone surrogate ({code}) at character {at}; decode the bytes first, in their encoding "
        "(taikai.io.decode_argument decodes a command-line argument as the CLI does)"
    ),
    TextProblem.BYTES: "not text: bytes; decode them first (.decode('utf-8'), or .decode('cp932'))",
    TextProblem.OBJECT: (
        "not text: an object with {named}; copy the key holding the text up to a column of its own first, and read "
        "that column"
    ),
    TextProblem.UNCOMPUTED_FORMULA: FORMULA_MESSAGE,  # made by taikai._formula_value.formula_message, in a lower layer
    TextProblem.OTHER_TYPE: "not text: a value of type {type}",
    TextProblem.EXCEL_ERROR: (
        "an Excel error value ({value}), not a review: a formula failed in the sheet the file was exported from (a "
        "lookup that found nothing gives #N/A); fix it there and export again, or leave the row out"
    ),
    TextProblem.SPREADSHEET_FORMULA: (
        "a spreadsheet formula ({shown}), not a review: the file holds the formula, not what it shows; export the "
        "values (in Excel: copy the column, paste as values) and export again"
    ),
    TextProblem.MOSTLY_REPLACED: (
        "mostly U+FFFD, the character of bytes that did not decode: {replaced} of them against {japanese} Japanese "
        "character(s), none three in a row, which are no review to classify (the model only reads Japanese); decode "
        "the text in its own encoding (a file: read it in its encoding)"
    ),
    TextProblem.UTF8_AS_CP932: (
        "UTF-8 text read as CP932 (mojibake): {marks} of its {japanese} Japanese characters are 縺 繧 繝, which "
        "Japanese text does not hold; read it as UTF-8 (a file of lines in both encodings: convert it to one first)"
    ),
    # a frame's row, not a text: predict_frame gives it (taikai.model._header_rows; the readers of files set such a
    # record aside, taikai.io.LineProblem)
    TextProblem.REPEATED_HEADER: (
        "the header repeated: the row holds the column names again, as where two exports were joined (files joined "
        "before they were read, or their frames with pd.concat); not classified: drop it (df[df[{column}] != "
        "{column}])"
    ),
}


_PATTERNS = register_templates(TextProblem, _TEMPLATES)


class CheckedText(NamedTuple):
    """A text ready for the model, or the reason it is not: its message, and the kind of it (``problem``; ``None``
    for a text classified, whose message, if any, says it was cut or read poorly)."""

    text: str
    status: Status
    message: str = ""
    problem: TextProblem | None = None

    @property
    def ok(self) -> bool:
        return self.status is Status.OK


def problem_text(problem: TextProblem, status: Status = Status.ERROR, **fields: object) -> CheckedText:
    """Return the checked text of a value of the kind *problem*, not classified (*status*), with its message."""
    return CheckedText("", status, problem.message(**fields), problem)
