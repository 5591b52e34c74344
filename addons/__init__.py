"""Our extensions of Rasa, by kind.

- `channels/`: input channels named in credentials.yml (REST, socket.io, Telegram, Slack);
- `stores/`: the SQLite tracker store named in endpoints.yml;
- `nlg/`: the response generator named in endpoints.yml (fills in the dispute policy);
- `patches/`: replacements of Rasa internals, each checked against the Rasa version it was
  written for;
- `hooks/`: code run once the server has started (tracker store check, apology when the action
  server fails, reminders restored).

Patches and hooks are switched on by `activate()`, which `python -m addons` (our `rasa`) calls
before handing over to Rasa's command line: `make run`, `make shell`, the tests and the
benchmark all start Rasa that way.
"""


def activate() -> None:
    """Install the patches and register the start-up hooks (idempotent)."""
    from addons import hooks
    from addons.patches import action_validation, kept_session, question_sentence, reminder_once

    action_validation.install()
    kept_session.install()
    question_sentence.install()
    hooks.register()
    reminder_once.install()
