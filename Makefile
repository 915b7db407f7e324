# ossregions: generate, check and test the region table and its package; what each target runs: docs/maintaining.md ("Tests").

GO          ?= go
STATICCHECK_VERSION := v0.8.2
BIN         := $(CURDIR)/bin
STATICCHECK := $(BIN)/staticcheck
# Counts, not durations: Go 1.26's fuzzing coordinator can fail a clean timed run at its deadline (go.dev/issue/75804).
FUZZTIME    ?= 20000x
LONGFUZZTIME ?= 300000x
FUZZMINTIME ?= 500x
BENCHCOUNT  ?= 5
# Every module in the repository.
MODULES     := . regions internal/benchcmp internal/sdktest internal/drift

export GOWORK := off
export GOFLAGS := -mod=readonly

.PHONY: all generate check test unit lint fuzz bench bench-large changes record major release-check release-gate from-ok drift probe docs-check tools clean

all: test

## generate: regenerate regions/data_gen.go, names_gen.go, grammar_gen.go, REGIONS.md and regions.json from regions.yaml
generate:
	$(GO) generate ./...

## check: fail with a diff if the generated files are stale
check:
	$(GO) run ./generator -check

## test: the check after an edit: stale output, lint, every module's tests (-short), short fuzzing
test: check lint unit fuzz

## unit: the unit, golden, round-trip and build tests of every module; every failing module is named.
## UNITFLAGS=-short (the default) skips the slow tests that release-check runs.
UNITFLAGS ?= -short
unit:
	@failed=; for m in $(MODULES); do echo "== go test $(UNITFLAGS) $$m"; (cd $$m && $(GO) test -count=1 $(UNITFLAGS) ./...) || failed="$$failed $$m"; done; \
	  if [ -n "$$failed" ]; then echo "make unit: tests failed in:$$failed"; exit 1; fi

## lint: gofmt, go vet and staticcheck on every module
lint: $(STATICCHECK)
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	@failed=; for m in $(MODULES); do echo "== vet + staticcheck $$m"; (cd $$m && $(GO) vet ./... && $(STATICCHECK) ./...) || failed="$$failed $$m"; done; \
	  if [ -n "$$failed" ]; then echo "make lint: problems in:$$failed"; exit 1; fi

## fuzz: run every fuzz target for FUZZTIME executions (make fuzz FUZZTIME=20000000x for longer)
fuzz:
	@for t in FuzzParse FuzzParseEndpoint FuzzUnmarshalText FuzzLookupIP; do \
	  echo "== $$t ($(FUZZTIME))"; (cd regions && $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) .) || exit 1; done
	@echo "== FuzzLoadValidate ($(FUZZTIME))"; cd generator && $(GO) test -run '^$$' -fuzz '^FuzzLoadValidate$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) .

## bench: the performance benchmarks and the targets table (docs/performance.md)
bench:
	@out=$$(mktemp); trap 'rm -f $$out' EXIT; set -e; \
	  (cd regions && $(GO) test -run '^$$' -bench . -benchmem -count $(BENCHCOUNT) .) | tee $$out; \
	  (cd internal/benchcmp && $(GO) test -run '^$$' -bench . -benchmem -count $(BENCHCOUNT) .) | tee -a $$out; \
	  (cd generator && $(GO) test -run '^$$' -bench . -benchmem -count $(BENCHCOUNT) .) | tee -a $$out; \
	  echo; $(GO) run ./internal/benchreport < $$out

## bench-large: the lookup benchmarks of a generated 10,000-region package against the real one
bench-large:
	@dir=$$(mktemp -d); out=$$(mktemp); trap 'rm -rf $$dir $$out' EXIT; set -e; \
	  (cd generator && OSSREGIONS_LARGE_OUT=$$dir $(GO) test -count=1 -run '^TestLargeTableCompiles$$' .); \
	  (cd regions && $(GO) test -run '^$$' -bench . -benchmem -count $(BENCHCOUNT) .) | tee $$out; \
	  (cd $$dir && GOFLAGS=-mod=mod $(GO) test -run '^$$' -bench . -benchmem -count $(BENCHCOUNT) .) \
	    | sed 's/^Benchmark/BenchmarkLarge:/' | tee -a $$out; \
	  echo; $(GO) run ./internal/benchreport < $$out

## changes: the change report since the last release in releases.txt, or since FROM (any tag or commit); the version is judged against the last release
changes:
	@if [ -z "$(FROM)" ]; then $(GO) run ./generator -changes-since-release -releases releases.txt; else \
	  $(MAKE) --no-print-directory from-ok FROM="$(FROM)" && tmp=$$(mktemp) && trap 'rm -f $$tmp' EXIT && \
	  git show "$(FROM):regions.yaml" > $$tmp && $(GO) run ./generator -changes-from $$tmp -releases releases.txt; fi

## major: move the regions module to the path of major version N (make major N=2): go.mod lines, imports and user documents
major:
	@test -n "$(N)" || { echo "usage: make major N=<the new major version, 2 or more>"; exit 2; }
	$(GO) run ./generator -major $(N)

## record: judge the version and record it with its data's digest in releases.txt (docs/maintaining.md, "Changing the table")
record:
	$(GO) run ./generator -record -releases releases.txt

## release-check: the gates for a release and CI's long run: stale output, the release gate, lint, every
## module's tests with the slow ones (the procedure test, binary size, a 10,000-region table), long fuzzing
release-check: check release-gate lint
	@$(MAKE) --no-print-directory unit UNITFLAGS=
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(LONGFUZZTIME)

## release-gate: the version judged against the last release, recorded in releases.txt, every release in the history, the CHANGELOG section
release-gate:
	@$(GO) run ./generator -require-recorded -releases releases.txt && echo "release gate: ok"

# from-ok: FROM names a commit of this repository that holds a regions.yaml.
from-ok:
	@test -n "$(FROM)" || { echo "usage: make $(MAKECMDGOALS) FROM=<a tag such as regions/v1.0.0, or a commit>"; \
	  echo "release tags here: $$(git tag -l 'regions/v*' | tr '\n' ' ' | sed 's/^$$/none yet; name a commit (git log --oneline -- releases.txt shows the releases)/')"; \
	  echo "(without FROM, make changes compares with the last release in releases.txt)"; exit 2; }
	@git rev-parse -q --verify "$(FROM)^{commit}" >/dev/null || { echo "make $(MAKECMDGOALS): FROM=$(FROM) is not a tag or commit of this repository"; \
	  echo "release tags here: $$(git tag -l 'regions/v*' | tr '\n' ' ' | sed 's/^$$/none yet; name a commit (git log --oneline -- releases.txt shows the releases)/')"; \
	  echo "(without FROM, make changes compares with the last release in releases.txt)"; exit 2; }
	@git cat-file -e "$(FROM):regions.yaml" 2>/dev/null || { echo "make $(MAKECMDGOALS): $(FROM) has no regions.yaml"; exit 2; }

## drift: hold regions.yaml against DescribeRegions (credentials from OSS_ACCESS_KEY_ID,
## OSS_ACCESS_KEY_SECRET, OSS_SESSION_TOKEN); make drift SAVE=FILE also saves the response body,
## make drift RESPONSE=FILE reads a saved one.
## The command exits 0 (agrees), 1 (drifted) or 2 (could not check); make says "Error 1" or
## "Error 2" and exits 2 for either of the last two.
drift:
	@cd internal/drift && $(GO) build -o $(BIN)/drift .
	@$(BIN)/drift -in "$(or $(TABLE),regions.yaml)" $(if $(RESPONSE),-response "$(RESPONSE)") $(if $(SAVE),-save "$(SAVE)")

## probe: hold regions.yaml (or TABLE) against DNS, no keys needed: every host, its VIP ranges, as
## the table's public_dns says public DNS shows them, and the candidate regions of its
## other_region_ids; RESOLVER=IP:PORT asks that server instead of the system's. Exit codes as for drift.
probe:
	@cd internal/drift && $(GO) build -o $(BIN)/drift .
	@$(BIN)/drift probe -in "$(or $(TABLE),regions.yaml)" $(if $(RESOLVER),-resolver "$(RESOLVER)")

## docs-check: hold regions.yaml (or TABLE) against the OSS page "Regions and endpoints", no keys
## needed: make docs-check PAGE=URL|FILE (Markdown or HTML); SOURCE=KEY names the table's source the
## page is where its URL does not, and alone fetches that source's url (SOURCE=D-cn, SOURCE=D-intl).
## Exit codes as for drift; 2 also for a page it cannot read as that page.
docs-check:
	@test -n "$(PAGE)$(SOURCE)" || { echo "make docs-check: say PAGE=URL or PAGE=FILE, or SOURCE=KEY to fetch that source's page"; exit 2; }
	@cd internal/drift && $(GO) build -o $(BIN)/drift .
	@$(BIN)/drift docs -in "$(or $(TABLE),regions.yaml)" $(if $(PAGE),-page "$(PAGE)") $(if $(SOURCE),-source "$(SOURCE)")

## tools: install the pinned staticcheck into ./bin
tools: $(STATICCHECK)

$(STATICCHECK):
	GOBIN=$(BIN) GOFLAGS= $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

clean:
	rm -rf $(BIN)
