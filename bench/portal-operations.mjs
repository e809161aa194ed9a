// The portal's own GraphQL operations, as the scale bench sends them to the API: the documents codegen wrote into
// portal/app/graphql/graphql.ts (each with its fragments), and the dashboard's variables as its loader chooses them
// (portal/app/routes/_app._index/route.tsx). Apollo Client adds `__typename` to each selection; that is left out.
import { readFileSync } from "node:fs";
import path from "node:path";
import { print } from "graphql";
import { AGREEMENT_MANAGERS, ORGANISATION_DEACTIVATORS, VENDOR_CASE_HANDLERS, isOneOf } from "@trygg/roles";
import { root } from "../scripts/lib.mjs";

let generated;

/** The query text of the portal's operation `name` (e.g. "VendorDashboard"), fragments included. */
export function portalOperation(name) {
  generated ??= readFileSync(path.join(root, "portal", "app", "graphql", "graphql.ts"), "utf8");
  const start = `export const ${name}Document = `;
  const at = generated.indexOf(start);
  if (at < 0) throw new Error(`The portal has no operation ${name} (portal/app/graphql/graphql.ts)`);
  const json = generated.slice(at + start.length, generated.indexOf(" as unknown as DocumentNode", at));
  return print(JSON.parse(json));
}

/** Today plus `days` in Sweden's calendar, as the dashboard's `isoDatePlus(todayInSweden(), days)`. */
function swedishDatePlus(days) {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The vendor dashboard's variables for a viewer (`{ user { role } sections }`), as its loader sets them. */
export function vendorDashboardVariables({ user, sections }) {
  return {
    in30: swedishDatePlus(31),
    in60: swedishDatePlus(61),
    in90: swedishDatePlus(91),
    sales: isOneOf(user.role, AGREEMENT_MANAGERS),
    support: isOneOf(user.role, VENDOR_CASE_HANDLERS),
    admin: sections.includes("EMAIL_OUTBOX"),
    lockouts: sections.includes("LOGIN_LOCKOUTS"),
    deactivations: isOneOf(user.role, ORGANISATION_DEACTIVATORS),
  };
}
