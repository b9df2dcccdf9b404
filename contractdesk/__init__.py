"""ContractDesk: contract management for NHS primary-care commissioners."""

__version__ = "0.1.0"
