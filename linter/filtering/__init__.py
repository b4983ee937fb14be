"""Stage 5: filter: which findings are reported, and what is done with them.

- ``selection.py``: before any document is read, which rules run on a group of files and at which
  severity (``select``, ``extend_select``, ``ignore``, ``severity``: the files' nearest
  configuration and the command line).
- ``stage.py``, the stage's two entry points: ``filter_findings``, a document's findings as reported
  (its suppression comments, ``suppressions.py``), called by the runner once per document; and
  ``filter_run``, once every document is checked: ``--fix`` or ``--diff`` (``fixes.py``),
  ``--add-suppressions`` (``add_suppressions.py``), ``--write-baseline`` or ``--baseline``
  (``baseline.py``), in that order, called by the command line once per run.
"""
