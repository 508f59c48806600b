import { useEffect } from "react";

/**
 * Live progress reloads the page's data on every event. When a newer reload or a form post
 * overtakes one, Remix aborts its fetch, and the abort can surface as an unhandled
 * rejection ("AbortError: signal is aborted without reason") although nothing went wrong.
 * Only aborts are silenced; every other unhandled rejection still reaches the console.
 */
export function useIgnoreOvertakenLoads() {
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      const reason: unknown = event.reason;
      if (reason instanceof DOMException && reason.name === "AbortError") event.preventDefault();
    };
    window.addEventListener("unhandledrejection", onRejection);
    return () => window.removeEventListener("unhandledrejection", onRejection);
  }, []);
}
