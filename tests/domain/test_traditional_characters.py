"""A policy cited or linked in Traditional characters is the same policy."""

from __future__ import annotations

from studio.domain.metadata import Metadata
from studio.domain.references import match, names_policy
from studio.domain.script import simplified

META = Metadata(title="国务院关于印发《关于进一步优化营商环境的若干措施》的通知", doc_number="国发〔2024〕3号",
                organ="国务院")


def test_traditional_title_and_abbreviation_match():
    assert match("《國務院關於印發〈關於進一步優化營商環境的若干措施〉的通知》", META) == "exact"
    assert match("《關於進一步優化營商環境的若干措施》", META) in ("exact", "abbreviation")
    assert match("《營商環境若干措施》", META) == ""  # still no match for a different name


def test_traditional_text_names_the_policy():
    assert names_policy("為落實《關於進一步優化營商環境的若干措施》，現就有關事項解讀如下。", META)
    assert names_policy("依據國發〔2024〕3號文件", META)


def test_simplified_text_is_returned_as_it_is():
    text = "明湖市人民政府关于支持高校毕业生就业创业的若干措施〔2024〕"
    assert simplified(text) is text
    assert simplified("臺灣地區著作權") == "台湾地区著作权"
