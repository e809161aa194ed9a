import { useRouteLoaderData } from "@remix-run/react";
import type { ViewerIdentityFragment } from "~/graphql/graphql";
import type { loader as appLoader } from "~/routes/_app/route";

/** The logged-in viewer as the API describes them (what they may use), from the layout's loader. */
export function useViewer(): ViewerIdentityFragment | undefined {
  return useRouteLoaderData<typeof appLoader>("routes/_app")?.viewer;
}
