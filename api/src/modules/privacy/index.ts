/** The privacy module (decision 0086): personal data downloaded, former users anonymised. */
export { startAnonymisation } from "./former-user-anonymisation.js";
