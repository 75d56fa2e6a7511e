"""Property: whatever Unicode a user types survives a save and a load unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.domain.metadata import METADATA_KEYS, Metadata
from studio.domain.package import Package
from studio.domain.pieces import FaqItem, FaqPiece, OtherForm, OthersPiece, Pieces, PolicyPiece, TextPiece
from studio.store.package_file import PackageFile

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)

packages = st.builds(
    lambda meta, policy, interp, faq, others: Package(
        id="p", created_by="张三", created_at="2026-01-01T00:00:00+08:00",
        metadata=Metadata(**meta),
        pieces=Pieces(policy=PolicyPiece(policy, ("interpretation",)),
                      interpretation=TextPiece(interp[0], interp[1], interp[2]),
                      faq=FaqPiece("问答", tuple(FaqItem(q, a) for q, a in faq)),
                      others=OthersPiece(tuple(OtherForm("专家解读", t, u) for t, u in others)))),
    st.fixed_dictionaries({k: text for k in METADATA_KEYS}),
    text,
    st.tuples(text, text, text),
    st.lists(st.tuples(text, text), max_size=4),
    st.lists(st.tuples(text, text), max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(package=packages)
def test_save_load_round_trip(package):
    with tempfile.TemporaryDirectory() as tmp:
        check_round_trip(PackageFile(Path(tmp) / "pkg"), package)


def check_round_trip(pf: PackageFile, package: Package) -> None:
    pf.save(package.to_dict(), [{"seq": 1, "comment": package.metadata.title}])
    stored = pf.load()
    assert Package.from_dict(stored.data) == package
    assert stored.events[0]["comment"] == package.metadata.title
    assert Package.from_dict(stored.data).package_hash() == package.package_hash()
