"""Explainer content for the tests: every section type and chart kind, and a policy
text that contains every number the explainer shows."""

from __future__ import annotations

import copy

from studio.domain.metadata import Metadata
from studio.domain.pieces import ExplainerPiece

META = Metadata(
    title="明湖市人民政府办公室关于印发《明湖市青年人才租房补贴办法》的通知",
    doc_number="明政办规〔2026〕2号",
    organ="明湖市人民政府办公室",
    date_written="2026年3月5日",
    interpreter_org="明湖市住房和城乡建设局",
)

POLICY = """各区县人民政府，市政府各部门：

第一条 为吸引青年人才来明湖、留明湖，制定本办法。

第二条 本办法适用于毕业5年内、35周岁以下的高校毕业生。

第三条 租房补贴标准为每人每月500元，最长发放24个月；一次性安家补贴3万元。

第四条 补贴资金共计1.2亿元，其中市级承担8000万元、区县承担4000万元。

第五条 申请人在线提交材料，区县住建部门自受理之日起15个工作日内完成审核。

第六条 本办法自2026年4月1日起施行，有效期至2028年3月31日。2024年、2025年分别受理申请3200人次、4100人次。
"""

INTERPRETATION = """## 一、出台背景
近年来我市每年新增高校毕业生约1.5万人。2026年计划受理5000人次。

## 二、主要内容
补贴资金1.2亿元，市级占三分之二。
"""

SECTIONS: dict[str, dict] = {
    "points": {"type": "points", "heading": "政策要点", "items": [
        "补贴对象：毕业5年内、35周岁以下的高校毕业生（含技工院校）",
        "在线申请，15个工作日内完成审核；不再要求提交纸质材料。",
    ]},
    "figures": {"type": "figures", "heading": "核心数字", "items": [
        {"value": "500", "unit": "元/月", "label": "租房补贴标准（每人）"},
        {"value": "24", "unit": "个月", "label": "最长发放期限"},
        {"value": "3", "unit": "万元", "label": "一次性安家补贴"},
    ]},
    "chart_bar": {"type": "chart", "heading": "受理人次", "chart": "bar",
                  "data": [["2024年", 3200], ["2025年", 4100], ["2026年（计划）", 5000]],
                  "caption": "单位：人次", "source": "办法第六条、政策解读"},
    "chart_barh": {"type": "chart", "heading": "资金来源", "chart": "barh",
                   "data": [["市级财政", 8000], ["区县财政", 4000]],
                   "caption": "单位：万元", "source": "办法第四条"},
    "chart_pie": {"type": "chart", "heading": "资金构成", "chart": "pie",
                  "data": [["市级财政", 8000], ["区县财政", 4000]],
                  "caption": "单位：万元", "source": "办法第四条"},
    "chart_line": {"type": "chart", "heading": "受理趋势", "chart": "line",
                   "data": [["2024年", 3200], ["2025年", 4100], ["2026年", 5000]],
                   "caption": "单位：人次", "source": "办法第六条、政策解读"},
    "steps": {"type": "steps", "heading": "怎么申请", "items": [
        "在线申请：登录“明湖人才”平台提交材料",
        "审核：15个工作日内完成",
        "发放：按月打卡发放",
    ]},
    "timeline": {"type": "timeline", "heading": "时间节点", "items": [
        {"date": "2026年4月1日", "text": "《办法》正式施行"},
        {"date": "2028年3月31日", "text": "有效期届满"},
    ]},
    "audience": {"type": "audience", "heading": "谁能申请", "items": [
        {"who": "应届高校毕业生", "conditions": "毕业5年内、35周岁以下，在本市就业并缴纳社会保险"},
        {"who": "技工院校毕业生", "conditions": ""},
    ]},
    "qa": {"type": "qa", "heading": "热点问答", "question": "已经领取过购房补贴还能申请吗？",
           "answer": "不能。租房补贴与购房补贴不得重复享受。"},
    "contact": {"type": "contact", "heading": "咨询方式", "org": "明湖市住房和城乡建设局", "phone": "0599-87000000"},
}


def piece(*keys: str, **overrides) -> ExplainerPiece:
    """An explainer with the named sections (all of them by default)."""
    chosen = keys or tuple(SECTIONS)
    data = {"title": "一图读懂《明湖市青年人才租房补贴办法》", "subtitle": "每人每月500元，最长24个月",
            "sections": [copy.deepcopy(SECTIONS[k]) for k in chosen], "width": 1080}
    data.update(overrides)
    return ExplainerPiece.from_dict(data)


def with_section(section: dict, **overrides) -> ExplainerPiece:
    return piece(**{"sections": [section], **overrides})
