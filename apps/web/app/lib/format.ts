import type { Stage } from "@adgen/schemas";

export { formatUsd } from "@adgen/schemas";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
export function formatDate(date: Date | string): string {
  return dateFormat.format(new Date(date));
}

export const STAGE_LABELS: Record<Stage, string> = {
  created: "Draft",
  image_generation: "Generating images",
  image_selection: "Choose images",
  clip_generation: "Generating clips",
  clip_selection: "Choose clips",
  final_composition: "Composing video",
  complete: "Complete",
  failed: "Failed",
};
