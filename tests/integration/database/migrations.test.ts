import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { deployMigrations, schemaSql } from "../../../scripts/db/migrate";
import { testDatabaseUrl } from "../../support/test-database";

const migratedName = "swiftcloud_test_migrated";
const fromSchemaName = "swiftcloud_test_from_schema";

async function recreate(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl("postgres") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Returns the schema of a database as pg_dump prints it, without the migration log. */
function dumpSchema(name: string): string {
  const url = new URL(testDatabaseUrl(name));
  const output = execFileSync(
    "pg_dump",
    [
      "--schema-only",
      "--no-owner",
      "--no-privileges",
      "--exclude-table=_prisma_migrations",
      "-h",
      url.hostname,
      "-p",
      url.port || "5432",
      "-U",
      url.username || "postgres",
      name,
    ],
    { encoding: "utf8" },
  );
  // Comment and \restrict lines carry timestamps or random keys.
  return output
    .split("\n")
    .filter((line) => !line.startsWith("--") && !line.startsWith("\\"))
    .join("\n")
    .trim();
}

describe("migrations", () => {
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: testDatabaseUrl("postgres") });
    await admin.connect();
    await admin.query(`drop database if exists "${migratedName}" with (force)`);
    await admin.query(`drop database if exists "${fromSchemaName}" with (force)`);
    await admin.end();
  });

  it("produce the schema that schema.prisma describes", async () => {
    await recreate(migratedName);
    const applied = await deployMigrations(testDatabaseUrl(migratedName));
    expect(applied.length).toBeGreaterThan(0);

    await recreate(fromSchemaName);
    const client = new pg.Client({ connectionString: testDatabaseUrl(fromSchemaName) });
    await client.connect();
    await client.query(await schemaSql(testDatabaseUrl(fromSchemaName)));
    await client.end();

    const migrated = dumpSchema(migratedName);
    expect(migrated).toContain('CREATE TABLE public."Invoice"');
    expect(migrated).toBe(dumpSchema(fromSchemaName));
  });

  it("apply nothing the second time", async () => {
    await recreate(migratedName);
    await deployMigrations(testDatabaseUrl(migratedName));
    expect(await deployMigrations(testDatabaseUrl(migratedName))).toEqual([]);
  });
});
