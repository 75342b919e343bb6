"""The real student and instructor flow, in a browser (headless Chromium driven by Playwright).

Student: JupyterLab started like ``make lab`` (``tools/work_copy.py`` makes ``work/`` from a
scratch copy of ``course/``, the server serves ``work/`` with the repository's ``lab/`` Jupyter
config) opens ``work/01_sequential_data``, runs every cell from the Run menu and presses
nbgrader's **Validate** toolbar button: the blank release must be reported failing (a summary
naming every failing exercise first, then every test cell, with ``NotImplementedError`` and no
frame of the test helpers), a copy filled with the solutions must be reported passing. The
instructor's and the exchange's extensions (Nbgrader menu, Formgrader, Assignment List, Course
List, Create Assignment) are not there.

Instructor: JupyterLab started from ``autograde/`` (so ``autograde/nbgrader_config.py`` is the
nbgrader config) on a scratch course root where ``nbgrader generate_assignment`` registered every
assignment; nbgrader's Formgrader, opened from the Nbgrader menu, lists the eight assignments
with their release, and its Manual Grading page their points from the gradebook.

Screenshots of each step (and the servers' logs) go to ``artifacts/browser/``.
Needs Debian's chromium (``.ci/setup_browser.sh``) and the ``playwright`` package: missing
either, the tests fail when ``CI=true`` and are skipped elsewhere.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import browser_helpers as H  # noqa: E402
from grading import AUTOGRADE, COURSE, REPO, SOLUTIONS, assignments  # noqa: E402
from grading.authoring import submissions  # noqa: E402
from grading.instructor import nbgrader_run  # noqa: E402
from grading.anatomy import meta, read, scored_cells  # noqa: E402
from grading.authoring.release_check import differences  # noqa: E402

sys.path.insert(0, str(REPO / "tools"))
import work_copy  # noqa: E402

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # reported by the chromium fixture: fail on CI, skip elsewhere
    PlaywrightTimeout = TimeoutError

pytestmark = pytest.mark.slow

ASSIGNMENT = "01_sequential_data"
TEN = ["01_sequential_data", "02_rnn_forward", "03_bptt", "04_gradient_problems", "05_lstm",
       "06_gru", "07_text_generation", "08_forecasting", "09_seq2seq_attention",
       "10_bidirectional_masking"]
ARTIFACTS = REPO / "artifacts" / "browser"


def missing(what: str):
    """Fail on CI (the browser test must run there), skip elsewhere."""
    message = f"browser test needs {what}"
    if H.on_ci():
        pytest.fail(f"{message} (CI=true: run .ci/setup_browser.sh first)", pytrace=False)
    pytest.skip(message)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def shot(page, name: str):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


# ---- fixtures ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium():
    """Playwright's Chromium API driving Debian's /usr/bin/chromium (no browser download)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package (pip install playwright)")
    if not (os.path.isfile(H.CHROMIUM) and os.access(H.CHROMIUM, os.X_OK)):
        missing(f"Chromium at {H.CHROMIUM} (apt-get install chromium, or set RNNCOURSE_CHROMIUM)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=H.CHROMIUM, args=H.CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def scratch():
    """A scratch folder; course/ and solutions/ must come out of the module untouched."""
    before = {COURSE: snapshot(COURSE), SOLUTIONS: snapshot(SOLUTIONS)}
    path = Path(tempfile.mkdtemp(prefix="rnncourse-browser-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)
    for folder, files in before.items():
        assert snapshot(folder) == files, f"{folder} was modified by the browser test"


def jupyter_env(scratch: Path, base: dict | None = None, news_settings: bool = True) -> dict:
    """Jupyter's config, data and runtime folders and IPython's in the scratch folder (nothing
    written to ~/.jupyter, ~/.local or ~/.ipython), JupyterLab's news prompt off (unless
    ``news_settings`` is False: make lab's own config must then do it), nbgrader's exchange
    (default /srv/nbgrader/exchange) in the scratch folder too."""
    config = scratch / "jupyter-config"
    config.mkdir(parents=True, exist_ok=True)
    if news_settings:
        settings = config / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True, exist_ok=True)
        (settings / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    exchange = scratch / "exchange"
    exchange.mkdir(exist_ok=True)
    (config / "nbgrader_config.py").write_text(f"c.Exchange.root = {str(exchange)!r}\n")
    env = dict(os.environ if base is None else base)
    env.update(JUPYTER_CONFIG_DIR=str(config), JUPYTER_DATA_DIR=str(scratch / "jupyter-data"),
               JUPYTER_RUNTIME_DIR=str(scratch / "jupyter-runtime"),
               IPYTHONDIR=str(scratch / "ipython"))
    return env


def serve(server: H.JupyterLabServer):
    """Start ``server``; stop it with every process it started; keep its log as an artifact."""
    try:
        server.start()
        yield server
    finally:
        started = [server.proc.pid, *H.descendants(server.proc.pid)] if server.proc else []
        server.stop()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(server.log_path, ARTIFACTS / server.log_path.name)
        left = [pid for pid in started if H.alive(pid)]
        assert not left, f"processes left behind by jupyter lab: {left}"


@pytest.fixture(scope="module")
def student_lab(chromium, scratch):
    """``make lab``: work/ made from (a copy of) course/, then jupyter lab from the repository
    with root_dir = work/ and the repository's lab/ config on JUPYTER_CONFIG_PATH."""
    course, work = scratch / "course", scratch / "work"
    shutil.copytree(COURSE, course)
    assert work_copy.sync(course, work)
    env = jupyter_env(scratch / "student", news_settings=False)  # lab/ turns the news off
    env["JUPYTER_CONFIG_PATH"] = str(REPO / "lab")
    server = H.JupyterLabServer(root_dir=work, cwd=REPO, log=scratch / "student-lab.log", env=env,
                                offline_flags=False)  # lab/jupyter_server_config.json does it
    server.course = course
    yield from serve(server)


@pytest.fixture(scope="module")
def instructor_lab(chromium, scratch):
    """jupyter lab from autograde/ (the course's nbgrader config) on a scratch course root,
    every assignment generated from solutions/ and registered in its gradebook."""
    root = scratch / "instructor"
    grading = root / "grading"
    release = grading / "release"
    grading.mkdir(parents=True)
    # the course config reads its course root, gradebook and release folder from these; set
    # them explicitly so that neither the instructor's gradebook nor course/ can be touched
    env = nbgrader_run.nbgrader_env(grading, release)
    env.update(RNNCOURSE_GRADING_ROOT=str(grading), RNNCOURSE_RELEASE_DIR=str(release),
               RNNCOURSE_DB_URL="sqlite:///" + str(grading / "gradebook.db"))
    env = jupyter_env(scratch / "instructor-jupyter", env)
    # `nbgrader generate_assignment "*"`: every assignment of solutions/, registered
    proc = subprocess.run([str(H.BIN / "nbgrader"), "generate_assignment", "*", "--force",
                           "--create"], cwd=AUTOGRADE, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    server = H.JupyterLabServer(root_dir=root, cwd=AUTOGRADE, log=scratch / "instructor-lab.log",
                                env=env)
    server.release = release
    yield from serve(server)


@pytest.fixture
def page(chromium, request):
    context = chromium.new_context(viewport=H.VIEWPORT)
    context.set_default_timeout(60_000)
    page = context.new_page()
    yield page
    try:
        shot(page, f"last-{request.node.name}")  # the state a failing test ended in
    finally:
        context.close()


def end_sessions(server: H.JupyterLabServer):
    """Shut the notebooks' kernels down (2 cores: one kernel at a time)."""
    for session in server.api("GET", "/api/sessions") or []:
        server.api("DELETE", f"/api/sessions/{session['id']}")


# ---- student -------------------------------------------------------------------------------

def student_run_and_validate(page, server, path: str, step: str):
    """Open ``path``, Run > Run All Cells, press Validate. Returns the prompts after the run,
    the verdict dialog and its text."""
    nb = read(server.root_dir / path)
    code_cells = sum(c.cell_type == "code" for c in nb.cells)
    H.open_notebook(page, server, path)
    button = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar "
                          "jp-button.validate-button")
    try:
        button.wait_for(state="visible", timeout=30_000)
    except PlaywrightTimeout:
        pytest.fail("nbgrader's Validate button is not in the notebook toolbar "
                    "(is the @jupyter/nbgrader lab extension enabled?)")
    shot(page, f"{step}-1-opened")
    ran = H.run_all_cells(page, code_cells)
    errors = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) "
                          ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    if errors.count():
        H.show(page, errors.first)
    shot(page, f"{step}-2-ran")
    dialog = H.validate(page)
    text = dialog.inner_text()
    classes = (dialog.get_attribute("class") or "").split()
    kind = "error" if "nbgrader-ErrorDialog" in classes else "success"
    shot(page, f"{step}-3-validated")
    H.close_dialog(page, dialog)
    return ran, errors, kind, text


def test_blank_release_runs_until_the_first_exercise_and_does_not_validate(page, student_lab):
    path = f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
    tests = scored_cells(read(student_lab.root_dir / path))
    try:
        ran, errors, kind, text = student_run_and_validate(page, student_lab, path, "1-blank")
    finally:
        end_sessions(student_lab)
    # Run All stops at the first exercise: some cells ran, the rest were skipped
    assert any(p.isdigit() for p in ran) and ran[-1] == "", ran
    assert errors.count() >= 1 and "NotImplementedError" in errors.first.inner_text()
    # Validate: the error dialog; first a summary naming the failing exercises, one line per
    # failing test, then every test cell in full, with NotImplementedError
    assert kind == "error", text
    assert "Validation Results" in text, text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    summary = lines[lines.index("The following cell failed:") + 1]
    assert summary.startswith(f"{len(tests)} of {len(tests)} tests fail: q1, make_windows, "
                              "chronological_split"), text[:3000]
    assert sum(line.startswith("- test_") for line in lines) == len(tests), text[:3000]
    assert text.count("The following cell failed:") == 1 + len(tests), text[:3000]
    assert "NotImplementedError" in text, text[:3000]
    assert "testing.py" not in text and "skipping hidden" not in text, "a helper frame is shown"
    assert "Success! Your notebook passes all the tests." not in text
    # what JupyterLab wrote into work/ is no drift of the course (make test after make lab)
    assert differences(student_lab.course / ASSIGNMENT, student_lab.root_dir / ASSIGNMENT, REPO,
                       f"course/{ASSIGNMENT}") == []


def test_student_lab_shows_no_instructor_or_exchange_tools(page, student_lab):
    page.goto(student_lab.lab_url("/lab?reset"), wait_until="domcontentloaded")
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^File$")).wait_for(timeout=120_000)
    page.wait_for_timeout(3000)  # JupyterLab asks about its news shortly after start
    shot(page, "0-student-lab")
    assert page.get_by_text(re.compile("Jupyter news")).count() == 0, "the news prompt is shown"
    menus = [t.strip() for t in page.locator(".lm-MenuBar-itemLabel").all_inner_texts()]
    assert "Nbgrader" not in menus, menus  # Formgrader, Assignment List, Course List
    assert page.locator("#nbgrader-create_assignemnt").count() == 0  # Create Assignment panel
    for path in ("/formgrader", "/assignments", "/courses"):
        with pytest.raises(urllib.error.HTTPError) as missing_page:
            student_lab.api("GET", path)
        assert missing_page.value.code == 404, path
    assert student_lab.api("GET", "/lab/api/news") == {"news": []}


def test_notebook_filled_with_the_solutions_runs_and_validates(page, student_lab):
    path = f"{ASSIGNMENT}/{ASSIGNMENT}_solved.ipynb"
    nbformat.write(submissions.filled(ASSIGNMENT, course=student_lab.root_dir),
                   str(student_lab.root_dir / path))
    try:
        ran, errors, kind, text = student_run_and_validate(page, student_lab, path, "2-solved")
    finally:
        end_sessions(student_lab)
    assert kind == "success", text[:3000]
    assert "Success! Your notebook passes all the tests." in text, text[:3000]
    # Run All ran every code cell, and none wrote an error or to stderr
    assert ran and all(p.isdigit() for p in ran), f"not every code cell ran: {ran}"
    assert errors.count() == 0, errors.all_inner_texts()[:3]


# ---- instructor ----------------------------------------------------------------------------

def open_formgrader(page, server):
    """JupyterLab > Nbgrader menu > Formgrader: the formgrader opens in a Lab tab (an iframe)."""
    page.goto(server.lab_url("/lab?reset"), wait_until="domcontentloaded")
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Nbgrader$")).click(timeout=120_000)
    page.locator(".lm-Menu-item .lm-Menu-itemLabel", has_text=re.compile(r"^Formgrader$")).click()
    frame = page.frame_locator("iframe[src*='formgrader']")
    return frame


def test_formgrader_lists_the_eight_assignments(page, instructor_lab):
    assert assignments() == TEN  # the course's own list, as the formgrader should show it
    frame = open_formgrader(page, instructor_lab)
    rows = frame.locator("#main-table tr:has(td.name a)")
    rows.nth(len(TEN) - 1).wait_for(timeout=60_000)
    frame.locator("h1", has_text="Manage Assignments").wait_for()
    shot(page, "3-formgrader-manage-assignments")
    names = [t.strip() for t in rows.locator("td.name").all_inner_texts()]
    assert names == TEN
    for i in range(len(TEN)):
        row = rows.nth(i)
        # generated into the release folder: a preview link; nothing submitted yet
        assert row.locator("td.preview a").count() == 1, names[i]
        assert row.locator("td.num-submissions").inner_text().strip() == "0", names[i]

    # Manual Grading: each assignment with its points as registered in the gradebook (0 when
    # an assignment is only in source/ and was never generated)
    frame.get_by_role("link", name="Manual Grading", exact=True).first.click()
    frame.locator("h1", has_text="Manual Grading").wait_for()
    grades = frame.locator("#main-table tr:has(td a)")
    grades.nth(len(TEN) - 1).wait_for(timeout=60_000)
    shot(page, "4-formgrader-manual-grading")
    seen = {}
    for i in range(grades.count()):
        cells = [t.strip() for t in grades.nth(i).locator("td").all_inner_texts()]
        seen[cells[0]] = cells[-1]
    expected = {}
    for a in TEN:
        nb = read(instructor_lab.release / a / f"{a}.ipynb")
        total = sum(float(meta(c).get("points", 0)) for c in nb.cells if meta(c).get("grade"))
        expected[a] = total
    assert set(seen) == set(TEN), seen
    for a, score in seen.items():
        got, _, max_score = score.partition("/")
        assert float(got) == 0 and float(max_score) == expected[a] > 0, (a, score)
