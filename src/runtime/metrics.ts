import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Tandem's own registry rather than prom-client's global one, so that nothing a dependency
 * registers appears on /metrics unasked. One per process: Prometheus scrapes a process, and the
 * counters of several apps in one test process simply add up, as their work does.
 */
export const registry = new Registry();

/** The kinds of request Slack sends; `other` catches anything Tandem does not listen for. */
export type RequestType = 'command' | 'action' | 'event' | 'view' | 'shortcut' | 'options' | 'other';

// Slack expects an ack within 3 s; the buckets resolve the range where that is decided.
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
// A reply can wait for a queue, the database, Slack and a model.
const REPLY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export const metrics = {
  requests: new Counter({
    name: 'tandem_requests_total',
    help: 'Requests from Slack that reached the app, by type.',
    labelNames: ['type'] as const,
    registers: [registry],
  }),
  refused: new Counter({
    name: 'tandem_requests_refused_total',
    help: 'Requests refused before any work, by reason (shutting_down).',
    labelNames: ['reason'] as const,
    registers: [registry],
  }),
  acks: new Counter({
    name: 'tandem_acks_total',
    help: 'Requests acknowledged to Slack, by type.',
    labelNames: ['type'] as const,
    registers: [registry],
  }),
  ackSeconds: new Histogram({
    name: 'tandem_ack_seconds',
    help: 'From a request reaching the app to its acknowledgement, by type.',
    labelNames: ['type'] as const,
    buckets: ACK_BUCKETS,
    registers: [registry],
  }),
  replySeconds: new Histogram({
    name: 'tandem_reply_seconds',
    help: 'From a request reaching the app to the end of its handling, replies to Slack included, by type.',
    labelNames: ['type'] as const,
    buckets: REPLY_BUCKETS,
    registers: [registry],
  }),
  inFlight: new Gauge({
    name: 'tandem_requests_in_flight',
    help: 'Requests being handled (queued ones included); a graceful shutdown waits for these.',
    registers: [registry],
  }),
  queueWaiting: new Gauge({
    name: 'tandem_queue_waiting',
    help: 'Work waiting for a turn in a bounded queue (commands, events, model drafts).',
    labelNames: ['queue'] as const,
    registers: [registry],
  }),
  queueRunning: new Gauge({
    name: 'tandem_queue_running',
    help: 'Work running in a bounded queue (commands, events, model drafts).',
    labelNames: ['queue'] as const,
    registers: [registry],
  }),
  queueLanes: new Gauge({
    name: 'tandem_queue_lanes',
    help: 'Lanes (workspaces) with work waiting in a fair queue, which gives each a turn in rotation.',
    labelNames: ['queue'] as const,
    registers: [registry],
  }),
  queueRefused: new Counter({
    name: 'tandem_queue_refused_total',
    help: 'Work refused because its queue was full (or given up by the busiest lane of a full fair queue).',
    labelNames: ['queue'] as const,
    registers: [registry],
  }),
  slackCalls: new Counter({
    name: 'tandem_slack_api_calls_total',
    help: 'HTTP requests to Slack (Web API methods and response_url), retries included, by method and HTTP status (or "error" when no answer came).',
    labelNames: ['method', 'status'] as const,
    registers: [registry],
  }),
  slackRateLimited: new Counter({
    name: 'tandem_slack_rate_limited_total',
    help: 'Slack answers of HTTP 429, by method.',
    labelNames: ['method'] as const,
    registers: [registry],
  }),
  slackRateLimitWait: new Counter({
    name: 'tandem_slack_rate_limit_wait_seconds_total',
    help: 'Seconds Slack asked Tandem to wait (Retry-After) before calling again.',
    registers: [registry],
  }),
  outboundPending: new Gauge({
    name: 'tandem_outbound_pending',
    help: 'Re-renders of task messages and App Homes owed to Slack and not yet started, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  outboundCoalesced: new Counter({
    name: 'tandem_outbound_coalesced_total',
    help: 'Re-renders skipped because a later one, already owed for the same message or home, will show the change too, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  schedulerPasses: new Counter({
    name: 'tandem_scheduler_passes_total',
    help: 'Scheduler ticks, by outcome: ran, skipped (another replica or pass had it), failed.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
  schedulerSeconds: new Histogram({
    name: 'tandem_scheduler_pass_seconds',
    help: 'How long a scheduler pass that ran took.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  }),
  nudgesSent: new Counter({
    name: 'tandem_nudges_sent_total',
    help: 'Nudges delivered by DM, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  digests: new Counter({
    name: 'tandem_digests_total',
    help: 'Digests by kind (channel, personal) and outcome (sent, skipped, failed).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  }),
  drafterCalls: new Counter({
    name: 'tandem_drafter_calls_total',
    help: 'Requests for social drafts, by drafter (model, template) and outcome (ok, error).',
    labelNames: ['drafter', 'outcome'] as const,
    registers: [registry],
  }),
  drafterFallbacks: new Counter({
    name: 'tandem_drafter_fallbacks_total',
    help: 'Drafts written offline because the model failed or was busy.',
    registers: [registry],
  }),
};

let processMetrics = false;

/** Node's own process metrics (CPU, memory, event loop, GC), once per process. */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry });
}
