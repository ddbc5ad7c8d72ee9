import { buildApp, SlackStartupError } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, cleartextWarnings, loadConfig, loadDotEnv } from './config.js';
import { openDatabase } from './db/database.js';
import { MigrationError } from './db/migrate.js';
import { chooseDrafter } from './features/drafts/drafters/choose-drafter.js';
import { createLogger } from './logger.js';
import { enableProcessMetrics } from './runtime/metrics.js';
import { prepareOperations } from './runtime/operations.js';
import { shutDown } from './runtime/shutdown.js';
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
  const ops = await prepareOperations(db, config.slack.mode);
  const tandem = buildApp(deps, { slack: config.slack, lifecycle: ops.lifecycle, routes: ops.routes });
  // Socket Mode has nothing listening on PORT: the probes get a server of their own, up before the
  // connection so that /readyz can say it is not connected yet.
  const opsServer =
    config.slack.mode === 'socket' ? await ops.serveSocketMode(tandem.app, config.port) : undefined;
  let port: number | undefined;
  try {
    port = await tandem.start(config.port);
  } catch (error) {
    if (error instanceof SlackStartupError) {
      logger.fatal(error.message);
      await opsServer?.close();
      await db.close();
      process.exit(1);
    }
    throw error;
  }
  ops.readiness.slackAuthChecked();
  enableProcessMetrics();
  const scheduler = startScheduler(deps, tandem.app.client);
  logger.info(
    { mode: config.slack.mode, port, database: db.kind, drafter: config.openai?.model ?? 'template' },
    config.slack.mode === 'socket'
      ? 'Tandem is connected over Socket Mode'
      : `Tandem listens on :${port}/slack/events`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const { drained } = await shutDown({
      lifecycle: ops.lifecycle,
      scheduler,
      app: tandem,
      opsServer,
      db,
      logger,
      timeoutMs: config.shutdownTimeoutMs,
    });
    process.exit(drained ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
