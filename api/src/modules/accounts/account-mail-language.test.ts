import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { emailOutbox } from "../../db/schema/index.js";
import { adminViewer, freshDatabase, okOf, viewerAs } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import * as parties from "../parties/party.service.js";
import { setUserLanguage } from "../parties/index.js";
import * as invitations from "./invitation.service.js";
import { requestPasswordReset } from "./password-reset.service.js";
import { ResetThrottle } from "./reset-throttle.js";

// Decision 0089: each mail of accounts in its reader's language.
let database: Database;
let admin: Viewer;
let partnerId: string;
const settings = { now: new Date("2026-03-02T08:00:00Z"), portalUrl: "https://trygg.example" };
let n = 0;

async function person(language: "SV" | "EN") {
  const email = `reader${++n}@partner.example`;
  const user = okOf(
    await parties.createUser(database.db, admin, {
      organisationId: partnerId,
      name: `Reader ${n}`,
      email,
      role: "PARTNER_ADMIN",
      password: "ett-gammalt-bra-losenord",
    }),
  );
  await database.db.transaction((tx) => setUserLanguage(tx, user.id, language));
  return user;
}

async function newestMailTo(to: string) {
  const [mail] = await database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
  return mail!;
}

const reset = (email: string) =>
  requestPasswordReset(
    database.db,
    {
      throttle: new ResetThrottle(database.db, { maxPerAccount: 100, maxPerAddress: 100, windowSeconds: 3600 }),
      settings,
      answerAfterMs: 0,
    },
    { ip: "10.0.0.9", requestId: null },
    { email },
  );

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  partnerId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "PARTNER",
      name: "Partner AB",
      organisationNumber: "556812-3458",
    }),
  ).id;
});
afterAll(() => database.close());

describe("the mails of accounts in the reader's language", () => {
  it("words a password reset in English for an English user and in Swedish for a Swedish one", async () => {
    const english = await person("EN");
    const swedish = await person("SV");
    await reset(english.email);
    await reset(swedish.email);
    const en = await newestMailTo(english.email);
    expect(en.subject).toBe("Reset your Trygg password");
    expect(en.body).toContain("Open the link and choose a new password");
    const sv = await newestMailTo(swedish.email);
    expect(sv.subject).toBe("Återställ ditt lösenord i Trygg");
    expect(sv.body).toContain("välj ett nytt lösenord");
  });

  it("words an invitation in the inviting admin's language, the invitee having none yet", async () => {
    const inviter = await person("EN");
    const as = viewerAs(admin, {
      userId: inviter.id,
      name: inviter.name,
      role: "PARTNER_ADMIN",
      organisationId: partnerId,
    });
    okOf(
      await invitations.inviteUser(database.db, as, settings, {
        organisationId: partnerId,
        name: "New Person",
        email: "new.person@partner.example",
        role: "PARTNER_STAFF",
      }),
    );
    const mail = await newestMailTo("new.person@partner.example");
    expect(mail.subject).toBe("Invitation to Trygg for Partner AB");
    expect(mail.body).toContain(`${inviter.name} has invited you to Trygg as partner staff for Partner AB.`);
    expect(mail.body).toContain("valid until 16 March 2026 inclusive");
  });
});
