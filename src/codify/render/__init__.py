"""Shared pieces of every generator: safe Markdown, templates, branding and atomic writes."""
