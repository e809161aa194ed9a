import type { MetaFunction } from "@remix-run/node";
import { useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "error.notFoundTitle") }];

/**
 * Any address no page answers: a 404 inside the layout, so a logged-in user keeps the menu, the
 * search box and the log-out button (a logged-out one is asked to log in first, as everywhere).
 */
export function loader(): never {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
