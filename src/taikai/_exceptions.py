"""The exceptions and warnings taikai gives its users, defined here below every module that raises them.

Their public path is :mod:`taikai.errors`, which re-exports them with the argument checks that raise them; each
keeps ``taikai.errors`` as its module, as tracebacks and pickles name it."""

from __future__ import annotations


class TaikaiError(Exception):
    """Base of every error taikai reports to the user instead of a traceback."""

    __module__ = "taikai.errors"


class ModelError(TaikaiError):
    """A model cannot be found, verified or loaded."""

    __module__ = "taikai.errors"


class ModelNotFoundError(ModelError):
    """A model directory, or the metadata that makes it one, does not exist."""

    __module__ = "taikai.errors"


class InputError(TaikaiError, ValueError):
    """Input data cannot be read or lacks what is needed (file, column, line), or an argument's value is wrong.

    A ``ValueError`` too, as scikit-learn's and pandas' errors of bad input are: ``except ValueError`` around a
    taikai call catches it (and :class:`RulesError`, a kind of it)."""

    __module__ = "taikai.errors"


class RulesError(InputError):
    """A coding-rules file cannot be read, or one of its rules is wrong (named with the file, line and rule)."""

    __module__ = "taikai.errors"


class UnknownRuleLabelError(RulesError):
    """A rule's label is not one of the model's reasons (each such rule named, then the reasons to give instead);
    other problems of the same rules file may be said with it."""

    __module__ = "taikai.errors"


class MissingExtraError(ImportError):
    """An optional extra of taikai (report, dask) is not installed: says what needs which packages, why the import
    failed and what to install, in one sentence (:meth:`sentence` names another user, such as a CLI option)."""

    __module__ = "taikai.errors"

    def __init__(self, user: str, packages: str, extra: str, cause: ImportError) -> None:
        self.user = user
        self.packages = packages
        self.extra = extra
        self.cause = str(cause)
        super().__init__(self.sentence(user), name=cause.name, path=cause.path)

    def sentence(self, user: str) -> str:
        """Return the message with *user* as what needs the packages (the thing the reader asked for)."""
        return (
            f"{user} needs {self.packages}, which are not installed ({self.cause}); "
            f"install them with: pip install 'taikai[{self.extra}]'"
        )


class DataWarning(UserWarning):
    """Something in the data or the model a user should know (rows read with U+FFFD, training rows evaluated).

    The command line prints these as ``taikai: warning: …`` on stderr.
    """

    __module__ = "taikai.errors"
