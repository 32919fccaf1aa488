"""E-mail addresses and URLs as masking finds them, replaced by a mark: what counts words leaves them out with."""

from __future__ import annotations

ADDRESS_MARK = " url "
"""What :func:`without_addresses` puts in place of an address: the word the tagger's word lists skip."""


def without_addresses(text: str, mark: str = ADDRESS_MARK) -> str:
    """Return the NFKC text *text* with every e-mail address and URL that masking would mask replaced by *mark*.

    The same finders as :func:`taikai.mask_pii`, so a spelled-out address (``yamada.taro(at)gmail.com``,
    ``taro at example dot com``) and a URL without a scheme (``note.com/tanaka_writer/n/n123abc``) are found too.
    Where a URL and an address overlap, the URL is taken, as masking does.
    """
    from taikai.privacy._patterns import find_emails, find_urls  # compiled on first use, as masking's

    spans: list[tuple[int, int]] = []
    for start, end, _ in (*find_urls(text), *find_emails(text)):
        if all(end <= s or start >= e for s, e in spans):
            spans.append((start, end))
    if not spans:
        return text
    parts, cursor = [], 0
    for start, end in sorted(spans):
        parts += [text[cursor:start], mark]
        cursor = end
    return "".join([*parts, text[cursor:]])
