# Loa — two commands: `make run` and `make test` (CONTRACT §1).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := wsgi

.PHONY: run test test-clock test-pg lint system-deps translations clean docs classifier

run: system-deps $(VENV)/.runtime translations
	$(BIN)/flask --app wsgi init-db
	HOST=$(HOST) PORT=$(PORT) $(BIN)/flask --app wsgi serve

test: BROWSER = 1
test: system-deps $(VENV)/.test translations
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/pytest -q $(PYTEST_ARGS)

# The unit, web and browser suites again with Python's clock moved (tests/conftest.py):
# 400 days ahead (past a year boundary and a leap day) at 20:00 in Vietnam (after the day's
# last slot), and 1,830 days (about five years) at 03:30 (before the first slot).
CLOCK_RUNS ?= 400@20:00 1830@03:30
test-clock: BROWSER = 1
test-clock: system-deps $(VENV)/.test translations
	@for run in $(CLOCK_RUNS); do \
	  days=$${run%@*}; at=$${run#*@}; \
	  echo "== clock moved ahead $$days days, to $$at in Vietnam =="; \
	  LOA_CLOCK_AHEAD_DAYS=$$days LOA_CLOCK_AT=$$at $(BIN)/pytest -q tests/unit tests/web \
	    tests/e2e $(PYTEST_ARGS) || exit 1; \
	done

# The scanner's second look, refitted from the training corpora (scikit-learn, a test
# requirement); the product reads the file it writes, bulletins/confidentiality/classifier.json.gz.
classifier: $(VENV)/.test
	$(BIN)/python -m tools.train_classifier

# The user guide's pictures, taken by the browser journeys from the running product.
docs: BROWSER = 1
docs: system-deps $(VENV)/.test translations
	LOA_DOCS_SHOTS=1 $(BIN)/pytest -q tests/e2e
	@ls docs/huong-dan/anh/*.png | wc -l | xargs echo "docs/huong-dan/anh: PNG files:"

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# espeak-ng and ffmpeg from Debian when missing (as root; otherwise say what to run).
system-deps:
	@missing=""; \
	command -v espeak-ng >/dev/null || missing="$$missing espeak-ng"; \
	command -v ffmpeg >/dev/null || missing="$$missing ffmpeg"; \
	if [ "$(BROWSER)" = 1 ]; then command -v chromium >/dev/null || missing="$$missing chromium"; fi; \
	$(PY) -c 'import venv, ensurepip' 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing:$$missing — run: sudo apt-get install$$missing" >&2; exit 1; fi; \
	fi

$(VENV)/bin/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.test: requirements.txt requirements-test.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -r requirements-test.txt
	touch $@ $(VENV)/.runtime

translations: $(patsubst %.po,%.mo,$(wildcard app/translations/*/LC_MESSAGES/messages.po))

app/translations/%/LC_MESSAGES/messages.mo: app/translations/%/LC_MESSAGES/messages.po | $(VENV)/.runtime
	$(BIN)/pybabel compile -i $< -o $@

# Maintainers: refresh the message catalogs after changing UI text.
messages: $(VENV)/.test
	$(BIN)/pybabel extract -F babel.cfg -k _l -o app/translations/messages.pot .
	$(BIN)/pybabel update -i app/translations/messages.pot -d app/translations

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
