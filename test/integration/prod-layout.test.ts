// The container image's contents, without Docker: scripts/prod-layout.sh assembles /app as the
// Dockerfile's final stage does (production dependencies only, the compiled dist/, the
// migrations), and `node dist/main.js` is started from it as the image's CMD would be, once on
// the local PostgreSQL and once on the embedded database that ships in the optional dependencies.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { makeTempDir } from '../../src/db/embedded-postgres-root.js';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../harness/local-tandem.js';
import { createSlackSender } from '../harness/slack-sender.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const TEAM = 'TLAYOUT01';

let layout: string;
let slack: FakeSlack;
let database: ScratchDatabase;

interface Started {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

/** `node dist/main.js` in the layout with only the environment given, as in a container. */
async function startLayout(env: Record<string, string>): Promise<Started> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: layout,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 45_000;
  while (!output.includes('Tandem listens on')) {
    if (child.exitCode !== null) throw new Error(`dist/main.js exited ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`dist/main.js did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, baseUrl: `http://127.0.0.1:${port}`, output: () => output };
}

async function stopLayout(started: Started): Promise<number | null> {
  if (started.child.exitCode !== null) return started.child.exitCode;
  started.child.kill('SIGTERM');
  const [code] = await once(started.child, 'exit');
  return code as number | null;
}

/** One signed slash command, answered (after the ack, as in production) on its response_url. */
async function addInitiative(baseUrl: string, title: string) {
  const responseUrl = slack.responseUrl(`layout-${title.replaceAll(' ', '-')}`);
  const sender = createSlackSender({ url: `${baseUrl}/slack/events`, signingSecret: SIGNING_SECRET });
  const res = await sender.command('/initiative', `add "${title}" campaign`, {
    teamId: TEAM,
    userId: 'UANA00001',
    channelId: 'CLAYOUT01',
    responseUrl,
  });
  expect(res.status).toBe(200);
  return slack.waitFor('response_url', (c) => JSON.stringify(c.args).includes(title), 15_000);
}

describe('the production layout (the image without Docker)', () => {
  beforeAll(async () => {
    layout = await makeTempDir('tandem-layout-');
    await run(path.join(root, 'scripts/prod-layout.sh'), [layout], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    slack = await startFakeSlack({ token: BOT_TOKEN, teamId: TEAM });
    database = await createScratchDatabase('tandem_layout');
  }, 240_000);
  afterAll(async () => {
    await slack?.close();
    await database?.drop();
    if (layout) await rm(layout, { recursive: true, force: true });
  });

  it("copies what the Dockerfile's final stage copies, and installs the same way", async () => {
    const dockerfile = await readFile(path.join(root, 'Dockerfile'), 'utf8');
    const script = await readFile(path.join(root, 'scripts/prod-layout.sh'), 'utf8');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const copied = [...finalStage.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) =>
      (m[1] ?? '').split(' '),
    );
    expect(copied).toEqual([
      'package.json',
      'package-lock.json',
      'scripts/install-production.sh',
      'prisma/migrations',
    ]);
    for (const file of copied) expect(script).toContain(file);
    expect(finalStage).toContain('RUN sh scripts/install-production.sh');
    expect(script).toContain('sh scripts/install-production.sh');
  });

  it('holds production dependencies only, the compiled client and the migrations', () => {
    for (const present of [
      'dist/main.js',
      'dist/generated/prisma/client.js',
      'prisma/migrations',
      'node_modules/@slack/bolt',
    ])
      expect(existsSync(path.join(layout, present)), present).toBe(true);
    for (const absent of ['src', 'test', 'node_modules/@biomejs', 'node_modules/vitest', 'node_modules/tsx'])
      expect(existsSync(path.join(layout, absent)), absent).toBe(false);
  });

  it('serves /healthz and a signed slash command on PostgreSQL, migrating it at start', async () => {
    const tandem = await startLayout({ DATABASE_URL: database.url });
    try {
      const health = await fetch(`${tandem.baseUrl}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.text()).toBe('ok');
      const reply = await addInitiative(tandem.baseUrl, 'Layout launch');
      expect(JSON.stringify(reply.args)).toMatch(/#1\b/);
      expect(tandem.output()).toContain('migrations applied');
    } finally {
      expect(await stopLayout(tandem)).toBe(0);
    }
  });

  it('runs the embedded PostgreSQL from its optional dependency, in DATA_DIR', async () => {
    const dataDir = path.join(layout, 'data');
    const tandem = await startLayout({ DATA_DIR: dataDir });
    try {
      expect(tandem.output()).toContain('"database":"embedded"');
      await addInitiative(tandem.baseUrl, 'Embedded launch');
      expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    } finally {
      expect(await stopLayout(tandem)).toBe(0);
    }
  });
});
