import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = path.join(PROJECT_DIR, 'dist', 'main.js');

/** Compiles src/ into dist/ as `npm run build` does (the Prisma client is generated on install). */
export async function buildDist(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [path.join(PROJECT_DIR, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: PROJECT_DIR },
  );
}

export { freePort as closedPort } from './ports.js';

export interface TandemProcess {
  child: ChildProcess;
  /** stdout and stderr together, as a person at the terminal sees them. */
  output(): string;
  /** Resolves when the output has a line matching `pattern`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * `node dist/main.js` with exactly the given settings: nothing from the test's own environment,
 * and no .env from the project folder (TANDEM_ENV_FILE is always given).
 */
export function spawnTandem(env: Record<string, string>, cwd = PROJECT_DIR): TandemProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const take = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    output: () => text,
    exited,
    waitForOutput(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(text)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms:\n${text}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            cleanup();
            pattern.test(text) ? resolve() : reject(new Error(`exited without ${pattern}:\n${text}`));
          }
        });
        check();
      });
    },
  };
}

/** Runs Tandem to its exit: the exit code and everything it printed. */
export async function runTandem(
  env: Record<string, string>,
  cwd?: string,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const tandem = spawnTandem(env, cwd);
  const timer = setTimeout(() => tandem.child.kill('SIGKILL'), 25_000);
  const code = await tandem.exited;
  clearTimeout(timer);
  return { code, output: tandem.output(), ms: Date.now() - started };
}
