"""Text helpers the tests share (importable as ``support_text``: ``tests`` is on the tests' path, see pyproject)."""

import unicodedata


def half_width(text: str) -> str:
    """Return *text* with its katakana in half-width forms (ガ as ｶﾞ), as old systems write them."""
    half = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0xFF66, 0xFF9E)}
    marks = {"\u3099": "ﾞ", "\u309a": "ﾟ"}
    return "".join(
        half.get(char)
        or "".join(half.get(part) or marks.get(part, part) for part in unicodedata.normalize("NFD", char))
        if "\u30a1" <= char <= "\u30fa"
        else char
        for char in text
    )


FEE_RULE = '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料"]\n'
"""A rules file of one rule: 手数料 → fees."""
