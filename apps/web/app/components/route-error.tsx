import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { AppShell } from "./app-shell";

/** A route's error inside the app's frame: a 404 or a plain sentence, and a way back. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? "We could not find that" : "Something went wrong";
  const detail = isRouteErrorResponse(error)
    ? typeof error.data === "string"
      ? error.data
      : "The page you asked for does not exist or is not yours."
    : "An unexpected error happened. Please try again.";
  return (
    <AppShell>
      <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-slate-600">{detail}</p>
        <Link
          to="/"
          className="rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Back to your ads
        </Link>
      </div>
    </AppShell>
  );
}
