import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { formatDate } from "../../lib/format";
import type { ShareStatus } from "../../lib/session-view";
import { Button } from "../button";

/**
 * Share link: made on request, shown (and copied) once — only its hash is stored — and
 * revocable. After a reload the page can only say a link is live, and offer a new one.
 */
export function SharePanel({
  status,
  freshPath,
  busy,
}: {
  status: ShareStatus;
  /** The link just made by this page's action, if any. */
  freshPath: string | null;
  busy: boolean;
}) {
  const [origin, setOrigin] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const url = freshPath ? `${origin}${freshPath}` : null;
  return (
    <section className="flex flex-col gap-2" aria-labelledby="share-title" data-testid="share">
      <h3 id="share-title" className="text-sm font-semibold">
        Share link
      </h3>
      {url ? (
        <div className="flex flex-wrap items-center gap-2">
          <input
            readOnly
            value={url}
            aria-label="Public link"
            className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 text-sm"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      ) : status.live ? (
        <p className="text-sm text-slate-600">
          A public link is live since {formatDate(status.live.createdAt)}.
        </p>
      ) : (
        <p className="text-sm text-slate-600">
          Anyone with the link can watch this video, without an account.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="share" />
          <Button type="submit" variant="secondary" disabled={busy}>
            {status.live || url ? "New share link" : "Share link"}
          </Button>
        </Form>
        {status.live || url ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="unshare" />
            <Button type="submit" variant="danger" disabled={busy}>
              Revoke link
            </Button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}
