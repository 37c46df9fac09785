"""Growth in words: the source's sentence, every threshold, both languages, typography."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import (
    Growth,
    MembershipSnapshot,
    Qualifier,
    default_network,
    describe_growth,
    growth,
    phase_growth,
)
from reseau_coop._words import MULTIPLES, whole_multiple

NNBSP = "\u202f"


def _growth(
    start: int,
    end: int,
    *,
    years: int = 10,
    start_q: Qualifier = Qualifier.EXACT,
    end_q: Qualifier = Qualifier.EXACT,
) -> Growth:
    return Growth.between(
        MembershipSnapshot(year=2000, members=start, qualifier=start_q),
        MembershipSnapshot(year=2000 + years, members=end, qualifier=end_q),
    )


# ---------------------------------------------------------------- the source


def test_whole_history_in_french_reads_like_the_article() -> None:
    """« en 15 ans, le membrariat a plus que septuplé (passant de 14 à 100 membres) »."""
    text = describe_growth(growth(default_network()))

    assert (
        "En 15 ans (2007–2022), le membrariat a plus que septuplé, passant de 14 à 100 membres."
        == text
    )


def test_whole_history_in_english() -> None:
    """The English sentence says the same: 15 years, more than septupled, 14 to 100."""
    text = describe_growth(growth(default_network()), "en")

    assert "In 15 years (2007–2022), membership more than septupled, from 14 to 100 members." == (
        text
    )


def test_language_defaults_to_the_networks_first() -> None:
    """French for the default dataset; the network's first language in general."""
    g = growth(default_network())

    assert describe_growth(g, "fr") == describe_growth(g)
    assert describe_growth(g, "fr-CA") == describe_growth(g)
    assert describe_growth(g, "en-GB") == describe_growth(g, "en")


@pytest.mark.parametrize("lang", ["de", "es", "", "english"])
def test_other_languages_refused(lang: str) -> None:
    """Languages other than French and English are a ValueError naming the ones there are."""
    with pytest.raises(ValueError, match=r"\['fr', 'en'\]"):
        describe_growth(growth(default_network()), lang)


def test_phase_sentences() -> None:
    """Per phase: the phase's name, the hedge of "autour de 35" kept on the figure."""
    sentences = [describe_growth(g) for g in phase_growth(default_network())]
    english = [describe_growth(g, "en") for g in phase_growth(default_network())]

    assert [
        (
            "Phase d’expérimentation\u00a0: en 5 ans (2007–2012), le membrariat a été multiplié "
            "par 2,5, passant de 14 à environ 35 membres."
        ),
        (
            "Phase d’implantation\u00a0: en 5 ans (2012–2017), le membrariat a été multiplié "
            "par 1,6, passant d’environ 35 à 56 membres."
        ),
        (
            "Phase de consolidation\u00a0: en 5 ans (2017–2022), le membrariat a été multiplié "
            "par 1,8, passant de 56 à 100 membres."
        ),
    ] == sentences
    assert english[0] == (
        "Experimentation phase: in 5 years (2007–2012), membership multiplied by 2.5, "
        "from 14 to about 35 members."
    )


# ---------------------------------------------------------------- thresholds


@pytest.mark.parametrize("n", sorted(MULTIPLES))
@pytest.mark.parametrize(
    ("factor", "hedge"),
    [
        (Fraction("0.9499"), None),
        (Fraction("0.95"), "nearly"),
        (Fraction("0.9949"), "nearly"),
        (Fraction("0.995"), ""),
        (Fraction(1), ""),
        (Fraction("1.005"), ""),
        (Fraction("1.0051"), "more than"),
    ],
)
def test_bands_around_each_multiple(n: int, factor: Fraction, hedge: str | None) -> None:
    """Both sides of every threshold, for every whole multiple from 2 to 10."""
    value = factor * n
    found = whole_multiple(value.numerator, value.denominator)

    if hedge is None:
        assert found is None or found[1] != n
    else:
        assert (hedge, n) == found


@pytest.mark.parametrize("n", sorted(MULTIPLES))
def test_more_than_stops_below_n_plus_half(n: int) -> None:
    """The "more than" band runs up to n + 0.5, excluded."""
    below = n + Fraction("0.4999")
    assert ("more than", n) == whole_multiple(below.numerator, below.denominator)
    found = whole_multiple(2 * n + 1, 2)
    assert found is None or found[1] != n


@pytest.mark.parametrize("n", sorted(MULTIPLES))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_words_in_sentences(n: int, lang: str) -> None:
    """The word and its hedge, in each language, from real counts on each side."""
    fr, en = MULTIPLES[n]
    word = fr if lang == "fr" else en
    exact = describe_growth(_growth(1000, 1000 * n), lang)
    more = describe_growth(_growth(1000, 1010 * n), lang)  # 1 % above
    nearly = describe_growth(_growth(1000, 980 * n), lang)  # 2 % below
    other = describe_growth(_growth(1000, 900 * n), lang)  # 10 % below: no word for n
    plain_word = f"a {word}," if lang == "fr" else f"membership {word},"
    more_word = f"a plus que {word}," if lang == "fr" else f"more than {word},"
    nearly_word = f"a presque {word}," if lang == "fr" else f"nearly {word},"

    assert plain_word in exact
    assert more_word in more
    assert nearly_word in nearly
    assert word not in other


@given(st.integers(1, 10_000), st.integers(1, 10_000), st.sampled_from(["fr", "en"]))
def test_every_increase_is_said_once(start: int, end: int, lang: str) -> None:
    """An increase is said either as a word for a multiple or as "multiplied by"."""
    text = describe_growth(_growth(start, end), lang)
    found = whole_multiple(end, start)

    if end == start:
        assert ("stable" if lang == "fr" else "held steady") in text
    elif end < start:
        assert ("a diminué de" if lang == "fr" else "fell by") in text
    elif found is None:
        assert ("a été multiplié par" if lang == "fr" else "multiplied by") in text
    else:
        word = MULTIPLES[found[1]][0 if lang == "fr" else 1]
        assert f"{word}," in text


@given(st.fractions(min_value=1, max_value=12))
def test_bands_never_overlap(value: Fraction) -> None:
    """Each ratio falls in one band at most, and the one found contains it."""
    found = whole_multiple(value.numerator, value.denominator)
    if found is None:
        return
    hedge, n = found
    low, high = {
        "": (Fraction("0.995") * n, Fraction("1.005") * n),
        "more than": (Fraction("1.005") * n, n + Fraction("0.5")),
        "nearly": (Fraction("0.95") * n, Fraction("0.995") * n),
    }[hedge]

    assert low <= value <= high


# ---------------------------------------------------------------- other shapes


@pytest.mark.parametrize(
    ("start", "end", "fr", "en"),
    [
        (120, 100, "a diminué de 17\u202f%", "fell by 17%"),
        (1000, 975, "a diminué de 2,5\u202f%", "fell by 2.5%"),
        (10, 0, "a diminué de 100\u202f%", "fell by 100%"),
        (35, 35, "est resté stable, à 35 membres", "held steady at 35 members"),
        (0, 12, "est passé de 0 à 12 membres", "went from 0 to 12 members"),
        (0, 0, "est resté stable, à 0 membre", "held steady at 0 members"),
        (10, 25, "a été multiplié par 2,5", "multiplied by 2.5"),
        (100, 104, "a été multiplié par 1,04", "multiplied by 1.04"),
        (10, 250, "a été multiplié par 25", "multiplied by 25"),
        (1, 1, "à 1 membre", "at 1 member"),
    ],
)
def test_shapes_of_change(start: int, end: int, fr: str, en: str) -> None:
    """Decreases as decreases, steady as steady, from zero as from zero."""
    g = _growth(start, end)

    assert fr in describe_growth(g, "fr")
    assert en in describe_growth(g, "en")


def test_french_typography() -> None:
    """Narrow no-break space between thousands and before %, decimal comma."""
    rising = describe_growth(_growth(1200, 30_000), "fr")
    falling = describe_growth(_growth(12_000, 9_000), "fr")

    assert f"passant de 1{NNBSP}200 à 30{NNBSP}000 membres" in rising
    assert "multiplié par 25" in rising
    assert f"a diminué de 25{NNBSP}%" in falling
    assert "passing from 12,000" not in describe_growth(_growth(12_000, 9_000), "en")
    assert "from 12,000 to 9,000 members" in describe_growth(_growth(12_000, 9_000), "en")


@pytest.mark.parametrize(
    ("qualifier", "fr_start", "fr_end", "en"),
    [
        (Qualifier.APPROXIMATE, "d’environ 10", "environ 30", "about"),
        (Qualifier.AT_LEAST, "d’au moins 10", "au moins 30", "at least"),
        (Qualifier.AT_MOST, "d’au plus 10", "au plus 30", "at most"),
        (Qualifier.NEARLY, "de près de 10", "près de 30", "nearly"),
    ],
)
def test_hedges_on_figures(qualifier: Qualifier, fr_start: str, fr_end: str, en: str) -> None:
    """Each hedge is kept on its figure, with French elision after "de"."""
    start = _growth(10, 30, start_q=qualifier)
    end = _growth(10, 30, end_q=qualifier)

    assert f"passant {fr_start} à 30 membres" in describe_growth(start, "fr")
    assert f"passant de 10 à {fr_end} membres" in describe_growth(end, "fr")
    assert f"from {en} 10 to 30 members" in describe_growth(start, "en")
    assert f"from 10 to {en} 30 members" in describe_growth(end, "en")


@pytest.mark.parametrize(
    ("years", "fr", "en"),
    [(0, "En 2000, ", "In 2000, "), (1, "En 1 an (2000–2001)", "In 1 year (2000–2001)")],
)
def test_short_spans(years: int, fr: str, en: str) -> None:
    """Zero years names the year; one year is singular."""
    g = _growth(10, 10 if years == 0 else 20, years=years)

    assert describe_growth(g, "fr").startswith(fr)
    assert describe_growth(g, "en").startswith(en)
