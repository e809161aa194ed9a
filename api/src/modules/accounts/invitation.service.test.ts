import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, emailOutbox, users } from "../../db/schema/index.js";
import { adminViewer, codeOf, freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import { LoginThrottle } from "../access/login-throttle.js";
import * as access from "../access/access.service.js";
import * as parties from "../parties/party.service.js";
import * as invitations from "./invitation.service.js";

let database: Database;
let admin: Viewer;
let customerAdmin: Viewer;
let customerId: string;
let otherCustomerId: string;
const portalUrl = "https://trygg.example";
const DAY = 86_400_000;
const t0 = new Date("2026-03-02T08:00:00Z");
const at = (ms: number) => ({ now: new Date(t0.getTime() + ms), portalUrl });
const PASSWORD = "kastanjens-nya-styrelse-2026";

/** The token in the newest mail to `to`: what the invited person clicks. */
async function tokenMailedTo(to: string): Promise<string> {
  const [mail] = await database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
  const match = /\/invitation\/(tgi_[A-Za-z0-9_-]+)/.exec(mail?.body ?? "");
  if (!match) throw new Error(`no invitation link mailed to ${to}`);
  return match[1]!;
}

let n = 0;
async function invite(role: "CUSTOMER_MEMBER" | "CUSTOMER_ADMIN" = "CUSTOMER_MEMBER") {
  const email = `person${++n}@brf.example`;
  const row = okOf(
    await invitations.inviteUser(database.db, customerAdmin, at(0), {
      organisationId: customerId,
      name: `Person ${n}`,
      email,
      role,
    }),
  );
  return { row, email, token: await tokenMailedTo(email) };
}

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
  const org = (name: string, organisationNumber: string) =>
    parties.createOrganisation(database.db, admin, { kind: "CUSTOMER", name, organisationNumber });
  customerId = okOf(await org("Brf Kastanjen", "769612-3459")).id;
  otherCustomerId = okOf(await org("Brf Linnén", "556901-2346")).id;
  okOf(
    await parties.createUser(database.db, admin, {
      organisationId: customerId,
      name: "Britt Kassör",
      email: "britt@brf.example",
      role: "CUSTOMER_ADMIN",
      password: "britts-long-password-1",
    }),
  );
  const login = await access.login(
    database.db,
    {
      throttle: new LoginThrottle(database.db, { maxPerAccount: 50, maxPerAddress: 50, windowSeconds: 60 }),
      sessionTtlHours: 1,
    },
    { ip: "10.0.0.1", userAgent: null, requestId: null },
    { email: "britt@brf.example", password: "britts-long-password-1" },
  );
  customerAdmin = okOf(login).viewer;
});
afterAll(() => database.close());

describe("inviting", () => {
  it("mails a link whose token is stored only as a hash, valid for 14 days", async () => {
    const { row, token } = await invite();
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - t0.getTime()).toBe(14 * DAY);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.objectId, row.id));
    expect(audit.map((a) => a.action)).toEqual(["invitation.create"]);
  });

  it("refuses a customer admin inviting into another organisation, as if it did not exist", async () => {
    const r = await invitations.inviteUser(database.db, customerAdmin, at(0), {
      organisationId: otherCustomerId,
      name: "Intruder",
      email: "intruder@brf.example",
      role: "CUSTOMER_MEMBER",
    });
    expect(codeOf(r)).toBe("NOT_FOUND");
  });

  it("refuses a customer admin inviting into the vendor's organisation, which she may see", async () => {
    const r = await invitations.inviteUser(database.db, customerAdmin, at(0), {
      organisationId: admin.organisationId,
      name: "Fake Admin",
      email: "fake.admin@brf.example",
      role: "ADMIN",
    });
    expect(codeOf(r)).toBe("NOT_FOUND");
  });

  it("refuses a customer admin giving a vendor role", async () => {
    const r = await invitations.inviteUser(database.db, customerAdmin, at(0), {
      organisationId: customerId,
      name: "Would-be admin",
      email: "wouldbe@brf.example",
      role: "ADMIN",
    });
    expect(codeOf(r)).toBe("ROLE_NOT_ALLOWED_FOR_ORGANISATION");
  });

  it("lets the vendor admin invite into any organisation", async () => {
    const r = await invitations.inviteUser(database.db, admin, at(0), {
      organisationId: otherCustomerId,
      name: "Linnéa Ordförande",
      email: "linnea@linnen.example",
      role: "CUSTOMER_ADMIN",
    });
    expect(codeOf(r)).toBeUndefined();
  });

  it("refuses a second open invitation to the same address, and an address that is already a user", async () => {
    const { email } = await invite();
    const again = await invitations.inviteUser(database.db, customerAdmin, at(0), {
      organisationId: customerId,
      name: "Again",
      email,
      role: "CUSTOMER_MEMBER",
    });
    expect(codeOf(again)).toBe("INVITATION_PENDING");
    const user = await invitations.inviteUser(database.db, customerAdmin, at(0), {
      organisationId: customerId,
      name: "Britt",
      email: "BRITT@brf.example",
      role: "CUSTOMER_MEMBER",
    });
    expect(codeOf(user)).toBe("EMAIL_TAKEN");
  });
});

describe("accepting", () => {
  it("makes a user with the chosen password, who can then log in", async () => {
    const { email, token } = await invite("CUSTOMER_ADMIN");
    const user = okOf(await invitations.acceptInvitation(database.db, at(DAY), { token, password: PASSWORD }));
    expect(user).toMatchObject({ email, role: "CUSTOMER_ADMIN", organisationId: customerId });
    const login = await access.login(
      database.db,
      {
        throttle: new LoginThrottle(database.db, { maxPerAccount: 5, maxPerAddress: 5, windowSeconds: 60 }),
        sessionTtlHours: 1,
      },
      { ip: "10.0.0.9", userAgent: null, requestId: null },
      { email, password: PASSWORD },
    );
    expect(codeOf(login)).toBeUndefined();
  });

  it("works once: the same link again is refused and no second user is made", async () => {
    const { email, token } = await invite();
    okOf(await invitations.acceptInvitation(database.db, at(DAY), { token, password: PASSWORD }));
    const again = await invitations.acceptInvitation(database.db, at(DAY), { token, password: `${PASSWORD}-2` });
    expect(codeOf(again)).toBe("INVITATION_ALREADY_ACCEPTED");
    expect(await database.db.$count(users, eq(users.email, email))).toBe(1);
  });

  it("is refused 14 days after sending, and works the moment before", async () => {
    const late = await invite();
    const expired = await invitations.acceptInvitation(database.db, at(14 * DAY), {
      token: late.token,
      password: PASSWORD,
    });
    expect(codeOf(expired)).toBe("INVITATION_EXPIRED");
    const inTime = await invite();
    const accepted = await invitations.acceptInvitation(database.db, at(14 * DAY - 1000), {
      token: inTime.token,
      password: PASSWORD,
    });
    expect(codeOf(accepted)).toBeUndefined();
  });

  it("holds the password to the strength rules, and a refused password does not use the link up", async () => {
    const { token } = await invite();
    const weak = await invitations.acceptInvitation(database.db, at(DAY), { token, password: "password1234" });
    expect(codeOf(weak)).toBe("PASSWORD_TOO_WEAK");
    expect(codeOf(await invitations.acceptInvitation(database.db, at(DAY), { token, password: PASSWORD }))).toBe(
      undefined,
    );
  });

  it("refuses an unknown token", async () => {
    const r = await invitations.acceptInvitation(database.db, at(0), { token: "tgi_nonsense", password: PASSWORD });
    expect(codeOf(r)).toBe("INVITATION_INVALID");
  });
});

describe("resending and revoking", () => {
  it("resending kills the old link and gives 14 days from the resend", async () => {
    const { row, email, token: oldToken } = await invite();
    const resent = okOf(
      await invitations.resendInvitation(database.db, customerAdmin, at(13 * DAY), { invitationId: row.id }),
    );
    expect(resent.expiresAt.getTime()).toBe(t0.getTime() + 27 * DAY);
    const newToken = await tokenMailedTo(email);
    expect(newToken).not.toBe(oldToken);
    const old = await invitations.acceptInvitation(database.db, at(20 * DAY), { token: oldToken, password: PASSWORD });
    expect(codeOf(old)).toBe("INVITATION_INVALID");
    const fresh = await invitations.acceptInvitation(database.db, at(20 * DAY), {
      token: newToken,
      password: PASSWORD,
    });
    expect(codeOf(fresh)).toBeUndefined();
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.objectId, row.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["invitation.accept", "invitation.create", "invitation.resend"]);
  });

  it("revoking kills the link and takes the invitation off the list", async () => {
    const { row, token } = await invite();
    okOf(await invitations.revokeInvitation(database.db, customerAdmin, at(DAY), { invitationId: row.id }));
    const r = await invitations.acceptInvitation(database.db, at(DAY), { token, password: PASSWORD });
    expect(codeOf(r)).toBe("INVITATION_INVALID");
    const open = await invitations.listInvitations(database.db, customerAdmin, {}, { first: 100 });
    expect(open.edges.map((e) => e.node.id)).not.toContain(row.id);
    const again = await invitations.revokeInvitation(database.db, customerAdmin, at(DAY), { invitationId: row.id });
    expect(codeOf(again)).toBe("NOT_FOUND");
  });

  it("another organisation's admin cannot see, resend or revoke an invitation", async () => {
    const { row } = await invite();
    const stranger = { ...customerAdmin, organisationId: otherCustomerId };
    expect(codeOf(await invitations.resendInvitation(database.db, stranger, at(DAY), { invitationId: row.id }))).toBe(
      "NOT_FOUND",
    );
    expect(codeOf(await invitations.revokeInvitation(database.db, stranger, at(DAY), { invitationId: row.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await invitations.findInvitation(database.db, stranger, row.id)).toBeNull();
    const list = await invitations.listInvitations(database.db, stranger, {}, { first: 100 });
    expect(list.edges.map((e) => e.node.id)).not.toContain(row.id);
  });
});
