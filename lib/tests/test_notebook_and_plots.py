import os
import warnings

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from rnncourse import notebook, plots  # noqa: E402


def test_setup_silences_warnings_and_seeds_numpy():
    notebook.setup(seed=3)
    first = np.random.rand()
    with warnings.catch_warnings(record=True) as caught:
        np.exp(np.array([1000.0]))
    notebook.setup(seed=3)
    assert np.random.rand() == first
    assert not [w for w in caught if issubclass(w.category, RuntimeWarning)]


def test_pick_follows_nbgrader_execution(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert notebook.pick(student=100, graded=10) == 100
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert notebook.pick(student=100, graded=10) == 10
    assert notebook.grading_mode() == "autograde"


def test_unrolled_rnn_draws_one_box_per_step():
    ax = plots.draw_unrolled_rnn(steps=5)
    assert len(ax.patches) == 5
    labels = {t.get_text() for t in ax.texts}
    assert "$h_{5}$" in labels and "$y_{5}$" in labels


def test_unrolled_rnn_many_to_one_has_one_output():
    ax = plots.draw_unrolled_rnn(steps=3, outputs="last")
    outputs = [t for t in ax.texts if t.get_text().startswith("$y")]
    assert [t.get_text() for t in outputs] == ["$y_{3}$"]


def test_unrolled_rnn_rejects_unknown_output_mode():
    with pytest.raises(ValueError, match="outputs"):
        plots.draw_unrolled_rnn(outputs="some")


def test_plot_helpers_return_axes_with_data():
    ax = plots.plot_losses({"rnn": [3, 2, 1], "lstm": [3, 1, 0.5]}, baseline=2.0)
    assert len(ax.lines) == 3
    ax = plots.plot_windows(np.sin(np.arange(30.0)), window=5, starts=(0, 10))
    assert len(ax.patches) == 2
    ax = plots.plot_heatmap(np.zeros((4, 6)))
    assert ax.images[0].get_array().shape == (4, 6)
