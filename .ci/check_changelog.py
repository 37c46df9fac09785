"""Fail unless CHANGELOG.md says what this commit changes, or which release it is.

Every user-visible change is written under `## [Unreleased]` as it is made (Keep a
Changelog), so that section must have at least one entry. A release renames the section
to `## [VERSION] - YYYY-MM-DD`: on the release commit there is no Unreleased section, and
the newest section must then name the version of pyproject.toml, with a date. The next
change opens a new Unreleased section.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

UNRELEASED = re.compile(r"^## \[Unreleased\]\n(?P<body>.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)
RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\] - (?P<date>\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def main() -> int:
    """Check the changelog; print why and return 1 when it fails."""
    text = Path("CHANGELOG.md").read_text(encoding="utf-8")
    match = UNRELEASED.search(text)
    if match is not None:
        if not re.search(r"^- ", match["body"], re.MULTILINE):
            print("CHANGELOG.md: the '## [Unreleased]' section has no entry")
            return 1
        return 0
    with Path("pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    release = RELEASE.search(text)
    if release is None or release["version"] != version:
        print(
            f"CHANGELOG.md: no '## [Unreleased]' section, and the newest section is not "
            f"'## [{version}] - YYYY-MM-DD' (the version of pyproject.toml)"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
