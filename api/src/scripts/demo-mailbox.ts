import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A mailbox for the demo: an SMTP server on localhost that keeps every message as an .eml file
 * (open it in any mail program) and prints a line per message. Start the API with
 * SMTP_URL=smtp://127.0.0.1:1025 to send Trygg's mail here.
 */
const port = Number(process.env.MAILBOX_PORT ?? 1025);
const dir = resolve(process.env.MAILBOX_DIR ?? join(process.env.TRYGG_DATA_DIR ?? ".data", "mailbox"));
mkdirSync(dir, { recursive: true });

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks);
      simpleParser(raw)
        .then((mail) => {
          const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.eml`);
          writeFileSync(file, raw);
          const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a?.text).join(", ");
          const files = mail.attachments.map((a) => a.filename).join(", ");
          console.log(`${to}: ${mail.subject}${files ? ` [${files}]` : ""}\n  → ${file}`);
          callback();
        })
        .catch(callback);
    });
  },
});
server.listen(port, "127.0.0.1", () => console.log(`Demo mailbox on smtp://127.0.0.1:${port}, keeping mail in ${dir}`));
