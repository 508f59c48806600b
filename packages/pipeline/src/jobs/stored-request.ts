import { parseLastRequest, type SessionRow } from "@adgen/db";
import type { LastRequest } from "@adgen/schemas";

export type RequestOf<S extends LastRequest["step"]> = Extract<LastRequest, { step: S }>;

/** What the running `step` was asked for: a job reads its inputs from the session. */
export function storedRequest<S extends LastRequest["step"]>(
  session: SessionRow,
  step: S,
): RequestOf<S> {
  const request = parseLastRequest(session);
  const isStep = (r: LastRequest | null): r is RequestOf<S> => r?.step === step;
  if (!isStep(request)) throw new Error(`session ${session.id} holds no ${step} request`);
  return request;
}
