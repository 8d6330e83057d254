# dagforge — the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
BIN_DEBUG := .build/debug/dagforge

.PHONY: deps build release test bench golden stop clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Builds every target (the e2e tests run the built binary) and runs every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2

clean:
	rm -rf .build

# Fuzzes the engine's REST API from its own OpenAPI document (schemathesis in a venv under /tmp).
.PHONY: schemathesis
schemathesis: deps
	$(SWIFT) build --product dagforge
	scripts/schemathesis.sh
