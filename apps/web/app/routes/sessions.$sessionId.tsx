import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { AppShell } from "../components/app-shell";
import { Button } from "../components/button";
import { FormError } from "../components/form-error";
import { RouteError } from "../components/route-error";
import { ClipsStep } from "../components/session/clips-step";
import { FinishStep } from "../components/session/finish-step";
import { ImagesStep } from "../components/session/images-step";
import { ProgressPanel } from "../components/session/progress-panel";
import { ResultPanel } from "../components/session/result-panel";
import { StepSummaryFor } from "../components/session/step-summaries";
import { Stepper } from "../components/session/stepper";
import { StageBadge } from "../components/stage-badge";
import { apiFailure, type ActionFailure } from "../lib/api-errors";
import { formatUsd } from "../lib/format";
import { requireUser } from "../lib/guards.server";
import { runSessionAction } from "../lib/session-actions.server";
import { currentStep, flowState, reachableSteps, STEPS, type StepId } from "../lib/steps";
import { useProgress } from "../lib/use-progress";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.session.productPrompt ?? "New ad"} · Adgen` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const sessionId = params.sessionId ?? "";
  try {
    const [session, costs, share] = await Promise.all([
      context.api.sessions.get({ sessionId }),
      context.api.sessions.costs({ sessionId }),
      context.api.shares.get({ sessionId }),
    ]);
    return { user, session, costs, share };
  } catch (error) {
    const failure = apiFailure(error);
    // A malformed id and someone else's session look the same as a missing one.
    if (failure.code === "NOT_FOUND" || failure.code === "BAD_REQUEST") {
      throw new Response("This ad does not exist or is not yours.", { status: 404 });
    }
    throw error;
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireUser(context, request);
  return runSessionAction(context, params.sessionId ?? "", await request.formData());
}

const PAGE_LEVEL = new Set([
  "generateImages",
  "generateClips",
  "composeFinalVideo",
  "delete",
  "retry",
  "cancel",
]);

const RUNNING_TITLES = {
  generateImages: "Generating product images",
  generateClips: "Animating clips",
  composeFinalVideo: "Composing your ad",
} as const;

export default function SessionPage() {
  const { user, session, costs, share } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure: ActionFailure | undefined = result && "message" in result ? result : undefined;
  const sharePath = (result && "sharePath" in result ? result.sharePath : null) ?? null;
  const busy = useNavigation().state === "submitting";
  const { running, can } = flowState(session.stage);
  const progress = useProgress(user.id, session.id, running !== null);
  const stepEvents = progress.events.filter((e) => e.event.stage === session.stage);

  const current = currentStep(session);
  const reachable = reachableSteps(session);
  const asked = useSearchParams()[0].get("step") as StepId | null;
  const open = asked && reachable.has(asked) ? asked : current;
  const poster = session.generatedImages.find((i) => i.approved)?.url;

  const stepBody = (step: StepId) => {
    switch (step) {
      case "images":
        return (
          <ImagesStep
            session={session}
            running={running === "generateImages"}
            events={stepEvents}
            canGenerate={can("generateImages")}
            canApprove={can("saveApprovedImages")}
            failure={failure}
            busy={busy}
          />
        );
      case "clips":
        return (
          <ClipsStep
            session={session}
            running={running === "generateClips"}
            events={stepEvents}
            canGenerate={can("generateClips")}
            canOrder={can("saveApprovedClips")}
            failure={failure}
            busy={busy}
          />
        );
      case "finish":
        return (
          <FinishStep
            session={session}
            canCompose={can("composeFinalVideo")}
            failure={failure}
            busy={busy}
          />
        );
      case "result":
        return session.finalVideo ? (
          <ResultPanel
            video={session.finalVideo}
            videos={session.finalVideos}
            poster={poster}
            fileName={`${(session.productPrompt ?? "adgen").slice(0, 40)}.mp4`}
            costs={costs}
            share={share}
            sharePath={sharePath}
            failure={failure}
            busy={busy}
            canCompose={can("composeFinalVideo")}
          />
        ) : null;
    }
  };

  return (
    <AppShell email={user.email}>
      <nav className="mb-4 text-sm" aria-label="Breadcrumb">
        <Link to="/" className="text-slate-600 hover:text-slate-900">
          ← Your ads
        </Link>
      </nav>
      <header className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight">
            {session.productPrompt ?? "New ad"}
          </h1>
          <p className="text-sm tabular-nums text-slate-600" data-testid="session-cost">
            {formatUsd(session.totalCost)} of {formatUsd(session.budget)} spent
          </p>
        </div>
        <div className="flex items-center gap-3">
          <StageBadge stage={session.stage} />
          <Form
            method="post"
            onSubmit={(e) => {
              if (!window.confirm("Delete this ad and all its images and videos?"))
                e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="delete" />
            <button
              type="submit"
              className="rounded-lg px-2 py-1 text-sm text-slate-600 hover:bg-red-50 hover:text-red-700 disabled:opacity-40"
            >
              Delete
            </button>
          </Form>
        </div>
      </header>
      {/* Refusals that name no field show here, above the steps: after the post the page
          reloads, and the form that asked may no longer be shown (a step started elsewhere). */}
      {failure && !Object.keys(failure.fieldErrors).length && PAGE_LEVEL.has(failure.intent) ? (
        <FormError message={failure.message} />
      ) : null}

      <Stepper current={current} open={open} reachable={reachable} />

      <div className="flex flex-col gap-4">
        {session.stage === "failed" ? (
          <div
            role="alert"
            className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-red-200 bg-red-50 p-4 text-sm text-red-800"
          >
            <p>{session.error ?? "The last step failed."}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="retry" />
              <Button type="submit" variant="danger" disabled={busy}>
                Try again
              </Button>
            </Form>
          </div>
        ) : null}
        {running ? (
          <ProgressPanel
            title={RUNNING_TITLES[running]}
            events={stepEvents}
            connection={progress.connection}
            repeats={progress.repeats}
          />
        ) : null}
        {STEPS.filter((s) => s.id === open || reachable.has(s.id)).map((s) =>
          s.id === open ? (
            <div key={s.id}>{stepBody(s.id)}</div>
          ) : (
            <StepSummaryFor key={s.id} step={s.id} session={session} />
          ),
        )}
      </div>
    </AppShell>
  );
}

export const ErrorBoundary = RouteError;
