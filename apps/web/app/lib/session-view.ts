import type { RouterOutputs } from "@adgen/api";

/*
 * The session page's shapes, all inferred from the router: a change to the API's output is a
 * type error here, never a silent mismatch.
 */
export type SessionView = RouterOutputs["sessions"]["get"];
export type GeneratedImage = SessionView["generatedImages"][number];
export type GeneratedClip = SessionView["generatedClips"][number];
export type FinalVideo = SessionView["finalVideos"][number];
export type LastComposition = SessionView["lastComposition"];
export type CostSummary = RouterOutputs["sessions"]["costs"];
export type ShareStatus = RouterOutputs["shares"]["get"];
export type SessionListItem = RouterOutputs["sessions"]["list"]["items"][number];
