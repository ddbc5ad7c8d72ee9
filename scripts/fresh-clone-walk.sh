#!/usr/bin/env bash
# Walks the README on a fresh clone of this checkout's HEAD: `npm ci`, `npm run demo`, then "Run it
# in your Slack workspace" step 4 (cp .env.example .env, set the tokens, npm start) against the
# local Slack stand-in, in HTTP mode and from another folder, after a production install
# (`npm run build`, then `npm ci --omit=dev`). Steps 1–3 happen in Slack's web pages and are not
# walked. Needs the npm registry; takes a few minutes. Pass --with-tests to run `npm test` too.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/tandem-walk-XXXXXX)"
# As root the embedded PostgreSQL runs as user postgres, which must be able to enter it.
chmod 711 "$work"
clone="$work/tandem"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

step "fresh clone of $(git -C "$here" rev-parse --short HEAD)"
git clone --quiet "$here" "$clone"
cd "$clone"

step "npm ci && npm run demo"
npm ci --no-audit --no-fund >"$work/ci.log" 2>&1 || { tail -20 "$work/ci.log"; exit 1; }
npm run demo >"$work/demo.log" 2>&1 || { tail -40 "$work/demo.log"; exit 1; }
tail -3 "$work/demo.log"

if [[ "${1:-}" == "--with-tests" ]]; then
  step "npm test"
  npm test
fi

step "production install: npm run build, then npm ci --omit=dev"
npm run build >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
# The stand-in for Slack comes from the original checkout, whose devDependencies are installed.
(cd "$here" && exec node --import tsx/esm --input-type=module -e "
  const { startFakeSlack } = await import('./test/harness/fake-slack.ts');
  const slack = await startFakeSlack({ token: 'xoxb-walk-1-2' });
  console.log(slack.apiUrl);
  setInterval(() => {}, 1 << 30);
" >"$work/slack.url" 2>"$work/slack.log") &
pids+=($!)
npm ci --omit=dev --no-audit --no-fund >"$work/ci-prod.log" 2>&1 || { tail -20 "$work/ci-prod.log"; exit 1; }
for _ in $(seq 50); do [[ -s "$work/slack.url" ]] && break; sleep 0.2; done
slack_url="$(head -1 "$work/slack.url")"
[[ -n "$slack_url" ]] || { cat "$work/slack.log"; exit 1; }

step "step 4: cp .env.example .env, set the tokens, npm start (from another folder, HTTP mode)"
cp .env.example .env
port=$((20000 + RANDOM % 20000))
sed -i \
  -e 's|^SLACK_BOT_TOKEN=.*|SLACK_BOT_TOKEN=xoxb-walk-1-2|' \
  -e 's|^SLACK_SIGNING_SECRET=.*|SLACK_SIGNING_SECRET=0123456789abcdef0123456789abcdef|' \
  -e "s|^SLACK_API_URL=.*|SLACK_API_URL=$slack_url|" \
  -e "s|^PORT=.*|PORT=$port|" .env
cd /
npm --prefix "$clone" start >"$work/start.log" 2>&1 &
pids+=($!)
for _ in $(seq 150); do grep -q 'Tandem listens' "$work/start.log" && break; sleep 0.2; done
grep -q 'Tandem listens' "$work/start.log" || { cat "$work/start.log"; exit 1; }
grep -q "\"dataDir\":\"$clone/data\"" "$work/start.log" || { echo "DATA_DIR not in the project folder"; exit 1; }
[[ -f "$clone/data/tandem.lock" ]] || { echo "no DATA_DIR lock"; exit 1; }

step "a second Tandem on the same DATA_DIR is refused"
second="$(PORT=$((port + 1)) node "$clone/dist/main.js" 2>&1 || true)"
grep -q 'Tandem cannot start: DATA_DIR .* is in use by another Tandem' <<<"$second" || { echo "$second"; exit 1; }

step "stop: the lock is released"
holder="$(head -1 "$clone/data/tandem.lock")"
kill -TERM "$holder"
for _ in $(seq 100); do [[ -f "$clone/data/tandem.lock" ]] || break; sleep 0.2; done
[[ ! -f "$clone/data/tandem.lock" ]] || { echo "lock left behind"; exit 1; }
echo "walked: npm ci, npm run demo, production install, step 4's npm start, one Tandem per DATA_DIR"
