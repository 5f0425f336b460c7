"""`codify schema`: print the JSON Schema that editors and other validators use."""

from __future__ import annotations

import click

from codify.commands._common import common_options


@click.command()
@common_options()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the spec format.

    The same schema is committed as spec/intervention.schema.json. Point an editor at it with a
    first line such as: # yaml-language-server: $schema=<path or URL to the schema>
    """
    from codify.schema import schema_text

    click.echo(schema_text(), nl=False)
