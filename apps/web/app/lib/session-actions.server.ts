import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { apiFailure } from "./api-errors";

const list = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);
const text = (form: FormData, name: string) => String(form.get(name) ?? "");
const number = (form: FormData, name: string) =>
  form.get(name) ? Number(form.get(name)) : undefined;

/** One form post on the session page, by intent; the API validates everything. */
export async function runSessionAction(context: AppLoadContext, sessionId: string, form: FormData) {
  const api = context.api.generation;
  const intent = text(form, "intent");
  try {
    switch (intent) {
      case "generateImages":
        await api.generateImages({
          sessionId,
          productPrompt: text(form, "productPrompt"),
          numImages: number(form, "numImages"),
          styleKeywords: text(form, "styleKeywords")
            .split(",")
            .map((k) => k.trim())
            .filter(Boolean),
        });
        break;
      case "saveApprovedImages":
        await api.saveApprovedImages({ sessionId, approvedImageIds: list(form, "imageId") });
        break;
      case "generateClips":
        await api.generateClips({
          sessionId,
          videoPrompt: text(form, "videoPrompt"),
          clipDuration: number(form, "clipDuration"),
        });
        break;
      case "saveApprovedClips": {
        const order = list(form, "clipId");
        await api.saveApprovedClips({ sessionId, approvedClipIds: order, clipOrder: order });
        break;
      }
      case "composeFinalVideo":
        await api.composeFinalVideo({
          sessionId,
          textOverlay: {
            productName: text(form, "productName"),
            cta: text(form, "cta"),
            font: text(form, "font") as never,
            color: text(form, "color").toUpperCase(),
          },
          audio: {
            enabled: form.get("music") === "on",
            genre: (text(form, "genre") || "upbeat") as never,
          },
          introDuration: number(form, "introDuration"),
          outroDuration: number(form, "outroDuration"),
          aspectRatio: (text(form, "aspectRatio") || "16:9") as never,
        });
        break;
      case "delete":
        await context.api.sessions.delete({ sessionId });
        return redirect("/");
      case "retry":
        await api.retry({ sessionId });
        break;
      default:
        return data(
          { intent, code: "BAD_REQUEST", message: "Unknown action.", fieldErrors: {} },
          { status: 400 },
        );
    }
    return { intent, ok: true as const };
  } catch (error) {
    return data({ intent, ...apiFailure(error) }, { status: 400 });
  }
}
