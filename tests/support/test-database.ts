import pg from "pg";
import { deployMigrations } from "../../scripts/db/migrate";
import { seedCatalog } from "../../prisma/seed";

/** URL of the test server's database `name`; the host comes from TEST_POSTGRES_URL. */
export function testDatabaseUrl(name: string): string {
  const server = new URL(
    process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  );
  server.pathname = `/${name}`;
  return server.toString();
}

/** Drops and recreates database `name`, applies the migrations and seeds the catalog. */
export async function createTestDatabase(name: string): Promise<string> {
  if (!/^swiftcloud_test_[a-z0-9_]+$/.test(name)) {
    throw new Error(`refusing to recreate "${name}": test databases are named swiftcloud_test_*`);
  }
  const url = testDatabaseUrl(name);
  const admin = new pg.Client({ connectionString: testDatabaseUrl("postgres") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  await deployMigrations(url);
  await seedCatalog(url);
  return url;
}
