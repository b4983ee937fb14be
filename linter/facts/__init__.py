"""The reference facts: what is known, with time."""

from linter.facts.model import Entity, Event, FactBase, Office, Quantity, Quote, Tenure

__all__ = ["Entity", "Event", "FactBase", "Office", "Quantity", "Quote", "Tenure"]
