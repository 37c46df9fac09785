"""
Typed pandas data frames of a network's tables; needs the `pandas` extra.

`pip install "reseau-coop[pandas]"`. Without pandas, `reseau_coop.records` gives the same
tables as plain dicts, which `polars.DataFrame` and `csv` take too.
"""

from __future__ import annotations

from ._frames import (
    import_pandas,
    membership_frame,
    milestones_frame,
    phases_frame,
    services_frame,
    snapshots_frame,
)

__all__ = [
    "membership_frame",
    "milestones_frame",
    "phases_frame",
    "services_frame",
    "snapshots_frame",
]

import_pandas()  # importing this module without pandas says how to install it


def __dir__() -> list[str]:
    return __all__
