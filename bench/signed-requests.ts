// Correctly signed Slack requests, built the way Slack sends them (see test/harness/slack-sender.ts).
import { APP_ID, sign, slashCommandBody } from '../test/harness/slack-sender.js';
import type { OutgoingRequest } from './fixed-rate.js';

/** The same secret the end-to-end tests use (test/harness/local-tandem.ts). */
export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

function signed(body: string, contentType: string): OutgoingRequest {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(SIGNING_SECRET, timestamp, body),
    },
  };
}

// Slack mints a trigger_id per command and Tandem skips a repeated one as a replay: one per request.
let commandNo = 0;

export function signedCommand(
  command: string,
  text: string,
  ctx: { teamId: string; userId: string; channelId: string; responseUrl: string },
): OutgoingRequest {
  const body = slashCommandBody(command, text, {
    ...ctx,
    triggerId: `${Date.now()}.${++commandNo}.bench.trigger`,
  });
  return signed(body, 'application/x-www-form-urlencoded');
}

export function signedEvent(
  event: Record<string, unknown>,
  teamId: string,
  eventId: string,
): OutgoingRequest {
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: 'U_TANDEM_BOT',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
  return signed(body, 'application/json');
}
