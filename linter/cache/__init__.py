"""Caches of results: what was checked before, and what a change of the facts touches."""
