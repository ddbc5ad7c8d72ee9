// Child process for the benchmarks: a minimal Slack Web API and response_url stand-in, in a
// process of its own so that neither the app under test nor the load generator pays for it.
// Records when each response_url reply arrives (wall clock, comparable across processes) and
// counts Web API calls; keeps nothing else, so it can take 100k events without growing much.
// Prints one JSON line `{ "url": … }` when ready. Endpoints for the parent:
//   GET /replies?prefix=P  → replies whose id starts with P: [id, arrivedAt, responseType, textHasId][]
//   GET /replies?prefix=P&count → { count }
//   GET /stats             → { calls: { method: n }, replies, idleMs }
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { wallClock } from './results.js';

type Reply = [id: string, at: number, responseType: string, textHasId: boolean];
const replies: Reply[] = [];
const calls: Record<string, number> = {};
let lastActivity = wallClock();
let seq = 0;

const nextTs = () => {
  seq++;
  return `${1_800_000_000 + Math.floor(seq / 1_000_000)}.${String(seq % 1_000_000).padStart(6, '0')}`;
};

function parse(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

/** Plausible answers for what Tandem calls; anything else gets a bare `ok`. */
function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
  const channel = String(args.channel ?? 'CBENCH');
  switch (method) {
    case 'auth.test':
      return {
        team_id: 'TBENCH0',
        user_id: 'U_TANDEM_BOT',
        bot_id: 'B_TANDEM',
        user: 'tandem',
        team: 'Bench',
      };
    case 'chat.postMessage':
      return { channel, ts: nextTs(), message: { type: 'message', ts: nextTs(), text: args.text ?? '' } };
    case 'chat.postEphemeral':
      return { message_ts: nextTs() };
    case 'chat.update':
      return { channel, ts: args.ts, text: args.text ?? '' };
    case 'chat.getPermalink':
      return { channel, permalink: `https://bench.slack.com/archives/${channel}/p1` };
    case 'conversations.open':
      return { channel: { id: `D${String(args.users ?? 'U').split(',')[0]}` } };
    case 'conversations.history':
    case 'conversations.replies':
      return { messages: [], has_more: false };
    case 'views.open':
    case 'views.publish':
    case 'views.update':
      return { view: { id: `V${nextTs()}`, hash: nextTs() } };
    case 'users.info': {
      const id = String(args.user ?? 'U');
      return {
        user: {
          id,
          name: id.toLowerCase(),
          real_name: id,
          tz: 'UTC',
          tz_label: 'Coordinated Universal Time',
          tz_offset: 0,
          is_admin: false,
          is_owner: false,
          is_bot: false,
          deleted: false,
          profile: { real_name: id, display_name: id },
        },
      };
    }
    default:
      return {};
  }
}

function send(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const at = wallClock();
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/stats') {
      return send(res, { calls, replies: replies.length, idleMs: at - lastActivity });
    }
    if (url.pathname === '/replies') {
      const prefix = url.searchParams.get('prefix') ?? '';
      const matching = replies.filter((r) => r[0].startsWith(prefix));
      return send(res, url.searchParams.has('count') ? { count: matching.length } : matching);
    }
    lastActivity = at;
    const raw = Buffer.concat(chunks).toString('utf8');
    let args: Record<string, unknown> = {};
    try {
      args = parse(raw, req.headers['content-type']);
    } catch {
      return send(res, { ok: false, error: 'invalid_json' });
    }
    if (url.pathname.startsWith('/response/')) {
      const id = decodeURIComponent(url.pathname.slice('/response/'.length));
      calls.response_url = (calls.response_url ?? 0) + 1;
      replies.push([id, at, String(args.response_type ?? ''), String(args.text ?? '').includes(id)]);
      return send(res, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, '');
    calls[method] = (calls[method] ?? 0) + 1;
    return send(res, { ok: true, ...answer(method, args) });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
});
process.on('SIGTERM', () => process.exit(0));
