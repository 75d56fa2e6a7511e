"""The graphic explainer's content: typed sections, validation, number consistency, and
the text equivalent (alt text and transcript) of the rendered image."""

from studio.domain.explainer.consistency import check_numbers, policy_texts
from studio.domain.explainer.transcript import alt_text, transcript_markdown
from studio.domain.explainer.validation import WIDTHS, validate

__all__ = ["WIDTHS", "alt_text", "check_numbers", "policy_texts", "transcript_markdown", "validate"]
