"""The graphic explainer (政策图解) as a long image: Pillow composes the page, matplotlib
draws the charts (imported only while a chart is drawn).

`render` writes image files; `prepare` + `render_page` give the image in memory for a
preview. Alt text and transcript come from `studio.domain.explainer`.
"""

from studio.render.explainer.pipeline import (
    RENDERER_VERSION,
    Prepared,
    prepare,
    render,
    render_page,
    render_section,
)

__all__ = ["RENDERER_VERSION", "Prepared", "prepare", "render", "render_page", "render_section"]
