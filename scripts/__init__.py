"""Project scripts; the benchmark runs as `python -m scripts.bench` from the project directory."""
