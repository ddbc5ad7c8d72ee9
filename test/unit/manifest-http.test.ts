// manifest/manifest.http.json is manifest/manifest.json for HTTP mode: the same app, with Socket
// Mode off and one request URL (a placeholder to replace) for commands, events and interactivity.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, path), 'utf8'));

const socket = readJson('manifest/manifest.json');
const http = readJson('manifest/manifest.http.json');
const EVENTS_URL = 'https://tandem.example.com/slack/events';

interface HttpParts {
  features: { slash_commands: Array<{ command: string; url?: string }> };
  settings: {
    socket_mode_enabled: boolean;
    event_subscriptions: { request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
  };
}

describe('manifest/manifest.http.json', () => {
  it('is valid against Slack’s JSON Schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, formats: { uri: (v: string) => URL.canParse(v) } });
    const validate = ajv.compile(readJson('test/fixtures/slack-manifest.schema.json'));
    expect(validate(http), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('turns Socket Mode off and sends every command, event and interaction to /slack/events', () => {
    const parts = http as unknown as HttpParts;
    expect(parts.settings.socket_mode_enabled).toBe(false);
    expect(parts.settings.event_subscriptions.request_url).toBe(EVENTS_URL);
    expect(parts.settings.interactivity).toEqual({ is_enabled: true, request_url: EVENTS_URL });
    for (const command of parts.features.slash_commands)
      expect(command.url, command.command).toBe(EVENTS_URL);
  });

  it('is otherwise the Socket Mode manifest, so the two cannot drift apart', () => {
    const withoutUrls = structuredClone(http) as unknown as HttpParts;
    for (const command of withoutUrls.features.slash_commands) delete command.url;
    delete withoutUrls.settings.event_subscriptions.request_url;
    delete withoutUrls.settings.interactivity.request_url;
    withoutUrls.settings.socket_mode_enabled = true;
    expect(withoutUrls).toEqual(socket);
  });
});
