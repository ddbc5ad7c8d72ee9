import type { Clock } from './clock.js';
import type { Database } from './db/database.js';
import type { Drafter } from './domain/drafts/drafter.js';
import type { Logger } from './logger.js';

/** Everything a feature needs, passed down once; nothing reads globals or the environment. */
export interface Deps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Time zone given to a workspace Tandem sees for the first time. */
  defaultTimezone: string;
  /** Writes social posts from a press release; without one, the offline template drafter. */
  drafter?: Drafter;
}
