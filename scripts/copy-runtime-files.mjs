// tsc compiles only TypeScript; the embedded database's worker is plain JavaScript and must sit
// beside the compiled database.js that starts it.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist/db', { recursive: true });
copyFileSync('src/db/pglite-server.mjs', 'dist/db/pglite-server.mjs');
