export { DatabaseSizeChart, type DatabaseSizeChartProps, type SizePoint } from "./database-size-chart.js";
