"""The few labels drawn differently from the platform style.

Each is styled on the label itself, never through an application-wide style sheet: a sheet on
the application makes Qt style every widget through its (slower) style-sheet engine, which
costs the first paint about 20 ms for four labels.
"""

HEADING = "font-size: 15px; padding: 4px 0;"
FIELD_NOTE = "color: #b3261e;"
BANNER = {
    "locked": "background:#fdecea; color:#8c1c13; padding:6px; border:1px solid #e4a19b; border-radius:4px;",
    "info": "background:#e8f0fe; color:#174ea6; padding:6px; border:1px solid #a8c1f0; border-radius:4px;",
}
