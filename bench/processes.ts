// Starting and stopping the processes a benchmark measures: Tandem exactly as production starts
// it (src/main.ts, configured by environment), the bare Bolt baseline, and the Slack stand-in.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sleep } from './results.js';
import { SIGNING_SECRET } from './signed-requests.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
/** Where the Tandem under test lives (its src/main.ts, migrations, node_modules): `--app-dir`, default this checkout. */
let appDir = path.resolve(BENCH_DIR, '..');
export function setAppDir(dir: string): void {
  appDir = path.resolve(dir);
}
export const getAppDir = () => appDir;

export interface Server {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  eventsUrl: string;
  /** Log lines at warn (40) and error (50+) level, the first few of them, and how often each message came. */
  logs: { warnings: number; errors: number; samples: string[]; messages: Map<string, number> };
  stop(): Promise<void>;
}

export type TandemDatabase = { databaseUrl: string } | { dataDir: string };

// Children must not outlive the benchmark (a crash would leave servers holding ports and pipes).
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls GET /healthz every 5 ms; resolves when it answers 200. */
export async function waitHealthy(baseUrl: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with code ${child.exitCode} before it was ready`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${baseUrl}/healthz`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(5);
  }
  throw new Error(`${baseUrl} not healthy within ${timeoutMs} ms`);
}

function watchLogs(child: ChildProcess): Server['logs'] {
  const logs = { warnings: 0, errors: 0, samples: [] as string[], messages: new Map<string, number>() };
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 50);
      if (level < 40) return;
      if (level >= 50) logs.errors++;
      else logs.warnings++;
      if (logs.samples.length < 5) logs.samples.push(line.slice(0, 400));
      const message = `${/"msg":"([^"]*)"/.exec(line)?.[1] ?? ''}: ${/"message":"([^"]{0,160})/.exec(line)?.[1] ?? line.slice(0, 160)}`;
      logs.messages.set(message, (logs.messages.get(message) ?? 0) + 1);
    });
  }
  return logs;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Spawns `node [--import tsx for TypeScript] [nodeArgs] <script>` on a free port; does not wait for it to be ready. */
export async function spawnServer(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Server> {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), ...nodeArgs, script], {
      cwd: appDir,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, ...env, PORT: String(port) },
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    logs: watchLogs(child),
    stop: () => stopChild(child),
  };
}

/** Compiled dist/main.js (`npm run build`, as `npm start` runs it) when the app folder has one, else src/main.ts through tsx. */
export function tandemEntry(): string {
  const built = path.join(appDir, 'dist/main.js');
  return existsSync(built) ? built : path.join(appDir, 'src/main.ts');
}

/** Tandem as production starts it, configured through the environment. */
export function spawnTandem(database: TandemDatabase, slackApiUrl: string, nodeArgs: string[] = []) {
  return spawnServer(
    tandemEntry(),
    {
      SLACK_BOT_TOKEN: 'xoxb-bench-0000-tandem',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: slackApiUrl,
      DATABASE_URL: 'databaseUrl' in database ? database.databaseUrl : '',
      DATA_DIR: 'dataDir' in database ? database.dataDir : './data',
      LOG_LEVEL: 'warn',
      DEFAULT_TIMEZONE: 'UTC',
    },
    nodeArgs,
  );
}

export function spawnBareBolt() {
  return spawnServer(path.join(BENCH_DIR, 'bare-bolt.mjs'), { SLACK_SIGNING_SECRET: SIGNING_SECRET });
}

export async function startReady(start: () => Promise<Server>): Promise<Server> {
  const server = await start();
  try {
    await waitHealthy(server.baseUrl, server.child);
  } catch (error) {
    await server.stop();
    throw new Error(`${String(error)}\n${server.logs.samples.join('\n')}`);
  }
  return server;
}

export interface SlackStandIn {
  url: string;
  apiUrl: string;
  responseUrl(id: string): string;
  /** Replies received for ids starting with `prefix`: [id, arrivedAt (wall ms), response_type, text has id]. */
  replies(prefix: string): Promise<Array<[string, number, string, boolean]>>;
  replyCount(prefix: string): Promise<number>;
  stats(): Promise<{ calls: Record<string, number>; replies: number; idleMs: number }>;
  stop(): Promise<void>;
}

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'slack-stand-in.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, 'line')) as [string];
  const { url } = JSON.parse(line) as { url: string };
  const get = async <T>(path: string) => (await (await fetch(`${url}${path}`)).json()) as T;
  return {
    url,
    apiUrl: `${url}/api/`,
    responseUrl: (id) => `${url}/response/${encodeURIComponent(id)}`,
    replies: (prefix) => get(`/replies?prefix=${encodeURIComponent(prefix)}`),
    replyCount: async (prefix) =>
      (await get<{ count: number }>(`/replies?count&prefix=${encodeURIComponent(prefix)}`)).count,
    stats: () => get('/stats'),
    stop: () => stopChild(child),
  };
}
