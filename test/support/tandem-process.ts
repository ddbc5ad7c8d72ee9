import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './ports.js';

const root = path.resolve(import.meta.dirname, '../..');

/** One pino line from the child, parsed; `msg` and `level` are always there. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

export interface TandemProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Every JSON log line so far. */
  logs: LogLine[];
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Kills it if still running (SIGKILL) and removes its working folder. */
  dispose(): Promise<void>;
}

/**
 * Compiles src/ as `npm run build` does, into a folder of its own beside dist/ (a direct child of
 * the repository, so the build finds prisma/migrations as dist/ does) that no other test file
 * writes to while this one runs. Returns the path of its main.js and a function that removes it.
 */
export async function buildTandem(): Promise<{ main: string; remove(): Promise<void> }> {
  const outDir = path.join(root, `dist-test-${process.pid}-${Date.now()}`);
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], {
    cwd: root,
  });
  return { main: path.join(outDir, 'main.js'), remove: () => rm(outDir, { recursive: true, force: true }) };
}

/** `node <main.js>`, or `node --import tsx src/main.ts` when no build is given. */
function commandFor(main: string | undefined): string[] {
  if (main) return [main];
  return [
    '--import',
    pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
    path.join(root, 'src', 'main.ts'),
  ];
}

/**
 * Tandem's real entry point as its own process, configured only by `env` (plus PATH and HOME), in
 * an empty working folder so that no `.env` of a developer's is read. Logs are collected from
 * stdout; `ready` waits for the start-up line.
 */
export async function startTandemProcess(options: {
  env: Record<string, string>;
  /** A built main.js (see buildTandem); without it, src/main.ts through tsx. */
  main?: string;
}): Promise<TandemProcess> {
  const port = Number(options.env.PORT ?? (await freePort()));
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'tandem-process-'));
  const child = spawn(process.execPath, commandFor(options.main), {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? cwd,
      LOG_LEVEL: 'info',
      ...options.env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    buffered += String(chunk);
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ msg: line });
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    // 'close' comes after the last of stdout, so a final log line is never missed.
    child.once('close', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const waitForLog = (predicate: (line: LogLine) => boolean, timeoutMs = 60_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(predicate);
        if (!found) return;
        finish();
        resolve(found);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no such log line in ${timeoutMs} ms; stderr:\n${stderr}\nlogs:\n${tail()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      void exited.then(({ code, signal }) => {
        if (!waiters.has(check)) return;
        finish();
        reject(new Error(`Tandem exited (${code ?? signal}) first; stderr:\n${stderr}\nlogs:\n${tail()}`));
      });
      check();
    });
  const tail = () =>
    logs
      .slice(-15)
      .map((l) => JSON.stringify(l))
      .join('\n');
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    waitForLog,
    exited,
    async dispose() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      await rm(cwd, { recursive: true, force: true });
    },
  };
}

/** The start-up line main.ts logs once Slack accepted the token and Tandem serves. */
export const started = (line: LogLine) =>
  typeof line.msg === 'string' && /^Tandem (listens|is connected)/.test(line.msg);
