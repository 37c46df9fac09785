"""Fail unless CHANGELOG.md has an `## [Unreleased]` section with at least one entry.

Every user-visible change is written there as it is made (Keep a Changelog); a release
renames the section, and the next change opens a new one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def main() -> int:
    """Check the changelog; print why and return 1 when it has no Unreleased entry."""
    text = Path("CHANGELOG.md").read_text(encoding="utf-8")
    section = re.compile(r"^## \[Unreleased\]\n(?P<body>.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    match = section.search(text)
    if match is None:
        print("CHANGELOG.md: no '## [Unreleased]' section")
        return 1
    if not re.search(r"^- ", match["body"], re.MULTILINE):
        print("CHANGELOG.md: the '## [Unreleased]' section has no entry")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
