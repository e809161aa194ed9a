/**
 * Opaque global ids: base64url of "Type:uuid". Clients must not parse them; we only promise that
 * `node(id)` resolves them for a caller allowed to see the object.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type NodeTypeName =
  | "Organisation"
  | "User"
  | "Property"
  | "ApiToken"
  | "Invitation"
  | "AuditEvent"
  | "Agreement"
  | "AgreementPeriod"
  | "HanteraAccount"
  | "LicenceRental"
  | "AddOn"
  | "ProductRelease"
  | "Tailoring"
  | "ActionPlan"
  | "ActionItem"
  | "ServiceVisit"
  | "VisitTimeProposal"
  | "SupportCase"
  | "SupportCaseMessage"
  | "SupportCaseAttachment"
  | "EmailMessage"
  | "MonitoringCheck"
  | "MonitoringIncident"
  | "MaintenanceWindow"
  | "AgreementProposal"
  | "RenewalQuote"
  | "WebhookEndpoint"
  | "WebhookDelivery"
  | "ContactRequest";

export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export function fromGlobalId(globalId: string): { type: NodeTypeName; id: string } | null {
  let decoded: string;
  try {
    decoded = Buffer.from(globalId, "base64url").toString("utf8");
  } catch {
    return null;
  }
  const sep = decoded.indexOf(":");
  if (sep < 1) return null;
  const type = decoded.slice(0, sep) as NodeTypeName;
  const id = decoded.slice(sep + 1);
  return UUID.test(id) ? { type, id } : null;
}

/** The uuid behind a global id of the expected type, or null when it is malformed or of another type. */
function idOf(globalId: string, type: NodeTypeName): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}

/** A uuid no row has: lets a malformed or foreign id flow into a service and answer "not found". */
export const NIL_UUID = "00000000-0000-0000-0000-000000000000";

export function uuidOf(globalId: string, type: NodeTypeName): string {
  return idOf(globalId, type) ?? NIL_UUID;
}
