import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { App } from '@slack/bolt';
// ajv is CommonJS; its named `Ajv` export is the class under NodeNext (the default import is the module).
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT_PATH } from '../../src/core/installations/distribution.js';
import { BOT_SCOPES } from '../../src/core/installations/scopes.js';
import { reactionTypesListened } from '../../src/core/requests/reaction-listeners.js';
import type { Deps } from '../../src/deps.js';
import { createLogger } from '../../src/logger.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

interface Manifest {
  features?: {
    slash_commands?: Array<{ command: string; should_escape?: boolean }>;
    shortcuts?: Array<{ callback_id: string; type: string }>;
    app_home?: { messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
  };
  oauth_config?: { redirect_urls?: string[]; scopes?: { bot?: string[] } };
  settings?: {
    event_subscriptions?: { bot_events?: string[] };
    interactivity?: { is_enabled?: boolean };
    socket_mode_enabled?: boolean;
  };
}

const manifest = readJson('manifest/manifest.json') as Manifest;

describe('manifest/manifest.json against Slack’s JSON Schema', () => {
  const ajv = new Ajv({
    // Slack's schema carries keywords of its own (e.g. `requires`) that Ajv's strict mode refuses.
    strict: false,
    allErrors: true,
    formats: { uri: (value: string) => URL.canParse(value) },
  });
  const validate = ajv.compile(readJson('test/fixtures/slack-manifest.schema.json') as object);

  it('is valid', () => {
    const valid = validate(manifest);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  // The schema must actually bite, or the test above proves nothing.
  const firstCommand = (m: Manifest) => {
    const command = m.features?.slash_commands?.[0];
    if (!command) throw new Error('the manifest has no slash command to break');
    return command;
  };
  it.each<[string, (m: Manifest & Record<string, unknown>) => void]>([
    [
      'a command without its slash',
      (m) => {
        firstCommand(m).command = 'initiative';
      },
    ],
    [
      'a command longer than 32 characters',
      (m) => {
        firstCommand(m).command = `/${'x'.repeat(32)}`;
      },
    ],
    ['an unknown settings key', (m) => Object.assign(m.settings ?? {}, { sockets: true })],
    ['an unknown top-level key', (m) => Object.assign(m, { feature: {} })],
  ])('rejects %s', (_label, mutate) => {
    const broken = structuredClone(manifest) as Manifest & Record<string, unknown>;
    mutate(broken);
    expect(validate(broken)).toBe(false);
  });
});

// --- What the code registers ----------------------------------------------------------------------

interface Registrations {
  commands: Array<string | RegExp>;
  events: Array<string | RegExp>;
  actions: unknown[];
  views: unknown[];
  shortcuts: unknown[];
  options: unknown[];
  messages: unknown[];
  middleware: number;
  errorHandlers: number;
}

/** Stands in for Bolt's App and records the first argument of each listener registration. */
function recordingApp(): { app: App; seen: Registrations } {
  const seen: Registrations = {
    commands: [],
    events: [],
    actions: [],
    views: [],
    shortcuts: [],
    options: [],
    messages: [],
    middleware: 0,
    errorHandlers: 0,
  };
  const app = {
    command: (name: string | RegExp) => void seen.commands.push(name),
    event: (type: string | RegExp) => void seen.events.push(type),
    action: (constraint: unknown) => void seen.actions.push(constraint),
    view: (constraint: unknown) => void seen.views.push(constraint),
    shortcut: (constraint: unknown) => void seen.shortcuts.push(constraint),
    options: (constraint: unknown) => void seen.options.push(constraint),
    message: (...args: unknown[]) => void seen.messages.push(args[0]),
    use: () => void seen.middleware++,
    error: () => void seen.errorHandlers++,
  };
  return { app: app as unknown as App, seen };
}

const featuresDir = join(root, 'src/features');
const featureNames = readdirSync(featuresDir).filter((name) => {
  try {
    return statSync(join(featuresDir, name, 'register.ts')).isFile();
  } catch {
    return false;
  }
});

type Register = (app: App, deps: Deps) => void;

const deps: Deps = {
  // Registering listeners must not touch the database; using it here fails loudly.
  db: new Proxy({} as Deps['db'], {
    get: (_target, key) => {
      throw new Error(`register() used deps.db.${String(key)} while registering listeners`);
    },
  }),
  clock: { now: () => new Date('2026-01-01T00:00:00Z') },
  logger: createLogger('silent'),
  defaultTimezone: 'UTC',
};

let seen: Registrations;

beforeAll(async () => {
  const recorder = recordingApp();
  for (const name of featureNames) {
    const mod = (await import(pathToFileURL(join(featuresDir, name, 'register.ts')).href)) as {
      register?: Register;
    };
    expect(mod.register, `src/features/${name}/register.ts exports register(app, deps)`).toBeTypeOf(
      'function',
    );
    mod.register?.(recorder.app, deps);
  }
  // Reactions are listened to through core's dispatcher rather than app.event.
  recorder.seen.events.push(...reactionTypesListened(recorder.app));
  seen = recorder.seen;
});

const asStrings = (values: Array<string | RegExp>, what: string): string[] =>
  values.map((v) => {
    if (typeof v !== 'string')
      throw new Error(`${what} ${String(v)} is a RegExp: list it in this test by name`);
    return v;
  });

/** Slack delivers message.channels, message.im, … all as event type `message`. */
const eventTypeOf = (subscription: string): string => subscription.split('.')[0] ?? subscription;

describe('features registered in code match the manifest', () => {
  it('finds the features, and src/app.ts registers every one of them', () => {
    expect(featureNames.length).toBeGreaterThan(0);
    const appSource = readFileSync(join(root, 'src/app.ts'), 'utf8');
    for (const name of featureNames) {
      expect(appSource, `src/app.ts does not import src/features/${name}/register.ts`).toContain(
        `./features/${name}/register.js`,
      );
    }
  });

  it('registers the same slash commands as the manifest declares', () => {
    const registered = asStrings(seen.commands, 'command');
    const declared = (manifest.features?.slash_commands ?? []).map((c) => c.command);
    expect(new Set(registered).size, 'a command is registered twice').toBe(registered.length);
    expect([...registered].sort()).toEqual([...declared].sort());
  });

  it('has Slack escape every slash command (the parsers read <@U…> and <#C…> forms)', () => {
    for (const command of manifest.features?.slash_commands ?? []) {
      expect(command.should_escape, command.command).toBe(true);
    }
  });

  it('subscribes to exactly the events that are listened to', () => {
    const subscribed = manifest.settings?.event_subscriptions?.bot_events ?? [];
    const listened = new Set(asStrings(seen.events, 'event'));
    if (seen.messages.length > 0) listened.add('message');
    for (const type of listened) {
      expect(subscribed.map(eventTypeOf), `listener for "${type}" but no bot event subscription`).toContain(
        type,
      );
    }
    for (const subscription of subscribed) {
      expect([...listened], `bot event "${subscription}" is subscribed but nothing listens to it`).toContain(
        eventTypeOf(subscription),
      );
    }
  });

  it('enables interactivity when there are actions, views, shortcuts or options', () => {
    const interactive =
      seen.actions.length + seen.views.length + seen.shortcuts.length + seen.options.length > 0;
    if (interactive) expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });

  it('declares every shortcut that is listened to', () => {
    const declared = (manifest.features?.shortcuts ?? []).map((s) => s.callback_id);
    for (const shortcut of seen.shortcuts) {
      const callbackId =
        typeof shortcut === 'string' ? shortcut : (shortcut as { callback_id?: unknown }).callback_id;
      expect(typeof callbackId, `shortcut ${String(shortcut)} needs a string callback_id`).toBe('string');
      expect(declared).toContain(callbackId);
    }
  });

  it('uses Socket Mode', () => {
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
  });

  it('keeps the Messages tab read-only unless Tandem answers direct messages', () => {
    const answersDms = (manifest.settings?.event_subscriptions?.bot_events ?? []).includes('message.im');
    expect(manifest.features?.app_home?.messages_tab_read_only_enabled).toBe(!answersDms);
  });

  it('asks an OAuth install for exactly the bot scopes it declares, and redirects to /slack/oauth_redirect', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...(manifest.oauth_config?.scopes?.bot ?? [])].sort());
    const redirects = manifest.oauth_config?.redirect_urls ?? [];
    expect(redirects.length).toBeGreaterThan(0);
    for (const url of redirects) expect(new URL(url).pathname).toBe(REDIRECT_PATH);
  });
});

// --- Scopes -----------------------------------------------------------------------------------------

/** Bot scopes each Web API method needs (all of them); null when it needs none. */
const METHOD_SCOPES: Record<string, string | string[] | null> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'chat.getPermalink': null,
  'conversations.open': 'im:write',
  // Private channels need groups:history too; the message.groups subscription already requires it.
  // Nudge and personal digest DMs that timed out are looked up in the DM: im:history.
  'conversations.history': ['channels:history', 'im:history'],
  'conversations.replies': 'channels:history',
  'users.info': 'users:read',
  // Tandem reads both public and private channels' privacy and members.
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.members': ['channels:read', 'groups:read'],
  'views.open': null,
  'views.update': null,
  'views.push': null,
  'views.publish': null,
  'reactions.add': 'reactions:write',
  'reactions.remove': 'reactions:write',
  'auth.test': null,
  // Made with the app-level token at start-up (its connections:write scope), not the bot token.
  'apps.connections.open': null,
  // files.getUploadURLExternal and files.completeUploadExternal, behind the client's filesUploadV2.
  'files.uploadV2': 'files:write',
};

/** Bot scope each event subscription needs; null when it needs none. */
const EVENT_SCOPES: Record<string, string | null> = {
  app_mention: 'app_mentions:read',
  app_home_opened: null,
  app_uninstalled: null,
  tokens_revoked: null,
  reaction_added: 'reactions:read',
  reaction_removed: 'reactions:read',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
  'message.mpim': 'mpim:history',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const API_CALL =
  /\.(chat|conversations|users|views|reactions|team|auth|pins|files|bookmarks|usergroups|reminders|bots|apps|dnd|emoji)\.(\w+(?:\.\w+)?)\(/g;

/** Web API methods called anywhere in src/, with the files that call them. */
function apiCallsInSource(): Map<string, string[]> {
  const calls = new Map<string, string[]>();
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    // The OpenAI SDK has its own chat.completions: not a Slack method.
    if (/from 'openai'/.test(text)) continue;
    const methods = [...text.matchAll(API_CALL)].map((m) => `${m[1]}.${m[2]}`);
    // Bolt's say() is chat.postMessage.
    if (/\bsay\(/.test(text)) methods.push('chat.postMessage');
    if (/\.filesUploadV2\(/.test(text)) methods.push('files.uploadV2');
    for (const method of methods) calls.set(method, [...(calls.get(method) ?? []), relative(root, file)]);
  }
  return calls;
}

describe('bot scopes', () => {
  const declared = manifest.oauth_config?.scopes?.bot ?? [];
  const calls = apiCallsInSource();
  const subscribed = manifest.settings?.event_subscriptions?.bot_events ?? [];

  it('finds the Web API calls in src/ (the scan itself works)', () => {
    expect(calls.has('chat.postMessage')).toBe(true);
  });

  it('knows the scope of every Web API method the code calls', () => {
    const unknown = [...calls.keys()].filter((method) => !(method in METHOD_SCOPES));
    expect(
      unknown,
      `add these methods and their bot scope to METHOD_SCOPES in this test: ${unknown
        .map((m) => `${m} (${calls.get(m)?.join(', ')})`)
        .join('; ')}`,
    ).toEqual([]);
  });

  it('knows the scope of every subscribed event', () => {
    const unknown = subscribed.filter((event) => !(event in EVENT_SCOPES));
    expect(unknown, 'add these events and their bot scope to EVENT_SCOPES in this test').toEqual([]);
  });

  const needed = (): Map<string, string> => {
    const why = new Map<string, string>();
    for (const [method, files] of calls) {
      for (const scope of [METHOD_SCOPES[method] ?? []].flat())
        why.set(scope, `${method} in ${files.join(', ')}`);
    }
    for (const event of subscribed) {
      const scope = EVENT_SCOPES[event];
      if (scope) why.set(scope, `the ${event} event`);
    }
    if ((manifest.features?.slash_commands ?? []).length > 0) why.set('commands', 'slash commands');
    return why;
  };

  it('declares every scope the code needs', () => {
    for (const [scope, reason] of needed()) {
      expect(declared, `${scope} is needed by ${reason}`).toContain(scope);
    }
  });

  it('declares no scope that nothing needs', () => {
    const justified = needed();
    const unneeded = declared.filter((scope) => !justified.has(scope));
    expect(unneeded, 'scopes in the manifest that no API call, event or command needs').toEqual([]);
  });
});
