"""Benchmark: cold start to the main window shown, the studio against ReText and a bare PySide6 window,
and the live preview refresh for a 20,000-character policy.

Run on demand:  .venv/bin/python benches/bench_startup.py [--runs 7] [--xvfb]
ReText (a PyQt6 Markdown editor) is installed by this script into benches/out/retext-venv, never
into the project. Every program is started the same way (see startup_probe.py): from process
start until its main window is exposed (the studio's with the library listed).
The studio is timed as a user meets it on any start after the first: its warm-up run opens the
library and finishes the scan, so the library's listing is kept in the (private) user cache.
--first-start removes that listing before every run, as on the very first start.
A fourth program, a PySide6 window with the same kinds of widgets on its first screen and no studio
code (same-widgets-pyside6), shows how much of the gap to the bare window is the widgets themselves.
The programs take turns run by run, so a busy moment of the machine falls on all of them alike.
Offscreen (default) targets: studio ≤ 0.7 × ReText and ≤ 1.5 × the bare window.
With --xvfb the three run in one real X server (Xvfb, 1920×1080) started by this script, as a
user's desktop would show them; targets there: ≤ 0.7 × ReText and ≤ 1.4 × the bare window.
Preview refresh target: ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RETEXT_VENV = HERE / "out" / "retext-venv"


def retext_python() -> Path:
    python = RETEXT_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(RETEXT_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "ReText==8.1.0"], check=True)
    return python


def open_once(env: dict[str, str]) -> None:
    """Open the library as a user would, until the scan has finished (the listing is then kept)."""
    proc = subprocess.run([sys.executable, "-m", "studio", "gui", str(ROOT / "projects")], capture_output=True,
                          text=True, env={**env, "STUDIO_EXIT_WHEN_READY": "1"}, timeout=120)
    if "ready " not in proc.stdout:
        raise RuntimeError(f"the studio did not list the library: {proc.stderr[-2000:]}")


def start_time(python: Path, args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run([str(python), str(HERE / "startup_probe.py"), *args], capture_output=True, text=True,
                          env=env, timeout=60)
    elapsed = time.perf_counter() - started
    if "\nshown " not in "\n" + proc.stdout:
        raise RuntimeError(f"{args[0]} did not show its window: {proc.stderr[-2000:]}")
    return elapsed


@contextlib.contextmanager
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server for the whole run; its display name."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("没有找到 Xvfb。请安装 xvfb（apt-get install -y xvfb）后再用 --xvfb 运行。")
    for number in range(90, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("Xvfb 未能启动。")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait()


def preview_refresh_ms(runs: int) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from studio.ui.markdown_editor import MarkdownEditor

    app = QApplication.instance() or QApplication([])
    paragraph = "第{n}条 为支持高校毕业生就业创业，对符合条件的毕业生给予每人每月500元租房补贴，最长发放24个月。\n\n"
    text = "## 一、总体要求\n\n" + "".join(paragraph.format(n=n) for n in range(1, 400))
    text = text[:20000]
    editor = MarkdownEditor("政策文件", with_title=False)
    editor.text.setPlainText(text)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        editor.refresh_preview()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--xvfb", action="store_true", help="在一个 Xvfb 真实 X 服务器中测量（而非 offscreen）")
    parser.add_argument("--first-start", action="store_true", help="每次运行前删除文件库列表缓存，如同首次启动")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        config = stack.enter_context(tempfile.TemporaryDirectory())
        platform = {"QT_QPA_PLATFORM": "offscreen"}
        if args.xvfb:
            platform = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": stack.enter_context(xvfb_display())}
        Path(config, "settings.json").write_text(json.dumps({"name": "基准用户", "office": "测试"}), "utf-8")
        env = {**os.environ, **platform, "STUDIO_CONFIG_DIR": config, "HOME": config, "XDG_CONFIG_HOME": config,
               "XDG_CACHE_HOME": str(Path(config, "cache")), "XDG_DATA_HOME": str(Path(config, "data")),
               "PYTHONPATH": str(ROOT)}
        # As on an installed machine: every program runs from compiled bytecode (the warm-up writes it).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        programs = {
            "studio": (Path(sys.executable), ["studio", str(ROOT / "projects")]),
            "retext": (retext_python(), ["retext"]),
            "bare-pyside6": (Path(sys.executable), ["bare-pyside6"]),
            "same-widgets": (Path(sys.executable), ["same-widgets-pyside6"]),
        }
        for python, probe_args in programs.values():  # warm the disk cache once, as a second start would be
            start_time(python, probe_args, env)
        open_once(env)
        listings = Path(config, "cache", "policy-studio", "listings")

        def timed(name: str, python: Path, probe_args: list[str]) -> float:
            if name == "studio" and args.first_start:
                shutil.rmtree(listings, ignore_errors=True)
            return start_time(python, probe_args, env)

        runs: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.runs):
            for name, (python, probe_args) in programs.items():
                runs[name].append(timed(name, python, probe_args))
        medians = {name: statistics.median(times) for name, times in runs.items()}
        for name, times in runs.items():
            print(f"{name:13s} start to window shown: median {medians[name] * 1000:.0f} ms "
                  f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times)})")
    where = ("Xvfb" if args.xvfb else "offscreen") + (", first start" if args.first_start else "")
    bare_target = 1.4 if args.xvfb else 1.5
    print(f"[{where}] studio / ReText = {medians['studio'] / medians['retext']:.2f} (target ≤ 0.7); "
          f"studio / bare window = {medians['studio'] / medians['bare-pyside6']:.2f} (target ≤ {bare_target}); "
          f"same widgets / bare window = {medians['same-widgets'] / medians['bare-pyside6']:.2f}; "
          f"studio / same widgets = {medians['studio'] / medians['same-widgets']:.2f}")
    print(f"preview refresh, 20,000-character policy: median {preview_refresh_ms(args.runs * 3):.1f} ms "
          f"(target ≤ 30 ms)")


if __name__ == "__main__":
    main()
