# dagforge — the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
# The release build's flags, in this one place: `make release`, `make demo` and every bench target build with
# them. They build every product: `dagforge`, and beside it the engine's own executable `dagforge-engine` and its
# HTTP-task helper `dagforge-http-task`.
RELEASE_FLAGS ?= -c release

.PHONY: deps build release test demo stop bench clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

# Builds every target (the end-to-end tests run the built binary) and runs every test target.
test: deps
	$(SWIFT) build --build-tests
	scripts/test.sh

# Builds in release mode, starts the included engine in the background, deploys and runs the example.
demo: release
	scripts/demo.sh

# Every benchmark on the release build, then one summary table (scripts/bench/all.sh; figures in docs/benchmarks.md).
bench: release
	scripts/bench/all.sh

# Stops the engine `make demo` started.
stop:
	scripts/stop.sh

clean:
	rm -rf .build

# SQL lineage: libFuzzer run over DagforgeSQL (FUZZ_SECONDS, default 60), and the lineage benchmark.
FUZZ_SECONDS ?= 60
.PHONY: fuzz bench-lineage
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

bench-lineage:
	scripts/bench/lineage_bench.sh

# Spec loading and validation at scale (4,000 workflows / 40,000 tasks): see docs/benchmarks.md.
bench-validate:
	$(SWIFT) build $(RELEASE_FLAGS)
	scripts/bench/specs_validate.sh

# The engine's REST API under load: create 4,000 workflows, /all, query-by-code at 200 req/s (docs/benchmarks.md).
.PHONY: bench-engine-api
bench-engine-api:
	$(SWIFT) build $(RELEASE_FLAGS)
	python3 scripts/bench/engine_api.py .build/release/dagforge 4000

# Fuzzes the engine's REST API from its own OpenAPI document (schemathesis in a venv under /tmp).
.PHONY: schemathesis
schemathesis: deps
	$(SWIFT) build --product dagforge
	scripts/schemathesis.sh

# validate --changed-since on the 4,000-workflow repository with one changed file: see docs/benchmarks.md.
.PHONY: bench-changed-since
bench-changed-since:
	$(SWIFT) build $(RELEASE_FLAGS)
	scripts/bench/changed_since.sh

# Deploy at 4,000 workflows against the included engine: first apply and no-op plan (docs/benchmarks.md).
.PHONY: bench-deploy
bench-deploy:
	$(SWIFT) build $(RELEASE_FLAGS)
	scripts/bench/deploy_bench.sh

# The night burst on the included engine: N instances of a 5-task chain at once (docs/benchmarks.md).
# Builds nothing: run `make release` first, or point DAGFORGE_BIN elsewhere.
DAGFORGE_BIN ?= .build/release/dagforge
BURST_INSTANCES ?= 4000
.PHONY: bench-engine-burst
bench-engine-burst:
	DAGFORGE_BIN=$(DAGFORGE_BIN) python3 scripts/bench/engine_burst.py --instances $(BURST_INSTANCES)

# Regenerates the start-up symbol order dagforge-engine is linked with (needs valgrind; see docs/benchmarks.md).
.PHONY: engine-symbol-order
engine-symbol-order:
	scripts/engine_symbol_order.sh
