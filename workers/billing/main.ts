import { billingEnv } from "../../lib/billing/billing-env";
import { ConfigError } from "../../lib/config/env";
import { runWorker } from "../../lib/worker/run-worker";
import { setupBilling } from "./setup";

// The billing variables are checked before anything connects, so a bad one
// stops the process with a message naming it.
try {
  billingEnv();
} catch (error: unknown) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`billing: ${error.message}\n`);
  // 78 is EX_CONFIG from sysexits.h: a supervisor should not restart in a loop.
  process.exit(78);
}

await runWorker({ service: "billing", setup: setupBilling });
