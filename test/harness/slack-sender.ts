import { createHmac, randomUUID } from 'node:crypto';

/** Ways to spoil a request's signature, for testing that the app refuses it. */
export interface SignOptions {
  /** Sign with this secret instead of the app's. */
  secret?: string;
  /** Seconds; e.g. `now() - 301` for a stale request. Also goes into the signed base string. */
  timestamp?: number;
  /** Send neither `X-Slack-Signature` nor `X-Slack-Request-Timestamp`. */
  omitHeaders?: boolean;
  /** Send this `X-Slack-Signature` value verbatim. */
  signature?: string;
}

export interface SenderResponse {
  status: number;
  body: string;
  /** Parses `body`; throws on an empty body, which is how Bolt answers a bare `ack()`. */
  json(): unknown;
}

export interface CommandContext {
  teamId: string;
  /** An Enterprise Grid workspace's org; with `isEnterpriseInstall`, a request to an org-wide install. */
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  userId: string;
  channelId?: string;
  responseUrl?: string;
  triggerId?: string;
  userName?: string;
}

export interface EventContext {
  teamId: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  eventId?: string;
  eventTime?: number;
  retryNum?: number;
  retryReason?: string;
}

export interface SlackSenderOptions {
  /** The app's events endpoint, e.g. `http://127.0.0.1:PORT/slack/events`. */
  url: string;
  signingSecret: string;
  /** Seconds since the epoch; defaults to the system clock, which is what Bolt checks staleness against. */
  now?: () => number;
  /** Makes a `response_url` for commands that don't bring one, e.g. `() => fake.responseUrl()`. */
  responseUrl?: () => string;
  /** Told each trigger_id as the request carrying it is sent: Slack mints one per action (e.g. `fake.issueTrigger`). */
  onTrigger?: (triggerId: string) => void;
}

export interface SlackSender {
  command(command: string, text: string, ctx: CommandContext, sign?: SignOptions): Promise<SenderResponse>;
  event(event: Record<string, unknown>, ctx: EventContext, sign?: SignOptions): Promise<SenderResponse>;
  interaction(payload: Record<string, unknown>, sign?: SignOptions): Promise<SenderResponse>;
  /** Posts `body` signed (unless `sign.omitHeaders`); `headers` override the signature headers. */
  raw(body: string, headers: Record<string, string>, sign?: SignOptions): Promise<SenderResponse>;
}

export const APP_ID = 'A_TANDEM';
const BOT_USER_ID = 'U_TANDEM_BOT';
// Legacy verification token: Slack still sends it, Bolt ignores it in favour of the signature.
const VERIFICATION_TOKEN = 'legacy-verification-token';
// Bolt compares the content type exactly, so a `; charset=utf-8` suffix would make it JSON.parse a form body.
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
// Port 1 refuses connections, so a `respond()` to a forgotten response_url fails fast instead of reaching the internet.
const UNROUTABLE_RESPONSE_URL = 'http://127.0.0.1:1/response-url-not-configured';

/** Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The form body Slack posts for a slash command; fields Slack always sends get plausible defaults. */
export function slashCommandBody(
  command: string,
  text: string,
  ctx: CommandContext & { responseUrl: string; triggerId: string },
): string {
  const channelId = ctx.channelId ?? 'C_GENERAL';
  return new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: ctx.teamId,
    team_domain: ctx.teamId.toLowerCase(),
    channel_id: channelId,
    channel_name: channelId.startsWith('D') ? 'directmessage' : 'general',
    user_id: ctx.userId,
    user_name: ctx.userName ?? ctx.userId.toLowerCase(),
    command,
    text,
    api_app_id: APP_ID,
    is_enterprise_install: String(ctx.isEnterpriseInstall ?? false),
    ...(ctx.enterpriseId ? { enterprise_id: ctx.enterpriseId } : {}),
    response_url: ctx.responseUrl,
    trigger_id: ctx.triggerId,
  }).toString();
}

export function createSlackSender(options: SlackSenderOptions): SlackSender {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  let seq = 0;
  const next = (): number => {
    seq += 1;
    return seq;
  };

  const post = async (
    body: string,
    headers: Record<string, string>,
    opts: SignOptions = {},
  ): Promise<SenderResponse> => {
    const timestamp = opts.timestamp ?? now();
    const signatureHeaders: Record<string, string> = opts.omitHeaders
      ? {}
      : {
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': opts.signature ?? sign(opts.secret ?? options.signingSecret, timestamp, body),
        };
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { ...signatureHeaders, ...headers },
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text,
      json: (): unknown => JSON.parse(text),
    };
  };

  return {
    command: (command, text, ctx, signOptions) => {
      const n = next();
      const triggerId = ctx.triggerId ?? `${now()}.${n}.${randomUUID().slice(0, 8)}`;
      options.onTrigger?.(triggerId);
      const body = slashCommandBody(command, text, {
        ...ctx,
        responseUrl: ctx.responseUrl ?? options.responseUrl?.() ?? UNROUTABLE_RESPONSE_URL,
        triggerId,
      });
      return post(body, { 'content-type': FORM }, signOptions);
    },

    event: (event, ctx, signOptions) => {
      const n = next();
      const envelope = {
        token: VERIFICATION_TOKEN,
        team_id: ctx.teamId,
        api_app_id: APP_ID,
        event,
        type: 'event_callback',
        event_id: ctx.eventId ?? `Ev${String(n).padStart(10, '0')}`,
        event_time: ctx.eventTime ?? now(),
        authorizations: [
          {
            enterprise_id: ctx.enterpriseId ?? null,
            team_id: ctx.isEnterpriseInstall ? null : ctx.teamId,
            user_id: BOT_USER_ID,
            is_bot: true,
            is_enterprise_install: ctx.isEnterpriseInstall ?? false,
          },
        ],
        is_ext_shared_channel: false,
      };
      const headers: Record<string, string> = { 'content-type': JSON_TYPE };
      if (ctx.retryNum !== undefined) headers['x-slack-retry-num'] = String(ctx.retryNum);
      if (ctx.retryReason !== undefined) headers['x-slack-retry-reason'] = ctx.retryReason;
      return post(JSON.stringify(envelope), headers, signOptions);
    },

    interaction: (payload, signOptions) => {
      if (typeof payload.trigger_id === 'string') options.onTrigger?.(payload.trigger_id);
      return post(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        { 'content-type': FORM },
        signOptions,
      );
    },

    raw: (body, headers, signOptions) => post(body, headers, signOptions),
  };
}
