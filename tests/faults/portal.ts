// Starts the web process and both workers as separate child processes, each
// in its own process group, so a fault can kill one of them with SIGKILL and
// the suite can stop every group on exit.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

export type ProcessName = "web" | "billing" | "cluster-manager";

const entryPoints: Record<ProcessName, string> = {
  web: "server.ts",
  billing: "workers/billing/main.ts",
  "cluster-manager": "workers/cluster-manager/main.ts",
};

/** Log line each process prints once it is ready for work. */
const readyEvents: Record<ProcessName, string> = {
  web: '"web.listening"',
  billing: '"worker.started"',
  "cluster-manager": '"worker.started"',
};

/** Maximum wait for a process to print its ready line. */
const startTimeoutMs = 60_000;

export class Portal {
  private readonly children = new Map<ProcessName, ChildProcess>();
  /** Processes the suite is killing or stopping, whose exit is expected. */
  private readonly expectedExits = new Set<ChildProcess>();
  /** Processes that exited without being asked to, like "web exited with code 1". */
  readonly unexpectedExits: string[] = [];
  private stopping = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDirectory: string,
  ) {
    mkdirSync(logDirectory, { recursive: true });
  }

  /** Starts all three processes and waits until each is ready. */
  async startAll(): Promise<void> {
    await Promise.all((Object.keys(entryPoints) as ProcessName[]).map((name) => this.start(name)));
  }

  /** Starts `name` with its log appended to `<logDirectory>/<name>.log`, and waits until it is ready. */
  async start(name: ProcessName): Promise<void> {
    const log = createWriteStream(path.join(this.logDirectory, `${name}.log`), { flags: "a" });
    const child = spawn(process.execPath, ["--import", "tsx", entryPoints[name]], {
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
      // A process group of its own, so a kill reaches every process it started.
      detached: true,
    });
    this.children.set(name, child);
    child.once("exit", (code, signal) => {
      if (this.expectedExits.has(child) || this.stopping) return;
      this.unexpectedExits.push(`${name} exited with ${signal ?? `code ${code}`}`);
      // Started again so the remaining faults still run, and the exit stays recorded as a failure.
      this.start(name).catch((error: unknown) => {
        this.unexpectedExits.push(`${name} could not be restarted: ${String(error)}`);
      });
    });
    child.stderr?.pipe(log, { end: false });

    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${name} did not log ${readyEvents[name]} within ${startTimeoutMs} ms`));
      }, startTimeoutMs);
      let buffered = "";
      let ready = false;
      child.stdout?.on("data", (chunk: Buffer) => {
        log.write(chunk);
        if (ready) return;
        buffered += chunk.toString("utf8");
        if (buffered.includes(readyEvents[name])) {
          ready = true;
          buffered = "";
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        if (!ready)
          reject(new Error(`${name} exited with ${signal ?? `code ${code}`} before it was ready`));
      });
    });
  }

  /** Kills `name`'s process group with SIGKILL and waits for the process to exit. */
  async kill(name: ProcessName): Promise<void> {
    const child = this.children.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.expectedExits.add(child);
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child, "SIGKILL");
    await exited;
  }

  /** Kills `name` with SIGKILL and starts it again. */
  async restart(name: ProcessName): Promise<void> {
    await this.kill(name);
    await this.start(name);
  }

  /** Returns whether `name` is running. */
  isRunning(name: ProcessName): boolean {
    const child = this.children.get(name);
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** Sends SIGTERM to every process group, then SIGKILL to those still running after `graceMs`. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const running = [...this.children.values()].filter(
      (child) => child.exitCode === null && child.signalCode === null,
    );
    const exits = running.map(
      (child) => new Promise<void>((resolve) => child.once("exit", () => resolve())),
    );
    for (const child of running) {
      this.expectedExits.add(child);
      signalGroup(child, "SIGTERM");
    }
    const timer = setTimeout(() => {
      for (const child of running) signalGroup(child, "SIGKILL");
    }, graceMs);
    await Promise.all(exits);
    clearTimeout(timer);
  }

  /** Synchronous last resort for process exit handlers: SIGKILL to every group. */
  killAllNow(): void {
    this.stopping = true;
    for (const child of this.children.values()) {
      this.expectedExits.add(child);
      signalGroup(child, "SIGKILL");
    }
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group has exited already.
  }
}
