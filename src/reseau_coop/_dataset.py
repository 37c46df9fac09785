"""The embedded default dataset: the history of the Réseau COOP, 2007–2022."""

from __future__ import annotations

import functools
import os

from ._io import loads
from ._model import Network

DATA_FILE = "data/default.json"
"""Where the default dataset lies inside the package."""


@functools.cache
def default_network() -> Network:
    """
    The history of the Réseau COOP (Québec, 2007–2022), as the source article tells it.

    The dataset ships inside the package and is read, once, through the same
    strict loader as any user's file (`reseau_coop.loads`). Every value traces
    to the article *Les 3 phases de développement du Réseau COOP* (article 4/4),
    with its hedge kept, and says whether the article states it or it is inferred.

    Examples:
        >>> net = default_network()
        >>> net.name["fr"], net.languages
        ('Réseau COOP', ('fr', 'en'))
        >>> [(s.year, s.members, s.qualifier.value) for s in net.snapshots]
        [(2007, 14, 'exact'), (2012, 35, 'approximate'), (2017, 56, 'exact'), (2022, 100, 'exact')]

    """
    return loads(default_document(), "json")


def default_document() -> str:
    """The default dataset's JSON document, exactly as shipped."""
    # The loader of this module reads the file beside it, from a zip import too, as
    # `pkgutil.get_data` does, without importing pkgutil and what it brings.
    get_data = getattr(getattr(__spec__, "loader", None), "get_data", None)
    here = globals().get("__file__")  # not set by every loader
    if get_data is None or here is None:  # a loader that cannot read data
        msg = f"the package's loader cannot read {DATA_FILE}"
        raise OSError(msg)
    folder = os.path.dirname(here)  # noqa: PTH120 - pathlib is slow to import
    data: bytes = get_data(os.path.join(folder, *DATA_FILE.split("/")))  # noqa: PTH118 - same
    return data.decode("utf-8")
