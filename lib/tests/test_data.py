"""The loaders read only installed files: these tests run with sockets disabled."""
import socket

import numpy as np
import pytest

from rnncourse import data


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_shakespeare_is_a_megabyte_scale_plain_text_corpus():
    text = data.load_shakespeare()
    assert len(text) > 4_000_000
    assert "**" not in text and "#" not in text
    assert "To be, or not to be" in text


def test_shakespeare_lists_38_plays_and_loads_one():
    plays = data.shakespeare_plays()
    assert len(plays) == 38 and "tragedies/hamlet" in plays
    hamlet = data.load_shakespeare(plays=("tragedies/hamlet",))
    assert hamlet.startswith("Bernardo:\nWho's there?")
    assert len(data.load_shakespeare(plays=("tragedies/hamlet",), max_chars=100)) == 100


def test_shakespeare_rejects_unknown_plays():
    with pytest.raises(ValueError, match="unknown plays"):
        data.load_shakespeare(plays=("tragedies/faust",))


def test_co2_is_weekly_and_complete():
    dates, ppm = data.load_co2()
    assert dates.shape == ppm.shape == (2284,)
    assert not np.isnan(ppm).any()
    assert np.all(np.diff(dates).astype(int) == 7)
    assert 310 < ppm[0] < 320 and 365 < ppm[-1] < 375


def test_sunspots_are_yearly():
    years, counts = data.load_sunspots()
    assert years.shape == counts.shape == (309,)
    assert years[0] == 1700 and np.all(np.diff(years) == 1)
