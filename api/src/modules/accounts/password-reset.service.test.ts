import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { auditEvents, emailOutbox } from "../../db/schema/index.js";
import { adminViewer, codeOf, freshDatabase, okOf } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import * as access from "../access/access.service.js";
import { LoginThrottle } from "../access/login-throttle.js";
import * as parties from "../parties/party.service.js";
import { changePassword } from "./password-change.js";
import { completePasswordReset, requestPasswordReset } from "./password-reset.service.js";
import { ResetThrottle, TooManyResetRequests } from "./reset-throttle.js";

let database: Database;
let organisationId: string;
const portalUrl = "https://trygg.example";
const MINUTE = 60_000;
const t0 = new Date("2026-03-02T08:00:00Z");
const at = (ms: number) => ({ now: new Date(t0.getTime() + ms), portalUrl });
const NEW_PASSWORD = "en-helt-ny-fras-for-trygg";
const request = { ip: "10.0.0.1", requestId: null };
const generous = () =>
  new ResetThrottle(database.db, { maxPerAccount: 1000, maxPerAddress: 1000, windowSeconds: 3600 });
const loginThrottle = () => new LoginThrottle(database.db, { maxPerAccount: 50, maxPerAddress: 50, windowSeconds: 60 });

let n = 0;
async function person(password = "ett-gammalt-bra-losenord") {
  const email = `user${++n}@partner.example`;
  okOf(
    await parties.createUser(database.db, await adminViewer(database), {
      organisationId,
      name: `User ${n}`,
      email,
      role: "PARTNER_ADMIN",
      password,
    }),
  );
  return email;
}

async function logIn(email: string, password: string) {
  return access.login(
    database.db,
    { throttle: loginThrottle(), sessionTtlHours: 1 },
    { ip: "10.0.0.2", userAgent: null, requestId: null },
    { email, password },
  );
}

async function newestMailTo(to: string) {
  const [mail] = await database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
  return mail;
}

async function resetTokenFor(email: string, now = at(0)): Promise<string> {
  await requestPasswordReset(database.db, { throttle: generous(), settings: now, answerAfterMs: 0 }, request, {
    email,
  });
  const match = /\/reset-password\/(tgr_[A-Za-z0-9_-]+)/.exec((await newestMailTo(email))?.body ?? "");
  if (!match) throw new Error(`no reset link mailed to ${email}`);
  return match[1]!;
}

beforeAll(async () => {
  database = await freshDatabase();
  const admin = await adminViewer(database);
  organisationId = okOf(
    await parties.createOrganisation(database.db, admin, {
      kind: "PARTNER",
      name: "Partner AB",
      organisationNumber: "556812-3458",
    }),
  ).id;
});
afterAll(() => database.close());

describe("asking for a reset", () => {
  it("answers a known and an unknown address alike; only the known one gets a link", async () => {
    const known = await person();
    const unknown = "nobody@partner.example";
    const answers = await Promise.all(
      [known, unknown].map((email) =>
        requestPasswordReset(database.db, { throttle: generous(), settings: at(0), answerAfterMs: 0 }, request, {
          email,
        }),
      ),
    );
    expect(answers[0]).toEqual(answers[1]);
    expect((await newestMailTo(known))?.body).toMatch(/\/reset-password\/tgr_/);
    const toUnknown = await newestMailTo(unknown);
    expect(toUnknown?.body).toContain("inget aktivt konto");
    expect(toUnknown?.body).not.toMatch(/tgr_/);
  });

  it("takes comparable time for a known and an unknown address (measured, interleaved)", async () => {
    const known = await person();
    const unknown = "stranger@partner.example";
    const throttle = generous();
    const time = async (email: string) => {
      const start = performance.now();
      await requestPasswordReset(database.db, { throttle, settings: at(0), answerAfterMs: 80 }, request, { email });
      return performance.now() - start;
    };
    const samples: Record<string, number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 3; i++) {
      // Warm-up: the first calls pay for compiling and caching.
      await time(known);
      await time(unknown);
    }
    // Interleaved, each going first every other round: the first of a pair pays for what the other left behind.
    for (let i = 0; i < 20; i++) {
      const pair = i % 2 === 0 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
      for (const which of pair) samples[which]!.push(await time(which === "known" ? known : unknown));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(samples.known!) / median(samples.unknown!);
    console.info(`reset request medians: known ${median(samples.known!)} ms, unknown ${median(samples.unknown!)} ms`);
    // A guesser timing the answers cannot tell the two apart.
    expect(ratio).toBeGreaterThan(1 / 1.2);
    expect(ratio).toBeLessThan(1.2);
  });

  it("is limited per address asked for, known or not, before anything is looked up", async () => {
    const known = await person();
    const throttle = new ResetThrottle(database.db, { maxPerAccount: 2, maxPerAddress: 100, windowSeconds: 3600 });
    for (const email of [known, "ghost@partner.example"]) {
      await requestPasswordReset(database.db, { throttle, settings: at(0), answerAfterMs: 0 }, request, { email });
      await requestPasswordReset(database.db, { throttle, settings: at(0), answerAfterMs: 0 }, request, { email });
      await expect(
        requestPasswordReset(database.db, { throttle, settings: at(0), answerAfterMs: 0 }, request, { email }),
      ).rejects.toBeInstanceOf(TooManyResetRequests);
    }
  });

  it("is limited per network address, whichever e-mails it names", async () => {
    const throttle = new ResetThrottle(database.db, { maxPerAccount: 100, maxPerAddress: 2, windowSeconds: 3600 });
    const from = { ip: "10.9.9.9", requestId: null };
    await requestPasswordReset(database.db, { throttle, settings: at(0), answerAfterMs: 0 }, from, {
      email: "a@x.example",
    });
    await requestPasswordReset(database.db, { throttle, settings: at(0), answerAfterMs: 0 }, from, {
      email: "b@x.example",
    });
    await expect(
      requestPasswordReset(database.db, { throttle, settings: at(0), answerAfterMs: 0 }, from, {
        email: "c@x.example",
      }),
    ).rejects.toBeInstanceOf(TooManyResetRequests);
  });
});

describe("resetting", () => {
  it("sets the password, ends every session and API token of the user, and is audited", async () => {
    const email = await person("ett-gammalt-bra-losenord");
    const session = okOf(await logIn(email, "ett-gammalt-bra-losenord"));
    const apiToken = okOf(await access.createApiToken(database.db, session.viewer, { name: "CRM" })).secret;
    const token = await resetTokenFor(email);
    expect(okOf(await completePasswordReset(database.db, at(MINUTE), { token, password: NEW_PASSWORD }))).toEqual({
      email,
    });
    expect(await access.authenticate(database.db, session.token, null)).toBeNull();
    expect(await access.authenticate(database.db, apiToken, null)).toBeNull();
    expect(codeOf(await logIn(email, "ett-gammalt-bra-losenord"))).toBe("INVALID_CREDENTIALS");
    expect(codeOf(await logIn(email, NEW_PASSWORD))).toBeUndefined();
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.objectId, session.viewer.userId));
    expect(audit.map((a) => a.action)).toContain("passwordReset.complete");
  });

  it("works once", async () => {
    const email = await person();
    const token = await resetTokenFor(email);
    okOf(await completePasswordReset(database.db, at(MINUTE), { token, password: NEW_PASSWORD }));
    const again = await completePasswordReset(database.db, at(2 * MINUTE), { token, password: `${NEW_PASSWORD}-x` });
    expect(codeOf(again)).toBe("RESET_LINK_INVALID");
  });

  it("sent twice at once (two tabs), the link works for one of them only", async () => {
    const email = await person();
    const token = await resetTokenFor(email);
    const both = await Promise.all(
      ["first", "second"].map((tab) =>
        completePasswordReset(database.db, at(MINUTE), { token, password: `${NEW_PASSWORD}-${tab}` }),
      ),
    );
    expect(both.map(codeOf).sort()).toEqual(["RESET_LINK_INVALID", undefined]);
  });

  it("expires after an hour, and works the moment before", async () => {
    const email = await person();
    const token = await resetTokenFor(email);
    const late = await completePasswordReset(database.db, at(60 * MINUTE), { token, password: NEW_PASSWORD });
    expect(codeOf(late)).toBe("RESET_LINK_EXPIRED");
    const inTime = await completePasswordReset(database.db, at(60 * MINUTE - 1000), { token, password: NEW_PASSWORD });
    expect(codeOf(inTime)).toBeUndefined();
  });

  it("a used link makes the user's other open links useless too", async () => {
    const email = await person();
    const first = await resetTokenFor(email);
    const second = await resetTokenFor(email);
    okOf(await completePasswordReset(database.db, at(MINUTE), { token: second, password: NEW_PASSWORD }));
    const older = await completePasswordReset(database.db, at(MINUTE), { token: first, password: `${NEW_PASSWORD}-x` });
    expect(codeOf(older)).toBe("RESET_LINK_INVALID");
  });

  it("holds the new password to the strength rules without using the link up", async () => {
    const email = await person();
    const token = await resetTokenFor(email);
    const weak = await completePasswordReset(database.db, at(MINUTE), { token, password: "short" });
    expect(codeOf(weak)).toBe("PASSWORD_TOO_SHORT");
    expect(codeOf(await completePasswordReset(database.db, at(MINUTE), { token, password: NEW_PASSWORD }))).toBe(
      undefined,
    );
  });
});

describe("changing the password", () => {
  let viewer: Viewer;
  let sessionToken: string;
  let email: string;
  beforeAll(async () => {
    email = await person("det-nuvarande-losenordet");
    ({ viewer, token: sessionToken } = okOf(await logIn(email, "det-nuvarande-losenordet")));
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const r = await changePassword(database.db, { throttle: loginThrottle(), now: t0 }, viewer, request, {
      currentPassword: "not-the-password-at-all",
      newPassword: NEW_PASSWORD,
    });
    expect(codeOf(r)).toBe("WRONG_PASSWORD");
    expect(codeOf(await logIn(email, "det-nuvarande-losenordet"))).toBeUndefined();
  });

  it("changes it with the current one, keeps this session and ends the others", async () => {
    const other = okOf(await logIn(email, "det-nuvarande-losenordet"));
    const r = await changePassword(database.db, { throttle: loginThrottle(), now: t0 }, viewer, request, {
      currentPassword: "det-nuvarande-losenordet",
      newPassword: NEW_PASSWORD,
    });
    expect(codeOf(r)).toBeUndefined();
    expect(await access.authenticate(database.db, other.token, null)).toBeNull();
    expect(await access.authenticate(database.db, sessionToken, null)).toMatchObject({ email });
    const [mine] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "user.changePassword"));
    expect(mine?.actorSessionId).toBe(viewer.sessionId);
    expect(codeOf(await logIn(email, NEW_PASSWORD))).toBeUndefined();
  });
});
