#!/bin/sh
# Makes a clean copy of a commit (default HEAD) to benchmark, apart from uncommitted work in this
# checkout: bench/snapshot.sh [commit] [dir] then npm run bench -- --app-dir <dir>.
# With no dist/ there, benchmarks run src/main.ts through tsx instead.
set -eu
commit=${1:-HEAD}
dir=${2:-/tmp/tandem-bench-app}
root=$(git rev-parse --show-toplevel)
rm -rf "$dir"
mkdir -p "$dir"
git -C "$root" archive "$commit" | tar -x -C "$dir"
ln -s "$root/node_modules" "$dir/node_modules"
(cd "$dir" && node scripts/prisma-generate.mjs >/dev/null 2>&1)
# Compiled like `npm run build`, so the benchmarks start dist/main.js as `npm start` does.
(cd "$dir" && npx tsc -p tsconfig.build.json) ||
  echo "build failed: the benchmarks will run src/main.ts through tsx" >&2
git -C "$root" rev-parse "$commit" >"$dir/COMMIT"
echo "$dir: $(cat "$dir/COMMIT")"
