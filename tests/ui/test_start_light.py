"""The window starts with what its first screen needs; the package side loads when it is first used.

The library page shows titles, 发文字号, states and (once the rules have run) completeness. Crypto
(signing in), reading office files, the rules, the exporter and the package editor are not
needed for that, and loading them made the window appear later than a bare Qt window would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from studio.paths import bundled_demo_dir

ROOT = Path(__file__).resolve().parents[2]

# Libraries and studio modules of the package side: the library page does without them.
PACKAGE_SIDE = ("Cryptodome", "cffi", "pycparser", "gmalglib", "matplotlib", "PIL", "jinja2", "docx", "lxml", "rjieba",
                "studio.ingest", "studio.render", "studio.service.members", "studio.service.proof",
                "studio.store.key_store", "studio.ui.package_page", "studio.ui.markdown_editor", "studio.ui.dialogs",
                "studio.ui.export_dialog")
# Read only by the scanner, off the window's thread, once the window is being built (the rules
# after the rows are listed, for their completeness).
SCANNER = ("tinydb", "studio.store.package_file", "studio.domain.package", "studio.domain.pieces",
           "studio.domain.settings", "studio.domain.rules")


def _heavy(loaded: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in loaded if any(m == n or m.startswith(n + ".") for n in names))


def _run(code: str, tmp_path: Path) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "STUDIO_CONFIG_DIR": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env,
                         timeout=120).stdout
    return set(out.split())


def test_importing_the_window_loads_neither_the_package_side_nor_the_library_reader(tmp_path):
    loaded = _run("import sys\nimport studio.ui.app\nprint('\\n'.join(sorted(sys.modules)))", tmp_path)
    assert _heavy(loaded, PACKAGE_SIDE + SCANNER) == []


def test_asking_whether_the_library_signs_in_loads_no_package_reader(tmp_path):
    """Before the window is built the start asks whether the library has a roster: reading the
    library chain for it must not load the package reader."""
    code = f"""
import sys
import studio.ui.app
from studio.service.roster_presence import has_roster
assert has_roster({str(bundled_demo_dir())!r})
print('\\n'.join(sorted(sys.modules)))
"""
    assert _heavy(_run(code, tmp_path), PACKAGE_SIDE + SCANNER) == []


def test_the_listed_library_needs_no_crypto_ingest_or_editor(tmp_path):
    """Even once every row is listed and checked, nothing of the package side has been loaded."""
    library = tmp_path / "library"
    shutil.copytree(bundled_demo_dir(), library)
    code = f"""
import sys
from PySide6.QtCore import QCoreApplication, QThread
from studio.service.user_profile import UserSettings
from studio.ui.app import create_application
from studio.ui.main_window import MainWindow
app = create_application()
user = UserSettings.load()
user.name, user.office = "周敏", "就业促进处"
window = MainWindow({str(library)!r}, user)
window.show()
while not window.scanner.isFinished() or window.library_page.model.rowCount() == 0:
    QCoreApplication.processEvents()
    QThread.msleep(5)
QCoreApplication.processEvents()
assert window.library_page.model.rowCount() == 4, window.library_page.model.rowCount()
assert all(window.library_page.model.summary(r).checked for r in range(4))
print('\\n'.join(sorted(sys.modules)))
"""
    loaded = _run(code, tmp_path)
    assert "studio.ui.library_page" in loaded
    assert _heavy(loaded, PACKAGE_SIDE) == []


def test_the_first_listing_shows_the_rows_and_says_the_check_is_still_running(qtbot, library):
    """Rows listed before the rules have run say 检查中…, and the status line does not count 0 complete."""
    from studio.service.library_access import package_folders_of
    from studio.service.library_summary import quick_summary
    from studio.ui.library_page import LibraryPage

    page = LibraryPage()
    qtbot.addWidget(page)
    page.set_library(library)
    rows = [quick_summary(folder) for folder in package_folders_of(library)]
    page.model.add(rows)
    assert page.model.rowCount() == 4
    assert {page.model.index(r, 3).data() for r in range(4)} == {"检查中…"}
    assert [page.model.index(r, 0).data() for r in range(4)] == [s.title for s in rows]
    assert "共 4 个文件包" in page.count.text()
    assert "正在检查" in page.count.text()
    assert "齐全 0 个" not in page.count.text()


# A window started in a child process: prints what it listed before reading anything, then after its scan.
TWO_LISTINGS = """
import sys
from PySide6.QtCore import QCoreApplication, QThread
from studio.service.user_profile import UserSettings
from studio.ui.app import create_application
from studio.ui.main_window import MainWindow
app = create_application()
user = UserSettings.load()
user.name, user.office = "周敏", "就业促进处"
window = MainWindow(sys.argv[1], user)
model = window.library_page.model
print("at-once", [model.summary(r).folder.name for r in range(model.rowCount())])
print("reader-loaded", "studio.store.package_file" in sys.modules)
window.show()
while not window.scanner.isFinished():
    QCoreApplication.processEvents()
    QThread.msleep(5)
QCoreApplication.processEvents()
print("scanned", [model.summary(r).folder.name for r in range(model.rowCount())])
print("checked", all(model.summary(r).checked for r in range(model.rowCount())))
"""


def _start(library: Path, tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "STUDIO_CONFIG_DIR": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", TWO_LISTINGS, str(library)], check=True, capture_output=True,
                         text=True, env=env, timeout=120).stdout
    return dict(line.split(" ", 1) for line in out.splitlines() if " " in line)


def test_a_second_start_lists_the_library_before_reading_any_package(tmp_path):
    library = tmp_path / "library"
    shutil.copytree(bundled_demo_dir(), library)
    folders = str(sorted(p.name for p in library.iterdir() if (p / "package.json").is_file()))
    first = _start(library, tmp_path)
    assert first["at-once"] == "[]"  # nothing known yet: the scan lists them
    assert first["scanned"] == folders and first["checked"] == "True"
    again = _start(library, tmp_path)
    assert again["at-once"] == folders
    assert again["reader-loaded"] == "False"
    assert again["scanned"] == folders and again["checked"] == "True"


def test_a_package_changed_since_is_read_again_and_keeps_its_place(tmp_path):
    library = tmp_path / "library"
    shutil.copytree(bundled_demo_dir(), library)
    folders = sorted(p.name for p in library.iterdir() if (p / "package.json").is_file())
    _start(library, tmp_path)
    changed = library / folders[1] / "package.json"
    info = changed.stat()
    os.utime(changed, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))  # saved again since
    again = _start(library, tmp_path)
    assert again["at-once"] == str([f for f in folders if f != folders[1]])
    assert again["scanned"] == str(folders)
