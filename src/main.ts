import { buildApp, SlackStartupError } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, cleartextWarnings, loadConfig, loadDotEnv } from './config.js';
import { openDatabase } from './db/database.js';
import { MigrationError } from './db/migrate.js';
import { chooseDrafter } from './features/drafts/drafters/choose-drafter.js';
import { createLogger } from './logger.js';
import { startScheduler } from './scheduler/scheduler.js';

async function main(): Promise<void> {
  loadDotEnv();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  for (const warning of cleartextWarnings(config)) logger.warn(warning);
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase({
      databaseUrl: config.database.url,
      dataDir: config.database.dataDir,
      onMigrated: (report) => {
        if (report.applied.length) logger.info({ applied: report.applied }, 'migrations applied');
        if (report.modified.length)
          logger.warn({ modified: report.modified }, 'applied migrations changed on disk since');
      },
    });
  } catch (error) {
    if (error instanceof MigrationError) {
      logger.fatal({ migration: error.migration }, error.message);
      process.exit(1);
    }
    throw error;
  }
  const deps = {
    db,
    clock: systemClock,
    logger,
    defaultTimezone: config.defaultTimezone,
    drafter: await chooseDrafter(config.openai, logger),
  };
  const tandem = buildApp(deps, { slack: config.slack, oauth: config.oauth });
  let port: number | undefined;
  try {
    port = await tandem.start(config.port);
  } catch (error) {
    if (error instanceof SlackStartupError) {
      logger.fatal(error.message);
      await db.close();
      process.exit(1);
    }
    throw error;
  }
  const scheduler = startScheduler(deps, tandem.clients, { retentionDays: config.dataRetentionDays });
  logger.info(
    {
      mode: config.slack.mode,
      port,
      database: db.kind,
      drafter: config.openai?.model ?? 'template',
      distribution: config.oauth ? 'oauth' : 'single-workspace',
    },
    config.slack.mode === 'socket'
      ? 'Tandem is connected over Socket Mode'
      : `Tandem listens on :${port}/slack/events`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    scheduler.stop();
    await tandem.stop().catch((err) => logger.warn({ err }, 'Slack app did not stop cleanly'));
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
