"""Temporal expressions: recognise, compose, resolve (see docs/timex.md)."""

from .extract import extract

__all__ = ["extract"]
