// Prints one "N passed, N failed" line from vitest's and Playwright's JSON
// reports, because Playwright's own closing line is not of that form. Exits
// non-zero when a report is missing, a test failed or nothing ran.
import { readFile } from "node:fs/promises";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}

function vitestCounts(report: unknown): Counts | undefined {
  if (!report || typeof report !== "object") return undefined;
  const r = report as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    numTodoTests?: number;
  };
  if (typeof r.numPassedTests !== "number") return undefined;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function playwrightCounts(report: unknown): Counts | undefined {
  if (!report || typeof report !== "object") return undefined;
  const { stats, errors } = report as {
    stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
    errors?: unknown[];
  };
  if (!stats) return undefined;
  // A flaky test passed on retry, and an error outside the tests (a web server
  // that did not start) failed the run: both count as failures to look at.
  return {
    passed: stats.expected ?? 0,
    failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (errors?.length ?? 0),
    skipped: stats.skipped ?? 0,
  };
}

const [vitestPath, playwrightPath] = process.argv.slice(2);
const suites: Array<[string, Counts | undefined]> = [
  ["vitest", vitestCounts(await readJson(vitestPath ?? ""))],
  ["playwright", playwrightCounts(await readJson(playwrightPath ?? ""))],
];

const failedChecks = Number(process.env.FAILED_CHECKS ?? 0);
const total: Counts = { passed: 0, failed: failedChecks, skipped: 0 };
if (failedChecks > 0)
  process.stdout.write(`checks: ${failedChecks} of type check and lint failed\n`);
let missing = false;
for (const [name, counts] of suites) {
  if (!counts) {
    process.stdout.write(`${name}: no report, so the suite did not run to the end\n`);
    missing = true;
    continue;
  }
  process.stdout.write(
    `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
  );
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
if (missing || total.failed > 0 || total.passed === 0 || total.skipped > 0) process.exitCode = 1;
