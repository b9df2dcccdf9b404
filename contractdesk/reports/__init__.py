"""Reports and exports written from plain data: no Qt, no database."""
