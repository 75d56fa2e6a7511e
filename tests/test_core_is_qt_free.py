"""The core never imports Qt, and the command line starts without heavy libraries."""

from __future__ import annotations

import subprocess
import sys

CORE = ["studio.domain", "studio.domain.rules", "studio.domain.workflow", "studio.domain.edits",
        "studio.store.library", "studio.store.package_file", "studio.service.operations",
        "studio.ingest.text_file", "studio.ingest.faq_text", "studio.ingest.reader",
        "studio.ingest.gongwen_metadata", "studio.service.importing", "studio.render", "studio.cli.main"]


def loaded_after_import(modules: list[str]) -> set[str]:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print('\\n'.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(out.split())


def test_core_modules_load_without_pyside6():
    loaded = loaded_after_import(CORE)
    assert not any(m.startswith(("PySide6", "shiboken6")) for m in loaded)


def test_command_line_does_not_load_plotting_or_templates_at_start():
    loaded = loaded_after_import(["studio.cli.main"])
    assert not any(m.split(".")[0] in {"matplotlib", "PIL", "jinja2", "PySide6", "docx", "lxml"} for m in loaded)
