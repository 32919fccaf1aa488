"""Say where a TOML syntax error of a rules file is: its line and column, the end of the file, or the string or
bracket left open.

``tomllib`` says ``Unclosed array (at line 6, column 1)`` where it found out, which is the next line with content,
and ``(at end of document)`` without a line when the file ends first; a string left open reads as ``Illegal
character '\\n'`` or ``Unterminated string``. The string or bracket left open is found here instead.
"""

from __future__ import annotations

import re

from taikai.rules._rule import KEYS

_AT = re.compile(r"^(?P<msg>.*?)\s*\((?:at line (?P<line>\d+), column (?P<col>\d+)|(?P<end>at end of document))\)$")
_UNCLOSED = {"Unclosed array": "[", "Unclosed inline table": "{"}
_CLOSERS = {"]": "[", "}": "{"}


def syntax_error(source: str, text: str, error: str) -> str:
    """Return the message for *error* (``str(TOMLDecodeError)``) in the TOML *text* read from *source*:
    ``FILE:LINE: not valid TOML: …``, with the line and column of the problem, or of the bracket it left open."""
    found = _AT.match(error.strip())
    if found is None:  # a message of a tomllib this code does not know: as it is
        return f"{source}: not valid TOML: {error}"
    msg = found["msg"]
    stack, string = _scan(text)
    # a string left open: at the end of its line (one-line strings), or of the file
    on_its_line = msg.startswith("Illegal character") and string is not None and int(found["line"] or 0) == string[0]
    if string is not None and (found["end"] or on_its_line):
        line, col, delimiter = string
        where = "on its line" if len(delimiter) == 1 else "where it ends"
        return (
            f"{source}:{line}: not valid TOML: the string opened here (column {col}) is not closed; "
            f"close it with {delimiter} {where}"
        )
    inside = "" if found["end"] else _quote_inside(text, int(found["line"]), int(found["col"]))
    if inside:  # any = ['x', 'it's']: not an array left open, but a string closed by the quote it holds
        return f"{source}:{found['line']}: not valid TOML: {msg} (column {found['col']}){inside}"
    # an unclosed bracket, or any error at the end of the file (an array left open after a comma): the bracket
    opened = _open_bracket(text, stack, _UNCLOSED.get(msg, "[{")) if msg in _UNCLOSED or found["end"] else None
    if opened is not None:
        line, col, bracket = opened
        kind, closer = ("array", "]") if bracket == "[" else ("inline table", "}")
        return (
            f"{source}:{line}: not valid TOML: the {kind} opened here (column {col}) is not closed; "
            f"close it with {closer} after its last value"
        )
    if found["end"]:
        last = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        return f"{source}:{last}: not valid TOML: {msg} at the end of the file (line {last})"
    line, col = int(found["line"]), int(found["col"])
    return f"{source}:{line}: not valid TOML: {msg} (column {col}){_hint(msg, _char_at(text, line, col))}"


_TYPOGRAPHIC = {
    "“": '"',
    "”": '"',
    "„": '"',
    "＂": '"',
    "‘": "'",
    "’": "'",
    "＇": "'",
    "、": ",",
    "，": ",",
    "＝": "=",
    "［": "[",
    "］": "]",
    "｛": "{",
    "｝": "}",
    "＃": "#",
    "\u3000": " ",
    "\u00a0": " ",
}
"""Characters a Japanese keyboard, Word or Excel put where TOML's syntax needs an ASCII one, with that one."""


def _hint(msg: str, char: str) -> str:
    """What to write instead, for the TOML error *msg* at the character *char*: a full-width or typographic
    character that TOML does not read as syntax, a backslash in a double-quoted string (a regular expression), a
    value without quotes, or two values of an array without a comma between them."""
    if char in _TYPOGRAPHIC:
        fix = _TYPOGRAPHIC[char]
        written = "a half-width space" if fix == " " else repr(fix)
        shown = {"\u3000": "a full-width space", "\u00a0": "a no-break space"}.get(char, repr(char))
        return f": {shown} there is a full-width or typographic character, which TOML does not read: write {written}"
    if msg.startswith("Unescaped '\\'"):
        return (
            ': in a string in double quotes a backslash starts an escape (\\n, \\"): write a regular expression '
            "in single quotes, regex = ['\\d+%'], as examples/rules.toml does, or double each backslash"
        )
    if msg == "Invalid value" and (char.isalnum() or char == "_"):
        return ': text is written in quotes (label = "fees", any = ["手数料"])'
    if msg == "Invalid statement" and not char.isascii() and char.isalnum():  # ラベル = "fees", 優先度 = 1
        said = ": a key is written in ASCII letters (TOML reads one of other letters only in quotes)"
        return f"{said}, and a rule's keys are {', '.join(KEYS)}"
    if msg == "Unclosed array":
        return ": the values of an array are separated by commas, and the array closed with ]"
    return ""


def _quote_inside(text: str, line: int, col: int) -> str:
    """What to write when the error at *line* and *col* follows right after a quote, on a character that goes on a
    text (``'it's'``, ``"say "hi""``): that quote, inside the text, closed its string."""
    before, char = _char_at(text, line, col - 1), _char_at(text, line, col)
    if before not in ("'", '"') or not char or char in " \t,]}#'\"" or char in _TYPOGRAPHIC:
        return ""
    written = 'double quotes ("it\'s")' if before == "'" else "single quotes ('say \"hi\"')"
    return (
        f": the {before} before it ends the string, and the rest of the text is read as TOML: write a text holding "
        f"{before} in {written}"
    )


def _char_at(text: str, line: int, col: int) -> str:
    """The character at *line* and *col* (from 1) of *text*, or ``""`` past its end."""
    lines = text.split("\n")
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    return row[col - 1] if 0 < col <= len(row) else ""


def _open_bracket(text: str, stack: list[tuple[str, int]], brackets: str) -> tuple[int, int, str] | None:
    """Return the line, column (from 1) and kind of the last value bracket of *brackets* (``[``, ``{``) of *stack*
    (the brackets of *text* left open, from :func:`_scan`), or ``None``."""
    positions = [(at, kind) for kind, at in stack if kind in brackets]
    if not positions:
        return None
    at, kind = positions[-1]
    return (*_position(text, at), kind)


def _position(text: str, at: int) -> tuple[int, int]:
    """The line and column (from 1) of index *at* of *text*."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _scan(text: str) -> tuple[list[tuple[str, int]], tuple[int, int, str] | None]:
    """Return the value brackets of *text* left open (kind and index), and the line, column and delimiter of the
    first string left open, or ``None``. Strings and comments are skipped; a ``[`` that starts a line outside any
    value is a table header."""
    stack: list[tuple[str, int]] = []
    string: tuple[int, int, str] | None = None
    i, at_start = 0, True
    while i < len(text):
        ch = text[i]
        if ch in " \t\r\n":
            at_start = at_start or ch == "\n"
            i += 1
        elif ch == "#" or (ch == "[" and at_start and not stack):  # a comment, or a [table] header: to the line end
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif ch in "\"'":
            end, delimiter, closed = _string_end(text, i)
            if not closed and string is None:
                string = (*_position(text, i), delimiter)
            i, at_start = end, False
        else:
            if ch in "[{":
                stack.append((ch, i))
            elif ch in _CLOSERS and stack and stack[-1][0] == _CLOSERS[ch]:
                stack.pop()
            i, at_start = i + 1, False
    return stack, string


def _string_end(text: str, start: int) -> tuple[int, str, bool]:
    """Return the index just after the TOML string starting at *start* (basic or literal, one line or multi-line),
    its delimiter, and whether it is closed; when it is not, the index is the end of the line (or text)."""
    quote = text[start]
    triple = text.startswith(quote * 3, start)
    delimiter = quote * 3 if triple else quote
    i = start + len(delimiter)
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text.startswith(delimiter, i):
            return i + len(delimiter), delimiter, True
        if text[i] == "\n" and not triple:
            return i, delimiter, False
        i += 1
    return len(text), delimiter, False
