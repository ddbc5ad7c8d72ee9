// Applies pending migrations to the configured database (DATABASE_URL, or the embedded database in DATA_DIR),
// exactly as start-up does; no Slack credentials needed.
import { ConfigError, loadDatabaseConfig, loadDotEnv } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { MigrationError } from '../src/db/migrate.js';

loadDotEnv();
try {
  const config = loadDatabaseConfig();
  const db = await openDatabase({
    databaseUrl: config.url,
    dataDir: config.dataDir,
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
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
