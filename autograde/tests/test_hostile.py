"""Hostile and broken submissions through the real, sandboxed pipeline.

All cases and two bystanders are graded in one `nbgrader autograde` run. Each case must earn
exactly what its honest parts earn (its ``honest`` reference, graded in the same run), the
run must finish, the bystanders must keep full marks, nothing may leak or be written outside
the sandbox, and the gradebook must stay consistent.
"""
from __future__ import annotations

import json
import os
import socket
import threading

import pytest

from grading import SOLUTIONS
from grading.anatomy import read
from grading.authoring.scratch import ScratchCourse
from hostile.cases import ASSIGNMENT, CASES, TARGET, WRONG, as_text

pytestmark = pytest.mark.slow
HONEST = ("solution", "blank", "blank_target", "wrong_target")
BYSTANDERS = ("bystander-a", "bystander-z")  # sort before and after every attacker


class Listener:
    """A TCP server on loopback that records whether anyone connected."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                continue

    def close(self):
        self._stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    if not (SOLUTIONS / ASSIGNMENT).exists():
        pytest.skip(f"{ASSIGNMENT} is not written yet")
    course = ScratchCourse(ASSIGNMENT, tmp_path_factory.mktemp("hostile"))
    filled = course.filled()
    refs = {"solution": filled, "blank": course.blank(),
            "blank_target": course.filled({TARGET: "# YOUR CODE HERE\nraise NotImplementedError()"}),
            "wrong_target": course.filled({TARGET: WRONG})}
    for name, nb in refs.items():
        course.submit(f"ref-{name.replace('_', '-')}", nb)
    for name in BYSTANDERS:
        course.submit(name, filled)
    for case in CASES:
        built = case.build(filled)
        text = built if built is None or isinstance(built, str) else as_text(built)
        course.submit(f"h-{case.name}", text, files=case.extra, name=case.file_name)
    listener = Listener()
    # 01's slowest honest cell takes about a second; the attack hunting for secrets walks the
    # file system for 5 s (a whole walk timed out on CI): 15 s still ends the loops early.
    os.environ.update({"RNNCOURSE_CELL_TIMEOUT": "15", "RNNCOURSE_SANDBOX_MEMORY_MB": "3072",
                       "HOSTILE_LISTENER_PORT": str(listener.port)})
    try:  # as `make autograde` grades a class: one nbgrader per student, one per core
        results = course.grade_in_parallel()
    finally:
        for key in ("RNNCOURSE_CELL_TIMEOUT", "RNNCOURSE_SANDBOX_MEMORY_MB", "HOSTILE_LISTENER_PORT"):
            os.environ.pop(key, None)
        listener.close()
    return {"root": course.root, "scores": course.scores(), "results": results,
            "listener": listener, "points": course.points, "refs": refs}


def _scores_or_zero(run, student):
    return run["scores"].get(student) or {gid: 0.0 for gid in run["points"]}


def test_references_behave_as_designed(hostile_run):
    total = sum(hostile_run["points"].values())
    assert sum(_scores_or_zero(hostile_run, "ref-solution").values()) == total
    blank = _scores_or_zero(hostile_run, "ref-blank-target")
    target_tests = [g for g in hostile_run["points"] if g.startswith(f"test_{TARGET}")]
    assert target_tests and all(blank[g] == 0 for g in target_tests)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_submission_earns_what_its_honest_parts_earn(hostile_run, case):
    got = _scores_or_zero(hostile_run, f"h-{case.name}")
    if case.expect_all_zero:
        expected = {gid: 0.0 for gid in hostile_run["points"]}
    else:
        expected = _scores_or_zero(hostile_run, f"ref-{case.honest.replace('_', '-')}")
    if case.at_most:  # the attack may break the student's own kernel, never raise a score
        differ = {g: (got.get(g), expected[g]) for g in expected if got.get(g, 0.0) > expected[g]}
    else:
        differ = {g: (got.get(g), expected[g]) for g in expected if got.get(g, 0.0) != expected[g]}
    assert not differ, f"{case.description}: (got, expected) per test cell: {differ}"
    assert set(got) <= set(hostile_run["points"]), f"unknown grade ids in the gradebook: {set(got) - set(hostile_run['points'])}"


def test_only_submissions_without_a_readable_notebook_are_not_graded(hostile_run):
    not_graded = {r.student for r in hostile_run["results"] if not r.ok}
    assert not_graded == {f"h-{c.name}" for c in CASES if c.expect_all_zero}, \
        {r.student: r.error for r in hostile_run["results"] if not r.ok}


def test_bystanders_keep_full_marks(hostile_run):
    for name in BYSTANDERS:
        assert hostile_run["scores"][name] == hostile_run["points"], f"{name} lost points"


def test_nothing_was_written_into_other_students_folders(hostile_run):
    root = hostile_run["root"]
    assert not list(root.rglob("HACKED.txt"))
    for name in BYSTANDERS:
        nb = json.loads((root / "submitted" / name / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text())
        assert nb.get("cells"), f"{name}'s submission was overwritten"


def test_no_network_connection_left_the_sandbox(hostile_run):
    assert hostile_run["listener"].connections == 0


def test_hidden_tests_and_gradebook_were_not_readable(hostile_run):
    graded = hostile_run["root"] / "autograded" / "h-read-hidden-tests" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    nb = read(graded)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "BEGIN HIDDEN TESTS" not in printed and "SQLite format" not in printed
    assert "nbgrader_config" not in printed


def test_huge_output_is_cut(hostile_run):
    graded = hostile_run["root"] / "autograded" / "h-huge-output" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert graded.stat().st_size < 2_000_000


def test_gradebook_is_consistent(hostile_run):
    from nbgrader.api import Gradebook
    url = "sqlite:///" + str(hostile_run["root"] / "gradebook.db")
    with Gradebook(url) as gb:
        subs = gb.assignment_submissions(ASSIGNMENT)
        students = [s.student.id for s in subs]
        assert len(students) == len(set(students))
        for sub in subs:
            for nb in sub.notebooks:
                names = [g.name for g in nb.grades]
                assert len(names) == len(set(names)), f"duplicate grades for {sub.student.id}"
                assert all(g.max_score >= 0 for g in nb.grades)
