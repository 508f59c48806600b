import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import type { ReactNode } from "react";
import { RouteError } from "./components/route-error";
import { useIgnoreOvertakenLoads } from "./lib/ignore-overtaken-loads";
import "./tailwind.css";

export const meta: MetaFunction = () => [
  { title: "Adgen — product ads from one line" },
  {
    name: "description",
    content: "Describe a product, approve the shots, download a finished 1080p ad.",
  },
];

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  useIgnoreOvertakenLoads();
  return <Outlet />;
}

/** Errors no route caught still keep the app's frame. */
export const ErrorBoundary = RouteError;
