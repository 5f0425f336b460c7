"""The errors the library raises when it cannot do what was asked.

Kept apart from codify.api, which re-exports them, so that code on `codify check`'s path can
raise them without importing the whole library; `codify.api` documents the rest of the family.
"""

from __future__ import annotations


class CodifyError(Exception):
    """codify cannot do what was asked; the message says why and names the file at fault.

    `exit_code` is the status the codify command exits with for it: 2 (the default) for input,
    settings or an output folder that cannot be used, 1 for problems in a spec or a site.
    Messages name the command-line option that matches an argument (--out for `out`).
    """

    exit_code: int = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class SettingsError(CodifyError):
    """The settings file cannot be read or is invalid (an unknown key, language or rule code),
    or its branding logo cannot be used."""


class InputError(CodifyError):
    """A spec path that does not exist, a folder with no spec in it, two specs with one id, or a
    spec file that changed while it was being read."""
