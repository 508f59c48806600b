import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { formatUsd } from "@adgen/schemas";
import { AdgenError } from "../errors";
import { checkAdSpec } from "../spec";
import { intFlag } from "./args";
import { parseBatchFile, type BatchLine } from "./batch-file";
import type { CommandContext } from "./context";
import { EXIT, describeFailure } from "./failure";
import { resumeCommand } from "./make-command";
import { makeAndSave, stopAndExplain } from "./run-ad";
import { UsageError } from "./usage";

type LineResult = {
  type: "result";
  line: number;
  product: string;
  status: "done" | "failed" | "invalid" | "interrupted";
  sessionId?: string;
  file?: string;
  seconds?: number;
  totalCost?: number;
  error?: string;
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40) || "ad";

/**
 * One ad per line, `--concurrency` at a time. A line that is invalid or fails is reported
 * and the rest go on; the exit code is 1 if any line did not make its ad.
 */
export async function batchCommand(ctx: CommandContext) {
  const file = ctx.args[0]!;
  const concurrency = intFlag(ctx.flags.concurrency, "concurrency", 1, 16) ?? 2;
  const approve = intFlag(ctx.flags.approve, "approve", 2, 8);
  const outDir = ctx.flags["out-dir"] ?? ".";
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${file}: ${error.code ?? error.message}.`);
  });
  const lines = parseBatchFile(file, text);
  if (lines.length === 0) throw new UsageError(`${file} has no lines to make.`);
  const client = ctx.client();
  await mkdir(outDir, { recursive: true });
  const started = Date.now();
  const results: LineResult[] = [];
  const report = (result: LineResult) => {
    results.push(result);
    const what =
      result.status === "done"
        ? `${result.file} (${result.seconds} s, ${formatUsd(result.totalCost ?? 0)})`
        : result.error;
    const product = result.product ? ` (${result.product})` : "";
    ctx.out.record(result, `line ${result.line}${product}: ${result.status}: ${what}`);
  };

  const runLine = async (entry: BatchLine) => {
    const product =
      "input" in entry ? String((entry.input as { productName?: unknown })?.productName ?? "") : "";
    if ("error" in entry)
      return report({
        type: "result",
        line: entry.line,
        product,
        status: "invalid",
        error: `line ${entry.line} ${entry.error}`,
      });
    const checked = checkAdSpec(entry.input);
    if (!checked.ok)
      return report({
        type: "result",
        line: entry.line,
        product,
        status: "invalid",
        error: describeFailure(
          new AdgenError("validation", "invalid", { fieldErrors: checked.fieldErrors }),
        ),
      });
    if (ctx.signal.aborted)
      return report({
        type: "result",
        line: entry.line,
        product,
        status: "interrupted",
        error: "not started",
      });
    const out = path.join(
      outDir,
      `${String(entry.line).padStart(3, "0")}-${slug(checked.spec.productName)}.mp4`,
    );
    try {
      const made = await makeAndSave(client, ctx.out, checked.spec, {
        key: String(entry.line),
        label: `line ${entry.line} `,
        file: out,
        approve: approve ? { images: approve } : undefined,
        signal: ctx.signal,
      });
      report({ type: "result", line: entry.line, product, status: "done", ...made });
    } catch (error) {
      const interrupted = error instanceof AdgenError && error.kind === "cancelled";
      const sessionId = error instanceof AdgenError ? error.sessionId : undefined;
      report({
        type: "result",
        line: entry.line,
        product,
        status: interrupted ? "interrupted" : "failed",
        sessionId,
        error:
          interrupted && sessionId
            ? await stopAndExplain(
                client,
                sessionId,
                resumeCommand(checked.spec, sessionId, { out, approve }),
              )
            : describeFailure(error),
      });
    }
  };

  // A small pool: each worker takes the next line until none is left.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, lines.length) }, async () => {
      while (next < lines.length) await runLine(lines[next++]!);
    }),
  );

  results.sort((a, b) => a.line - b.line);
  const count = (status: LineResult["status"]) => results.filter((r) => r.status === status).length;
  const summary = {
    type: "summary",
    lines: results.length,
    done: count("done"),
    failed: count("failed"),
    invalid: count("invalid"),
    interrupted: count("interrupted"),
    totalCost: results.reduce((sum, r) => sum + (r.totalCost ?? 0), 0),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  ctx.out.result(summary, summaryTable(results, summary));
  if (summary.interrupted > 0) process.exitCode = EXIT.interrupted;
  else if (summary.done < summary.lines) process.exitCode = EXIT.failed;
}

function summaryTable(
  results: LineResult[],
  summary: { done: number; lines: number; totalCost: number; seconds: number },
) {
  const rows = results.map((r) => [
    String(r.line),
    r.product.slice(0, 24),
    r.status,
    r.seconds === undefined ? "" : `${r.seconds} s`,
    r.totalCost === undefined ? "" : formatUsd(r.totalCost),
    r.file ?? r.error ?? "",
  ]);
  const head = ["line", "product", "status", "time", "cost", "file / error"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ");
  return [
    "",
    format(head),
    ...rows.map(format),
    `${summary.done} of ${summary.lines} ads made in ${summary.seconds} s, total cost ${formatUsd(summary.totalCost)}.`,
  ];
}
