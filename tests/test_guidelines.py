"""``data/GUIDELINES.md`` agrees with the shared labelling conventions (``../shared/LABELING.md``).

The evaluation sets are labelled by LABELING.md, and a corpus labelled by other conventions teaches the model a
different task. GUIDELINES.md may add detail (a parenthesis, a clause, an example), so the check is that every
rule of LABELING.md is *in* GUIDELINES.md: the same reason ids as the taxonomy, each rule heading, each reason's
``covers`` cell and each clause of its ``decisions`` cell in that reason's row, and every sentence of the rule
sections (further decisions, sentiment rules). Parentheses, 「quotes」, markdown emphasis and punctuation are
ignored, so an added example or parenthesis passes and a changed word does not."""

import re
from pathlib import Path

import pytest

from taikai.labels import REASON_IDS, SENTIMENTS

ROOT = Path(__file__).parents[1]
GUIDELINES = ROOT / "data" / "GUIDELINES.md"
# ../shared beside the project (/work/main), or beside the folder of worktrees (/work/wt/hNNN)
LABELING = next(
    (p for p in (ROOT.parent / "shared" / "LABELING.md", ROOT.parent.parent / "shared" / "LABELING.md") if p.exists()),
    None,
)


def _norm(text: str) -> str:
    """Lower case, without parentheses, 「quotes」, markdown and punctuation, one space between words."""
    text = re.sub(r"\([^()]*\)|「[^」]*」|\*\*|`", " ", text.replace("\n", " "))
    return " ".join(re.sub(r"[.,;:!?、。]", " ", text.lower()).split())


def _sections(doc: str) -> dict[str, list[str]]:
    """The lines under each ``##`` or ``###`` heading, by heading (the title and what precedes it under "")."""
    sections: dict[str, list[str]] = {"": []}
    heading = ""
    for line in doc.splitlines():
        if line.startswith("##"):
            heading = line.lstrip("#").strip()
            sections[heading] = []
        elif line.startswith("# "):
            continue
        else:
            sections[heading].append(line)
    return sections


def _rows(lines: list[str]) -> dict[str, list[str]]:
    """The reason table's rows by id: the cells after the id (a `` `label` `` in the first cell)."""
    rows = {}
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if line.startswith("| `") and len(cells) > 1:
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def _sentences(lines: list[str]) -> list[str]:
    """The sentences of the prose and bullets (not the tables), a bullet's continuation lines joined to it."""
    paragraphs: list[str] = []
    for line in lines:
        if not line.strip() or line.startswith("|"):
            paragraphs.append("")
        elif line.startswith("  ") and paragraphs and paragraphs[-1]:
            paragraphs[-1] += " " + line.strip()
        else:
            paragraphs.append(line.removeprefix("- ").strip())
    sentences = [s for p in paragraphs for s in re.split(r"(?<=\.)\s+(?=[A-Z])", p) if s]
    return [s for s in sentences if not s.endswith(":")]  # a lead-in to a list states no rule


def missing_rules(labeling: str, guidelines: str) -> list[str]:
    """Every label, heading and rule of ``labeling`` that ``guidelines`` does not state, with where it is."""
    shared, ours = _sections(labeling), _sections(guidelines)
    rules = {h: lines for h, lines in shared.items() if h and "statistics" not in h}  # not the intro or figures
    our_rows = {k: v for lines in ours.values() for k, v in _rows(lines).items()}
    whole = _norm(guidelines)
    missing = []
    for heading, lines in rules.items():
        if not any(_norm(heading) in _norm(h) for h in ours):
            missing.append(f"heading {heading!r}")
        for label, cells in _rows(lines).items():
            if label not in our_rows:
                missing.append(f"{heading}: no row for `{label}`")
                continue
            covers, decisions = cells[0], cells[-1]
            if _norm(covers) != _norm(our_rows[label][-2]):
                missing.append(f"{heading}: `{label}` covers {covers!r}")
            for clause in filter(None, (c.strip() for c in decisions.split(";"))):
                if _norm(clause) not in _norm(our_rows[label][-1]):
                    missing.append(f"{heading}: `{label}` decision {clause!r}")
        missing += [f"{heading}: {s!r}" for s in _sentences(lines) if _norm(s) not in whole]
    extra = sorted(set(our_rows) - {label for lines in rules.values() for label in _rows(lines)})
    return missing + [f"a row for `{label}` that the conventions do not have" for label in extra]


SHARED = """# Conventions
Intro, not a rule.

## Primary reason
The main reason. Nothing is inferred.

| label | covers | decisions |
|---|---|---|
| `fees` | a fee | fees blamed for low pay → `fees` first; defending a fee → `other` |
| `other` | anything else | |

Further decisions:
- A registration the platform refuses → `trouble` (an account procedure), not `rejection`.

## Sentiment
- Hardship the platform did not cause (a busy job) → `neutral`.

## What real text looks like (statistics only)
Median 74 characters.
"""
OURS = """# Guide

## Reasons
The primary reason is the main reason, **as stated**. Nothing is inferred: 「やめました」 is `other`.

| id | 日本語 | covers | decisions |
|---|---|---|---|
| `fees` | 手数料 | a fee | fees blamed for low pay → `fees` first (then `low_pay`); defending a fee → `other` |
| `other` | その他 | anything else | |

### Picking the primary reason
- A registration (or a profile screening) the platform refuses → `trouble`, not `rejection`.

## Sentiment
- `neutral`: hardship the platform did not cause (a busy job, illness) → `neutral`, even if sad.
"""


@pytest.mark.parametrize(
    ("old", "new", "missing"),
    [
        ("", "", []),  # additions in parentheses and 「quotes」, an extra sentence, a Japanese column: agree
        ("→ `trouble`, not", "→ `rejection`, not", ["Primary reason: 'A registration the platform refuses"]),
        ("Nothing is inferred:", "Little is inferred:", ["Primary reason: 'Nothing is inferred.'"]),
        ("did not cause", "caused", ["Sentiment: 'Hardship the platform"]),
        ("; defending a fee → `other` |\n", " |\n", ["Primary reason: `fees` decision 'defending a fee"]),
        ("| anything else |", "| anything |", ["Primary reason: `other` covers 'anything else'"]),
        ("| `other` | その他 | anything else | |\n", "", ["Primary reason: no row for `other`"]),
        ("| `other` |", "| `sports` | スポーツ | sports | |\n| `other` |", ["a row for `sports` that the"]),
        ("## Sentiment", "## Feelings", ["heading 'Sentiment'"]),
    ],
)
def test_missing_rules_finds_each_drift(old, new, missing):
    found = missing_rules(SHARED, OURS.replace(old, new, 1))
    assert len(found) == len(missing)
    assert all(f.startswith(m) for f, m in zip(found, missing, strict=True)), found


@pytest.mark.skipif(LABELING is None, reason="the shared conventions (../shared/LABELING.md) are not on this machine")
def test_guidelines_state_every_rule_of_the_shared_conventions():
    assert LABELING is not None
    assert missing_rules(LABELING.read_text(encoding="utf-8"), GUIDELINES.read_text(encoding="utf-8")) == []


@pytest.mark.skipif(LABELING is None, reason="the shared conventions (../shared/LABELING.md) are not on this machine")
def test_the_two_documents_name_the_taxonomy_labels():
    assert LABELING is not None
    shared, ours = (_sections(p.read_text(encoding="utf-8")) for p in (LABELING, GUIDELINES))
    assert tuple(_rows(shared["Primary reason"])) == REASON_IDS
    assert tuple(_rows(ours["Reasons"])) == REASON_IDS
    assert set(re.findall(r"`(\w+)`", "\n".join(shared["Sentiment"]))) <= set(SENTIMENTS)
    assert [line[3:].split("`")[0] for line in ours["Sentiment"] if line.startswith("- `")] == list(SENTIMENTS)[::-1]
