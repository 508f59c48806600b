/*
 * The model table: which Replicate model each role uses, how our request maps onto its
 * input, what it costs and which model stands in when it keeps failing. The README has
 * the same table with the reasons for each choice; env.ts lets every cell be overridden.
 */

/** How a model is billed (Replicate's pricing page for the model says which). */
export type Price =
  /** Official models priced per output image. */
  | { per: "image"; usd: number }
  /** Priced per second of video or audio the model produces (what it makes, not what we keep). */
  | { per: "output_second"; usd: number }
  /** Priced per prediction whatever its length. */
  | { per: "prediction"; usd: number }
  /** Community models: billed seconds (`metrics.predict_time`) × the hardware's rate. */
  | { per: "hardware_second"; usd: number }
  /** Language models: per million input and output tokens (`metrics.*_token_count`). */
  | { per: "token"; inputPerMillion: number; outputPerMillion: number };

export type Role = "llm" | "image" | "image_edit" | "video" | "music";

/** The input family decides how a request maps onto the model's input schema (inputs.ts). */
export type Family = "llama" | "flux" | "flux_kontext" | "kling" | "wan" | "musicgen";

export interface RoleDefaults {
  /** owner/name for official models, owner/name:version for community models. */
  model: string;
  fallback: string | null;
  /** Longest a prediction may take, cold start included, before it is cancelled. */
  timeoutSec: number;
}

export const DEFAULT_ROLES: Record<Role, RoleDefaults> = {
  llm: {
    model: "meta/meta-llama-3-70b-instruct",
    fallback: "meta/meta-llama-3-8b-instruct",
    timeoutSec: 120,
  },
  image: {
    model: "black-forest-labs/flux-dev",
    fallback: "black-forest-labs/flux-schnell",
    timeoutSec: 180,
  },
  image_edit: {
    model: "black-forest-labs/flux-kontext-pro",
    fallback: "black-forest-labs/flux-kontext-dev",
    timeoutSec: 180,
  },
  video: {
    model: "kwaivgi/kling-v2.1",
    fallback: "wan-video/wan-2.2-i2v-fast",
    timeoutSec: 900,
  },
  music: {
    model: "meta/musicgen:671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb",
    fallback: null,
    timeoutSec: 600,
  },
};

/** Prices by model (owner/name), as listed on each model's Replicate page. */
export const DEFAULT_PRICES: Record<string, Price> = {
  "meta/meta-llama-3-70b-instruct": { per: "token", inputPerMillion: 0.65, outputPerMillion: 2.75 },
  "meta/meta-llama-3-8b-instruct": { per: "token", inputPerMillion: 0.05, outputPerMillion: 0.25 },
  "black-forest-labs/flux-dev": { per: "image", usd: 0.025 },
  "black-forest-labs/flux-schnell": { per: "image", usd: 0.003 },
  "black-forest-labs/flux-kontext-pro": { per: "image", usd: 0.04 },
  "black-forest-labs/flux-kontext-dev": { per: "image", usd: 0.025 },
  "kwaivgi/kling-v2.1": { per: "output_second", usd: 0.05 },
  "wan-video/wan-2.2-i2v-fast": { per: "prediction", usd: 0.05 },
  // Runs on an Nvidia A100 (80GB): $0.0014 per second.
  "meta/musicgen": { per: "hardware_second", usd: 0.0014 },
};

/** The input family of a model, from its name (env overrides keep the role's family). */
export function familyOf(model: string, role: Role): Family {
  const name = model.split(":")[0]?.toLowerCase() ?? "";
  if (name.includes("kontext")) return "flux_kontext";
  if (name.includes("flux")) return "flux";
  if (name.includes("kling")) return "kling";
  if (name.includes("wan")) return "wan";
  if (name.includes("musicgen")) return "musicgen";
  if (name.includes("llama")) return "llama";
  const byRole: Record<Role, Family> = {
    llm: "llama",
    image: "flux",
    image_edit: "flux_kontext",
    video: "kling",
    music: "musicgen",
  };
  return byRole[role];
}

/** "owner/name:version" → the parts the API addresses it by. */
export function parseModelRef(ref: string): { model: string; version: string | null } {
  const [model = ref, version] = ref.split(":");
  return { model, version: version ?? null };
}
