"""Differential test of the report against a clean-room implementation of the method."""
