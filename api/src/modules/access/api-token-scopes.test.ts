import { isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../schema.js";
import type { Viewer } from "../../shared/viewer.js";
import { API_SCOPES, grantableScopes, missingScope, READ_SCOPES, ROOT_FIELD_SCOPES } from "./api-token-scopes.js";

const partner = (apiTokenScopes: string[] | null): Viewer => ({
  userId: "u",
  name: "Petra",
  email: "petra@nordsak.demo",
  role: "PARTNER_ADMIN",
  organisationId: "o",
  organisationKind: "PARTNER",
  sessionId: null,
  apiTokenId: "t",
  apiTokenScopes,
  requestId: null,
});

describe("API token scopes", () => {
  // The house rule: a new root field is closed to every limited token until it is placed here.
  it("assigns every root Query and Mutation field a scope, and names no field the schema lacks", async () => {
    const built = await schema();
    for (const root of ["Query", "Mutation"] as const) {
      const type = built.getType(root);
      const fields = isObjectType(type) ? Object.keys(type.getFields()) : [];
      expect(fields.length).toBeGreaterThan(0);
      const mapped = Object.keys(ROOT_FIELD_SCOPES[root]);
      expect(
        fields.filter((f) => !mapped.includes(f)),
        `give each ${root} field a scope in api-token-scopes.ts`,
      ).toEqual([]);
      expect(
        mapped.filter((f) => !fields.includes(f)),
        `${root} fields that no longer exist`,
      ).toEqual([]);
    }
  });

  it("uses only scopes of the list, and every scope guards some field", () => {
    const used = new Set(Object.values({ ...ROOT_FIELD_SCOPES.Query, ...ROOT_FIELD_SCOPES.Mutation }));
    for (const rule of used) expect([...API_SCOPES, "OPEN", "ANY_READ"]).toContain(rule);
    for (const scope of API_SCOPES) expect(used, scope).toContain(scope);
  });

  it("refuses what a token lacks, naming the scope; a write scope includes its read; no scopes is full access", () => {
    expect(missingScope(READ_SCOPES, "Mutation", "openSupportCase")).toBe("cases:write");
    expect(missingScope(READ_SCOPES, "Query", "supportCases")).toBeNull();
    expect(missingScope(["cases:write"], "Mutation", "openSupportCase")).toBeNull();
    expect(missingScope(["cases:write"], "Query", "supportCases")).toBeNull();
    expect(missingScope(["cases:write"], "Mutation", "rentLicence")).toBe("agreements:write");
    expect(missingScope(["cases:write"], "Query", "viewer")).toBeNull();
    expect(missingScope(["cases:write"], "Query", "__typename")).toBeNull();
    expect(missingScope(["cases:write"], "Query", "unplacedField")).toBe("a scope for Query.unplacedField");
    expect(missingScope(null, "Mutation", "rentLicence")).toBeNull();
    expect(missingScope(undefined, "Mutation", "unplacedField")).toBeNull();
  });

  it("grants named scopes in the list's order, refuses unknown or empty ones, and never more than a token holds", () => {
    expect(grantableScopes(partner(null), ["cases:write", "agreements:read", "cases:write"])).toEqual({
      ok: ["agreements:read", "cases:write"],
    });
    expect(grantableScopes(partner(null), undefined)).toEqual({ ok: null });
    expect(grantableScopes({ ...partner(null), apiTokenId: null, apiTokenScopes: undefined }, null)).toEqual({
      ok: null,
    });
    expect(grantableScopes(partner(["access:write", "cases:read"]), null)).toEqual({
      ok: ["access:write", "cases:read"],
    });
    const codes = (r: ReturnType<typeof grantableScopes>) => ("errors" in r ? r.errors.map((e) => e.code) : []);
    expect(codes(grantableScopes(partner(null), []))).toEqual(["INVALID_SCOPE"]);
    expect(codes(grantableScopes(partner(null), ["cases:delete"]))).toEqual(["INVALID_SCOPE"]);
    expect(codes(grantableScopes(partner(["access:write"]), ["cases:write"]))).toEqual(["SCOPE_NOT_HELD"]);
    // A write scope includes its area's read, so a token holding it may pass the read on (a narrower token).
    expect(grantableScopes(partner(["access:write", "cases:write"]), ["cases:read", "access:read"])).toEqual({
      ok: ["cases:read", "access:read"],
    });
    expect(codes(grantableScopes(partner(["cases:read"]), ["cases:write"]))).toEqual(["SCOPE_NOT_HELD"]);
  });
});
