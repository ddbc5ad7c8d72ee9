import { metrics } from './metrics.js';
import { requestFetch } from './request-fetch.js';

// Web API methods look like `chat.postMessage`; anything else Bolt fetches is a response_url.
const METHOD = /^[a-z]+(\.[a-zA-Z]+)+$/;

/** The metric label for a Slack URL: the Web API method, or `response_url`; never the URL itself, which carries a secret. */
export function slackMethodOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'unknown';
  }
  const last = path.split('/').filter(Boolean).pop() ?? '';
  return METHOD.test(last) ? last : 'response_url';
}

function retryAfterSeconds(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/**
 * The `fetch` that Bolt and every WebClient it makes (the app's, per-request ones, Socket Mode's)
 * use, given as `clientOptions.fetch`: each HTTP request to Slack, retries included, passes here,
 * so calls and 429s are counted in one place whichever client made them. The calls themselves
 * go over undici's `request` (request-fetch.ts), which costs a quarter of `fetch`'s CPU.
 */
export const countingFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = slackMethodOf(url);
  let response: Response;
  try {
    response = await requestFetch(input, init);
  } catch (error) {
    metrics.slackCalls.inc({ method, status: 'error' });
    throw error;
  }
  metrics.slackCalls.inc({ method, status: String(response.status) });
  if (response.status === 429) {
    metrics.slackRateLimited.inc({ method });
    metrics.slackRateLimitWait.inc(retryAfterSeconds(response));
  }
  return response;
};
