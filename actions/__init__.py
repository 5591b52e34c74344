"""Custom actions: thin Rasa glue around the plain rules in `refund_rules`."""
