"""The embedded dataset, checked against the source article figure by figure."""

from __future__ import annotations

import re
import zipfile
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import Any

import attrs
import pytest

import reseau_coop
from reseau_coop import (
    Dating,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Qualifier,
    Service,
    ServiceKind,
    Share,
    default_network,
    dumps,
    loads,
)
from reseau_coop._dataset import default_document

from .helpers import run_python

ARTICLE = (Path(__file__).parent / "data" / "source-article-fr.txt").read_text("utf-8")


def _flat(text: str) -> str:
    """Collapse every run of white space (no-break spaces included) to one space."""
    return re.sub(r"\s+", " ", text).strip()


Record = Phase | Service | MembershipSnapshot | Milestone


def _records(net: Network) -> list[Record]:
    return [*net.phases, *net.services, *net.snapshots, *net.milestones]


def _texts(value: object) -> list[LocalizedText]:
    """Every `LocalizedText` in *value*, searched through tuples and attrs classes."""
    if isinstance(value, LocalizedText):
        return [value]
    if isinstance(value, tuple):
        return [t for item in value for t in _texts(item)]
    if attrs.has(type(value)):
        names = attrs.fields_dict(type(value))  # type: ignore[arg-type]
        return [t for name in names for t in _texts(getattr(value, name))]
    return []


def test_loads_through_the_public_loader() -> None:
    """The shipped file is read by `loads`, and reading it twice gives equal networks."""
    net = default_network()

    assert loads(default_document()) == net
    assert default_network() is net  # cached


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("__spec__", ModuleSpec("reseau_coop._dataset", loader=None)),  # no loader's get_data
        ("__spec__", None),  # run by exec or runpy
        ("__file__", None),  # a loader that sets no __file__ (a frozen module)
    ],
    ids=["no-get-data", "no-spec", "no-file"],
)
def test_a_loader_that_cannot_read_data_is_an_os_error(
    monkeypatch: pytest.MonkeyPatch, name: str, value: object
) -> None:
    """If the module's loader cannot read data files, or the module has no file, it says so."""
    from reseau_coop import _dataset

    if value is None and name == "__file__":
        monkeypatch.delattr(_dataset, name)
    else:
        monkeypatch.setattr(_dataset, name, value)
    with pytest.raises(OSError, match="cannot read") as ei:
        default_document()

    assert "the package's loader cannot read data/default.json" == str(ei.value)


def test_the_dataset_is_read_from_a_zip_import(tmp_path: Path) -> None:
    """Imported from a zip archive, the package reads its dataset through zipimport."""
    package = Path(reseau_coop.__file__).parent
    archive = tmp_path / "packages.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for file in sorted(package.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                bundle.write(file, file.relative_to(package.parent).as_posix())
    code = (
        f"import sys; sys.path.insert(0, {str(archive)!r})\n"
        "import reseau_coop\n"
        "print(type(reseau_coop.__spec__.loader).__name__)\n"
        "print(reseau_coop.default_network().snapshots[-1].members)\n"
    )

    assert ["zipimporter", "100"] == run_python(code).stdout.splitlines()


def test_shipped_file_is_in_canonical_form() -> None:
    """The shipped JSON is exactly what `dumps` writes, so export and file never drift."""
    assert default_document() == dumps(default_network())


def test_network_identity() -> None:
    """Name and languages: French (the source's language) first, then English."""
    net = default_network()

    assert net.name.as_dict() == {"fr": "Réseau COOP", "en": "Réseau COOP"}
    assert net.languages == ("fr", "en")


def test_source() -> None:
    """The article: its title, its place in the series (4/4), the reference it cites."""
    (source,) = default_network().sources

    assert source.title["fr"] == "Les 3 phases de développement du Réseau COOP"
    assert (source.part, source.parts) == (4, 4)
    assert source.language == "fr"
    assert source.references == (
        "https://www.fqcf.coop/FEDERATION-QUEBECOISE-COOPERATIVES-FORESTIERES/HISTOIRE/",
    )
    assert source.url is None  # the article's own address is not known
    assert _flat(f"{source.title['fr']} Article {source.part}/{source.parts}") in _flat(ARTICLE)


@pytest.mark.parametrize(
    ("index", "key", "start", "end", "fr", "en"),
    [
        (0, "experimentation", 2007, 2012, "Phase d’expérimentation", "Experimentation phase"),
        (1, "implantation", 2012, 2017, "Phase d’implantation", "Establishment phase"),
        (2, "consolidation", 2017, 2022, "Phase de consolidation", "Consolidation phase"),
    ],
)
def test_phases_as_written(index: int, key: str, start: int, end: int, fr: str, en: str) -> None:
    """Each phase: its key, its years as the article writes them, its names in both languages."""
    phase = default_network().phases[index]

    assert (key, start, end) == (phase.key, phase.start, phase.end)
    assert (fr, en) == (phase.name["fr"], phase.name["en"])
    assert phase.summary is not None
    assert f"{start}-{end}: {fr}" in ARTICLE
    assert phase.inferred == ()


def test_consolidation_goals_in_summary() -> None:
    """Consolidation's goals: make the services known, grow membership, reach all of Québec."""
    summary = default_network().phase("consolidation").summary

    assert summary is not None
    for words in ("mieux les faire connaître", "accroître le membrariat", "l’ensemble du Québec"):
        assert words in summary["fr"]


_KIND_AND_DESCRIPTION = ("kind", "description")


@pytest.mark.parametrize(
    ("key", "kind", "introduced", "flagship", "inferred"),
    [
        ("aide-au-demarrage", ServiceKind.SUPPORT, "experimentation", False, ("introduced",)),
        (
            "boussole-entrepreneuriale",
            ServiceKind.TOOL,
            "implantation",
            True,
            ("kind", "description"),
        ),
        ("parcours-coop", ServiceKind.PROGRAM, "implantation", True, _KIND_AND_DESCRIPTION),
        (
            "services-conseils-specialises",
            ServiceKind.CONSULTING,
            "implantation",
            True,
            ("description",),
        ),
        ("formation-cest-quoi-une-coop", ServiceKind.TRAINING, None, False, ()),
    ],
)
def test_services(
    key: str,
    kind: ServiceKind,
    introduced: str | None,
    flagship: bool,  # noqa: FBT001 - a parametrized value
    inferred: tuple[str, ...],
) -> None:
    """Each service: kind, phase, flagship status, and which of these are inferred."""
    service = default_network().service(key)

    assert (kind, introduced, flagship) == (service.kind, service.introduced, service.flagship)
    assert inferred == service.inferred


def test_service_order_and_keys() -> None:
    """The five services the article names, in the article's order."""
    assert [s.key for s in default_network().services] == [
        "aide-au-demarrage",
        "boussole-entrepreneuriale",
        "parcours-coop",
        "services-conseils-specialises",
        "formation-cest-quoi-une-coop",
    ]


def test_start_up_assistance_in_montreal() -> None:
    """Start-up assistance: Montréal, formerly provided by the RQCCT."""
    service = default_network().service("aide-au-demarrage")

    assert service.scope == LocalizedText({"fr": "Montréal", "en": "Montréal"})
    assert service.description is not None
    assert "RQCCT" in service.description["fr"]
    assert "RQCCT" in service.description["en"]


def test_training_keeps_the_articles_typography() -> None:
    """« C’est quoi une coop? » keeps its guillemets, apostrophe and no-break spaces."""
    name = default_network().service("formation-cest-quoi-une-coop").name["fr"]

    assert "«\u00a0C’est quoi une coop?\u00a0»" in name
    assert "«\u00a0C’est quoi une coop?\u00a0»" in ARTICLE


def test_consulting_drives_growth() -> None:
    """The growth of the last 4 years is due "en large part" to the consulting offer."""
    service = default_network().service("services-conseils-specialises")

    assert service.description is not None
    assert "en large part" in service.description["fr"]
    assert "in large part" in service.description["en"]


@pytest.mark.parametrize(
    ("index", "year", "members", "qualifier", "dating", "phase", "inferred"),
    [
        (0, 2007, 14, Qualifier.EXACT, Dating.YEAR, None, ("year",)),
        (1, 2012, 35, Qualifier.APPROXIMATE, Dating.PHASE, "experimentation", ("year",)),
        (2, 2017, 56, Qualifier.EXACT, Dating.PHASE, "implantation", ("year",)),
        (3, 2022, 100, Qualifier.EXACT, Dating.YEAR, None, ("share",)),
    ],
)
def test_snapshots(
    index: int,
    year: int,
    members: int,
    qualifier: Qualifier,
    dating: Dating,
    phase: str | None,
    inferred: tuple[str, ...],
) -> None:
    """Membership: 14 (2007, inferred), ≈35 and 56 (dated by phase), 100 (2022)."""
    snapshot = default_network().snapshots[index]

    assert (year, members, qualifier) == (snapshot.year, snapshot.members, snapshot.qualifier)
    assert (dating, phase) == (snapshot.dating, snapshot.phase)
    assert inferred == snapshot.inferred
    assert snapshot.quote is not None
    assert str(members) in snapshot.quote


def test_hedges_kept() -> None:
    """The hedges: "autour de 35" is approximate, "près de la moitié" nearly one half."""
    net = default_network()
    around = net.snapshot(2012)
    share = net.snapshot(2022).share

    assert around.quote is not None
    assert "autour de 35" in around.quote
    assert share is not None
    assert (0.5, Qualifier.NEARLY) == (share.value, share.qualifier)
    assert share.quote is not None
    assert "près de la moitié" in share.quote
    assert "coopératives de travail et coopératives de solidarité" in share.of["fr"]


def test_fifteen_years_more_than_septupled() -> None:
    """The article's "en 15 ans ... (passant de 14 à 100 membres)": 2022 − 15 = 2007."""
    first, last = default_network().snapshots[0], default_network().snapshots[-1]

    assert last.year - first.year == 15
    assert 7 < last.members / first.members < 8
    assert "en 15 ans, le membrariat a plus que septuplé (passant de 14 à 100 membres)" in ARTICLE


def test_merger_milestone() -> None:
    """The merger: neither dated nor said to have made the network, so both are inferred."""
    (merger,) = default_network().milestones

    assert (merger.key, merger.year) == ("fusion", 2007)
    assert ("year", "description") == merger.inferred
    assert merger.name.as_dict() == {"fr": "Fusion", "en": "Merger"}
    assert merger.note is not None


def test_network_description_says_only_what_the_article_says() -> None:
    """The parenthesis names the worker-managed co-ops the network is half of, not its members."""
    description = default_network().description
    population = (
        "près de la moitié des coopératives gérées par les travailleurs au Québec "
        "(coopératives de travail et coopératives de solidarité)"
    )

    assert description is not None
    assert population in description["fr"]
    assert population in _flat(ARTICLE)
    assert "nearly half of the worker-managed co-operatives in Québec (" in description["en"]


@pytest.mark.parametrize(
    "wording",
    ["Implementation", "buoyant", "organisation", "specialised", "programme", "to take oneself"],
)
def test_english_reads_as_english(wording: str) -> None:
    """No translated-sounding wording, and Canadian spelling throughout the English texts."""
    english = " ".join(text["en"] for text in _texts(default_network()))

    assert wording not in english


def test_french_tenses_agree() -> None:
    """« ne comptait plus » goes with « a procédé », not with a present « procède »."""
    summary = default_network().phase("experimentation").summary

    assert summary is not None
    assert "ne comptait plus" in summary["fr"]
    assert "a procédé" in summary["fr"]
    assert "procède" not in summary["fr"]


def test_every_quote_is_the_articles_own_words() -> None:
    """Each quote appears in the article, word for word (white space aside)."""
    article = _flat(ARTICLE)
    share = default_network().snapshot(2022).share
    assert share is not None
    quotes = [r.quote for r in _records(default_network())] + [share.quote]

    for quote in quotes:
        assert quote is not None
        assert _flat(quote) in article, quote


def test_every_inference_is_explained() -> None:
    """A record with an inferred value says how it was inferred, in both languages."""
    for record in _records(default_network()):
        if record.inferred:
            note = record.note
            assert note is not None, record
            assert note.languages == ("fr", "en")


# What "stated" means, for the values a quote can state: the quote holds the figure, the
# hedge before it, or the words. Left out, because their evidence is the article's layout
# rather than one sentence: a phase's summary (a paraphrase of its section), a service's
# phase and flagship status (the list under a phase's heading "qui deviendront phares"), a
# snapshot's dating and phase (the section it is in), and keys.
_HEDGES = {
    "autour de": Qualifier.APPROXIMATE,
    "environ": Qualifier.APPROXIMATE,
    "près de": Qualifier.NEARLY,
    "au moins": Qualifier.AT_LEAST,
    "au plus": Qualifier.AT_MOST,
}
_KIND_WORDS = {
    ServiceKind.SUPPORT: ("aide", "accompagnement"),
    ServiceKind.CONSULTING: ("conseil",),
    ServiceKind.TRAINING: ("formation",),
    ServiceKind.TOOL: ("outil",),
    ServiceKind.PROGRAM: ("programme",),
}
_FRACTIONS = {0.5: "moitié", 0.25: "quart"}


def _has_figure(quote: str, value: int) -> bool:
    return re.search(rf"(?<!\d){value}(?!\d)", quote) is not None


def _has_words(quote: str, text: LocalizedText) -> bool:
    """Every word of five letters or more of the French text is in the quote."""
    return all(w in quote for w in re.findall(r"[\w’-]{5,}", _flat(text["fr"]).lower()))


def _hedge_before(quote: str, value: int) -> Qualifier:
    for words, qualifier in _HEDGES.items():
        if re.search(rf"{words}\s+{value}(?!\d)", quote):
            return qualifier
    return Qualifier.EXACT


def _stated(record: Record | Share, name: str, quote: str) -> bool | None:
    """Whether *quote* states *record*'s field *name*; `None` when no quote can say."""
    value = getattr(record, name)
    if name in {"year", "start", "end", "members"}:
        return _has_figure(quote, value)
    if name in {"name", "description", "scope", "of"}:
        return _has_words(quote, value)
    return _stated_otherwise(record, name, value, quote)


def _stated_otherwise(record: Record | Share, name: str, value: Any, quote: str) -> bool | None:  # noqa: ANN401
    """Whether *quote* states a hedge, a kind, a share: each by its own words."""
    if isinstance(record, MembershipSnapshot) and name == "qualifier":
        return _hedge_before(quote, record.members) is value
    if isinstance(record, MembershipSnapshot) and name == "share":
        return record.share.quote == record.quote if record.share else None
    if isinstance(record, Service) and name == "kind":
        return any(w in quote for w in _KIND_WORDS.get(value, ()))
    if isinstance(record, Share) and name == "value":
        return _FRACTIONS.get(value, f"{value * 100:g}") in quote
    if isinstance(record, Share) and name == "qualifier":
        return value is Qualifier.EXACT or any(w in quote for w, q in _HEDGES.items() if q is value)
    return None


def _checked(record: Record | Share) -> list[tuple[str, bool]]:
    quote = _flat(record.quote or "").lower()
    found = []
    for field in attrs.fields(type(record)):
        stated = None if getattr(record, field.name) is None else _stated(record, field.name, quote)
        if stated is not None:
            found.append((field.name, stated))
    return found


def test_every_value_not_stated_in_its_quote_is_marked_inferred() -> None:
    """Each value its quote does not state (figure, hedge or words) is listed as inferred."""
    net = default_network()
    shares = [s.share for s in net.snapshots if s.share is not None]
    unmarked = [
        (record, name)
        for record in [*_records(net), *shares]
        for name, stated in _checked(record)
        if not stated and not record.is_inferred(name)
    ]

    assert [] == unmarked


def test_the_stated_rule_can_fail() -> None:
    """The rule catches what a quote does not say: a year, a hedge, a share from elsewhere."""
    net = default_network()
    first, last = net.snapshots[0], net.snapshots[-1]

    assert ("year", False) in _checked(first)
    assert ("share", False) in _checked(last)
    assert ("qualifier", False) in _checked(attrs.evolve(last, qualifier=Qualifier.APPROXIMATE))
    assert ("kind", False) in _checked(net.service("parcours-coop"))


def test_every_record_cites_the_source() -> None:
    """Every record points to the article."""
    for record in _records(default_network()):
        assert record.source == "reseau-coop-3-phases"


def test_every_text_is_bilingual() -> None:
    """Every text of the dataset is in French and English, in that order."""
    found = _texts(default_network())

    assert len(found) > 30
    assert all(t.languages == ("fr", "en") for t in found)


def test_dataset_is_available_from_the_package() -> None:
    """The data file ships inside the package (what the wheel installs)."""
    from importlib.resources import files

    assert files(reseau_coop).joinpath("data/default.json").is_file()
