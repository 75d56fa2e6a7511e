"""The domain: policy packages, their pieces and metadata, the rules and the workflow.

Plain Python with no Qt and no file access: functions take domain objects and return
new objects, events and findings.
"""
