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


def test_shakespeare_lines_are_labelled_by_folio_genre():
    lines, labels, plays = data.load_shakespeare_lines()
    assert len(lines) == len(labels) == len(plays) > 100_000
    assert labels.dtype == np.int64 and set(np.unique(labels)) == {0, 1, 2}
    assert data.SHAKESPEARE_GENRES == ("comedy", "history", "tragedy")
    assert set(data.PLAY_GENRES) == set(data.shakespeare_plays())
    assert all(data.SHAKESPEARE_GENRES[k] == data.PLAY_GENRES[p] for k, p in zip(labels, plays))
    assert data.PLAY_GENRES["romances/the-tempest"] == "comedy"
    assert data.PLAY_GENRES["romances/cymbeline"] == "tragedy"
    assert data.PLAY_GENRES["histories/richard-iii"] == "history"
    hamlet = [line for line, p in zip(lines, plays) if p == "tragedies/hamlet"]
    assert hamlet[:2] == ["Who's there?", "Nay, answer me: stand, and unfold yourself."]
    assert not any(line.startswith(("#", "_", "**")) or "*" in line for line in lines)
    shares = np.bincount(labels) / len(labels)
    assert np.all(shares > 0.25)


def test_shakespeare_lines_are_deterministic_and_filter_short_lines():
    lines, labels, _ = data.load_shakespeare_lines()
    again, labels_again, _ = data.load_shakespeare_lines.__wrapped__()
    assert lines == again and np.array_equal(labels, labels_again)
    long_lines, _, _ = data.load_shakespeare_lines(min_words=4)
    assert 0 < len(long_lines) < len(lines)
    assert all(len(line.split()) >= 4 for line in long_lines)
    with pytest.raises(ValueError, match="min_words"):
        data.load_shakespeare_lines(min_words=0)
