"""factlint: check news writing against a reference fact file with declarative rules."""

__version__ = "1.0.0"
