#!/usr/bin/env bash
# The whole test suite, as CI runs it, on a fresh machine: restores what it needs, then runs
# the integration tests (real Kestrel, real SQLite files, real WebSockets) and the benchmark's smoke mode.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -f tests/js-client/package-lock.json ]]; then
    npm ci --prefix tests/js-client --no-audit --no-fund --loglevel=error
fi

dotnet restore Confab.slnx
dotnet build Confab.slnx --no-restore -c Release
dotnet format Confab.slnx --no-restore --verify-no-changes
dotnet test tests/Confab.Tests --no-build -c Release

# Smoke run of every benchmark scenario: fails on errors or lost messages, never on a timing.
dotnet run --no-build -c Release --project bench/Confab.Bench -- --quick
