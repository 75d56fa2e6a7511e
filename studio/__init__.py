"""政策解读工作室 — policy interpretation studio."""

__version__ = "0.1.0"
APP_NAME = "政策解读工作室"
