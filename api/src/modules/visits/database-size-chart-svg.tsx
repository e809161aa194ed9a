import { renderToStaticMarkup } from "react-dom/server";
import { DatabaseSizeChart, type DatabaseSizeChartProps } from "@trygg/charts";

/** The chart as an SVG string, for the PDF; the portal draws the same component itself. */
export function databaseSizeChartSvg(props: DatabaseSizeChartProps): string {
  return renderToStaticMarkup(<DatabaseSizeChart {...props} />);
}
