// Child of embedded-crash.test.ts: opens Tandem's embedded database in the given folder and adds
// initiatives through the real service (counter, row and ownership event in one transaction),
// printing `ACK <title>` only after each add has committed, until it is killed.
import { systemClock } from '../../../src/clock.js';
import { addInitiative } from '../../../src/core/stores/initiatives.js';
import { loadWorkspace } from '../../../src/core/team.js';
import { openDatabase } from '../../../src/db/database.js';
import type { Deps } from '../../../src/deps.js';
import { createLogger } from '../../../src/logger.js';

const [dataDir = '', team = 'TEMBED01', prefix = 'Crash'] = process.argv.slice(2);
const db = await openDatabase({ dataDir });
const deps: Deps = { db, clock: systemClock, logger: createLogger('silent'), defaultTimezone: 'UTC' };
const workspace = await loadWorkspace(deps, team);
console.log('READY');
for (let i = 0; ; i++) {
  const title = `${prefix} ${i}`;
  await addInitiative(
    deps,
    { teamId: team, userId: 'UWRITER01', source: 'command' },
    { title, ownerId: 'UOWNER001' },
    workspace,
  );
  console.log(`ACK ${title}`);
}
