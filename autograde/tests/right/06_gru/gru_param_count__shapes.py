# exercise: gru_param_count
"""Sum of the sizes of W_x (D, 3H), W_h (H, 3H) and b (2, 3H)."""
import numbers


def gru_param_count(input_dim, units):
    for name, v in (("input_dim", input_dim), ("units", units)):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral):
            raise ValueError(f"{name} must be an integer, got {v!r}")
        if v < 1:
            raise ValueError(f"{name} must be >= 1, got {v}")
    D, H = int(input_dim), int(units)
    return D * 3 * H + H * 3 * H + 2 * 3 * H
