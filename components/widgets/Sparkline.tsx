// Context: panel. A tiny SVG bar sparkline of a channel's message rate.
export function Sparkline({ values, width = 60, height = 14 }: { values: number[]; width?: number; height?: number }) {
  const max = Math.max(1, ...values);
  const w = width / values.length;
  return (
    <svg className="sparkline" width={width} height={height} aria-hidden="true">
      {values.map((v, i) =>
        v > 0 ? <rect key={i} x={i * w} y={height - (v / max) * height} width={Math.max(1, w - 0.5)} height={(v / max) * height} /> : null,
      )}
    </svg>
  );
}
