import { randomBytes } from 'node:crypto';
import type { OAuthSettings } from '../../src/config.js';
import type { InstallGrant } from '../harness/fake-slack-oauth.js';
import type { RunningTandem } from './tandem.js';

/** Client credentials, state secret and a fresh encryption key, as an operator would configure them. */
export function oauthSettings(oldEncryptionKeys: Buffer[] = []): OAuthSettings {
  return {
    clientId: '1111111111.2222222222',
    clientSecret: 'c1a2b3c4d5e6f708192a3b4c5d6e7f80',
    stateSecret: 'state-secret-for-tests-0123456789',
    encryptionKey: randomBytes(32),
    oldEncryptionKeys,
  };
}

export interface InstallAttempt {
  /** The Add to Slack page's answer. */
  page: Response;
  /** The state Slack would carry through its consent screen. */
  state: string;
  /** The browser's state cookie, as `name=value`. */
  cookie: string;
}

/** A browser opening /slack/install: the page, its Add to Slack link's state and the state cookie. */
export async function openInstallPage(t: RunningTandem): Promise<InstallAttempt> {
  const page = await fetch(`${t.baseUrl}/slack/install`);
  const html = await page.clone().text();
  const href = html.match(/href="([^"]*\/oauth\/v2\/authorize[^"]*)"/)?.[1];
  if (!href) throw new Error(`no Add to Slack link on the install page:\n${html}`);
  const state = new URL(href.replaceAll('&amp;', '&')).searchParams.get('state') ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { page, state, cookie };
}

/** Slack redirecting the browser back after the person allowed the install. */
export function redirectBack(
  t: RunningTandem,
  query: Record<string, string>,
  cookie?: string,
): Promise<Response> {
  const url = `${t.baseUrl}/slack/oauth_redirect?${new URLSearchParams(query)}`;
  return fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
}

/** The whole flow, as a person installing Tandem in their workspace; returns the redirect's answer. */
export async function install(t: RunningTandem, grant: InstallGrant): Promise<Response> {
  const oauth = t.slack.oauth;
  if (!oauth) throw new Error('the Slack stand-in was started without oauth');
  const { state, cookie } = await openInstallPage(t);
  return redirectBack(t, { code: oauth.grant(grant), state }, cookie);
}
