"""Finsam Slutrapport: the report model, validation, drafts and export, free of Qt."""

__version__ = "0.1.0"
