"""Shared rule engines: the anchor scan, keyword tables, counts and dates."""
