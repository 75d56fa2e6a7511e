"""The pieces of a package: the policy and its companions.

Every companion names the policy it belongs to (`policy_ref`, 关联文件): that is the
link back from the companion's page to the policy (双关联). The policy keeps the list
of companions its page links to (`related`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

POLICY = "policy"
INTERPRETATION = "interpretation"
EXPLAINER = "explainer"
FAQ = "faq"
CONSULTATION = "consultation"
OTHERS = "others"

PIECE_LABELS: dict[str, str] = {
    POLICY: "政策文件",
    INTERPRETATION: "政策解读",
    EXPLAINER: "政策图解",
    FAQ: "问答",
    CONSULTATION: "征求意见公告",
    OTHERS: "其他解读形式",
}
PIECE_KEYS: tuple[str, ...] = tuple(PIECE_LABELS)
COMPANION_KEYS: tuple[str, ...] = PIECE_KEYS[1:]
# Pieces `studio import` can fill from a text file.
TEXT_IMPORT_PIECES = (POLICY, INTERPRETATION, FAQ, CONSULTATION)

OTHER_FORMS = ("专家解读", "媒体解读", "在线访谈", "答记者问", "新闻发布会", "音视频", "H5", "其他")


def piece_label(key: str) -> str:
    return PIECE_LABELS.get(key, key)


@dataclass(frozen=True)
class PolicyPiece:
    body: str = ""
    related: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not self.body.strip()

    def plain_text(self) -> str:
        return self.body

    def to_dict(self) -> dict[str, Any]:
        return {"body": self.body, "related": list(self.related)}

    @classmethod
    def from_dict(cls, d: dict) -> PolicyPiece:
        return cls(body=d.get("body", ""), related=tuple(d.get("related", ())))


@dataclass(frozen=True)
class TextPiece:
    """Interpretation or consultation notice: a titled Markdown text."""

    title: str = ""
    body: str = ""
    policy_ref: str = ""

    def is_empty(self) -> bool:
        return not self.body.strip()

    def plain_text(self) -> str:
        return self.body

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "body": self.body, "policy_ref": self.policy_ref}

    @classmethod
    def from_dict(cls, d: dict) -> TextPiece:
        return cls(title=d.get("title", ""), body=d.get("body", ""), policy_ref=d.get("policy_ref", ""))


@dataclass(frozen=True)
class FaqItem:
    question: str
    answer: str

    def to_dict(self) -> dict[str, str]:
        return {"question": self.question, "answer": self.answer}


@dataclass(frozen=True)
class FaqPiece:
    title: str = ""
    items: tuple[FaqItem, ...] = ()
    policy_ref: str = ""

    def is_empty(self) -> bool:
        return not any(i.question.strip() or i.answer.strip() for i in self.items)

    def plain_text(self) -> str:
        return "\n".join(f"{i.question}\n{i.answer}" for i in self.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "items": [i.to_dict() for i in self.items],
            "policy_ref": self.policy_ref,
        }

    @classmethod
    def from_dict(cls, d: dict) -> FaqPiece:
        items = tuple(FaqItem(i.get("question", ""), i.get("answer", "")) for i in d.get("items", ()))
        return cls(title=d.get("title", ""), items=items, policy_ref=d.get("policy_ref", ""))


@dataclass(frozen=True)
class ExplainerPiece:
    """The graphic explainer as structured content; the long image is rendered from it.

    `sections` holds typed section dicts (points, figures, chart, steps, timeline,
    audience, qa, contact). `theme` and `width` choose how it is rendered; rendered images
    are derived files, reproducible from this content, so they are not part of it.
    `images` names image files supplied ready-made (in the package's media folder).
    """

    title: str = ""
    subtitle: str = ""
    sections: tuple[dict, ...] = ()
    images: tuple[str, ...] = ()
    policy_ref: str = ""
    theme: str = ""
    width: int = 1080

    def is_empty(self) -> bool:
        return not self.sections and not self.images

    def plain_text(self) -> str:
        """Every string in the sections, in order: the words the image shows."""
        out: list[str] = [self.title, self.subtitle]

        def walk(value: Any) -> None:
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                out.append(str(value))
            elif isinstance(value, dict):
                for k, v in value.items():
                    if k != "type":
                        walk(v)
            elif isinstance(value, (list, tuple)):
                for v in value:
                    walk(v)

        walk(list(self.sections))
        return "\n".join(t for t in out if t)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "sections": [dict(s) for s in self.sections],
            "images": list(self.images),
            "policy_ref": self.policy_ref,
            "theme": self.theme,
            "width": self.width,
        }

    @classmethod
    def from_dict(cls, d: dict) -> ExplainerPiece:
        return cls(
            title=d.get("title", ""),
            subtitle=d.get("subtitle", ""),
            sections=tuple(dict(s) for s in d.get("sections", ())),
            images=tuple(d.get("images", ())),
            policy_ref=d.get("policy_ref", ""),
            theme=d.get("theme", ""),
            width=int(d.get("width", 1080) or 1080),
        )


@dataclass(frozen=True)
class OtherForm:
    """专家解读、媒体解读、在线访谈… published elsewhere (url) or shipped as a media file."""

    form: str
    title: str
    url: str = ""
    file: str = ""
    date: str = ""
    policy_ref: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "form": self.form,
            "title": self.title,
            "url": self.url,
            "file": self.file,
            "date": self.date,
            "policy_ref": self.policy_ref,
        }

    @classmethod
    def from_dict(cls, d: dict) -> OtherForm:
        return cls(**{k: d.get(k, "") for k in ("form", "title", "url", "file", "date", "policy_ref")})


@dataclass(frozen=True)
class OthersPiece:
    items: tuple[OtherForm, ...] = ()

    def is_empty(self) -> bool:
        return not self.items

    def plain_text(self) -> str:
        return "\n".join(f"{i.form} {i.title}" for i in self.items)

    def to_dict(self) -> dict[str, Any]:
        return {"items": [i.to_dict() for i in self.items]}

    @classmethod
    def from_dict(cls, d: dict) -> OthersPiece:
        return cls(items=tuple(OtherForm.from_dict(i) for i in d.get("items", ())))


Piece = PolicyPiece | TextPiece | FaqPiece | ExplainerPiece | OthersPiece

_PIECE_TYPES: dict[str, type[Piece]] = {
    POLICY: PolicyPiece,
    INTERPRETATION: TextPiece,
    EXPLAINER: ExplainerPiece,
    FAQ: FaqPiece,
    CONSULTATION: TextPiece,
    OTHERS: OthersPiece,
}


def piece_from_dict(key: str, data: dict) -> Piece:
    return _PIECE_TYPES[key].from_dict(data)


@dataclass(frozen=True)
class Pieces:
    policy: PolicyPiece = field(default_factory=PolicyPiece)
    interpretation: TextPiece = field(default_factory=TextPiece)
    explainer: ExplainerPiece = field(default_factory=ExplainerPiece)
    faq: FaqPiece = field(default_factory=FaqPiece)
    consultation: TextPiece = field(default_factory=TextPiece)
    others: OthersPiece = field(default_factory=OthersPiece)

    def get(self, key: str) -> Piece:
        return getattr(self, key)

    def text_piece(self, key: str) -> TextPiece:
        """The interpretation or the consultation notice: the two pieces that are titled texts."""
        piece = self.get(key)
        if not isinstance(piece, TextPiece):
            raise KeyError(f"{key} is not a text piece")
        return piece

    def with_piece(self, key: str, piece: Piece) -> Pieces:
        # The field is chosen at run time, so its type cannot be checked here.
        changes: dict[str, Any] = {key: piece}
        return replace(self, **changes)

    def present(self, key: str) -> bool:
        return not self.get(key).is_empty()

    def present_companions(self) -> list[str]:
        return [k for k in COMPANION_KEYS if self.present(k)]

    def to_dict(self) -> dict[str, dict]:
        return {k: self.get(k).to_dict() for k in PIECE_KEYS}

    @classmethod
    def from_dict(cls, d: dict) -> Pieces:
        fields: dict[str, Any] = {k: piece_from_dict(k, d.get(k, {})) for k in PIECE_KEYS}
        return cls(**fields)
