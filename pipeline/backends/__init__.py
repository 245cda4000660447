"""The NLP backends (sentence splitting, tokens, NER) that the stages run on, loaded by name and language."""
