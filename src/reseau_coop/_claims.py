"""
The source's claims, checked against the data: each gets a verdict, a figure and a reason.

A claim is data (`Claim`, in a network's `claims`); `check_claims` measures what
it says on the network's snapshots. What each relation means is `relation_holds`'s
(the bands `describe_growth` words ratios with), so a sentence and a claim checked
against the same ratio never disagree.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable
from fractions import Fraction

from attrs import frozen

from ._errors import SnapshotLookupError
from ._metrics import Estimate, growth
from ._model import (
    Claim,
    Dating,
    Direction,
    GrowthClaim,
    MembershipSnapshot,
    Network,
    Qualifier,
    Relation,
    ShareClaim,
    TrendClaim,
)
from ._text import (
    HEDGE_WORDS_EN,
    HEDGE_WORDS_FR,
    Language,
    colon,
    count,
    decimal,
    listed,
    percent,
    quoted,
)
from ._text import resolve as resolve_language
from ._text import words as words_of
from ._words import relation_holds


class Verdict(enum.Enum):
    """
    What the data say of a claim.

    `SUPPORTED`: the data prove it. `CONTRADICTED`: the data, as given, say
    otherwise. `CONSISTENT`: the data agree but cannot prove it (only the ends of
    a "sustained" trend are known, or the figures are hedged). `UNCHECKABLE`: the
    data needed are absent.
    """

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    CONSISTENT = "consistent"
    UNCHECKABLE = "uncheckable"


@frozen(kw_only=True)
class ClaimCheck:
    """
    A claim and what the data say of it.

    Attributes:
        claim: The claim checked.
        verdict: What the data say of it.
        figure: What was computed: the ratio of a growth or a trend, the fraction of a
            share; `None` when nothing could be.
        reason: Why, in one sentence, in the language asked for.

    """

    claim: Claim
    verdict: Verdict
    figure: float | None
    reason: str


def check_claims(network: Network, lang: str | None = None) -> tuple[ClaimCheck, ...]:
    """
    Check each of *network*'s claims against its snapshots, in order.

    - A growth claim is measured from the snapshot of its start to that of its
      end (the whole history without them); it holds when the ratio is its
      multiple in the sense of its relation (`Relation`): `SUPPORTED` on exact
      counts, `CONSISTENT` on hedged ones; `CONTRADICTED` when it does not hold.
    - A trend claim reads the snapshots from the last at or before its start to
      the first at or after its end: `CONTRADICTED` when a step goes another way,
      `SUPPORTED` when there is an exact count dated by its year for every year
      and each step goes its way, `CONSISTENT` otherwise (the years between counts
      are not known).
    - A share claim needs the size of the whole (`ShareClaim.population`);
      without it, it is `UNCHECKABLE`: a snapshot's own `share`, from the same
      sentence, is no evidence for it.

    A claim whose years have no snapshot is `UNCHECKABLE`.

    Args:
        network: The network whose claims to check.
        lang: `"fr"` or `"en"` for the reasons; by default the network's first
            language (English when the library does not speak it).

    Raises:
        ValueError: For a language other than French or English.

    Examples:
        >>> from reseau_coop import default_network
        >>> for check in check_claims(default_network(), "en"):
        ...     print(check.claim.key, check.verdict.value)
        ...     print(" ", check.reason)
        septuple supported
          ×7.14 from 2007 to 2022 (14 → 100), which is more than ×7.
        croissance-soutenue consistent
          56 → 100 (2017–2022): up from one count to the next, but without a count for
          every year nothing shows it was sustained. 2017 is a year set by convention:
          the count, dated only by its phase, is placed at the phase's end.
        pres-de-la-moitie uncheckable
          The data do not give the size of the whole, “worker-managed co-operatives in
          Québec (worker co-operatives and solidarity co-operatives)”: the share cannot
          be computed.

    """
    language = resolve_language(lang, network.languages[0], who="check_claims")
    return tuple(_check(network, claim, language) for claim in network.claims)


def _check(network: Network, claim: Claim, lang: Language) -> ClaimCheck:
    kind = claim.kind
    if isinstance(kind, GrowthClaim):
        verdict, figure, reason = _growth(network, kind, lang)
    elif isinstance(kind, TrendClaim):
        verdict, figure, reason = _trend(network, kind, lang)
    else:
        verdict, figure, reason = _share(network, kind, lang)
    return ClaimCheck(claim=claim, verdict=verdict, figure=figure, reason=reason)


Found = tuple[Verdict, float | None, str]


def _judged(holds: bool, exact: bool) -> Verdict:  # noqa: FBT001 - two facts, read in order
    """What a test of the figures says: proven on exact counts, agreeing on hedged ones."""
    if not holds:
        return Verdict.CONTRADICTED
    return Verdict.SUPPORTED if exact else Verdict.CONSISTENT


def _growth(network: Network, claim: GrowthClaim, lang: Language) -> Found:
    label = words_of(lang)
    if len(network.snapshots) < 2 and claim.start is None:
        return Verdict.UNCHECKABLE, None, label["claim_few"]
    try:
        measured = growth(network, claim.start, claim.end)
    except SnapshotLookupError as exc:
        return Verdict.UNCHECKABLE, None, label["claim_no_count"].format(year=exc.year)
    start, end = measured.start, measured.end
    if start.members <= 0:
        return Verdict.UNCHECKABLE, None, label["claim_from_zero"].format(year=start.year)
    ratio = Fraction(end.members) / Fraction(start.members)
    wanted = Fraction(claim.multiple)
    holds = relation_holds(ratio, claim.relation, wanted)
    verdict = _judged(holds, exact=measured.qualifier is Qualifier.EXACT)
    apart = int(wanted) if wanted.denominator == 1 else 0  # never "×7, more than ×7"
    reason = label[f"claim_growth_{verdict.value}"].format(
        ratio=decimal(ratio, lang, 2, distinct_from=apart),
        start=start.year,
        end=end.year,
        origin=_count(start, lang),
        to=_count(end, lang),
        relation=label[f"relation_{claim.relation.value}"],
        multiple=decimal(claim.multiple, lang, 3),
    )
    return verdict, measured.ratio, reason + _by_convention((start, end), lang)


def _by_convention(points: Iterable[MembershipSnapshot | Estimate], lang: Language) -> str:
    """
    A sentence saying which of the years of *points* are set by convention, if any.

    A count dated only by its phase stands at the phase's end: a reason that
    names its year says so, as `describe_growth` gives no duration for it.
    """
    years = sorted(
        {p.year for p in points if isinstance(p, MembershipSnapshot) and p.dating is Dating.PHASE}
    )
    if not years:
        return ""
    key = "claim_year_convention" if len(years) == 1 else "claim_years_convention"
    return " " + words_of(lang)[key].format(years=listed(years, lang), colon=colon(lang))


def _count(snapshot: MembershipSnapshot | Estimate, lang: Language) -> str:
    """A count with its hedge in words, as a sentence gives it: "environ 35", "about 35"."""
    hedge = (
        HEDGE_WORDS_FR[snapshot.qualifier][0]
        if lang == "fr"
        else HEDGE_WORDS_EN[snapshot.qualifier]
    )
    return f"{hedge}{count(snapshot.members, lang)}"


def _sign(before: int, after: int) -> Direction:
    if after > before:
        return Direction.UP
    return Direction.DOWN if after < before else Direction.FLAT


def _trend(network: Network, claim: TrendClaim, lang: Language) -> Found:
    label = words_of(lang)
    snapshots = network.snapshots
    before = [s for s in snapshots if s.year <= claim.start]
    after = [s for s in snapshots if s.year >= claim.end]
    if not before or not after:
        reason = label["claim_not_covered"].format(start=claim.start, end=claim.end)
        return Verdict.UNCHECKABLE, None, reason
    first, last = before[-1], after[0]
    series = [s for s in snapshots if first.year <= s.year <= last.year]
    steps = [_sign(a.members, b.members) for a, b in itertools.pairwise(series)]
    every_year = len(series) == claim.end - claim.start + 1 and (first.year, last.year) == (
        claim.start,
        claim.end,
    )
    exact = all(
        s.qualifier is Qualifier.EXACT and not s.is_inferred("year") and s.dating is Dating.YEAR
        for s in series
    )
    if any(step is not claim.direction for step in steps):
        verdict = Verdict.CONTRADICTED
    else:
        verdict = Verdict.SUPPORTED if every_year and exact else Verdict.CONSISTENT
    reason = label[f"claim_trend_{verdict.value}"].format(
        series=" → ".join(_count(s, lang) for s in series),
        span=f"{first.year}–{last.year}",
        direction=label[f"direction_{claim.direction.value}"],
        colon=colon(lang),
    )
    ratio = Fraction(last.members) / first.members if first.members > 0 else None
    reason += _by_convention(series, lang)
    return verdict, None if ratio is None else float(ratio), reason


_SHARE_RELATIONS = {
    Qualifier.NEARLY: Relation.NEARLY,
    Qualifier.APPROXIMATE: Relation.ABOUT,
    Qualifier.EXACT: Relation.ABOUT,
    Qualifier.AT_LEAST: Relation.AT_LEAST,
}


def _share(network: Network, claim: ShareClaim, lang: Language) -> Found:
    label = words_of(lang)
    if claim.population is None:
        return (
            Verdict.UNCHECKABLE,
            None,
            label["claim_no_whole"].format(of=quoted(claim.of.pick(lang), lang), colon=colon(lang)),
        )
    year = (
        claim.year
        if claim.year is not None
        else (network.snapshots[-1].year if network.snapshots else None)
    )
    found = [s for s in network.snapshots if s.year == year]
    if not found:
        return Verdict.UNCHECKABLE, None, label["claim_no_count"].format(year=year)
    snapshot = found[0]
    share = Fraction(snapshot.members) / claim.population
    wanted = Fraction(claim.value)
    relation = _SHARE_RELATIONS.get(claim.qualifier)
    holds = share <= wanted if relation is None else relation_holds(share, relation, wanted)
    verdict = _judged(holds, exact=snapshot.qualifier is Qualifier.EXACT)
    hedge = HEDGE_WORDS_FR[claim.qualifier][0] if lang == "fr" else HEDGE_WORDS_EN[claim.qualifier]
    reason = label[f"claim_share_{verdict.value}"].format(
        members=_count(snapshot, lang),
        population=count(claim.population, lang),
        year=snapshot.year,
        share=percent(share * 100, lang, 1),
        claimed=f"{hedge}{percent(wanted * 100, lang, 1)}",
        colon=colon(lang),
    )
    return verdict, float(share), reason + _by_convention((snapshot,), lang)


def verdict_word(verdict: Verdict, lang: str) -> str:
    """A verdict in *lang*'s words: "confirmée", "supported"."""
    return words_of(lang)[f"verdict_{verdict.value}"]
