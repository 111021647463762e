#!/usr/bin/env bash
# Adds an EF Core migration for every database provider: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/Confab --output-dir Data/Migrations/Sqlite --namespace Confab.Data.Migrations.Sqlite
# EF writes the model snapshot into a folder named after its namespace; keep it beside the migrations.
if [[ -d src/Confab/Confab ]]; then
    mv src/Confab/Confab/Data/Migrations/Sqlite/* src/Confab/Data/Migrations/Sqlite/
    rm -r src/Confab/Confab
fi
