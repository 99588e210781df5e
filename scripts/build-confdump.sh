#!/bin/sh
# Builds tools/confdump (nats-server's conf package -> canonical JSON) into .cache/confdump when it
# is missing or older than its source. Offline: GOPATH mode against Debian's
# golang-github-nats-io-nats-server-dev, which installs the conf package under
# /usr/share/gocode/src/github.com/nats-io/nats-server/conf (import path without /v2).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
src="$root/tools/confdump/main.go"
out="$root/.cache/confdump"
gopath=${CONFDUMP_GOPATH:-/usr/share/gocode}

if [ -x "$out" ] && [ ! "$src" -nt "$out" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "build-confdump: 'go' is not installed; install golang-go (Go >= 1.19) to build $out" >&2
  exit 1
fi
if [ ! -d "$gopath/src/github.com/nats-io/nats-server/conf" ]; then
  echo "build-confdump: nats-server's conf package is missing under $gopath/src; install golang-github-nats-io-nats-server-dev or set CONFDUMP_GOPATH" >&2
  exit 1
fi
mkdir -p "$root/.cache"
cache=${GOCACHE:-$root/.cache/go-build}
GO111MODULE=off GOPATH="$gopath" GOFLAGS= GOPROXY=off GOCACHE="$cache" \
  go build -o "$out.tmp" "$src"
mv "$out.tmp" "$out"
