export { DatabaseSizeChart, type DatabaseSizeChartProps, type SizePoint } from "./database-size-chart.js";
export { DailyStatusStrip, type DailyStatusStripProps, type DayMark, type StripDay } from "./daily-status-strip.js";
export { BackupSizeChart, type BackupRunPoint, type BackupSizeChartProps } from "./backup-size-chart.js";
