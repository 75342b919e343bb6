"""Plots the notebooks share: a sequence, the unrolled RNN, loss curves, heat maps.

Each function draws on ``ax`` if given (else a new figure) and returns the axes.
matplotlib is imported lazily so that importing the library stays cheap.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np


def _axes(ax, figsize=(8, 3)):
    import matplotlib.pyplot as plt
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_series(y, t=None, ax=None, label=None, title=None, xlabel="time step",
                ylabel="value", **style):
    """Line plot of a sequence ``y (T,)`` against ``t (T,)`` (default ``0..T-1``)."""
    ax = _axes(ax)
    y = np.asarray(y)
    t = np.arange(len(y)) if t is None else np.asarray(t)
    ax.plot(t, y, label=label, **style)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if label:
        ax.legend()
    return ax


def plot_windows(series, window, horizon=1, starts=(0,), ax=None):
    """A series with input windows shaded and the targets they predict marked."""
    ax = plot_series(series, ax=ax, label="series", color="0.4")
    colors = ["tab:blue", "tab:orange", "tab:green", "tab:red"]
    for k, start in enumerate(starts):
        c = colors[k % len(colors)]
        ax.axvspan(start - 0.5, start + window - 0.5, color=c, alpha=0.15)
        target = start + window + horizon - 1
        if target < len(series):
            ax.plot(target, series[target], "o", color=c, label=f"target of window {start}")
    ax.legend(loc="upper right", fontsize=8)
    return ax


def draw_unrolled_rnn(steps: int = 4, ax=None, outputs: str = "all", title=None):
    """Draw an RNN unrolled over ``steps`` time steps.

    outputs: ``"all"`` (many-to-many), ``"last"`` (many-to-one) or ``"none"``.
    Boxes are hidden states; arrows show ``x_t -> h_t``, ``h_{t-1} -> h_t`` (the same
    ``W_h`` every step) and ``h_t -> y_t``.
    """
    import matplotlib.patches as patches
    if outputs not in {"all", "last", "none"}:
        raise ValueError(f"outputs must be 'all', 'last' or 'none', got {outputs!r}")
    ax = _axes(ax, figsize=(1.9 * steps + 1, 3.2))
    arrow = dict(arrowstyle="->", lw=1.4, color="0.2")
    for t in range(steps):
        cx = 1.8 * t + 1.2
        ax.add_patch(patches.FancyBboxPatch((cx - 0.4, 1.1), 0.8, 0.8,
                                            boxstyle="round,pad=0.05", fc="#cfe2f3", ec="0.2"))
        ax.text(cx, 1.5, f"$h_{{{t + 1}}}$", ha="center", va="center", fontsize=12)
        ax.text(cx, 0.1, f"$x_{{{t + 1}}}$", ha="center", va="center", fontsize=12)
        ax.annotate("", xy=(cx, 1.05), xytext=(cx, 0.3), arrowprops=arrow)
        ax.text(cx + 0.08, 0.68, "$W_x$", fontsize=9, color="0.3")
        if outputs == "all" or (outputs == "last" and t == steps - 1):
            ax.text(cx, 2.9, f"$y_{{{t + 1}}}$", ha="center", va="center", fontsize=12)
            ax.annotate("", xy=(cx, 2.7), xytext=(cx, 1.95), arrowprops=arrow)
        prev = f"$h_{{{t}}}$" if t else "$h_0$"
        ax.annotate("", xy=(cx - 0.45, 1.5), xytext=(cx - 1.35, 1.5), arrowprops=arrow)
        ax.text(cx - 0.9, 1.6, "$W_h$", fontsize=9, ha="center", color="0.3")
        if t == 0:
            ax.text(cx - 1.45, 1.5, prev, ha="right", va="center", fontsize=11)
    ax.set_xlim(-0.6, 1.8 * steps + 0.4)
    ax.set_ylim(-0.3, 3.2)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title or "An RNN unrolled in time: one cell, the same weights at every step")
    return ax


def plot_losses(curves: Mapping[str, Sequence[float]], ax=None, ylabel="loss", logy=False,
                xlabel="epoch", title=None, baseline: float | None = None):
    """One line per named loss curve; an optional horizontal baseline (e.g. ``ln V``)."""
    ax = _axes(ax, figsize=(7, 3.5))
    for name, values in curves.items():
        ax.plot(np.arange(1, len(values) + 1), values, label=name)
    if baseline is not None:
        ax.axhline(baseline, ls="--", color="0.5", label="baseline")
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend()
    return ax


def plot_heatmap(matrix, ax=None, xlabel="time step", ylabel="unit", title=None,
                 cmap="viridis", vmin=None, vmax=None, xticklabels=None):
    """Heat map of ``matrix (rows, cols)``, e.g. gate activations ``(H, T)``."""
    ax = _axes(ax, figsize=(9, 3))
    image = ax.imshow(np.asarray(matrix), aspect="auto", cmap=cmap, vmin=vmin, vmax=vmax,
                      interpolation="nearest")
    ax.figure.colorbar(image, ax=ax)
    if xticklabels is not None:
        ax.set_xticks(np.arange(len(xticklabels)))
        ax.set_xticklabels(list(xticklabels), fontsize=7)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return ax
