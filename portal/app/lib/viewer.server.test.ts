import { describe, expect, it } from "vitest";
import type { Api } from "./api.server";
import { viewerOf } from "./viewer.server";

/** An Api that answers the viewer query and records how often it was asked. */
function recordingApi() {
  const asked: unknown[] = [];
  const api = {
    query: async (document: unknown) => {
      asked.push(document);
      return { viewer: { user: { id: `u${asked.length}` } } };
    },
    mutate: async () => {
      throw new Error("not used");
    },
  } as unknown as Api;
  return { api, asked };
}

describe("the viewer of one request", () => {
  it("is asked of the API once, however many of the request's loaders want it", async () => {
    const { api, asked } = recordingApi();
    const context = {};
    const [layout, page] = await Promise.all([viewerOf(api, context), viewerOf(api, context)]);
    expect(asked).toHaveLength(1);
    expect(page).toBe(layout);
  });

  it("is asked again for the next request, never shared between requests", async () => {
    const { api, asked } = recordingApi();
    const first = await viewerOf(api, {});
    const second = await viewerOf(api, {});
    expect(asked).toHaveLength(2);
    expect(second).not.toEqual(first);
  });
});
