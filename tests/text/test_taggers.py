"""One MeCab tagger per arguments, process and thread, shared by every tokenizer, model and tagger of a process.

Regression: every model loaded (and every tokenizer, masker, part-of-speech tagger made) made its own MeCab tagger,
whose dictionary MeCab keeps mapped after the tagger is freed: a process that reloaded models grew by a mapping of
``sys.dic`` a load. And one tokenizer's tagger served every thread that used it, which MeCab is not safe for.
"""

from __future__ import annotations

import io
import os
import pickle
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import taikai
from taikai.drift._hidden_words import HiddenWords
from taikai.privacy import PiiMasker
from taikai.text import JapaneseTokenizer, PosTagger, WordTagger

TEXT = "田中さんの手数料が高いので辞めました"


class _Spied:
    """A fugashi tagger that notes the process and thread of each parse."""

    def __init__(self, tagger: Any) -> None:
        self._tagger = tagger
        self.users: set[tuple[int, int]] = set()

    def _used(self) -> None:
        self.users.add((os.getpid(), threading.get_ident()))

    def parse(self, text: str) -> Any:
        self._used()
        return self._tagger.parse(text)

    def __call__(self, text: str) -> Any:
        self._used()
        return self._tagger(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tagger, name)


class _Recording(pickle.Unpickler):
    """An unpickler that notes the module of each class in the pickle."""

    modules: set[str]

    def find_class(self, module: str, name: str) -> Any:
        self.__dict__.setdefault("modules", set()).add(module)
        return super().find_class(module, name)


@pytest.fixture
def made(monkeypatch) -> list[_Spied]:
    """Return the taggers made from now on, in a process with none made yet (fugashi's classes spied on)."""
    import fugashi

    from taikai.text import _taggers

    monkeypatch.setattr(_taggers, "_local", threading.local())
    monkeypatch.setattr(_taggers, "_idle", {})
    found: list[_Spied] = []
    for name in ("Tagger", "GenericTagger"):
        original = getattr(fugashi, name)

        def spied(args: str, original: Any = original) -> _Spied:
            found.append(_Spied(original(args)))
            return found[-1]

        monkeypatch.setattr(fugashi, name, spied)
    return found


# A user of MeCab: make one (a fresh object each call) and a use of it.
USERS: dict[str, tuple[Callable[..., Any], Callable[[Any], Any]]] = {
    "tokenizer base": (lambda _: JapaneseTokenizer(form="base"), lambda t: t.transform([TEXT])),
    "tokenizer surface": (lambda _: JapaneseTokenizer(form="surface"), lambda t: t.transform([TEXT])),
    "tokenizer spans": (lambda _: JapaneseTokenizer(form="base"), lambda t: t.tokenize_with_spans(TEXT)),
    "model": (lambda path: taikai.load_model(path), lambda m: m.classify(TEXT)),
    "part-of-speech tagger": (lambda _: PosTagger(), lambda t: t.tag(TEXT)),
    "dictionary tags": (lambda _: PosTagger(), lambda t: t.dictionary_tags("西")),
    "masker": (lambda _: PiiMasker(), lambda m: m.mask(TEXT)),
    "hidden words": (lambda _: HiddenWords(PosTagger()), lambda h: h.of(TEXT)),
    "word tagger": (lambda _: WordTagger(), lambda t: t.words(TEXT)),
}


def _new(user: str, model_dir: Any) -> Any:
    return USERS[user][0](model_dir)


def _use(user: str, thing: Any) -> None:
    USERS[user][1](thing)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("tokenizer base", "tokenizer base"),
        ("tokenizer surface", "tokenizer surface"),
        ("tokenizer base", "tokenizer spans"),
        ("model", "model"),  # a model loaded again
        ("tokenizer base", "model"),
        ("part-of-speech tagger", "part-of-speech tagger"),
        ("dictionary tags", "dictionary tags"),
        ("masker", "hidden words"),
        ("masker", "masker"),
        ("word tagger", "word tagger"),
    ],
)
def test_users_of_one_dictionary_in_a_process_share_its_tagger(made, tiny_model_dir, first, second):
    _use(first, _new(first, tiny_model_dir))
    assert made, "the first use makes its tagger"
    before = len(made)
    _use(second, _new(second, tiny_model_dir))
    assert len(made) == before, "the second user made a tagger of its own"


@pytest.mark.parametrize("user", ["tokenizer base", "tokenizer spans", "model", "part-of-speech tagger", "masker"])
def test_threads_using_one_object_get_taggers_of_their_own(made, tiny_model_dir, user):
    thing = _new(user, tiny_model_dir)
    _use(user, thing)
    together = threading.Barrier(2)  # both threads alive at once: neither can take the other's tagger

    def work() -> None:
        _use(user, thing)
        together.wait(timeout=60)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(len(tagger.users) == 1 for tagger in made), [tagger.users for tagger in made]
    assert len({user for tagger in made for user in tagger.users}) == 3  # the main thread and the two


@pytest.mark.parametrize(("workers", "tasks", "most"), [(1, 10, 1), (4, 40, 4)])
def test_taggers_of_ended_threads_are_taken_by_the_next(made, workers, tasks, most):
    # threads that come and go do not pile up taggers (MeCab never frees one): one ended thread's goes to the next
    def work(_: int) -> None:
        JapaneseTokenizer(form="base").transform([TEXT])

    for _ in range(tasks // workers):
        with ThreadPoolExecutor(workers) as pool:  # a pool's threads end with it
            list(pool.map(work, range(workers)))
    assert 1 <= len(made) <= most


@pytest.mark.parametrize("user", ["tokenizer base", "tokenizer surface", "model", "part-of-speech tagger", "masker"])
def test_a_pickle_round_trip_carries_no_tagger_and_shares_the_process_one(made, tiny_model_dir, user):
    thing = _new(user, tiny_model_dir)
    _use(user, thing)
    before = len(made)
    restored = _Recording(io.BytesIO(pickle.dumps(thing)))
    _use(user, restored.load())
    assert not {m for m in restored.modules if m.split(".")[0] == "fugashi" or m == __name__}, restored.modules
    assert len(made) == before


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
@pytest.mark.parametrize("user", ["tokenizer base", "tokenizer surface", "model", "part-of-speech tagger"])
def test_a_forked_child_makes_its_own_tagger_and_shares_it(made, tiny_model_dir, user):
    # as a --jobs worker is: the model (and its tokenizer) comes from the parent, its taggers must not
    thing = _new(user, tiny_model_dir)
    _use(user, thing)
    parent = len(made)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: say what it found, then leave at once
        try:
            _use(user, thing)
            _use(user, _new(user, tiny_model_dir))
            child = os.getpid()
            own = made[parent:]
            answer = (
                b"ok"
                if len(own) == parent and all(child not in {p for p, _ in t.users} for t in made[:parent])
                else f"{len(own)} made in the child, {parent} in the parent".encode()
            )
        except Exception as exc:  # told to the parent, which fails on it
            answer = repr(exc).encode()
        finally:
            os.write(write, answer)
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as f:
        answer = f.read()
    os.waitpid(pid, 0)
    assert answer == b"ok"
    assert len(made) == parent  # the parent made none for its child
