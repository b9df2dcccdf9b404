# ContractDesk developer commands. Everything runs from a virtual environment in .venv that the
# first command creates, so a fresh machine needs only Python 3.11+ (and make).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run demo test lint bench screenshots installer clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

## run: set up, build the demo database on first run, start the app on it
run: $(INSTALLED)
	$(BIN)/contractdesk demo --if-missing
	$(BIN)/contractdesk --demo

## demo: rebuild the demo database from the real Rotherham data in resources/demo
demo: $(INSTALLED)
	$(BIN)/contractdesk demo

## test: set up, then lint, check the layer contract and run the whole test suite
test: lint
	$(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check
	$(BIN)/lint-imports

## bench: the benchmarks in bench/ (figures go in the README's performance section)
bench: $(INSTALLED)
	$(BIN)/python bench/bench_imports.py
	$(BIN)/python bench/bench_startup.py
	$(BIN)/python bench/bench_funding.py

## screenshots: render every window and dialog to build/screenshots/ (offscreen)
screenshots: $(INSTALLED)
	$(BIN)/python -m contractdesk.gui.screenshots

clean:
	rm -rf build dist .pytest_cache .ruff_cache

## installer: a one-folder PyInstaller build in dist/ContractDesk, then a smoke test of it:
## --version, building and listing the demo database, and the desktop app staying up 5 s
installer: $(INSTALLED)
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6'
	$(BIN)/pyinstaller --noconfirm --clean build_installer.spec
	dist/ContractDesk/contractdesk --version
	rm -f build/installer-demo.sqlite
	dist/ContractDesk/contractdesk demo --db build/installer-demo.sqlite
	dist/ContractDesk/contractdesk --db build/installer-demo.sqlite practices show C87003
	rm -rf build/installer-letters && mkdir -p build/installer-letters
	dist/ContractDesk/contractdesk --db build/installer-demo.sqlite letters annual --year 2025/26 --out build/installer-letters --workers 2
	QT_QPA_PLATFORM=offscreen timeout 5 dist/ContractDesk/contractdesk --db build/installer-demo.sqlite; test $$? -eq 124
