"""Judging progress: pure functions from targets and observations to results (method.md)."""

from .judge import judge

__all__ = ["judge"]
