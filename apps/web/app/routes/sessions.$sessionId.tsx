import { canStartStep, runningStep, type StepName } from "@adgen/schemas";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AppShell } from "../components/app-shell";
import { Button } from "../components/button";
import { ClipForm } from "../components/session/clip-form";
import { ClipGrid } from "../components/session/clip-grid";
import { FinalVideoPanel } from "../components/session/final-video";
import { FinishForm } from "../components/session/finish-form";
import { ImageGrid } from "../components/session/image-grid";
import { ProgressPanel } from "../components/session/progress-panel";
import { PromptForm } from "../components/session/prompt-form";
import { StepCard } from "../components/session/step-card";
import type { ActionFailure } from "../components/session/types";
import { StageBadge } from "../components/stage-badge";
import { apiFailure } from "../lib/api-errors";
import { formatUsd } from "../lib/format";
import { requireUser } from "../lib/guards.server";
import { runSessionAction } from "../lib/session-actions.server";
import { useProgress } from "../lib/use-progress";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  try {
    return { user, session: await context.api.sessions.get({ sessionId: params.sessionId ?? "" }) };
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

export default function SessionPage() {
  const { user, session } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "message" in result ? (result as ActionFailure) : undefined;
  const busy = useNavigation().state !== "idle";
  const stage = session.stage;
  // What the user can do now comes from the flow table (STEP_FLOW in @adgen/schemas).
  const working = runningStep(stage);
  const can = (step: StepName) => canStartStep(step, stage);
  const running = working !== null;
  const { latest } = useProgress(user.id, session.id, running);
  const hasImages = session.generatedImages.length > 0;
  const hasClips = session.generatedClips.length > 0;
  const readyForClips = session.approvedImageIds.length >= 2 && can("generateClips");
  const readyToFinish = session.clipOrder.length > 0 && hasClips && can("composeFinalVideo");

  return (
    <AppShell email={user.email}>
      <nav className="mb-4 text-sm">
        <Link to="/" className="text-slate-500 hover:text-slate-800">
          ← Your ads
        </Link>
      </nav>
      <header className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {session.productPrompt ?? "New ad"}
          </h1>
          <p className="text-sm text-slate-500 tabular-nums" data-testid="session-cost">
            {formatUsd(session.totalCost)} of {formatUsd(session.budget)} spent
          </p>
        </div>
        <div className="flex items-center gap-3">
          <StageBadge stage={stage} />
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
              disabled={running}
              className="rounded-lg px-2 py-1 text-sm text-slate-500 hover:bg-red-50 hover:text-red-600 disabled:opacity-40"
            >
              Delete
            </button>
          </Form>
        </div>
      </header>
      {failure?.intent === "delete" ? (
        <p role="alert" className="-mt-4 mb-4 text-sm text-red-600">
          {failure.message}
        </p>
      ) : null}

      <div className="flex flex-col gap-6">
        {session.finalVideo && working !== "composeFinalVideo" ? (
          <FinalVideoPanel
            video={session.finalVideo}
            totalCost={session.totalCost}
            fileName={`${(session.productPrompt ?? "adgen").slice(0, 40)}.mp4`}
            poster={session.generatedImages.find((i) => i.approved)?.url}
          />
        ) : null}
        {stage === "failed" ? (
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
        {failure?.intent === "retry" ? (
          <p className="text-sm text-red-600">{failure.message}</p>
        ) : null}

        {working === "generateImages" ? (
          <ProgressPanel title="Generating product images" event={latest} />
        ) : null}
        {can("generateImages") ? (
          <StepCard
            step={1}
            title="Product"
            hint={
              hasImages
                ? "Change the description to generate a new set."
                : "Every image will show this same product."
            }
          >
            <PromptForm defaultPrompt={session.productPrompt} failure={failure} busy={busy} />
          </StepCard>
        ) : null}

        {hasImages && working !== "generateImages" ? (
          <StepCard
            step={2}
            title="Choose your images"
            hint="Approve at least 2 shots for the mood board."
          >
            <ImageGrid
              key={session.generatedImages.map((i) => i.id).join()}
              images={session.generatedImages}
              failure={failure}
              busy={busy}
              editable={can("saveApprovedImages")}
            />
          </StepCard>
        ) : null}

        {working === "generateClips" ? (
          <ProgressPanel title="Animating clips" event={latest} />
        ) : null}
        {readyForClips ? (
          <StepCard step={3} title="Scene" hint="One clip is made from each approved image.">
            <ClipForm defaultPrompt={session.videoPrompt} failure={failure} busy={busy} />
          </StepCard>
        ) : null}

        {hasClips && working !== "generateClips" ? (
          <StepCard
            step={4}
            title="Choose and order your clips"
            hint="Play them, keep the best, set the order."
          >
            <ClipGrid
              key={session.generatedClips.map((c) => c.id).join()}
              clips={session.generatedClips}
              clipOrder={session.clipOrder}
              failure={failure}
              busy={busy}
              editable={can("saveApprovedClips")}
            />
          </StepCard>
        ) : null}

        {working === "composeFinalVideo" ? (
          <ProgressPanel title="Composing your ad" event={latest} />
        ) : null}
        {readyToFinish ? (
          <StepCard
            step={5}
            title="Finish"
            hint="Name, call to action, music and format. Intro and outro cards are added for you."
          >
            <FinishForm last={session.lastComposition} failure={failure} busy={busy} />
          </StepCard>
        ) : null}
      </div>
    </AppShell>
  );
}
