// Runs the web process and both workers in one terminal, each line prefixed
// with its process name. Ctrl-C or SIGTERM stops all three; if one exits on
// its own, the others are stopped too, so a broken start is never half up.
import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";

const processes = [
  { name: "web", script: "server.ts" },
  { name: "billing", script: "workers/billing/main.ts" },
  { name: "cluster", script: "workers/cluster-manager/main.ts" },
];

const width = Math.max(...processes.map((p) => p.name.length));
const children: ChildProcess[] = [];
let stopping = false;
/** Exit code of the first process that ended on its own, which the whole run reports. */
let firstExitCode: number | undefined;

const levels: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};

/** Shortens a pino JSON line to "12:00:01 INFO  event key=value"; other lines pass unchanged. */
function readable(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const {
      time,
      level,
      msg,
      service: _service,
      pid: _pid,
      hostname: _hostname,
      ...fields
    } = JSON.parse(line) as Record<string, unknown>;
    const clock = typeof time === "number" ? new Date(time).toISOString().slice(11, 19) : "";
    const rest = Object.entries(fields)
      .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
      .join(" ");
    return `${clock} ${(levels[Number(level)] ?? String(level)).padEnd(5)} ${String(msg ?? "")} ${rest}`.trimEnd();
  } catch {
    return line;
  }
}

function prefixLines(
  stream: NodeJS.ReadableStream,
  name: string,
  out: NodeJS.WritableStream,
): void {
  const lines = readline.createInterface({ input: stream });
  lines.on("line", (line) => {
    out.write(`${name.padEnd(width)} | ${readable(line)}\n`);
    if (name === "web" && line.includes('"web.listening"')) {
      const url = process.env.NEXTAUTH_URL ?? "http://localhost:3000";
      out.write(`\n  SwiftCloud portal is up: ${url}  (Ctrl-C stops it)\n\n`);
    }
  });
}

function stopAll(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}

for (const { name, script } of processes) {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "pipe", "pipe"],
    env: process.env,
  });
  children.push(child);
  if (child.stdout) prefixLines(child.stdout, name, process.stdout);
  if (child.stderr) prefixLines(child.stderr, name, process.stderr);
  child.on("exit", (code, signal) => {
    process.stdout.write(`${name.padEnd(width)} | exited with ${signal ?? `code ${code}`}\n`);
    // A process that ends before anyone asked it to has failed, whatever its code.
    if (!stopping) firstExitCode = code && code !== 0 ? code : 1;
    stopAll("SIGTERM");
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
      process.exit(firstExitCode ?? 0);
    }
  });
}

process.on("SIGINT", () => stopAll("SIGTERM"));
process.on("SIGTERM", () => stopAll("SIGTERM"));
