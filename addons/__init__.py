"""Project add-ons for Rasa (custom channels)."""
