import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The demo mailbox (api/src/scripts/demo-mailbox.ts) as a journey reads it: the runner starts it,
 * points the API's SMTP_URL at it and names its folder in MAILBOX_DIR; each message is an .eml file.
 */
function mailboxDir(): string {
  const dir = process.env.MAILBOX_DIR;
  if (!dir) throw new Error("Set MAILBOX_DIR to the demo mailbox's folder (the test runner starts it)");
  return dir;
}

/** Quoted-printable as nodemailer writes plain text: soft line breaks and =XX bytes (UTF-8). */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === "=" ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The plain-text body of an .eml nodemailer wrote (a single part, or the text/plain part). */
function plainBody(raw: string): { to: string; subject: string; body: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  let body = rest.join("\n\n");
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  if (boundary) {
    const part = body.split(`--${boundary}`).find((p) => /content-type: text\/plain/i.test(p)) ?? "";
    const [partHead = "", ...partBody] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
    body = /quoted-printable/i.test(partHead) ? decodeQuotedPrintable(partBody.join("\n\n")) : partBody.join("\n\n");
  } else if (/quoted-printable/i.test(header("Content-Transfer-Encoding"))) {
    body = decodeQuotedPrintable(body);
  }
  return { to: header("To"), subject: header("Subject"), body };
}

/**
 * Waits for the first mail to `to` whose body matches `pattern`, and returns the match. With `since`, only mail
 * written after it counts (the files are named by the time they arrived), for a journey whose mail reads the same
 * as one from an earlier run against the same mailbox.
 */
export async function awaitMail(
  to: string,
  pattern: RegExp,
  timeoutMs = 20_000,
  since?: Date,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  const dir = mailboxDir();
  const after = since ? `${since.toISOString().replace(/[:.]/g, "-")}.eml` : "";
  while (Date.now() < deadline) {
    const files = (await readdir(dir).catch(() => [] as string[]))
      .filter((f) => f.endsWith(".eml") && f >= after)
      .sort()
      .reverse();
    for (const file of files) {
      const mail = plainBody(await readFile(join(dir, file), "utf8"));
      const match = mail.to.toLowerCase().includes(to.toLowerCase()) ? pattern.exec(mail.body) : null;
      if (match) return match;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No mail to ${to} matching ${pattern} arrived in ${timeoutMs} ms`);
}
