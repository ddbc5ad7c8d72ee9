import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Installation } from '@slack/bolt';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { systemClock } from '../../src/clock.js';
import { saveInstallation } from '../../src/core/stores/installations.js';
import { createTokenBox, keyFingerprint } from '../../src/crypto/token-box.js';
import { openDatabase } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { BACKENDS } from '../support/databases.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const TSX = join(root, 'node_modules/.bin/tsx');

const installationOf = (teamId: string, token: string): Installation =>
  ({
    team: { id: teamId },
    enterprise: undefined,
    user: { id: `U${teamId}`, token: undefined, scopes: undefined },
    bot: { token, userId: 'UBOT', id: 'BBOT', scopes: ['commands'] },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  }) as Installation;

/** `npm run tokens:rotate` as an operator runs it, against this database. */
async function rotate(url: string, env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/tokens-rotate.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: url, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe.each(BACKENDS)('npm run tokens:rotate on %s', (backend) => {
  let scratch: ScratchDatabase | undefined;
  afterEach(async () => {
    await scratch?.drop();
  });

  it('re-seals every token with the current key, keeps them openable, and never prints one', async () => {
    scratch =
      backend === 'embedded'
        ? await createScratchDatabase('tandem_rotate', {
            adminUrl: inject('embeddedAdminUrl'),
            template: inject('embeddedTemplate'),
          })
        : await createScratchDatabase('tandem_rotate', { template: inject('postgresTemplate') });
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const tokens = [
      `xoxb-rot-${randomBytes(8).toString('hex')}`,
      `xoxb-rot-${randomBytes(8).toString('hex')}`,
    ];
    const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '', poolSize: 2 });
    const deps = { db, clock: systemClock, logger: createLogger('silent'), defaultTimezone: 'UTC' };
    try {
      const before = createTokenBox(oldKey);
      await saveInstallation(deps, before, installationOf('TROT00001', tokens[0] ?? ''));
      await saveInstallation(deps, before, installationOf('TROT00002', tokens[1] ?? ''));

      const withoutOld = await rotate(scratch.url, { TANDEM_ENCRYPTION_KEY: newKey.toString('base64') });
      expect(withoutOld.code).toBe(1);
      expect(withoutOld.output).toContain(`sealed with key ${keyFingerprint(oldKey)}`);

      const env = {
        TANDEM_ENCRYPTION_KEY: newKey.toString('base64'),
        TANDEM_ENCRYPTION_KEYS_OLD: oldKey.toString('base64'),
      };
      const first = await rotate(scratch.url, env);
      expect(first.code, first.output).toBe(0);
      expect(first.output).toContain(
        `Re-sealed 2 token(s); 2 installation(s) now on key ${keyFingerprint(newKey)}`,
      );
      const again = await rotate(scratch.url, env);
      expect(again.output).toContain('Re-sealed 0 token(s); 2 installation(s)');

      const rows = await db.prisma.installation.findMany({ orderBy: { teamId: 'asc' } });
      const onlyNew = createTokenBox(newKey);
      expect(rows.map((r) => r.tokenKeyId)).toEqual([keyFingerprint(newKey), keyFingerprint(newKey)]);
      expect(rows.map((r) => onlyNew.open(r.botTokenSealed))).toEqual(tokens);
      for (const token of tokens) {
        for (const output of [withoutOld.output, first.output, again.output])
          expect(output).not.toContain(token);
        expect(JSON.stringify(rows)).not.toContain(token);
      }
    } finally {
      await db.close();
    }
  });
});
