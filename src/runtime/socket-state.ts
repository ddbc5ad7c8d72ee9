import { type App, SocketModeReceiver } from '@slack/bolt';
import type { SocketState } from './readiness.js';

/**
 * Bolt keeps the receiver it built for `socketMode: true` in a field its types mark private, and
 * the receiver exposes its @slack/socket-mode client publicly; the client's connection events
 * are the only way to know the socket is up.
 */
function socketReceiverOf(app: App): SocketModeReceiver | undefined {
  const receiver = (app as unknown as { receiver?: unknown }).receiver;
  return receiver instanceof SocketModeReceiver ? receiver : undefined;
}

/**
 * Reports the Socket Mode connection's state as it changes: `connected` once Slack's hello
 * arrived, `reconnecting` while a dropped connection is being replaced, `disconnected` when it
 * ended. Throws when the app has no Socket Mode receiver, which would make readiness lie.
 */
export function watchSocket(app: App, onChange: (state: SocketState) => void): void {
  const receiver = socketReceiverOf(app);
  if (!receiver) throw new Error('the Slack app has no Socket Mode receiver to watch');
  const { client } = receiver;
  let state: SocketState = 'connecting';
  const set = (next: SocketState) => {
    state = next;
    onChange(next);
  };
  client.on('connecting', () => set('connecting'));
  client.on('connected', () => set('connected'));
  client.on('reconnecting', () => set('reconnecting'));
  client.on('disconnecting', () => set('disconnected'));
  client.on('disconnected', () => set('disconnected'));
  // A socket that closed is down while the client waits to reconnect, which it announces only
  // when it tries again; after a deliberate disconnect the client has said so already.
  client.on('close', () => {
    if (state !== 'disconnected') set('reconnecting');
  });
}
