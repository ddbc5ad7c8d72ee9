import { performance } from 'node:perf_hooks';
import type { App } from '@slack/bolt';
import type { Lifecycle } from './lifecycle.js';
import { metrics, type RequestType } from './metrics.js';

/** What kind of request a Slack payload is, by the fields Slack sets. */
export function requestTypeOf(body: Record<string, unknown>): RequestType {
  if (typeof body.command === 'string') return 'command';
  switch (body.type) {
    case 'event_callback':
      return 'event';
    case 'block_actions':
    case 'interactive_message':
      return 'action';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'shortcut':
    case 'message_action':
      return 'shortcut';
    case 'block_suggestion':
      return 'options';
    default:
      return 'other';
  }
}

/**
 * Every request a receiver hands Bolt goes through `app.processEvent`, and it resolves only when
 * the global middleware, every listener (a queued command included, which acks first and then
 * waits its turn) and the error handler's reply are done. Wrapping it counts each request, times
 * its ack and its handling, and lets a shutdown wait for all of it.
 *
 * Once stopping, a request that reaches here over the Socket Mode connection is left unacked, so
 * Slack delivers it again (events) or tells the person it failed (commands) rather than it being
 * half-processed. In HTTP mode such requests are refused with 503 before this point; one whose
 * body was already being read when the signal came is handled in full.
 */
export function trackRequests(app: App, lifecycle: Lifecycle, mode: 'http' | 'socket'): void {
  const process = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    if (mode === 'socket' && lifecycle.stopping) {
      metrics.refused.inc({ reason: 'shutting_down' });
      return;
    }
    const type = requestTypeOf(event.body);
    const start = performance.now();
    const seconds = () => (performance.now() - start) / 1000;
    metrics.requests.inc({ type });
    const ack = event.ack;
    let acked = false;
    const timedAck: typeof ack = async (response) => {
      const result = await ack(response);
      if (!acked) {
        acked = true;
        metrics.acks.inc({ type });
        metrics.ackSeconds.observe({ type }, seconds());
      }
      return result;
    };
    await lifecycle.track(async () => {
      try {
        await process({ ...event, ack: timedAck });
      } finally {
        metrics.replySeconds.observe({ type }, seconds());
      }
    });
  };
}
