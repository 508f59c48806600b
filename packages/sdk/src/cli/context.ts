import { createAdgenClient, type AdgenClient } from "../client";
import { loadCredentials } from "../credentials";
import { readCliEnv } from "../env";
import type { CliFlags } from "./args";
import type { Output } from "./output";
import { NotLoggedInError } from "./usage";

/** What every command gets: its arguments, output, Ctrl-C signal and the way to a client. */
export interface CommandContext {
  args: string[];
  flags: CliFlags;
  out: Output;
  signal: AbortSignal;
  baseUrl: string;
  /** A client without a token (sign-up, log-in). */
  anonymous(): AdgenClient;
  /** A logged-in client, or NotLoggedInError (exit code 3). */
  client(): AdgenClient;
}

export async function createCommandContext(
  args: string[],
  flags: CliFlags,
  out: Output,
  signal: AbortSignal,
): Promise<CommandContext & { closeAll(): void }> {
  const env = readCliEnv();
  const saved = await loadCredentials();
  const baseUrl = env.ADGEN_URL ?? saved?.baseUrl ?? "http://localhost:3000";
  // A token saved for another server is never sent to this one.
  const token = env.ADGEN_TOKEN ?? (saved?.baseUrl === baseUrl ? saved.token : undefined);
  const opened: AdgenClient[] = [];
  const open = (withToken?: string) => {
    const client = createAdgenClient({ baseUrl, token: withToken });
    opened.push(client);
    return client;
  };
  return {
    args,
    flags,
    out,
    signal,
    baseUrl,
    anonymous: () => open(),
    client: () => {
      if (!token)
        throw new NotLoggedInError("Not logged in: run `adgen login` or set ADGEN_TOKEN.");
      return open(token);
    },
    closeAll: () => opened.forEach((client) => client.close()),
  };
}
