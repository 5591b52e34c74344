"""The spaCy pipeline the NLU config loads, built from the project's own files."""
