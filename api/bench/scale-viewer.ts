import type { Viewer } from "../src/shared/viewer.js";

/** A viewer of the scale data set (api/src/seed/scale.sql) for the EXPLAIN scripts: role and tenant are what count. */
export const scaleViewer = (
  role: Viewer["role"],
  organisationId: string,
  kind: Viewer["organisationKind"],
  userId: string,
): Viewer => ({
  userId,
  name: "Skala",
  email: "skala@skala.test",
  role,
  organisationId,
  organisationKind: kind,
  sessionId: null,
  apiTokenId: null,
  requestId: null,
});
