/**
 * A data folder the embedded database cannot use, said as what is wrong and what to do, so that
 * start-up can name DATA_DIR in its one-line failure while other callers keep the whole sentence.
 */
export class DataDirError extends Error {
  constructor(
    readonly what: string,
    readonly todo: string,
    options?: ErrorOptions & {
      /** What to change when it is not DATA_DIR itself (the PostgreSQL binaries' folder). */
      setting?: string;
    },
  ) {
    super(`${what}. ${todo}`, options);
    this.name = 'DataDirError';
    this.setting = options?.setting ?? 'DATA_DIR';
  }

  readonly setting: string;
}

/** Turns a file-system refusal met while preparing `dataDir` into what a person can act on. */
export function unusableDataDir(dataDir: string, error: unknown): Error {
  const { code, path: at } = error as NodeJS.ErrnoException;
  const where = at && at !== dataDir ? ` (at ${at})` : '';
  const pick = 'Point DATA_DIR at a folder Tandem may create and write, or fix its permissions';
  switch (code) {
    case 'ENOTDIR':
      return new DataDirError(`DATA_DIR ${dataDir} lies under a file, not a folder${where}`, pick, {
        cause: error,
      });
    case 'EEXIST':
      return new DataDirError(`DATA_DIR ${dataDir} is a file, not a folder`, pick, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new DataDirError(`DATA_DIR ${dataDir} may not be written by this user${where}`, pick, {
        cause: error,
      });
    case 'EROFS':
      return new DataDirError(`DATA_DIR ${dataDir} is on a read-only file system`, pick, { cause: error });
    case 'ENOSPC':
      return new DataDirError(`DATA_DIR ${dataDir} is on a full disk`, 'Free some space, or move DATA_DIR', {
        cause: error,
      });
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
