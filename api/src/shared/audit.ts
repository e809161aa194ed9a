import type { DbOrTx } from "../db/client.js";
import { auditEvents } from "../db/schema/index.js";
import type { Viewer } from "./viewer.js";

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string;
  organisationId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Call inside the mutation's transaction, after the change, so both land or neither does. Several
 * entries (what one pass did to many objects) are one statement; keep them to a thousand or so.
 */
export async function recordAudit(
  tx: DbOrTx,
  viewer: Viewer | null,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.insert(auditEvents).values(
    list.map((entry) => ({
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      organisationId: entry.organisationId ?? null,
      actorUserId: viewer?.userId ?? null,
      actorSessionId: viewer?.sessionId ?? null,
      actorApiTokenId: viewer?.apiTokenId ?? null,
      requestId: viewer?.requestId ?? null,
      details: entry.details ?? {},
    })),
  );
}
