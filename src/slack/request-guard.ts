import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';

/**
 * The largest body Tandem reads; Bolt's default of 4 MB lets anyone make the process buffer
 * eight times more per request. Slack's payloads stay well below it: a "Draft social posts"
 * shortcut on a 40,000-character English release (the most Tandem takes; Slack sends it twice, as
 * text and as blocks) is about 90 KB form-encoded. Only a release of more than about 29,000
 * characters in a three-byte script (Chinese, Japanese: nine bytes each once percent-encoded)
 * goes over it, and is refused with 413.
 * Pass it to the receiver as `bodyLimit` too: Bolt's body reader then counts the bytes of a
 * body sent without a Content-Length (chunked) and stops reading past it with a 413, and Node
 * closes a connection whose request body was left half read.
 */
export const MAX_BODY_BYTES = 512 * 1024;

/** Slack's replay window: a signed request more than five minutes away from now is refused. */
export const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Slack's `ssl_check=1&token=…` probe comes without signature headers and is answered by Bolt;
 * its body is tiny, so reading it costs nothing.
 */
const UNSIGNED_PROBE_MAX_BYTES = 256;

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Why a request is refused before its body is read, as an HTTP status; undefined lets it through. */
export function refusal(req: IncomingMessage, nowSeconds: number): 401 | 413 | undefined {
  const declared = header(req, 'content-length');
  const length = declared === undefined ? undefined : Number(declared);
  if (length !== undefined && length > MAX_BODY_BYTES) return 413;
  const timestamp = header(req, 'x-slack-request-timestamp');
  if (timestamp === undefined || header(req, 'x-slack-signature') === undefined) {
    const probe =
      header(req, 'content-type') === 'application/x-www-form-urlencoded' &&
      length !== undefined &&
      length <= UNSIGNED_PROBE_MAX_BYTES;
    return probe ? undefined : 401;
  }
  if (!/^\d{1,12}$/.test(timestamp)) return 401;
  // Bolt refuses only the past side, and only after reading the body: a request dated ahead could
  // be replayed until that date passes. Slack's guidance is to refuse both directions.
  return Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS ? 401 : undefined;
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  // Node would keep the connection and drain the unread body to reuse it; closing it stops a
  // client from streaming the rest of a refused body at us. What arrived is discarded unbuffered.
  res.writeHead(status, { connection: 'close' }).end();
  req.resume();
}

/**
 * Refuses, before Bolt reads a byte of the body, requests to the events endpoint whose declared
 * size is over MAX_BODY_BYTES (413) or whose signature headers are missing, malformed, stale or
 * dated in the future (401). Other routes (`/healthz`) pass untouched.
 */
export function guardRequests(
  receiver: HTTPReceiver,
  endpoint: string,
  nowSeconds = () => Date.now() / 1000,
): void {
  const next = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || path !== endpoint) {
      next(req, res);
      return;
    }
    const status = refusal(req, nowSeconds());
    if (status !== undefined) {
      refuse(req, res, status);
      return;
    }
    next(req, res);
  };
}
