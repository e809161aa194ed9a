/** userError codes of product releases and installed versions; clients switch on these. */
export const ReleaseErrors = {
  NOT_FOUND: "NOT_FOUND",
  INVALID_VERSION: "INVALID_VERSION",
  RELEASE_EXISTS: "RELEASE_EXISTS",
} as const;
