"""Start a classifying command quickly: import scikit-learn without the optional libraries it loads but never
uses here.

``import sklearn`` imports pandas (and through it pyarrow) only to keep a reference that no scikit-learn code
reads (``sklearn.utils.fixes.pd``), and ``sklearn.pipeline`` imports rich, when installed, for the progress-bar
callback of scikit-learn's estimators (``sklearn.callback.ProgressBar``), which no taikai command uses: together
a fifth of a second or more of a one-text ``taikai predict``. :func:`import_sklearn_without_pandas` imports
scikit-learn's core and the modules a model's pickle refers to while both are reported missing, so that
``fixes.pd`` is ``None`` and the callback's rich classes are not defined; pandas and rich themselves can still be
imported afterwards.
"""

from __future__ import annotations

import sys

UNUSED = ("pandas", "rich")
"""Libraries scikit-learn imports when installed and a classifying command never uses through it."""


def import_sklearn_without_pandas() -> None:
    """Import scikit-learn's core and ``sklearn.pipeline`` without pandas or rich; a no-op once scikit-learn,
    pandas or rich is imported."""
    if any(name in sys.modules for name in ("sklearn", *UNUSED)):
        return
    for name in UNUSED:
        sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" raises ImportError meanwhile
    try:
        import sklearn.pipeline  # noqa: F401  (imports sklearn.utils.fixes, then sklearn.callback)
    finally:
        for name in UNUSED:
            del sys.modules[name]
