"""Text files in the encodings offices use: UTF-8, GB18030/GBK, UTF-16.

Without a byte-order mark the encoding is decided by decoding the bytes each way and
keeping the reading made of everyday Chinese characters; bytes that read as plausible
text in no encoding are refused with a message saying how to re-save the file.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.ingest.document import ImportedDocument

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PLAUSIBLE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2018-\u201d\u2026\u2014\u00b7]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
# Characters that make up most of any modern Chinese text (general and 公文 vocabulary).
# A wrong decoding yields rare characters instead, so their share tells readings apart.
COMMON_HANZI = frozenset(
    "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其"
    "里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没"
    "公从已业本度水理政由部所现制加机量更点实开等平力特信工把各重条明问题代利位最区全被性期提区解表总级"
    "建设发展管理服务企业市场策规范施推进强完善办通知意见关于府省县乡镇村社会保障就创新技术产品资金补贴"
    "标准申请条件审核批准认定按照依据应当须必严格落实责任组织领导单位机构人员负责相关有关具体范围内容措"
    "施方案计划目标任务要求情况问题原则基本主要重点积极鼓励支持促进引导培育优化改革创新健全体系制度监督"
    "检查评估考核公开公示信息数据网络平台系统安全环境生态保护资源能源交通运输住房城乡居民群众家庭学生教"
    "育医疗卫生健康文化旅游体育农业农村经济金融财政税收投资项目工程质量价格收费合同登记注册许可备案材料"
    "证明文件报告年度季月日时号第一二三四五六七八九十百千万亿元以上以下及其或者并且但是如果因为所以可以应"
    "该能够已经正在将要通过根据按照为了对于关于由于除了包括属于作为成为进行开展实行执行办理处理使用享受"
    "获得取得提供提出制定修订废止印发转发贯彻负组织协调配合统筹指导帮助解决加快提高扩大增加减少降低控制"
    "防范风险应急处置违法违规处罚追究法律法规行政司法公安市场监管人力资源社会保障自然环境住房城乡建设"
    "附件此件公开发布抄送印发主送联系电话地址邮编网站年份日期说明解读问答背景依据目的意义适用对象"
    "测试验收送达届满满足符合承担承诺签订签署约定期限延长缩短截止起止之日内外前后左右东南西北春夏秋冬"
    "早晚今明昨周末节假休息上班下午晚上白天夜间城市街道社区小区楼房屋租购买卖售商店餐饮食品药品器械车辆"
)


def _common_share(text: str) -> float:
    hanzi = _CJK.findall(text)
    if not hanzi:
        return 0.0
    return sum(1 for c in hanzi if c in COMMON_HANZI) / len(hanzi)


def _score(text: str) -> float:
    """How much `text` looks like a Chinese office document (higher is better)."""
    if not text:
        return 0.0
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        return 0.0
    hanzi = len(_CJK.findall(text))
    ascii_chars = sum(1 for c in text if c < "\x80")
    other = len(text) - hanzi - ascii_chars
    if hanzi == 0:
        # Plain ASCII (or nearly): any encoding agrees; prefer it only when nothing else is odd.
        return 0.5 if other <= len(text) // 50 else 0.0
    if other > hanzi:
        return 0.0  # mostly symbols, kana, accented letters: a wrong decoding
    return _common_share(text)


def _clean(text: str) -> bool:
    """Only Chinese characters, ASCII and CJK or full-width punctuation."""
    return bool(text) and all(c < "\x80" or _PLAUSIBLE.match(c) for c in text) and not _CONTROL.search(text)


def _attempts(raw: bytes) -> list[tuple[str, str]]:
    readings: list[tuple[str, str]] = []
    for encoding in ("utf-8", "gb18030", "utf-16-le", "utf-16-be"):
        if encoding.startswith("utf-16") and len(raw) % 2:
            continue
        try:
            readings.append((encoding, raw.decode(encoding)))
        except UnicodeDecodeError:
            continue
    return readings


def decode(raw: bytes, name: str) -> str:
    """The text of `raw`, in whichever of the office encodings it was saved."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                break
    if not raw:
        return ""
    readings = _attempts(raw)
    # Valid UTF-8 is almost never an accident of another encoding (UTF-16 of ASCII
    # text is valid UTF-8 too, but full of NUL characters).
    for encoding, text in readings:
        if encoding == "utf-8" and len(_CONTROL.findall(text)) <= max(2, len(text) // 200):
            return text
    scored = sorted(((_score(t), e, t) for e, t in readings), reverse=True)
    if scored and scored[0][0] >= 0.25:
        return scored[0][2]
    # Short texts may hold no common character at all: accept the one clean reading.
    clean = [t for _, _, t in scored if _clean(t)]
    if len(clean) == 1:
        return clean[0]
    raise InvalidInput(f"无法识别“{name}”的文字编码（不是 UTF-8、GB18030/GBK 或 UTF-16），或文件不是文本文件。"
                       "请用记事本或 WPS 将其另存为“UTF-8”编码的文本后再导入。")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an InvalidInput saying why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"找不到文件“{path}”。请检查路径。") from None
    except IsADirectoryError:
        raise InvalidInput(f"“{path}”是文件夹，不是文件。") from None
    except PermissionError:
        raise InvalidInput(f"没有权限读取“{path}”。请确认文件未被其他程序独占打开。") from None
    except OSError as e:
        raise InvalidInput(f"读取“{path}”失败：{e.strerror or e}。") from None


def text_from_bytes(raw: bytes, name: str, plain: bool) -> str:
    """Markdown from the bytes of a .md (plain=False) or .txt (plain=True) file."""
    text = decode(raw, name).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # Comments never belong on a public page; they may hold drafting notes.
    text = _HTML_COMMENT.sub("", text)
    if plain:
        # Plain text puts one paragraph on a line; Markdown needs a blank line between them.
        text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    text = text.strip()
    if not text:
        raise InvalidInput(f"文件“{name}”是空的，没有可导入的内容。")
    return text + "\n"


_DECORATION = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)+")
_EMPHASIS = re.compile(r"\*\*|__")


def plain_lines(markdown: str) -> tuple[str, ...]:
    """Each non-empty line with heading marks, quote marks and bold marks taken off."""
    out: list[str] = []
    for line in markdown.splitlines():
        line = _EMPHASIS.sub("", _DECORATION.sub("", line)).strip()
        if line:
            out.append(line)
    return tuple(out)


def read_text_document(path: Path) -> ImportedDocument:
    path = Path(path)
    markdown = text_from_bytes(read_bytes(path), path.name, plain=path.suffix.lower() == ".txt")
    return ImportedDocument(path.name, markdown, plain_lines(markdown))


def read_text(path: Path) -> str:
    """The text of a .md or .txt file, as Markdown, with line endings normalised."""
    path = Path(path)
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise InvalidInput(f"“{path.name}”不是 .md 或 .txt 文件。")
    return read_text_document(path).markdown
