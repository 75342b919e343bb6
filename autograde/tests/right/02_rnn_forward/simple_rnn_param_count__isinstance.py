# exercise: simple_rnn_param_count
"""Sizes of the three arrays added up; ints checked with isinstance (bool rejected)."""
import numbers


def simple_rnn_param_count(input_dim, units):
    for name, value in (("input_dim", input_dim), ("units", units)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    D, H = int(input_dim), int(units)
    return D * H + H * H + H
