import type { AppLoadContext } from "@remix-run/node";
import { AppViewerDocument, type AppViewerQuery } from "~/graphql/graphql";
import type { Api } from "./api.server";

type Viewer = AppViewerQuery["viewer"];

/**
 * Remix runs the logged-in layout's loader and the page's loader side by side for one request, with
 * one load context; both want the viewer. Asked for once per request, a page that needs it before
 * its own query (the dashboard picks the role's query by it) costs the API one call fewer.
 */
const viewers = new WeakMap<object, Promise<Viewer>>();

export function viewerOf(api: Api, context: AppLoadContext): Promise<Viewer> {
  let viewer = viewers.get(context);
  if (!viewer) {
    viewer = api.query(AppViewerDocument, {}).then((data) => data.viewer);
    viewers.set(context, viewer);
  }
  return viewer;
}
