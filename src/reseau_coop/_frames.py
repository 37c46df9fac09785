"""Typed pandas data frames of a network's tables (the `pandas` extra)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._metrics import METHODS, Method, membership_series
from ._model import Dating, Network, Qualifier, ServiceKind
from ._records import records

if TYPE_CHECKING:
    import pandas as pd

    from ._lookup import When

_MISSING = (
    'reseau_coop.frames needs pandas, which is not installed: pip install "reseau-coop[pandas]"'
)


def import_pandas() -> None:
    """Check pandas can be imported, or say in one sentence how to install it."""
    try:
        import pandas as pd  # noqa: F401 - an optional extra, imported when used
    except ImportError:
        raise ImportError(_MISSING) from None


def _categories(values: list[Any], categories: list[str], *, ordered: bool = False) -> Any:  # noqa: ANN401
    import pandas as pd

    return pd.Categorical(values, categories=categories, ordered=ordered)


def _provenance(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The columns every frame ends with: `source`, `quote` and `inferred`."""
    import pandas as pd

    return {
        "source": pd.array([r["source"] for r in rows], dtype="string"),
        "quote": pd.array([r["quote"] for r in rows], dtype="string"),
        "inferred": pd.array([r["inferred"] for r in rows], dtype="string"),
    }


def snapshots_frame(network: Network) -> pd.DataFrame:
    """
    The membership snapshots as a DataFrame, one row per snapshot, in order.

    Columns and dtypes: `year`, `members` (`Int64`); `qualifier`, `share_qualifier`
    (categories: the `Qualifier` values); `dating` (categories: `year`, `phase`); `phase`
    (categories: the network's phase keys, in order); `share` (`Float64`); then `source`,
    `quote` and `inferred` (`string`: the inferred field names, joined by `", "`), as in
    every frame. Values not known are missing (`<NA>`).

    Examples:
        >>> from reseau_coop import default_network
        >>> frame = snapshots_frame(default_network())
        >>> frame[["year", "members", "qualifier"]]
           year  members    qualifier
        0  2007       14        exact
        1  2012       35  approximate
        2  2017       56        exact
        3  2022      100        exact

    """
    import_pandas()
    import pandas as pd

    rows = records(network, "snapshots")
    qualifiers = [q.value for q in Qualifier]
    phase_keys = [p.key for p in network.phases]
    return pd.DataFrame(
        {
            "year": pd.array([r["year"] for r in rows], dtype="Int64"),
            "members": pd.array([r["members"] for r in rows], dtype="Int64"),
            "qualifier": _categories([r["qualifier"] for r in rows], qualifiers),
            "dating": _categories([r["dating"] for r in rows], [d.value for d in Dating]),
            "phase": _categories([r["phase"] for r in rows], phase_keys, ordered=True),
            "share": pd.array([r["share"] for r in rows], dtype="Float64"),
            "share_qualifier": _categories([r["share_qualifier"] for r in rows], qualifiers),
            **_provenance(rows),
        }
    )


def phases_frame(network: Network, *, lang: str | None = None) -> pd.DataFrame:
    """
    The phases as a DataFrame, one row per phase, in order.

    Columns and dtypes: `key` (ordered categories: the phase keys); `name`, `summary`
    (`string`, in *lang*, by default the network's first language); `start`, `end`,
    `members_at_end` (`Int64`; `end` missing for an open-ended phase);
    `members_at_end_qualifier` (categories: the `Qualifier` values); then `source`, `quote`
    and `inferred` (`string`), as in every frame. The members at a phase's
    end are those of the snapshot at (or last within) its end, a snapshot dated by the phase
    included.

    Examples:
        >>> from reseau_coop import default_network
        >>> phases_frame(default_network(), lang="en")[["key", "start", "end", "members_at_end"]]
                       key  start   end  members_at_end
        0  experimentation   2007  2012              35
        1     implantation   2012  2017              56
        2    consolidation   2017  2022             100

    """
    import_pandas()
    import pandas as pd

    rows = records(network, "phases", lang=lang)
    keys = [r["key"] for r in rows]
    return pd.DataFrame(
        {
            "key": _categories(keys, keys, ordered=True),
            "name": pd.array([r["name"] for r in rows], dtype="string"),
            "start": pd.array([r["start"] for r in rows], dtype="Int64"),
            "end": pd.array([r["end"] for r in rows], dtype="Int64"),
            "summary": pd.array([r["summary"] for r in rows], dtype="string"),
            "members_at_end": pd.array([r["members_at_end"] for r in rows], dtype="Int64"),
            "members_at_end_qualifier": _categories(
                [r["members_at_end_qualifier"] for r in rows], [q.value for q in Qualifier]
            ),
            **_provenance(rows),
        }
    )


def services_frame(network: Network, *, lang: str | None = None) -> pd.DataFrame:
    """
    The services as a DataFrame, one row per service, in order.

    Columns and dtypes: `key` (categories: the service keys); `name`, `scope`,
    `description` (`string`, in *lang*); `kind` (categories: the `ServiceKind` values);
    `introduced` (ordered categories: the phase keys; missing when not known);
    `flagship` (`boolean`); then `source`, `quote` and `inferred` (`string`), as in every
    frame.

    Examples:
        >>> from reseau_coop import default_network
        >>> services_frame(default_network())[["key", "kind", "introduced", "flagship"]]
                                     key        kind       introduced  flagship
        0              aide-au-demarrage     support  experimentation     False
        1      boussole-entrepreneuriale        tool     implantation      True
        2                  parcours-coop     program     implantation      True
        3  services-conseils-specialises  consulting     implantation      True
        4   formation-cest-quoi-une-coop    training              NaN     False

    """
    import_pandas()
    import pandas as pd

    rows = records(network, "services", lang=lang)
    keys = [r["key"] for r in rows]
    phase_keys = [p.key for p in network.phases]
    return pd.DataFrame(
        {
            "key": _categories(keys, keys),
            "name": pd.array([r["name"] for r in rows], dtype="string"),
            "kind": _categories([r["kind"] for r in rows], [k.value for k in ServiceKind]),
            "introduced": _categories([r["introduced"] for r in rows], phase_keys, ordered=True),
            "scope": pd.array([r["scope"] for r in rows], dtype="string"),
            "flagship": pd.array([r["flagship"] for r in rows], dtype="boolean"),
            "description": pd.array([r["description"] for r in rows], dtype="string"),
            **_provenance(rows),
        }
    )


def milestones_frame(network: Network, *, lang: str | None = None) -> pd.DataFrame:
    """
    The milestones as a DataFrame, one row per milestone, in order of year.

    Columns and dtypes: `key` (categories: the milestone keys); `year` (`Int64`);
    `name`, `description` (`string`, in *lang*, by default the network's first
    language); then `source`, `quote` and `inferred` (`string`), as in every frame.

    Examples:
        >>> from reseau_coop import default_network
        >>> milestones_frame(default_network(), lang="en")[["key", "year", "name", "inferred"]]
             key  year    name           inferred
        0  fusion  2007  Merger  year, description

    Added in version 0.1.

    """
    import_pandas()
    import pandas as pd

    rows = records(network, "milestones", lang=lang)
    keys = [r["key"] for r in rows]
    return pd.DataFrame(
        {
            "key": _categories(keys, keys),
            "year": pd.array([r["year"] for r in rows], dtype="Int64"),
            "name": pd.array([r["name"] for r in rows], dtype="string"),
            "description": pd.array([r["description"] for r in rows], dtype="string"),
            **_provenance(rows),
        }
    )


def membership_frame(
    network: Network,
    years: Iterable[When] | None = None,
    *,
    method: Method = "linear",
    extrapolate: bool = False,
) -> pd.DataFrame:
    """
    Membership year by year as a DataFrame: `membership_series` as a table.

    Indexed by `year` (`Int64`), in the order given (by default every year from the
    first snapshot to the last). Columns and dtypes: `members` (`Float64`: exact at a
    snapshot, estimated between); `qualifier` (categories: the `Qualifier` values; a
    snapshot's own, `approximate` for an estimate); `method` (categories: `snapshot`,
    `linear`, `geometric`); `based_on` (`string`: the years of the snapshots used,
    `"2017, 2022"`). The arguments and errors are those of `membership_series`.

    Examples:
        >>> from reseau_coop import default_network
        >>> membership_frame(default_network(), range(2010, 2015))
              members    qualifier    method    based_on
        year
        2010     26.6  approximate    linear  2007, 2012
        2011     30.8  approximate    linear  2007, 2012
        2012     35.0  approximate  snapshot        2012
        2013     39.2  approximate    linear  2012, 2017
        2014     43.4  approximate    linear  2012, 2017

    """
    import_pandas()
    import pandas as pd

    series = membership_series(network, years, method=method, extrapolate=extrapolate)
    return pd.DataFrame(
        {
            "members": pd.array([e.members for e in series], dtype="Float64"),
            "qualifier": _categories(
                [e.qualifier.value for e in series], [q.value for q in Qualifier]
            ),
            "method": _categories([e.method for e in series], ["snapshot", *METHODS]),
            "based_on": pd.array(
                [", ".join(str(s.year) for s in e.based_on) for e in series], dtype="string"
            ),
        },
        index=pd.Index([e.year for e in series], dtype="Int64", name="year"),
    )
