import { AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

export interface BackupRunPoint {
  /** ISO moment the run finished; also the bar's key. */
  finishedAt: string;
  /** Null when the run reported no size (a failed run usually does not). */
  sizeBytes: number | null;
  succeeded: boolean;
}

export interface BackupSizeChartProps {
  runs: BackupRunPoint[];
  /** Says what each bar means, e.g. "6 dec 02:14: 1,9 GB"; the chart's own label is `title`. */
  describe: (run: BackupRunPoint) => string;
  /** The size axis' labels, e.g. "1,9 GB", in the reader's language. */
  formatSize: (bytes: number) => string;
  title: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 8, right: 8, bottom: 8, left: 64 };
// Plain attributes only, like the other charts: the same markup draws in a browser and in a PDF.
const INK = "#1f2937";
const OK = "#0b6e4f";
const FAILED = "#b42318";
const FONT = "Roboto, Helvetica, Arial, sans-serif";

/**
 * The last backups' sizes, oldest left, one bar each: a trend a person sees at a glance (a backup
 * that suddenly shrank is the one to look at). A failed run is a full-height dashed, pale red bar, so it
 * reads without colour too. Scales to its container (viewBox), so it fits a phone.
 */
export function BackupSizeChart({
  runs,
  describe,
  formatSize,
  title,
  width = 480,
  height = 160,
}: BackupSizeChartProps) {
  const sorted = [...runs].sort((a, b) => (a.finishedAt < b.finishedAt ? -1 : 1));
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const x = scaleBand({ domain: sorted.map((r) => r.finishedAt), range: [0, innerW], paddingInner: 0.3 });
  const largest = Math.max(1, ...sorted.map((r) => r.sizeBytes ?? 0));
  const y = scaleLinear({ domain: [0, largest * 1.1], range: [innerH, 0], nice: true });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="100%"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
    >
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft
          scale={y}
          numTicks={3}
          stroke={INK}
          tickStroke={INK}
          tickFormat={(v) => formatSize(Number(v))}
          tickLabelProps={() => ({ fontSize: 10, fontFamily: FONT, fill: INK, textAnchor: "end", dx: -4, dy: 3 })}
        />
        {sorted.map((r) => {
          const failed = !r.succeeded || r.sizeBytes == null;
          const top = failed ? 0 : y(r.sizeBytes!);
          return (
            <Bar
              key={r.finishedAt}
              x={x(r.finishedAt) ?? 0}
              y={top}
              width={Math.max(1, x.bandwidth())}
              height={innerH - top}
              fill={failed ? FAILED : OK}
              fillOpacity={failed ? 0.35 : 1}
              stroke={failed ? FAILED : "none"}
              strokeDasharray={failed ? "4 3" : undefined}
              data-succeeded={failed ? "false" : "true"}
            >
              <title>{describe(r)}</title>
            </Bar>
          );
        })}
      </Group>
    </svg>
  );
}
