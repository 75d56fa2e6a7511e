"""Packages for tests, built with the domain's own edit and workflow functions."""

from __future__ import annotations

import uuid
from datetime import date

from studio.domain import edits, workflow
from studio.domain.package import Package
from studio.domain.pieces import FaqItem
from studio.domain.settings import RuleSettings

TODAY = date(2026, 3, 10)
AT = "2026-03-10T10:00:00+08:00"

POLICY_BODY = """各区县人民政府，市政府各部门：

现将《明湖市青年人才租房补贴办法》印发给你们，请认真贯彻执行。

第一条 为吸引青年人才，制定本办法。

第二条 本办法适用于在本市就业、年龄在35周岁以下的高校毕业生。

第三条 租房补贴标准为每人每月500元，最长发放24个月。

第四条 本办法自2026年4月1日起施行。
"""

INTERPRETATION_BODY = """## 一、出台背景和依据

为落实人才强市战略，根据有关规定，制定《明湖市青年人才租房补贴办法》。

## 二、目标任务

减轻青年人才租房负担。

## 三、主要内容

租房补贴每人每月500元，最长24个月。

## 四、适用范围

在本市就业、35周岁以下的高校毕业生。

## 五、注意事项

补贴不得与其他住房补贴重复享受。
"""

CONSULTATION_BODY = "关于公开征求《明湖市青年人才租房补贴办法（征求意见稿）》意见的公告\n\n现公开征求意见。\n"

EXPLAINER = {
    "title": "一图读懂租房补贴",
    "sections": [{"type": "figures", "heading": "补贴标准", "items": [{"value": "500", "unit": "元/月", "label": "租房补贴"}]}],
}

META = {
    "title": "明湖市人民政府办公室关于印发《明湖市青年人才租房补贴办法》的通知",
    "doc_number": "明政办规〔2026〕2号",
    "organ": "明湖市人民政府办公室",
    "date_written": "2026年3月5日",
    "index_number": "11330599MB0000000A/2026-00002",
    "topic": "城乡建设、环境保护\\住房保障",
    "kind": "规范性文件",
    "disclosure": "主动公开",
    "validity": "现行有效",
    "interpreter_org": "明湖市住房和城乡建设局",
    "interpreter_person": "李明",
    "interpreter_contact": "0599-87000000",
    "consultation_start": "2026-01-05",
    "consultation_end": "2026-02-06",
    "consultation_feedback": "收到意见5条，采纳2条。",
    "affects_business": "是",
}

DRAFTER, REVIEWER1, REVIEWER2, SIGNER = "张起草", "李初审", "王复审", "赵审签"


def settings(**overrides) -> RuleSettings:
    return RuleSettings(**overrides)


def draft(**meta) -> Package:
    """A complete package in draft: every piece present, linked both ways."""
    package = Package(id=str(uuid.uuid4()), created_by=DRAFTER, created_at=AT)
    package = edits.set_metadata(package, {**META, **meta}).package
    package = edits.set_policy_body(package, POLICY_BODY).package
    package = edits.set_text_piece(package, "interpretation", INTERPRETATION_BODY, "《明湖市青年人才租房补贴办法》政策解读").package
    package = edits.set_text_piece(package, "consultation", CONSULTATION_BODY, "征求意见公告").package
    package = edits.set_faq(package, [FaqItem("补贴多少？", "每人每月500元。")]).package
    package = edits.set_explainer(package, EXPLAINER).package
    return package


def signed(package: Package | None = None, rule_settings: RuleSettings | None = None) -> Package:
    s = rule_settings or settings()
    p = package or draft()
    p = workflow.submit(p, DRAFTER).package
    p = workflow.review(p, REVIEWER1, AT, s).package
    p = workflow.review(p, REVIEWER2, AT, s).package
    return workflow.sign(p, SIGNER, AT, s).package


def released(package: Package | None = None) -> Package:
    return workflow.release(signed(package), "刘发布", AT, TODAY, settings()).package
