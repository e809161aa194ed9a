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
