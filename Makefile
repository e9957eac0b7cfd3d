# lpwatch: see README.md. Everything runs on a fresh machine with Go 1.26.
GO        ?= go
GETH_VER  := $(shell $(GO) list -m -f '{{.Version}}' github.com/ethereum/go-ethereum 2>/dev/null || echo v1.17.10)
CACHE     := $(CURDIR)/.cache
GETH      := $(CACHE)/geth-$(GETH_VER)/bin/geth
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS   := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)
TESTFLAGS ?= -race -timeout 30m

export LPWATCH_GETH := $(GETH)

.PHONY: all build build-demo demo fuzz test lint vet fmt-check bench soak geth clean

all: build

# The production binary leaves out "lpwatch demo": the demo embeds a whole
# simulated Ethereum node (go-ethereum's simulated backend), which would add
# 25 MB to the binary and 15 MB to the daemon's resident memory. "make demo"
# and "go install ./cmd/lpwatch" build it with the demo.
build: ## one static binary for production: bin/lpwatch (without the demo)
	CGO_ENABLED=0 $(GO) build -tags nodemo -trimpath -ldflags '$(LDFLAGS)' -o bin/lpwatch ./cmd/lpwatch

build-demo: ## the same with "lpwatch demo" built in: bin/lpwatch-demo
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/lpwatch-demo ./cmd/lpwatch

demo: ## lpwatch against its built-in simulated orchestrator, chain and systemd
	$(GO) run ./cmd/lpwatch demo $(DEMO_FLAGS)

test: lint geth ## the whole suite, race detector on, then a short run of each fuzz target
	$(GO) test $(TESTFLAGS) ./...
	$(MAKE) fuzz

FUZZTIME ?= 20000x
fuzz: ## a short run of each fuzz target, bounded by executions (their seed corpora also run in every go test)
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./pkg/config
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeTranscoder$$' -fuzztime $(FUZZTIME) ./pkg/nodeapi
	$(GO) test -run '^$$' -fuzz '^FuzzRecord$$' -fuzztime $(FUZZTIME) ./pkg/alert/outbox

lint: vet fmt-check

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.cache/*')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

geth: $(GETH) ## a real geth at the go.mod version, for the integration tests

$(GETH):
	GOBIN=$(dir $(GETH)) $(GO) install github.com/ethereum/go-ethereum/cmd/geth@$(GETH_VER)

bench: build ## Go benchmarks of hot paths, then the harness measuring bin/lpwatch from outside (BENCHMARKS.md)
	$(GO) test -run '^$$' -bench . -benchmem ./pkg/...
	$(GO) run ./bench -bin bin/lpwatch

soak: ## the full 30-day soak on a fast clock
	LPWATCH_SOAK=full $(GO) test -run Soak -timeout 2h ./pkg/soak/...

clean:
	rm -rf bin

-include contracts/Makefile.inc
