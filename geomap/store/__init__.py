"""The incident store (an embedded SQLite database)."""
