"""Stage 2: split prose into blocks, sentences, tokens and quotations."""
