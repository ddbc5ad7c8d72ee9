/**
 * True when a Web API call failed by running out of time: Slack may still have done it (a slow
 * answer is not a refusal), so it must be neither retried nor replaced by another message.
 */
export function timedOut(error: unknown): boolean {
  const original = (error as { original?: unknown } | null)?.original;
  const name = original instanceof Error ? original.name : '';
  return name === 'TimeoutError' || name === 'AbortError';
}
