"""Allow `python -m codify`."""

from codify.cli import main

main()
