// Applies or creates migrations without Prisma's native engine.
//   tsx scripts/db/migrate.ts deploy          apply pending migrations
//   tsx scripts/db/migrate.ts create NAME     write the first migration
//   tsx scripts/db/migrate.ts schema          print SQL for the whole schema
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { connectionFields, openSchemaEngine } from "./schema-engine";

const root = path.resolve(import.meta.dirname, "../..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const migrationsDir = path.join(root, "prisma/migrations");
const noFilter = { externalTables: [], externalEnums: [] };

async function listMigrations(): Promise<MigrationList> {
  await mkdir(migrationsDir, { recursive: true });
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder) => ({
      path: folder,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await readFile(path.join(migrationsDir, folder, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lock = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const fields = connectionFields(databaseUrl);
  const client = new pg.Client({ ...fields, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [
      fields.database,
    ]);
    if (found.rowCount === 0) {
      await client.query(`create database "${fields.database.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}

/** Applies every migration folder not yet recorded in `_prisma_migrations`. */
export async function deployMigrations(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const schema = await readFile(schemaPath, "utf8");
  const engine = await openSchemaEngine(databaseUrl, schemaPath, schema);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await listMigrations(),
      filters: noFilter,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * Returns the SQL that creates the whole `schema.prisma` schema in an empty
 * database. The wasm engine cannot diff from existing migrations or a live
 * database: with @prisma/adapter-pg 7.10 its introspection fails on
 * PostgreSQL's internal "char" columns. A later migration is therefore written
 * by hand from this output, and the migration test proves the two agree.
 */
export async function schemaSql(databaseUrl: string): Promise<string> {
  await ensureDatabase(databaseUrl);
  const schema = await readFile(schemaPath, "utf8");
  const engine = await openSchemaEngine(databaseUrl, schemaPath, schema);
  try {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}

async function createFirstMigration(databaseUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`invalid migration name "${name}": use lowercase letters, digits and _`);
  }
  const existing = await listMigrations();
  if (existing.migrationDirectories.length > 0) {
    throw new Error(
      "migrations exist already: write the next migration.sql by hand, " +
        "using `migrate.ts schema` for the target SQL",
    );
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), await schemaSql(databaseUrl));
  await writeFile(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  process.stdout.write(`created ${path.relative(root, folder)}/migration.sql\n`);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/swiftcloud";
  const [command, name] = process.argv.slice(2);
  if (command === "deploy") {
    const applied = await deployMigrations(databaseUrl);
    process.stdout.write(
      `migrations applied: ${applied.length ? applied.join(", ") : "none pending"}\n`,
    );
  } else if (command === "create" && name) {
    await createFirstMigration(databaseUrl, name);
  } else if (command === "schema") {
    process.stdout.write(await schemaSql(databaseUrl));
  } else {
    process.stderr.write("usage: migrate.ts deploy | create NAME | schema\n");
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
