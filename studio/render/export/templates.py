"""The page templates (Jinja2, autoescaping on) in assets/templates."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from studio.paths import assets_dir
from studio.render.export.text import display_date


def templates_dir():
    return assets_dir() / "templates"


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["gbt"] = display_date
    return env


def render(template: str, **context: Any) -> bytes:
    html = environment().get_template(template).render(**context)
    return html.encode("utf-8")
