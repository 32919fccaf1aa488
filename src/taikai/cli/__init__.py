"""The ``taikai`` command line: parse and check arguments, call the library, print the result.

Each command imports the library inside its body, so that ``taikai --help`` and ``taikai CMD --help`` load only
click.
"""

from __future__ import annotations

import click

from taikai.cli._analysis import explain, keywords, report
from taikai.cli._batch import batch
from taikai.cli._common import Group
from taikai.cli._models import evaluate, info, train
from taikai.cli._predict import predict

__all__ = ["cli", "main"]


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="taikai")
def cli() -> None:
    """Say why freelancers left a crowdsourcing platform, and how they feel, from their Japanese reviews."""


for command in (predict, evaluate, train, info, batch, explain, keywords, report):
    cli.add_command(command)


def main() -> None:
    """Run the command line."""
    cli(prog_name="taikai")
