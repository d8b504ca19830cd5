// Drives Prisma's schema engine compiled to WebAssembly, because the CLI's
// native engine is a download that cannot succeed on a machine without
// internet access. The folders and the `_prisma_migrations` table it writes
// are the standard ones, so `prisma migrate deploy` keeps working elsewhere.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);
let instantiated = false;

/** Loads the engine's wasm module once per process. */
async function loadWasm(): Promise<void> {
  if (instantiated) return;
  // Node 20 cannot `import` a .wasm file, so instantiate it from its bytes.
  // The package exports no .wasm subpath, so locate it beside the bindings.
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const path = bindingsPath.replace(/schema_engine_bg\.js$/, "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(path), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
  bindings.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  instantiated = true;
}

/** Discrete connection fields, because pg lets a URL override the database name. */
export function connectionFields(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, ""),
  };
}

/** Opens a schema engine connected to the database at `databaseUrl`. */
export async function openSchemaEngine(
  databaseUrl: string,
  schemaPath: string,
  schema: string,
): Promise<SchemaEngine> {
  await loadWasm();
  const factory = new PrismaPg(connectionFields(databaseUrl));
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const log = (message: string) => {
    if (process.env.SCHEMA_ENGINE_DEBUG) process.stderr.write(`${message}\n`);
  };
  return bindings.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, adapter);
}
