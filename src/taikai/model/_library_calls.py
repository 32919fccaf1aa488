"""What a notebook user may look for on a model that taikai does with a function taking the model: ``model.explain
(text)`` is ``taikai.explain(model, text)``. Those functions sit above :mod:`taikai.model` (the model knows nothing
of analysis, evaluation, drift or batch runs), so the model does not have them as methods: the ``AttributeError``
of ``model.explain`` says what to call instead."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

LIBRARY_CALLS = {
    "explain": "taikai.explain(model, text)",
    "evaluate": "taikai.evaluate(model, data)",
    "keywords": "taikai.keywords(model)",
    "check_drift": "taikai.check_drift(dump, model)",
    "classify_file": "taikai.classify_file(input, output, text_column=..., model=model)",
}
"""Each function of taikai that takes a model, as a model's missing method of that name: the call to write."""


class LibraryCalls:
    """A base of :class:`~taikai.model.Model` whose missing attribute named in :data:`LIBRARY_CALLS` raises an
    ``AttributeError`` that says the call to write; any other missing attribute raises Python's own."""

    if not TYPE_CHECKING:  # for a type checker a missing attribute stays an error, these names too

        def __getattr__(self, name: str) -> Any:
            said = f"{type(self).__name__!r} object has no attribute {name!r}"
            call = LIBRARY_CALLS.get(name)
            if call is not None:
                said += f"; use {call} (a function of taikai that takes the model)"
            raise AttributeError(said, name=name, obj=self)
