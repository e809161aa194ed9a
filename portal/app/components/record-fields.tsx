import { TextField } from "~/components/admin-fields";
import type { FieldKit } from "~/components/intent-form";
import type { MessageKey } from "~/i18n/i18n";

/**
 * The fields that name an organisation, alike wherever one is registered or corrected, so the rules shown
 * beside them (the organisation number's form) are worded once.
 */
export function OrganisationIdentityFields({
  kit,
  initial,
}: {
  kit: FieldKit;
  initial?: { name: string; organisationNumber: string };
}) {
  return (
    <>
      <TextField kit={kit} name="name" label="admin.org.name" required initial={initial?.name} />
      <TextField
        kit={kit}
        name="organisationNumber"
        label="admin.org.number"
        hint="admin.org.numberHint"
        required
        initial={initial?.organisationNumber}
      />
    </>
  );
}

/** The names of the contact's fields, for an IntentForm's `fields` (the server reads them with `contactInput`). */
export const CONTACT_FIELDS = ["contactName", "contactEmail", "contactPhone"] as const;

/**
 * Whom to reach about an organisation, apart from its users (decision 0125): given at registration and corrected on
 * its page. Each part may be left empty.
 */
export function OrganisationContactFields({
  kit,
  initial,
}: {
  kit: FieldKit;
  initial?: { name?: string | null; email?: string | null; phone?: string | null } | null;
}) {
  return (
    <>
      <TextField
        kit={kit}
        name="contactName"
        label="admin.org.contactName"
        hint="admin.org.contactHint"
        initial={initial?.name ?? ""}
      />
      <TextField
        kit={kit}
        name="contactEmail"
        label="admin.org.contactEmail"
        type="email"
        autoComplete="off"
        initial={initial?.email ?? ""}
      />
      <TextField
        kit={kit}
        name="contactPhone"
        label="admin.org.contactPhone"
        type="tel"
        autoComplete="off"
        initial={initial?.phone ?? ""}
      />
    </>
  );
}

/** A property's name, address and size, alike wherever one is registered or corrected. */
export function PropertyAddressFields({
  kit,
  initial,
  apartmentsHint,
}: {
  kit: FieldKit;
  initial?: { name: string; streetAddress: string; postalCode: string; city: string; apartments: number };
  apartmentsHint?: MessageKey;
}) {
  return (
    <>
      <TextField kit={kit} name="name" label="admin.property.name" required initial={initial?.name} />
      <TextField
        kit={kit}
        name="streetAddress"
        label="admin.property.street"
        required
        autoComplete="off"
        initial={initial?.streetAddress}
      />
      <TextField
        kit={kit}
        name="postalCode"
        label="admin.property.postalCode"
        required
        inputMode="numeric"
        initial={initial?.postalCode}
      />
      <TextField kit={kit} name="city" label="admin.property.city" required initial={initial?.city} />
      <TextField
        kit={kit}
        name="apartments"
        label="admin.property.apartments"
        type="number"
        min={0}
        required
        hint={apartmentsHint}
        initial={initial ? String(initial.apartments) : undefined}
      />
    </>
  );
}
