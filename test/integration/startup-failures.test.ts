// `node dist/main.js` with one setting wrong at a time: each stops with exit code 1 and one line,
// "Tandem cannot start: <what> (<setting>) — <what to do>", naming the setting, never a secret, and
// without a stack trace.
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../src/db/embedded-postgres-root.js';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack.js';
import { buildDist, closedPort, PROJECT_DIR, runTandem, spawnTandem } from '../support/startup-process.js';

const BOT_TOKEN = 'xoxb-1111-2222-startupbottoken';
const APP_TOKEN = 'xapp-1-A111-3333-startupapptoken';
const SIGNING_SECRET = 'abcdef0123456789abcdef0123456789';
const DB_PASSWORD = 'Sup3rSecretPw';

let slack: FakeSlack;
let root: string;
let emptyEnvFile: string;

beforeAll(async () => {
  await buildDist();
  slack = await startFakeSlack({ token: BOT_TOKEN });
  root = await makeTempDir('tandem-startup-');
  emptyEnvFile = path.join(root, 'empty.env');
  await writeFile(emptyEnvFile, '');
}, 90_000);

afterAll(async () => {
  await slack?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Settings that start Tandem in HTTP mode against the local Slack, to be spoiled one at a time. */
function settings(overrides: Record<string, string>): Record<string, string> {
  return {
    TANDEM_ENV_FILE: emptyEnvFile,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DATA_DIR: path.join(root, 'unused'),
    ...overrides,
  };
}

/** The one line naming the failure; asserts it is the only thing said about it, with no stack. */
function failureLine(output: string): string {
  const lines = output.split('\n').filter((l) => l.startsWith('Tandem cannot start:'));
  expect(lines, output).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at /m);
  for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, DB_PASSWORD])
    expect(output).not.toContain(secret);
  return lines[0] ?? '';
}

describe('start-up failures, each named on one line', () => {
  it('PostgreSQL refusing: names DATABASE_URL with the host and port tried, not the password', async () => {
    const port = await closedPort();
    const run = await runTandem(
      settings({ DATABASE_URL: `postgres://tandem:${DB_PASSWORD}@127.0.0.1:${port}/tandem` }),
    );
    expect(run.code).toBe(1);
    expect(failureLine(run.output)).toMatch(
      new RegExp(
        `PostgreSQL refused the connection at 127\\.0\\.0\\.1:${port} \\(DATABASE_URL\\) — start the server.*percent-encode`,
      ),
    );
  });

  it('with LOG_LEVEL=debug: the same line, then the stack, still without the password', async () => {
    const port = await closedPort();
    const run = await runTandem(
      settings({
        LOG_LEVEL: 'debug',
        DATABASE_URL: `postgres://tandem:${DB_PASSWORD}@127.0.0.1:${port}/tandem`,
      }),
    );
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/^Tandem cannot start: PostgreSQL refused the connection/m);
    expect(run.output).toMatch(/ECONNREFUSED[^\n]*\n\s+at /);
    expect(run.output).not.toContain(DB_PASSWORD);
  });

  it('an unknown PostgreSQL host: names it and DATABASE_URL', async () => {
    const run = await runTandem(
      settings({ DATABASE_URL: `postgres://tandem:${DB_PASSWORD}@no-such-host.invalid:5432/tandem` }),
    );
    expect(run.code).toBe(1);
    expect(failureLine(run.output)).toMatch(/host no-such-host\.invalid was not found \(DATABASE_URL\)/);
  });

  it('a password with # in DATABASE_URL: says to percent-encode, without echoing any of the password', async () => {
    const run = await runTandem(
      settings({ DATABASE_URL: 'postgres://tandem:pa#ss9word@127.0.0.1:5432/tandem' }),
    );
    expect(run.code).toBe(1);
    const line = failureLine(run.output);
    expect(line).toMatch(
      /DATABASE_URL cannot be read as meant.*\(DATABASE_URL\) — percent-encode .*# as %23/,
    );
    expect(run.output).not.toMatch(/ss9word/);
  });

  it('DATA_DIR under a regular file: names the folder and DATA_DIR', async () => {
    const file = path.join(root, 'a-file');
    await writeFile(file, 'not a folder');
    const run = await runTandem(settings({ DATA_DIR: path.join(file, 'data') }));
    expect(run.code).toBe(1);
    expect(failureLine(run.output)).toMatch(
      new RegExp(
        `DATA_DIR ${file}/data lies under a file, not a folder.*\\(DATA_DIR\\) — Point DATA_DIR at a folder`,
      ),
    );
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, DATA_DIR in a folder the postgres user cannot enter: names DATA_DIR',
    async () => {
      const privateDir = path.join(root, 'private');
      await mkdir(privateDir, { mode: 0o700 });
      const run = await runTandem(settings({ DATA_DIR: path.join(privateDir, 'data') }));
      expect(run.code).toBe(1);
      expect(failureLine(run.output)).toMatch(
        new RegExp(
          `who cannot enter ${privateDir} to reach DATA_DIR .* \\(DATA_DIR\\) — Run Tandem as a user other than root`,
        ),
      );
    },
  );

  it('a bot token Slack rejects: "token rejected", naming SLACK_BOT_TOKEN', async () => {
    const run = await runTandem(settings({ SLACK_BOT_TOKEN: 'xoxb-9999-revoked-startupbottoken' }));
    expect(run.code).toBe(1);
    expect(failureLine(run.output)).toMatch(
      /Slack rejected the token \(auth\.test: invalid_auth\) \(SLACK_BOT_TOKEN\) — copy the Bot User OAuth Token/,
    );
    expect(run.output).not.toContain('revoked-startupbottoken');
  });

  it('an app-level token Slack rejects: "token rejected", naming SLACK_APP_TOKEN', async () => {
    const run = await runTandem(settings({ SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' }));
    expect(run.code).toBe(1);
    expect(failureLine(run.output)).toMatch(
      /Slack rejected the token \(apps\.connections\.open: invalid_auth\) \(SLACK_APP_TOKEN\) — create an app-level token/,
    );
  });

  it('Slack unreachable: says so at once, and that the token was not checked', async () => {
    const port = await closedPort();
    const run = await runTandem(settings({ SLACK_API_URL: `http://127.0.0.1:${port}/api/` }));
    expect(run.code).toBe(1);
    expect(failureLine(run.output)).toMatch(
      new RegExp(
        `Slack could not be reached at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\); SLACK_BOT_TOKEN was not checked \\(SLACK_API_URL\\)`,
      ),
    );
    expect(run.output).not.toMatch(/did not accept/);
    // No retrying: a refused connection is known in milliseconds (the rest is Node starting).
    expect(run.ms).toBeLessThan(6_000);
  });

  describe('with the HTTP port taken', () => {
    let busy: Server;
    let port: number;
    beforeAll(async () => {
      busy = createServer();
      await new Promise<void>((resolve) => busy.listen(0, '0.0.0.0', resolve));
      port = (busy.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => busy.close(resolve));
    });

    it('names PORT before the database is opened', async () => {
      const dataDir = path.join(root, 'port-busy');
      const run = await runTandem(settings({ PORT: String(port), DATA_DIR: dataDir }));
      expect(run.code).toBe(1);
      expect(failureLine(run.output)).toMatch(
        new RegExp(`port ${port} is already in use by another program \\(PORT\\)`),
      );
      // Nothing was created or migrated first.
      await expect(stat(dataDir)).rejects.toThrow();
    });

    it('started from another folder: a relative DATA_DIR is the project’s, logged as an absolute path', async () => {
      const run = await runTandem(settings({ PORT: String(port), DATA_DIR: 'data-of-a-test' }), root);
      expect(run.code).toBe(1);
      const starting = run.output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; dataDir?: string })
        .find((l) => l.msg === 'starting');
      expect(starting?.dataDir).toBe(path.join(PROJECT_DIR, 'data-of-a-test'));
    });
  });

  it('a misspelt DEFAULT_TIMEZONE: suggests the nearest zone', async () => {
    const run = await runTandem(settings({ DEFAULT_TIMEZONE: 'Europe/Londn' }));
    expect(run.code).toBe(1);
    expect(run.output).toMatch(
      /DEFAULT_TIMEZONE must be an IANA time zone .*\(did you mean Europe\/London\?\)/,
    );
  });

  it('TANDEM_ENV_FILE: read from wherever it points; a missing one is named', async () => {
    const envFile = path.join(root, 'settings', 'tandem.env');
    await mkdir(path.dirname(envFile), { recursive: true });
    await writeFile(envFile, 'DEFAULT_TIMEZONE=Europe/Londn\n');
    const read = await runTandem(settings({ TANDEM_ENV_FILE: envFile }), root);
    expect(read.code).toBe(1);
    expect(read.output).toMatch(/did you mean Europe\/London/);

    const missing = await runTandem(settings({ TANDEM_ENV_FILE: path.join(root, 'nowhere.env') }));
    expect(missing.code).toBe(1);
    expect(failureLine(missing.output)).toMatch(
      /there is no settings file at .*nowhere\.env \(TANDEM_ENV_FILE\)/,
    );
  });
});

describe('one Tandem per DATA_DIR', () => {
  const listening = /Tandem listens on/;

  it('refuses a second process on the same folder, naming the pid and host that hold it; frees it on stop', async () => {
    const dataDir = path.join(root, 'shared');
    const first = spawnTandem(settings({ DATA_DIR: dataDir, PORT: String(await closedPort()) }));
    try {
      await first.waitForOutput(listening, 30_000);
      const second = await runTandem(settings({ DATA_DIR: dataDir, PORT: String(await closedPort()) }));
      expect(second.code).toBe(1);
      expect(failureLine(second.output)).toMatch(
        new RegExp(
          `DATA_DIR ${dataDir} is in use by another Tandem \\(process ${first.child.pid}\\) on host ${os.hostname()} \\(DATA_DIR\\) — Only one Tandem at a time`,
        ),
      );
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }
    await expect(stat(path.join(dataDir, 'tandem.lock'))).rejects.toThrow();
  });

  it('takes over the lock of a process that is gone, and says so in the log', async () => {
    const dataDir = path.join(root, 'stale');
    await mkdir(dataDir, { recursive: true });
    const gone = spawnTandem({}, root);
    gone.child.kill('SIGKILL');
    await gone.exited;
    await writeFile(path.join(dataDir, 'tandem.lock'), `${gone.child.pid}\n${os.hostname()}\n\n`);
    const tandem = spawnTandem(settings({ DATA_DIR: dataDir, PORT: String(await closedPort()) }));
    try {
      await tandem.waitForOutput(listening, 30_000);
      const takeover = tandem
        .output()
        .split('\n')
        .find((l) => l.includes('lock taken over'));
      expect(JSON.parse(takeover ?? '{}')).toMatchObject({
        previous: { pid: gone.child.pid, host: os.hostname() },
      });
      expect((await readFile(path.join(dataDir, 'tandem.lock'), 'utf8')).split('\n')[0]).toBe(
        String(tandem.child.pid),
      );
    } finally {
      tandem.child.kill('SIGTERM');
      await tandem.exited;
    }
  });
});

describe('the build', () => {
  it('imports only dependencies, so a production install (npm ci --omit=dev) runs it', async () => {
    const pkg = JSON.parse(await readFile(path.join(PROJECT_DIR, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    const allowed = new Set([
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.optionalDependencies ?? {}),
    ]);
    const files = (await readdir(path.join(PROJECT_DIR, 'dist'), { recursive: true })).filter((f) =>
      f.endsWith('.js'),
    );
    expect(files).toContain('main.js');
    const imported = new Set<string>();
    for (const file of files) {
      const text = await readFile(path.join(PROJECT_DIR, 'dist', file), 'utf8');
      for (const [, spec = ''] of text.matchAll(
        /(?:\bfrom|\bimport\(|\brequire\()\s*['"]([@\w][\w@./:-]*)['"]/g,
      )) {
        if (spec.startsWith('node:')) continue;
        imported.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec),
        );
      }
    }
    expect(imported.has('@slack/bolt')).toBe(true);
    expect([...imported].filter((name) => !allowed.has(name))).toEqual([]);
  });
});
