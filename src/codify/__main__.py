"""Allow `python -m codify`."""

from codify.cli import entry

entry()
