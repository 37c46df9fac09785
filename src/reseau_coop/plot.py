"""
The membership chart and the comparison chart; need the `plot` extra (matplotlib).

`pip install "reseau-coop[plot]"`.
"""

from __future__ import annotations

from ._plot import Align, comparison_chart, import_matplotlib, membership_chart

__all__ = ["Align", "comparison_chart", "membership_chart"]

import_matplotlib()  # importing this module without matplotlib says how to install it


def __dir__() -> list[str]:
    return __all__
