# The two commands a newcomer needs: `make run` and `make test`.
# FTS5 is compiled into SQLite with the sqlite_fts5 build tag (full-text
# search); every build and test uses it.
GO      ?= go
TAGS    := sqlite_fts5
GOFLAGS := -tags=$(TAGS)
export GOFLAGS
export CGO_ENABLED := 1

# Short fuzz runs in `make test`; `make fuzz` runs them longer. The budget
# is a count of executions, not a duration: Go 1.26's fuzz coordinator can
# report a spurious "context deadline exceeded" when a duration runs out on
# a loaded machine (go.dev/issue/75804, fixed in Go 1.27).
FUZZTIME ?= 100000x

.PHONY: all build run import-record stress test unit check-generated check-format vet staticcheck race fuzz-short fuzz bench clean

all: build

build:
	$(GO) build -o bin/timeline ./cmd/timeline

# Serves http://127.0.0.1:8080 from data/timeline.db, created, migrated and
# filled with the demo record on first start.
run: build
	./bin/timeline serve

test: check-generated check-format vet staticcheck unit fuzz-short

unit:
	$(GO) test -count=1 -timeout 10m ./...

# templ's generated files are committed; they must match the templates.
# The check regenerates them and fails if that changed anything.
check-generated:
	@before=$$(cat $$(find views -name '*_templ.go' | sort) 2>/dev/null | sha256sum); \
	  $(GO) tool templ generate >/dev/null 2>&1 || { echo "templ generate failed:"; $(GO) tool templ generate; exit 1; }; \
	  after=$$(cat $$(find views -name '*_templ.go' | sort) | sha256sum); \
	  if [ "$$before" != "$$after" ]; then \
	    echo "templ's generated files were stale; 'go tool templ generate' has rewritten them: commit them."; exit 1; fi

check-format:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	@$(GO) tool templ fmt -fail views >/dev/null 2>&1 || { echo "templ fmt has reformatted views/*.templ: regenerate (go tool templ generate) and commit them."; exit 1; }

vet:
	$(GO) vet ./...

# staticcheck is pinned in go.mod as a tool; the stress suite's files are
# checked too.
staticcheck:
	$(GO) tool staticcheck ./...
	GOFLAGS=-tags=sqlite_fts5,stress $(GO) tool staticcheck ./cmd/...

# Every test under the race detector (about 5 minutes); CI runs it after
# make test.
race:
	$(GO) test -race -count=1 -timeout 20m ./...

fuzz-short:
	@set -e; for t in FuzzGuardCell FuzzCanonicalURL FuzzParseDate FuzzParseFilter FuzzReadHSGTravels FuzzReadBundle; do \
	  $(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) ./timeline; done
	$(GO) test -run '^$$' -fuzz '^FuzzSafeRedirect$$' -fuzztime $(FUZZTIME) ./cmd/timeline/web

# About three minutes per target on this machine.
fuzz:
	$(MAKE) fuzz-short FUZZTIME=4000000x

# The Office of the Historian's whole record (travels and visits) into the
# database make run serves; HSG names the folder that holds it.
HSG ?= ../shared/data
# The demo first (into an empty database only), so its curated tour stays.
import-record: build
	./bin/timeline seed
	./bin/timeline import hsg $(HSG)/hsg-travels $(HSG)/hsg-visits

# The stress suite (cmd/timeline/web/stress_test.go, build tag stress): each
# part prints its figures on one line and fails when one is wrong.
# STRESS_SECONDS (default 60) and STRESS_CYCLES (default 50) size it.
STRESS_LOG ?= $(or $(TMPDIR),/tmp)/timeline-stress.log
stress:
	@GOFLAGS=-tags=sqlite_fts5,stress $(GO) test -run '^TestStress' -count=1 -timeout 40m -v ./cmd/timeline/web > $(STRESS_LOG) 2>&1; rc=$$?; \
	  grep -E '^(writers/readers|disk full|backups|slow clients|graceful stop|crash loop|stalled exports|slow bodies|uncached flood|guessing|zip bomb):|^--- FAIL|^(FAIL|ok) ' $(STRESS_LOG); \
	  echo "(full log: $(STRESS_LOG))"; exit $$rc

# Benchmarks at 100,000 generated stops; see .ci/bench for what it prints.
bench: build
	bash .ci/bench

clean:
	rm -rf bin
