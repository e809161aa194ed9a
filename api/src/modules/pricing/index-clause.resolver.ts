import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { CurrentViewer } from "../../shared/auth.js";
import { Clock } from "../../shared/clock.js";
import { payload } from "../../shared/payload.js";
import type { Viewer } from "../../shared/viewer.js";
import { applyIndexation, DEFAULT_INDEX_THRESHOLD_PERCENT, planIndexation } from "./index-clause.js";
import {
  IndexPriceListInput,
  IndexPriceListPayload,
  PriceIndexation,
  PriceIndexSeries,
  PriceIndexValue,
  RecordIndexValuesInput,
  RecordIndexValuesPayload,
} from "./index-clause.types.js";
import { indexValuesOf, listIndexations, listIndexSeries, recordIndexValues } from "./price-index.js";
import { PRICE_LIST_KEEPERS, PRICE_NEGOTIATORS } from "./pricing.roles.js";

const threshold = (ctx: Context) => ctx.app.indexThresholdPercent ?? DEFAULT_INDEX_THRESHOLD_PERCENT;

/** The index clause: index values, the yearly indexation previewed and applied; rules in index-clause.ts. */
@Resolver(() => PriceIndexSeries)
export class IndexClauseResolver {
  @Authorized(...PRICE_NEGOTIATORS)
  @Query(() => [PriceIndexSeries], { description: "Sellers and admins: the index series the list can follow." })
  async priceIndexSeries(@Ctx() ctx: Context) {
    return (await listIndexSeries(ctx.db)).map(PriceIndexSeries.from);
  }

  @FieldResolver(() => [PriceIndexValue], { description: "Its recorded values, newest month first." })
  async values(@Root() s: PriceIndexSeries, @Ctx() ctx: Context) {
    return (await indexValuesOf(ctx.db, s.rowId)).map(PriceIndexValue.from);
  }

  @Authorized(...PRICE_NEGOTIATORS)
  @Query(() => [PriceIndexation], { description: "Sellers and admins: the list's indexations, newest year first." })
  async priceIndexations(@Ctx() ctx: Context) {
    const series = await listIndexSeries(ctx.db);
    const name = (id: string) => series.find((s) => s.id === id)?.name ?? "";
    return (await listIndexations(ctx.db)).map((r) => PriceIndexation.fromRow(r, name(r.seriesId)));
  }

  @Authorized(...PRICE_LIST_KEEPERS)
  @Query(() => IndexPriceListPayload, {
    description: "Admins: what indexPriceList would do, computed by the same rule, without writing anything.",
  })
  async priceIndexationPreview(
    @Arg("input", () => IndexPriceListInput, { description: "The indexation to preview." }) input: IndexPriceListInput,
    @Ctx() ctx: Context,
    @Clock() clock: Clock,
  ) {
    return payload(await planIndexation(ctx.db, input, clock, threshold(ctx)), "indexation", PriceIndexation.fromPlan);
  }

  @Authorized(...PRICE_LIST_KEEPERS)
  @Mutation(() => RecordIndexValuesPayload, { description: "Admins: record or correct an index series' values." })
  async recordIndexValues(
    @Arg("input", () => RecordIndexValuesInput, { description: "The series and its months." })
    input: RecordIndexValuesInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
  ) {
    return payload(await recordIndexValues(ctx.db, viewer, input), "series", PriceIndexSeries.from);
  }

  @Authorized(...PRICE_LIST_KEEPERS)
  @Mutation(() => IndexPriceListPayload, {
    description:
      "Admins: index the list once a year; a change under the threshold is carried forward instead (no price changes).",
  })
  async indexPriceList(
    @Arg("input", () => IndexPriceListInput, { description: "The indexation, as previewed." })
    input: IndexPriceListInput,
    @Ctx() ctx: Context,
    @CurrentViewer() viewer: Viewer,
    @Clock() clock: Clock,
  ) {
    const result = await applyIndexation(ctx.db, viewer, input, clock, threshold(ctx));
    return payload(result, "indexation", (r) =>
      Object.assign(PriceIndexation.fromPlan(r.plan), {
        reason: r.indexation.reason,
        decidedAt: r.indexation.decidedAt,
      }),
    );
  }
}
