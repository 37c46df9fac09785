"""
Loading and writing documents, each measured against its peers in one run: a table of ratios.

Run on demand, not in the test suite:

    python -m pip install -e ".[bench]"
    python benchmarks/bench_load.py            # add --quick for a fast smoke run

The peers live in this file, each on the same documents:

- `json.loads` / `json.dumps`: the parse floor, with no schema at all;
- a loader and dumper written by hand with attrs and cattrs, of the same schema and
  strictness as `reseau_coop` (every field of each record with its type and default;
  integers, strings and booleans strict; unknown keys refused; years in range, counts not
  negative, snapshots in order of year), and the dumper leaving defaults out;
- pydantic v2 in strict mode, and msgspec, on the same schema (the `bench` extra).

Goals (issue 12): `loads` at most 1.2x the hand-written loader on the 1,000- and
9,000-snapshot documents and at most 12x `json.loads` on the default document; `dumps`
at most 1.2x the hand-written dumper; a document full of errors read in linear time, at
most 2x its valid twin; `import reseau_coop; default_network()` no slower than before.
"""

from __future__ import annotations

import argparse
import enum
import gc
import itertools
import json
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from functools import partial
from typing import Annotated

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter

from reseau_coop import DataError, dumps, loads
from reseau_coop._dataset import default_document

# ---------------------------------------------------------------- documents


def snapshots_document(count: int) -> str:
    """A network of *count* snapshots, one a year: the two-field core of a snapshot."""
    snapshots = [{"year": year, "members": (year * 37) % 1000} for year in range(1, count + 1)]
    return json.dumps(
        {"format": 1, "name": {"en": "Synthetic"}, "languages": ["en"], "snapshots": snapshots}
    )


def texts_document(services: int) -> str:
    """A network in two languages with many services, each with long texts."""
    words = "Accompagnement des coopératives de travail et de solidarité à chaque étape. " * 12
    phases = [
        {
            "key": f"p{i}",
            "name": {"fr": f"Phase {i}", "en": f"Phase {i}"},
            "start": 2000 + 5 * i,
            "end": 2005 + 5 * i,
            "summary": {"fr": words, "en": words},
        }
        for i in range(4)
    ]
    records = [
        {
            "key": f"service-{i}",
            "name": {"fr": f"Service {i}", "en": f"Service {i}"},
            "kind": "consulting",
            "description": {"fr": words, "en": words},
            "introduced": f"p{i % 4}",
            "flagship": i % 7 == 0,
            "quote": words[:200],
        }
        for i in range(services)
    ]
    return json.dumps(
        {
            "format": 1,
            "name": {"fr": "Réseau", "en": "Network"},
            "languages": ["fr", "en"],
            "phases": phases,
            "services": records,
        },
        ensure_ascii=False,
    )


def with_errors(document: str) -> str:
    """The same document with every snapshot wrong twice: a count below 0 and an unknown key."""
    data = json.loads(document)
    for snapshot in data["snapshots"]:
        snapshot["members"] = -1
        snapshot["membres"] = 1
    return json.dumps(data)


# ---------------------------------------------------------------- hand-written attrs + cattrs


class Qualifier(enum.Enum):
    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    NEARLY = "nearly"


class Dating(enum.Enum):
    YEAR = "year"
    PHASE = "phase"


class Kind(enum.Enum):
    SUPPORT = "support"
    TOOL = "tool"
    PROGRAM = "program"
    CONSULTING = "consulting"
    TRAINING = "training"
    OTHER = "other"


class Relation(enum.Enum):
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    NEARLY = "nearly"
    ABOUT = "about"


class Direction(enum.Enum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"


Texts = dict[str, str]
_year = attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(9999))


@attrs.frozen(kw_only=True)
class HShare:
    value: float = attrs.field(validator=[attrs.validators.ge(0), attrs.validators.le(1)])
    of: Texts
    qualifier: Qualifier = Qualifier.EXACT
    quote: str | None = None
    inferred: tuple[str, ...] = ()
    note: Texts | None = None


@attrs.frozen(kw_only=True)
class HSnapshot:
    year: int = attrs.field(validator=_year)
    members: int = attrs.field(validator=attrs.validators.ge(0))
    qualifier: Qualifier = Qualifier.EXACT
    dating: Dating = Dating.YEAR
    phase: str | None = None
    share: HShare | None = None
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = ()
    note: Texts | None = None


@attrs.frozen(kw_only=True)
class HPhase:
    key: str
    name: Texts
    start: int = attrs.field(validator=_year)
    end: int | None = None
    summary: Texts | None = None
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = ()
    note: Texts | None = None


@attrs.frozen(kw_only=True)
class HService:
    key: str
    name: Texts
    kind: Kind
    description: Texts | None = None
    introduced: str | None = None
    scope: Texts | None = None
    flagship: bool = False
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = ()
    note: Texts | None = None


@attrs.frozen(kw_only=True)
class HSource:
    key: str
    title: Texts
    language: str | None = None
    part: int | None = None
    parts: int | None = None
    url: str | None = None
    references: tuple[str, ...] = ()
    note: Texts | None = None


@attrs.frozen(kw_only=True)
class HMilestone:
    key: str
    year: int = attrs.field(validator=_year)
    name: Texts
    description: Texts | None = None
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = ()
    note: Texts | None = None


@attrs.frozen(kw_only=True)
class HGrowthClaim:
    multiple: float = attrs.field(validator=attrs.validators.gt(0))
    relation: Relation = Relation.ABOUT
    start: int | None = attrs.field(default=None, validator=attrs.validators.optional(_year))
    end: int | None = attrs.field(default=None, validator=attrs.validators.optional(_year))


@attrs.frozen(kw_only=True)
class HTrendClaim:
    start: int = attrs.field(validator=_year)
    end: int = attrs.field(validator=_year)
    direction: Direction = Direction.UP


@attrs.frozen(kw_only=True)
class HShareClaim:
    value: float = attrs.field(validator=[attrs.validators.ge(0), attrs.validators.le(1)])
    of: Texts
    qualifier: Qualifier = Qualifier.EXACT
    population: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(0))
    )
    year: int | None = attrs.field(default=None, validator=attrs.validators.optional(_year))


@attrs.frozen(kw_only=True)
class HClaim:
    key: str
    text: Texts
    growth: HGrowthClaim | None = None
    trend: HTrendClaim | None = None
    share: HShareClaim | None = None
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = ()
    note: Texts | None = None

    def __attrs_post_init__(self) -> None:
        _one_kind(self.growth, self.trend, self.share)


def _one_kind(growth: object, trend: object, share: object) -> None:
    if [growth, trend, share].count(None) != 2:
        msg = "a claim needs exactly one of growth, trend and share"
        raise ValueError(msg)


def _in_order(_: object, __: object, snapshots: tuple[HSnapshot, ...]) -> None:
    for before, after in itertools.pairwise(snapshots):
        if after.year <= before.year:
            msg = f"snapshots out of order: {after.year} after {before.year}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class HNetwork:
    format: int
    name: Texts
    languages: tuple[str, ...]
    description: Texts | None = None
    sources: tuple[HSource, ...] = ()
    phases: tuple[HPhase, ...] = ()
    services: tuple[HService, ...] = ()
    snapshots: tuple[HSnapshot, ...] = attrs.field(default=(), validator=_in_order)
    milestones: tuple[HMilestone, ...] = ()
    claims: tuple[HClaim, ...] = ()


def _strict(kind: type) -> Callable[[object, type], object]:
    def structure(value: object, _: type) -> object:
        if type(value) is not kind:
            msg = f"expected {kind.__name__}, got {type(value).__name__}"
            raise TypeError(msg)
        return value

    return structure


def _strict_float(value: object, _: type) -> float:
    if type(value) in {int, float}:
        return float(value)  # type: ignore[arg-type]  # an int or a float, as checked
    msg = f"expected a number, got {type(value).__name__}"
    raise TypeError(msg)


def hand_converter() -> cattrs.Converter:
    """The attrs + cattrs peer, as a user would write it: strict scalars, no unknown keys."""
    conv = make_converter(forbid_extra_keys=True)
    for kind in (int, str, bool):
        conv.register_structure_hook(kind, _strict(kind))
    conv.register_structure_hook(float, _strict_float)
    classes = (HShare, HSnapshot, HPhase, HService, HSource, HMilestone)
    claims = (HGrowthClaim, HTrendClaim, HShareClaim, HClaim)
    for cls in (*classes, *claims, HNetwork):
        # The same document as reseau_coop writes: what is not known (None) and empty
        # lists are left out, the other defaults (qualifier, dating) written; a network's
        # empty lists are written, but for its claims.
        overrides = {
            a.name: override(omit_if_default=True)
            for a in attrs.fields(cls)
            if a.default is None
            or (a.default == () and (cls is not HNetwork or a.name == "claims"))
        }
        unstructure = make_dict_unstructure_fn(cls, conv, **overrides)  # type: ignore[arg-type]
        conv.register_unstructure_hook(cls, unstructure)
    return conv


def hand_loads(conv: cattrs.Converter, document: str) -> HNetwork:
    """The attrs + cattrs peer's `loads`."""
    return conv.structure(json.loads(document), HNetwork)


def hand_dumps(conv: cattrs.Converter, network: HNetwork) -> str:
    """The attrs + cattrs peer's `dumps`: the same document, as `reseau_coop.dumps` writes it."""
    return json.dumps(conv.unstructure(network), ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- pydantic and msgspec


try:
    import pydantic
except ImportError:  # the bench extra installs it
    pydantic = None  # type: ignore[assignment]

if pydantic is not None:
    _STRICT = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)
    PYear = Annotated[int, pydantic.Field(ge=1, le=9999)]

    class PShare(pydantic.BaseModel):
        model_config = _STRICT
        value: Annotated[float, pydantic.Field(ge=0, le=1)]
        of: dict[str, str]
        qualifier: Qualifier = Qualifier.EXACT
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class PSnapshot(pydantic.BaseModel):
        model_config = _STRICT
        year: PYear
        members: Annotated[int, pydantic.Field(ge=0)]
        qualifier: Qualifier = Qualifier.EXACT
        dating: Dating = Dating.YEAR
        phase: str | None = None
        share: PShare | None = None
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class PPhase(pydantic.BaseModel):
        model_config = _STRICT
        key: str
        name: dict[str, str]
        start: PYear
        end: PYear | None = None
        summary: dict[str, str] | None = None
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class PService(pydantic.BaseModel):
        model_config = _STRICT
        key: str
        name: dict[str, str]
        kind: Kind
        description: dict[str, str] | None = None
        introduced: str | None = None
        scope: dict[str, str] | None = None
        flagship: bool = False
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class PSource(pydantic.BaseModel):
        model_config = _STRICT
        key: str
        title: dict[str, str]
        language: str | None = None
        part: int | None = None
        parts: int | None = None
        url: str | None = None
        references: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class PMilestone(pydantic.BaseModel):
        model_config = _STRICT
        key: str
        year: PYear
        name: dict[str, str]
        description: dict[str, str] | None = None
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class PGrowthClaim(pydantic.BaseModel):
        model_config = _STRICT
        multiple: Annotated[float, pydantic.Field(gt=0)]
        relation: Relation = Relation.ABOUT
        start: PYear | None = None
        end: PYear | None = None

    class PTrendClaim(pydantic.BaseModel):
        model_config = _STRICT
        start: PYear
        end: PYear
        direction: Direction = Direction.UP

    class PShareClaim(pydantic.BaseModel):
        model_config = _STRICT
        value: Annotated[float, pydantic.Field(ge=0, le=1)]
        of: dict[str, str]
        qualifier: Qualifier = Qualifier.EXACT
        population: Annotated[int, pydantic.Field(ge=0)] | None = None
        year: PYear | None = None

    class PClaim(pydantic.BaseModel):
        model_config = _STRICT
        key: str
        text: dict[str, str]
        growth: PGrowthClaim | None = None
        trend: PTrendClaim | None = None
        share: PShareClaim | None = None
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

        @pydantic.model_validator(mode="after")
        def one_kind(self) -> PClaim:
            _one_kind(self.growth, self.trend, self.share)
            return self

    class PNetwork(pydantic.BaseModel):
        model_config = _STRICT
        format: int
        name: dict[str, str]
        languages: tuple[str, ...]
        description: dict[str, str] | None = None
        sources: tuple[PSource, ...] = ()
        phases: tuple[PPhase, ...] = ()
        services: tuple[PService, ...] = ()
        snapshots: tuple[PSnapshot, ...] = ()
        milestones: tuple[PMilestone, ...] = ()
        claims: tuple[PClaim, ...] = ()

        @pydantic.field_validator("snapshots")
        @classmethod
        def in_order(cls, snapshots: tuple[PSnapshot, ...]) -> tuple[PSnapshot, ...]:
            _in_order(None, None, snapshots)  # type: ignore[arg-type]
            return snapshots


try:
    import msgspec
except ImportError:  # the bench extra installs it
    msgspec = None  # type: ignore[assignment]

if msgspec is not None:
    MYear = Annotated[int, msgspec.Meta(ge=1, le=9999)]

    class MShare(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        value: Annotated[float, msgspec.Meta(ge=0, le=1)]
        of: dict[str, str]
        qualifier: Qualifier = Qualifier.EXACT
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class MSnapshot(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        year: MYear
        members: Annotated[int, msgspec.Meta(ge=0)]
        qualifier: Qualifier = Qualifier.EXACT
        dating: Dating = Dating.YEAR
        phase: str | None = None
        share: MShare | None = None
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class MPhase(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        key: str
        name: dict[str, str]
        start: MYear
        end: MYear | None = None
        summary: dict[str, str] | None = None
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class MService(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        key: str
        name: dict[str, str]
        kind: Kind
        description: dict[str, str] | None = None
        introduced: str | None = None
        scope: dict[str, str] | None = None
        flagship: bool = False
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class MSource(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        key: str
        title: dict[str, str]
        language: str | None = None
        part: int | None = None
        parts: int | None = None
        url: str | None = None
        references: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class MMilestone(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        key: str
        year: MYear
        name: dict[str, str]
        description: dict[str, str] | None = None
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

    class MGrowthClaim(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        multiple: Annotated[float, msgspec.Meta(gt=0)]
        relation: Relation = Relation.ABOUT
        start: MYear | None = None
        end: MYear | None = None

    class MTrendClaim(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        start: MYear
        end: MYear
        direction: Direction = Direction.UP

    class MShareClaim(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        value: Annotated[float, msgspec.Meta(ge=0, le=1)]
        of: dict[str, str]
        qualifier: Qualifier = Qualifier.EXACT
        population: Annotated[int, msgspec.Meta(ge=0)] | None = None
        year: MYear | None = None

    class MClaim(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        key: str
        text: dict[str, str]
        growth: MGrowthClaim | None = None
        trend: MTrendClaim | None = None
        share: MShareClaim | None = None
        source: str | None = None
        quote: str | None = None
        inferred: tuple[str, ...] = ()
        note: dict[str, str] | None = None

        def __post_init__(self) -> None:
            _one_kind(self.growth, self.trend, self.share)

    class MNetwork(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
        format: int
        name: dict[str, str]
        languages: tuple[str, ...]
        description: dict[str, str] | None = None
        sources: tuple[MSource, ...] = ()
        phases: tuple[MPhase, ...] = ()
        services: tuple[MService, ...] = ()
        snapshots: tuple[MSnapshot, ...] = ()
        milestones: tuple[MMilestone, ...] = ()
        claims: tuple[MClaim, ...] = ()

        def __post_init__(self) -> None:
            _in_order(None, None, self.snapshots)  # type: ignore[arg-type]


def peer_loaders() -> dict[str, Callable[[str], object]]:
    """The pydantic v2 (strict) and msgspec peers on the same schema, those installed."""
    out: dict[str, Callable[[str], object]] = {}
    if pydantic is not None:
        out["pydantic"] = PNetwork.model_validate_json
    if msgspec is not None:
        out["msgspec"] = msgspec.json.Decoder(MNetwork).decode
    return out


# ---------------------------------------------------------------- measuring


def best(funcs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """
    Best CPU time of one call of each function, in seconds.

    The functions take turns, *repeat* rounds of enough calls to last about 20 ms
    each, so that a busy spell of the machine slows them all alike; the best
    round of each counts.
    """
    timers = {name: timeit.Timer(func, timer=time.process_time) for name, func in funcs.items()}
    numbers = {name: max(1, timer.autorange()[0] // 10) for name, timer in timers.items()}
    times: dict[str, float] = dict.fromkeys(funcs, float("inf"))
    for _ in range(repeat):
        for name, timer in timers.items():
            times[name] = min(times[name], timer.timeit(numbers[name]) / numbers[name])
    return times


def check_peers_agree(document: str, conv: cattrs.Converter) -> None:
    """
    Every loader accepts the valid documents, and refuses the one full of errors.

    The hand-written dumper writes the same document as `dumps`, key order aside.
    """
    net = loads(document)
    hand = conv.structure(json.loads(document), HNetwork)
    assert len(net.snapshots) == len(hand.snapshots)
    assert len(net.services) == len(hand.services)
    assert len(net.claims) == len(hand.claims)
    assert json.loads(hand_dumps(conv, hand)) == json.loads(dumps(net))
    try:
        conv.structure(json.loads(with_errors(document)), HNetwork) if net.snapshots else None
    except Exception:  # noqa: BLE001, S110 - refused, as wanted
        pass
    else:
        assert not net.snapshots, "the hand-written loader took a document full of errors"


def bench_documents(repeat: int, sizes: tuple[int, int]) -> list[tuple[str, dict[str, float]]]:
    """Time every loader and dumper on every document."""
    conv = hand_converter()
    peers = peer_loaders()
    documents = {
        "default dataset": default_document(),
        f"{sizes[0]:,} snapshots": snapshots_document(sizes[0]),
        f"{sizes[1]:,} snapshots": snapshots_document(sizes[1]),
        "long texts, 300 services": texts_document(300),
    }
    rows = []
    for name, document in documents.items():
        check_peers_agree(document, conv)
        net = loads(document)
        hand = conv.structure(json.loads(document), HNetwork)
        plain = json.loads(document)
        funcs: dict[str, Callable[[], object]] = {
            "json.loads": partial(json.loads, document),
            "loads": partial(loads, document),
            "hand loads": partial(hand_loads, conv, document),
            "json.dumps": partial(json.dumps, plain, ensure_ascii=False, indent=2),
            "dumps": partial(dumps, net),
            "hand dumps": partial(hand_dumps, conv, hand),
        }
        for peer, load in peers.items():
            load(document)  # accepts it
            funcs[peer] = partial(load, document)
        rows.append((name, best(funcs, repeat)))
    return rows


def bench_errors(repeat: int, sizes: tuple[int, int]) -> dict[str, float]:
    """A document full of errors against its valid twin, at two sizes."""

    def refused(document: str) -> None:
        try:
            loads(document)
        except DataError:
            return
        raise AssertionError

    funcs: dict[str, Callable[[], object]] = {}
    for count in sizes:
        valid = snapshots_document(count)
        wrong = with_errors(valid)
        funcs[f"valid {count:,}"] = partial(loads, valid)
        funcs[f"errors {count:,}"] = partial(refused, wrong)
    return best(funcs, repeat)


def bench_import(runs: int) -> dict[str, float]:
    """CPU time of a fresh process: the first default dataset, against attrs and cattrs."""
    import resource
    import subprocess

    codes = {
        "python -c pass": "pass",
        "attrs+cattrs": "import attrs, cattrs, cattrs.preconf.json",
        "reseau_coop": "import reseau_coop; reseau_coop.default_network()",
    }

    def run(code: str) -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    for code in codes.values():
        run(code)  # warm the file cache and the bytecode
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(runs):
        for name, code in codes.items():
            times[name].append(run(code))
    medians = {name: statistics.median(got) for name, got in times.items()}
    floor = medians.pop("python -c pass")
    return {name: value - floor for name, value in medians.items()}


def _version(version: Callable[[str], str], name: str) -> str:
    try:
        return version(name)
    except Exception:  # noqa: BLE001 - not installed
        return "(not installed)"


def main() -> int:
    """Run every benchmark and print the table of ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller documents")
    args = parser.parse_args()
    repeat = 3 if args.quick else 21
    sizes = (100, 900) if args.quick else (1_000, 9_000)
    gc.collect()

    from importlib.metadata import version

    names = ("reseau-coop", "attrs", "cattrs", "pydantic", "msgspec")
    installed = ", ".join(f"{name} {_version(version, name)}" for name in names)
    print(f"Python {sys.version.split()[0]}, {installed}")
    rows = bench_documents(repeat, sizes)
    print("\nLoading and writing, best CPU time per call; ratios to the peers\n")
    print(
        f"| {'document':<26} | {'loads':>9} | {'/ hand':>6} | {'/ json':>6} | {'/ pydantic':>10} "
        f"| {'/ msgspec':>9} | {'dumps':>9} | {'/ hand':>6} | {'/ json':>6} |"
    )
    print(
        f"|{'-' * 28}|{'-' * 11}:|{'-' * 7}:|{'-' * 7}:|{'-' * 11}:|{'-' * 10}:|{'-' * 10}:|"
        f"{'-' * 7}:|{'-' * 7}:|"
    )
    for name, t in rows:
        pyd = f"{t['loads'] / t['pydantic']:9.1f}x" if "pydantic" in t else f"{'-':>10}"
        msg = f"{t['loads'] / t['msgspec']:8.1f}x" if "msgspec" in t else f"{'-':>9}"
        print(
            f"| {name:<26} | {t['loads'] * 1e3:6.2f} ms | {t['loads'] / t['hand loads']:5.2f}x "
            f"| {t['loads'] / t['json.loads']:5.1f}x | {pyd} | {msg} | {t['dumps'] * 1e3:6.2f} ms "
            f"| {t['dumps'] / t['hand dumps']:5.2f}x | {t['dumps'] / t['json.dumps']:5.1f}x |"
        )
    print(
        "\ngoals: loads / hand <= 1.2x (snapshots), loads / json <= 12x (default dataset), "
        "dumps / hand <= 1.2x"
    )

    errors = bench_errors(repeat, sizes)
    small, large = sizes
    print("\nA document full of errors (every snapshot wrong twice) against its valid twin")
    for count in sizes:
        ratio = errors[f"errors {count:,}"] / errors[f"valid {count:,}"]
        print(
            f"  {count:>6,} snapshots: valid {errors[f'valid {count:,}'] * 1e3:7.2f} ms, "
            f"errors {errors[f'errors {count:,}'] * 1e3:7.2f} ms, {ratio:4.2f}x  (goal <= 2x)"
        )
    growth = errors[f"errors {large:,}"] / errors[f"errors {small:,}"]
    print(
        f"  errors, {large:,} against {small:,} snapshots: {growth:4.1f}x "
        f"(linear: {large / small:.0f}x)"
    )

    runs = 3 if args.quick else 9
    imports = bench_import(runs)
    ratio = imports["reseau_coop"] / imports["attrs+cattrs"]
    print(f"\nfresh process, median CPU of {runs}, minus `python -c pass`")
    print(f"  import attrs, cattrs          : {imports['attrs+cattrs'] * 1e3:7.1f} ms")
    print(
        f"  import reseau_coop + dataset  : {imports['reseau_coop'] * 1e3:7.1f} ms  "
        f"({ratio:.2f}x; goal: no slower than before, ~1.1x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
