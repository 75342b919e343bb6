# exercise: lstm_param_count
"""Adds up the sizes of the three weight arrays, validating the sizes."""
import numbers


def lstm_param_count(input_dim, units):
    if not all(isinstance(v, numbers.Integral) and not isinstance(v, bool) and v >= 1
               for v in (input_dim, units)):
        raise ValueError(f"input_dim and units must be positive integers, got {input_dim!r}, {units!r}")
    D, H = int(input_dim), int(units)
    shapes = [(D, 4 * H), (H, 4 * H), (4 * H,)]
    total = 0
    for shape in shapes:
        size = 1
        for n in shape:
            size *= n
        total += size
    return total
