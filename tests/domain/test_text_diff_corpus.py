"""On a real published policy paragraph, edited as a drafter would: the reviewer sees whole words marked."""

from __future__ import annotations

import rjieba

from studio.domain.paragraph_alignment import paragraphs
from studio.domain.text_diff import Op, Run, diff_runs, new_side, old_side, tokens
from tests.corpus_location import CORPUS, requires_corpus

CASE = "s05_rongzi_danbao_guobanfa2019_6"
# Words a drafter swaps for near-synonyms; the first occurrence of each is replaced.
SWAPS = {"加强": "强化", "支持": "扶持", "推进": "推动", "完善": "健全", "促进": "推动", "建立": "建设",
         "降低": "减少", "提高": "提升"}


def marked_words(text: str, side: list[Run]) -> list[str]:
    """The words of `text` inside marked runs; every run must begin and end between two words."""
    ends, at = {0}, 0
    for word in tokens(text):
        at += len(word)
        ends.add(at)
    words, at = [], 0
    for run in side:
        assert at in ends and at + len(run.text) in ends, f"{run.text!r} cuts a word"
        if run.op is not Op.SAME:
            words += tokens(text[at:at + len(run.text)])
        at += len(run.text)
    return words


@requires_corpus
def test_words_marked_in_an_edited_real_paragraph_are_whole_dictionary_words():
    policy = (CORPUS / CASE / "policy.md").read_text(encoding="utf-8")
    old = next(p for p in paragraphs(policy) if sum(w in p for w in SWAPS) >= 3)
    new, swapped = old, []
    for word, other in SWAPS.items():
        if word in new:
            new = new.replace(word, other, 1)
            swapped.append(word)
    runs = diff_runs(old, new)
    removed, added = marked_words(old, old_side(runs)), marked_words(new, new_side(runs))
    assert removed and added
    assert all(rjieba.has_word(w) for w in removed + added if len(w) > 1)
    for word in swapped:  # each swapped word is marked whole, on its own or in the word it belongs to
        assert any(word in w for w in removed), word
    assert sum(len(w) for w in removed) < len(old) / 2  # the unchanged words around the edits stay unmarked
