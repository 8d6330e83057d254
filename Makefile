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

# Spec loading and validation at scale (4,000 workflows / 40,000 tasks): see docs/benchmarks.md.
bench-validate:
	$(SWIFT) build -c release --product dagforge
	scripts/bench/specs_validate.sh
