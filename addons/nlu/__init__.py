"""NLU components named in config.yml."""
