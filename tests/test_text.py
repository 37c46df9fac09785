"""The text layer: hedge signs, counts, percents and decimals in French and English."""

from __future__ import annotations

import math
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import Qualifier, format_count, format_decimal, format_percent
from reseau_coop._text import LANGUAGES, NBSP, NNBSP, WORDS, Language, quoted

MINUS = "\u2212"


@pytest.mark.parametrize(
    ("qualifier", "sign"),
    [
        (Qualifier.EXACT, ""),
        (Qualifier.APPROXIMATE, "≈"),
        (Qualifier.AT_LEAST, "≥"),
        (Qualifier.AT_MOST, "≤"),
        (Qualifier.NEARLY, "≲"),
    ],
)
def test_every_sign(qualifier: Qualifier, sign: str) -> None:
    """Each qualifier has its sign, and a count is shown after it with a space."""
    expected = f"{sign} 35" if sign else "35"

    assert sign == qualifier.sign
    assert expected == format_count(35, qualifier, "fr")
    assert expected == format_count(35, qualifier, "en")


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (0, "0", "0"),
        (999, "999", "999"),
        (1000, f"1{NNBSP}000", "1,000"),
        (1234567, f"1{NNBSP}234{NNBSP}567", "1,234,567"),
        (-1234, f"{MINUS}1{NNBSP}234", f"{MINUS}1,234"),
        (82.44, "82,4", "82.4"),
        (1234.56, f"1{NNBSP}234,6", "1,234.6"),
        (56.0, "56", "56"),
    ],
)
def test_counts_are_grouped_in_each_language(value: float, fr: str, en: str) -> None:
    """French groups thousands with U+202F and writes a decimal comma; English with commas."""
    assert (fr, en) == (format_count(value, lang="fr"), format_count(value, lang="en"))


@given(st.integers(min_value=0, max_value=2**53 - 1))
def test_grouping_keeps_every_digit(value: int) -> None:
    """Taking the separators out gives the number back, in both languages."""
    assert str(value) == format_count(value, lang="fr").replace(NNBSP, "")
    assert str(value) == format_count(value, lang="en").replace(",", "")


@pytest.mark.parametrize(
    ("value", "digits", "fr", "en"),
    [
        (20.1, 1, f"20,1{NNBSP}%", "20.1%"),
        (614.2857, 1, f"614,3{NNBSP}%", "614.3%"),
        (614.2857, 0, f"614{NNBSP}%", "614%"),
        (50, 1, f"50{NNBSP}%", "50%"),
        (-17, 0, f"{MINUS}17{NNBSP}%", f"{MINUS}17%"),
        (0.004, 1, f"0,004{NNBSP}%", "0.004%"),
        (12345.6, 1, f"12{NNBSP}345,6{NNBSP}%", "12,345.6%"),
        (-0.0, 1, f"0{NNBSP}%", "0%"),
    ],
)
def test_percents(value: float, digits: int, fr: str, en: str) -> None:
    """Percent units: `20,1 %` with U+202F, `20.1%`; never −0, and 0.004 never reads 0."""
    assert fr == format_percent(value, "fr", digits=digits)
    assert en == format_percent(value, "en", digits=digits)


@pytest.mark.parametrize(
    ("value", "digits", "fr", "en"),
    [
        (2.5, 1, "2,5", "2.5"),
        (3.0, 1, "3", "3"),
        (5.2876, 2, "5,29", "5.29"),
        (-0.5, 1, f"{MINUS}0,5", f"{MINUS}0.5"),
        (0.0001, 1, "0,0001", "0.0001"),
        (1234.5, 0, f"1{NNBSP}234", "1,234"),
    ],
)
def test_decimals(value: float, digits: int, fr: str, en: str) -> None:
    """Decimals in each language's style; trailing zeros dropped; a non-zero never reads 0."""
    assert fr == format_decimal(value, "fr", digits=digits)
    assert en == format_decimal(value, "en", digits=digits)


def test_regional_tags_are_their_language() -> None:
    """`fr-CA` is French and `en-GB` English."""
    assert format_percent(20.1, "fr") == format_percent(20.1, "fr-CA")
    assert format_count(1234, lang="en") == format_count(1234, lang="en-GB")


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: format_count(value=True), TypeError, "not bool"),
        (lambda: format_count("35"), TypeError, "not str"),  # type: ignore[arg-type]
        (lambda: format_count(math.nan), ValueError, "finite"),
        (lambda: format_count(1, "approximate"), TypeError, "Qualifier"),  # type: ignore[arg-type]
        (lambda: format_count(1, lang="de"), ValueError, "['fr', 'en'], not 'de'"),
        (lambda: format_percent(math.inf), ValueError, "finite"),
        (lambda: format_percent(1, digits=-1), ValueError, "digits"),
        (lambda: format_decimal(1, digits=True), ValueError, "digits"),
        (lambda: format_decimal(1, "es"), ValueError, "'es'"),
    ],
    ids=["bool", "str", "nan", "qualifier", "lang", "inf", "digits", "digits-bool", "es"],
)
def test_bad_arguments_say_what_is_wrong(call: object, error: type[Exception], words: str) -> None:
    """A value that is not a finite number, a bad digits count or language: a clear error."""
    with pytest.raises(error) as ei:
        call()  # type: ignore[operator]

    assert words in str(ei.value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_in_both_languages(lang: Language) -> None:
    """The word tables of French and English have the same keys, none empty."""
    assert set(WORDS["fr"]) == set(WORDS[lang])
    assert all(text.strip() for text in WORDS[lang].values())


def test_both_languages_fill_the_same_blanks() -> None:
    """Each sentence has the same `{fields}` in French and English, so none is left unfilled."""

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, text in WORDS["fr"].items():
        assert fields(text) == fields(WORDS["en"][key]), key


def test_french_words_follow_french_typography() -> None:
    """In the French words, : ; ? ! follow a no-break space and « » hold no-break spaces."""
    for key, text in WORDS["fr"].items():
        for index, char in enumerate(text):
            if char in ":;?!" and index > 0:
                assert NBSP == text[index - 1], (key, text)
        assert text.count("«") == text.count(f"«{NBSP}"), (key, text)


def test_quotes_in_each_language() -> None:
    """French quotes are « » with no-break spaces inside; English ones are curly."""
    assert (f"«{NBSP}Fusion{NBSP}»", "“Merger”") == (quoted("Fusion", "fr"), quoted("Merger", "en"))


def test_no_language_tag_is_no_language_spoken() -> None:
    """A missing tag (None) names no language the library speaks."""
    from reseau_coop._text import spoken

    assert (None, "fr", None) == (spoken(None), spoken("fr-CA"), spoken("de"))
