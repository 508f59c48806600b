import type { ClipAnalysis } from "@adgen/agents";

/**
 * Analyses the local video model made while rendering, keyed by the very Buffer it returned.
 * The pipeline hands that Buffer straight to the analyst, which then need not decode the
 * clip a second time (issue 13). Any other clip (a copy, a file from storage, another
 * provider's) is not found here and is decoded and analysed as before. A WeakMap: an entry
 * lives exactly as long as the clip's bytes.
 */
const renderedAnalyses = new WeakMap<Buffer, ClipAnalysis>();

export function rememberRenderedAnalysis(clip: Buffer, analysis: ClipAnalysis): void {
  renderedAnalyses.set(clip, analysis);
}

export function renderedAnalysisOf(clip: Buffer): ClipAnalysis | undefined {
  return renderedAnalyses.get(clip);
}
