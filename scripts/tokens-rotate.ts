// Re-seals every stored Slack token with TANDEM_ENCRYPTION_KEY. Run it after moving the previous
// key into TANDEM_ENCRYPTION_KEYS_OLD; once it reports every row on the current key, the old key
// may be dropped. Safe to run again, and while Tandem is serving (a reinstall meanwhile wins).

import { systemClock } from '../src/clock.js';
import { ConfigError, loadDatabaseConfig, loadEncryptionKeys } from '../src/config.js';
import { resealInstallations } from '../src/core/stores/installations.js';
import { createTokenBox, TokenBoxError } from '../src/crypto/token-box.js';
import { openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { loadSettingsFile } from '../src/startup/checks.js';
import { resolveDataDir } from '../src/startup/paths.js';

loadSettingsFile();
try {
  const database = loadDatabaseConfig();
  const keys = loadEncryptionKeys();
  const box = createTokenBox(keys.encryptionKey, keys.oldEncryptionKeys);
  const db = await openDatabase({ databaseUrl: database.url, dataDir: resolveDataDir(database.dataDir) });
  try {
    const deps = { db, clock: systemClock, logger: createLogger('warn'), defaultTimezone: 'UTC' };
    const { resealed, current } = await resealInstallations(deps, box);
    console.log(`Re-sealed ${resealed} token(s); ${current} installation(s) now on key ${box.currentKeyId}.`);
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof TokenBoxError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
