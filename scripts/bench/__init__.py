"""Benchmark our bot against a stock `rasa init` bot: training, start-up, latency, load, memory.

Run from the project directory:  .venv/bin/python -m scripts.bench [--quick]  (or `make bench`)

Writes results/bench.json and results/bench.png and prints a table, our figures as ratios to the
stock bot, and PASS/MISS per target. Exit code 0 whatever the figures: a benchmark, not a test.

Everything runs one step at a time (a 2-core machine) inside a temporary directory; nothing in the
project tree is written except results/bench.*:
- training (`training.py`): a full `rasa train` from scratch for both bots, each with a fresh,
  empty training cache (RASA_CACHE_DIRECTORY in the temporary directory). Rasa's
  LocalTrainingCache (rasa/engine/caching.py) keys every graph node by a fingerprint of its config
  and inputs and restores cached outputs instead of training; with the project's warm
  ./.rasa/cache a retrain of unchanged data is mostly restores, so it is never used here.
  `--train-cache off` sets RASA_MAX_CACHE_SIZE=0 instead (no cache reads or writes). The stock
  bot's training is the one `rasa init --no-prompt` does itself (rasa.train with the project's
  defaults: the same call as `rasa train`), timed as the whole `rasa init` process; copying the
  scaffold takes milliseconds. Ours is `rasa train --fixed-model-name bench-ours --out <tmp>` in
  the project directory, as `make train` runs it; the spaCy pipeline it reads (build/,
  `make spacy`) is a prerequisite and is not timed.
- cold start (`serving.py`): from spawning the Rasa server to the REST webhook answering the
  first message (our action server is already up; its own start-up is reported apart).
- both bots are up at once for the load tests, measured in alternating rounds (`load.py`: a
  conversation of one, then of the other; under load, a round of one, then of the other): this
  shared machine's speed drifts by 20-30 % from minute to minute, which measuring one bot after
  the other turned into the ratio.
- latency at 1 user: a realistic conversation per bot, repeated (a new sender each time) after a
  warm-up conversation; p50 and p95 per message.
- throughput: N users at once, each holding its own conversations, in 4 rounds per bot; messages
  per second over the summed wall time of its rounds.
- memory: VmRSS (/proc/<pid>/status) of each server and its child processes, after the load.
- ours only (`quality.py`): macro-F1 of `rasa test nlu` on each language's held-out messages
  (tests/dialogue/holdout/<code>/) and the conversation accuracy of `rasa test core` on
  tests/dialogue/stories/, with the model trained here.

Both bots are started by tests/servers.py, the helper the tests use. Ours runs as deployed:
`python -m addons run` (Rasa with our patches and start-up hooks), the action server
`python -m actions`, the project's credentials.yml (channels) and endpoints.yml's tracker store
(the SQLite store, on a file in the temporary directory), "today" pinned as in the tests.
`--tracker memory` uses the in-memory tracker store like the stock bot. The stock bot runs with
the stock `rasa run`, its own credentials.yml and endpoints.yml, and no action server (rasa init's
domain has no custom action). The report is written by `report.py` and drawn by `chart.py`.
"""
