/** What the bundled router types say about the server context: nothing a client uses. */
export type Context = object;
