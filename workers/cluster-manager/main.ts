import { ConfigError } from "../../lib/config/env";
import { parseProvisioningEnv } from "../../lib/provisioning/provisioning-env";
import { runWorker } from "../../lib/worker/run-worker";
import { setupClusterManager } from "./setup";

// runWorker validates only the variables every process shares; this checks
// the cluster manager's own before anything connects.
try {
  parseProvisioningEnv();
} catch (error: unknown) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`cluster-manager: ${error.message}\n`);
  // 78 is EX_CONFIG from sysexits.h: a supervisor should not restart in a loop.
  process.exit(78);
}

await runWorker({ service: "cluster-manager", setup: setupClusterManager });
