import type { DbOrTx } from "../../db/client.js";
import type { userLanguage } from "../../db/schema/index.js";
import { queueEmail, type EmailAttachment } from "./email.service.js";

/** A language a user reads Trygg in (decision 0075); every mail is worded in its reader's (decision 0089). */
export type MailLanguage = (typeof userLanguage.enumValues)[number];

/** What every mail has; a kind may word more (an attached calendar entry's title) in the same place. */
export interface MailText {
  subject: string;
  body: string;
}

/**
 * One kind of mail: its words once per language, as functions of the facts it tells. `example` is a
 * set of facts the check test words it with, so a kind worded in one language only cannot land.
 */
export interface MailKind<F, T extends MailText = MailText> {
  readonly kind: string;
  readonly words: Readonly<Record<MailLanguage, (facts: F) => T>>;
  readonly example: F;
}

export function mailKind<F, T extends MailText = MailText>(
  kind: string,
  words: Record<MailLanguage, (facts: F) => T>,
  example: F,
): MailKind<F, T> {
  return { kind, words, example };
}

/** Someone a mail goes to: an address, and the language it is worded in. */
export interface MailReader {
  email: string;
  language: MailLanguage;
}

/** The kind's words in the reader's language, for the facts given. */
const wordMail = <F, T extends MailText>(kind: MailKind<F, T>, language: MailLanguage, facts: F): T =>
  kind.words[language](facts);

/**
 * Words the mail in its reader's language and queues it in the caller's transaction (queueEmail).
 * Attachments are made from the worded text, so a calendar entry carries the reader's words too.
 */
export async function queueMail<F, T extends MailText>(
  tx: DbOrTx,
  kind: MailKind<F, T>,
  reader: MailReader,
  facts: F,
  attachments?: (text: T, language: MailLanguage) => EmailAttachment[],
): Promise<string> {
  const text = wordMail(kind, reader.language, facts);
  return queueEmail(tx, {
    to: reader.email,
    subject: text.subject,
    body: text.body,
    attachments: attachments?.(text, reader.language),
  });
}

/**
 * Several people, one mail each in their own language; an address met twice (a technician who is also an
 * admin) is mailed once, in the language of its first appearance. Returns the addresses mailed.
 */
export async function queueMailToEach<F, T extends MailText>(
  tx: DbOrTx,
  kind: MailKind<F, T>,
  readers: readonly MailReader[],
  facts: F | ((reader: MailReader) => F),
  attachments?: (text: T, language: MailLanguage) => EmailAttachment[],
): Promise<string[]> {
  const seen = new Set<string>();
  for (const reader of readers) {
    if (seen.has(reader.email)) continue;
    seen.add(reader.email);
    const f = typeof facts === "function" ? (facts as (r: MailReader) => F)(reader) : facts;
    await queueMail(tx, kind, reader, f, attachments);
  }
  return [...seen];
}

/**
 * A reason Trygg words itself (an agreement ended) comes in every language; what a person typed (a technician's
 * reason for a move) is a record and stays as written, whatever the reader's language.
 */
export type Worded = string | Readonly<Record<MailLanguage, string>>;

export const inLanguage = (worded: Worded, language: MailLanguage): string =>
  typeof worded === "string" ? worded : worded[language];
