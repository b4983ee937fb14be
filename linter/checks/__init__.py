"""Stage 4: rules (declarative YAML) evaluated against the analysis of a document."""
