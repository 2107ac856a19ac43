"""Judging progress: pure functions from targets and observations to results (method.md)."""

from .report import judge

__all__ = ["judge"]
