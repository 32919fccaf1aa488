"""The steps the labelling sheet's ``how_to`` sheet gives, in Japanese and English, for the model it was made with.

The steps speak of the model's own labels (their example, the train options the model needs again: those its
metadata records, :meth:`Earlier.of`, so that the train command makes the same kind of model) and of the
rounds before: a sheet made with ``--exclude`` names the files it was given, so that the train command keeps the
earlier sheets' labels (``--add`` each again) and the next round leaves their rows out too (:class:`Earlier`).
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from taikai.errors import shell_quote
from taikai.labels import SENTIMENTS
from taikai.labels import own_labels as own_label_set
from taikai.suggestion._predicting_model import located, metadata

if TYPE_CHECKING:
    from taikai.io import RunSummary


@dataclass(frozen=True)
class Earlier:
    """The files a sheet was made with ``--exclude`` of, as given: ``files`` all of them, ``sheets`` those that are
    ``taikai suggest`` sheets (labels to ``--add`` again when training on this one); ``train_options``, the train
    options of the model that made the predictions (as :func:`taikai.model.retrain_options` reads them from its
    metadata; ``None``: not known); ``python``, the arguments of the :func:`taikai.train` call that trains that kind of
    model when the command line cannot (a model configured in Python: :func:`taikai.model.python_arguments`); and
    ``trained_with``, the files that model was trained on with ``--add`` (its metadata's added inputs), whose labels
    the train command keeps too; ``frames`` and ``trained_frames``, how many DataFrames were given to ``exclude=``,
    and to ``add=`` when that model was trained (they have no path, so the commands cannot name them: the sheet
    says so)."""

    files: tuple[str, ...] = ()
    sheets: tuple[str, ...] = ()
    train_options: str | None = None
    python: tuple[str, ...] | None = None
    trained_with: tuple[str, ...] = ()
    frames: int = 0
    trained_frames: int = 0
    trial: tuple[int, str] | None = None
    """Of predictions of a trial run (``taikai batch --limit N``, as its summary records): N and the input's name."""
    data: str | None = None
    """The file that model was trained on (its metadata's base input, when that file is there to name), for DATA."""
    data_changed: bool = False
    """Whether ``data`` is no longer the file the model was trained on (its sha256 is not the one recorded)."""
    id_column: str | None = None
    """The sheet's id column (``None``: row numbers), which the train step names, so that its messages give ids."""

    @classmethod
    def of(cls, run: RunSummary | None, frame: object = None) -> Earlier:
        """Return what the model a batch summary *run* names was trained with (nothing when not known), and the
        trial run (``--limit N``) *run*, or the predictions *frame* read with ``read_predictions``, records."""
        from taikai.io import trial_run
        from taikai.model import added_files, python_arguments, retrain_options, trained_base

        meta = metadata(run)
        ran = trial_run(run, frame)
        trial = None if ran is None else (ran.limit, ran.input or "INPUT")
        if meta is None:
            return cls(trial=trial)
        added, weight = added_files(meta)  # the weight kept: the earlier labels weigh as they did
        frames = sum(f.role == "added" and f.file.startswith("<frame") for f in meta.inputs)  # no path: said so
        python = python_arguments(meta)
        python_call = None if python is None else (*python, *[f"add_weight={weight!r}"] * (weight is not None))
        options = retrain_options(meta) + (f" --add-weight {weight:g}" if weight is not None else "")
        data, changed = trained_base(meta)
        if data is None:  # not here: perhaps where training ran, from another folder
            base = tuple(f.file for f in meta.inputs if f.role == "base" and not f.file.startswith("<frame"))
            data = next((f for f in located(run, meta, base, "base") if os.path.isfile(f)), None)
        return cls(
            train_options=options,
            python=python_call,
            trained_with=located(run, meta, added),  # from here, when training ran in another folder
            trained_frames=frames,
            trial=trial,
            data=data,
            data_changed=changed,
        )

    def base(self) -> tuple[str, str, str]:
        """Return the training data the train step names (the model's file, or ``DATA`` when not known), and the
        notes (Japanese, English) that it is not the file the model was trained on, when it changed since."""
        if self.data is None:
            return "DATA", "", ""
        if not self.data_changed:
            return shlex.quote(self.data), "", ""
        return (
            shlex.quote(self.data),
            f" ({self.data} はモデルの学習に使ったファイルではない: sha256 が記録と違い、学習後に変更または置き換え"
            "られた。同じ行で学習するにはそのファイルを戻す。このままでは今のファイルで学習する)",
            f" ({self.data} is not the file the model was trained on: its sha256 is not the one recorded; it was "
            "changed or replaced since. Put that file back to train on the same rows, or this trains on the file as "
            "it is now)",
        )

    def warned(self, source: str) -> Earlier:
        """Return these, having warned that the predictions *source* are a trial run's, when they are: the rows
        are picked from the input's first rows only."""
        if self.trial is not None:
            from taikai._warn import warn_user
            from taikai.errors import DataWarning

            warn_user(f"{source}: {_trial_en(self.trial)}", DataWarning)
        return self

    def given(self, files: tuple[str, ...], sheets: tuple[str, ...], frames: int = 0) -> Earlier:
        """Return these with the files given to ``--exclude``: *files*, of which *sheets* are sheets, and the number
        of *frames* given to ``exclude=``."""
        return replace(self, files=files, sheets=sheets, frames=frames)

    def unnamed(self, step: str) -> tuple[str, str]:
        """Return the note (Japanese, English) after the *step* (``train``, ``python``: the :func:`taikai.train`
        call, or ``next``) of the frames of earlier rounds (given to ``exclude=``, or to ``add=`` of the model's
        training), which a command cannot name: save each to a file and give it to ``--add`` (one that holds
        labels) or ``--exclude``; a Python call takes the frames in ``add=``. Empty without such frames. When the
        step names files too (the sheets to ``--add`` again, the files to ``--exclude``), a frame read from one of
        them (``pd.read_excel('s1.xlsx')``) is said to be in the command already, so that no row is given twice."""
        if not self.frames and not self.trained_frames:
            return "", ""
        ja = "、".join(
            [f"exclude= に渡した {self.frames} 個"] * bool(self.frames)
            + [f"モデルの学習で add= に渡した {self.trained_frames} 個"] * bool(self.trained_frames)
        )
        en = " and ".join(
            [f"{self.frames} given to exclude="] * bool(self.frames)
            + [f"{self.trained_frames} the model was trained with (add=)"] * bool(self.trained_frames)
        )
        ja, en = f"前の回の DataFrame ({ja})", f"the DataFrame(s) of earlier rounds ({en})"
        named = bool(self.excluded() if step == "next" else self.kept())  # files the step's command gives
        # A frame read from one of those (pd.read_excel('s1.xlsx')) is given by them already: saved and given
        # again, its rows would be given twice.
        other_ja = "ここに名前のあるファイルから読んだものはもう含まれている。ほかは" if named else ""
        other_en = "one read from a file named here is in it already; " if named else ""
        each = "any other" if named else "each"
        if step == "python":
            return (
                f" ({ja}はここに含まれていない: {other_ja}ラベルがあればそのまま add=[…] に加える)",
                f" ({en} are not named here: {other_en}give {each if named else 'them'} to add=[…] too if "
                f"{'it holds' if named else 'they hold'} labels)",
            )
        option, labels_ja, labels_en = ("--add", "ラベルがあれば ", " if it holds labels")
        if step == "next":
            option, labels_ja, labels_en = "--exclude", "", ""
        return (
            f" ({ja}はパスがないため含まれていない: {other_ja}{' ' * named}frame.to_csv('round1.csv', index=False) "
            f"などでファイルに保存し、{labels_ja}{option} に加える)",
            f" ({en} have no path and are left out: {other_en}save {each} to a file, frame.to_csv('round1.csv', "
            f"index=False), and give it to {option}{labels_en})",
        )

    def kept(self) -> tuple[str, ...]:
        """Return the files whose labels the train command keeps with ``--add``: the model's, then the sheets given
        to ``--exclude`` that are not among them (by name or path)."""
        return _joined(self.trained_with, self.sheets)

    def excluded(self) -> tuple[str, ...]:
        """Return the files the next round leaves out with ``--exclude``: every one given to ``--exclude``, then
        those the model was trained on with ``--add`` not among them (handed out before too)."""
        return _joined(self.files, self.trained_with)

    def options(self, option: str, names: Sequence[str]) -> str:
        """Return `` OPTION NAME`` for each of *names*, quoted for a shell where they need it."""
        return "".join(f" {option} {shell_quote(name)}" for name in names)


def _joined(first: tuple[str, ...], then: tuple[str, ...]) -> tuple[str, ...]:
    """Return *first*, then the files of *then* that are not among them (by name or path)."""
    known = {os.path.realpath(f) for f in first}
    return first + tuple(f for f in then if os.path.realpath(f) not in known)


def own_labels(reasons: Sequence[str], sentiments: Sequence[str]) -> bool:
    """Return whether a model's labels leave the churn taxonomy (a ``--free-labels`` model)."""
    return own_label_set(reasons) or own_label_set(sentiments, SENTIMENTS)


def more_example(reasons: Sequence[str], sentiments: Sequence[str]) -> str:
    """Return an example of ``more_reasons``: ``fees|trouble`` where the model has both, else two of its labels
    (two without a comma or a space where it has them: they would read as separators)."""
    if not own_labels(reasons, sentiments) and {"fees", "trouble"} <= set(reasons):
        return "fees|trouble"
    plain = [r for r in reasons if not any(c == "," or c.isspace() for c in r)]
    return "|".join((plain if len(plain) >= 2 else list(reasons))[:2])


def how_to(
    reasons: Sequence[str], sentiments: Sequence[str], earlier: Earlier | None = None
) -> list[tuple[str, str, str]]:
    """Return the how_to sheet's (step, 日本語, English) rows for a model with *reasons* and *sentiments*, whose
    sheet was made with ``--exclude`` of the *earlier* files."""
    earlier = earlier or Earlier()
    own = own_labels(reasons, sentiments)
    example = more_example(reasons, sentiments)
    options = earlier.train_options
    if options is None:  # the model is not known: its labels say what they can
        options = (" --free-labels" if own else "") + ("" if sentiments else " --no-sentiment")
    if earlier.id_column is not None:  # a row's messages name it by its id too, as the sheet shows it
        options += f" --id-column {shell_quote(earlier.id_column)}"
    adds = earlier.options("--add", earlier.kept())
    excludes = earlier.options("--exclude", earlier.excluded())
    kept_ja = "(前の回のシートも --add に残す: 外すとそのラベルは学習されない)" if earlier.kept() else ""
    kept_en = " (keep the earlier rounds' sheets in --add: a model trained without them loses their labels)"
    data, changed_ja, changed_en = earlier.base()
    steps = [
        (
            f"reasons 列: このレビューの主な理由{'' if own else '(退会理由)'}をリストから1つ選ぶ。",
            "reasons: pick the primary reason.",
        ),
        (  # the platform is the churn taxonomy's subject: a model of labels of one's own may be on anything
            f"sentiment 列: {'' if own else 'プラットフォームでの経験への'}感情をリストから選ぶ。",
            "sentiment: pick the writer's "
            + ("sentiment." if own else "feeling toward their experience with the platform."),
        ),
        (
            f"more_reasons 列: ほかにも理由が書かれていれば、| で区切って入力 (例: {example})。"
            + ("" if own else "日本語名も可。"),
            "more_reasons: further reasons the text states, |-separated"
            + ("" if own else " (ids or Japanese names)")
            + "; optional.",
        ),
        (
            "迷う行は空欄のままでよい(学習では数えて飛ばす)。",
            "Leave rows you skip blank: training counts and skips them.",
        ),
        (
            f"定義は definitions シートを参照。保存後: taikai train {data}{adds} --add このファイル --out MODEL"
            + options
            + kept_ja
            + changed_ja
            + earlier.unnamed("train")[0],
            f"Definitions are on the definitions sheet. Then: taikai train {data}{adds} --add THIS_FILE --out MODEL"
            + options
            + (kept_en if earlier.kept() else "")
            + changed_en
            + earlier.unnamed("train")[1],
        )
        if earlier.python is None
        else _python_step(earlier, kept_ja, kept_en if earlier.kept() else ""),
        (
            f"次の回: taikai suggest 新しい予測 -o 次のシート{excludes} --exclude このファイル (このシートの行は、"
            "空欄の行も、もう選ばれない)" + earlier.unnamed("next")[0],
            f"Next round: taikai suggest NEW_PREDICTIONS -o NEXT_SHEET{excludes} --exclude THIS_FILE (this sheet's "
            "rows, blank ones too, are not picked again)" + earlier.unnamed("next")[1],
        ),
    ]
    if earlier.trial is not None:
        limit, given = earlier.trial
        steps.append(
            (
                f"このシートの行は試行 (taikai batch --limit {limit}) の予測、{given} の先頭 {limit:,} 行だけから"
                "選んだもの。入力全体から選ぶには、--limit なしで taikai batch をやり直してから taikai suggest",
                _trial_en(earlier.trial),
            )
        )
    if not sentiments:
        del steps[1]
    return [(str(number), ja, en) for number, (ja, en) in enumerate(steps, start=1)]


def _python_step(earlier: Earlier, kept_ja: str, kept_en: str) -> tuple[str, str]:
    """Return the step that trains on the sheet a model configured in Python (features ``taikai train`` cannot
    give): the :func:`taikai.train` call with its arguments (*earlier*'s ``python``), the kept sheets and this one
    added, and the frames given to ``exclude=``, which it cannot name."""
    from taikai.model import train_call

    arguments, kept = earlier.python or (), earlier.kept()
    arguments = (*arguments, *[f"id_column={earlier.id_column!r}"] * (earlier.id_column is not None))
    data = {} if earlier.data is None else {"data": earlier.data}  # else DATA.csv
    ja = train_call(arguments, [*kept, "このファイル"], **data)
    en = train_call(arguments, [*kept, "THIS_FILE"], **data)
    frames_ja, frames_en = earlier.unnamed("python")
    _, changed_ja, changed_en = earlier.base()
    return (
        f"定義は definitions シートを参照。保存後、Python で: {ja} (このモデルの特徴は Python で設定されたもの: "
        f"taikai train では別の種類のモデルになる){kept_ja}{changed_ja}{frames_ja}",
        f"Definitions are on the definitions sheet. Then, in Python: {en} (this model's features were set in Python: "
        f"taikai train would train another kind of model){kept_en}{changed_en}{frames_en}",
    )


def _trial_en(trial: tuple[int, str]) -> str:
    """Say, in English, that the predictions are a trial run's (``--limit``: *trial* is N and the input's name)."""
    limit, given = trial
    return (
        f"these are the predictions of a trial run (taikai batch --limit {limit}): the rows are picked from the first "
        f"{limit:,} row{'s' * (limit != 1)} of {given} only; to pick from the whole input, run taikai batch again "
        "without --limit, then taikai suggest"
    )
