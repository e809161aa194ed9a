/** Read by the portal too, so they live in @trygg/roles (decision 0107). */
export { PERSONAL_DATA_KEEPERS } from "@trygg/roles";
