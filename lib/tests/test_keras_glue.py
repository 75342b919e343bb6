import numpy as np
import pytest

from rnncourse.keras_glue import count_params, load_keras, recurrent_layer, run_keras_recurrent, set_weights


@pytest.fixture(scope="module")
def keras():
    return load_keras(seed=0)


def test_simple_rnn_with_numpy_weights_matches_the_formula(keras):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 3, 4)).astype(np.float32)
    W_x, W_h = rng.standard_normal((4, 5)), rng.standard_normal((5, 5)) * 0.5
    b, h0 = rng.standard_normal(5), rng.standard_normal((2, 5))
    h_seq, h_T = run_keras_recurrent("rnn", x, [W_x, W_h, b], initial_state=h0.astype(np.float32))
    h = h0
    for t in range(3):
        h = np.tanh(x[:, t] @ W_x + h @ W_h + b)
    np.testing.assert_allclose(h_seq[:, -1], h, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(h_T, h, rtol=1e-4, atol=1e-5)


def test_lstm_returns_sequence_and_both_states(keras):
    x = np.zeros((2, 3, 4), np.float32)
    outs = run_keras_recurrent("lstm", x, [np.zeros((4, 8)), np.zeros((2, 8)), np.zeros(8)])
    assert [o.shape for o in outs] == [(2, 3, 2), (2, 2), (2, 2)]


def test_set_weights_names_the_shapes_that_differ(keras):
    layer = recurrent_layer("gru", 3)
    layer.build((None, 5, 2))
    with pytest.raises(ValueError, match=r"\(2, 9\).*\(2, 3\)"):
        set_weights(layer, [np.zeros((2, 3)), np.zeros((3, 9)), np.zeros((2, 9))])


def test_parameter_counts_follow_the_spec(keras):
    for cell, expected in {"rnn": 5 * (2 + 5 + 1), "lstm": 4 * 5 * (2 + 5 + 1),
                           "gru": 3 * 5 * (2 + 5 + 2)}.items():
        layer = recurrent_layer(cell, 5)
        layer.build((None, 7, 2))
        assert count_params(layer) == expected


def test_unknown_cell_is_a_value_error(keras):
    with pytest.raises(ValueError, match="cell must be one of"):
        recurrent_layer("transformer", 3)
