import { createParameterDecorator, type AuthChecker } from "type-graphql";
import type { Context } from "../context.js";
import { forbidden, unauthenticated } from "./errors.js";
import type { Role, Viewer } from "./viewer.js";

/**
 * Role checks for `@Authorized(...)`, the first half of authorisation. The second half, which rows
 * a viewer may see, is the tenant scope in `scope.ts`, applied by every service.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length === 0 || roles.includes(context.viewer.role)) return true;
  throw forbidden();
};

/** The viewer, or UNAUTHENTICATED: for code that holds a context but no decorated parameter. */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

/** Parameter decorator: the calling viewer (`@CurrentViewer() viewer: Viewer`); UNAUTHENTICATED without one. */
export function CurrentViewer() {
  return createParameterDecorator<Context>(({ context }) => requireViewer(context));
}
