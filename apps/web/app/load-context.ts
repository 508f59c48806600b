import type { AdgenLoadContext } from "../server/remix";

/** Loaders and actions get a typed tRPC caller and the signed-in user from the server. */
declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AdgenLoadContext {}
}
