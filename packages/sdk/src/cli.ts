#!/usr/bin/env -S node --import tsx
/**
 * `adgen`: the command-line face of the SDK (see `adgen --help` and the README). In the
 * repository it runs from source through tsx (`pnpm adgen …`); the package's bin is the
 * built dist/cli.js.
 */
import { loginOrSignup, logout } from "./cli/account-commands";
import { parseCli } from "./cli/args";
import { batchCommand } from "./cli/batch-command";
import { createCommandContext } from "./cli/context";
import { describeFailure, exitCodeFor, failureDocument } from "./cli/failure";
import { MAKE_FLAGS, makeCommand } from "./cli/make-command";
import { createOutput } from "./cli/output";
import { costs, download, list, remove, status } from "./cli/session-commands";
import { USAGE } from "./cli/usage";
import { watchCommand } from "./cli/watch-command";
import type { CommandContext } from "./cli/context";

const COMMANDS: Record<string, (ctx: CommandContext) => Promise<void>> = {
  login: (ctx) => loginOrSignup(ctx, "login"),
  signup: (ctx) => loginOrSignup(ctx, "signup"),
  logout,
  make: makeCommand,
  batch: batchCommand,
  list,
  status,
  watch: watchCommand,
  costs,
  download,
  delete: remove,
};

async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const out = createOutput({ json, quiet: argv.includes("--quiet") || argv.includes("-q") });
  // First Ctrl-C: stop waiting cleanly and say how to resume. Second: leave at once.
  const interrupt = new AbortController();
  process.on("SIGINT", () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  });
  let closeAll = () => {};
  try {
    const { command, args, flags } = parseCli(argv);
    if (command === "help") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const ctx = await createCommandContext(args, flags, out, interrupt.signal);
    closeAll = ctx.closeAll;
    await COMMANDS[command]!(ctx);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (json) process.stdout.write(`${JSON.stringify(failureDocument(error))}\n`);
    else process.stderr.write(`adgen: ${describeFailure(error, MAKE_FLAGS)}\n`);
    return exitCodeFor(error);
  } finally {
    closeAll();
  }
}

process.exit(await main(process.argv.slice(2)));
