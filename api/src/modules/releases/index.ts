/** The releases module as other modules see it. */
export {
  findProductRelease,
  installedVersionsOf,
  isBehind,
  latestReleases,
  setInstalledVersion,
  updatesNeeded,
} from "./release.service.js";
export { InstalledVersion, Product, ProductRelease } from "./release.types.js";
export { PUBLISHERS } from "./release.roles.js";
