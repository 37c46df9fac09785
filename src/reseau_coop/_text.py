"""
Words and figures for people, in French and English: the library's one text layer.

Every word the library shows (the command, the chart, the reports, the growth
sentences), every number it formats and every hedge sign come from here, so each
language is spelled, punctuated and typeset in one place.

Typography. French: a decimal comma; a narrow no-break space (U+202F) between
thousands and before `%`; a no-break space (U+00A0) before `:`, `;`, `?` and `!`
and inside « ». English: a decimal point, commas between thousands, `%` with no
space, “curly quotes”. Both: a true minus sign (U+2212). These rules apply to
the library's own words only: text from the data is shown as the data spell it.

Figures are never rounded to a value they are not: a non-zero number that would
read 0 (or a ratio that would read ×1) gets as many more decimals as it takes to
show it, and no figure is ever "−0".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Final, Literal, TypeAlias

from ._model import Qualifier

Language: TypeAlias = Literal["fr", "en"]
"""The languages the library speaks."""
LANGUAGES: Final[tuple[Language, ...]] = ("fr", "en")

NNBSP: Final = "\u202f"  # narrow no-break space: before % and between thousands, in French
NBSP: Final = "\u00a0"  # no-break space: before : ; ? ! and inside « », in French
MINUS: Final = "\u2212"  # the minus sign, not the hyphen


# ---------------------------------------------------------------- languages


def primary(tag: str) -> str:
    """
    The primary language of a language tag, lower-cased: `"fr"` for `"fr-CA"`.

    Examples:
        >>> primary("fr-CA"), primary("EN"), primary("de")
        ('fr', 'en', 'de')

    """
    return tag.split("-", maxsplit=1)[0].lower()


def is_french(lang: str) -> bool:
    """Whether *lang* (any tag: `"fr"`, `"fr-CA"`) is French."""
    return primary(lang) == "fr"


def spoken(lang: str | None) -> Language | None:
    """The library's language for tag *lang*, or `None` when it speaks neither."""
    if not isinstance(lang, str):
        return None
    found = primary(lang)
    return "fr" if found == "fr" else "en" if found == "en" else None


def resolve(lang: str | None, default: str, *, who: str) -> Language:
    """
    The language to speak: *lang*, or else *default* (a network's first language).

    A *default* the library does not speak falls back to English; a *lang* asked
    for explicitly that it does not speak is a `ValueError` naming *who* refused it.

    Examples:
        >>> resolve(None, "fr", who="x"), resolve("en-GB", "fr", who="x")
        ('fr', 'en')
        >>> resolve(None, "de", who="x")
        'en'
        >>> resolve("de", "fr", who="render")
        Traceback (most recent call last):
        ...
        ValueError: render speaks ['fr', 'en'], not 'de'; pass lang='fr' or 'en'

    """
    if lang is None:
        return spoken(default) or "en"
    found = spoken(lang)
    if found is None:
        msg = f"{who} speaks {list(LANGUAGES)}, not {lang!r}; pass lang='fr' or 'en'"
        raise ValueError(msg)
    return found


# ---------------------------------------------------------------- numbers


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
    if is_french(lang):
        text = text.replace(",", NNBSP)
    if value < 0:
        return MINUS + text
    return f"+{text}" if signed and value > 0 else text


def count(value: float | Fraction, lang: str, *, signed: bool = False) -> str:
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
        text += ("," if is_french(lang) else ".") + digits
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
        places = 0 if abs(Fraction(value)) >= 10 else 1
    number = decimal(value, lang, places)
    if signed and value > 0:
        number = f"+{number}"
    return f"{number}{NNBSP}%" if is_french(lang) else f"{number}%"


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
    if is_french(lang):
        return f"{number} {'an' if abs(rounded) < 2 else 'ans'}"
    return f"{number} {'year' if abs(rounded) == 1 else 'years'}"


# ---------------------------------------------------------------- hedges

SIGNS: Final = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATE: "≈",
    Qualifier.AT_LEAST: "≥",
    Qualifier.AT_MOST: "≤",
    Qualifier.NEARLY: "≲",
}
"""The sign a figure's hedge is shown with, in tables and charts (`Qualifier.sign`)."""


def hedge(text: str, qualifier: Qualifier) -> str:
    """
    *text* (a figure) with the sign of *qualifier* before it: `"≈ 35"`, `"56"`.

    Examples:
        >>> hedge("35", Qualifier.APPROXIMATE), hedge("56", Qualifier.EXACT)
        ('≈ 35', '56')

    """
    sign = SIGNS[qualifier]
    return f"{sign} {text}" if sign else text


# In a sentence, a figure's hedge is said in words: (before a figure, after "de").
HEDGE_WORDS_FR: Final = {
    Qualifier.EXACT: ("", "de "),
    Qualifier.APPROXIMATE: ("environ ", "d’environ "),
    Qualifier.AT_LEAST: ("au moins ", "d’au moins "),
    Qualifier.AT_MOST: ("au plus ", "d’au plus "),
    Qualifier.NEARLY: ("près de ", "de près de "),
}
HEDGE_WORDS_EN: Final = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATE: "about ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.AT_MOST: "at most ",
    Qualifier.NEARLY: "nearly ",
}

CONVENTION: Final = "†"
"""The mark beside a yearly rate or a doubling time that rests on years set by convention."""

QUALIFIER_WORDS: Final[dict[Language, dict[Qualifier, str]]] = {
    "fr": {
        Qualifier.EXACT: "exacts",
        Qualifier.APPROXIMATE: "approximatifs",
        Qualifier.AT_LEAST: "au moins (borne inférieure)",
        Qualifier.AT_MOST: "au plus (borne supérieure)",
        Qualifier.NEARLY: "presque (au plus)",
    },
    "en": {
        Qualifier.EXACT: "exact",
        Qualifier.APPROXIMATE: "approximate",
        Qualifier.AT_LEAST: "at least (a lower bound)",
        Qualifier.AT_MOST: "at most (an upper bound)",
        Qualifier.NEARLY: "nearly (at most)",
    },
}
"""What the figures of a growth are, by its qualifier, as the `growth` command says."""

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
"""The words for a whole multiple from 2 to 10: (French, English)."""


# ---------------------------------------------------------------- words

WORDS: Final[dict[Language, dict[str, str]]] = {
    "fr": {
        # the summary
        "source": "Source",
        "chart_sources": "Sources",
        "article": "article",
        "phases": "Phases",
        "years": "Années",
        "phase": "Phase",
        "members_end": "Membres à la fin",
        "services": "Services",
        "since": "depuis",
        "milestones": "Jalons",
        "inferred_legend": "* déduit de la source, qui ne le dit pas",
        "no_date": "date inconnue",
        "flagship": "phare",
        "membership": "Membrariat",
        "dated_by": "daté par sa phase",
        "of": "de l’ensemble\u00a0:",
        "growth": "Croissance",
        "legend": "≈ environ · ≥ au moins · ≤ au plus · ≲ près de, au plus",
        "none": "—",
        # the growth command
        "members": "Membres",
        "change": "Variation",
        "ratio": "Rapport",
        "percent": "Variation en %",
        "cagr": "Croissance annuelle",
        "doubling": "Doublement",
        "figures": "Chiffres",
        "per_year": "par an",
        "counts_are": "effectifs {qualifier}",
        "years_exact": "années exactes",
        "years_convention": "années par convention",
        "convention_note": "† sur des années fixées par convention : un effectif daté "
        "seulement par sa phase est placé à la fin de celle-ci, et la durée réelle n’est pas "
        "connue.",
        # the phase command
        "shared": "{year} est aussi dans {other}\u00a0: la phase qui commence l’emporte "
        "(--all pour les deux).",
        # the compare command
        "years_covered": "Années couvertes",
        "counts_known": "Effectifs connus",
        "whole_history": "Tout l’historique, du premier effectif connu au dernier",
        "window": "Sur la fenêtre {span}",
        "window_estimated": "≈ Une année sans effectif connu est estimée en ligne droite entre "
        "les deux effectifs qui l’entourent, jamais au-delà.",
        # the validate command and files written
        "valid": "valide",
        "problem": "{n} problème",
        "problems": "{n} problèmes",
        "written": "écrit",
        # the chart
        "year": "Année",
        "by_year": "par l’année",
        "membership_caption": "Membrariat, {first}–{last}",
        "dating": "Datation",
        "share": "Part",
        "summary": "Résumé",
        "milestone": "Jalon",
        "description": "Description",
        "service": "Service",
        "scope": "Lieu",
        "since_col": "Depuis",
        "flagship_col": "Phare",
        "yes": "oui",
        "sources": "Sources et citations",
        "about": "Sur",
        "quote": "Citation",
        "note": "Remarque",
        "address": "Adresse",
        "references": "Références citées",
        "unsourced": "Sans source",
        "legend_title": "Légende",
        "chart_alt": "Graphique du membrariat par année, avec les phases en bandes.",
        "chart_caption": "Les chiffres du graphique sont dans le tableau ci-dessous.",
        "chart_title": "{name}\u00a0: membrariat, {first}–{last}",
        "chart_exact": "chiffre exact",
        "chart_hedged": "chiffre non exact (≈ environ, ≥ au moins, ≤ au plus, ≲ près de)",
        "chart_by_phase": "daté par sa phase seulement (placé à la fin de la phase)",
        "chart_growth": "×{ratio} en {years}",
        "chart_convention": "{start}–{end} (années par convention)",
        # growth in a sentence (describe_growth)
        "g_when_years": "En {duration} ({start}–{end})",
        "g_when_year": "En {year}",
        "g_when_convention": "Entre {start} et {end} (années par convention)",
        "g_when_year_convention": "En {year} (année par convention)",
        "g_was": "le membrariat était {figure} {noun}.",
        "g_steady": "le membrariat est resté stable, à {to} {noun}.",
        "g_from_zero": "le membrariat est passé {origin} à {to} {noun}.",
        "g_change": "le membrariat {verb}, passant {origin} à {to} {noun}.",
        "g_barely": "a à peine changé",
        "g_fell": "a diminué de {percent}",
        "g_multiplied": "a été multiplié par {number}",
        "g_multiple": "a {word}",
        "g_multiple_more": "a plus que {word}",
        "g_multiple_nearly": "a presque {word}",
        "g_member": "membre",
        "g_members": "membres",
        "chart_milestone": "jalon",
        "chart_milestone_inferred": "jalon (* année déduite)",
        "chart_steady": "stable sur {years}",
        # claims (check_claims and the claims command)
        "claims": "Affirmations",
        "verdict_supported": "confirmée",
        "verdict_contradicted": "contredite",
        "verdict_consistent": "compatible",
        "verdict_uncheckable": "invérifiable",
        "relation_more_than": "plus que",
        "relation_at_least": "au moins",
        "relation_nearly": "presque",
        "relation_about": "environ",
        "direction_up": "en hausse",
        "direction_down": "en baisse",
        "direction_flat": "stable",
        "claim_few": "Il faut au moins deux effectifs pour mesurer une croissance.",
        "claim_no_count": "Aucun effectif pour {year} : rien à mesurer.",
        "claim_from_zero": "L’effectif de départ ({year}) est 0 : aucun rapport ne le multiplie.",
        "claim_growth_supported": "×{ratio} de {start} à {end} ({origin} → {to}), ce qui est "
        "{relation} ×{multiple}.",
        "claim_growth_consistent": "×{ratio} de {start} à {end} ({origin} → {to}), ce qui est "
        "{relation} ×{multiple} sur des chiffres qui ne sont pas exacts.",
        "claim_growth_contradicted": "×{ratio} de {start} à {end} ({origin} → {to}), ce qui "
        "n’est pas {relation} ×{multiple}.",
        "claim_not_covered": "Les effectifs ne couvrent pas {start}–{end}.",
        "and": "et",
        "claim_year_convention": "{years} est une année fixée par convention{colon} l’effectif, "
        "daté seulement par sa phase, est placé à la fin de celle-ci.",
        "claim_years_convention": "{years} sont des années fixées par convention{colon} chaque "
        "effectif, daté seulement par sa phase, est placé à la fin de celle-ci.",
        "claim_trend_supported": "{series} ({span}){colon} {direction} chaque année, comme "
        "l’affirmation le dit.",
        "claim_trend_consistent": "{series} ({span}){colon} {direction} d’un effectif à "
        "l’autre, mais sans effectif pour chaque année rien ne montre que ce fut soutenu.",
        "claim_trend_contradicted": "{series} ({span}){colon} pas {direction} d’un effectif à "
        "l’autre.",
        "claim_no_whole": "Les données ne donnent pas la taille de l’ensemble, {of}{colon} la "
        "part ne peut pas être calculée.",
        "claim_share_supported": "{members} sur {population} en {year}{colon} {share}, soit "
        "{claimed}.",
        "claim_share_consistent": "{members} sur {population} en {year}{colon} {share}, soit "
        "{claimed} sur des chiffres qui ne sont pas exacts.",
        "claim_share_contradicted": "{members} sur {population} en {year}{colon} {share}, pas "
        "{claimed}.",
        "chart_compare": "Membrariat, {first}–{last}",
        "chart_compare_start": "Membrariat depuis le premier effectif connu de chaque réseau",
        "years_since": "Années depuis le premier effectif connu",
        "chart_no_counts": "aucun effectif connu",
    },
    "en": {
        "source": "Source",
        "chart_sources": "Sources",
        "article": "article",
        "phases": "Phases",
        "years": "Years",
        "phase": "Phase",
        "members_end": "Members at end",
        "services": "Services",
        "since": "since",
        "milestones": "Milestones",
        "inferred_legend": "* inferred from the source, which does not state it",
        "no_date": "date unknown",
        "flagship": "flagship",
        "membership": "Membership",
        "dated_by": "dated by its phase",
        "of": "of",
        "growth": "Growth",
        "legend": "≈ about · ≥ at least · ≤ at most · ≲ nearly, at most",
        "none": "—",
        "members": "Members",
        "change": "Change",
        "ratio": "Ratio",
        "percent": "Percent change",
        "cagr": "Yearly growth",
        "doubling": "Doubling time",
        "figures": "Figures",
        "per_year": "a year",
        "counts_are": "counts: {qualifier}",
        "years_exact": "years: exact",
        "years_convention": "years: by convention",
        "convention_note": "† on years set by convention: a count dated only by its phase is "
        "placed at the phase's end, and the true span is not known.",
        "shared": "{year} is also in {other}: the phase that begins wins (--all for both).",
        "years_covered": "Years covered",
        "counts_known": "Counts known",
        "whole_history": "Whole history, first count to last",
        "window": "Over the window {span}",
        "window_estimated": "≈ A year without a known count is estimated on a straight line "
        "between the two counts around it, never beyond them.",
        "valid": "valid",
        "problem": "{n} problem",
        "problems": "{n} problems",
        "written": "wrote",
        "year": "Year",
        "by_year": "by its year",
        "membership_caption": "Membership, {first}–{last}",
        "dating": "Dating",
        "share": "Share",
        "summary": "Summary",
        "milestone": "Milestone",
        "description": "Description",
        "service": "Service",
        "scope": "Where",
        "since_col": "Since",
        "flagship_col": "Flagship",
        "yes": "yes",
        "sources": "Sources and quotes",
        "about": "About",
        "quote": "Quote",
        "note": "Note",
        "address": "Address",
        "references": "References it cites",
        "unsourced": "No source",
        "legend_title": "Legend",
        "chart_alt": "Chart of membership by year, with the phases as bands.",
        "chart_caption": "The chart's figures are in the table below.",
        "chart_title": "{name}: membership, {first}–{last}",
        "chart_exact": "exact figure",
        "chart_hedged": "not an exact figure (≈ about, ≥ at least, ≤ at most, ≲ nearly)",
        "chart_by_phase": "dated by its phase only (shown at the phase's end)",
        "chart_growth": "×{ratio} in {years}",
        "chart_convention": "{start}–{end} (years by convention)",
        "g_when_years": "In {duration} ({start}–{end})",
        "g_when_year": "In {year}",
        "g_when_convention": "Between {start} and {end} (years by convention)",
        "g_when_year_convention": "In {year} (year by convention)",
        "g_was": "membership was {figure} {noun}.",
        "g_steady": "membership held steady at {to} {noun}.",
        "g_from_zero": "membership went from {origin} to {to} {noun}.",
        "g_change": "membership {verb}, from {origin} to {to} {noun}.",
        "g_barely": "barely changed",
        "g_fell": "fell by {percent}",
        "g_multiplied": "multiplied by {number}",
        "g_multiple": "{word}",
        "g_multiple_more": "more than {word}",
        "g_multiple_nearly": "nearly {word}",
        "g_member": "member",
        "g_members": "members",
        "chart_milestone": "milestone",
        "chart_milestone_inferred": "milestone (* year inferred)",
        "chart_steady": "steady over {years}",
        "claims": "Claims",
        "verdict_supported": "supported",
        "verdict_contradicted": "contradicted",
        "verdict_consistent": "consistent",
        "verdict_uncheckable": "uncheckable",
        "relation_more_than": "more than",
        "relation_at_least": "at least",
        "relation_nearly": "nearly",
        "relation_about": "about",
        "direction_up": "up",
        "direction_down": "down",
        "direction_flat": "flat",
        "claim_few": "A growth needs at least two counts to be measured.",
        "claim_no_count": "No count for {year}: nothing to measure.",
        "claim_from_zero": "The starting count ({year}) is 0: no ratio multiplies it.",
        "claim_growth_supported": "×{ratio} from {start} to {end} ({origin} → {to}), which is "
        "{relation} ×{multiple}.",
        "claim_growth_consistent": "×{ratio} from {start} to {end} ({origin} → {to}), which is "
        "{relation} ×{multiple} on figures that are not exact.",
        "claim_growth_contradicted": "×{ratio} from {start} to {end} ({origin} → {to}), which "
        "is not {relation} ×{multiple}.",
        "claim_not_covered": "The counts do not cover {start}–{end}.",
        "and": "and",
        "claim_year_convention": "{years} is a year set by convention{colon} the count, dated "
        "only by its phase, is placed at the phase's end.",
        "claim_years_convention": "{years} are years set by convention{colon} each count, dated "
        "only by its phase, is placed at its phase's end.",
        "claim_trend_supported": "{series} ({span}){colon} {direction} every year, as the claim "
        "says.",
        "claim_trend_consistent": "{series} ({span}){colon} {direction} from one count to the "
        "next, but without a count for every year nothing shows it was sustained.",
        "claim_trend_contradicted": "{series} ({span}){colon} not {direction} from one count to "
        "the next.",
        "claim_no_whole": "The data do not give the size of the whole, {of}{colon} the share "
        "cannot be computed.",
        "claim_share_supported": "{members} of {population} in {year}{colon} {share}, which is "
        "{claimed}.",
        "claim_share_consistent": "{members} of {population} in {year}{colon} {share}, which is "
        "{claimed} on figures that are not exact.",
        "claim_share_contradicted": "{members} of {population} in {year}{colon} {share}, not "
        "{claimed}.",
        "chart_compare": "Membership, {first}–{last}",
        "chart_compare_start": "Membership since each network's first known count",
        "years_since": "Years since the first known count",
        "chart_no_counts": "no known count",
    },
}
"""Every word the library shows, by language and key."""


def words(lang: str) -> dict[str, str]:
    """The words of *lang* (any French tag is French; anything else, English)."""
    return WORDS["fr" if is_french(lang) else "en"]


def colon(lang: str) -> str:
    r"""
    A colon as *lang* sets it: after a no-break space in French.

    Examples:
        >>> colon("fr"), colon("en")
        ('\xa0:', ':')

    """
    return f"{NBSP}:" if is_french(lang) else ":"


def semicolon(lang: str) -> str:
    r"""
    A semicolon as *lang* sets it: after a no-break space in French.

    Examples:
        >>> semicolon("fr"), semicolon("en")
        ('\xa0;', ';')

    """
    return f"{NBSP};" if is_french(lang) else ";"


def listed(items: Sequence[object], lang: str) -> str:
    """
    *items* as a sentence lists them: "a, b et c", "a, b and c".

    Examples:
        >>> listed([2012], "fr"), listed([2012, 2017], "fr"), listed([2007, 2012, 2017], "en")
        ('2012', '2012 et 2017', '2007, 2012 and 2017')

    """
    shown = [str(item) for item in items]
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {words(lang)['and']} {shown[-1]}"


def quoted(text: str, lang: str) -> str:
    r"""
    *text* between the quotation marks of *lang*: « … » with no-break spaces, “…”.

    Examples:
        >>> quoted("Fusion", "fr"), quoted("Merger", "en")
        ('«\xa0Fusion\xa0»', '“Merger”')

    """
    return f"«{NBSP}{text}{NBSP}»" if is_french(lang) else f"“{text}”"


# ---------------------------------------------------------------- public formatters


def _checked(value: object, who: str) -> float | Fraction:
    """*value* if it is a finite number (not a `bool`), else a `TypeError` or `ValueError`."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
        msg = f"{who} takes a number (int or float), not {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if isinstance(value, float) and not math.isfinite(value):
        msg = f"{who} takes a finite number, not {value!r}"
        raise ValueError(msg)
    return value


def _digits(digits: object, who: str) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 0:
        msg = f"{who}: digits must be a whole number of decimals, 0 or more, not {digits!r}"
        raise ValueError(msg)
    return digits


def format_count(value: float, qualifier: Qualifier = Qualifier.EXACT, lang: str = "en") -> str:
    """
    A count of members with its hedge sign and the digit grouping of *lang*.

    A whole count is written in full (`1 234 567` in French, with narrow no-break
    spaces U+202F; `1,234,567` in English); an estimate (a `float`, as
    `members_at` gives) to one decimal. The hedge's sign (`Qualifier.sign`) comes
    first, with a space: `≈ 35`.

    Args:
        value: The count.
        qualifier: The hedge on it.
        lang: `"fr"` or `"en"` (a regional tag such as `"fr-CA"` is read as its language).

    Raises:
        TypeError: If *value* is not a number (a `bool` is not one).
        ValueError: If *value* is not finite, or for a language other than French or English.

    Examples:
        >>> from reseau_coop import Qualifier, format_count
        >>> format_count(35, Qualifier.APPROXIMATE, "fr")
        '≈ 35'
        >>> format_count(1234567, lang="fr"), format_count(1234567, lang="en")
        ('1\u202f234\u202f567', '1,234,567')
        >>> format_count(82.4, Qualifier.APPROXIMATE, "fr")
        '≈ 82,4'

    Added in version 0.1.

    """
    number = _checked(value, "format_count")
    language = resolve(lang, "en", who="format_count")
    if not isinstance(qualifier, Qualifier):
        msg = f"format_count takes a Qualifier, not {qualifier!r}"
        raise TypeError(msg)
    return hedge(count(number, language), qualifier)


def format_percent(value: float, lang: str = "en", *, digits: int = 1) -> str:
    """
    A percentage, *value* being in percent units (as `Growth.percent`): `20,1 %`, `20.1%`.

    At most *digits* decimals (trailing zeros dropped); a value that is not 0 never
    reads 0 (it gets the decimals it needs). French puts a narrow no-break space
    (U+202F) before `%` and writes a decimal comma; English neither. Negative values
    take a true minus sign (U+2212).

    Raises:
        TypeError: If *value* is not a number.
        ValueError: If *value* is not finite, *digits* is negative, or for a language
            other than French or English.

    Examples:
        >>> from reseau_coop import format_percent
        >>> format_percent(20.1, lang="fr"), format_percent(20.1), format_percent(614.2857)
        ('20,1\u202f%', '20.1%', '614.3%')
        >>> format_percent(-17, "en", digits=0), format_percent(0.004, "en")
        ('\u221217%', '0.004%')

    Added in version 0.1.

    """
    number = _checked(value, "format_percent")
    places = _digits(digits, "format_percent")
    return percent(number, resolve(lang, "en", who="format_percent"), places)


def format_decimal(value: float, lang: str = "en", *, digits: int = 1) -> str:
    """
    A number with at most *digits* decimals, in the style of *lang*: `2,5` / `2.5`.

    Trailing zeros are dropped (`3`, not `3.0`); a value that is not 0 never reads
    0; thousands are grouped (`12 345,6` with U+202F / `12,345.6`); negative values
    take a true minus sign (U+2212).

    Raises:
        TypeError: If *value* is not a number.
        ValueError: If *value* is not finite, *digits* is negative, or for a language
            other than French or English.

    Examples:
        >>> from reseau_coop import format_decimal
        >>> format_decimal(2.5, "fr"), format_decimal(2.5), format_decimal(5.2876, digits=2)
        ('2,5', '2.5', '5.29')
        >>> format_decimal(12345.6, "fr"), format_decimal(-0.5)
        ('12\u202f345,6', '\u22120.5')

    Added in version 0.1.

    """
    number = _checked(value, "format_decimal")
    places = _digits(digits, "format_decimal")
    return decimal(number, resolve(lang, "en", who="format_decimal"), places)
