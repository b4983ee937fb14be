"""What every command's help shares: its examples, written as the help shows them."""

from __future__ import annotations


def examples(*lines: str) -> str:
    """An epilog of example command lines, one a line in the help."""
    return "\n\n".join(["Examples:", *lines])
