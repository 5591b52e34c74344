# One entry point for people and CI. `make help` lists the targets.
VENV := .venv
BIN := $(VENV)/bin
RASA := $(BIN)/rasa
MODEL := models/refund-assistant.tar.gz
SPACY_PIPELINE := build/spacy_en_refund
TRAINING_FILES := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help install spacy train run actions shell purge erase test test-fast bench lint lock clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(BIN)/.installed $(SPACY_PIPELINE)/meta.json $(MODEL) web/node_modules/.package-lock.json  ## .venv with pinned packages, spaCy pipeline, trained model, web page packages

$(BIN)/.installed: requirements.lock requirements-no-deps.lock
	@test -x $(BIN)/python || "$$(scripts/find-python310.sh)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-no-deps.lock
	touch $@

spacy: $(SPACY_PIPELINE)/meta.json  ## Build the spaCy pipeline from nlp_pipeline/

$(SPACY_PIPELINE)/meta.json: $(BIN)/.installed $(wildcard nlp_pipeline/*.py)
	$(BIN)/python -m nlp_pipeline.build $(SPACY_PIPELINE)

train: $(MODEL)  ## Train the model (only when data or config changed)

$(MODEL): $(BIN)/.installed $(SPACY_PIPELINE)/meta.json $(TRAINING_FILES)
	$(RASA) train --fixed-model-name refund-assistant --out models

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund

run: install  ## Action server (5055), the bot (REST and socketio on 5005), the web page (8080)
	scripts/run.sh

actions: $(BIN)/.installed  ## Start only the action server on 127.0.0.1:5055
	$(BIN)/python -m actions --port 5055

shell: install  ## Talk to the bot in this terminal
	scripts/run.sh shell

purge: $(BIN)/.installed  ## Delete conversations idle for RETENTION_DAYS (180) from the tracker store
	scripts/retention.sh purge

erase: $(BIN)/.installed  ## Delete one conversation: make erase SENDER=<sender id>
	@[ -n "$(SENDER)" ] || { echo "make erase SENDER=<sender id>" >&2; exit 2; }
	scripts/retention.sh erase "$(SENDER)"

test: install  ## Run every test (see README: Testing)
	$(BIN)/python -m pytest

test-fast: install  ## Tests that start no server, browser or database and load no model (under a minute)
	$(BIN)/python -m pytest -m "not servers and not browser and not services and not model"

bench: install  ## Benchmark against a stock `rasa init` bot: results/bench.json and bench.png
	$(BIN)/python -m scripts.bench

lint:  ## ruff and mypy
	$(BIN)/ruff check actions addons refund_rules nlp_pipeline scripts tests log_masking.py
	$(BIN)/ruff format --check actions addons refund_rules nlp_pipeline scripts tests log_masking.py
	$(BIN)/mypy actions addons refund_rules nlp_pipeline log_masking.py

lock:  ## Re-pin requirements.lock from requirements.in (in a scratch venv)
	rm -rf /tmp/refund-lock && "$$(scripts/find-python310.sh)" -m venv /tmp/refund-lock
	/tmp/refund-lock/bin/pip install --quiet -r requirements.in
	/tmp/refund-lock/bin/pip freeze > requirements.lock

clean:  ## Remove the trained model, the spaCy build and test results
	rm -rf models build results .pytest_cache
