"""The Nu HTML checker and axe-core (WCAG 2.1 A/AA) on exported pages, and what the page scripts do.

One Nu run for every page of both sites, one Chromium session for every page type in
normal and 适老化 mode.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from studio.render.export import layout
from tests.export.conftest import html_pages

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def nu_report(site, preview_site, web_tools):
    pages = html_pages(site.root) + html_pages(preview_site.root)
    jar = web_tools / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    done = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--exit-zero-always", *map(str, pages)],
                          capture_output=True, text=True, timeout=300)
    return pages, json.loads(done.stderr or done.stdout)


def _page_types(root: Path) -> list[str]:
    """One page of every kind the site has: each companion type, each policy variant, the site pages."""
    chosen = [layout.SITE_INDEX, layout.INTERPRETATIONS, layout.SEARCH]
    seen = set()
    for folder in sorted((root / layout.PACKAGES_DIR).iterdir()):
        meta = json.loads((folder / "metadata.json").read_text("utf-8"))
        variant = (meta["metadata"]["validity"], bool(meta["companions"]))
        for key, path in meta["pages"].items():
            kind = (key, variant) if key == "policy" else (key, (folder / "media").is_dir())
            if kind not in seen:
                seen.add(kind)
                chosen.append(path)
    return chosen


@pytest.fixture(scope="session")
def browser_report(site, web_tools, tmp_path_factory):
    work = tmp_path_factory.mktemp("browser")
    config = {
        "root": str(site.root),
        "pages": _page_types(site.root),
        "userDataDir": str(work / "profile"),
        "queries": ["租房补贴", "明政发〔2026〕7号", "租", "夜间经济", "内部测算"],
    }
    (work / "config.json").write_text(json.dumps(config, ensure_ascii=False), "utf-8")
    done = subprocess.run(["node", str(HERE / "browser_checks.js"), str(work / "config.json")],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "STUDIO_WEB_TOOLS": str(web_tools)})
    assert done.returncode == 0, done.stderr[-3000:]
    return config, json.loads(done.stdout)


def test_nu_checker_reports_no_errors_on_any_page(nu_report):
    pages, report = nu_report
    errors = [f"{m.get('url', '').rsplit('/', 3)[-3:]} {m.get('lastLine')}: {m['message']}"
              for m in report["messages"] if m["type"] == "error" or m.get("subType") == "fatal"]
    assert len(pages) >= 15
    assert errors == []


def test_axe_finds_no_wcag_violations_in_normal_or_large_text_mode(browser_report):
    config, report = browser_report
    assert len(report["axe"]) == 2 * len(config["pages"])
    failures = [(r["page"], r["mode"], v["id"], v["nodes"]) for r in report["axe"] for v in r["violations"]]
    assert failures == []


def test_large_text_mode_meets_the_elderly_friendly_sizes(browser_report):
    _, report = browser_report
    for style in report["styles"]:
        if style["mode"] == "large":
            assert style["large"], style
            assert style["fontSize"] >= 18, style
            assert style["lineHeight"] / style["fontSize"] >= 1.5, style
        else:
            assert not style["large"], style


def test_large_text_toggle_is_remembered_across_pages(browser_report):
    s = browser_report[1]["scenarios"]
    assert s["toggleVisible"] and s["pressedAfterClick"] == "true"
    assert s["largeOnNextPage"]["large"] and s["largeOnNextPage"]["fontSize"] >= 18
    assert not s["normalAfterSwitchOff"]["large"]


def test_listing_filters_work_without_a_server(browser_report):
    f = browser_report[1]["scenarios"]["filters"]
    assert f["total"] == 4
    assert f["validity"] == {"现行有效": 2, "已修订": 1, "已废止": 1}
    assert f["afterReset"] == 4


def test_bigram_search_finds_chinese_text_and_document_numbers(browser_report):
    results = browser_report[1]["scenarios"]["search"]
    assert len(results["租房补贴"]) == 1 and results["租房补贴"][0].endswith("/index.html")
    assert len(results["明政发〔2026〕7号"]) == 1
    assert results["租"] == results["租房补贴"]
    assert results["夜间经济"] == [] and results["内部测算"] == []


def test_pages_run_without_script_errors(browser_report):
    assert browser_report[1]["errors"] == []
