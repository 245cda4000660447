"""English: the spaCy backend, the date grammar and the language profile (cues, name rules)."""
