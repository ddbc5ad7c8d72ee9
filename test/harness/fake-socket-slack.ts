import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * The little of Slack that Socket Mode needs, on one local port: `auth.test` for the bot token,
 * `apps.connections.open` answering with a ws:// URL of this same server, and the WebSocket
 * behind it, where Slack's `hello` message is what makes the client count as connected. Tests
 * hold the hello back, send it, and drop connections to see how Tandem reports each state.
 */
export interface FakeSocketSlack {
  /** Base URL ending in `/api/`, for SLACK_API_URL. */
  apiUrl: string;
  /** Web API methods called so far, in order. */
  calls: string[];
  /** WebSockets open now. */
  readonly openSockets: number;
  /** Resolves once a client has opened a WebSocket (at once if one is open). */
  waitForSocket(): Promise<void>;
  /** Sends `hello` on every open socket, and on every later one at once. */
  hello(): void;
  /** Stop greeting new sockets, and close the open ones as Slack does when it recycles a link. */
  drop(): void;
  close(): Promise<void>;
}

export async function startFakeSocketSlack(options: { teamId: string }): Promise<FakeSocketSlack> {
  const calls: string[] = [];
  const sockets = new Set<WebSocket>();
  let greeting = false;
  const socketWaiters = new Set<() => void>();
  const answer = (res: ServerResponse, body: Record<string, unknown>) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const method = (req.url ?? '').split('?')[0]?.replace(/^\/api\//, '') ?? '';
    calls.push(method);
    if (method === 'auth.test') {
      return answer(res, {
        ok: true,
        team_id: options.teamId,
        user_id: 'U_TANDEM_BOT',
        bot_id: 'B_TANDEM',
        is_enterprise_install: false,
      });
    }
    if (method === 'apps.connections.open') {
      const { port } = server.address() as AddressInfo;
      return answer(res, { ok: true, url: `ws://127.0.0.1:${port}/link/` });
    }
    answer(res, { ok: true });
  });
  const wss = new WebSocketServer({ server });
  const greet = (socket: WebSocket) =>
    socket.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A_TANDEM' } }),
    );
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (greeting) greet(socket);
    for (const wake of socketWaiters) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    get openSockets() {
      return sockets.size;
    },
    waitForSocket() {
      if (sockets.size > 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const wake = () => {
          socketWaiters.delete(wake);
          resolve();
        };
        socketWaiters.add(wake);
      });
    },
    hello() {
      greeting = true;
      for (const socket of sockets) greet(socket);
    },
    drop() {
      greeting = false;
      for (const socket of sockets) socket.close(1001, 'link recycled');
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
