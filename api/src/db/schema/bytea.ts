import { customType } from "drizzle-orm/pg-core";

/**
 * Raw bytes (attachments, signatures); PGlite hands back a Uint8Array and postgres.js a Buffer, so both become a
 * Buffer.
 */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
