import { createServer } from 'node:net';
import { StartupFailure } from './failure.js';

/** An HTTP listen refusal (port taken, or reserved for root) as a start-up failure, else null. */
export function classifyListenError(error: unknown, port: number): StartupFailure | null {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new StartupFailure(
      `port ${port} is already in use by another program`,
      'PORT',
      'stop that program, or set PORT to a free port',
      { cause: error },
    );
  if (code === 'EACCES')
    return new StartupFailure(
      `port ${port} may only be opened by a privileged user`,
      'PORT',
      'set PORT to 1024 or above, and put a proxy in front if Slack must reach port 80 or 443',
      { cause: error },
    );
  return null;
}

/**
 * Tries the port before the database is opened and migrated, so a port in use is reported first.
 * Another program could still take it meanwhile; the listen itself is classified the same way.
 */
export async function checkPortFree(port: number, host = '0.0.0.0'): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) => reject(classifyListenError(error, port) ?? error));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
