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
from ._model import Qualifier

Language: TypeAlias = Literal["fr", "en"]
LANGUAGES: Final = ("fr", "en")

NNBSP: Final = "\u202f"  # narrow no-break space: before % and between thousands, in French
NBSP: Final = "\u00a0"  # no-break space: before a colon, in French
MINUS: Final = "\u2212"  # the minus sign, not the hyphen

MULTIPLES: Final[dict[int, tuple[str, str]]] = {
    2: ("doublé", "doubled"),
    3: ("triplé", "tripled"),
    4: ("quadruplé", "quadrupled"),
    5: ("quintuplé", "quintupled"),
    6: ("sextuplé", "sextupled"),
    7: ("septuplé", "septupled"),
    8: ("octuplé", "octupled"),
    9: ("nonuplé", "nonupled"),
    10: ("décuplé", "decupled"),
}

Hedge: TypeAlias = Literal["", "more than", "nearly"]


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
    top, bottom = Fraction(end), Fraction(start)
    scaled = 1000 * top  # the ratio in thousandths, times start
    for n in MULTIPLES:
        low, high, nearly = 995 * n * bottom, 1005 * n * bottom, 950 * n * bottom
        if low <= scaled <= high:
            return "", n
        if high < scaled and 2 * top < (2 * n + 1) * bottom:
            return "more than", n
        if nearly <= scaled < low:
            return "nearly", n
    return None


def _language(growth: Growth, lang: str | None) -> Language:
    wanted = growth.language if lang is None else lang
    primary = wanted.split("-")[0].lower() if isinstance(wanted, str) else wanted
    if primary == "fr":
        return "fr"
    if primary == "en":
        return "en"
    msg = f"describe_growth speaks {list(LANGUAGES)}, not {wanted!r}; pass lang='fr' or 'en'"
    raise ValueError(msg)


def _is_french(lang: str) -> bool:
    return lang.split("-", maxsplit=1)[0].lower() == "fr"


def integer(value: int, lang: str, *, signed: bool = False) -> str:
    """
    An integer with the thousands separator of *lang*; with *signed*, "+" before a rise.

    Examples:
        >>> integer(12000, "fr"), integer(12000, "en"), integer(-5, "en", signed=True)
        ('12\u202f000', '12,000', '\u22125')
        >>> integer(86, "en", signed=True), integer(0, "en", signed=True)
        ('+86', '0')

    """
    text = f"{abs(value):,}"
    if _is_french(lang):
        text = text.replace(",", NNBSP)
    if value < 0:
        return MINUS + text
    return f"+{text}" if signed and value > 0 else text


def count(value: float, lang: str, *, signed: bool = False) -> str:
    """
    A count of members: an `int` as `integer` writes it, an estimate (a float) to one decimal.

    Examples:
        >>> count(12000, "fr"), count(47.6, "fr"), count(56.0, "en"), count(12.6, "en", signed=True)
        ('12\u202f000', '47,6', '56', '+12.6')

    """
    if isinstance(value, int):
        return integer(value, lang, signed=signed)
    text = decimal(value, lang, 1)
    return f"+{text}" if signed and value > 0 else text


def _rounded(value: float | Fraction, places: int, distinct_from: int) -> tuple[Fraction, int]:
    """
    *value* rounded to *places* decimals, or to more if that would make it read *distinct_from*.

    Returns the rounded value (exact) and the decimals it was rounded to. Ties go to
    the even digit, as Python's own formatting does.
    """
    exact = Fraction(value)
    if exact != distinct_from:
        while round(exact, places) == distinct_from:
            places += 1
    return round(exact, places), places


def decimal(value: float | Fraction, lang: str, places: int = 1, *, distinct_from: int = 0) -> str:
    """
    A number with *places* decimals (none when they are zeros), in *lang*'s style.

    A number that is not *distinct_from* (0 by default; 1 for a ratio) never
    reads as it: it gets as many more decimals as it takes to tell it apart. A
    number that rounds to 0 has no sign, and a negative one takes a true minus
    sign. The number is rounded once, from its exact value, so a `Fraction`
    keeps every digit.

    Examples:
        >>> decimal(2.5, "fr"), decimal(2.5, "en"), decimal(3.0, "fr")
        ('2,5', '2.5', '3')
        >>> decimal(0.004, "en"), decimal(-0.004, "en"), decimal(Fraction(1001, 1000), "en", 2)
        ('0.004', '\u22120.004', '1')
        >>> decimal(Fraction(1001, 1000), "en", 2, distinct_from=1)
        '1.001'

    """
    rounded, places = _rounded(value, places, distinct_from)
    scaled = int(rounded * 10**places)
    whole, part = divmod(abs(scaled), 10**places)
    text = integer(whole, lang)
    digits = f"{part:0{places}d}".rstrip("0") if places else ""
    if digits:
        text += ("," if _is_french(lang) else ".") + digits
    return MINUS + text if scaled < 0 else text


def percent(
    value: float | Fraction, lang: str, places: int | None = None, *, signed: bool = False
) -> str:
    """
    A percentage: `"17 %"` (with U+202F) in French, `"17%"` in English.

    Whole percent, or one decimal under 10 %, unless *places* says otherwise; a
    percentage that is not 0 never reads 0 (see `decimal`). With *signed*, a rise
    is written with "+".

    Examples:
        >>> percent(16.67, "fr"), percent(16.67, "en"), percent(2.54, "en")
        ('17\u202f%', '17%', '2.5%')
        >>> percent(0.012, "en"), percent(-1e-9, "en", 1), percent(150, "en", signed=True)
        ('0.01%', '\u22120.000000001%', '+150%')

    """
    if places is None:
        places = 0 if abs(Fraction(value)) >= 10 else 1  # noqa: PLR2004
    number = decimal(value, lang, places)
    if signed and value > 0:
        number = f"+{number}"
    return f"{number}{NNBSP}%" if _is_french(lang) else f"{number}%"


def duration(value: float | Fraction, lang: str, places: int = 1) -> str:
    """
    A number of years, with the unit agreeing with the number shown.

    English has "1 year" and "2 years" ("1.5 years"); French has the singular
    below 2 ("1 an", "1,5 an", "2 ans").

    Examples:
        >>> duration(1, "en"), duration(15, "en"), duration(5.29, "en")
        ('1 year', '15 years', '5.3 years')
        >>> duration(1, "fr"), duration(1.5, "fr"), duration(2, "fr")
        ('1 an', '1,5 an', '2 ans')

    """
    rounded, _ = _rounded(value, places, 0)
    number = decimal(value, lang, places)
    if _is_french(lang):
        return f"{number} {'an' if abs(rounded) < 2 else 'ans'}"  # noqa: PLR2004
    return f"{number} {'year' if abs(rounded) == 1 else 'years'}"


SIGNS: Final = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATE: "≈ ",
    Qualifier.AT_LEAST: "≥ ",
    Qualifier.AT_MOST: "≤ ",
    Qualifier.NEARLY: "≲ ",
}
"""The sign a figure's hedge is shown with, in tables and charts: `≈ 35`."""

_FR_HEDGES: Final = {
    Qualifier.EXACT: ("", "de "),
    Qualifier.APPROXIMATE: ("environ ", "d’environ "),
    Qualifier.AT_LEAST: ("au moins ", "d’au moins "),
    Qualifier.AT_MOST: ("au plus ", "d’au plus "),
    Qualifier.NEARLY: ("près de ", "de près de "),
}
_EN_HEDGES: Final = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATE: "about ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.AT_MOST: "at most ",
    Qualifier.NEARLY: "nearly ",
}


PER_YEAR: Final = {"fr": "par an", "en": "a year"}


def growth_figures(growth: Growth, lang: str) -> dict[str, str]:
    """
    Each metric of *growth* as a table shows it, in *lang*, with the sign of its own bound.

    Keys, for the metrics that are defined: `change`, `ratio`, `percent`, `cagr`,
    `doubling`. The change, ratio, percent and CAGR carry the sign of
    `Growth.qualifier`; the doubling time that of `Growth.doubling_time_qualifier`
    (from an upper-bounded growth it is a lower bound: `≥`). The ratio and the
    percent change are computed from the counts exactly, so rounding never shows a
    change as ×1 or 0 %.

    Examples:
        >>> from reseau_coop import default_network, growth
        >>> growth_figures(growth(default_network()), "en")
        {'change': '+86', 'ratio': '×7.14', 'percent': '+614.3%', 'cagr': '14% a year',
         'doubling': '5.3 years'}

    """
    start, end = Fraction(growth.start.members), Fraction(growth.end.members)
    sign = SIGNS[growth.qualifier]
    french = _is_french(lang)
    cells = {"change": sign + count(growth.change, lang, signed=True)}
    if start > 0:
        ratio = decimal(end / start, lang, 2, distinct_from=1)
        cells["ratio"] = f"{sign}×{ratio}"
        change = percent((end - start) * 100 / start, lang, 1, signed=True)
        cells["percent"] = sign + change
    if growth.cagr is not None:
        rate = percent(growth.cagr * 100, lang, 1)
        cells["cagr"] = f"{sign}{rate} {PER_YEAR['fr' if french else 'en']}"
    if growth.doubling_time is not None:
        cells["doubling"] = SIGNS[growth.doubling_time_qualifier] + duration(
            growth.doubling_time, lang
        )
    return cells


def _figure(members: float, qualifier: Qualifier, lang: Language, *, after_de: bool = False) -> str:
    """A count with its hedge: "environ 35", "d’environ 35" (after "de"), "about 35"."""
    number = count(members, lang)
    if lang == "en":
        return f"{_EN_HEDGES[qualifier]}{number}"
    plain, with_de = _FR_HEDGES[qualifier]
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
    found = whole_multiple(end, start)
    if found is not None:
        hedge, n = found
        word = MULTIPLES[n][0 if lang == "fr" else 1]
        if lang == "fr":
            return {"": "a ", "more than": "a plus que ", "nearly": "a presque "}[hedge] + word
        return {"": "", "more than": "more than ", "nearly": "nearly "}[hedge] + word
    number = multiplier(end, start, lang)
    return f"a été multiplié par {number}" if lang == "fr" else f"multiplied by {number}"


def describe_growth(growth: Growth, lang: str | None = None) -> str:
    """
    Say *growth* in a sentence, in French or English, the way the source says it.

    Equal counts "held steady"; a change its figure would round away "barely
    changed" (both counts are given); a growth over zero years states the count.
    A phase's growth starts with the phase's name as written.

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
        >>> print(describe_growth(phase_growth(default_network())[1], "en"))
        Establishment phase: in 5 years (2012–2017), membership multiplied by 1.6,
        from about 35 to 56 members.
        >>> from reseau_coop import Growth, MembershipSnapshot
        >>> a = MembershipSnapshot(year=2021, members=1000)
        >>> b = MembershipSnapshot(year=2022, members=1003)
        >>> print(describe_growth(Growth.between(a, b), "en"))
        In 1 year (2021–2022), membership barely changed, from 1,000 to 1,003 members.

    """
    language = _language(growth, lang)
    sentence = _fr(growth) if language == "fr" else _en(growth)
    if growth.phase is not None:
        name = growth.phase.name.pick(language)
        colon = f"{NBSP}:" if language == "fr" else ":"
        sentence = f"{name}{colon} {sentence[0].lower()}{sentence[1:]}"
    return sentence


def _when(growth: Growth, lang: Language) -> str:
    start, end, years = growth.start.year, growth.end.year, growth.years
    if years == 0:
        return f"En {start}" if lang == "fr" else f"In {start}"
    return f"{'En' if lang == 'fr' else 'In'} {duration(years, lang)} ({start}–{end})"


def _fr(growth: Growth) -> str:
    start, end = growth.start, growth.end
    when = _when(growth, "fr")
    noun = "membres" if end.members >= 2 else "membre"  # noqa: PLR2004 - French: 0 and 1 are singular
    to = _figure(end.members, end.qualifier, "fr")
    if growth.years == 0:  # a snapshot measured against itself: say what it holds
        figure = _figure(end.members, end.qualifier, "fr", after_de=True)
        return f"{when}, le membrariat était {figure} {noun}."
    if growth.change == 0:
        return f"{when}, le membrariat est resté stable, à {to} {noun}."
    origin = _figure(start.members, start.qualifier, "fr", after_de=True)
    if start.members == 0:
        return f"{when}, le membrariat est passé {origin} à {to} {noun}."
    if _barely_changed(start.members, end.members):
        verb = "a à peine changé"
    elif end.members < start.members:
        verb = f"a diminué de {percent(_fall(start.members, end.members), 'fr')}"
    else:
        verb = _multiplier(end.members, start.members, "fr")
    return f"{when}, le membrariat {verb}, passant {origin} à {to} {noun}."


def _en(growth: Growth) -> str:
    start, end = growth.start, growth.end
    when = _when(growth, "en")
    noun = "member" if end.members == 1 else "members"
    to = _figure(end.members, end.qualifier, "en")
    if growth.years == 0:  # a snapshot measured against itself: say what it holds
        return f"{when}, membership was {to} {noun}."
    if growth.change == 0:
        return f"{when}, membership held steady at {to} {noun}."
    origin = _figure(start.members, start.qualifier, "en")
    if start.members == 0:
        return f"{when}, membership went from {origin} to {to} {noun}."
    if _barely_changed(start.members, end.members):
        verb = "barely changed"
    elif end.members < start.members:
        verb = f"fell by {percent(_fall(start.members, end.members), 'en')}"
    else:
        verb = _multiplier(end.members, start.members, "en")
    return f"{when}, membership {verb}, from {origin} to {to} {noun}."
