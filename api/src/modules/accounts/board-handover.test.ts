import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, emailOutbox, sessions, users } from "../../db/schema/index.js";
import { adminViewer, codeOf, freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import { LoginThrottle } from "../access/login-throttle.js";
import * as access from "../access/access.service.js";
import * as parties from "../parties/party.service.js";
import { deactivateUser } from "../parties/user-access.js";
import { recoverBoard, startBoardHandover } from "./board-handover.js";
import * as invitations from "./invitation.service.js";

let database: Database;
let admin: Viewer;
let n = 0;
const settings = { now: new Date("2026-04-02T08:00:00Z"), portalUrl: "https://trygg.example" };
const throttle = () => new LoginThrottle(database.db, { maxPerAccount: 50, maxPerAddress: 50, windowSeconds: 60 });

async function logIn(email: string, password: string) {
  const r = await access.login(
    database.db,
    { throttle: throttle(), sessionTtlHours: 1 },
    { ip: "10.0.0.1", userAgent: null, requestId: null },
    { email, password },
  );
  return okOf(r).viewer;
}

/** Nine digits and their Luhn check digit, as NNNNNN-NNNN. */
function withCheckDigit(nine: string): string {
  const sum = [...nine].reduce((acc, d, i) => {
    const v = Number(d) * (i % 2 === 0 ? 2 : 1);
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  const all = nine + String((10 - (sum % 10)) % 10);
  return `${all.slice(0, 6)}-${all.slice(6)}`;
}

/** A fresh BRF with one admin, logged in. */
async function brfWithAdmin() {
  n++;
  const organisation = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "CUSTOMER",
      name: `Brf Handover ${n}`,
      organisationNumber: withCheckDigit(`769600${String(100 + n)}`),
    }),
  );
  const email = `chair${n}@brf.example`;
  const password = "the-old-chairs-password-1";
  okOf(
    await parties.createUser(database.db, admin, {
      organisationId: organisation.id,
      name: `Chair ${n}`,
      email,
      role: "CUSTOMER_ADMIN",
      password,
    }),
  );
  return { organisation, chair: await logIn(email, password) };
}

async function accept(to: string) {
  const [mail] = await database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
  const token = /\/invitation\/(tgi_[A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;
  return okOf(await invitations.acceptInvitation(database.db, settings, { token, password: "the-new-boards-pass-2" }));
}

const userRow = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;

beforeAll(async () => {
  database = await freshDatabase();
  admin = await adminViewer(database);
});
afterAll(() => database.close());

describe("the board handover", () => {
  it("keeps the last admin until the successor accepts, then the leaving admin's access ends with the acceptance", async () => {
    const { organisation, chair } = await brfWithAdmin();
    const successor = `successor${n}@brf.example`;
    okOf(
      await startBoardHandover(database.db, chair, settings, { name: "Ny Ordförande", email: successor, leave: true }),
    );
    // Invited is not accepted: the chair is still the only admin and cannot leave yet.
    expect(codeOf(await deactivateUser(database.db, chair, { userId: chair.userId }))).toBe("LAST_ADMIN");
    expect((await userRow(chair.userId)).deactivatedAt).toBeNull();

    const newAdmin = await accept(successor);
    expect(newAdmin.role).toBe("CUSTOMER_ADMIN");
    expect(newAdmin.organisationId).toBe(organisation.id);
    expect((await userRow(chair.userId)).deactivatedAt).not.toBeNull();
    const open = await database.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, chair.userId), isNull(sessions.endedAt)));
    expect(open).toEqual([]);
    const trail = await database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, organisation.id));
    expect(trail.map((a) => a.action)).toEqual(
      expect.arrayContaining(["organisation.handoverStart", "user.deactivate", "organisation.handoverComplete"]),
    );
    // And now the successor is the last admin: the rule holds for them in turn.
    const successorViewer = await logIn(successor, "the-new-boards-pass-2");
    expect(codeOf(await deactivateUser(database.db, successorViewer, { userId: newAdmin.id }))).toBe("LAST_ADMIN");
  });

  it("leaves the starting admin in place when they did not ask to leave, and a revoked invitation completes nothing", async () => {
    const { chair } = await brfWithAdmin();
    const stays = `stays${n}@brf.example`;
    okOf(await startBoardHandover(database.db, chair, settings, { name: "Vice", email: stays, leave: false }));
    await accept(stays);
    expect((await userRow(chair.userId)).deactivatedAt).toBeNull();

    const revoked = `revoked${n}@brf.example`;
    const inv = okOf(
      await startBoardHandover(database.db, chair, settings, { name: "Ångrad", email: revoked, leave: true }),
    );
    okOf(await invitations.revokeInvitation(database.db, chair, settings, { invitationId: inv.id }));
    expect((await userRow(chair.userId)).deactivatedAt).toBeNull();
  });

  it("is the board's own: the vendor's admin starts none", async () => {
    await expect(
      startBoardHandover(database.db, admin, settings, { name: "X", email: "x@vendor.example", leave: false }),
    ).rejects.toThrow();
  });
});

describe("the vendor recovering a board", () => {
  it("needs a reason, and keeps it in the audit trail", async () => {
    const { organisation } = await brfWithAdmin();
    const input = { organisationId: organisation.id, name: "Ny Kassör", email: `rescue${n}@brf.example` };
    for (const reason of ["", "   ", "för att"]) {
      const r = await recoverBoard(database.db, admin, settings, { ...input, reason, replaceAdmins: true });
      expect(codeOf(r)).toBe("RECOVERY_REASON_REQUIRED");
    }
    const reason = "Ordföranden har flyttat; styrelsen styrkt med protokoll från stämman 2026-03-20";
    okOf(await recoverBoard(database.db, admin, settings, { ...input, reason, replaceAdmins: true }));
    const [entry] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, organisation.id), eq(auditEvents.action, "organisation.recoverAdmin")));
    expect(entry!.details).toMatchObject({ reason, successor: input.email, replacing: true });
  });

  it("replaces the unreachable admins once the new one accepts, not before", async () => {
    const { organisation, chair } = await brfWithAdmin();
    const email = `rescued${n}@brf.example`;
    const reason = "Enda administratören nås inte; ny styrelse styrkt med stämmoprotokoll";
    okOf(
      await recoverBoard(database.db, admin, settings, {
        organisationId: organisation.id,
        name: "Räddare",
        email,
        reason,
        replaceAdmins: true,
      }),
    );
    expect((await userRow(chair.userId)).deactivatedAt).toBeNull();
    await accept(email);
    expect((await userRow(chair.userId)).deactivatedAt).not.toBeNull();
  });

  it("is the vendor's alone: a customer admin cannot recover even their own board", async () => {
    const { organisation, chair } = await brfWithAdmin();
    await expect(
      recoverBoard(database.db, chair, settings, {
        organisationId: organisation.id,
        name: "Egen",
        email: `own${n}@brf.example`,
        reason: "Jag vill byta ut mig själv",
        replaceAdmins: false,
      }),
    ).rejects.toThrow();
  });
});
