"""Application services: one function per user action.

Each opens one unit of work, checks permissions and rules, writes the audit record and returns
plain frozen data. The CLI and the GUI call these; neither touches the database directly.
"""
