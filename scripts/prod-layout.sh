#!/usr/bin/env bash
# Assembles the production image's /app without Docker, from this checkout:
#   scripts/prod-layout.sh [folder]   (default: a new temporary folder; its path is printed last)
# Same files as the Dockerfile's final stage, the same install (scripts/install-production.sh),
# then `cd <folder> && node dist/main.js` runs Tandem as the image would. A test starts it, which
# proves that nothing in dist/ needs a devDependency or a file the image leaves out.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-$(mktemp -d "${TMPDIR:-/tmp}/tandem-layout-XXXXXX")}"
mkdir -p "$dest/scripts" "$dest/prisma"
cd "$root"

# The build stage: the Prisma client is generated on install (postinstall), then compiled with the rest.
[ -f src/generated/prisma/client.ts ] || npm run db:generate
npx tsc -p tsconfig.build.json --outDir "$dest/dist"

# The final stage's COPY lines.
cp package.json package-lock.json "$dest/"
cp scripts/install-production.sh "$dest/scripts/"
cp -R prisma/migrations "$dest/prisma/migrations"

cd "$dest"
# From the local npm cache when it has everything, as a CI machine's usually does.
npm_config_prefer_offline=true sh scripts/install-production.sh >&2
echo "$dest"
