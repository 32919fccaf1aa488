"""The command line lists the library's strategies without importing it."""

from taikai.cli._suggest import STRATEGIES
from taikai.suggestion import Strategy


def test_cli_strategies_are_the_library_strategies():
    assert tuple(s.value for s in Strategy) == STRATEGIES
