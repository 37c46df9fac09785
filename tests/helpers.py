"""Small helpers the test modules share."""

from __future__ import annotations

import subprocess
import sys


def run_python(code: str, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run *code* in a fresh interpreter (this one's), capturing its output as text."""
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=check
    )
