/** What the session page's action returns on failure (see session-actions.server.ts). */
export interface ActionFailure {
  intent: string;
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
}
