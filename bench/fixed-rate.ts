// An open-loop load generator: request i leaves at start + i / rate whatever earlier requests are
// doing (autocannon's connections wait for answers, which hides a slow server). Latency counts
// from the moment the request was due, so a generator that falls behind cannot flatter the
// server (no coordinated omission).
import http from 'node:http';
import { wallClock } from './results.js';

export interface OutgoingRequest {
  body: string;
  headers: Record<string, string>;
}

export interface Shot {
  /** Wall-clock ms when the request was due (comparable with the Slack stand-in's clock). */
  dueAt: number;
  /** Due → full answer, ms; undefined when it failed. */
  ackMs: number | undefined;
  status: number;
  error?: string;
  /** How late the generator sent it, ms. */
  lagMs: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

function send(agent: http.Agent, url: URL, request: OutgoingRequest, shot: Shot, done: () => void): void {
  const req = http.request(
    url,
    {
      agent,
      method: 'POST',
      headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
    },
    (res) => {
      res.resume();
      res.on('end', () => {
        shot.status = res.statusCode ?? 0;
        shot.ackMs = wallClock() - shot.dueAt;
        done();
      });
    },
  );
  req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
  req.on('error', (error) => {
    shot.error = error.message;
    done();
  });
  req.end(request.body);
}

/** Sends `rate × seconds` requests built by `build(i)` at a fixed rate; resolves when all are answered. */
export async function fireAtRate(options: {
  url: string;
  rate: number;
  seconds: number;
  build: (i: number, dueAt: number) => OutgoingRequest;
}): Promise<Shot[]> {
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const url = new URL(options.url);
  // Idle sockets close on our side after 4 s, before Node's server drops them at 5 s: otherwise a
  // request can leave on a socket the server is closing and fail with ECONNRESET, a generator fault.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2048, timeout: 4000 });
  const shots: Shot[] = [];
  let answered = 0;
  const start = wallClock() + 20;
  await new Promise<void>((resolve) => {
    const done = () => {
      answered++;
      if (answered === total) resolve();
    };
    const tick = () => {
      const now = wallClock();
      while (shots.length < total) {
        const dueAt = start + (shots.length * 1000) / options.rate;
        if (dueAt > now) break;
        const shot: Shot = { dueAt, ackMs: undefined, status: 0, lagMs: now - dueAt };
        const request = options.build(shots.length, dueAt);
        shots.push(shot);
        send(agent, url, request, shot, done);
      }
      if (shots.length < total) setTimeout(tick, 1);
    };
    setTimeout(tick, 20);
  });
  agent.destroy();
  return shots;
}
