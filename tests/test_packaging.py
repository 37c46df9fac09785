"""What users install: the version, the public surface, the typing marker."""

from __future__ import annotations

import importlib
import os
import warnings
from importlib import metadata
from importlib.resources import files
from pathlib import Path

import pytest

import reseau_coop

from .helpers import run_python


def test_version_matches_metadata() -> None:
    """`__version__` is the installed distribution's version, served without warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        version = reseau_coop.__version__

    assert metadata.version("reseau-coop") == version


def test_unknown_attribute() -> None:
    """Asking the package for a name it lacks is an AttributeError naming it."""
    with pytest.raises(AttributeError, match="no_such_thing"):
        _ = reseau_coop.no_such_thing


def test_all_is_sorted_and_importable() -> None:
    """`__all__` is sorted, and every name in it exists."""
    assert sorted(reseau_coop.__all__) == reseau_coop.__all__
    for name in reseau_coop.__all__:
        assert getattr(reseau_coop, name) is not None


def test_errors_are_named_where_they_are_imported_from() -> None:
    """A traceback names each public error `reseau_coop.X`, as users import it."""
    errors = [
        value
        for name in reseau_coop.__all__
        if isinstance(value := getattr(reseau_coop, name), type) and issubclass(value, Exception)
    ]

    assert len(errors) >= 7
    assert [] == [error.__name__ for error in errors if error.__module__ != "reseau_coop"]


def test_dir_lists_the_public_names() -> None:
    """`dir()` shows the public surface and the version, not the private modules."""
    names = dir(reseau_coop)

    assert set(reseau_coop.__all__) | {"__version__"} == set(names)


# Standard modules that reading the default dataset has no need of (each takes 1–5 ms to
# import): files are written (`_write`, `secrets`) and named (`pathlib`) only when asked,
# a date can only be given once `datetime` is imported, `decimal` words one message, and
# the package's loader reads the dataset without `pkgutil`.
_NOT_TO_READ = (
    "datetime",
    "decimal",
    "pathlib",
    "pkgutil",
    "reseau_coop._write",
    "secrets",
    "tomllib",
)


def test_import_leaves_reports_texts_and_metrics_for_later() -> None:
    """`import reseau_coop` and the default dataset import only what they need: not cattrs."""
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import reseau_coop\n"
        "reseau_coop.default_network()\n"
        "print(sorted(m for m in sys.modules if m.startswith('reseau_coop.')))\n"
        "print('cattrs' in sys.modules)\n"
        f"print(sorted(set(sys.modules) - before & {set(_NOT_TO_READ)!r}))\n"
        "reseau_coop.dumps(reseau_coop.default_network())\n"
        "print('cattrs' in sys.modules)\n"
        "from reseau_coop import render\n"
        "print(render.__module__, type(reseau_coop.Growth).__name__)\n"
        "print(all(getattr(reseau_coop, name) is not None for name in reseau_coop.__all__))\n"
    )
    lines = run_python(code).stdout.splitlines()
    loaded, cattrs_read, slow, cattrs_written, rendered, resolved = lines

    core = ["_checks", "_convert", "_dataset", "_errors", "_io", "_lookup", "_model"]
    assert str([f"reseau_coop.{name}" for name in core]) == loaded
    assert ("False", "True") == (cattrs_read, cattrs_written)  # cattrs only to write
    assert "[]" == slow  # each is imported when first needed, if ever
    assert "reseau_coop._report type" == rendered
    assert "True" == resolved


def test_a_lazy_name_is_imported_once() -> None:
    """A name served on first use is then an ordinary attribute of the package."""
    from reseau_coop import _report

    assert _report.render is reseau_coop.render
    assert _report.render is vars(reseau_coop)["render"]


def test_typed_marker_ships() -> None:
    """`py.typed` is in the package, so type checkers read its annotations."""
    assert files(reseau_coop).joinpath("py.typed").is_file()


def test_runtime_dependencies() -> None:
    """The run-time dependencies are attrs, cattrs and tomli-w, and nothing else."""
    requires = metadata.requires("reseau-coop") or []
    runtime = sorted(r.split(">")[0].split("=")[0].strip() for r in requires if "extra" not in r)

    assert ["attrs", "cattrs", "tomli-w"] == runtime


@pytest.mark.skipif(
    not os.environ.get("RESEAU_COOP_TEST_INSTALLED"), reason="only in CI's run against the wheel"
)
def test_running_against_the_installed_wheel() -> None:
    """In CI's second run the package comes from the wheel, not from the source tree."""
    location = Path(reseau_coop.__file__).resolve()

    assert "site-packages" in location.parts


@pytest.mark.parametrize(
    ("blocked", "module", "extra"),
    [
        ("matplotlib", "reseau_coop.plot", "plot"),
        ("pandas", "reseau_coop.frames", "pandas"),
        ("hypothesis", "reseau_coop.strategies", "hypothesis"),
    ],
)
def test_missing_extra_says_what_to_install(blocked: str, module: str, extra: str) -> None:
    """Without an extra's dependency, importing its module is one sentence naming the install."""
    code = (
        f"import sys; sys.modules[{blocked!r}] = None\n"
        "try:\n"
        f"    import {module}\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    result = run_python(code)

    assert f'pip install "reseau-coop[{extra}]"' in result.stdout
    assert 1 == len(result.stdout.strip().splitlines())


def test_plot_command_without_matplotlib() -> None:
    """`reseau-coop plot` without matplotlib: exit 1 and the install to run, no traceback."""
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from reseau_coop._cli import main\n"
        "sys.exit(main(['plot', '-o', 'chart.png']))\n"
    )
    result = run_python(code, check=False)

    assert 1 == result.returncode
    assert 'pip install "reseau-coop[plot]"' in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("module", "names"),
    [
        ("reseau_coop.plot", ["Align", "comparison_chart", "membership_chart"]),
        (
            "reseau_coop.strategies",
            [
                "LANGUAGE_TAGS",
                "MAX_PHASES",
                "NetworkOptions",
                "claims",
                "documents",
                "milestones",
                "networks",
                "phases",
                "services",
                "shares",
                "snapshots",
                "sources",
                "texts",
            ],
        ),
        (
            "reseau_coop.frames",
            [
                "membership_frame",
                "milestones_frame",
                "phases_frame",
                "services_frame",
                "snapshots_frame",
            ],
        ),
    ],
)
def test_public_submodules(module: str, names: list[str]) -> None:
    """The extras' modules are thin facades: `__all__` and `dir()` list their functions."""
    imported = importlib.import_module(module)

    assert names == sorted(imported.__all__)
    assert names == sorted(dir(imported))


def test_package_does_not_import_the_extras() -> None:
    """`import reseau_coop` imports neither matplotlib, pandas nor Hypothesis."""
    code = (
        "import sys, reseau_coop\n"
        "print([m for m in ('matplotlib', 'pandas', 'hypothesis') if m in sys.modules])"
    )
    result = run_python(code)

    assert "[]" == result.stdout.strip()
