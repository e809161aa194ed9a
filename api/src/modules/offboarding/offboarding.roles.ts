/**
 * Who may deactivate an organisation (decision 0085): vendor admins only. It ends every login of a tenant and
 * terminates or moves its agreements, which no seller or tenant admin decides alone. Who may bring one back
 * (decision 0091): the same vendor admins. The portal reads both too, so they live in @trygg/roles (decision 0107).
 */
export { ORGANISATION_DEACTIVATORS, ORGANISATION_REACTIVATORS } from "@trygg/roles";
