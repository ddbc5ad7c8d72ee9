import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';

type EngineModule = typeof import('@prisma/schema-engine-wasm');

let loaded: Promise<EngineModule> | undefined;

type WasmExports = Record<string, unknown>;
// @types/node declares no WebAssembly global; this is the one call we make.
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: WasmExports } }>;
    };
  }
).WebAssembly;

/**
 * Prisma's schema engine compiled to WebAssembly, loaded by hand: its ESM entry imports a
 * `.wasm` file directly, which Node 20 refuses without flags, and the native engine the CLI
 * uses must be downloaded from a host this network cannot reach.
 */
function loadEngineModule(): Promise<EngineModule> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package hides package.json behind `exports`; the JS glue's path leads to its folder.
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import(glue)) as EngineModule & { __wbg_set_wasm(exports: WasmExports): void };
    const bytes = await readFile(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return loaded;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Introspection reads catalog columns of PostgreSQL's one-byte `"char"` type (relkind, contype…),
 * which @prisma/adapter-pg refuses to decode. They are plain text to the engine, so the client
 * reports them as text.
 */
class CatalogFriendlyClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this wrapper forwards them all.
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => last(err, err ? res : asText(res));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const result = (super.query as (...a: any[]) => unknown)(...args);
    return result instanceof Promise ? result.then(asText) : result;
  }
}

function asText(res: pg.QueryResult): pg.QueryResult {
  for (const field of res?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  return res;
}

export interface EngineHandle {
  engine: SchemaEngine;
  close(): void;
}

/** The engine needs a live PostgreSQL even to diff two schemas; `url` names it. */
export async function openSchemaEngine(
  url: string,
  schema: { path: string; content: string },
): Promise<EngineHandle> {
  const { SchemaEngine } = await loadEngineModule();
  const pool = new pg.Pool({ connectionString: url, Client: CatalogFriendlyClient });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (line: string) => logs.push(line),
    adapter,
  );
  return { engine, close: () => engine.free() };
}

/** A PostgreSQL script that takes the database from `from` to `to` (empty string: nothing to do). */
export async function diffScript(handle: EngineHandle, from: DiffTarget, to: DiffTarget): Promise<string> {
  const result = await handle.engine.diff({
    from,
    to,
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return (result as { stdout?: string }).stdout ?? '';
}
