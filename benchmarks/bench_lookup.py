"""
Benchmarks for period lookup and import time, each measured against its baseline in one run.

Run on demand, not in the test suite:

    python -m pip install -e ".[bench]"
    python benchmarks/bench_lookup.py            # add --quick for a fast smoke run

Goals (issue 12): `phase_at` within 1.4x of a bare `bisect.bisect_right` plus bounds
check, each called once through `functools.partial` (one Python call is the floor);
`phase_index` on 1,000,000 `int64` years within 2.0x of `years.copy()` (one pass of
memory into a fresh array), and faster than a hand-written `numpy.searchsorted` and
pandas `IntervalIndex.get_indexer`; `import reseau_coop; default_network()` in a fresh
process within about 1.1x of `import attrs, cattrs, cattrs.preconf.json`. Times are CPU
times, the candidates taking turns.
"""

from __future__ import annotations

import argparse
import bisect
import functools
import os
import resource
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from typing import Any

import numpy as np

import reseau_coop
from reseau_coop import LocalizedText, Network, Phase, phase_at, phase_index

MAX_YEAR = 9999


def _network_with(count: int) -> Network:
    """*count* one-year phases with one-year gaps: 1, 3, 5, ... (5,000 reach 9999)."""
    phases = [
        Phase(key=f"p{i}", name=LocalizedText({"en": f"P{i}"}), start=2 * i + 1, end=2 * i + 1)
        for i in range(count)
    ]
    return Network(name=LocalizedText({"en": "Bench"}), languages=["en"], phases=phases)


def _best(funcs: dict[str, Callable[[], object]], number: int, repeat: int) -> dict[str, float]:
    """Best CPU time per call of each function, in seconds; the functions take turns."""
    timers = {name: timeit.Timer(func, timer=time.process_time) for name, func in funcs.items()}
    times = dict.fromkeys(funcs, float("inf"))
    for _ in range(repeat):
        for name, timer in timers.items():
            times[name] = min(times[name], timer.timeit(number) / number)
    return times


def bench_phase_at(repeat: int) -> dict[str, float]:
    """Single `phase_at` against a bare bisect over the same starts, with the bounds check."""
    net = reseau_coop.default_network()
    starts = [p.start for p in net.phases]
    ends = [MAX_YEAR if p.end is None else p.end for p in net.phases]
    phases = net.phases

    def bare(year: int) -> Phase | None:
        i = bisect.bisect_right(starts, year) - 1
        if i >= 0 and year <= ends[i]:
            return phases[i]
        return None

    year = 2015
    assert bare(year) is phase_at(net, year)
    funcs: dict[str, Callable[[], object]] = {
        "bisect": functools.partial(bare, year),
        "phase_at": functools.partial(phase_at, net, year),
    }
    return _best(funcs, 200_000, repeat)


def _searchsorted(net: Network, years: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    starts = np.array([p.start for p in net.phases], dtype=np.int64)
    ends = np.array([MAX_YEAR if p.end is None else p.end for p in net.phases], dtype=np.int64)
    index = np.searchsorted(starts, years, side="right") - 1
    inside = (index >= 0) & (years <= ends[np.maximum(index, 0)]) & (years >= 1)
    return np.where(inside, index, -1)


def _pandas_index(net: Network) -> Any:  # noqa: ANN401 - pandas is optional
    import pandas as pd

    starts = [p.start for p in net.phases]
    rights = []
    for i, p in enumerate(net.phases):
        right = (MAX_YEAR if p.end is None else p.end) + 1
        if i + 1 < len(net.phases):
            right = min(right, net.phases[i + 1].start)  # half-open, cut at the next start
        rights.append(right)
    return pd.IntervalIndex.from_arrays(starts, rights, closed="left")


def bench_phase_index(count: int, size: int, repeat: int) -> dict[str, float]:
    """`phase_index` on *size* years against a copy, searchsorted by hand and pandas."""
    net = _network_with(count)
    rng = np.random.default_rng(2007)
    years = rng.integers(0, 10_500, size=size, dtype=np.int64)
    ours = phase_index(net, years)
    assert np.array_equal(ours, _searchsorted(net, years)), "phase_index disagrees"
    funcs: dict[str, Callable[[], object]] = {
        "years.copy()": years.copy,
        "searchsorted": lambda: _searchsorted(net, years),
        "phase_index": lambda: phase_index(net, years),
    }
    try:
        index = _pandas_index(net)
    except ImportError:
        print("  (pandas is not installed: pip install pandas to compare)")
    else:
        funcs["pandas"] = lambda: index.get_indexer(years)
    return _best(funcs, 1, repeat)


# Installed packages run from compiled bytecode (pip compiles it on install); let the
# warm-up runs write it for a source checkout too, whatever PYTHONDONTWRITEBYTECODE says.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(code: str) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one fresh interpreter running *code*."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = timeit.default_timer()
    subprocess.run([sys.executable, "-c", code], check=True, env=_ENV)  # noqa: S603
    wall = timeit.default_timer() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def bench_import(runs: int) -> dict[str, tuple[float, float]]:
    """
    Fresh-process time of the first dataset against importing attrs and cattrs.

    The three commands take turns, so a slow spell of the machine hits all three
    alike; each figure is the median of *runs*, minus that of `python -c pass`.
    """
    codes = {
        "python -c pass": "pass",
        "attrs+cattrs": "import attrs, cattrs, cattrs.preconf.json",
        "reseau_coop": "import reseau_coop; reseau_coop.default_network()",
    }
    for code in codes.values():  # warm the file cache and write bytecode
        _run(code)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in codes}
    for _ in range(runs):
        for name, code in codes.items():
            times[name].append(_run(code))
    medians = {
        name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
        for name, got in times.items()
    }
    wall0, cpu0 = medians.pop("python -c pass")
    return {name: (wall - wall0, cpu - cpu0) for name, (wall, cpu) in medians.items()}


def main() -> int:
    """Run every benchmark and print each figure beside its baseline."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller arrays")
    args = parser.parse_args()
    repeat = 3 if args.quick else 15
    size = 100_000 if args.quick else 1_000_000

    versions = f"NumPy {np.__version__}, reseau_coop {reseau_coop.__version__}"
    print(f"Python {sys.version.split()[0]}, {versions}")
    at = bench_phase_at(repeat)
    print("\nphase_at, one year, default dataset (3 phases), CPU time per call")
    print(f"  bare bisect + bounds : {at['bisect'] * 1e9:8.1f} ns")
    print(f"  phase_at             : {at['phase_at'] * 1e9:8.1f} ns")
    print(f"  ratio                : {at['phase_at'] / at['bisect']:8.2f}x  (goal <= 1.4x)")

    for count in (3, 5000):
        result = bench_phase_index(count, size, repeat)
        print(f"\nphase_index, {size:,} years (NumPy int64), {count:,} phases")
        for name, seconds in result.items():
            print(f"  {name:<13}: {seconds * 1e3:8.2f} ms")
        ratio = result["phase_index"] / result["years.copy()"]
        print(f"  vs years.copy(): {ratio:8.2f}x  (goal <= 2.0x)")
        versus = result["phase_index"] / result["searchsorted"]
        print(f"  vs searchsorted: {versus:8.2f}x  (goal < 1.0x)")
        if "pandas" in result:
            versus = result["phase_index"] / result["pandas"]
            print(f"  vs pandas      : {versus:8.3f}x  (goal < 1.0x)")

    runs = 3 if args.quick else 21
    imports = bench_import(runs)
    print(f"\nfresh process, median of {runs}, minus `python -c pass` (wall, CPU)")
    for name, (wall, cpu) in imports.items():
        print(f"  {name:<13}: {wall * 1e3:8.1f} ms {cpu * 1e3:8.1f} ms")
    wall_ratio = imports["reseau_coop"][0] / imports["attrs+cattrs"][0]
    cpu_ratio = imports["reseau_coop"][1] / imports["attrs+cattrs"][1]
    print(f"  ratio        : {wall_ratio:8.2f}x {cpu_ratio:8.2f}x  (goal <= 1.1x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
