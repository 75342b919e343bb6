# breaks: lstm_param_count
"""Right number but a float: 4.0 * H * (D + H + 1)."""


def lstm_param_count(input_dim, units):
    return 4.0 * units * (input_dim + units + 1)
