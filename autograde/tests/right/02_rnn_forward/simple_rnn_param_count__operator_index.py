# exercise: simple_rnn_param_count
"""operator.index to accept any integer type, factored formula H(D+H+1)."""
import operator


def simple_rnn_param_count(input_dim, units):
    try:
        D = operator.index(input_dim)
        H = operator.index(units)
    except TypeError:
        raise ValueError(f"input_dim and units must be integers, got {input_dim!r}, {units!r}") from None
    if D <= 0 or H <= 0:
        raise ValueError(f"input_dim and units must be positive, got {D}, {H}")
    return H * (D + H + 1)
