"""Growth in words: the source's sentence, every threshold, both languages, typography."""

from __future__ import annotations

import re
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import (
    Dating,
    Growth,
    LocalizedText,
    MembershipSnapshot,
    Network,
    Phase,
    Qualifier,
    default_network,
    describe_growth,
    growth,
    phase_growth,
)
from reseau_coop._text import MULTIPLES, decimal, duration
from reseau_coop._words import _barely_changed, growth_figures, whole_multiple
from reseau_coop.strategies import networks

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
    """Per phase: the phase as written, no duration (its ends are dated by phases), hedges kept."""
    sentences = [describe_growth(g) for g in phase_growth(default_network())]
    english = [describe_growth(g, "en") for g in phase_growth(default_network())]

    assert [
        (
            "Phase d’expérimentation (2007–2012)\u00a0: le membrariat a été multiplié "
            "par 2,5, passant de 14 à environ 35 membres."
        ),
        (
            "Phase d’implantation (2012–2017)\u00a0: le membrariat a été multiplié "
            "par 1,6, passant d’environ 35 à 56 membres."
        ),
        (
            "Phase de consolidation (2017–2022)\u00a0: le membrariat a été multiplié "
            "par 1,8, passant de 56 à 100 membres."
        ),
    ] == sentences
    assert english[1] == (
        "Establishment phase (2012–2017): membership multiplied by 1.6, "
        "from about 35 to 56 members."
    )


def test_a_phase_growth_between_years_keeps_its_duration() -> None:
    """A phase's growth whose two ends are dated by their year is said with its duration."""
    network = Network(
        name=LocalizedText({"en": "Lac"}),
        languages=("en",),
        phases=(Phase(key="a", name=LocalizedText({"en": "Phase A"}), start=2000, end=2010),),
        snapshots=(
            MembershipSnapshot(year=2000, members=10),
            MembershipSnapshot(year=2010, members=20),
        ),
    )
    (found,) = phase_growth(network)

    assert "Phase A: in 10 years (2000–2010), membership doubled, from 10 to 20 members." == (
        describe_growth(found)
    )


@pytest.mark.parametrize(
    ("start", "end", "fr", "en"),
    [
        (
            2012,
            2022,
            (
                "Entre 2012 et 2022 (années par convention), le membrariat a presque triplé, "
                "passant d’environ 35 à 100 membres."
            ),
            (
                "Between 2012 and 2022 (years by convention), membership nearly tripled, "
                "from about 35 to 100 members."
            ),
        ),
        (
            2017,
            2017,
            "En 2017 (année par convention), le membrariat était de 56 membres.",
            "In 2017 (year by convention), membership was 56 members.",
        ),
    ],
)
def test_years_by_convention_are_said_so(start: int, end: int, fr: str, en: str) -> None:
    """A growth from or to a phase-dated count names its years as a convention, with no duration."""
    found = growth(default_network(), start, end)

    assert (fr, en) == (describe_growth(found, "fr"), describe_growth(found, "en"))


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
    elif _barely_changed(start, end):
        assert ("a à peine changé" if lang == "fr" else "barely changed") in text
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


# ---------------------------------------------------------------- at the edges

LARGEST = 2**53 - 1  # the largest count the model takes


@pytest.mark.parametrize(
    ("start", "end", "years", "fr", "en"),
    [
        (35, 35, 5, "le membrariat est resté stable, à 35", "membership held steady at 35"),
        (1000, 1001, 1, "le membrariat a à peine changé", "membership barely changed"),
        (1000, 1004, 2, "le membrariat a à peine changé", "membership barely changed"),
        (1000, 1005, 2, "le membrariat a à peine changé", "membership barely changed"),
        (1000, 1006, 2, "a été multiplié par 1,01", "multiplied by 1.01"),
        (10_000, 9_999, 2, "le membrariat a à peine changé", "membership barely changed"),
        (10_000, 9_995, 2, "le membrariat a à peine changé", "membership barely changed"),
        (10_000, 9_994, 2, "a diminué de 0,1\u202f%", "fell by 0.1%"),
        (LARGEST - 1, LARGEST, 7999, "a à peine changé", "barely changed"),
        (LARGEST, 1, 1, "a diminué de 100\u202f%", "fell by 100%"),
        (
            1,
            LARGEST,
            1,
            "a été multiplié par 9\u202f007\u202f199\u202f254\u202f740\u202f991",
            ("multiplied by 9,007,199,254,740,991"),
        ),
        (10, 10, 0, "En 2000, le membrariat était de 10 membres.", "In 2000, membership was 10"),
        (1, 1, 0, "était de 1 membre.", "membership was 1 member."),
        (10, 20, 1, "En 1 an (2000–2001)", "In 1 year (2000–2001)"),
        (10, 20, 2, "En 2 ans (2000–2002)", "In 2 years (2000–2002)"),
    ],
)
def test_sentences_at_the_edges(start: int, end: int, years: int, fr: str, en: str) -> None:
    """Equal, barely changed, huge counts, zero and one year: each read right in both languages."""
    g = _growth(start, end, years=years)

    assert fr in describe_growth(g, "fr")
    assert en in describe_growth(g, "en")


def test_a_snapshot_against_itself_keeps_its_hedge() -> None:
    """Zero years states the count, with its hedge, and no change at all."""
    g = _growth(35, 35, years=0, start_q=Qualifier.APPROXIMATE, end_q=Qualifier.APPROXIMATE)

    assert "En 2000, le membrariat était d’environ 35 membres." == describe_growth(g, "fr")
    assert "In 2000, membership was about 35 members." == describe_growth(g, "en")


# What rounding must never make a sentence say.
_MADE_UP = re.compile(
    r"(multiplié par|multiplied by) 1, |(diminué de|fell by) [−-]?0\s?%|[−-]0\b"
    r"|\b1 (ans|years)\b"
)


@given(
    st.integers(0, LARGEST),
    st.integers(0, LARGEST),
    st.integers(0, 7999),
    st.sampled_from(["fr", "en"]),
)
def test_sentences_never_say_what_rounding_made_up(
    start: int, end: int, years: int, lang: str
) -> None:
    """No "multiplied by 1", no "fell by 0 %", no "−0", no "1 years", whatever the counts."""
    text = describe_growth(_growth(start, end, years=years), lang)

    assert _MADE_UP.search(text) is None, text
    if start == end and years:
        assert ("resté stable" if lang == "fr" else "held steady") in text


@given(st.integers(1, LARGEST), st.integers(1, LARGEST), st.sampled_from(["fr", "en"]))
def test_barely_changed_only_when_the_figure_would_hide_it(start: int, end: int, lang: str) -> None:
    """Barely changed exactly when the figure would read ×1 or 0 %: under 0.5 % up, 0.05 % down."""
    text = describe_growth(_growth(start, end), lang)
    barely = ("à peine changé" if lang == "fr" else "barely changed") in text
    change = Fraction(end - start, start)

    if start == end:
        assert not barely
    elif end > start:
        assert barely == (change <= Fraction(5, 1000))
    else:
        assert barely == (-change <= Fraction(5, 10_000))


@pytest.mark.parametrize(
    ("phase_name", "fr", "en"),
    [
        ("COVID-19", "COVID-19\u00a0: en 10 ans", "COVID-19: in 10 years"),
        ("Montréal", "Montréal\u00a0: en 10 ans", "Montréal: in 10 years"),
        ("iPhone era", "iPhone era\u00a0: en 10 ans", "iPhone era: in 10 years"),
    ],
)
def test_phase_names_are_kept_as_written(phase_name: str, fr: str, en: str) -> None:
    """A phase's name opens its sentence as written: no forced case on proper names."""
    phase = Phase(
        key="p", name=LocalizedText({"fr": phase_name, "en": phase_name}), start=2000, end=2010
    )
    g = attrs.evolve(_growth(10, 30), phase=phase)

    assert describe_growth(g, "fr").startswith(fr)
    assert describe_growth(g, "en").startswith(en)


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("value", "places", "distinct_from", "fr", "en"),
    [
        (2.5, 1, 0, "2,5", "2.5"),
        (3.0, 1, 0, "3", "3"),
        (-0.04, 1, 0, "\u22120,04", "\u22120.04"),
        (-0.0, 1, 0, "0", "0"),
        (0, 1, 0, "0", "0"),
        (1e-9, 1, 0, "0,000000001", "0.000000001"),
        (12_345.678, 1, 0, "12\u202f345,7", "12,345.7"),
        (Fraction(1001, 1000), 2, 1, "1,001", "1.001"),
        (Fraction(999, 1000), 2, 1, "0,999", "0.999"),
        (Fraction(1, 1), 2, 1, "1", "1"),
        (Fraction(10**20 + 1, 10**20), 2, 1, "1,00000000000000000001", "1.00000000000000000001"),
        (0.125, 2, 0, "0,12", "0.12"),  # ties to even, as Python formats
    ],
)
def test_decimal_never_reads_what_it_is_not(
    value: float, places: int, distinct_from: int, fr: str, en: str
) -> None:
    """A non-zero number never reads 0 (nor a ratio other than 1, ×1); no "−0"; a true minus."""
    assert fr == decimal(value, "fr", places, distinct_from=distinct_from)
    assert en == decimal(value, "en", places, distinct_from=distinct_from)


@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(0, 4))
def test_decimal_is_zero_only_for_zero(value: float, places: int) -> None:
    """A number reads 0 only when it is 0; otherwise it is rounded right, sign and all."""
    text = decimal(value, "en", places)
    shown = Fraction(text.replace(",", "").replace("\u2212", "-"))
    decimals = len(text.partition(".")[2])

    assert (text == "0") == (value == 0)
    assert abs(shown - Fraction(value)) <= Fraction(1, 2 * 10 ** max(places, decimals))
    assert text.startswith("\u2212") == (value < 0 and text != "0")


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (0, "0 an", "0 years"),
        (1, "1 an", "1 year"),
        (1.5, "1,5 an", "1.5 years"),
        (1.96, "2 ans", "2 years"),
        (1.04, "1 an", "1 year"),
        (2, "2 ans", "2 years"),
        (15, "15 ans", "15 years"),
        (5.29, "5,3 ans", "5.3 years"),
    ],
)
def test_durations_agree_with_their_number(value: float, fr: str, en: str) -> None:
    """The unit agrees with the number shown: 1 year, 2 years; in French singular below 2."""
    assert fr == duration(value, "fr")
    assert en == duration(value, "en")


@pytest.mark.parametrize(
    ("start", "end", "start_q", "expected"),
    [
        (
            14,
            100,
            Qualifier.EXACT,
            {
                "change": "+86",
                "ratio": "×7.14",
                "percent": "+614.3%",
                "cagr": "14% a year",
                "doubling": "5.3 years",
            },
        ),
        (
            14,
            100,
            Qualifier.AT_LEAST,
            {
                "change": "≤ +86",
                "ratio": "≤ ×7.14",
                "percent": "≤ +614.3%",
                "cagr": "≤ 14% a year",
                "doubling": "≥ 5.3 years",
            },
        ),
        (
            1000,
            1001,
            Qualifier.EXACT,
            {
                "change": "+1",
                "ratio": "×1.001",
                "percent": "+0.1%",
                "cagr": "0.01% a year",
                "doubling": "10,402.4 years",
            },
        ),
        (
            100_000,
            99_999,
            Qualifier.AT_MOST,
            {
                "change": "≥ \u22121",
                "ratio": "≥ ×0.99999",
                "percent": "≥ \u22120.001%",
                "cagr": "≥ \u22120.0001% a year",
            },
        ),
        (
            10,
            10,
            Qualifier.EXACT,
            {"change": "0", "ratio": "×1", "percent": "0%", "cagr": "0% a year"},
        ),
        (0, 5, Qualifier.EXACT, {"change": "+5"}),
    ],
)
def test_figures_and_their_own_bounds(
    start: int, end: int, start_q: Qualifier, expected: dict[str, str]
) -> None:
    """Table figures: exact from the counts, never ×1 or 0 % for a change, each with its bound."""
    assert expected == growth_figures(_growth(start, end, years=15, start_q=start_q), "en")


def test_figures_in_french() -> None:
    """French figures: decimal comma, narrow spaces, "par an", "ans", the same bounds."""
    figures = growth_figures(_growth(14, 100, years=15, start_q=Qualifier.AT_LEAST), "fr")

    assert {
        "change": "≤ +86",
        "ratio": "≤ ×7,14",
        "percent": "≤ +614,3\u202f%",
        "cagr": "≤ 14\u202f% par an",
        "doubling": "≥ 5,3 ans",
    } == figures


@given(
    st.integers(1, LARGEST),
    st.integers(0, LARGEST),
    st.integers(1, 7999),
    st.sampled_from(["fr", "en"]),
)
def test_figures_never_hide_a_change(start: int, end: int, years: int, lang: str) -> None:
    """A change never shows as ×1, 0 % or −0; equal counts always do."""
    figures = growth_figures(_growth(start, end, years=years), lang)
    cells = " ".join(figures.values())

    assert re.search(r"[−+-]0(?![,.\d])", cells) is None, cells
    if start == end:
        assert "×1" == figures["ratio"]
    else:
        assert re.fullmatch(r"×1", figures["ratio"]) is None
        assert re.fullmatch(r"[+−]?0\s?%", figures["percent"]) is None


def test_an_estimated_end_is_said_as_one() -> None:
    """An estimated end (growth(..., estimate=True)) reads "about", with its decimal."""
    g = growth(default_network(), 2010, 2017, estimate=True)

    assert (
        "Between 2010 and 2017 (years by convention), membership more than doubled, "
        "from about 26.6 to 56 members."
    ) == describe_growth(g, "en")
    assert (
        "Entre 2010 et 2017 (années par convention), le membrariat a plus que doublé, "
        "passant d’environ 26,6 à 56 membres."
    ) == describe_growth(g, "fr")
    assert {"change": "≈ +29.4", "ratio": "≈ ×2.11", "percent": "≈ +110.5%"}.items() <= (
        growth_figures(g, "en").items()
    )


@given(
    st.integers(2008, 2021).filter(lambda y: y not in {2012, 2017}), st.sampled_from(["fr", "en"])
)
def test_every_estimated_start_is_said_hedged(year: int, lang: str) -> None:
    """Any estimated start is said without error, hedged, in either language."""
    g = growth(default_network(), year, 2022, estimate=True)
    sentence = describe_growth(g, lang)

    assert sentence.endswith(" 100 membres." if lang == "fr" else " 100 members.")
    assert ("environ" if lang == "fr" else "about") in sentence


def test_no_whole_multiple_of_nothing() -> None:
    """From zero members (or fewer) there is no multiple to say."""
    assert (None, None) == (whole_multiple(100, 0), whole_multiple(100, -1))


@pytest.mark.parametrize(("start", "end"), [(0, 5), (5, 5), (-1, 5)])
def test_no_change_and_no_start_are_not_barely_changed(start: int, end: int) -> None:
    """A change is "barely" one when its figure rounds it away, never when none or from zero."""
    from reseau_coop._words import _barely_changed

    assert _barely_changed(start, end) is False


# ---------------------------------------------------------------- time by convention

_DURATION = re.compile(r"\d[\d.,\u202f]* (an|ans|year|years)\b")


@given(networks(max_snapshots=5), st.sampled_from(["fr", "en"]))
def test_a_phase_dated_growth_never_claims_a_duration(network: Network, lang: str) -> None:
    """Every growth with an end dated only by a phase is said without a duration."""
    years = [s.year for s in network.snapshots]
    found = list(phase_growth(network))
    found += [growth(network, a, b) for i, a in enumerate(years) for b in years[i:]]
    for each in found:
        sentence = describe_growth(each, lang)
        rest = sentence.removeprefix(each.phase.name.pick(lang)) if each.phase else sentence
        claims = _DURATION.search(rest) is not None

        assert (each.dating is Dating.YEAR and each.years > 0) == claims, sentence
