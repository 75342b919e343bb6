import numpy as np
import pytest

from rnncourse.decoding import TableStep, sequence_log_prob


def test_first_order_table_reads_rows_and_passes_states_through():
    table = np.log(np.array([[0.1, 0.9], [0.6, 0.4]]))
    step = TableStep(table)
    assert step.order == 1 and step.vocab_size == 2 and step.initial_states() == ()
    lp, states = step(np.array([1, 0, 1]), ())
    np.testing.assert_allclose(lp, table[[1, 0, 1]])
    assert states == ()
    extra = (np.arange(6).reshape(3, 2),)
    _, passed = step(np.array([0, 0, 1]), extra)
    np.testing.assert_array_equal(passed[0], extra[0])


def test_second_order_table_carries_the_token_before():
    rng = np.random.default_rng(0)
    table = rng.standard_normal((4, 4, 4))
    step = TableStep(table)
    lp, (before,) = step(np.array([2, 3]), (np.array([1, 0]),))
    np.testing.assert_allclose(lp, np.stack([table[1, 2], table[0, 3]]))
    np.testing.assert_array_equal(before, [2, 3])
    assert step.initial_states(3)[0].tolist() == [3]


def test_does_not_mutate_and_keeps_a_private_copy():
    table = np.zeros((3, 3))
    step = TableStep(table)
    table[:] = 5.0
    lp, _ = step(np.array([0]), ())
    assert np.all(lp == 0.0)
    lp[:] = 7.0
    assert np.all(step.log_probs == 0.0)
    prev, state = np.array([1, 2]), np.array([0, 1])
    step3 = TableStep(np.zeros((3, 3, 3)))
    step3(prev, (state,))
    assert prev.tolist() == [1, 2] and state.tolist() == [0, 1]


@pytest.mark.parametrize("prev, states, match", [
    (np.array([[0]]), (), "1-D"),
    (np.array([0.5]), (), "integer"),
    (np.array([3]), (), "in \\[0, 3\\)"),
    (np.array([0, 1]), (np.zeros((1, 2)),), "leading axis B"),
    (np.array([0]), [np.zeros(2)], "leading axis B"),
    (np.array([0]), np.zeros(1), "tuple"),
])
def test_bad_calls_raise_clear_value_errors(prev, states, match):
    with pytest.raises(ValueError, match=match):
        TableStep(np.zeros((3, 3)))(prev, states)


def test_bad_tables_and_second_order_states():
    with pytest.raises(ValueError, match="shape"):
        TableStep(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="second-order"):
        TableStep(np.zeros((2, 2, 2)))(np.array([0]), ())


def test_sequence_log_prob_sums_along_the_path():
    P = np.array([[0.1, 0.6, 0.3], [0.5, 0.25, 0.25], [0.2, 0.2, 0.6]])
    step = TableStep(np.log(P))
    got = sequence_log_prob(step, (), 0, [1, 2, 2])
    assert got == pytest.approx(np.log(0.6 * 0.25 * 0.6))
    assert sequence_log_prob(step, (), 0, []) == 0.0
    step2 = TableStep(np.log(np.full((3, 3, 3), 1 / 3)))
    assert sequence_log_prob(step2, step2.initial_states(), 0, [1, 1]) == pytest.approx(2 * np.log(1 / 3))
