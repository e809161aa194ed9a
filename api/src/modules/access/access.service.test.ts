import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { sessions } from "../../db/schema/index.js";
import { adminViewer, freshDatabase } from "../../test-support.js";
import type { Viewer } from "../../shared/viewer.js";
import * as parties from "../parties/party.service.js";
import * as userAccess from "../parties/user-access.js";
import * as access from "./access.service.js";
import { LoginThrottle, TooManyLoginAttempts } from "./login-throttle.js";

let database: Database;
let partnerAdmin: Viewer;
const request = { ip: "10.0.0.1", userAgent: "test", requestId: null };
const deps = () => ({
  throttle: new LoginThrottle(database.db, { maxPerAccount: 3, maxPerAddress: 100, windowSeconds: 900 }),
  sessionTtlHours: 1,
});

beforeAll(async () => {
  database = await freshDatabase();
  const admin = await adminViewer(database);
  const partner = await parties.createOrganisation(database.db, admin, {
    kind: "PARTNER",
    name: "Partner AB",
    organisationNumber: "556812-3458",
  });
  if (!("ok" in partner)) throw new Error("seed");
  await parties.createUser(database.db, admin, {
    organisationId: partner.ok.id,
    name: "Petra",
    email: "petra@partner.example",
    role: "PARTNER_ADMIN",
    password: "petras-long-password",
  });
  const login = await access.login(database.db, deps(), request, {
    email: "petra@partner.example",
    password: "petras-long-password",
  });
  if (!("ok" in login)) throw new Error("login");
  partnerAdmin = login.ok.viewer;
});
afterAll(() => database.close());

describe("login", () => {
  it("gives a session token that authenticates the user", async () => {
    const r = await access.login(database.db, deps(), request, {
      email: "PETRA@partner.example",
      password: "petras-long-password",
    });
    if (!("ok" in r)) throw new Error(JSON.stringify(r));
    const viewer = await access.authenticate(database.db, r.ok.token, null);
    expect(viewer).toMatchObject({
      email: "petra@partner.example",
      role: "PARTNER_ADMIN",
      organisationKind: "PARTNER",
    });
  });

  it("answers a wrong password and an unknown e-mail with the same error", async () => {
    const wrongPassword = await access.login(database.db, deps(), request, {
      email: "petra@partner.example",
      password: "nope",
    });
    const unknownEmail = await access.login(database.db, deps(), request, {
      email: "nobody@partner.example",
      password: "petras-long-password",
    });
    expect(wrongPassword).toEqual(unknownEmail);
    expect(wrongPassword).toMatchObject({
      errors: [{ code: "INVALID_CREDENTIALS", message: "The e-mail address or the password is wrong." }],
    });
  });

  // The counters live in the database, so each case below guesses from an address of its own.
  it("slows down repeated failures on one account from one address, even when the right password then comes", async () => {
    const d = deps();
    const from = { ...request, ip: "10.0.1.1" };
    for (let i = 0; i < 3; i++)
      await access.login(database.db, d, from, { email: "petra@partner.example", password: "guess" });
    await expect(
      access.login(database.db, d, from, { email: "petra@partner.example", password: "petras-long-password" }),
    ).rejects.toBeInstanceOf(TooManyLoginAttempts);
    // OWASP: a stranger's guesses from elsewhere do not lock the user out.
    const elsewhere = await access.login(
      database.db,
      d,
      { ...request, ip: "10.0.1.2" },
      { email: "petra@partner.example", password: "petras-long-password" },
    );
    expect("ok" in elsewhere).toBe(true);
  });

  it("slows down one address guessing many accounts", async () => {
    const d = {
      ...deps(),
      throttle: new LoginThrottle(database.db, { maxPerAccount: 100, maxPerAddress: 3, windowSeconds: 900 }),
    };
    const from = { ...request, ip: "10.0.2.1" };
    for (let i = 0; i < 3; i++)
      await access.login(database.db, d, from, { email: `x${i}@partner.example`, password: "guess" });
    await expect(
      access.login(database.db, d, from, { email: "petra@partner.example", password: "petras-long-password" }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      retryAfterSeconds: expect.any(Number),
    });
    const elsewhere = await access.login(
      database.db,
      d,
      { ...request, ip: "10.0.2.2" },
      { email: "petra@partner.example", password: "petras-long-password" },
    );
    expect("ok" in elsewhere).toBe(true);
  });

  it("stops an account being guessed from many addresses with the slower daily limit", async () => {
    const d = {
      ...deps(),
      throttle: new LoginThrottle(database.db, {
        maxPerAccount: 100,
        maxPerAddress: 100,
        windowSeconds: 900,
        maxPerAccountDaily: 4,
      }),
    };
    for (let i = 0; i < 4; i++)
      await access.login(
        database.db,
        d,
        { ...request, ip: `10.0.3.${i}` },
        { email: "nobody-daily@partner.example", password: "guess" },
      );
    await expect(
      access.login(
        database.db,
        d,
        { ...request, ip: "10.0.3.99" },
        { email: "nobody-daily@partner.example", password: "guess" },
      ),
    ).rejects.toBeInstanceOf(TooManyLoginAttempts);
  });
});

describe("sessions", () => {
  it("stop working when they expire", async () => {
    const r = await access.login(database.db, deps(), request, {
      email: "petra@partner.example",
      password: "petras-long-password",
    });
    if (!("ok" in r)) throw new Error();
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, r.ok.viewer.sessionId!));
    expect(await access.authenticate(database.db, r.ok.token, null)).toBeNull();
  });

  it("stop working after logout", async () => {
    const r = await access.login(database.db, deps(), request, {
      email: "petra@partner.example",
      password: "petras-long-password",
    });
    if (!("ok" in r)) throw new Error();
    await access.logout(database.db, r.ok.viewer);
    expect(await access.authenticate(database.db, r.ok.token, null)).toBeNull();
  });
});

describe("API tokens", () => {
  it("work as Bearer tokens until revoked, and store only a hash", async () => {
    const created = await access.createApiToken(database.db, partnerAdmin, { name: "CRM" });
    if (!("ok" in created)) throw new Error();
    const { secret, token } = created.ok;
    expect(token.tokenHash).not.toContain(secret);
    expect(await access.authenticate(database.db, secret, null)).toMatchObject({
      apiTokenId: token.id,
      role: "PARTNER_ADMIN",
    });
    expect("ok" in (await access.revokeApiToken(database.db, partnerAdmin, { apiTokenId: token.id }))).toBe(true);
    expect(await access.authenticate(database.db, secret, null)).toBeNull();
    expect(await access.revokeApiToken(database.db, partnerAdmin, { apiTokenId: token.id })).toMatchObject({
      errors: [{ code: "ALREADY_REVOKED" }],
    });
  });

  // The viewer behind a token is cached for a few seconds (api-token-cache.ts): a change of access must not wait for
  // that.
  it("stop working at once when their user gets another role, even just after a request", async () => {
    const admin = await adminViewer(database);
    const pelle = await parties.createUser(database.db, admin, {
      organisationId: partnerAdmin.organisationId,
      name: "Pelle",
      email: "pelle@partner.example",
      role: "PARTNER_ADMIN",
      password: "pelles-long-password",
    });
    if (!("ok" in pelle)) throw new Error("seed");
    const login = await access.login(database.db, deps(), request, {
      email: "pelle@partner.example",
      password: "pelles-long-password",
    });
    if (!("ok" in login)) throw new Error("login");
    const created = await access.createApiToken(database.db, login.ok.viewer, { name: "Nightly" });
    if (!("ok" in created)) throw new Error();
    expect(await access.authenticate(database.db, created.ok.secret, null)).toMatchObject({ role: "PARTNER_ADMIN" });
    expect(
      "ok" in
        (await userAccess.changeUserRole(database.db, partnerAdmin, { userId: pelle.ok.id, role: "PARTNER_STAFF" })),
    ).toBe(true);
    expect(await access.authenticate(database.db, created.ok.secret, null)).toBeNull();
  });

  it("cannot be made by customers or partner staff", async () => {
    await expect(
      access.createApiToken(database.db, { ...partnerAdmin, role: "PARTNER_STAFF" }, { name: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
