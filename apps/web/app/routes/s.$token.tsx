import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { apiFailure } from "../lib/api-errors";

/** The public page of a share link: works logged out, shows only the one video. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  try {
    const shared = await context.api.shares.view({ token: params.token ?? "" });
    return { shared, origin: new URL(request.url).origin };
  } catch (error) {
    const failure = apiFailure(error);
    if (failure.code === "NOT_FOUND" || failure.code === "BAD_REQUEST") {
      throw new Response("This link does not exist.", { status: 404 });
    }
    throw error;
  }
}

/** Open Graph tags, so the link previews with its video in chat apps. */
export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data || data.shared.revoked) {
    return [{ title: "Link revoked · Adgen" }, { name: "robots", content: "noindex" }];
  }
  const { shared, origin } = data;
  const title = shared.productPrompt ?? "A product ad made with Adgen";
  return [
    { title: `${title} · Adgen` },
    { name: "robots", content: "noindex" },
    { property: "og:type", content: "video.other" },
    { property: "og:title", content: title },
    { property: "og:description", content: "A product ad made with Adgen." },
    { property: "og:video", content: `${origin}${shared.videoUrl}` },
    { property: "og:video:type", content: "video/mp4" },
    ...(shared.width ? [{ property: "og:video:width", content: String(shared.width) }] : []),
    ...(shared.height ? [{ property: "og:video:height", content: String(shared.height) }] : []),
    { name: "twitter:card", content: "player" },
  ];
};

export default function SharedVideo() {
  const { shared } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto flex min-h-screen max-w-4xl flex-col gap-6 px-4 py-10">
      <header className="flex items-center gap-2 font-semibold">
        <img src="/favicon.svg" alt="" className="h-7 w-7" />
        Adgen
      </header>
      {shared.revoked ? (
        <section className="rounded-2xl border border-slate-200 bg-white p-8 text-center">
          <h1 className="text-2xl font-semibold">This link was revoked</h1>
          <p className="mt-2 text-slate-600">Its owner stopped sharing this video.</p>
        </section>
      ) : (
        <section className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
          <video
            src={shared.videoUrl}
            controls
            muted
            autoPlay
            playsInline
            className="max-h-[75vh] w-full bg-black object-contain"
            aria-label="Shared ad"
            data-testid="shared-video"
          />
          <div className="p-4">
            <h1 className="text-xl font-semibold">{shared.productPrompt ?? "Product ad"}</h1>
            <p className="text-sm text-slate-600">
              {shared.duration?.toFixed(1)} s · {shared.width}x{shared.height}
            </p>
          </div>
        </section>
      )}
      <p className="text-center text-sm text-slate-600">
        Made with{" "}
        <Link to="/" className="text-brand-700 underline">
          Adgen
        </Link>
        : product ads from one line.
      </p>
    </main>
  );
}
