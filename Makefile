# sanya: YAML agreements -> bilingual Khmer/English MOUs in PDF.
# The front door: all check check-asan check-khmer fuzz fuzz-run bench demo install format deps
# (and node-deps, screenshot).

PREFIX ?= /usr/local
CC ?= cc
BUILD ?= build

# Debian packages sanya needs to build, test and render.
DEB_PKGS = gcc make pkg-config libhpdf-dev libpng-dev libyaml-dev libicu-dev libharfbuzz-dev libqpdf-dev \
           libcmocka-dev zlib1g-dev fonts-khmeros fonts-noto-core poppler-utils qpdf python3 python3-icu \
           libnss3-tools nettle-dev libdeflate-dev groff-base man-db bsdutils libmicrohttpd-dev \
           libjansson-dev curl icc-profiles-free python3-fonttools

PC_PKGS = harfbuzz harfbuzz-subset icu-uc icu-i18n yaml-0.1 nettle libpng libdeflate jansson
# libqpdf (C++, with GnuTLS) would add ~2.4 ms to every process's start:
# only its headers are used at build time, and lib/pdf/qpdf.c loads the
# library (by the soname found here) when a PDF is first read.
QPDF_SONAME = $(shell objdump -p $$(pkg-config --variable=libdir libqpdf 2>/dev/null)/libqpdf.so \
  2>/dev/null | sed -n 's/^ *SONAME *//p')
QPDF_CFLAGS = $(shell pkg-config --cflags libqpdf 2>/dev/null) \
  $(if $(QPDF_SONAME),-DSY_QPDF_SONAME='"$(QPDF_SONAME)"')
# libmicrohttpd (sanya serve) brings GnuTLS: ~3 ms of loading at every
# start. Only its header is used at build time; lib/serve/mhd.c loads the
# library (by the soname found here) when sanya serve starts.
MHD_SONAME = $(shell objdump -p $$(pkg-config --variable=libdir libmicrohttpd 2>/dev/null)/libmicrohttpd.so \
  2>/dev/null | sed -n 's/^ *SONAME *//p')
MHD_CFLAGS = $(shell pkg-config --cflags libmicrohttpd 2>/dev/null) \
  $(if $(MHD_SONAME),-DSY_MHD_SONAME='"$(MHD_SONAME)"')
# Recursive (=) so that pkg-config runs only when something is compiled,
# after `make deps` had its chance to install the packages.
PC_CFLAGS = $(shell pkg-config --cflags $(PC_PKGS) 2>/dev/null)
PC_LIBS = $(shell pkg-config --libs $(PC_PKGS) 2>/dev/null)

# Libraries without a pkg-config file; with PC_PKGS they are what a static
# link of libsanya.a needs (sanya.pc's Requires.private and Libs.private).
NONPC_LIBS = -lhpdf -lz -lm

# The version is defined once, in lib/sanya.h (SANYA_VERSION_MAJOR, _MINOR,
# _PATCH); it names the shared library and goes into sanya.pc.
VERSION := $(shell awk '/^.define SANYA_VERSION_(MAJOR|MINOR|PATCH) /{v = v (v == "" ? "" : ".") $$3} \
             END {print v}' lib/sanya.h)
VERSION_MAJOR := $(firstword $(subst ., ,$(VERSION)))
SHLIB = libsanya.so.$(VERSION)
SONAME = libsanya.so.$(VERSION_MAJOR)

OPT ?= -O2 -g
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) $(WARN) -Ilib $(PC_CFLAGS) $(QPDF_CFLAGS) $(MHD_CFLAGS) -MMD -MP $(CFLAGS)
LIBS = $(PC_LIBS) $(NONPC_LIBS)

LIB_SRC := $(sort $(wildcard lib/*/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/serve_assets.o
CMD_SRC := $(sort $(wildcard cmd/*.c))
CMD_OBJ := $(CMD_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CORPUS_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/corpus_%)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

# The browser test (tests/e2e/test-serve-browser.sh) drives Debian's Chromium
# with puppeteer-core. npm comes with Debian's nodejs and npm, unless a node
# that brings its own npm (NodeSource's nodejs, which conflicts with Debian's
# npm package) is already installed. Its npm packages are pinned in
# tests/browser/package-lock.json, Node 22 among them (puppeteer-core and
# pdfjs-dist need it; Debian 12 has 18), and `npm ci` installs them into
# NODE_DIR, the same folder for build/ and build-asan/. --ignore-scripts: no
# package runs code at install, so no browser is ever downloaded.
DEB_PKGS += chromium
NODE_DIR = build/node

.PHONY: all deps node-deps screenshot check test unit e2e check-asan check-khmer fuzz fuzz-run bench demo install format clean

all: $(BUILD)/sanya $(BUILD)/libsanya.a $(BUILD)/$(SHLIB) $(BENCH_BIN) $(BUILD)/sanya.1

deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "sanya needs:$$missing"; echo "run: sudo apt-get install -y$$missing"; exit 1; fi; \
	echo "installing:$$missing"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

# Library objects serve libsanya.a and libsanya.so alike: position
# independent, and hidden from the shared library's symbol table unless
# sanya.h marks them SANYA_EXPORT (a static link sees them all the same).
# The marker makes a build folder of older, non-PIC objects recompile them.
$(LIB_OBJ): CFLAGS_ALL += -fPIC -fvisibility=hidden
$(LIB_OBJ): $(BUILD)/lib/.pic
$(BUILD)/lib/.pic:
	@mkdir -p $(dir $@) && touch $@

# The drafting page's assets (lib/serve/assets.h), compiled into the
# library: the page's own files, and pdf.js (pdfjs-dist, pinned in
# lib/serve/page/package-lock.json) installed by `npm ci` into the build
# folder. Without npm (or the registry) the page is built without pdf.js and
# shows the preview in the browser's own PDF viewer.
SERVE_PAGE_ASSETS = index.html lib/serve/page/index.html assets/app.js lib/serve/page/app.js \
  assets/app.css lib/serve/page/app.css
PDFJS_DIR = $(BUILD)/page/node_modules/pdfjs-dist/build
$(BUILD)/page/.npm-done: lib/serve/page/package.json lib/serve/page/package-lock.json
	@mkdir -p $(BUILD)/page && cp lib/serve/page/package.json lib/serve/page/package-lock.json $(BUILD)/page/
	@if command -v npm >/dev/null 2>&1 && (cd $(BUILD)/page && npm ci --ignore-scripts --omit=optional --fetch-retries=1 --fetch-timeout=30000 \
	    --no-audit --no-fund --loglevel=error >/dev/null 2>&1); then echo "pdf.js: installed with npm ci"; \
	  else rm -rf $(BUILD)/page/node_modules; \
	    echo "pdf.js: npm missing or failed: the page previews in the browser's own PDF viewer"; fi
	@touch $@
$(BUILD)/gen/serve_assets.c: lib/serve/gen-assets.sh $(wildcard lib/serve/page/*) $(BUILD)/page/.npm-done
	@mkdir -p $(dir $@)
	lib/serve/gen-assets.sh $(SERVE_PAGE_ASSETS) \
	  $$(test -f $(PDFJS_DIR)/pdf.min.mjs && echo assets/pdf.min.mjs $(PDFJS_DIR)/pdf.min.mjs \
	     assets/pdf.worker.min.mjs $(PDFJS_DIR)/pdf.worker.min.mjs) >$@.tmp && mv $@.tmp $@
$(BUILD)/gen/serve_assets.o: $(BUILD)/gen/serve_assets.c
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libsanya.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# The shared library exports the sanya_ API of lib/sanya.h only.
$(BUILD)/$(SHLIB): $(LIB_OBJ)
	$(CC) $(CFLAGS_ALL) -shared -Wl,-soname,$(SONAME) -o $@ $(LIB_OBJ) $(LIBS) $(LDFLAGS)
	ln -sf $(SHLIB) $(BUILD)/$(SONAME) && ln -sf $(SONAME) $(BUILD)/libsanya.so

$(BUILD)/sanya: $(CMD_OBJ) $(BUILD)/libsanya.a
	$(CC) $(CFLAGS_ALL) -o $@ $(CMD_OBJ) $(BUILD)/libsanya.a $(LIBS) $(LDFLAGS)

# The man page is made from the --help texts of the program just built
# (cmd/man/mkman.sh): the help in cmd/*.c is its one source. (A cross build
# would run a native sanya here.)
$(BUILD)/sanya.1: $(BUILD)/sanya cmd/man/mkman.sh cmd/man/help2roff.awk
	cmd/man/mkman.sh $(BUILD)/sanya $(VERSION) > $@.tmp && mv $@.tmp $@

$(BUILD)/tests/test_%: tests/unit/test_%.c $(BUILD)/libsanya.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libsanya.a $(LIBS) $$(pkg-config --libs cmocka) $(LDFLAGS)

# Fuzz targets also build against a plain driver that replays their seed
# corpus, so `make check` exercises them without libFuzzer.
$(BUILD)/tests/corpus_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILD)/libsanya.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< tests/fuzz/replay.c $(BUILD)/libsanya.a $(LIBS) $(LDFLAGS)

$(BUILD)/bench/%: bench/%.c $(BUILD)/libsanya.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libsanya.a $(LIBS) $(LDFLAGS)

# `make check` = deps, build, every test. Sub-makes re-read this file after
# deps so pkg-config sees freshly installed packages.
check: deps
	$(MAKE) all
	$(MAKE) test

test: unit e2e

unit: $(UNIT_BIN) $(FUZZ_CORPUS_BIN)
	@fail=0; for t in $(UNIT_BIN); do echo "== $$t"; $$t || fail=1; done; \
	for t in $(FUZZ_CORPUS_BIN); do n=$${t##*/corpus_fuzz_}; echo "== $$t tests/fuzz/corpus/$$n"; \
	  $$t tests/fuzz/corpus/$$n || fail=1; done; exit $$fail

e2e: all node-deps
	@tests/e2e/run-all.sh $(BUILD)

node-deps: $(NODE_DIR)/.installed

$(NODE_DIR)/.installed: tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: run make deps (as root) first"; exit 1; }
	@rm -rf $(NODE_DIR) && mkdir -p $(NODE_DIR)
	cp tests/browser/package.json tests/browser/package-lock.json $(NODE_DIR)/
	cd $(NODE_DIR) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Runs the browser test alone and copies its screenshot of the drafting page
# (build/browser/serve.png) to docs/serve.png, which README shows.
screenshot: all node-deps
	@UPDATE_SCREENSHOT=1 SANYA=$(CURDIR)/$(BUILD)/sanya SANYA_ROOT=$(CURDIR) bash tests/e2e/test-serve-browser.sh

check-asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" test

# Independent checkers of Khmer shaping, extraction and line breaks (minutes).
check-khmer: deps all
	tests/khmer/check-khmer.sh $(BUILD)

fuzz:
	@command -v clang >/dev/null || { echo "make fuzz needs clang"; exit 1; }
	$(MAKE) BUILD=build-fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" all
	@mkdir -p build-fuzz/fuzz
	for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  clang -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g -fsanitize=fuzzer,address,undefined -Ilib \
	    $(PC_CFLAGS) -o build-fuzz/fuzz/$$n $$f build-fuzz/libsanya.a $(LIBS) || exit 1; done
	@echo "fuzzers in build-fuzz/fuzz/ (run e.g. build-fuzz/fuzz/fuzz_text tests/fuzz/corpus/text)"

# `make fuzz-run SECONDS=N FUZZ_JOBS=J FUZZ_TARGETS="fuzz_a fuzz_b"`: each
# target for N seconds on a copy of its corpus in build-fuzz/work/, J at a
# time; prints runs, cov/ft and crash files per target (tests/fuzz/run.sh).
SECONDS ?= 60
FUZZ_JOBS ?= 1
FUZZ_TARGETS ?=
fuzz-run: fuzz
	@tests/fuzz/run.sh $(SECONDS) $(FUZZ_JOBS) $(FUZZ_TARGETS)

bench: all $(BENCH_BIN)
	@bench/run.sh $(BUILD)

EXAMPLES = moi-aple-2025 ncct-coalition-2024 moeys-school-2023

demo: deps
	$(MAKE) all
	@mkdir -p out
	@for e in $(EXAMPLES); do \
	  $(BUILD)/sanya build examples/$$e.yaml --roster examples/roster.yaml -o out/$$e.pdf || exit 1; \
	  $(BUILD)/sanya build examples/$$e.yaml --roster examples/roster.yaml --layout sequential \
	    -o out/$$e-sequential.pdf || exit 1; \
	  echo "demo: wrote $$(pwd)/out/$$e.pdf (and $$e-sequential.pdf)"; done
	@$(BUILD)/sanya proof examples/proof.txt -o out/proof.pdf --align justify && \
	  echo "demo: wrote $$(pwd)/out/proof.pdf (font proof)"

# The command and its man page, both libraries, the one public header, the
# data folder the command finds beside it (bin/../share/sanya) and sanya.pc. DESTDIR stages
# the files for a package; PREFIX is where they will live.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/sanya $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/sanya $(DESTDIR)$(PREFIX)/bin/sanya
	install -m 644 $(BUILD)/sanya.1 $(DESTDIR)$(PREFIX)/share/man/man1/sanya.1
	install -m 644 $(BUILD)/libsanya.a $(DESTDIR)$(PREFIX)/lib/libsanya.a
	install -m 755 $(BUILD)/$(SHLIB) $(DESTDIR)$(PREFIX)/lib/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libsanya.so
	install -m 644 lib/sanya.h $(DESTDIR)$(PREFIX)/include/sanya.h
	cp -R templates fonts $(DESTDIR)$(PREFIX)/share/sanya/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
	  -e 's|@REQUIRES_PRIVATE@|$(PC_PKGS)|g' -e 's|@LIBS_PRIVATE@|$(NONPC_LIBS)|g' \
	  sanya.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/sanya.pc

format:
	clang-format -i $(LIB_SRC) lib/sanya.h $(wildcard lib/*/*.h) $(wildcard examples/api/*.c) $(CMD_SRC) $(wildcard cmd/*.h) $(UNIT_SRC) $(FUZZ_SRC) $(BENCH_SRC)

clean:
	rm -rf $(BUILD) build-asan build-fuzz out

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d)
