import { chmod, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { z } from "zod";

const credentialsSchema = z.object({ baseUrl: z.string(), token: z.string(), email: z.string() });
export type Credentials = z.infer<typeof credentialsSchema>;

const file = () => path.join(homedir(), ".config", "adgen", "credentials.json");

/** Saved by `adgen login`, readable by this user only. */
export async function saveCredentials(credentials: Credentials): Promise<string> {
  const target = file();
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await writeFile(target, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  await chmod(target, 0o600);
  return target;
}

export async function loadCredentials(): Promise<Credentials | null> {
  try {
    return credentialsSchema.parse(JSON.parse(await readFile(file(), "utf8")));
  } catch {
    return null;
  }
}

/** Forgets the saved token (`adgen logout`); true when there was one. */
export async function clearCredentials(): Promise<boolean> {
  try {
    await unlink(file());
    return true;
  } catch {
    return false;
  }
}
