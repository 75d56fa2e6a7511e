"""How the editors' previews look: as the published web page, or as a printed 公文 (GB/T 9704).

GB/T 9704: title in 小标宋 二号 (22 pt); body in 仿宋 三号 (16 pt), first line indented two
characters; 一级标题 黑体, 二级标题 楷体, both 三号. Qt's rich text takes a rule per element
(a body rule is not inherited), so paragraphs name their face and size themselves. The families name the usual Windows fonts first, then the free CJK families the studio
ships with, so a machine without the office fonts still shows the right kind of face.
"""

from __future__ import annotations

WEB = "web"
GONGWEN = "gongwen"
STYLE_LABELS = {WEB: "网页样式", GONGWEN: "公文样式"}

WEB_CSS = """
body { line-height: 1.75; color: #1f1f1f; }
h1, h2, h3 { color: #8c1c13; }
table { border-collapse: collapse; }
td, th { border: 1px solid #c8c8c8; padding: 4px 8px; }
"""

_SONG = "'FZXiaoBiaoSong-B05S', '方正小标宋简体', 'SimSun', 'Noto Serif CJK SC', serif"
_FANG = "'FangSong', '仿宋_GB2312', '仿宋', 'STFangsong', 'Noto Serif CJK SC', serif"
_HEI = "'SimHei', '黑体', 'Noto Sans CJK SC', sans-serif"
_KAI = "'KaiTi', '楷体_GB2312', '楷体', 'STKaiti', 'Noto Serif CJK SC', serif"

GONGWEN_CSS = f"""
body {{ font-family: {_FANG}; font-size: 16pt; color: #000000; }}
h1 {{ font-family: {_SONG}; font-size: 22pt; font-weight: normal; text-align: center; }}
h2 {{ font-family: {_HEI}; font-size: 16pt; font-weight: normal; }}
h3 {{ font-family: {_KAI}; font-size: 16pt; font-weight: normal; }}
h4, h5, h6 {{ font-family: {_FANG}; font-size: 16pt; font-weight: bold; }}
p, li {{ font-family: {_FANG}; font-size: 16pt; text-indent: 42px; margin-top: 0; margin-bottom: 0; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #000000; padding: 4px 8px; font-size: 14pt; }}
"""

CSS = {WEB: WEB_CSS, GONGWEN: GONGWEN_CSS}
