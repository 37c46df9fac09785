"""
Growth in words and figures, in French and English, said the way the source says it.

A ratio near a whole multiple from 2 to 10 is said as a word ("a septuplé" /
"septupled"), hedged by how near it is: within ±0.5 % it is the word itself,
above that up to n + 0.5 it is "plus que" / "more than", and from 5 % below up
to 0.5 % below it is "presque" / "nearly". Other increases are "multiplié par
2,5" / "multiplied by 2.5"; decreases are said as decreases ("a diminué de
17 %" / "fell by 17%").

At the edges a sentence never says what rounding made up:

- equal counts "est resté stable" / "held steady";
- a change that the sentence's figure would round away ("multiplié par 1",
  "diminué de 0 %": an increase under 0.5 %, a decrease under 0.05 %) "a à
  peine changé" / "barely changed", with both counts given;
- a growth over zero years (a snapshot measured against itself) states the
  count: "En 2022, le membrariat était de 100 membres." / "In 2022, membership
  was 100 members.";
- units agree with their number: "1 an" / "2 ans", "1 year" / "2 years" (in
  French a number below 2 takes the singular: "1,5 an").

Figures in tables (`growth_figures`, the chart) are never rounded to a value
they are not: a non-zero figure that would read 0 (or a ratio that would read
×1) gets as many more decimals as it takes to show it, and no figure is ever
"−0". Negative figures take a true minus sign (U+2212). French typography:
decimal comma, a narrow no-break space (U+202F) before `%` and between
thousands.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final, Literal, TypeAlias

from ._metrics import Growth
from ._model import Dating, Qualifier, Relation
from ._text import (
    CONVENTION,
    HEDGE_WORDS_EN,
    HEDGE_WORDS_FR,
    LANGUAGES,
    MULTIPLES,
    WORDS,
    Language,
    colon,
    count,
    decimal,
    duration,
    hedge,
    percent,
    spoken,
    words,
)

Hedge: TypeAlias = Literal["", "more than", "nearly"]


# The bands around a multiple n, as fractions of n: "a septuplé" within ±0.5 %, "presque"
# from 95 % of n. `relation_holds` and `whole_multiple` both read them, so a sentence and a
# claim checked against the same ratio never disagree.
ABOUT_LOW: Final = Fraction(995, 1000)
ABOUT_HIGH: Final = Fraction(1005, 1000)
NEARLY_LOW: Final = Fraction(95, 100)


def relation_holds(ratio: Fraction, relation: Relation, multiple: Fraction) -> bool:
    """
    Whether *ratio* is *multiple* in the sense of *relation*, compared exactly.

    `MORE_THAN`: above *multiple*; `AT_LEAST`: at or above it; `NEARLY`: from 95 %
    of it up to, not including, it; `ABOUT`: within ±0.5 % of it. These are the
    bands `describe_growth` words ratios with: whenever it says "a plus que
    septuplé" the ratio is above 7, "a presque septuplé" below 7 and at least 6.65,
    "a septuplé" within ±0.5 % of 7.

    Examples:
        >>> relation_holds(Fraction(100, 14), Relation.MORE_THAN, Fraction(7))
        True
        >>> relation_holds(Fraction(60, 14), Relation.MORE_THAN, Fraction(7))
        False

    """
    if relation is Relation.MORE_THAN:
        return ratio > multiple
    if relation is Relation.AT_LEAST:
        return ratio >= multiple
    if relation is Relation.NEARLY:
        return NEARLY_LOW * multiple <= ratio < multiple
    return ABOUT_LOW * multiple <= ratio <= ABOUT_HIGH * multiple


def whole_multiple(end: float, start: float) -> tuple[Hedge, int] | None:
    """
    The whole multiple from 2 to 10 that the ratio *end* / *start* is said as, and its hedge.

    Bands (closed as written, so none falls between two): `[0.995n, 1.005n]` is
    the multiple itself, `(1.005n, n + 0.5)` "more than", `[0.95n, 0.995n)`
    "nearly". The bands are compared exactly (an estimate's float as the exact
    number it is), so no rounding moves a ratio across one.

    Examples:
        >>> whole_multiple(100, 14)
        ('more than', 7)
        >>> whole_multiple(25, 10) is None
        True

    """
    if start <= 0:
        return None
    value = Fraction(end) / Fraction(start)
    for n in MULTIPLES:
        multiple = Fraction(n)
        if relation_holds(value, Relation.ABOUT, multiple):
            return "", n
        if relation_holds(value, Relation.MORE_THAN, multiple) and value < multiple + Fraction(
            1, 2
        ):
            return "more than", n
        if relation_holds(value, Relation.NEARLY, multiple):
            return "nearly", n
    return None


def _language(growth: Growth, lang: str | None) -> Language:
    wanted = growth.language if lang is None else lang
    found = spoken(wanted)
    if found is None:
        msg = f"describe_growth speaks {list(LANGUAGES)}, not {wanted!r}; pass lang='fr' or 'en'"
        raise ValueError(msg)
    return found


def growth_figures(growth: Growth, lang: str) -> dict[str, str]:
    """
    Each metric of *growth* as a table shows it, in *lang*, with the sign of its own bound.

    Keys, for the metrics that are defined: `change`, `ratio`, `percent`, `cagr`,
    `doubling`. The change, ratio, percent and CAGR carry the sign of
    `Growth.qualifier`; the doubling time that of `Growth.doubling_time_qualifier`
    (from an upper-bounded growth it is a lower bound: `≥`). The ratio and the
    percent change are computed from the counts exactly, so rounding never shows a
    change as ×1 or 0 %. The yearly rate and the doubling time rest on the years
    too: when those are a convention (`Growth.time_qualifier` is not exact), they
    are approximate (`≈`) and marked with a dagger (`†`), which the command's
    footnote explains.

    Examples:
        >>> from reseau_coop import default_network, growth, phase_growth
        >>> growth_figures(growth(default_network()), "en")
        {'change': '+86', 'ratio': '×7.14', 'percent': '+614.3%', 'cagr': '14% a year',
         'doubling': '5.3 years'}
        >>> growth_figures(phase_growth(default_network())[2], "en")
        {'change': '+44', 'ratio': '×1.79', 'percent': '+78.6%', 'cagr': '≈ 12.3% a year†',
         'doubling': '≈ 6 years†'}

    """
    start, end = Fraction(growth.start.members), Fraction(growth.end.members)
    sign = hedge("", growth.qualifier)
    by_convention = growth.time_qualifier is not Qualifier.EXACT
    mark = CONVENTION if by_convention else ""
    cells = {"change": sign + count(growth.change, lang, signed=True)}
    if start > 0:
        ratio = decimal(end / start, lang, 2, distinct_from=1)
        cells["ratio"] = f"{sign}×{ratio}"
        change = percent((end - start) * 100 / start, lang, 1, signed=True)
        cells["percent"] = sign + change
    if growth.cagr is not None:
        rate = percent(growth.cagr * 100, lang, 1)
        rate_sign = hedge("", _on_time(growth.qualifier, growth.time_qualifier))
        cells["cagr"] = f"{rate_sign}{rate} {words(lang)['per_year']}{mark}"
    if growth.doubling_time is not None:
        doubling = duration(growth.doubling_time, lang)
        qualifier = _on_time(growth.doubling_time_qualifier, growth.time_qualifier)
        cells["doubling"] = hedge(doubling, qualifier) + mark
    return cells


def _on_time(counts: Qualifier, time: Qualifier) -> Qualifier:
    """The hedge of a figure that rests on the counts (*counts*) and on the years (*time*)."""
    return counts if time is Qualifier.EXACT else Qualifier.APPROXIMATE


def _figure(members: float, qualifier: Qualifier, lang: Language, *, after_de: bool = False) -> str:
    """A count with its hedge: "environ 35", "d’environ 35" (after "de"), "about 35"."""
    number = count(members, lang)
    if lang == "en":
        return f"{HEDGE_WORDS_EN[qualifier]}{number}"
    plain, with_de = HEDGE_WORDS_FR[qualifier]
    return f"{with_de if after_de else plain}{number}"


def ratio_places(ratio: Fraction) -> int:
    """The decimals a ratio is shown with: 2 within 10 % of 1 (×1.04, ×0.96), else 1 (×2.5)."""
    return 2 if Fraction(9, 10) < ratio < Fraction(11, 10) else 1


def multiplier(end: float, start: float, lang: str) -> str:
    """
    The ratio *end* / *start* as a figure, never reading ×1 unless the counts are equal.

    Examples:
        >>> multiplier(100, 14, "fr"), multiplier(104, 100, "en"), multiplier(1001, 1000, "en")
        ('7,1', '1.04', '1.001')

    """
    value = Fraction(end) / Fraction(start)
    return decimal(value, lang, ratio_places(value), distinct_from=1)


def _fall(start: float, end: float) -> Fraction:
    """How much a count fell, in percent of where it started (exactly)."""
    return (Fraction(start) - Fraction(end)) * 100 / Fraction(start)


def _barely_changed(start: float, end: float) -> bool:
    """
    Whether the figure a sentence would give for a change rounds it away.

    An increase is said with its multiplier (two decimals under ×1.1), so one under
    0.5 % would read "multiplied by 1"; a decrease is said in percent (one decimal
    under 10 %), so one under 0.05 % would read "fell by 0 %".
    """
    if start <= 0 or start == end:
        return False
    if end > start:
        value = Fraction(end) / Fraction(start)
        return round(value, ratio_places(value)) == 1
    return round(_fall(start, end), 1) == 0


def _multiplier(end: float, start: float, lang: Language) -> str:
    """How much membership was multiplied by, in words when the source would."""
    label = WORDS[lang]
    found = whole_multiple(end, start)
    if found is not None:
        hedge, n = found
        key = {"": "g_multiple", "more than": "g_multiple_more", "nearly": "g_multiple_nearly"}
        return label[key[hedge]].format(word=MULTIPLES[n][0 if lang == "fr" else 1])
    return label["g_multiplied"].format(number=multiplier(end, start, lang))


def describe_growth(growth: Growth, lang: str | None = None) -> str:
    """
    Say *growth* in a sentence, in French or English, the way the source says it.

    Equal counts "held steady"; a change its figure would round away "barely
    changed" (both counts are given); a growth over zero years states the count.
    A phase's growth starts with the phase's name as written.

    A growth is said with its duration ("En 15 ans (2007–2022)") only when both
    ends are dated by their year. When an end is dated only by a phase
    (`Growth.dating` is `Dating.PHASE`), its year is a convention and the years
    between the counts are not known, so no duration is claimed: a phase's
    growth gives the phase's span as written, any other its years "par
    convention" / "by convention".

    Args:
        growth: What `growth` or `phase_growth` returned.
        lang: `"fr"` or `"en"` (a regional tag such as `"fr-CA"` is read as its
            language); by default the first language of the network measured.

    Raises:
        ValueError: For any other language.

    Examples:
        >>> from reseau_coop import default_network, growth, phase_growth
        >>> print(describe_growth(growth(default_network())))
        En 15 ans (2007–2022), le membrariat a plus que septuplé, passant de 14 à 100 membres.
        >>> print(describe_growth(growth(default_network()), "en"))
        In 15 years (2007–2022), membership more than septupled, from 14 to 100 members.
        >>> print(describe_growth(phase_growth(default_network())[1]))
        Phase d’implantation (2012–2017)\u00a0: le membrariat a été multiplié par 1,6,
        passant d’environ 35 à 56 membres.
        >>> print(describe_growth(phase_growth(default_network())[1], "en"))
        Establishment phase (2012–2017): membership multiplied by 1.6, from about 35
        to 56 members.
        >>> from reseau_coop import Growth, MembershipSnapshot
        >>> a = MembershipSnapshot(year=2021, members=1000)
        >>> b = MembershipSnapshot(year=2022, members=1003)
        >>> print(describe_growth(Growth.between(a, b), "en"))
        In 1 year (2021–2022), membership barely changed, from 1,000 to 1,003 members.

    """
    language = _language(growth, lang)
    body = _sentence(growth, language)
    if growth.phase is None:
        return _capital(f"{_when(growth, language)}, {body}")
    name = growth.phase.name.pick(language)
    if growth.dating is Dating.PHASE:  # the phase's span as written, and no duration
        return f"{name} ({growth.phase.span}){colon(language)} {body}"
    when = _when(growth, language)
    return f"{name}{colon(language)} {when[:1].lower()}{when[1:]}, {body}"


def _capital(sentence: str) -> str:
    """*sentence* with its first letter upper-cased (the rest as it is)."""
    return sentence[:1].upper() + sentence[1:]


def _when(growth: Growth, lang: Language) -> str:
    """When a growth was: its duration and years, or its years by convention (no duration)."""
    label = WORDS[lang]
    start, end, years = growth.start.year, growth.end.year, growth.years
    convention = growth.dating is Dating.PHASE
    if years == 0:
        return label["g_when_year_convention" if convention else "g_when_year"].format(year=start)
    if convention:
        return label["g_when_convention"].format(start=start, end=end)
    return label["g_when_years"].format(duration=duration(years, lang), start=start, end=end)


def _noun(members: float, lang: Language) -> str:
    """The noun agreeing with *members*: "membres", "member" (French: 0 and 1 are singular)."""
    singular = members < 2 if lang == "fr" else members == 1
    return WORDS[lang]["g_member" if singular else "g_members"]


def _sentence(growth: Growth, lang: Language) -> str:
    """The growth said in *lang*: which sentence, then its parts, all from the text layer."""
    label = WORDS[lang]
    start, end = growth.start, growth.end
    parts = {
        "when": _when(growth, lang),
        "noun": _noun(end.members, lang),
        "to": _figure(end.members, end.qualifier, lang),
        "origin": _figure(start.members, start.qualifier, lang, after_de=True),
        "figure": _figure(end.members, end.qualifier, lang, after_de=True),
    }
    if growth.years == 0:  # a snapshot measured against itself: say what it holds
        return label["g_was"].format(**parts)
    if growth.change == 0:
        return label["g_steady"].format(**parts)
    if start.members == 0:
        return label["g_from_zero"].format(**parts)
    if _barely_changed(start.members, end.members):
        verb = label["g_barely"]
    elif end.members < start.members:
        verb = label["g_fell"].format(percent=percent(_fall(start.members, end.members), lang))
    else:
        verb = _multiplier(end.members, start.members, lang)
    return label["g_change"].format(verb=verb, **parts)
