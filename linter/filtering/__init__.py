"""Stage 5: filter: which findings are reported, and what is done with them."""
