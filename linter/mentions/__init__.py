"""Stage 3: find what the prose mentions: names, titles, claims of office, dates, events, speakers."""
