"""Multiple-choice questions cannot be guessed: the right letters are spread out.

Static (fast) checks over every ``solutions/*/*.ipynb``: the correct letter of each question
is read from its answer cell (``qN = "X"`` between the solution markers), and

* no letter is right for more than 35 % of all questions of the course;
* no notebook with two or more questions has one letter for all its answers;
* every answer cell carries the solution markers;
* the hidden part of ``test_qN`` checks that same letter (and no other).
"""
from __future__ import annotations

import ast
import re
from collections import Counter

import pytest

from grading import SOLUTIONS
from grading.anatomy import is_answer, is_question, is_test, meta, read

LETTERS = ("A", "B", "C", "D")
MAX_SHARE = 0.35
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS(.*?)### END HIDDEN TESTS", re.S)
NOTEBOOKS = sorted(SOLUTIONS.glob("*/*.ipynb"))


def _between(source: str, begin: str, end: str) -> str | None:
    if begin not in source or end not in source:
        return None
    return source.split(begin, 1)[1].split(end, 1)[0]


def _letter(qid: str, source: str) -> str | None:
    """The letter assigned to ``qid`` between the solution markers (in the whole cell if the
    markers are missing: another test flags that), or None."""
    body = _between(source, BEGIN, END)
    if body is None:
        body = source
    letters = [node.value.value for node in ast.walk(ast.parse(body))
               if isinstance(node, ast.Assign) and len(node.targets) == 1
               and isinstance(node.targets[0], ast.Name) and node.targets[0].id == qid
               and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)]
    return letters[-1] if letters else None


def questions(path) -> dict[str, dict]:
    """``{qid: {"source": answer source, "letter": ..., "test": test source}}`` in notebook order."""
    nb = read(path)
    found: dict[str, dict] = {}
    for cell in nb.cells:
        gid = meta(cell).get("grade_id", "")
        if is_answer(cell) and is_question(gid):
            found[gid] = {"source": cell.source, "letter": _letter(gid, cell.source), "test": None}
    for cell in nb.cells:
        gid = meta(cell).get("grade_id", "")
        if is_test(cell) and gid.startswith("test_") and gid[5:] in found:
            found[gid[5:]]["test"] = cell.source
    return found


ALL = {path.parent.name: questions(path) for path in NOTEBOOKS}


def _ids(items):
    return [name for name in items]


def test_there_are_questions():
    assert sum(len(q) for q in ALL.values()) >= 2, "no multiple-choice questions found"


@pytest.mark.parametrize("notebook", list(ALL), ids=_ids(ALL))
def test_every_answer_cell_has_the_solution_markers_and_one_letter(notebook):
    for qid, q in ALL[notebook].items():
        assert _between(q["source"], BEGIN, END) is not None, \
            f"{notebook} {qid}: the answer cell lacks the {BEGIN} / {END} markers"
        assert _letter(qid, _between(q["source"], BEGIN, END) or "") in LETTERS, \
            f"{notebook} {qid}: between the solution markers, set {qid} = one of {LETTERS}"


@pytest.mark.parametrize("notebook", list(ALL), ids=_ids(ALL))
def test_the_hidden_test_checks_the_same_letter(notebook):
    for qid, q in ALL[notebook].items():
        assert q["test"] is not None, f"{notebook}: no test cell test_{qid}"
        hidden = "".join(HIDDEN.findall(q["test"]))
        quoted = {s for s in re.findall(r"""["']([A-D])["']""", hidden)}
        assert quoted == {q["letter"]}, \
            (f"{notebook} test_{qid}: the hidden test checks {sorted(quoted) or 'no letter'}, "
             f"the answer cell says {q['letter']!r}")


@pytest.mark.parametrize("notebook", list(ALL), ids=_ids(ALL))
def test_no_notebook_has_one_letter_for_all_its_answers(notebook):
    letters = [q["letter"] for q in ALL[notebook].values()]
    if len(letters) >= 2:
        assert len(set(letters)) > 1, \
            f"{notebook}: every answer is {letters[0]!r} ({len(letters)} questions)"


def test_no_letter_is_right_for_more_than_35_percent_of_the_questions():
    letters = [q["letter"] for qs in ALL.values() for q in qs.values()]
    counts = Counter(letters)
    total = len(letters)
    by_notebook = {nb: "".join(q["letter"] or "?" for q in qs.values()) for nb, qs in ALL.items()}
    for letter, n in counts.most_common():
        assert n <= MAX_SHARE * total, \
            (f"{letter!r} is right for {n} of {total} questions ({n / total:.0%} > "
             f"{MAX_SHARE:.0%}); letters per notebook: {by_notebook}")
