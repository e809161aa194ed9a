/** userError codes of log-in and tokens. */
export const AccessErrors = {
  /** Deliberately one code for an unknown e-mail and a wrong password. */
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  /** No longer produced (limits answer TOO_MANY_REQUESTS, HTTP 429); documented for old clients. */
  TOO_MANY_ATTEMPTS: "TOO_MANY_ATTEMPTS",
  NOT_FOUND: "NOT_FOUND",
  ALREADY_REVOKED: "ALREADY_REVOKED",
  INVALID_EXPIRY: "INVALID_EXPIRY",
  NOT_LOCKED_OUT: "NOT_LOCKED_OUT",
  /** A scope that does not exist, or an empty list (leave scopes out for full access). */
  INVALID_SCOPE: "INVALID_SCOPE",
  /** A token made with a token may not do more than the token that made it. */
  SCOPE_NOT_HELD: "SCOPE_NOT_HELD",
} as const;
