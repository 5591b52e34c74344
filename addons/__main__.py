"""`python -m addons <rasa command> ...`: Rasa's command line with our patches and hooks.

Use it wherever you would type `rasa`: `python -m addons run ...`, `python -m addons shell ...`.
"""

import sys

from rasa.__main__ import main

import addons

if __name__ == "__main__":
    addons.activate()
    sys.argv[0] = "rasa"
    main()
