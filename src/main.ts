import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, cleartextWarnings, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { chooseDrafter } from './features/drafts/drafters/choose-drafter.js';
import { createLogger } from './logger.js';
import { enableProcessMetrics } from './runtime/metrics.js';
import { prepareOperations } from './runtime/operations.js';
import { shutDown } from './runtime/shutdown.js';
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
  const ops = await prepareOperations(db, config.slack.mode);
  const tandem = buildApp(deps, {
    slack: config.slack,
    oauth: config.oauth,
    lifecycle: ops.lifecycle,
    routes: ops.routes,
  });
  let port: number | undefined;
  let opsServer: Awaited<ReturnType<typeof ops.serveSocketMode>> | undefined;
  try {
    context.step = 'listen';
    // Socket Mode has nothing listening on PORT: the probes get a server of their own, up before
    // the connection so that /readyz can say it is not connected yet.
    if (config.slack.mode === 'socket') opsServer = await ops.serveSocketMode(tandem.app, config.port);
    port = await tandem.start(config.port);
  } catch (error) {
    await opsServer?.close();
    await db.close();
    exitWithStartupFailure(error, context);
  }
  ops.readiness.slackAuthChecked();
  enableProcessMetrics();
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
