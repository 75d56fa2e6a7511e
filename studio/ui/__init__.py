"""The desktop studio (PySide6). Thin: it shows domain state and sends commands to the service layer."""
