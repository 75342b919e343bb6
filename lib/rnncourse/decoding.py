"""A table-driven decoder step, the toy language model notebook 09's decoders are tested on.

    from rnncourse.decoding import TableStep
    step = TableStep(np.log(P))                 # P (V, V): P[a, b] = p(next = b | previous = a)
    log_probs, states = step(np.array([start_id]), ())

A decoder (``greedy_decode``, ``beam_search``) only sees the interface of a step function::

    step(prev_ids (B,), states) -> (log_probs (B, V), new_states)

where ``states`` is a tuple of arrays whose leading axis is B, one row per hypothesis.
``TableStep`` implements it with a lookup table instead of a network, so tests know the
exact probability of every sequence:

* ``log_probs (V, V)``: a first-order Markov chain, ``log_probs[prev]`` is the next-token
  distribution; it keeps no state (``states == ()``, any tuple of arrays is passed through).
* ``log_probs (V, V, V)``: a second-order chain, ``log_probs[before_prev, prev]``; the state
  is ``(before_prev (B,) int array,)``, the token before the previous one, and the new state is
  ``(prev_ids,)``. A decoder that forgets to reorder or copy the states of its hypotheses
  gets wrong probabilities from it.

The object holds only numpy arrays and ints (so it can be shipped between kernels as data),
never changes its inputs, and raises ``ValueError`` when a decoder calls it with shapes that do
not fit (prev_ids not 1-D, a state whose leading axis is not B, an id out of range).
"""
from __future__ import annotations

import numpy as np

__all__ = ["TableStep", "sequence_log_prob"]


class TableStep:
    """A step function ``(prev_ids (B,), states) -> (log_probs (B, V), states)`` read from a table.

    log_probs: (V, V) or (V, V, V) array of log-probabilities (each last-axis row should
    sum to 1 after exp; not enforced, so tests may use any scores).
    """

    def __init__(self, log_probs):
        table = np.array(log_probs)  # a private copy: the caller's array may change later
        if table.ndim not in (2, 3) or len(set(table.shape)) != 1 or table.shape[0] < 1:
            raise ValueError(f"log_probs must be (V, V) or (V, V, V), got shape {table.shape}")
        if not np.issubdtype(table.dtype, np.floating):
            table = table.astype(np.float64)
        self.log_probs = table
        self.vocab_size = int(table.shape[0])
        self.order = int(table.ndim - 1)

    def initial_states(self, before_start: int = 0) -> tuple:
        """States for one sequence (leading axis 1): ``()`` for a first-order table,
        ``(array([before_start]),)`` for a second-order one."""
        if self.order == 1:
            return ()
        return (np.array([before_start], dtype=np.int64),)

    def __call__(self, prev_ids, states):
        prev = np.asarray(prev_ids)
        if prev.ndim != 1 or not np.issubdtype(prev.dtype, np.integer):
            raise ValueError(f"step: prev_ids must be a 1-D integer array (B,), got shape {prev.shape} "
                             f"and dtype {prev.dtype}")
        if prev.size and (prev.min() < 0 or prev.max() >= self.vocab_size):
            raise ValueError(f"step: prev_ids must be in [0, {self.vocab_size}), got {prev.tolist()}")
        if not isinstance(states, (tuple, list)):
            raise ValueError(f"step: states must be a tuple of arrays, got {type(states).__name__}")
        B = prev.shape[0]
        for i, s in enumerate(states):
            s = np.asarray(s)
            if s.ndim < 1 or s.shape[0] != B:
                raise ValueError(f"step: state {i} has shape {s.shape}, but prev_ids has B = {B} "
                                 "rows: every state needs one row per hypothesis (leading axis B)")
        if self.order == 1:
            return self.log_probs[prev].copy(), tuple(np.array(s) for s in states)
        if len(states) != 1:
            raise ValueError(f"step: a second-order table needs states = (before_prev (B,),), "
                             f"got {len(states)} arrays")
        before = np.asarray(states[0])
        if before.ndim != 1 or not np.issubdtype(before.dtype, np.integer):
            raise ValueError(f"step: the state must be a 1-D integer array (B,), got shape {before.shape}")
        return self.log_probs[before, prev].copy(), (prev.astype(np.int64).copy(),)


def sequence_log_prob(step, init_states, start_id: int, ids) -> float:
    """Summed log-probability of ``ids`` (without the start token) under ``step``,
    fed one token at a time from ``start_id`` and ``init_states`` (leading axis 1)."""
    states, prev, total = tuple(init_states), int(start_id), 0.0
    for token in np.asarray(ids, dtype=np.int64).ravel():
        log_probs, states = step(np.array([prev], dtype=np.int64), states)
        total += float(log_probs[0, int(token)])
        prev = int(token)
    return total
