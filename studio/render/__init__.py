"""Rendering: Markdown to safe HTML, the graphic explainer image, the web bundle."""
