# vnsearch entry points. `make run` builds and serves the corpus; `make test` runs every test;
# `make package` builds the Debian package (build/vnsearch_*.deb).
# The real build is CMake's (build/); this file only strings the steps together.

BUILD_DIR ?= build
JOBS ?= 2
DB ?= var/db
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: all deps configure build index run test test-sanitize package bench clean

all: build

deps:
	@bash tools/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DVNSEARCH_WERROR=ON > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS)

index: build
	@$(BUILD_DIR)/indexer/vnsearch-index --db $(DB) corpus/

run: index
	@exec $(BUILD_DIR)/searchd/vnsearchd --db $(DB) --host $(HOST) --port $(PORT) --web web

# The Release suite, then the same code under the sanitizers (test-sanitize).
test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)
	@bash tools/test-sanitize.sh $(BUILD_DIR) $(JOBS)

# ASan + UBSan (unit and API tests, the fuzzers) in build-asan/, TSan (concurrent API tests) in
# build-tsan/: see tools/test-sanitize.sh.
test-sanitize: build
	@bash tools/test-sanitize.sh $(BUILD_DIR) $(JOBS)

package: build
	@bash packaging/build_deb.sh $(BUILD_DIR)

bench: build
	@cmake --build $(BUILD_DIR) -j$(JOBS) --target benchmarks
	@bash tests/bench/run.sh $(BUILD_DIR)

clean:
	@rm -rf $(BUILD_DIR) build-asan build-tsan
