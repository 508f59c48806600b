import type { ComposeFinalVideoInput } from "@adgen/schemas";
import { redirect, type AppLoadContext } from "@remix-run/node";
import { apiFailure } from "./api-errors";

const list = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);
const text = (form: FormData, name: string) => String(form.get(name) ?? "");
const number = (form: FormData, name: string) =>
  form.get(name) ? Number(form.get(name)) : undefined;

/** The form's fields as the API names them; the API validates every value. */
function compositionFrom(form: FormData, sessionId: string) {
  return {
    sessionId,
    textOverlay: {
      productName: text(form, "productName"),
      cta: text(form, "cta"),
      font: text(form, "font") as ComposeFinalVideoInput["textOverlay"]["font"],
      color: text(form, "color").toUpperCase(),
    },
    audio: {
      enabled: form.get("music") === "on",
      genre: (text(form, "genre") || "upbeat") as ComposeFinalVideoInput["audio"]["genre"],
    },
    introDuration: number(form, "introDuration"),
    outroDuration: number(form, "outroDuration"),
    aspectRatio: (text(form, "aspectRatio") || "16:9") as ComposeFinalVideoInput["aspectRatio"],
  };
}

/**
 * One form post on the session page, by intent. A refusal is answered 200 with what to show
 * next to the form: the page handled it, and the browser should not log it as a failed load. Steps that start work or save a choice
 * redirect to the bare session URL, so the page lands on the step the session is now at.
 */
export async function runSessionAction(context: AppLoadContext, sessionId: string, form: FormData) {
  const api = context.api.generation;
  const intent = text(form, "intent");
  const here = `/sessions/${sessionId}`;
  try {
    switch (intent) {
      case "generateImages":
        await api.generateImages({
          sessionId,
          productPrompt: text(form, "productPrompt"),
          numImages: number(form, "numImages"),
          styleKeywords: list(form, "style"),
        });
        return redirect(here);
      case "saveApprovedImages":
        await api.saveApprovedImages({ sessionId, approvedImageIds: list(form, "imageId") });
        return redirect(here);
      case "generateClips":
        await api.generateClips({
          sessionId,
          videoPrompt: text(form, "videoPrompt"),
          clipDuration: number(form, "clipDuration"),
        });
        return redirect(here);
      case "saveApprovedClips": {
        const order = list(form, "clipId");
        await api.saveApprovedClips({ sessionId, approvedClipIds: order, clipOrder: order });
        return redirect(here);
      }
      case "composeFinalVideo":
        await api.composeFinalVideo(compositionFrom(form, sessionId));
        return redirect(here);
      case "composeFormat": {
        // Another format of the last composition, one click from the result page.
        const last = (await context.api.sessions.get({ sessionId })).lastComposition;
        const aspectRatio = text(form, "aspectRatio") as ComposeFinalVideoInput["aspectRatio"];
        if (!last) {
          const message = "Make the video first; other formats are made from it.";
          return { intent, code: "PRECONDITION_FAILED", message, fieldErrors: {} };
        }
        await api.composeFinalVideo({ sessionId, ...last, aspectRatio });
        return redirect(here);
      }
      case "cancel":
        await api.cancel({ sessionId });
        return redirect(here);
      case "retry":
        await api.retry({ sessionId });
        return redirect(here);
      case "delete":
        await context.api.sessions.delete({ sessionId });
        return redirect("/");
      case "share": {
        const share = await context.api.shares.create({ sessionId });
        return { intent, ok: true as const, sharePath: share.path };
      }
      case "unshare":
        await context.api.shares.revoke({ sessionId });
        return { intent, ok: true as const, sharePath: null };
      default:
        return { intent, code: "BAD_REQUEST", message: "Unknown action.", fieldErrors: {} };
    }
  } catch (error) {
    return { intent, ...apiFailure(error) };
  }
}
