"""Rules applied by the model: the rule columns, override, label checks, and dictionary forms tokenised once."""

import math

import pandas as pd
import pytest

import taikai
from taikai import FeatureConfig, InputError
from taikai.errors import RulesError
from taikai.model._lemmas import features_and_lemmas
from taikai.rules import compile_rules, parse_rules
from taikai.text import check_text

RULES = """
[[rule]]
name = "proposal"
label = "rejection"
any = ["提案"]

[[rule]]
name = "fee"
label = "fees"
any = ["手数料", "lemma:引く"]
not = ["妥当"]
"""

TEXTS = [
    "手数料が20%も引かれるのがつらい",  # fee; the tiny model says fees: no conflict
    "提案しても提案しても選ばれない、手数料も高い",  # proposal and fee
    "手数料で二割引かれた上に提案も通らない",
    "本業が忙しくなって時間が取れなくなった",  # no rule
    "手数料は妥当だと思う",  # fee is held back by not
    "",  # not classified
]


@pytest.fixture(scope="module")
def matcher():
    return compile_rules(parse_rules(RULES, "rules.toml"))


def test_features_and_lemmas_give_the_union_s_matrix(model):
    """For every feature configuration; dictionary forms only from a model that tokenises into them."""
    texts = [check_text(t).text for t in TEXTS[:-1]]
    union = model.pipeline.named_steps["features"]
    matrix, lemmas = features_and_lemmas(union, texts)
    expected = union.transform(texts)
    assert matrix.shape == expected.shape and (matrix != expected).nnz == 0
    assert matrix.dtype == expected.dtype
    tokenizer = model.pipeline.named_steps["features"].transformer_list[0][1]
    reads_lemmas = getattr(tokenizer, "steps", [(None, None)])[0][1]
    if getattr(reads_lemmas, "form", None) == "base":
        assert lemmas == [" ".join(w) for w in map(reads_lemmas.tokenize, texts)]
    else:
        assert lemmas is None


def test_hits_are_the_same_whether_the_model_s_words_are_reused_or_not(model, matcher):
    fresh = compile_rules(matcher.rules)
    result = model.classify(TEXTS, fresh)
    expected = fresh.match_all([check_text(t).text for t in TEXTS[:-1]])
    assert result.rule_hits[:-1] == expected
    assert result.rule_hits[-1].names == ()


def test_a_model_reading_dictionary_forms_tokenises_each_text_once(tiny_model, monkeypatch):
    """The shipped configuration: the rules take the words the model computed instead of tokenising again."""
    fresh = compile_rules(parse_rules(RULES))
    assert fresh.needs_lemmas
    calls = []
    tokenizer = tiny_model.pipeline.named_steps["features"].transformer_list[0][1].steps[0][1]
    original = type(tokenizer).transform
    monkeypatch.setattr(type(tokenizer), "transform", lambda self, X: calls.append(len(X)) or original(self, X))
    result = tiny_model.classify(TEXTS, fresh)
    assert calls == [len(TEXTS) - 1]  # one tokenizer pass (the model's or the rules') over the classified texts
    assert result.rule_hits[0].labels == ("fees",)


def test_flag_adds_the_rule_columns(tiny_model, matcher):
    out = tiny_model.predict_frame(pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS}), rules=matcher)
    assert list(out.columns) == ["id", "text", *tiny_model.output_columns("flag")]
    assert tiny_model.output_columns("flag")[-3:] == ["rule_names", "rule_reasons", "rule_conflict"]
    assert out["rule_names"].fillna("-").tolist() == ["fee", "proposal|fee", "proposal|fee", "-", "-", "-"]
    assert out["rule_reasons"].fillna("-").tolist() == ["fees", "rejection|fees", "rejection|fees", "-", "-", "-"]
    model_reasons = out["reason"].tolist()
    expected_conflicts = [
        model_reasons[0] != "fees",
        model_reasons[1] not in ("rejection", "fees"),
        model_reasons[2] not in ("rejection", "fees"),
        False,
        False,
        pd.NA,
    ]
    assert out["rule_conflict"].dtype == "boolean"  # a row not classified: nullable, as read_predictions reads it
    assert out["rule_conflict"].tolist()[:5] == expected_conflicts[:5] and out["rule_conflict"].iloc[5] is pd.NA
    plain = tiny_model.predict_frame(pd.DataFrame({"text": TEXTS}))
    assert out["reason"].tolist()[:5] == plain["reason"].tolist()[:5]  # flag changes no label


def test_override_makes_the_first_rule_s_label_the_reason(tiny_model, matcher):
    frame = pd.DataFrame({"text": TEXTS})
    plain = tiny_model.predict_frame(frame)
    out = tiny_model.predict_frame(frame, rules=matcher, rules_mode="override")
    assert list(out.columns)[-4:] == ["rule_names", "rule_reasons", "rule_conflict", "model_reason"]
    assert out["reason"].tolist()[:5] == ["fees", "rejection", "rejection", *plain["reason"].tolist()[3:5]]
    assert out["reason_ja"].tolist()[1] == "提案が通らない"
    assert out["model_reason"].tolist()[:5] == plain["reason"].tolist()[:5]
    assert (
        out["rule_conflict"].tolist()[:5]
        == tiny_model.predict_frame(frame, rules=matcher)["rule_conflict"][:5].tolist()
    )
    for reasons, model_reasons in zip(out["reasons"][:5], plain["reasons"][:5], strict=True):
        primary, *rest = reasons.split("|")
        assert rest == [r for r in model_reasons.split("|") if r != primary]  # the model's, the rule's first
    assert math.isnan(out["p_reason_fees"].iloc[-1]) and pd.isna(out["model_reason"].iloc[-1])
    probabilities = tiny_model.proba_columns()
    pd.testing.assert_frame_equal(out[probabilities], plain[probabilities])  # probabilities stay the model's


@pytest.mark.parametrize("mode", ["flag", "override"])
@pytest.mark.parametrize(
    ("texts", "conflict_dtype"),
    [
        (TEXTS, "boolean"),  # a row not classified
        (TEXTS[:5], "bool"),
        (["", " "], "boolean"),  # none classified
        ([], "bool"),
    ],
    ids=["some classified", "all classified", "none classified", "no rows"],
)
def test_predict_frame_gives_each_column_one_dtype_whatever_the_rows(tiny_model, matcher, texts, conflict_dtype, mode):
    """Regression: rule_conflict was an object column of None for rows not classified (``~`` a TypeError), and a
    0-row frame had float64 labels, an all-blank one object labels."""
    out = tiny_model.predict_frame(
        pd.DataFrame({"text": pd.Series(texts, dtype=object)}), rules=matcher, rules_mode=mode
    )
    proba = set(tiny_model.proba_columns())
    expected = {c: "float64" if c in proba else "str" for c in tiny_model.output_columns(mode)}
    assert {c: str(out[c].dtype) for c in expected} == expected | {"rule_conflict": conflict_dtype}
    classified = [i for i, t in enumerate(texts) if t.strip()]
    assert out[out["rule_conflict"] | ~out["rule_conflict"]].index.tolist() == classified  # missing rows out


def test_predictions_carry_what_the_rules_said(tiny_model, matcher):
    first, *_, empty = tiny_model.predict(TEXTS, rules=matcher, rules_mode="override")
    assert first.to_dict() | {"reason_proba": 0, "sentiment_proba": 0} == first.to_dict() | {
        "reason": "fees",
        "rule_names": ["fee"],
        "rule_reasons": ["fees"],
        "rule_conflict": first.model_reason != "fees",
        "reason_proba": 0,
        "sentiment_proba": 0,
    }
    assert (empty.rules.names, empty.rule_conflict, empty.model_reason) == ((), None, None)
    assert "rule_names" not in tiny_model.predict(TEXTS[0])[0].to_dict()


@pytest.mark.parametrize(
    ("rules", "kwargs", "error", "expected"),
    [
        (
            RULES.replace('"fees"', '"price"'),
            {},
            RulesError,
            r"rules\.toml:7: rule 'fee' \(rule 2 of the file\): label 'price' is not a reason",
        ),
        (RULES, {"rules_mode": "replace"}, RulesError, r"^rules_mode must be one of flag, override, not 'replace'$"),
    ],
)
def test_rules_that_do_not_fit_the_model_are_refused(tiny_model, rules, kwargs, error, expected):
    with pytest.raises(error, match=expected):
        tiny_model.predict_frame(pd.DataFrame({"text": TEXTS}), rules=parse_rules(rules, "rules.toml"), **kwargs)


def test_an_input_column_named_like_a_rule_column_clashes_only_with_rules(tiny_model, matcher):
    frame = pd.DataFrame({"text": TEXTS, "rule_conflict": 1})
    assert len(tiny_model.predict_frame(frame)) == len(TEXTS)
    with pytest.raises(InputError, match=r"already has output column\(s\) \['rule_conflict'\]"):
        tiny_model.predict_frame(frame, rules=matcher)


def test_rules_load_from_a_path(tiny_model, tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    out = tiny_model.predict_frame(pd.DataFrame({"text": TEXTS}), rules=path)
    assert out["rule_names"].iloc[1] == "proposal|fee"


@pytest.fixture(scope="module")
def own_models():
    """Return models with labels of their own: one with その他 beside お金 and 時間がない, one with `other` too."""
    texts = ["手数料が高すぎる", "振込手数料が痛い", "なんとなくやめた", "特に理由はない", "本業が忙しい", "時間がない"]
    models = {}
    for name, other in (("own", "その他"), ("both", "other")):
        reasons = ["お金", "お金", "その他", other, "時間がない", "時間がない"]
        frame = pd.DataFrame({"text": texts * 3, "reasons": reasons * 3})
        models[name] = taikai.train(
            frame, config=FeatureConfig(min_df=1), folds=0, test_size=0, sentiment_column=None, free_labels=True
        )
    return models


ROUTES = {  # how rules= is given, from the rules file and the model's reasons
    "path": lambda path, labels: path,
    "load_rules": lambda path, labels: taikai.load_rules(path),
    "compiled": lambda path, labels: compile_rules(taikai.load_rules(path)),
    "load_rules with labels": lambda path, labels: taikai.load_rules(path, labels=labels),
}


@pytest.mark.parametrize("route", list(ROUTES))
@pytest.mark.parametrize(
    ("model_name", "label", "expected"),
    [
        ("tiny", "その他", "other"),  # the taxonomy's model: the Japanese name is the id
        ("tiny", "ＦＥＥＳ", "fees"),
        ("own", "その他", "その他"),  # labels of one's own: as written
        ("both", "その他", "その他"),  # not the model's `other` beside it
        ("both", "other", "other"),
    ],
)
def test_rules_read_their_labels_as_the_model_does_whether_a_path_or_loaded(
    tiny_model, own_models, tmp_path, route, model_name, label, expected
):
    """Regression: taikai.load_rules(path) without labels= made その他 the taxonomy's `other`, so that an own-label
    model refused the rules (or, beside an `other`, matched the wrong label) that rules=path applied right."""
    model = tiny_model if model_name == "tiny" else own_models[model_name]
    path = tmp_path / "rS.toml"
    path.write_text(f'[[rule]]\nname = "sonota"\nlabel = "{label}"\nany = ["理由"]\n', encoding="utf-8")
    rules = ROUTES[route](path, model.reason_labels)
    out = model.predict_frame(pd.DataFrame({"text": ["特に理由はない"]}), text_column="text", rules=rules)
    assert out["rule_reasons"].tolist() == [expected]


@pytest.mark.parametrize("route", list(ROUTES)[:3])
def test_a_rule_label_of_the_taxonomy_is_refused_by_an_own_model_whatever_the_route(own_models, tmp_path, route):
    path = tmp_path / "r.toml"
    path.write_text('[[rule]]\nname = "fee"\nlabel = "手数料が高い"\nany = ["手数料"]\n', encoding="utf-8")
    with pytest.raises(
        RulesError,
        match=r"r\.toml:1: rule 'fee' \(rule 1 of the file\): label '手数料が高い' is not a reason of the model",
    ):
        own_models["own"].predict_frame(pd.DataFrame({"text": ["手数料"]}), rules=ROUTES[route](path, None))
