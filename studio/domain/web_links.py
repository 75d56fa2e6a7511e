"""Web addresses written bare in a text (https://www.gov.cn/zhengce/… or www.example.gov.cn), found
so that a page can make them links without changing a character of what the reader sees.

Only http(s):// and www. forms, with a named host (an address by number, such as an office's
intranet 192.168.…, is not linked); file:, javascript: and local paths never are (the release
check reports local paths). An address is ASCII, so it ends at the first Chinese character or
punctuation mark (。，；）…); trailing ASCII punctuation that closes a sentence is left out too.

A general linkifier was not used: those treat CJK characters as letters, so www. straight after a
Chinese word was not found and a following Chinese sentence was taken into the address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}"
_TAIL = r"(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?"
_ADDRESS = re.compile(rf"(?<![A-Za-z0-9@.\-_/])(?:https?://{_HOST}|(?<![:/])www\.{_HOST}){_TAIL}(?![A-Za-z0-9\-])",
                      re.IGNORECASE)
_SENTENCE_END = ".,;:!?'\"*"
_PAIRS = {")": "(", "]": "["}


@dataclass(frozen=True)
class WebLink:
    start: int
    end: int
    href: str


def _trimmed(address: str) -> str:
    """Without sentence punctuation after it, and without a ) or ] it did not open."""
    unclosed = {close: address.count(close) - address.count(open_) for close, open_ in _PAIRS.items()}
    end = len(address)
    while end:
        last = address[end - 1]
        if last in _SENTENCE_END:
            end -= 1
        elif unclosed.get(last, 0) > 0:
            unclosed[last] -= 1
            end -= 1
        else:
            break
    return address[:end]


def web_links(text: str) -> list[WebLink]:
    """Bare web addresses in `text`, in order, with the address each should lead to."""
    links = []
    for match in _ADDRESS.finditer(text):
        address = _trimmed(match.group(0))
        if "." not in address.split("//", 1)[-1]:
            continue
        href = address if address.lower().startswith(("http://", "https://")) else "http://" + address
        links.append(WebLink(match.start(), match.start() + len(address), href))
    return links


def split_links(text: str) -> list[tuple[str, str]]:
    """`text` in pieces, each with the address it links to ("" for plain words); joined, they are `text`."""
    pieces: list[tuple[str, str]] = []
    at = 0
    for link in web_links(text):
        if link.start > at:
            pieces.append((text[at:link.start], ""))
        pieces.append((text[link.start:link.end], link.href))
        at = link.end
    if at < len(text):
        pieces.append((text[at:], ""))
    return pieces
