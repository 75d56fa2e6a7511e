"""The shipped demo library is read, never written: work goes to the user's own copy."""

from __future__ import annotations

from pathlib import Path

from studio.domain.errors import ActionRefused
from studio.paths import DEMO_NAME, is_bundled_demo, user_data_dir


def shipped_demo_refusal() -> str:
    copy = user_data_dir() / DEMO_NAME
    return (f"这是随工作室提供的示例文件库原件，不能修改。请在示例文件库的副本“{copy}”中操作"
            "（桌面窗口打开示例文件库时会自动建立并使用这个副本）。")


def refuse_shipped_demo(path: Path) -> None:
    if is_bundled_demo(Path(path)):
        raise ActionRefused(shipped_demo_refusal())
