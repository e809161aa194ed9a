/** The offboarding module: an organisation that leaves (decision 0085). Nothing else imports it yet. */
export { deactivateOrganisation, previewOrganisationDeactivation } from "./organisation-deactivation.js";
