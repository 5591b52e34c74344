"""AliExpress dispute rules as plain Python: no Rasa imports, `today` always passed in."""
