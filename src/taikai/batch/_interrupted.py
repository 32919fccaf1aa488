"""The stop of a batch run by Ctrl-C or SIGTERM, with what it left said (:class:`Interrupted`)."""

from __future__ import annotations


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a run; :attr:`message` says what it left: the local engine keeps its partial
    output for ``--resume`` (none before a chunk is saved); the Dask engine, stopped while it closed its cluster,
    has its output complete already."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
