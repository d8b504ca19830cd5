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
  const url = await createTestDatabase("swiftcloud_test_integration");
  project.provide("databaseUrl", url);
}
