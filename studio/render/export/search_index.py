"""Client-side search for Chinese text: an index of character bigrams, in plain JS files.

Chinese has no spaces between words, so the index keys are overlapping pairs of
characters (高校毕业生 → 高校 校毕 毕业 业生) over the text with punctuation and spaces
removed; a document matches a query when it holds every pair of the query.

The index is split into groups of packages by the first characters of their slug, so
a re-export rebuilds only the group of a package that changed. The files are scripts
that set a global, not JSON fetched by the page, because browsers refuse fetch() for
pages opened from disk.
"""

from __future__ import annotations

import json
import re
import unicodedata

from studio.render.export import layout
from studio.render.export.listing import ListingEntry

GROUPS = 32
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_NOT_WORD = re.compile(r"[\W_]+")
DOCS_FILE = f"{layout.SEARCH_DIR}/docs.js"


def group_of(slug: str) -> str:
    return f"{int(slug[:2], 16) % GROUPS:02d}" if re.match(r"^[0-9a-f]{2}", slug) else "00"


def group_file(group: str) -> str:
    return f"{layout.SEARCH_DIR}/g{group}.js"


def normalise(text: str) -> str:
    """What the index and the page's search box both see: NFKC, lower case, letters and digits only."""
    # Dropping punctuation first leaves text that is usually NFKC already, which is quick to confirm.
    words = _NOT_WORD.sub("", text)
    if not unicodedata.is_normalized("NFKC", words):
        words = _NOT_WORD.sub("", unicodedata.normalize("NFKC", words))
    return words.lower()


def bigrams(normalised: str) -> set[str]:
    return set(map(str.__add__, normalised, normalised[1:]))


def _code(n: int, width: int) -> str:
    out = ""
    for _ in range(width):
        out = _ALPHABET[n % 64] + out
        n //= 64
    return out


def _width(count: int) -> int:
    width = 1
    while 64 ** width < count:
        width += 1
    return width


def _script(variable: str, key: str | None, data: dict) -> bytes:
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Script data, not markup: still keep '<' out so no value can end a script element.
    payload = payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    if key is None:
        return f"window.{variable}={payload};\n".encode()
    return (f"(window.{variable}=window.{variable}||{{}})[{json.dumps(key)}]={payload};\n").encode()


def group_script(group: str, texts: dict[str, str]) -> bytes:
    """One group's index: its documents (by slug) and, per bigram, the documents holding it."""
    slugs = sorted(texts)
    width = _width(len(slugs))
    postings: dict[str, list[str]] = {}
    for n, slug in enumerate(slugs):
        code = _code(n, width)
        for pair in bigrams(texts[slug]):
            found = postings.get(pair)
            if found is None:
                postings[pair] = [code]
            else:
                found.append(code)
    index = {pair: "".join(codes) for pair, codes in postings.items()}
    return _script("STUDIO_SEARCH_GROUPS", group, {"w": width, "docs": slugs, "idx": index})


def docs_script(entries: list[ListingEntry], groups: list[str]) -> bytes:
    """What a result shows: title, 发文字号, organ, date, validity and links, per slug."""
    docs = {}
    for e in entries:
        docs[e.slug] = {
            "t": e.title, "n": e.doc_number, "o": e.organ, "d": e.date_written, "p": e.date_published,
            "v": e.validity, "u": e.policy_path,
            "c": [[c.form, c.target, 1 if c.external else 0] for c in e.companions],
        }
    return _script("STUDIO_SEARCH_DOCS", None, {"groups": sorted(groups), "docs": docs})
