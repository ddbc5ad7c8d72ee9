// Applies pending migrations to the configured database (DATABASE_URL, or the embedded database in DATA_DIR),
// exactly as start-up does; no Slack credentials needed.
import { ConfigError, loadDatabaseConfig } from '../src/config.js';
import { DataDirError } from '../src/db/data-dir-error.js';
import { openDatabase } from '../src/db/database.js';
import { MigrationError } from '../src/db/migrate.js';
import { loadSettingsFile } from '../src/startup/checks.js';
import { resolveDataDir } from '../src/startup/paths.js';

// The same .env and DATA_DIR as `npm start`, whichever folder this is run from.
loadSettingsFile();
try {
  const config = loadDatabaseConfig();
  const db = await openDatabase({
    databaseUrl: config.url,
    dataDir: resolveDataDir(config.dataDir),
    onMigrated: (report) => {
      for (const name of report.applied) console.log(`applied   ${name}`);
      for (const name of report.modified)
        console.warn(`modified  ${name} (changed on disk after it was applied)`);
      console.log(
        report.applied.length === 0
          ? `Database is up to date (${report.alreadyApplied.length} migrations).`
          : `Applied ${report.applied.length} migration(s).`,
      );
    },
  });
  await db.close();
} catch (error) {
  if (error instanceof ConfigError || error instanceof MigrationError || error instanceof DataDirError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
