import { and, asc, eq, gt, ilike, or, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { organisations, properties, tiers, users } from "../../db/schema/index.js";
import { recordAudit } from "../../shared/audit.js";
import { paginate, type Connection, type PageRequest } from "../../shared/connection.js";
import { forbidden, ok, userError, type Result } from "../../shared/errors.js";
import { hashPassword } from "../../shared/password.js";
import { isReadableName } from "../../shared/text-rule.js";
import { correctedContact, movedContact, NO_CONTACT, type OrganisationContactInput } from "./organisation-contact.js";
import { passwordProblem } from "./password-strength.js";
import { organisationScope, propertyScope, userScope } from "../../shared/scope.js";
import { mutate, isUniqueViolation } from "../../shared/transaction.js";
import {
  ROLES_BY_KIND,
  holds,
  type OrganisationKind,
  type Role,
  type Viewer,
  requireRole,
} from "../../shared/viewer.js";
import { organisationNumberOf } from "./organisation-number.js";
import { administeredOrganisations, administersRegisteredCustomer } from "./registered-customer-administration.js";
import { findOrganisation, type OrganisationRow } from "./organisation-lookup.js";
import { apartmentsProblem, installerOf, postalCodeOf, textProblem } from "./property-fields.js";
import {
  ORGANISATION_REGISTRARS,
  PARTNER_CUSTOMER_REGISTRARS,
  PROPERTY_REGISTERING_CALLERS,
  PROPERTY_REGISTRARS_FOR_ANY_CUSTOMER,
  REGISTRARS_OF_ANY_KIND,
  USER_CREATORS,
  USER_CREATORS_ANYWHERE,
} from "./party.roles.js";
import { PartyErrors } from "./party.errors.js";
import { deactivatedCustomer } from "./deactivated-customer.js";

export type { OrganisationRow } from "./organisation-lookup.js";
export { findOrganisation };
export type UserRow = typeof users.$inferSelect;
export type PropertyRow = typeof properties.$inferSelect;

function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---- organisations ----------------------------------------------------------------------------

export async function listOrganisations(
  db: Db,
  viewer: Viewer,
  filter: { kind?: OrganisationKind | null; search?: string | null },
  page: PageRequest,
): Promise<Connection<OrganisationRow>> {
  const where = and(
    organisationScope(viewer),
    filter.kind ? eq(organisations.kind, filter.kind) : undefined,
    filter.search ? ilike(organisations.name, contains(filter.search)) : undefined,
  );
  return paginate(
    page,
    async () => db.$count(organisations, where),
    (offset, limit) =>
      db
        .select()
        .from(organisations)
        .where(where)
        .orderBy(asc(organisations.name), asc(organisations.id))
        .offset(offset)
        .limit(limit),
    (row) => row,
  );
}

export interface CreateOrganisationInput extends OrganisationContactInput {
  kind: OrganisationKind;
  name: string;
  organisationNumber: string;
}

/**
 * Vendor admins register anyone; sellers sign up customers; a partner admin signs up a customer of its own, which is
 * then in its scope (`registeredByPartnerId`, decision 0082).
 */
export async function createOrganisation(
  db: DbOrTx,
  viewer: Viewer,
  input: CreateOrganisationInput,
): Promise<Result<OrganisationRow>> {
  const byPartner = holds(viewer, PARTNER_CUSTOMER_REGISTRARS);
  const allowed =
    holds(viewer, REGISTRARS_OF_ANY_KIND) ||
    ((holds(viewer, ORGANISATION_REGISTRARS) || byPartner) && input.kind === "CUSTOMER");
  if (!allowed) throw forbidden();
  return insertOrganisation(db, viewer, input, byPartner ? viewer.organisationId : null);
}

/**
 * Registers a customer of the vendor's (no partner's) for a caller another module has already let do it: support
 * staff register the sender's organisation from the help request they answer (decision 0113). The same checks and
 * audit as `createOrganisation`; the permission is the calling module's.
 */
export function registerCustomerFromRequest(
  db: DbOrTx,
  viewer: Viewer,
  input: Omit<CreateOrganisationInput, "kind">,
): Promise<Result<OrganisationRow>> {
  return insertOrganisation(db, viewer, { ...input, kind: "CUSTOMER" }, null);
}

async function insertOrganisation(
  db: DbOrTx,
  viewer: Viewer,
  input: CreateOrganisationInput,
  registeredByPartnerId: string | null,
): Promise<Result<OrganisationRow>> {
  const name = input.name.trim();
  if (!isReadableName(name))
    return userError("INVALID_INPUT", "The name must contain at least one letter or digit.", ["input", "name"]);
  const organisationNumber = organisationNumberOf(input.organisationNumber);
  if (typeof organisationNumber !== "string") return organisationNumber;
  // The contact is taken at registration too (decision 0125), checked as a correction checks it.
  const contact = correctedContact(NO_CONTACT, input);
  if (!("ok" in contact)) return contact;
  const taken = userError(
    PartyErrors.ORGANISATION_NUMBER_TAKEN,
    `Organisation number ${organisationNumber} is already registered.`,
    ["input", "organisationNumber"],
  );
  try {
    return await mutate(db, async (tx) => {
      const [existing] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.organisationNumber, organisationNumber));
      if (existing) return taken;
      const [row] = await tx
        .insert(organisations)
        .values({ kind: input.kind, name, organisationNumber, registeredByPartnerId, ...contact.ok })
        .returning();
      await recordAudit(tx, viewer, {
        action: "organisation.create",
        objectType: "Organisation",
        objectId: row!.id,
        organisationId: row!.id,
        details: {
          kind: row!.kind,
          name,
          organisationNumber,
          registeredByPartnerId,
          ...movedContact(NO_CONTACT, contact.ok).after,
        },
      });
      return ok(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return taken;
    throw e;
  }
}

// ---- users ------------------------------------------------------------------------------------

export async function findUser(db: DbOrTx, viewer: Viewer, id: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(userScope(viewer), eq(users.id, id)));
  return row ?? null;
}

export async function listUsers(
  db: Db,
  viewer: Viewer,
  filter: { organisationId?: string | null },
  page: PageRequest,
): Promise<Connection<UserRow>> {
  const where = and(
    administeredOrganisations(viewer, users.organisationId),
    filter.organisationId ? eq(users.organisationId, filter.organisationId) : undefined,
  );
  return paginate(
    page,
    async () => db.$count(users, where),
    (offset, limit) =>
      db.select().from(users).where(where).orderBy(asc(users.name), asc(users.id)).offset(offset).limit(limit),
    (row) => row,
  );
}

export interface CreateUserInput {
  organisationId: string;
  name: string;
  email: string;
  role: Role;
  password: string;
}

/** Vendor admins create anyone; partner and customer admins create colleagues in their own organisation. */
export function mayCreateUserIn(
  viewer: Viewer,
  organisation: Pick<OrganisationRow, "id" | "registeredByPartnerId">,
): boolean {
  if (holds(viewer, USER_CREATORS_ANYWHERE)) return true;
  if (administersRegisteredCustomer(viewer, organisation)) return true;
  return holds(viewer, USER_CREATORS) && viewer.organisationId === organisation.id;
}

export async function createUser(db: Db, viewer: Viewer, input: CreateUserInput): Promise<Result<UserRow>> {
  requireRole(viewer, USER_CREATORS);
  const organisation = await findOrganisation(db, viewer, input.organisationId);
  if (!organisation || !mayCreateUserIn(viewer, organisation)) {
    return userError(PartyErrors.NOT_FOUND, "No such organisation.", ["input", "organisationId"]);
  }
  if (!ROLES_BY_KIND[organisation.kind].includes(input.role)) {
    return userError(
      PartyErrors.ROLE_NOT_ALLOWED_FOR_ORGANISATION,
      `A ${organisation.kind.toLowerCase()} user can have the roles ${ROLES_BY_KIND[organisation.kind].join(", ")}, not ${input.role}.`,
      ["input", "role"],
    );
  }
  const name = input.name.trim();
  if (!isReadableName(name))
    return userError("INVALID_INPUT", "The name must contain at least one letter or digit.", ["input", "name"]);
  const email = input.email.trim().toLowerCase();
  const weak = passwordProblem(input.password, { email, name });
  if (weak) return userError(PartyErrors[weak.code], weak.message, ["input", "password"]);
  const taken = userError(PartyErrors.EMAIL_TAKEN, `A user with the e-mail address ${email} already exists.`, [
    "input",
    "email",
  ]);
  const passwordHash = await hashPassword(input.password);
  try {
    return await mutate(db, async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (existing) return taken;
      const [row] = await tx
        .insert(users)
        .values({ organisationId: organisation.id, name, email, role: input.role, passwordHash })
        .returning();
      await recordAudit(tx, viewer, {
        action: "user.create",
        objectType: "User",
        objectId: row!.id,
        organisationId: organisation.id,
        details: { name, email, role: input.role },
      });
      return ok(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return taken;
    throw e;
  }
}

// ---- properties -------------------------------------------------------------------------------

export async function findProperty(db: DbOrTx, viewer: Viewer, id: string): Promise<PropertyRow | null> {
  const [row] = await db
    .select()
    .from(properties)
    .where(and(propertyScope(viewer), eq(properties.id, id)));
  return row ?? null;
}

export async function listProperties(
  db: Db,
  viewer: Viewer,
  filter: { customerId?: string | null; search?: string | null; updatedSince?: Date | null },
  page: PageRequest,
): Promise<Connection<PropertyRow>> {
  const search: SQL | undefined = filter.search
    ? or(
        ilike(properties.name, contains(filter.search)),
        ilike(properties.streetAddress, contains(filter.search)),
        ilike(properties.city, contains(filter.search)),
      )
    : undefined;
  const where = and(
    propertyScope(viewer),
    filter.customerId ? eq(properties.customerId, filter.customerId) : undefined,
    filter.updatedSince ? gt(properties.updatedAt, filter.updatedSince) : undefined,
    search,
  );
  return paginate(
    page,
    async () => db.$count(properties, where),
    (offset, limit) =>
      db
        .select()
        .from(properties)
        .where(where)
        .orderBy(asc(properties.name), asc(properties.id))
        .offset(offset)
        .limit(limit),
    (row) => row,
  );
}

export interface CreatePropertyInput {
  customerId: string;
  installerId?: string | null;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  apartments: number;
}

/**
 * Vendor admins and sellers register properties for any customer; a customer admin for its own; a partner admin for
 * the customers it registered, as their installer (decision 0082).
 */
export async function createProperty(db: Db, viewer: Viewer, input: CreatePropertyInput): Promise<Result<PropertyRow>> {
  requireRole(viewer, PROPERTY_REGISTERING_CALLERS);
  const byPartner = holds(viewer, PARTNER_CUSTOMER_REGISTRARS);
  const customer = await findOrganisation(db, viewer, input.customerId);
  const mayRegister =
    customer &&
    (holds(viewer, PROPERTY_REGISTRARS_FOR_ANY_CUSTOMER) ||
      (byPartner ? customer.registeredByPartnerId === viewer.organisationId : customer.id === viewer.organisationId));
  if (!customer || !mayRegister) {
    return userError(PartyErrors.NOT_FOUND, "No such customer.", ["input", "customerId"]);
  }
  if (customer.kind !== "CUSTOMER") {
    return userError(
      PartyErrors.NOT_A_CUSTOMER,
      `${customer.name} is not a customer; properties belong to customers.`,
      ["input", "customerId"],
    );
  }
  if (customer.deactivatedAt) return deactivatedCustomer(customer);
  // A partner registers the properties of its own customer: it is their installer, and no other partner is.
  let installerId: string | null = byPartner ? viewer.organisationId : null;
  if (byPartner && input.installerId && input.installerId !== viewer.organisationId) {
    return userError("INVALID_INPUT", "A partner registers properties it installs itself; leave installerId out.", [
      "input",
      "installerId",
    ]);
  }
  if (input.installerId && !byPartner) {
    const installer = await installerOf(db, viewer, input.installerId);
    if (typeof installer !== "string") return installer;
    installerId = installer;
  }
  const postalCode = postalCodeOf(input.postalCode);
  if (typeof postalCode !== "string") return postalCode;
  const badApartments = apartmentsProblem(input.apartments);
  if (badApartments) return badApartments;
  const values = {
    customerId: customer.id,
    installerId,
    name: input.name.trim(),
    streetAddress: input.streetAddress.trim(),
    postalCode,
    city: input.city.trim(),
    apartments: input.apartments,
  };
  for (const key of ["name", "streetAddress", "city"] as const) {
    const bad = textProblem(key, values[key]);
    if (bad) return bad;
  }
  return mutate(db, async (tx) => {
    const [row] = await tx.insert(properties).values(values).returning();
    await recordAudit(tx, viewer, {
      action: "property.create",
      objectType: "Property",
      objectId: row!.id,
      organisationId: customer.id,
      details: { ...values },
    });
    return ok(row!);
  });
}

// ---- tiers ------------------------------------------------------------------------------------

export async function listTiers(db: DbOrTx) {
  return db.select().from(tiers).orderBy(asc(tiers.sortOrder));
}
