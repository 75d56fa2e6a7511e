"""What an imported file stated, offered on the metadata page: each detected value beside
its field with 采纳, and 全部采纳 for the fields still empty.

Values the reader is not sure of are marked 请核对 and are adopted one by one only. The
widget sits on the metadata form without changing how the form edits (it adds rows to
the form's field boxes and a bar above them).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.domain.metadata import Metadata, label
from studio.ingest.metadata_proposals import Proposal
from studio.ui.metadata_form import MetadataForm

_ROW_STYLE = "color:#174ea6;"
_UNSURE_STYLE = "color:#8c4a00;"


class _FieldOffer(QWidget):
    adopt = Signal(str, str)

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.value = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.button = QPushButton("采纳", self)
        self.button.setObjectName(f"adopt_{key}")
        self.button.setAccessibleName(f"采纳识别到的{label(key)}")
        self.button.clicked.connect(lambda: self.adopt.emit(self.key, self.value))
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def offer(self, proposal: Proposal) -> None:
        self.value = proposal.value
        where = f"，见{proposal.where}" if proposal.where else ""
        check = "；请核对" if proposal.unsure else ""
        shown = proposal.value.replace("\n", "；")
        self.text.setText(f"识别到：{shown}（{where.lstrip('，')}{check}）" if where or check else f"识别到：{shown}")
        self.text.setStyleSheet(_UNSURE_STYLE if proposal.unsure else _ROW_STYLE)
        self.show()


class DetectedValues(QWidget):
    """The bar above the form; `adopt(values)` asks for the values to be set in one edit."""

    adopt = Signal(dict)

    def __init__(self, form: MetadataForm):
        inner = form.widget()
        assert inner is not None  # the form builds its inner widget before this attaches
        super().__init__(inner)
        self.setObjectName("detectedValues")
        self.proposals: dict[str, Proposal] = {}
        self.current = Metadata()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.setStyleSheet("#detectedValues { background:#e8f0fe; border:1px solid #a8c1f0; }")
        top = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.adopt_all = QPushButton("全部采纳（仅空白项）", self)
        self.adopt_all.setObjectName("adopt_all")
        self.adopt_all.setToolTip("把识别到的值填入仍为空的项；标有“请核对”的值须逐项核对后采纳。")
        self.adopt_all.clicked.connect(self._adopt_empty)
        self.dismiss = QPushButton("关闭", self)
        self.dismiss.clicked.connect(self.clear)
        top.addWidget(self.summary, 1)
        top.addWidget(self.adopt_all)
        top.addWidget(self.dismiss)
        layout.addLayout(top)
        self.offers: dict[str, _FieldOffer] = {}
        for key, box in form.boxes.items():
            offer = _FieldOffer(key, inner)
            offer.adopt.connect(lambda k, v: self.adopt.emit({k: v}))
            box.insertWidget(1, offer)
            self.offers[key] = offer
        outer = inner.layout()
        assert isinstance(outer, QVBoxLayout)  # the form's groups, top to bottom
        outer.insertWidget(0, self)
        self.hide()

    def show_proposals(self, proposals: list[Proposal], source: str, checked: dict[str, str] | None = None) -> None:
        """Offer what importing `source` found; `checked` are values put in that need checking."""
        self.proposals = {p.key: p for p in proposals if p.key in self.offers}
        notes = [f"{label(k)}“{v}”已暂填，请核对" for k, v in (checked or {}).items()]
        self.summary.setText(f"从“{source}”识别到 {len(self.proposals)} 项元数据，可在各项下方采纳。"
                             + ("".join(f"{n}。" for n in notes)))
        self.refresh(self.current)
        self.setVisible(bool(self.proposals or notes))

    def refresh(self, meta: Metadata) -> None:
        """Redraw against the package's values: an adopted value is no longer offered."""
        self.current = meta
        for key, offer in self.offers.items():
            p = self.proposals.get(key)
            if p is None or getattr(meta, key, "") == p.value:
                offer.hide()
            else:
                offer.offer(p)
        self.adopt_all.setEnabled(bool(self._empty_sure()))

    def _empty_sure(self) -> dict[str, str]:
        return {k: p.value for k, p in self.proposals.items()
                if not p.unsure and not getattr(self.current, k, "").strip()}

    def _adopt_empty(self) -> None:
        values = self._empty_sure()
        if values:
            self.adopt.emit(values)

    def clear(self) -> None:
        self.proposals = {}
        self.refresh(self.current)
        self.hide()
