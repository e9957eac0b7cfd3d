# lpwatch: see README.md. Everything runs on a fresh machine with Go 1.26.
GO        ?= go
GETH_VER  := $(shell $(GO) list -m -f '{{.Version}}' github.com/ethereum/go-ethereum 2>/dev/null || echo v1.17.10)
CACHE     := $(CURDIR)/.cache
GETH      := $(CACHE)/geth-$(GETH_VER)/bin/geth
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
# The build date is the commit's, so that two builds of one commit are
# byte-identical (with -trimpath, -buildid= and no VCS stamping).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
BUILD_DATE := $(shell date -u -d @$(SOURCE_DATE_EPOCH) +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS   := -s -w -buildid= -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(BUILD_DATE)
GOBUILD   := CGO_ENABLED=0 $(GO) build -trimpath -buildvcs=false
TESTFLAGS ?= -race -timeout 30m
DIST      ?= dist
ARCHES    ?= amd64 arm64
IMAGE     ?= localhost/lpwatch:$(VERSION)
# The default image is also tagged latest (deploy/compose runs that).
IMAGE_ALSO ?= $(if $(filter localhost/lpwatch:$(VERSION),$(IMAGE)),localhost/lpwatch:latest)

export LPWATCH_GETH := $(GETH)
export SOURCE_DATE_EPOCH

.PHONY: all build build-demo demo fuzz test lint vet fmt-check bench bench-peers soak geth clean dist dist-bin dist-check image

all: build

# The production binary leaves out "lpwatch demo": the demo embeds a whole
# simulated Ethereum node (go-ethereum's simulated backend), which would add
# 25 MB to the binary and 15 MB to the daemon's resident memory. "make demo"
# and "go install ./cmd/lpwatch" build it with the demo.
build: ## one static binary for production: bin/lpwatch (without the demo)
	$(GOBUILD) -tags nodemo -ldflags '$(LDFLAGS)' -o bin/lpwatch ./cmd/lpwatch

build-demo: ## the same with "lpwatch demo" built in: bin/lpwatch-demo
	$(GOBUILD) -ldflags '$(LDFLAGS)' -o bin/lpwatch-demo ./cmd/lpwatch

dist-bin: ## the production binary for each of ARCHES: dist/build/linux_ARCH/lpwatch
	for arch in $(ARCHES); do \
	  GOOS=linux GOARCH=$$arch $(GOBUILD) -tags nodemo -ldflags '$(LDFLAGS)' -o $(DIST)/build/linux_$$arch/lpwatch ./cmd/lpwatch || exit 1; \
	done

dist: dist-bin ## release archives, Debian packages and SHA256SUMS in dist/ (reproducible: see deploy/package/README.md)
	VERSION=$(VERSION) COMMIT=$(COMMIT) ARCHES='$(ARCHES)' DIST=$(DIST) deploy/package/dist

image: ## the container image (Containerfile) from the linux/amd64 binary: $(IMAGE)
	$(MAKE) dist-bin ARCHES=$(or $(IMAGE_ARCH),amd64)
	IMAGE=$(IMAGE) IMAGE_ALSO=$(IMAGE_ALSO) IMAGE_ARCH=$(or $(IMAGE_ARCH),amd64) VERSION=$(VERSION) COMMIT=$(COMMIT) DIST=$(DIST) deploy/package/image

dist-check: ## build dist twice and the image, install, upgrade and purge the .deb, lintian (CI; needs root)
	deploy/package/check

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

# json_exporter is built from its module, in the module's own directory
# (its go.mod, not this repository's), the first time bench-peers runs.
JSON_EXPORTER := $(CACHE)/json_exporter-v0.7.0/json_exporter

bench-peers: build ## lpwatch beside Prometheus, Alertmanager, blackbox_exporter and json_exporter on the same fake nodes, at 1 and 100 nodes (BENCHMARKS.md)
	$(GO) run ./bench -bin bin/lpwatch -peers -json-exporter $(JSON_EXPORTER)

soak: ## the full 30-day soak on a fast clock
	LPWATCH_SOAK=full $(GO) test -run Soak -timeout 2h ./pkg/soak/...

clean:
	rm -rf bin $(DIST)

-include contracts/Makefile.inc
