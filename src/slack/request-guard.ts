import type { HTTPReceiver } from '@slack/bolt';

/** Slack's replay window: a signed request more than five minutes away from now is refused. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Bolt refuses requests signed more than five minutes ago but accepts any date in the future, so
 * a signed request dated ahead could be replayed until that date passes. Slack's guidance is to
 * refuse both directions; this refuses the future side before Bolt reads the body.
 */
export function refuseFutureTimestamps(receiver: HTTPReceiver, nowSeconds = () => Date.now() / 1000): void {
  const next = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isFinite(timestamp) && timestamp - nowSeconds() > MAX_SKEW_SECONDS) {
      req.resume();
      res.writeHead(401).end();
      return;
    }
    next(req, res);
  };
}
