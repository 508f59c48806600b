import type { AppRouter } from "@adgen/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/**
 * The server's router, as the client sees it. `pnpm --filter @adgen/sdk build` bundles its
 * declaration into dist/index.d.ts (scripts/build.ts), so an installed SDK infers every
 * procedure without any workspace package.
 */
export type AdgenRouter = AppRouter;
export type AdgenInputs = inferRouterInputs<AdgenRouter>;
export type AdgenOutputs = inferRouterOutputs<AdgenRouter>;
/** One ad as `sessions.get` returns it. */
export type AdSession = AdgenOutputs["sessions"]["get"];
export type GeneratedImage = AdSession["generatedImages"][number];
export type GeneratedClip = AdSession["generatedClips"][number];
