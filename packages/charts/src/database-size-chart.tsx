import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear, scaleTime } from "@visx/scale";
import { LinePath } from "@visx/shape";

export interface SizePoint {
  /** ISO date of the visit. */
  visitedOn: string;
  sizeMb: number;
}

export interface DatabaseSizeChartProps {
  points: SizePoint[];
  width?: number;
  height?: number;
  /** Drawn above the chart, for a document with no heading of its own beside it (the PDF's proposal). */
  title?: string;
  /** What a screen reader calls the picture when the page's heading names it and no title is drawn. */
  label?: string;
}

const MARGIN = { top: 28, right: 24, bottom: 36, left: 64 };
// Plain attributes only (no CSS, no web fonts): the same markup must draw in a browser and in pdfkit.
const INK = "#1f2937";
const LINE = "#0b6e4f";
const FONT = "Roboto, Helvetica, Arial, sans-serif";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

/**
 * The database size at each visit, over the years (or each week of the last year, from the backups):
 * ONE picture, drawn by the portal and, rendered to an SVG string on the server, embedded in the
 * protocol PDF.
 */
export function DatabaseSizeChart({ points, width = 480, height = 220, title, label }: DatabaseSizeChartProps) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const sorted = [...points].sort((a, b) => (a.visitedOn < b.visitedOn ? -1 : 1));
  const dates = sorted.map((p) => day(p.visitedOn).getTime());
  const sizes = sorted.map((p) => p.sizeMb);
  // More points than a customer has had visits: a series over a year (the backups' sizes week by week).
  const dense = sorted.length > 12;
  const first = dates[0] ?? Date.now();
  const last = dates.at(-1) ?? first;
  // Room either side for the end labels; one visit still gets a readable axis (half a year either side).
  const pad = last === first ? 182 * 86_400_000 : (last - first) * 0.08;
  const x = scaleTime({ domain: [new Date(first - pad), new Date(last + pad)], range: [0, innerW] });
  const y = scaleLinear({ domain: [0, Math.max(1, ...sizes) * 1.15], range: [innerH, 0], nice: true });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title ?? label ?? "Database size (MB) per visit"}
    >
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      {title ? (
        <text x={MARGIN.left} y={16} fontSize={12} fontFamily={FONT} fill={INK}>
          {title}
        </text>
      ) : null}
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft
          scale={y}
          numTicks={4}
          stroke={INK}
          tickStroke={INK}
          tickFormat={(v) => `${Number(v).toLocaleString("sv-SE")} MB`}
          tickLabelProps={() => ({ fontSize: 9, fontFamily: FONT, fill: INK, textAnchor: "end", dx: -4, dy: 3 })}
        />
        <AxisBottom
          top={innerH}
          scale={x}
          // A tick at each visit, so the axis reads as the visits themselves; a year of weeks gets months.
          tickValues={dense ? undefined : sorted.map((p) => day(p.visitedOn))}
          numTicks={dense ? 6 : undefined}
          stroke={INK}
          tickStroke={INK}
          tickFormat={(v) => (v as Date).toISOString().slice(0, !dense && sorted.length > 6 ? 4 : 7)}
          tickLabelProps={() => ({ fontSize: 9, fontFamily: FONT, fill: INK, textAnchor: "middle" })}
        />
        <LinePath<SizePoint>
          data={sorted}
          x={(p) => x(day(p.visitedOn))}
          y={(p) => y(p.sizeMb)}
          stroke={LINE}
          strokeWidth={2}
          fill="none"
        />
        {sorted.map((p, i) => (
          <g key={p.visitedOn}>
            <circle cx={x(day(p.visitedOn))} cy={y(p.sizeMb)} r={dense ? 1.5 : 3.5} fill={LINE} />
            {/* A dense series is labelled at its ends only: fifty labels would cover each other. */}
            {dense && i > 0 && i < sorted.length - 1 ? null : (
              <text
                x={x(day(p.visitedOn))}
                y={y(p.sizeMb) - 8}
                fontSize={9}
                fontFamily={FONT}
                fill={INK}
                textAnchor="middle"
              >
                {p.sizeMb.toLocaleString("sv-SE")}
              </text>
            )}
          </g>
        ))}
      </Group>
    </svg>
  );
}
