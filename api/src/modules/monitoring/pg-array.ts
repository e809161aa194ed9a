/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for one parameter cast to an array type, so a
 * group of any size is one statement text that postgres.js prepares once, and PGlite and
 * postgres.js read it alike. Every element is quoted, so commas, braces and quotes in a log
 * excerpt stay data.
 */
export function pgArray(values: readonly (string | number | Date | null)[]): string {
  const element = (v: string | number | Date | null) => {
    if (v === null) return "NULL";
    const text = v instanceof Date ? v.toISOString() : String(v);
    return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  };
  return `{${values.map(element).join(",")}}`;
}
