/** Tiles standing in for the units of a batch not stored yet. */
export function PlaceholderTiles({
  count,
  label,
  testId,
}: {
  count: number;
  label: string;
  testId: string;
}) {
  return Array.from({ length: count }, (_, i) => (
    <li
      key={`placeholder-${i}`}
      className="relative flex aspect-square items-center justify-center overflow-hidden rounded-xl bg-slate-100 text-xs text-slate-700"
      data-testid={testId}
    >
      <span className="absolute inset-0 animate-pulse bg-slate-200" aria-hidden="true" />
      <span className="relative">{label}</span>
    </li>
  ));
}
