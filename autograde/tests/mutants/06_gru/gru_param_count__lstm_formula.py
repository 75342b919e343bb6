# breaks: gru_param_count
"""Uses the LSTM's count 4H(D+H+1)."""


def gru_param_count(input_dim, units):
    if input_dim < 1 or units < 1:
        raise ValueError("sizes must be >= 1")
    return 4 * units * (input_dim + units + 1)
