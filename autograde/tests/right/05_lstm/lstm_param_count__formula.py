# exercise: lstm_param_count
"""The closed formula 4H(D + H + 1), no validation beyond int()."""


def lstm_param_count(input_dim, units):
    D, H = int(input_dim), int(units)
    if D < 1 or H < 1:
        raise ValueError("input_dim and units must be at least 1")
    return 4 * H * (D + H + 1)
