"""Errors rasd raises. The library raises; only the command line prints them (one line, non-zero exit).

Each message names the input and the reason, and where possible what to do next.
"""
from __future__ import annotations

__all__ = ["RasdError", "InputError", "EncodingError", "LanguageError", "TooLargeError", "StoreError",
           "DateError", "ModelError", "PipelineError"]


class RasdError(Exception):
    """Base of every error rasd raises on purpose. `exit_code` is what the command line returns."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(RasdError):
    """An input cannot be read as an article (empty, binary, malformed, no text)."""

    exit_code = 3


class EncodingError(InputError):
    """The bytes are not text in any encoding rasd recognises."""


class LanguageError(InputError):
    """The text is not Arabic; nothing is stored."""


class TooLargeError(InputError):
    """The input is over the configured size limit."""


class DateError(RasdError):
    """A date given by the user (e.g. --published) is not a real calendar date."""

    exit_code = 2


class ModelError(RasdError):
    """An entity model named by the user (--ner-model, RASD_NER_MODEL) cannot be loaded."""

    exit_code = 2


class StoreError(RasdError):
    """The database cannot be opened, read or written; nothing already stored was changed."""

    exit_code = 4


class PipelineError(RasdError):
    """A stage failed or broke its contract; the message names the stage and the article."""

    exit_code = 5
