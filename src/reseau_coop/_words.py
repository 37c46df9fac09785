"""
Growth in words, in French and English, said the way the source says it.

A ratio near a whole multiple from 2 to 10 is said as a word ("a septuplé" /
"septupled"), hedged by how near it is: within ±0.5 % it is the word itself,
above that up to n + 0.5 it is "plus que" / "more than", and from 5 % below up
to 0.5 % below it is "presque" / "nearly". Other increases are "multiplié par
2,5" / "multiplied by 2.5"; decreases are said as decreases ("a diminué de
17 %" / "fell by 17%"). French typography: decimal comma, a narrow no-break
space (U+202F) before `%` and between thousands.
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

from ._metrics import Growth
from ._model import Qualifier

Language: TypeAlias = Literal["fr", "en"]
LANGUAGES: Final = ("fr", "en")

NNBSP: Final = "\u202f"  # narrow no-break space: before % and between thousands, in French
NBSP: Final = "\u00a0"  # no-break space: before a colon, in French

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


def whole_multiple(end: int, start: int) -> tuple[Hedge, int] | None:
    """
    The whole multiple from 2 to 10 that the ratio *end* / *start* is said as, and its hedge.

    Bands (closed as written, so none falls between two): `[0.995n, 1.005n]` is
    the multiple itself, `(1.005n, n + 0.5)` "more than", `[0.95n, 0.995n)`
    "nearly". The bands are compared in whole numbers, so no rounding moves a
    ratio across one.

    Examples:
        >>> whole_multiple(100, 14)
        ('more than', 7)
        >>> whole_multiple(25, 10) is None
        True

    """
    if start <= 0:
        return None
    scaled = 1000 * end  # the ratio in thousandths, times start
    for n in MULTIPLES:
        low, high, nearly = 995 * n * start, 1005 * n * start, 950 * n * start
        if low <= scaled <= high:
            return "", n
        if high < scaled and 2 * end < (2 * n + 1) * start:
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


def integer(value: int, lang: str) -> str:
    """
    An integer with the thousands separator of *lang*.

    Examples:
        >>> integer(12000, "fr"), integer(12000, "en")
        ('12\u202f000', '12,000')

    """
    text = f"{value:,}"
    return text.replace(",", NNBSP) if lang == "fr" else text


def decimal(value: float, lang: str, places: int = 1) -> str:
    """
    A number with *places* decimals (none when they are zeros), in *lang*'s style.

    Examples:
        >>> decimal(2.5, "fr"), decimal(2.5, "en"), decimal(3.0, "fr")
        ('2,5', '2.5', '3')

    """
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def percent(value: float, lang: str, places: int | None = None) -> str:
    """
    A percentage: `"17 %"` (with U+202F) in French, `"17%"` in English.

    Whole percent, or one decimal under 10 %, unless *places* says otherwise.

    Examples:
        >>> percent(16.67, "fr"), percent(16.67, "en"), percent(2.54, "en")
        ('17\u202f%', '17%', '2.5%')

    """
    if places is None:
        places = 0 if abs(value) >= 10 else 1  # noqa: PLR2004
    number = decimal(value, lang, places)
    return f"{number}{NNBSP}%" if lang == "fr" else f"{number}%"


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


def _figure(members: int, qualifier: Qualifier, lang: Language, *, after_de: bool = False) -> str:
    """A count with its hedge: "environ 35", "d’environ 35" (after "de"), "about 35"."""
    number = integer(members, lang)
    if lang == "en":
        return f"{_EN_HEDGES[qualifier]}{number}"
    plain, with_de = _FR_HEDGES[qualifier]
    return f"{with_de if after_de else plain}{number}"


def _multiplier(end: int, start: int, lang: Language) -> str:
    """How much membership was multiplied by, in words when the source would."""
    found = whole_multiple(end, start)
    if found is not None:
        hedge, n = found
        word = MULTIPLES[n][0 if lang == "fr" else 1]
        if lang == "fr":
            return {"": "a ", "more than": "a plus que ", "nearly": "a presque "}[hedge] + word
        return {"": "", "more than": "more than ", "nearly": "nearly "}[hedge] + word
    places = 2 if 10 * end < 11 * start else 1
    number = decimal(end / start, lang, places)
    return f"a été multiplié par {number}" if lang == "fr" else f"multiplied by {number}"


def describe_growth(growth: Growth, lang: str | None = None) -> str:
    """
    Say *growth* in a sentence, in French or English, the way the source says it.

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
        Implementation phase: in 5 years (2012–2017), membership multiplied by 1.6,
        from about 35 to 56 members.

    """
    language = _language(growth, lang)
    sentence = _fr(growth) if language == "fr" else _en(growth)
    if growth.phase is not None:
        name = growth.phase.name.pick(language)
        colon = f"{NBSP}:" if language == "fr" else ":"
        sentence = f"{name}{colon} {sentence[0].lower()}{sentence[1:]}"
    return sentence


def _fall(start: int, end: int) -> float:
    """How much a count fell, in percent of where it started."""
    return (start - end) / start * 100


def _when(growth: Growth, lang: Language) -> str:
    start, end, years = growth.start.year, growth.end.year, growth.years
    if years == 0:
        return f"En {start}" if lang == "fr" else f"In {start}"
    if lang == "fr":
        return f"En {years} an{'s' if years > 1 else ''} ({start}–{end})"
    return f"In {years} year{'s' if years > 1 else ''} ({start}–{end})"


def _fr(growth: Growth) -> str:
    start, end = growth.start, growth.end
    when = _when(growth, "fr")
    noun = "membres" if end.members >= 2 else "membre"  # noqa: PLR2004 - French: 0 and 1 are singular
    to = _figure(end.members, end.qualifier, "fr")
    if growth.change == 0:
        return f"{when}, le membrariat est resté stable, à {to} {noun}."
    origin = _figure(start.members, start.qualifier, "fr", after_de=True)
    if start.members == 0:
        return f"{when}, le membrariat est passé {origin} à {to} {noun}."
    if end.members < start.members:
        verb = f"a diminué de {percent(_fall(start.members, end.members), 'fr')}"
    else:
        verb = _multiplier(end.members, start.members, "fr")
    return f"{when}, le membrariat {verb}, passant {origin} à {to} {noun}."


def _en(growth: Growth) -> str:
    start, end = growth.start, growth.end
    when = _when(growth, "en")
    noun = "member" if end.members == 1 else "members"
    to = _figure(end.members, end.qualifier, "en")
    if growth.change == 0:
        return f"{when}, membership held steady at {to} {noun}."
    origin = _figure(start.members, start.qualifier, "en")
    if start.members == 0:
        return f"{when}, membership went from {origin} to {to} {noun}."
    if end.members < start.members:
        verb = f"fell by {percent(_fall(start.members, end.members), 'en')}"
    else:
        verb = _multiplier(end.members, start.members, "en")
    return f"{when}, membership {verb}, from {origin} to {to} {noun}."
