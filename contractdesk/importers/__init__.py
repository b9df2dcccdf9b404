"""Readers for the real NHS files: parse and validate every row, touch no database.

Each reader returns plain records plus a report of what it skipped and what is wrong; the
services decide whether to write (only when nothing is wrong) inside one transaction.
"""
