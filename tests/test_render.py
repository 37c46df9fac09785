"""Text for a terminal: lines cut and tables laid out in terminal columns, whatever the script."""

from __future__ import annotations

import re
import textwrap
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import default_network, phase_growth
from reseau_coop._render import (
    _CELL,
    _LABEL,
    _side_by_side,
    columns,
    growth_lines,
    phase_lines,
    summary_lines,
    wrap,
)

from .helpers import cut
from .strategies import mixed_text, narrow_text

INDENTS = st.sampled_from(["", "  ", "    ", "- "])
CLOSING = "。、）」"
OPENING = "「（"


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _body(line: str, number: int, indent: str, hanging: str | None) -> str:
    """The line *number* of a wrapped text without its indent, which must be the right one."""
    lead = indent if number == 0 or hanging is None else hanging
    assert line.startswith(lead)
    return line[len(lead) :]


def _spaced(text: str) -> set[int]:
    """The places in *text*'s characters (spaces left out) that a space comes before."""
    places = set()
    seen = 0
    for char in text:
        if char.isspace():
            places.add(seen)
        else:
            seen += 1
    return places


# ---------------------------------------------------------------- columns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Phase 1", 7),
        ("協同組合", 8),
        ("（コープ）。", 12),
        ("Été", 3),
        ("E\u0301te\u0301", 3),
        ("กิน", 2),  # Thai: the vowel sign above is drawn over its consonant
        ("\u20dd", 0),  # an enclosing mark
        ("👍🏽", 2),  # a skin tone is drawn with its emoji
        ("🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", 2),  # a flag of tags
    ],
)
def test_columns(text: str, expected: int) -> None:
    """Wide characters take two columns, combining and enclosing marks none, others one."""
    assert expected == columns(text)


# ---------------------------------------------------------------- wrap


@given(narrow_text, narrow_text.map(lambda t: t[:6]), st.none() | INDENTS, st.integers(1, 40))
def test_narrow_text_wraps_as_textwrap_wraps_it(
    text: str, indent: str, hanging: str | None, width: int
) -> None:
    """Text of one column a character (Latin, with tabs and line ends) wraps as textwrap does."""
    expected = textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_on_hyphens=False,
        break_long_words=False,
    )

    assert expected == wrap(text, indent, hanging, width=width)


@given(
    st.text(st.sampled_from("aeéèêàçôÉÀ  -"), max_size=80),
    INDENTS,
    st.none() | INDENTS,
    st.integers(1, 40),
)
def test_decomposed_accents_wrap_as_composed_ones(
    text: str, indent: str, hanging: str | None, width: int
) -> None:
    """An accent written as a combining mark takes no column: the text wraps as if composed."""
    expected = [
        unicodedata.normalize("NFD", line) for line in wrap(text, indent, hanging, width=width)
    ]

    assert expected == wrap(unicodedata.normalize("NFD", text), indent, hanging, width=width)


@given(mixed_text, INDENTS, st.none() | INDENTS, st.integers(10, 60))
def test_lines_fit_unless_one_narrow_word(
    text: str, indent: str, hanging: str | None, width: int
) -> None:
    """Every line fits in *width* columns, but a line of one narrow word too long for any."""
    lines = wrap(text, indent, hanging, width=width)
    bodies = [_body(line, number, indent, hanging) for number, line in enumerate(lines)]
    too_wide = [
        body
        for line, body in zip(lines, bodies, strict=True)
        if columns(line) > width and (" " in body or any(map(_wide, body)))
    ]

    assert [] == too_wide


@given(mixed_text, INDENTS, st.none() | INDENTS, st.integers(1, 60))
def test_wrapping_keeps_every_word_and_breaks_only_at_spaces_or_beside_wide_characters(
    text: str, indent: str, hanging: str | None, width: int
) -> None:
    """The lines hold the text's characters in order; a word breaks only beside a wide one."""
    lines = wrap(text, indent, hanging, width=width)
    bodies = ["".join(_body(line, n, indent, hanging).split()) for n, line in enumerate(lines)]
    joined = "".join(bodies)
    spaced = _spaced(text)
    breaks = [sum(map(len, bodies[:n])) for n in range(1, len(bodies))]

    assert "".join(text.split()) == joined
    assert [] == [
        at for at in breaks if at not in spaced and not (_wide(joined[at - 1]) or _wide(joined[at]))
    ]


@given(mixed_text, INDENTS, st.none() | INDENTS, st.integers(1, 60))
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(
    text: str, indent: str, hanging: str | None, width: int
) -> None:
    """Closing punctuation ("。") stays with what it closes, opening ("「") with what follows."""
    lines = wrap(text, indent, hanging, width=width)
    bodies = [_body(line, n, indent, hanging) for n, line in enumerate(lines)]

    assert [] == [body for body in bodies[1:] if body[0] in CLOSING]
    assert [] == [body for body in bodies if body[-1] in OPENING]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("協同組合のネットワーク", 10, ["協同組合の", "ネットワー", "ク"]),
        ("生協（コープ）、農協。", 8, ["生協", "（コー", "プ）、農", "協。"]),
        ("「みなと」の生協", 6, ["「みな", "と」の", "生協"]),
        ("Réseau 協同組合 COOP", 12, ["Réseau 協同", "組合 COOP"]),
        (
            "voir https://exemple.org/un-long-chemin/",
            12,
            ["voir", "https://exemple.org/un-long-chemin/"],
        ),
        ("an\u00a0協同", 4, ["an\u00a0協", "同"]),
        ("協\u200d同組", 4, ["協\u200d同", "組"]),
        ("👍🏽👍🏽👍🏽", 4, ["👍🏽👍🏽", "👍🏽"]),  # never between an emoji and its skin tone
        ("１００％です", 6, ["１０", "０％で", "す"]),  # nor before a percent sign
        ("協同組合…続く", 8, ["協同組", "合…続く"]),  # nor before an ellipsis
        ("協同/組合", 4, ["協", "同/", "組合"]),  # nor before a slash or a dash
        ("協同–組合", 4, ["協", "同–", "組合"]),
        ('他说"你好"。', 6, ["他", '说"你', '好"。']),  # nor beside a straight quote
    ],
)
def test_wrap_examples(text: str, width: int, expected: list[str]) -> None:
    """CJK breaks between characters, not at punctuation; URLs and no-break spaces hold."""
    assert expected == wrap(text, "", width=width)


# ---------------------------------------------------------------- tables

NARROW_RUN = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef]+")


def _fits_a_cell(text: str) -> bool:
    """Whether *text* has something to show and no narrow word wider than a cell."""
    return bool(text.strip()) and all(columns(run) <= _CELL for run in NARROW_RUN.findall(text))


@st.composite
def tables(draw: st.DrawFn) -> list[tuple[str, list[str]]]:
    """A comparison's table: a row of names, then rows of cells and sections' titles."""
    count = draw(st.integers(1, 5))
    cells = st.lists(mixed_text.filter(_fits_a_cell), min_size=count, max_size=count)
    label = st.sampled_from(["", "Members", "Percent change", "Variation en %"])
    title = st.sampled_from(["Whole history", "Sur la fenêtre 2010–2020"])
    no_cells: list[str] = []
    rows = st.tuples(label, cells) | st.tuples(title, st.just(no_cells))
    return [("", draw(cells)), *draw(st.lists(rows, max_size=5))]


def _blocks(sizes: list[int], width: int) -> list[list[int]]:
    """The networks each block shows: as many as fit in *width*, in order."""
    blocks: list[list[int]] = []
    for index, size in enumerate(sizes):
        if not blocks or _LABEL + sum(sizes[i] + 2 for i in blocks[-1]) + size + 2 > width:
            blocks.append([])
        blocks[-1].append(index)
    return blocks


@given(tables(), st.integers(60, 120))
def test_side_by_side_keeps_every_column_aligned(
    table: list[tuple[str, list[str]]], width: int
) -> None:
    """Each cell starts at its column on every line, in any script, and no line is too wide."""
    lines = list(_side_by_side(table, width))
    count = len(table[0][1])
    sizes = [
        min(_CELL, max(columns(cells[i]) for _, cells in table if cells)) for i in range(count)
    ]
    blocks = _blocks(sizes, width)
    starts = [0, *(n + 1 for n, line in enumerate(lines) if not line and lines[n + 1][:1] == " ")]
    rows = [cells for _, cells in table if cells]

    assert len(blocks) == len(starts)
    assert [] == [line for line in lines if columns(line) > width]
    for block, (first, last) in zip(
        blocks, zip(starts, [*starts[1:], len(lines)], strict=True), strict=True
    ):
        edges = [2, _LABEL]
        for i in block[:-1]:
            edges.append(edges[-1] + sizes[i] + 2)
        parts = [cut(line, edges) for line in lines[first:last] if line.startswith(" ")]
        for column, i in enumerate(block, 2):
            shown = [part[column] for part in parts]
            assert "".join("".join(cells[i].split()) for cells in rows) == "".join(
                "".join(text.split()) for text in shown
            )
            ragged = [  # a cell narrower than its column, but at the end of its line
                part
                for part in parts
                if any(part[column + 1 :]) and columns(part[column]) != sizes[i] + 2
            ]
            assert [] == ragged


@pytest.mark.parametrize(
    "long_name",
    [
        "Establishment phase, when the network grew its specialised consulting services",
        "設立と拡大の時期：専門的な相談サービスをケベック州全体に広げた段階の名前",
    ],
)
def test_a_long_phase_name_goes_on_in_its_column(long_name: str) -> None:
    """In the summary's phase table a long name wraps within its column; the counts stay put."""
    net = default_network()
    phase = attrs.evolve(net.phases[1], name={"fr": long_name, "en": long_name})
    lines = list(
        summary_lines(attrs.evolve(net, phases=(net.phases[0], phase, net.phases[2])), "en")
    )
    header = next(i for i, line in enumerate(lines) if "Members at end" in line)
    name_at, members_at = lines[header].index("Phase"), lines[header].index("Members at end")
    row = next(i for i, line in enumerate(lines) if line.startswith("  2012–2017"))
    more = lines[row + 1 : row + 3]

    assert all(columns(line) <= 80 for line in lines)
    assert "56" == cut(lines[row], [members_at])[1]
    assert all(line[:name_at].isspace() and line[name_at] != " " for line in more)
    assert long_name.replace(" ", "") in "".join(
        cut(line, [name_at, members_at])[1].strip() for line in [lines[row], *more]
    ).replace(" ", "")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "long_name",
    [
        "Réseau des coopératives de travail et de solidarité de la grande région de Montréal-Nord",
        "みなと生活協同組合連合会・地域ネットワーク・子育て支援と共同購入の事業連合・記録",
    ],
)
def test_long_names_in_headings_stay_within_the_width(long_name: str, lang: str) -> None:
    """The summary's title, a phase's heading and a growth's heading wrap at 80 columns."""
    net = default_network()
    phase = attrs.evolve(net.phases[1], name={"fr": long_name, "en": long_name})
    net = attrs.evolve(
        net, name={"fr": long_name, "en": long_name}, phases=(net.phases[0], phase, net.phases[2])
    )
    (measured,) = (g for g in phase_growth(net) if g.phase == phase)
    outputs = {
        "summary": list(summary_lines(net, lang)),
        "phase": list(phase_lines(net, 2014, [phase], lang, every=True)),
        "growth": list(growth_lines(measured, lang)),
    }

    for name, lines in outputs.items():
        assert [] == [line for line in lines if columns(line) > 80], name
        heading = " ".join(line.strip() for line in lines[:3])
        assert long_name.replace(" ", "") in heading.replace(" ", ""), name
    # A heading's next line goes on deeper than the lines under it, which start at 2 columns.
    said = "2014\u00a0: " if lang == "fr" else "2014: "
    assert outputs["phase"][1].startswith(" " * len(said))
    assert not outputs["phase"][1][len(said)].isspace()
    assert outputs["growth"][1].startswith("    ")
    assert not outputs["growth"][1][4].isspace()


@pytest.mark.parametrize(("lang", "between"), [("fr", "\u00a0; "), ("en", "; ")])
def test_a_counts_notes_are_separated_as_the_language_writes(lang: str, between: str) -> None:
    """A count dated by its phase and given as a share has two notes, set apart by ";"."""
    net = default_network()
    both = attrs.evolve(net.snapshots[2], share=net.snapshots[3].share)
    net = attrs.evolve(net, snapshots=(*net.snapshots[:2], both, net.snapshots[3]))
    (line,) = (line for line in summary_lines(net, lang) if line.startswith("  2017*"))

    assert 1 == line.count(";")
    assert between in line
