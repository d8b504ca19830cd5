import "vitest";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** Creates the integration tests' own database once per run. */
export default async function setup(project: TestProject): Promise<void> {
  // TEST_DATABASE_NAME lets two runs on one server keep apart.
  const url = await createTestDatabase(
    process.env.TEST_DATABASE_NAME ?? "swiftcloud_test_integration",
  );
  project.provide("databaseUrl", url);
}
