"""Persistence: libraries of package folders, atomic TinyDB files, locks, the audit trail."""
