"""Start a classifying command quickly: import scikit-learn without pandas, which it loads but never uses here.

``import sklearn`` imports pandas (and through it pyarrow) only to keep a reference that no scikit-learn code
reads (``sklearn.utils.fixes.pd``). :func:`import_sklearn_without_pandas` imports scikit-learn while pandas is
reported missing, so that ``fixes.pd`` is ``None``; pandas itself can still be imported afterwards.
"""

from __future__ import annotations

import sys


def import_sklearn_without_pandas() -> None:
    """Import scikit-learn's core without pandas; a no-op once either of them is imported."""
    if "sklearn" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None  # type: ignore[assignment]  # "import pandas" raises ImportError meanwhile
    try:
        import sklearn.utils.fixes  # noqa: F401
    finally:
        del sys.modules["pandas"]
