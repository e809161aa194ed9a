import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import type { Viewer } from "../../shared/viewer.js";
import { DEFAULT_RESULTS, MAX_QUERY_LENGTH, MAX_RESULTS } from "./search-query.js";
import { search } from "./search.service.js";
import { SearchResult } from "./search.types.js";

@Resolver()
export class SearchResolver {
  @Authorized()
  @Query(() => [SearchResult], {
    description:
      "Agreements by number or customer name, organisations by name or organisation number, properties by name or address: typo-tolerant, only what the caller may see, best matches first.",
  })
  async search(
    @Arg("query", () => String, {
      description: `What to look for, 1 to ${MAX_QUERY_LENGTH} characters; case, å/ä/ö and small typos do not matter.`,
    })
    query: string,
    @Arg("first", () => Int, {
      nullable: true,
      description: `How many results at most (1 to ${MAX_RESULTS}; default ${DEFAULT_RESULTS}).`,
    })
    first: number | null,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SearchResult[]> {
    const hits = await search(ctx.db, viewer, { query, first });
    return hits.map(SearchResult.from);
  }
}
