# landcover — developer entry points. Each target installs what it needs and is idempotent.
#   make demo   train on the built-in demo scene and classify it (CPU, a few minutes)
#   make test   engine tests + QGIS plugin tests (real QGIS, real engine processes)
#   make bench  benchmarks/: inference, histmatch, training-loop ratios against baselines of the same run
#   make eval   real-data quality: train/test through the CLI on s2_korea, 9 runs (~25 min on 2 CPU cores)
#   make lint   ruff, mypy, the Qt6/QGIS 4 guard (tools/qt6_check.py) and qgis-plugin-analyzer's gate; part of make test
#   make translations  re-extract the plugin's strings into landcover_qgis/i18n/*.ts (translations kept)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SYS_PYTHON ?= /usr/bin/python3
VENV_DIR ?= .venv
ENGINE_VENV := $(VENV_DIR)/engine
QGIS_VENV := $(VENV_DIR)/qgis
ENGINE_PY := $(ENGINE_VENV)/bin/python
QGIS_PY := $(QGIS_VENV)/bin/python
# PyQt6 from PyPI (no QGIS) and qgis-plugin-analyzer, for make lint's QGIS 4 checks only.
PYQT6_VENV := $(VENV_DIR)/pyqt6
PYQT6_PY := $(PYQT6_VENV)/bin/python
DEMO_DIR ?= demo_output
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BASE := python3 python3-venv python3-pip
# python3-gdal: the plugin tests write their test rasters with osgeo.gdal (it comes with QGIS, named here anyway).
APT_QGIS := qgis python3-qgis python3-gdal qgis-providers xvfb xauth imagemagick zip
# The plugin's translations: pylupdate5 extracts the strings into .ts files, lrelease compiles them into .qm.
APT_I18N := pyqt5-dev-tools qttools5-dev-tools
I18N_DIR := landcover_qgis/i18n
I18N_LANGUAGES := fr es pt
I18N_TS := $(foreach lang,$(I18N_LANGUAGES),$(I18N_DIR)/landcover_$(lang).ts)

.PHONY: help demo test lint test-engine test-qgis bench eval package qgis engine-env qgis-env pyqt6-env clean translations

help:
	@sed -n '2,8p' Makefile

# Installs the Debian packages named in $(1) that are missing.
define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

$(ENGINE_VENV)/.installed: pyproject.toml
	$(call apt_install,$(APT_BASE))
	[ -x $(ENGINE_PY) ] || $(SYS_PYTHON) -m venv $(ENGINE_VENV)
	$(ENGINE_PY) -m pip install -q --upgrade pip
	$(ENGINE_PY) -m pip install -q -e '.[test]'
	touch $@

$(QGIS_VENV)/.installed:
	$(call apt_install,$(APT_BASE) $(APT_QGIS) $(APT_I18N))
	[ -x $(QGIS_PY) ] || $(SYS_PYTHON) -m venv --system-site-packages $(QGIS_VENV)
	$(QGIS_PY) -m pip install -q 'pytest>=8' 'pytest-qgis>=5,<6'
	touch $@

$(PYQT6_VENV)/.installed:
	$(call apt_install,$(APT_BASE))
	[ -x $(PYQT6_PY) ] || $(SYS_PYTHON) -m venv $(PYQT6_VENV)
	$(PYQT6_PY) -m pip install -q 'PyQt6>=6.5' 'qgis-plugin-analyzer>=1.18,<2'
	touch $@

engine-env: $(ENGINE_VENV)/.installed
qgis-env: $(QGIS_VENV)/.installed
pyqt6-env: $(PYQT6_VENV)/.installed

demo: engine-env
	$(ENGINE_VENV)/bin/landcover demo --out $(DEMO_DIR)

test: lint test-engine test-qgis

# The Qt6 guard runs twice: Qt names against PyQt6, QGIS names against this QGIS 3.22 (see tools/qt6_check.py).
lint: engine-env qgis-env pyqt6-env
	$(ENGINE_VENV)/bin/ruff check .
	$(ENGINE_VENV)/bin/mypy
	$(PYQT6_PY) tools/qt6_check.py --against pyqt6 landcover_qgis tests/qgis
	$(QGIS_PY) tools/qt6_check.py --against qgis landcover_qgis tests/qgis
	$(PYQT6_PY) tools/analyzer_gate.py

test-engine: engine-env
	$(ENGINE_PY) -m pytest tests/engine -q

test-qgis: engine-env qgis-env pyqt6-env
	LANDCOVER_PYTHON=$(abspath $(ENGINE_PY)) $(QGIS_PY) -m pytest tests/qgis -q -p no:cacheprovider

bench: engine-env
	$(ENGINE_PY) -m benchmarks

# Options through EVAL_ARGS, e.g. make eval EVAL_ARGS="--recipe both --budget gpu".
eval: engine-env
	$(ENGINE_PY) -m benchmarks.quality.grid $(EVAL_ARGS)

clean:
	rm -rf $(VENV_DIR) $(DEMO_DIR) build dist *.egg-info

# -- QGIS plugin -------------------------------------------------------------------------------------
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' landcover_core/__init__.py)
PLUGIN_ZIP := build/landcover_qgis.zip
PLUGIN_STAGE := build/plugin
QGIS_PROFILES := build/qgis-profiles

# Re-extracts every translate("Context", "text") of the plugin into the .ts files; pylupdate5 merges, so the
# translations already made stay (strings gone from the code are dropped). Commit the .ts files.
translations:
	$(call apt_install,$(APT_I18N))
	pylupdate5 -noobsolete $$(find landcover_qgis -name '*.py' | sort) -ts $(I18N_TS)

# The plugin ZIP for the QGIS plugin manager: landcover_qgis/ with metadata.txt, icon, the compiled translations
# (i18n/*.qm, from the .ts by lrelease) and the engine source
# (landcover_core/ only: benchmarks/ and tests/ are not shipped).
package:
	rm -rf $(PLUGIN_STAGE) $(PLUGIN_ZIP)
	mkdir -p $(PLUGIN_STAGE)/landcover_qgis/engine
	cp -r landcover_qgis/. $(PLUGIN_STAGE)/landcover_qgis/
	$(call apt_install,$(APT_I18N))
	rm -f $(PLUGIN_STAGE)/landcover_qgis/i18n/*.ts
	for ts in $(I18N_TS); do \
	  lrelease -silent $$ts -qm $(PLUGIN_STAGE)/landcover_qgis/i18n/$$(basename $$ts .ts).qm; \
	done
	sed 's/^version=.*/version=$(VERSION)/' metadata.txt > $(PLUGIN_STAGE)/landcover_qgis/metadata.txt
	cp LICENSE $(PLUGIN_STAGE)/landcover_qgis/
	cp -r resources $(PLUGIN_STAGE)/landcover_qgis/resources
	cp -r pyproject.toml $(wildcard README.md LICENSE) landcover_core $(PLUGIN_STAGE)/landcover_qgis/engine/
	find $(PLUGIN_STAGE) \( -name __pycache__ -o -name '*.pyc' \) -prune -exec rm -rf {} +
	cd $(PLUGIN_STAGE) && zip -qr ../landcover_qgis.zip landcover_qgis
	@echo "Built $(PLUGIN_ZIP)"

# QGIS with the packaged plugin in a throwaway profile and the demo scene loaded.
qgis: package qgis-env
	[ -f $(DEMO_DIR)/scene.tif ] && [ -f $(DEMO_DIR)/scene_labels.gpkg ] || $(MAKE) demo
	rm -rf $(QGIS_PROFILES)
	$(SYS_PYTHON) tests/qgis/desktop_profile.py --zip $(PLUGIN_ZIP) --profiles $(QGIS_PROFILES) \
	  --layer $(abspath $(DEMO_DIR)/scene.tif) --layer $(abspath $(DEMO_DIR)/scene_labels.gpkg) --script build/qgis_startup.py
	LANDCOVER_PYTHON=$(abspath $(ENGINE_PY)) qgis --profiles-path $(abspath $(QGIS_PROFILES)) --noversioncheck \
	  --nologo --code build/qgis_startup.py
