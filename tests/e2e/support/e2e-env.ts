/** Settings of the portal the browser tests start, apart from development data. */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eDatabaseName = "swiftcloud_test_e2e";
export const e2eBrokerPrefix = "swiftcloud-test-e2e";
