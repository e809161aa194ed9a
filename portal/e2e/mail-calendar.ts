import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** The parts of a multipart .eml, each with its headers and its decoded text. */
function partsOf(raw: string): { head: string; text: string }[] {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!);
  const chunks = boundaries.reduce((all, b) => all.flatMap((c) => c.split(`--${b}`)), [raw]);
  return chunks.map((chunk) => {
    const [head = "", ...body] = chunk.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
    const joined = body.join("\n\n");
    const text = /content-transfer-encoding: base64/i.test(head)
      ? Buffer.from(joined.replace(/\s+/g, ""), "base64").toString("utf8")
      : joined.replace(/=\r?\n/g, "");
    return { head, text };
  });
}

/**
 * Waits for a mail to `to` in the demo mailbox (MAILBOX_DIR) whose text/calendar attachment matches
 * every pattern, and returns that calendar's lines (folded lines unfolded): what a calendar program reads.
 */
export async function awaitCalendar(to: string, patterns: RegExp[], timeoutMs = 20_000): Promise<string[]> {
  const dir = process.env.MAILBOX_DIR;
  if (!dir) throw new Error("Set MAILBOX_DIR to the demo mailbox's folder (the test runner starts it)");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = (await readdir(dir).catch(() => [] as string[]))
      .filter((f) => f.endsWith(".eml"))
      .sort()
      .reverse();
    for (const file of files) {
      const raw = await readFile(join(dir, file), "utf8");
      const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
      if (!new RegExp(`^To: .*${to.replace(/[.]/g, "\\.")}`, "im").test(head)) continue;
      for (const part of partsOf(raw)) {
        if (!/content-type: text\/calendar/i.test(part.head)) continue;
        const ics = part.text.replace(/\r?\n[ \t]/g, "");
        if (patterns.every((p) => p.test(ics))) return ics.split(/\r?\n/);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No calendar to ${to} matching ${patterns.join(", ")} arrived in ${timeoutMs} ms`);
}
