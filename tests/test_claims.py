"""The source's claims as data: each verdict for each kind, the loader, the command."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import (
    Claim,
    DataError,
    Dating,
    Direction,
    GrowthClaim,
    LocalizedText,
    MembershipSnapshot,
    Network,
    Phase,
    Qualifier,
    Relation,
    ShareClaim,
    TrendClaim,
    Verdict,
    check_claims,
    default_network,
    dumps,
    loads,
    strategies,
)
from reseau_coop._cli import main
from reseau_coop._words import relation_holds, whole_multiple

TEXT = LocalizedText({"en": "A claim."})


def _network(
    counts: dict[int, int], *claims: Claim, qualifier: Qualifier = Qualifier.EXACT
) -> Network:
    snapshots = [
        MembershipSnapshot(year=year, members=members, qualifier=qualifier)
        for year, members in sorted(counts.items())
    ]
    return Network(name=TEXT, languages=["en"], snapshots=snapshots, claims=claims)


def _claim(**kind: object) -> Claim:
    return Claim(key="c", text=TEXT, **kind)  # type: ignore[arg-type]


def _verdict(network: Network) -> Verdict:
    (check,) = check_claims(network)
    return check.verdict


def _with_2022(members: int) -> Network:
    net = default_network()
    snapshots = (*net.snapshots[:-1], attrs.evolve(net.snapshots[-1], members=members))
    return attrs.evolve(net, snapshots=snapshots)


# ---------------------------------------------------------------- the article's claims


def test_the_articles_three_claims_word_for_word() -> None:
    """The default dataset carries the article's three claims, quoted as written."""
    claims = default_network().claims

    assert ["septuple", "croissance-soutenue", "pres-de-la-moitie"] == [c.key for c in claims]
    assert "en 15 ans, le membrariat a plus que septuplé" in (claims[0].quote or "")
    assert "une croissance soutenue depuis les 4 dernières années" in (claims[1].quote or "")
    assert "près de la moitié des coopératives gérées par les travailleurs" in (
        claims[2].quote or ""
    )
    trend = claims[1].trend
    assert trend is not None
    assert (2018, 2022, ("trend",)) == (trend.start, trend.end, claims[1].inferred)


def test_the_articles_claims_checked() -> None:
    """Septupling supported, sustained growth consistent, the share uncheckable."""
    checks = check_claims(default_network())

    assert [Verdict.SUPPORTED, Verdict.CONSISTENT, Verdict.UNCHECKABLE] == [
        c.verdict for c in checks
    ]
    assert "×7,14 de 2007 à 2022 (14 → 100), ce qui est plus que ×7." == checks[0].reason
    assert pytest.approx(100 / 14) == checks[0].figure
    assert checks[2].figure is None


def test_septupling_contradicted_when_2022_is_60() -> None:
    """With 60 members in 2022 the septupling claim is contradicted."""
    net = _with_2022(60)
    checks = check_claims(net, "en")

    assert Verdict.CONTRADICTED is checks[0].verdict
    assert "×4.29 from 2007 to 2022 (14 → 60), which is not more than ×7." == checks[0].reason


def test_claims_command_exits_1_on_a_contradiction(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The command's exit status guards a report's text: 1 when a claim is contradicted."""
    path = tmp_path / "sixty.json"
    path.write_text(dumps(_with_2022(60)), "utf-8")

    status = main(["--data", str(path), "claims", "--lang", "en"])
    out = capsys.readouterr().out

    assert 1 == status
    assert out.startswith("[contradicted] In 15 years, membership more than septupled")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_claims_command_text_and_json(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """The command lists each claim with its verdict and reason; --json gives the same."""
    status = main(["claims", "--lang", lang])
    out = capsys.readouterr().out
    json_status = main(["claims", "--json", "--lang", lang])
    data = json.loads(capsys.readouterr().out)

    assert (0, 0) == (status, json_status)
    assert ("[confirmée]" if lang == "fr" else "[supported]") in out.splitlines()[0]
    assert out.rstrip().splitlines()[-1].startswith("* ")
    assert ["supported", "consistent", "uncheckable"] == [d["verdict"] for d in data]
    assert {"multiple": 7, "relation": "more_than", "start": None, "end": None} == data[0]["growth"]
    assert ("trend", ["trend"]) == (data[1]["kind"], data[1]["inferred"])


# ---------------------------------------------------------------- growth claims


@pytest.mark.parametrize(
    ("end", "relation", "verdict"),
    [
        (71, Relation.MORE_THAN, Verdict.SUPPORTED),
        (70, Relation.MORE_THAN, Verdict.CONTRADICTED),
        (70, Relation.AT_LEAST, Verdict.SUPPORTED),
        (69, Relation.AT_LEAST, Verdict.CONTRADICTED),
        (67, Relation.NEARLY, Verdict.SUPPORTED),
        (70, Relation.NEARLY, Verdict.CONTRADICTED),
        (66, Relation.NEARLY, Verdict.CONTRADICTED),
        (70, Relation.ABOUT, Verdict.SUPPORTED),
        (71, Relation.ABOUT, Verdict.CONTRADICTED),
    ],
)
def test_growth_relations(end: int, relation: Relation, verdict: Verdict) -> None:
    """Each relation's edges, from 10 members: ×7 is 70, 95 % of it 66.5, ±0.5 % 69.65–70.35."""
    claim = _claim(growth=GrowthClaim(multiple=7, relation=relation, start=2000, end=2010))

    assert verdict is _verdict(_network({2000: 10, 2010: end}, claim))


def test_a_growth_on_hedged_counts_is_only_consistent() -> None:
    """A claim that holds on approximate counts agrees with the data but is not proven by them."""
    claim = _claim(growth=GrowthClaim(multiple=2, relation=Relation.AT_LEAST))
    net = _network({2000: 10, 2010: 30}, claim, qualifier=Qualifier.APPROXIMATE)

    (check,) = check_claims(net)

    assert Verdict.CONSISTENT is check.verdict
    assert check.reason.endswith("on figures that are not exact.")


@pytest.mark.parametrize(
    ("counts", "kind", "reason"),
    [
        ({2000: 10, 2010: 20}, GrowthClaim(multiple=2, start=2000, end=2005), "No count for 2005"),
        ({2000: 10}, GrowthClaim(multiple=2), "at least two counts"),
        ({2000: 0, 2010: 20}, GrowthClaim(multiple=2), "starting count (2000) is 0"),
    ],
)
def test_growth_claims_without_their_data(
    counts: dict[int, int], kind: GrowthClaim, reason: str
) -> None:
    """A year without a count, a single count, a start of 0: nothing to measure."""
    (check,) = check_claims(_network(counts, _claim(growth=kind)))

    assert (Verdict.UNCHECKABLE, None) == (check.verdict, check.figure)
    assert reason in check.reason


@given(st.integers(1, 2_000), st.integers(1, 20_000))
def test_sentence_and_claim_never_disagree(start: int, end: int) -> None:
    """Whenever describe_growth says "more than", "nearly" or the word, that claim holds."""
    found = whole_multiple(end, start)
    ratio = Fraction(end, start)
    if found is not None:
        hedge, n = found
        relation = {
            "": Relation.ABOUT,
            "more than": Relation.MORE_THAN,
            "nearly": Relation.NEARLY,
        }[hedge]

        assert relation_holds(ratio, relation, Fraction(n))
    assert relation_holds(ratio, Relation.MORE_THAN, Fraction(7)) == (ratio > 7)


# ---------------------------------------------------------------- trend claims


@pytest.mark.parametrize(
    ("counts", "direction", "verdict", "reason"),
    [
        ({2018: 60, 2019: 70, 2020: 80}, Direction.UP, Verdict.SUPPORTED, "up every year"),
        ({2018: 60, 2019: 50, 2020: 80}, Direction.UP, Verdict.CONTRADICTED, "not up"),
        ({2018: 60, 2020: 80}, Direction.UP, Verdict.CONSISTENT, "nothing shows"),
        ({2017: 60, 2021: 80}, Direction.UP, Verdict.CONSISTENT, "nothing shows"),
        ({2018: 80, 2019: 70, 2020: 60}, Direction.DOWN, Verdict.SUPPORTED, "down every year"),
        ({2018: 80, 2019: 80, 2020: 80}, Direction.FLAT, Verdict.SUPPORTED, "flat every year"),
        ({2018: 80, 2019: 80, 2020: 81}, Direction.FLAT, Verdict.CONTRADICTED, "not flat"),
        ({2019: 70, 2020: 80}, Direction.UP, Verdict.UNCHECKABLE, "do not cover 2018–2020"),
        ({2017: 70, 2019: 80}, Direction.UP, Verdict.UNCHECKABLE, "do not cover 2018–2020"),
    ],
)
def test_trend_claims(
    counts: dict[int, int], direction: Direction, verdict: Verdict, reason: str
) -> None:
    """Every step must go the claimed way; a count for every year proves it, gaps only agree."""
    claim = _claim(trend=TrendClaim(start=2018, end=2020, direction=direction))

    (check,) = check_claims(_network(counts, claim))

    assert verdict is check.verdict
    assert reason in check.reason


def test_a_trend_on_a_phase_dated_count_is_not_proven() -> None:
    """A count dated only by its phase cannot prove a year-by-year trend."""
    phase = Phase(key="p", name=TEXT, start=2015, end=2018)
    snapshots = [
        MembershipSnapshot(year=2018, members=60, dating=Dating.PHASE, phase="p"),
        MembershipSnapshot(year=2019, members=70),
        MembershipSnapshot(year=2020, members=80),
    ]
    claim = _claim(trend=TrendClaim(start=2018, end=2020))
    net = Network(name=TEXT, languages=["en"], phases=[phase], snapshots=snapshots, claims=[claim])

    assert Verdict.CONSISTENT is _verdict(net)


def _in_default(**kind: object) -> Network:
    """The default network with one claim of *kind*, in its two languages."""
    claim = Claim(key="c", text={"fr": "Une affirmation.", "en": "A claim."}, **kind)  # type: ignore[arg-type]
    return attrs.evolve(default_network(), claims=[claim])


def test_a_reason_says_which_years_are_set_by_convention() -> None:
    """The article's trend rests on 2017, a phase's end: its reason says so, in each language."""
    fr, en = (check_claims(default_network(), lang)[1].reason for lang in ("fr", "en"))

    assert fr.endswith(
        " 2017 est une année fixée par convention\u00a0: l’effectif, daté seulement par sa "
        "phase, est placé à la fin de celle-ci."
    )
    assert en.endswith(
        " 2017 is a year set by convention: the count, dated only by its phase, is placed at "
        "the phase's end."
    )


ONE_FR = "est une année fixée par convention\u00a0: l’effectif, daté seulement par sa phase"
ONE_EN = "is a year set by convention: the count, dated only by its phase, is placed at the phase's"
MANY_FR = (
    "sont des années fixées par convention\u00a0: chaque effectif, daté seulement par sa phase"
)
MANY_EN = (
    "are years set by convention: each count, dated only by its phase, is placed at its phase's"
)


@pytest.mark.parametrize(
    ("start", "end", "fr", "en"),
    [
        (2007, 2022, None, None),
        (2012, 2022, f"2012 {ONE_FR}", f"2012 {ONE_EN}"),
        (2012, 2017, f"2012 et 2017 {MANY_FR}", f"2012 and 2017 {MANY_EN}"),
    ],
)
def test_a_growth_claim_between_years_set_by_convention(
    start: int, end: int, fr: str | None, en: str | None
) -> None:
    """A growth claim's reason names the phase-dated years it measures between, and only those."""
    kind = GrowthClaim(multiple=1, relation=Relation.AT_LEAST, start=start, end=end)
    for lang, sentence in (("fr", fr), ("en", en)):
        (check,) = check_claims(_in_default(growth=kind), lang)

        if sentence is None:
            assert "convention" not in check.reason
        else:
            assert f". {sentence}" in check.reason


def test_three_years_set_by_convention_are_listed() -> None:
    """A trend over three phase-dated counts lists them as a sentence does, in each language."""
    net = default_network()
    last = attrs.evolve(net.snapshots[-1], dating=Dating.PHASE, phase="consolidation")
    net = attrs.evolve(net, snapshots=(*net.snapshots[:-1], last))
    claim = Claim(key="c", text={"fr": "A.", "en": "A."}, trend=TrendClaim(start=2012, end=2022))
    fr, en = (
        check_claims(attrs.evolve(net, claims=[claim]), lang)[0].reason for lang in ["fr", "en"]
    )

    assert fr.endswith(f" 2012, 2017 et 2022 {MANY_FR}, est placé à la fin de celle-ci.")
    assert en.endswith(f" 2012, 2017 and 2022 {MANY_EN} end.")


def test_a_share_of_a_year_set_by_convention_says_so() -> None:
    """A share measured on a phase-dated count names its year as a convention."""
    share = ShareClaim(value=0.5, of={"fr": "x", "en": "x"}, population=200, year=2017)
    (check,) = check_claims(_in_default(share=share), "en")

    assert "56 of 200 in 2017: 28%, not 50%. 2017 " + ONE_EN + " end." == check.reason


@given(st.data())
def test_a_reason_names_a_convention_only_for_phase_dated_counts(data: st.DataObject) -> None:
    """Whatever the claim, its reason speaks of a convention only if it rests on such a count."""
    net = default_network()
    years = [s.year for s in net.snapshots]
    pair = data.draw(st.lists(st.sampled_from(years), min_size=2, max_size=2, unique=True))
    start, end = sorted(pair)
    is_growth = data.draw(st.booleans())
    if is_growth:
        (check,) = check_claims(_in_default(growth=GrowthClaim(multiple=2, start=start, end=end)))
    else:
        (check,) = check_claims(_in_default(trend=TrendClaim(start=start, end=end)), "en")
    used = [s for s in net.snapshots if start <= s.year <= end]
    if is_growth:  # between its two ends only
        used = [used[0], used[-1]]
    phase_dated = [s.year for s in used if s.dating is Dating.PHASE]

    assert ("convention" in check.reason) == bool(phase_dated)
    for year in phase_dated:
        assert str(year) in check.reason.split(". ")[-1]


# ---------------------------------------------------------------- share claims


def _share(population: int | None, qualifier: Qualifier = Qualifier.NEARLY, **more: int) -> Claim:
    kind = ShareClaim(value=0.5, of=TEXT, qualifier=qualifier, population=population, **more)
    return _claim(share=kind)


@pytest.mark.parametrize(
    ("population", "qualifier", "verdict"),
    [
        (205, Qualifier.NEARLY, Verdict.SUPPORTED),
        (150, Qualifier.NEARLY, Verdict.CONTRADICTED),
        (200, Qualifier.NEARLY, Verdict.CONTRADICTED),
        (200, Qualifier.EXACT, Verdict.SUPPORTED),
        (150, Qualifier.AT_LEAST, Verdict.SUPPORTED),
        (250, Qualifier.AT_MOST, Verdict.SUPPORTED),
        (150, Qualifier.AT_MOST, Verdict.CONTRADICTED),
    ],
)
def test_share_claims(population: int, qualifier: Qualifier, verdict: Verdict) -> None:
    """With the size of the whole, the share is computed and compared with its hedge."""
    (check,) = check_claims(_network({2022: 100}, _share(population, qualifier)))

    assert verdict is check.verdict
    assert pytest.approx(100 / population) == check.figure


def test_a_share_on_a_hedged_count_is_only_consistent() -> None:
    """About 100 of 205 agrees with "nearly half" but does not prove it."""
    net = _network({2022: 100}, _share(205), qualifier=Qualifier.APPROXIMATE)
    (check,) = check_claims(net, "en")

    assert Verdict.CONSISTENT is check.verdict
    assert "about 100 of 205 in 2022: 48.8%, which is nearly 50%" in check.reason


def test_a_snapshots_own_share_is_no_evidence() -> None:
    """The article's "près de la moitié" on the 2022 snapshot does not check the claim."""
    net = default_network()
    assert net.snapshot(2022).share is not None

    assert Verdict.UNCHECKABLE is check_claims(net)[2].verdict


def test_a_share_of_a_year_without_a_count() -> None:
    """A share claim for a year without a snapshot cannot be checked."""
    (check,) = check_claims(_network({2022: 100}, _share(205, year=2010)), "fr")

    assert Verdict.UNCHECKABLE is check.verdict
    assert "Aucun effectif pour 2010" in check.reason


def test_reasons_in_french_and_english() -> None:
    """Each reason is one sentence in the language asked for; other languages are refused."""
    net = _network({2022: 100}, _share(205))

    assert "100 sur 205 en 2022\u00a0: 48,8\u202f%, soit près de 50\u202f%." == (
        check_claims(net, "fr")[0].reason
    )
    unknown = _network({2022: 100}, _share(None))
    assert (
        "Les données ne donnent pas la taille de l’ensemble, «\u00a0A claim.\u00a0»\u00a0: la "
        "part ne peut pas être calculée."
    ) == check_claims(unknown, "fr")[0].reason
    with pytest.raises(ValueError, match="check_claims speaks"):
        check_claims(net, "de")


# ---------------------------------------------------------------- as data


def test_a_document_without_claims_stays_valid_and_writes_none() -> None:
    """Claims are optional: a network without any writes no `claims` key and loads back."""
    net = attrs.evolve(default_network(), claims=())

    assert "claims" not in dumps(net)
    assert net == loads(dumps(net))
    assert default_network() == loads(dumps(default_network()))
    assert default_network() == loads(dumps(default_network(), "toml"), "toml")


def test_claims_are_checked_where_they_are_written() -> None:
    """Bad claims are refused with paths ending at the field to fix."""
    document = json.loads(dumps(default_network()))
    text = {"fr": "x", "en": "x"}
    document["claims"][1]["share"] = {"value": 0.5, "of": text}
    document["claims"][2] = {"key": "septuple", "text": text, "trend": {"start": 1, "end": 2}}
    document["claims"][2]["source"] = "nope"
    document["claims"].append({"key": "x", "text": text, "growth": {"multiple": 0, "start": 1}})
    document["claims"].append({"key": "y", "text": text})

    with pytest.raises(DataError) as ei:
        loads(json.dumps(document))

    assert [
        "$.claims[1].share",
        "$.claims[2].key",
        "$.claims[2].source",
        "$.claims[3].growth.end",
        "$.claims[3].growth.multiple",
        "$.claims[4].growth",
    ] == sorted(p.where for p in ei.value.problems)


def test_a_claim_built_in_python_is_checked() -> None:
    """The constructors check what the loader checks."""
    with pytest.raises(DataError) as ei:
        Claim(
            key="c",
            text=TEXT,
            trend=TrendClaim(start=2018, end=2020),
            share=ShareClaim(value=0.5, of=TEXT),
        )

    assert ["$.share"] == [p.where for p in ei.value.problems]
    with pytest.raises(DataError) as ei:
        TrendClaim(start=2020, end=2018)
    assert ["$.end"] == [p.where for p in ei.value.problems]


@pytest.mark.parametrize(
    ("multiple", "message"),
    [
        ("7", "expected a finite number, got a string ('7')"),
        (float("nan"), "expected a finite number"),
        (-0.5, "a multiple is above 0, got -0.5"),
        (0, "a multiple is above 0, got 0"),
    ],
)
def test_a_multiple_is_a_finite_number_above_zero(multiple: object, message: str) -> None:
    """A growth claim's multiple is refused unless it is a finite number above 0."""
    with pytest.raises(DataError) as ei:
        GrowthClaim(multiple=multiple)  # type: ignore[arg-type]

    assert ["$.multiple"] == [p.where for p in ei.value.problems]
    assert message in ei.value.problems[0].message


def test_claims_command_without_inferences_has_no_legend(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No claim inferred, no legend; a supported claim leaves the exit status at 0."""
    claim = _claim(growth=GrowthClaim(multiple=2, relation=Relation.AT_LEAST))
    path = tmp_path / "two.json"
    path.write_text(dumps(_network({2000: 10, 2010: 30}, claim)), "utf-8")

    status = main(["--data", str(path), "claims", "--lang", "en"])
    out = capsys.readouterr().out

    assert 0 == status
    assert "[supported] A claim.\n  ×3 from 2000 to 2010 (10 → 30), which is at least ×2.\n" == out


def test_claims_take_plain_values() -> None:
    """A claim's texts may be dicts and its enums their values, as for the other records."""
    claim = Claim(
        key="k",
        text={"fr": "a", "en": "b"},
        share=ShareClaim(value=0.5, of={"fr": "c", "en": "d"}, qualifier="nearly"),
    )
    assert (LocalizedText({"fr": "a", "en": "b"}), Qualifier.NEARLY) == (
        claim.text,
        claim.share.qualifier if claim.share else None,
    )
    assert (Relation.MORE_THAN, Direction.DOWN) == (
        GrowthClaim(multiple=7, relation="more_than").relation,
        TrendClaim(start=2018, end=2022, direction="down").direction,
    )
    with pytest.raises(DataError) as ei:
        GrowthClaim(multiple=7, relation="above")  # type: ignore[arg-type]
    assert "relation" in str(ei.value)


@given(claim=strategies.claims(languages=["fr", "en"], with_provenance=False))
def test_no_reason_leaves_a_blank_unfilled(claim: Claim) -> None:
    """Whatever the claim, its reason in either language has every blank filled."""
    net = attrs.evolve(default_network(), claims=[claim])
    for lang in ("fr", "en"):
        (check,) = check_claims(net, lang)
        of = claim.share.of.pick(lang) if claim.share is not None else ""

        assert not {"{", "}"} & set(check.reason.replace(of, "")), check.reason
