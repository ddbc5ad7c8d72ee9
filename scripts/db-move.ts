// Copies the embedded database (DATA_DIR) into a PostgreSQL server, for a team moving to replicas:
//   npm run db:move -- --to postgres://user:password@host:5432/tandem [--force] [--data-dir ./data]
// Stop Tandem first. The target is migrated, filled in one transaction and checked table by table.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDatabaseConfig } from '../src/config.js';
import { DatabaseMoveError } from '../src/db/move/move-database.js';
import { moveEmbeddedTo } from '../src/db/move/move-embedded.js';
import { loadSettingsFile } from '../src/startup/checks.js';
import { resolveDataDir } from '../src/startup/paths.js';

const USAGE =
  'Usage: npm run db:move -- --to postgres://user:password@host:5432/tandem [--force] [--data-dir ./data]\n' +
  '  --to        the PostgreSQL to copy into (migrated first; must be empty unless --force)\n' +
  '  --force     empty the target first when it already holds data\n' +
  '  --data-dir  the embedded database folder (default: DATA_DIR, else data/ in the project folder)';

loadSettingsFile();
try {
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      force: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.to) throw new DatabaseMoveError(`--to is required.\n${USAGE}`);
  // A folder typed on the command line is the shell's; DATA_DIR is the project folder's, as for npm start.
  const dataDir = values['data-dir']
    ? path.resolve(values['data-dir'])
    : resolveDataDir(loadDatabaseConfig({ ...process.env, DATABASE_URL: '' }).dataDir);
  console.log(`Moving the embedded database in ${dataDir} …`);
  const report = await moveEmbeddedTo({
    dataDir,
    targetUrl: values.to,
    force: values.force,
    onMigrated: (side, migrated) => {
      if (migrated.applied.length > 0) console.log(`${side}: applied ${migrated.applied.join(', ')}`);
    },
  });
  if (report.overwritten.length > 0) console.log(`Emptied first (--force): ${report.overwritten.join(', ')}`);
  const width = Math.max(...report.tables.map((t) => t.table.length));
  for (const t of report.tables)
    console.log(`${t.table.padEnd(width)}  ${String(t.rows).padStart(8)} rows  md5 ${t.md5}`);
  for (const s of report.sequences) console.log(`sequence ${s.name} at ${s.lastValue}`);
  const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Copied ${rows} rows in ${report.tables.length} tables; counts and checksums match on both sides. ` +
      'Set DATABASE_URL to the target and start Tandem.',
  );
} catch (error) {
  // Every failure here (a bad flag, DATA_DIR in use, a refused or failed move) is one the person
  // can act on from its message alone; a stack trace would only bury it.
  const message = error instanceof Error ? error.message : String(error);
  const badFlag =
    error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
  console.error(badFlag ? `${message}\n${USAGE}` : message);
  process.exit(1);
}
