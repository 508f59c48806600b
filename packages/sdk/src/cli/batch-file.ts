/** One line of a batch file: its number in the file and what it holds (or why it is unreadable). */
export type BatchLine = { line: number; input: unknown } | { line: number; error: string };

const NUMERIC = new Set(["numImages", "clipDuration", "introDuration", "outroDuration"]);

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsvRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((v) => v.trim() !== "")) rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      rowLine = ++line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((v) => v.trim() !== "")) rows.push({ line: rowLine, cells });
  return rows;
}

/** A CSV cell as the spec wants it: numbers for numeric fields, lists split on ";". */
function cellValue(field: string, raw: string): unknown {
  const value = raw.trim();
  if (value === "") return undefined;
  if (NUMERIC.has(field)) return Number.isFinite(Number(value)) ? Number(value) : value;
  if (field === "styleKeywords") return value.split(";").map((k) => k.trim());
  return value;
}

export function parseBatchFile(name: string, text: string): BatchLine[] {
  if (/\.csv$/i.test(name)) {
    const [header, ...rows] = parseCsvRows(text);
    if (!header) return [];
    const fields = header.cells.map((f) => f.trim());
    return rows.map(({ line, cells }) => {
      if (cells.length > fields.length)
        return { line, error: `has ${cells.length} cells but the header names ${fields.length}` };
      const input: Record<string, unknown> = {};
      fields.forEach((field, i) => {
        const value = cellValue(field, cells[i] ?? "");
        if (value !== undefined) input[field] = value;
      });
      return { line, input };
    });
  }
  return text.split(/\r?\n/).flatMap((raw, i): BatchLine[] => {
    if (raw.trim() === "") return [];
    try {
      return [{ line: i + 1, input: JSON.parse(raw) as unknown }];
    } catch {
      return [{ line: i + 1, error: "is not valid JSON" }];
    }
  });
}
