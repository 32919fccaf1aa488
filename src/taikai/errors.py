"""Exceptions that carry a message for the user: what went wrong and what to do."""


class TaikaiError(Exception):
    """Base of every error taikai reports to the user instead of a traceback."""


class ModelError(TaikaiError):
    """A model cannot be found, verified or loaded."""


class ModelNotFoundError(ModelError):
    """A model directory, or the metadata that makes it one, does not exist."""


class InputError(TaikaiError):
    """Input data cannot be read or lacks what is needed (file, column, line)."""


class RulesError(InputError):
    """A coding-rules file cannot be read, or one of its rules is wrong (named with the file, line and rule)."""


class DataWarning(UserWarning):
    """Something in the data or the model a user should know (rows read with U+FFFD, training rows evaluated).

    The command line prints these as ``taikai: warning: …`` on stderr.
    """
