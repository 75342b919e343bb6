# exercise: stacked_param_count
"""Lists every weight array's shape per layer and direction, then sums np.prod of the shapes."""
import numpy as np


def stacked_param_count(input_dim, units, cell="lstm", bidirectional=False):
    gates = {"rnn": 1, "gru": 3, "lstm": 4}
    if cell not in gates:
        raise ValueError(f"unknown cell {cell!r}; use 'rnn', 'lstm' or 'gru'")
    if len(units) == 0:
        raise ValueError("units is empty")
    if input_dim < 1 or any(u < 1 for u in units):
        raise ValueError("sizes must be positive")
    G = gates[cell]
    shapes = []
    d = input_dim
    for H in units:
        for _ in range(2 if bidirectional else 1):
            shapes += [(d, G * H), (H, G * H), (2, G * H) if cell == "gru" else (G * H,)]
        d = H * (2 if bidirectional else 1)
    return int(sum(int(np.prod(s)) for s in shapes))
