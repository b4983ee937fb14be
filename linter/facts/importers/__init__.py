"""Importers: facts from the sources a newsroom already has (docs/facts.md, "Where facts come from").

Each importer reads one kind of source into an :class:`~linter.facts.importers.model.Imported`
(entities, offices and tenures, each with its source, and warnings about what was left out);
:mod:`~linter.facts.importers.merge` writes that into a new fact file or into an existing one
in place, keeping everything a person wrote there.
"""
