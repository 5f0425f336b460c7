"""codify: codify health-care innovations so that they spread."""

__version__ = "0.1.0"
