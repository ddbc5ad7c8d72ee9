import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, cleartextWarnings, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { chooseDrafter } from './features/drafts/drafters/choose-drafter.js';
import { createLogger } from './logger.js';
import { startScheduler } from './scheduler/scheduler.js';
import { checkBeforeStart, loadSettingsFile } from './startup/checks.js';
import { resolveDataDir } from './startup/paths.js';
import { exitWithStartupFailure, type StartupContext } from './startup/report.js';

async function main(): Promise<void> {
  const envFile = loadSettingsFile();
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
  const context: StartupContext = { config, step: 'other' };
  for (const warning of cleartextWarnings(config)) logger.warn(warning);
  const dataDir = resolveDataDir(config.database.dataDir);
  logger.info(
    {
      envFile: envFile.state === 'read' ? envFile.file : null,
      dataDir: config.database.url ? null : dataDir,
    },
    'starting',
  );
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    await checkBeforeStart(config);
    context.step = 'database';
    db = await openDatabase({
      databaseUrl: config.database.url,
      dataDir,
      onLockTakenOver: (previous) =>
        logger.warn(
          { previous },
          'DATA_DIR was locked by a Tandem that is no longer running; lock taken over',
        ),
      onMigrated: (report) => {
        if (report.applied.length) logger.info({ applied: report.applied }, 'migrations applied');
        if (report.modified.length)
          logger.warn({ modified: report.modified }, 'applied migrations changed on disk since');
      },
    });
  } catch (error) {
    exitWithStartupFailure(error, context);
  }
  const deps = {
    db,
    clock: systemClock,
    logger,
    defaultTimezone: config.defaultTimezone,
    drafter: await chooseDrafter(config.openai, logger),
  };
  const tandem = buildApp(deps, { slack: config.slack });
  let port: number | undefined;
  try {
    context.step = 'listen';
    port = await tandem.start(config.port);
  } catch (error) {
    await db.close();
    exitWithStartupFailure(error, context);
  }
  const scheduler = startScheduler(deps, tandem.app.client);
  logger.info(
    { mode: config.slack.mode, port, database: db.kind, drafter: config.openai?.model ?? 'template' },
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
