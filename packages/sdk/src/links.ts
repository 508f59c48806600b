import { retryLink, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { isConnectionReset, toAdgenError } from "./errors";
import type { AdgenRouter } from "./router";

/** Every error leaving the client is an AdgenError with a kind to switch on. */
export const adgenErrorLink: TRPCLink<AdgenRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) => {
      const subscription = next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => observer.error(toAdgenError(error)),
        complete: () => observer.complete(),
      });
      return () => subscription.unsubscribe();
    });

/**
 * A server may close an idle keep-alive connection just as the client reuses it (issue 9,
 * fault 10): a query is safe to send again, so it is retried once on a reset connection.
 * Mutations are never retried: the first one may have been applied.
 */
export const retryResetQueryLink: TRPCLink<AdgenRouter> = retryLink<AdgenRouter>({
  retry: ({ op, attempts, error }) =>
    op.type === "query" && attempts === 1 && isConnectionReset(error),
});
