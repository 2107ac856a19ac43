# Everyday commands. PYTHON picks the environment: make test PYTHON=/work/venv-6/bin/python
PYTHON ?= python

.PHONY: test lint bench

test:
	$(PYTHON) -m pytest -q

lint:
	$(PYTHON) -m ruff check src tests benchmarks scripts
	$(PYTHON) -m ruff format --check src tests benchmarks scripts
	$(PYTHON) -m mypy
	$(PYTHON) -m mypy tests/html/conftest.py

# The performance goals, measured side by side (several minutes; see docs/performance.md).
bench:
	$(PYTHON) benchmarks/bench.py

# The message catalogue (docs/languages.md, "Adding a language"): collect the messages of the code and the
# templates, merge them into every language's .po, and compile the .mo files the tool reads.
LOCALE = src/sockprogress/words/locale
# A `Words` is called with a message id: words("…"), words.n(…), words.p(…), words.np(…).
KEYWORDS = -k words -k sheet -k n:1,2 -k p:1c,2 -k np:1c,2,3 -k NP_:1,2
.PHONY: messages catalogue
messages:
	$(PYTHON) -m babel.messages.frontend extract -F babel.cfg $(KEYWORDS) --no-location --sort-output \
		--project sockprogress --copyright-holder sockprogress -o $(LOCALE)/sockprogress.pot .
	$(PYTHON) -m babel.messages.frontend update -i $(LOCALE)/sockprogress.pot -d $(LOCALE) \
		-D sockprogress --ignore-obsolete --width 100

catalogue:
	$(PYTHON) -m babel.messages.frontend compile -d $(LOCALE) -D sockprogress --statistics
