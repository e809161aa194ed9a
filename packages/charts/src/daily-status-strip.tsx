import { Group } from "@visx/group";
import { scaleBand } from "@visx/scale";
import { Bar } from "@visx/shape";

export type DayMark = "UP" | "DOWN" | "NO_DATA" | "PAUSED";

export interface StripDay {
  /** ISO date, a Swedish calendar day. */
  date: string;
  status: DayMark;
}

export interface DailyStatusStripProps {
  days: StripDay[];
  /** Says what each mark means, e.g. "2026-03-29: down"; the strip's own label is `title`. */
  describe: (day: StripDay) => string;
  title: string;
  width?: number;
  height?: number;
}

// Plain attributes only, like the size chart: the same markup draws in a browser and in a PDF.
const FILL: Record<DayMark, string> = {
  UP: "#0b6e4f",
  DOWN: "#b42318",
  PAUSED: "#9ca3af",
  NO_DATA: "#e5e7eb",
};
// Down days are drawn full height and the rest shorter, so the strip reads without colour too.
const SHARE: Record<DayMark, number> = { DOWN: 1, UP: 0.7, PAUSED: 0.45, NO_DATA: 0.3 };

/**
 * One bar per day, oldest left: the 90-day strip of a check. The SVG scales to its container
 * (viewBox), so it fits a phone as well as a desk.
 */
export function DailyStatusStrip({ days, describe, title, width = 720, height = 40 }: DailyStatusStripProps) {
  const x = scaleBand({ domain: days.map((d) => d.date), range: [0, width], paddingInner: 0.25 });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="100%"
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={title}
    >
      <Group>
        {days.map((d) => {
          const h = height * SHARE[d.status];
          return (
            <Bar
              key={d.date}
              x={x(d.date) ?? 0}
              y={height - h}
              width={Math.max(1, x.bandwidth())}
              height={h}
              rx={1}
              fill={FILL[d.status]}
              data-status={d.status}
            >
              <title>{describe(d)}</title>
            </Bar>
          );
        })}
      </Group>
    </svg>
  );
}
