import { useRouteLoaderData } from "@remix-run/react";
import type { Role } from "~/graphql/graphql";
import type { loader as appLoader } from "~/routes/_app/route";

/** The logged-in user's role, from the layout's loader (which every logged-in page sits in). */
export function useViewerRole(): Role | undefined {
  return useRouteLoaderData<typeof appLoader>("routes/_app")?.viewer.user.role;
}
