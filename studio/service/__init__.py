"""The service layer: the one way the command line and the desktop change packages.

It joins the domain (edits, workflow, rules) with the store (files, locks, audit trail):
every change is saved atomically together with its audit events.
"""
