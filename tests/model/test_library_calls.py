"""A notebook user who looks on the model for what taikai does with a function taking it (``model.explain(text)``)
is told the call to write; any other missing attribute is Python's own error, with its "Did you mean"."""

import copy
import pickle

import pytest

import taikai


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("explain", "taikai.explain(model, text)"),
        ("evaluate", "taikai.evaluate(model, data)"),
        ("keywords", "taikai.keywords(model)"),
        ("check_drift", "taikai.check_drift(dump, model)"),
        ("classify_file", "taikai.classify_file(input, output, text_column=..., model=model)"),
    ],
)
def test_a_function_of_taikai_looked_for_on_the_model_is_named(tiny_model, name, call):
    with pytest.raises(AttributeError) as caught:
        getattr(tiny_model, name)
    assert str(caught.value) == (
        f"'Model' object has no attribute {name!r}; use {call} (a function of taikai that takes the model)"
    )
    assert not hasattr(tiny_model, name)
    assert call.removeprefix("taikai.").split("(")[0] in taikai.__all__  # the function named exists


@pytest.mark.parametrize("name", ["predcit", "explian", "_artifact_x"])
def test_any_other_missing_attribute_is_pythons_own_error(tiny_model, name):
    with pytest.raises(AttributeError) as caught:
        getattr(tiny_model, name)
    assert str(caught.value) == f"'Model' object has no attribute {name!r}"
    # what Python's "Did you mean: 'predict'?" is found from, as it prints the error
    assert (caught.value.name, caught.value.obj) == (name, tiny_model)


@pytest.mark.parametrize("copied", [copy.copy, copy.deepcopy, lambda m: pickle.loads(pickle.dumps(m))])
def test_a_model_still_copies_and_pickles(tiny_model, copied):
    other = copied(tiny_model)
    assert other.reason_labels == tiny_model.reason_labels
    assert other.predict("手数料が高い")[0].reason == tiny_model.predict("手数料が高い")[0].reason
