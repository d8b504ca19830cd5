import path from "node:path";
import { parseArgs } from "node:util";
import amqp from "amqplib";
import { baseEnvSchema, ConfigError, parseEnv } from "../lib/config/env";
import { DeadLetterRequestError, type DeadLetterSummary } from "../lib/messaging/dead-letter-queue";
import { listDeadLetters } from "../lib/messaging/list-dead-letters";
import { replayDeadLetters } from "../lib/messaging/replay-dead-letters";
import { topologyFor } from "../lib/messaging/topology";
import { billingConsumerNames } from "../workers/billing/setup";
import { paymentsConsumer } from "../workers/cluster-manager/setup";

/** Consumers whose dead-letter queues `list` reads when no --consumer is given. */
const knownConsumers = [...billingConsumerNames, paymentsConsumer];

const usage = `Usage:
  dead-letters list [--consumer NAME]
      Print the dead letters of one consumer, or of every consumer of the
      portal, and leave them in their queues.
  dead-letters replay --consumer NAME (--id CE_ID ... | --all)
      Move the dead letters with these CloudEvents ids (or all of them) back
      to the consumer's queue, with the attempt counter reset.

Reads AMQP_URL and BROKER_PREFIX from the environment.
Known consumers: ${knownConsumers.join(", ")}`;

/** Output streams of the command: `out` for results, `err` for errors and notes. */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

class UsageError extends Error {}

/**
 * Runs the dead-letter tool with command-line `args` against the broker in
 * `env`, and returns the exit code: 0 done, 1 request failed (a missing
 * consumer or id, a broker error), 2 invalid usage, 78 invalid environment.
 */
export async function runDeadLettersCommand(
  args: string[],
  env: Record<string, string | undefined>,
  output: CommandOutput,
): Promise<number> {
  let command: ParsedCommand;
  let config;
  try {
    command = parseCommand(args);
    config = parseEnv(baseEnvSchema.pick({ AMQP_URL: true, BROKER_PREFIX: true }), env);
  } catch (error: unknown) {
    if (error instanceof UsageError) {
      output.err(`${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      output.err(error.message);
      return 78;
    }
    throw error;
  }
  if (command.name === "help") {
    output.out(usage);
    return 0;
  }

  const topology = topologyFor(config.BROKER_PREFIX);
  let connection;
  try {
    connection = await amqp.connect(config.AMQP_URL, {
      clientProperties: { connection_name: "dead-letters" },
    });
  } catch (error: unknown) {
    output.err(`failed to connect to the broker: ${errorMessage(error)}`);
    return 1;
  }
  try {
    if (command.name === "list") {
      const consumers = command.consumer ? [command.consumer] : knownConsumers;
      const rows: DeadLetterSummary[] = [];
      for (const consumer of consumers) {
        try {
          rows.push(...(await listDeadLetters(connection, topology, consumer)));
        } catch (error: unknown) {
          // Without --consumer, a worker that never started has no queues yet.
          if (!(error instanceof DeadLetterRequestError) || command.consumer) throw error;
          output.err(`skipped ${consumer}: ${error.message}`);
        }
      }
      printTable(rows, output);
      return 0;
    }
    const replayed = await replayDeadLetters(
      connection,
      topology,
      command.consumer,
      command.all ? { all: true } : { ids: command.ids },
    );
    for (const row of replayed) {
      output.out(`replayed ${row.id} (${row.type}) to ${topology.queue(command.consumer)}`);
    }
    output.out(`${replayed.length} dead letter(s) replayed`);
    return 0;
  } catch (error: unknown) {
    output.err(errorMessage(error));
    return 1;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

type ParsedCommand =
  | { name: "help" }
  | { name: "list"; consumer: string | undefined }
  | { name: "replay"; consumer: string; ids: string[]; all: boolean };

function parseCommand(args: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        consumer: { type: "string" },
        id: { type: "string", multiple: true },
        all: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error: unknown) {
    throw new UsageError(errorMessage(error));
  }
  const { values, positionals } = parsed;
  const [name, ...extra] = positionals;
  if (values.help || name === "help" || name === undefined) return { name: "help" };
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra.join(" ")}`);

  if (name === "list") {
    if (values.id || values.all) throw new UsageError("list takes only --consumer");
    return { name, consumer: values.consumer };
  }
  if (name === "replay") {
    if (!values.consumer) throw new UsageError("replay needs --consumer NAME");
    const ids = values.id ?? [];
    const all = values.all ?? false;
    const hasIds = ids.length > 0;
    if (all === hasIds) throw new UsageError("replay needs either --id CE_ID or --all");
    return { name, consumer: values.consumer, ids, all };
  }
  throw new UsageError(`unknown command ${name}, expected list or replay`);
}

function printTable(rows: DeadLetterSummary[], output: CommandOutput): void {
  const header = ["consumer", "ce-id", "ce-type", "attempts", "dead-lettered-at", "reason"];
  const cells = rows.map((row) => [
    row.consumer,
    row.id,
    row.type,
    row.attempts === undefined ? "-" : String(row.attempts),
    row.deadLetteredAt ?? "-",
    // One line per message, so a multi-line error message is flattened.
    row.reason.replace(/\s+/g, " "),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column]?.length ?? 0)),
  );
  for (const line of [header, ...cells]) {
    // The last column is not padded, so lines carry no trailing spaces.
    const padded = line.map((cell, column) =>
      column === line.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
    );
    output.out(padded.join("  "));
  }
  output.out(`${rows.length} dead letter(s)`);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const output: CommandOutput = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  runDeadLettersCommand(process.argv.slice(2), process.env, output).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`dead-letters failed: ${errorMessage(error)}\n`);
      process.exitCode = 1;
    },
  );
}
