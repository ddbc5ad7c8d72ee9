import { SLACK_RETRY_POLICY } from '../../src/app.js';
import type { SlackCall, SlackFault } from '../harness/fake-slack.js';

/** The Web API client timeout of the failure tests: production's 10 s scaled down to stay fast. */
export const TIMEOUT_MS = 1_000;

/**
 * Production's retry policy (same number of retries, same doubling, and no retry after a
 * timeout) with its pauses scaled down, and the short timeout: what `startTandem` takes so that
 * a fault test sees what a person would, only sooner.
 */
export const PRODUCTION_FAULTS = {
  retryConfig: { ...SLACK_RETRY_POLICY, minTimeout: 100, maxTimeout: 1_000 },
  timeoutMs: TIMEOUT_MS,
};

/** Slack acts on the call but answers after the client gave up: a timeout that still landed. */
export const LATE: SlackFault = { delayMs: TIMEOUT_MS + 500 };

/** Slack's rate limit, asking the client to wait one second. */
export const RATE_LIMITED: SlackFault = { status: 429, retryAfter: 1 };

/** A 429 on the first try and on every one of production's three retries. */
export const EVERY_TRY = 1 + (SLACK_RETRY_POLICY.retries ?? 0);

/** Calls the stand-in accepted (not answered with a queued fault). */
export const accepted = (calls: SlackCall[]): SlackCall[] => calls.filter((c) => !c.fault);

/** Everything in a call's blocks and text, for `toContain` checks. */
export const textOf = (call: SlackCall | undefined): string =>
  call === undefined ? '' : JSON.stringify([call.args.text, call.args.blocks]);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slack never acts on the call and answers only after the client gave up: a timeout that did not land. */
export const LOST: SlackFault = { lostMs: TIMEOUT_MS + 500 };
