"""The web bundle: a released package, or a library of them, as a folder a website can publish.

`studio.render.export.exporter` is the entry point; the other modules each hold one
concern (page contexts, listing, search index, feed, sitemap, JSON-LD, manifest,
the atomic bundle writer, the incremental export state).
"""
