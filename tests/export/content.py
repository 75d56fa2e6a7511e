"""Texts, people and images for the export tests' library (built through the studio's operations)."""

from __future__ import annotations

import io
from datetime import date

from studio.domain.pieces import FaqItem

TODAY = date(2026, 3, 10)
BASE_URL = "https://www.minghu.gov.cn/zcwjk"
SITE_NAME = "明湖市人民政府"

# Internal people and words that must never reach a bundle.
DRAFTER, REVIEWER1, REVIEWER2, SIGNER, PUBLISHER = "张起草", "李初审", "王复审", "赵审签", "刘发布"
OFFICE = "市政府办公室秘书二处"
RETURN_COMMENT = "退回意见：第三条补贴标准需与财政局再次核对"
REVIEW_COMMENT = "初审意见：保密性审查无异议"
REVIEW2_COMMENT = "复审意见：导向性准确性无异议"
SIGN_COMMENT = "审签意见：同意发布"
WITHHELD_SECRET = "内部测算口径不宜公开的第七条"
WITHHELD_REASON = "涉及内部测算，依据条例第十六条不予公开"
EXIF_ARTIST = "王复审的相机"
EXIF_PATH = "/home/zhangqicao/机密资料/照片原件.jpg"

TENANT_POLICY = """# 明湖市人民政府办公室关于印发《明湖市青年人才租房补贴办法》的通知

明政办规〔2026〕2号

各区县人民政府，市政府各部门：

现将《明湖市青年人才租房补贴办法》印发给你们，请认真贯彻执行。

明湖市人民政府办公室

2026年3月5日

## 明湖市青年人才租房补贴办法

第一条 为吸引青年人才来明湖就业创业，制定本办法。

第二条 本办法适用于在本市就业、年龄在35周岁以下的高校毕业生。

第三条 租房补贴标准如下：

| 学历 | 每月补贴 | 最长期限 |
|---|---|---|
| 本科 | 500元 | 24个月 |
| 硕士研究生 | 800元 | 24个月 |
| 博士研究生 | 1200元 | 36个月 |

第四条 申请人可登录[明湖就业服务平台](https://jiuye.minghu.gov.cn/)在线申请。

第五条 本办法自2026年4月1日起施行。
"""

TENANT_INTERPRETATION = """# 《明湖市青年人才租房补贴办法》政策解读

近日，市政府办公室印发《明湖市青年人才租房补贴办法》（明政办规〔2026〕2号）。现解读如下。

## 一、出台背景和依据

为落实人才强市战略，根据有关规定，制定《明湖市青年人才租房补贴办法》。

## 二、目标任务

减轻青年人才租房负担，三年内吸引高校毕业生2万人来明湖就业。

## 三、主要内容

租房补贴本科每月500元、硕士研究生每月800元、博士研究生每月1200元。

## 四、涉及范围

在本市就业、35周岁以下的高校毕业生。

## 五、注意事项

补贴不得与其他住房补贴重复享受。咨询电话：[0599-87000000](tel:0599-87000000)。

办法全文见明湖市人民政府门户网站www.minghu.gov.cn，国家政策可查询https://www.gov.cn/zhengce/xxgk/。
"""

TENANT_CONSULTATION = """# 关于公开征求《明湖市青年人才租房补贴办法（征求意见稿）》意见的公告

为做好青年人才安居工作，现将《明湖市青年人才租房补贴办法（征求意见稿）》向社会公开征求意见。

一、征求意见时间：2026年1月5日至2026年2月6日。

二、意见反馈方式：电子邮件发送至 zjj@minghu.gov.cn。
"""

TENANT_FAQ = [
    FaqItem("租房补贴每月多少钱？", "本科每月500元，硕士研究生每月800元，博士研究生每月1200元。"),
    FaqItem("在哪里申请？", "登录[明湖就业服务平台](https://jiuye.minghu.gov.cn/)在线申请，无需提交纸质材料。"),
    FaqItem("已经领取购房补贴还能领租房补贴吗？", "不能。购房补贴与租房补贴不重复享受。"),
]

TENANT_EXPLAINER = {
    "title": "一图读懂《明湖市青年人才租房补贴办法》",
    "subtitle": "明政办规〔2026〕2号",
    "sections": [
        {"type": "figures", "heading": "补贴标准", "items": [
            {"value": "500", "unit": "元/月", "label": "本科"},
            {"value": "800", "unit": "元/月", "label": "硕士研究生"},
            {"value": "1200", "unit": "元/月", "label": "博士研究生"}]},
        {"type": "steps", "heading": "怎么申请", "items": ["登录明湖就业服务平台", "在线提交材料", "审核通过后按月发放"]},
    ],
}

TENANT_META = {
    "title": "明湖市人民政府办公室关于印发《明湖市青年人才租房补贴办法》的通知",
    "doc_number": "明政办规〔2026〕2号",
    "organ": "明湖市人民政府办公室",
    "date_written": "2026年3月5日",
    "index_number": "11330599MB0000000A/2026-00002",
    "topic": "城乡建设、环境保护\\住房保障",
    "subject_words": "住房 租房补贴 高校毕业生",
    "kind": "规范性文件",
    "disclosure": "主动公开",
    "validity": "现行有效",
    "interpreter_org": "明湖市住房和城乡建设局",
    "interpreter_person": "周明远（住房保障处处长）",
    "interpreter_contact": "0599-87000000",
    "consultation_start": "2026-01-05",
    "consultation_end": "2026-02-06",
    "consultation_feedback": "收到意见建议12条，采纳5条，主要采纳了提高博士研究生补贴标准的建议。",
    "affects_business": "否",
}

SIMPLE_INTERPRETATION = """# 《{short}》政策解读

《{short}》（{number}）已印发。

## 一、背景依据

根据有关规定制定。

## 二、目标任务

规范相关工作。

## 三、主要内容

明确工作要求。

## 四、涉及范围

全市有关单位。

## 五、注意事项

按规定执行。
"""


def simple_meta(title: str, number: str, n: int, **extra: str) -> dict[str, str]:
    return {
        "title": title, "doc_number": number, "organ": "明湖市人民政府", "date_written": "2026年3月5日",
        "index_number": f"11330599MB0000000A/2026-{n:05d}", "topic": "综合政务\\其他", "kind": "其他",
        "disclosure": "主动公开", "validity": "现行有效", "interpreter_org": "明湖市司法局",
        "interpreter_person": "孙立", "interpreter_contact": "0599-87000001", **extra,
    }


def image_with_metadata(fmt: str) -> bytes:
    """A small picture carrying EXIF (artist, a local path) and, for PNG, a text chunk."""
    from PIL import Image, PngImagePlugin

    img = Image.new("RGB", (64, 48), (200, 30, 40))
    exif = Image.Exif()
    exif[0x013B] = EXIF_ARTIST  # Artist
    exif[0x010E] = EXIF_PATH  # ImageDescription
    out = io.BytesIO()
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", EXIF_ARTIST)
        info.add_text("Source", EXIF_PATH)
        img.save(out, "PNG", pnginfo=info, exif=exif)
    else:
        img.save(out, "JPEG", exif=exif, comment=EXIF_PATH.encode("utf-8"))
    return out.getvalue()
