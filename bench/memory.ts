// `npm run bench -- memory`: Tandem in its own process (node --expose-gc, with bench/memory-probe.ts
// preloaded) takes a stream of mixed events at a fixed rate; after every tenth of them the load
// pauses until Tandem is idle, and the probe reports RSS and heap after forced garbage collection.
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';
import { fireAtRate, type OutgoingRequest } from './fixed-rate.js';
import {
  type Server,
  type SlackStandIn,
  spawnTandem,
  startReady,
  startSlackStandIn,
  type TandemDatabase,
} from './processes.js';
import { sleep } from './results.js';
import { taskMessagesSql, taskTs, withRawDatabase } from './seed.js';
import { signedCommand, signedEvent } from './signed-requests.js';
import { treeMemory } from './tree-memory.js';

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'memory-probe.mjs');
const CHANNEL = 'CMEM001';
const TEAMS = 5;
const TASKS_PER_TEAM = 200;
const USERS = 500;

export interface MemoryOptions {
  databases: Array<'embedded' | 'postgres'>;
  events: number;
  rate: number;
}

export interface Checkpoint {
  events: number;
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  /** Tandem's process and its children (the embedded database server): VmRSS and PSS summed. */
  treeRssMiB: number;
  treePssMiB: number;
}

export interface MemoryRun {
  database: 'embedded' | 'postgres';
  checkpoints: Checkpoint[];
  /** Failed acks, commands that never got a reply, and error-level log lines. */
  failures: { acks: number; missingReplies: number; errorLogs: number };
  /** Why acks failed: HTTP status or error message, with counts. */
  ackFailureReasons: Record<string, number>;
  errorSamples: string[];
}

const COMMAND_SLOTS = new Set([0, 1, 2, 8, 9]);

/** Event i of the mix: five kinds of slash command, claim and release reactions, Home, messages. */
function mixedEvent(i: number, slack: SlackStandIn): OutgoingRequest {
  const k = Math.floor(i / 10);
  const teamId = `TMEM${k % TEAMS}`;
  const user = `UMEM${k % USERS}`;
  const ts = taskTs(k % TASKS_PER_TEAM);
  const eventId = `EvMEM${i}`;
  const command = (name: string, text: string) =>
    signedCommand(name, text, {
      teamId,
      userId: user,
      channelId: CHANNEL,
      responseUrl: slack.responseUrl(`mem-${i}`),
    });
  const reaction = (type: string) =>
    signedEvent(
      {
        type,
        user,
        reaction: 'raising_hand',
        item: { type: 'message', channel: CHANNEL, ts },
        item_user: 'U_TANDEM_BOT',
        event_ts: `${1800000000 + i}.000100`,
      },
      teamId,
      eventId,
    );
  switch (i % 10) {
    case 0:
      return command('/initiative', `add Memory bench ${i}`);
    case 1:
      return command('/initiative', 'list');
    case 2:
      return command('/task', 'list');
    case 3:
      return reaction('reaction_added');
    case 4:
      return reaction('reaction_removed');
    case 5:
      return signedEvent(
        {
          type: 'app_home_opened',
          user,
          channel: `D${user}`,
          tab: 'home',
          event_ts: `${1800000000 + i}.000100`,
        },
        teamId,
        eventId,
      );
    case 6:
      return signedEvent(
        {
          type: 'message',
          channel: CHANNEL,
          channel_type: 'channel',
          user,
          text: `status update ${i}`,
          ts: `${1800000000 + i}.000200`,
          event_ts: `${1800000000 + i}.000200`,
        },
        teamId,
        eventId,
      );
    case 7:
      return signedEvent(
        {
          type: 'message',
          channel: CHANNEL,
          channel_type: 'channel',
          user,
          text: `on it ${i}`,
          ts: `${1800000000 + i}.000300`,
          thread_ts: ts,
          event_ts: `${1800000000 + i}.000300`,
        },
        teamId,
        eventId,
      );
    case 8:
      return command('/tandem', 'help');
    default:
      return command('/initiative', 'show 1');
  }
}

async function probe(server: Server): Promise<NodeJS.MemoryUsage> {
  const answer = once(server.child, 'message') as Promise<[NodeJS.MemoryUsage & { error?: string }]>;
  server.child.send('memory');
  const [usage] = await answer;
  if (usage.error) throw new Error(usage.error);
  return usage;
}

/** Waits until every command so far has its reply and Tandem has called Slack for nothing for 1.5 s. */
async function settle(slack: SlackStandIn, commands: number): Promise<number> {
  const deadline = Date.now() + 120_000;
  let replies = 0;
  while (Date.now() < deadline) {
    replies = await slack.replyCount('mem-');
    const { idleMs } = await slack.stats();
    if (replies >= commands && idleMs >= 1500) break;
    await sleep(250);
  }
  return replies;
}

async function measure(
  database: MemoryRun['database'],
  options: MemoryOptions,
  slack: SlackStandIn,
): Promise<MemoryRun> {
  const dir = await makeTempDir('tandem-bench-memory-');
  const scratch = database === 'postgres' ? await createScratchDatabase('tandem_bench_mem') : undefined;
  const db: TandemDatabase = scratch ? { databaseUrl: scratch.url } : { dataDir: path.join(dir, 'data') };
  const start = () => startReady(() => spawnTandem(db, slack.apiUrl, ['--expose-gc', '--import', PROBE]));
  try {
    // First start creates and migrates the database; the seed goes in while nothing else holds it.
    await (await start()).stop();
    await withRawDatabase(db, (exec) => exec(taskMessagesSql(TEAMS, TASKS_PER_TEAM, CHANNEL)));
    const server = await start();
    const run: MemoryRun = {
      database,
      checkpoints: [],
      failures: { acks: 0, missingReplies: 0, errorLogs: 0 },
      ackFailureReasons: {},
      errorSamples: [],
    };
    try {
      const chunk = Math.max(10, Math.round(options.events / 10));
      let sent = 0;
      let commands = 0;
      let replies = 0;
      while (sent < options.events) {
        const first = sent;
        const shots = await fireAtRate({
          url: server.eventsUrl,
          rate: options.rate,
          seconds: chunk / options.rate,
          build: (i) => mixedEvent(first + i, slack),
        });
        for (const shot of shots) {
          if (shot.status === 200) continue;
          run.failures.acks++;
          const reason = shot.error ?? `HTTP ${shot.status}`;
          run.ackFailureReasons[reason] = (run.ackFailureReasons[reason] ?? 0) + 1;
        }
        for (let i = first; i < first + shots.length; i++) if (COMMAND_SLOTS.has(i % 10)) commands++;
        sent += shots.length;
        replies = await settle(slack, commands);
        const usage = await probe(server);
        const tree = await treeMemory(server.child.pid ?? 0);
        const mib = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
        run.checkpoints.push({
          events: sent,
          rssMiB: mib(usage.rss),
          heapUsedMiB: mib(usage.heapUsed),
          heapTotalMiB: mib(usage.heapTotal),
          externalMiB: mib(usage.external),
          treeRssMiB: tree.rssMiB,
          treePssMiB: tree.pssMiB,
        });
        console.log(
          `  ${database}: ${sent} events, RSS ${mib(usage.rss)} MiB (with its database server ${tree.rssMiB}, PSS ${tree.pssMiB}), heap ${mib(usage.heapUsed)} MiB`,
        );
      }
      run.failures.missingReplies = Math.max(0, commands - replies);
      run.failures.errorLogs = server.logs.errors;
      run.errorSamples = [...server.logs.messages].map(([message, count]) => `${count} × ${message}`);
      return run;
    } finally {
      await server.stop();
    }
  } finally {
    await scratch?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchMemory(options: MemoryOptions): Promise<MemoryRun[]> {
  const slack = await startSlackStandIn();
  try {
    const runs: MemoryRun[] = [];
    for (const database of options.databases) runs.push(await measure(database, options, slack));
    return runs;
  } finally {
    await slack.stop();
  }
}
