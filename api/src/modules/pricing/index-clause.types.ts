import { ArrayMaxSize, MaxLength } from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { PayloadType } from "../../shared/payload.js";
import { DateScalar, Money } from "../../shared/scalars.js";
import type { IndexationPlan } from "./index-clause.js";
import { monthOf, type PriceIndexationRow, type PriceIndexSeriesRow, type PriceIndexValueRow } from "./price-index.js";
import { PricedItem } from "./pricing.types.js";

@ObjectType({ description: "One month's value of an index series, as published." })
export class PriceIndexValue {
  @Field(() => String, { description: "The month, YYYY-MM." })
  month!: string;

  @Field(() => String, { description: "The value as published, e.g. 412.34 (a decimal string, kept exact)." })
  value!: string;

  @Field(() => DateTimeResolver, { description: "When it was recorded (or last corrected)." })
  recordedAt!: Date;

  static from(r: PriceIndexValueRow): PriceIndexValue {
    return Object.assign(new PriceIndexValue(), { month: monthOf(r.month), value: r.value, recordedAt: r.recordedAt });
  }
}

@ObjectType({ description: "A price index the list can follow, e.g. KPI (1980 = 100)." })
export class PriceIndexSeries {
  @Field(() => String, { description: "Its name, e.g. KPI." })
  name!: string;

  @Field(() => String, { description: "The month it is based on (value 100), YYYY-MM." })
  baseMonth!: string;

  rowId!: string;

  static from(r: PriceIndexSeriesRow): PriceIndexSeries {
    return Object.assign(new PriceIndexSeries(), {
      name: r.name,
      baseMonth: monthOf(r.baseMonth),
      rowId: r.id,
    });
  }
}

@ObjectType({ description: "One item's list price before and after an indexation." })
export class IndexedPrice {
  @Field(() => PricedItem, { description: "The licence kind or add-on." })
  item!: PricedItem;

  @Field(() => Money, { description: "The price valid on the first day before indexing." })
  oldPrice!: Money;

  @Field(() => Money, { description: "old × index(to) / index(from), to whole kronor." })
  newPrice!: Money;
}

const lines = (l: IndexationPlan["lines"]) =>
  l.map((x) =>
    Object.assign(new IndexedPrice(), {
      item: x.item,
      oldPrice: Money.of(x.oldMinor, "SEK"),
      newPrice: Money.of(x.newMinor, "SEK"),
    }),
  );

@ObjectType({ description: "The list's indexation for a year: previewed, or applied (or carried forward)." })
export class PriceIndexation {
  @Field(() => String, { description: "The index series." })
  series!: string;

  @Field(() => Int, { description: "The year it is for (that of the first day)." })
  year!: number;

  @Field(() => String, { description: "The month the old prices follow, YYYY-MM." })
  fromMonth!: string;

  @Field(() => String, { description: "The month the new prices follow, YYYY-MM." })
  toMonth!: string;

  @Field(() => String, { nullable: true, description: "index(from), as recorded; null on a past indexation." })
  fromValue!: string | null;

  @Field(() => String, { nullable: true, description: "index(to), as recorded; null on a past indexation." })
  toValue!: string | null;

  @Field(() => DateScalar, { description: "The first day of the new prices." })
  validFrom!: string;

  @Field(() => Boolean, {
    description: "True when the change is under the threshold: no price changes, and next year starts from fromMonth.",
  })
  carriedForward!: boolean;

  @Field(() => [IndexedPrice], { description: "Every list price valid on the first day, before and after." })
  prices!: IndexedPrice[];

  @Field(() => String, { nullable: true, description: "Why, as the admin wrote it; null on a preview." })
  reason!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was applied; null on a preview." })
  decidedAt!: Date | null;

  static fromPlan(p: IndexationPlan): PriceIndexation {
    return Object.assign(new PriceIndexation(), {
      ...p,
      fromMonth: monthOf(p.fromMonth),
      toMonth: monthOf(p.toMonth),
      carriedForward: p.outcome === "CARRIED_FORWARD",
      prices: lines(p.lines),
      reason: null,
      decidedAt: null,
    });
  }

  static fromRow(r: PriceIndexationRow, series: string): PriceIndexation {
    return Object.assign(new PriceIndexation(), {
      series,
      year: r.year,
      fromMonth: monthOf(r.fromMonth),
      toMonth: monthOf(r.toMonth),
      fromValue: null,
      toValue: null,
      validFrom: r.validFrom,
      carriedForward: r.outcome === "CARRIED_FORWARD",
      prices: lines(r.lines),
      reason: r.reason,
      decidedAt: r.decidedAt,
    });
  }
}

@InputType({ description: "A month's value of an index series." })
export class PriceIndexValueInput {
  @Field(() => String, { description: "The month, YYYY-MM." })
  month!: string;

  @Field(() => String, { description: "The value as published, e.g. 412.34 (up to four decimals)." })
  @MaxLength(20)
  value!: string;
}

@InputType({ description: "Record an index series' values; a month recorded again is corrected." })
export class RecordIndexValuesInput {
  @Field(() => String, { description: "The series' name, e.g. KPI." })
  @MaxLength(40)
  series!: string;

  @Field(() => String, { nullable: true, description: "For a new series: the month it is based on, YYYY-MM." })
  baseMonth?: string | null;

  @Field(() => [PriceIndexValueInput], { description: "1–240 months." })
  @ArrayMaxSize(240)
  values!: PriceIndexValueInput[];
}

@InputType({ description: "Index the list prices: new = old × index(toMonth) / index(fromMonth), once a year." })
export class IndexPriceListInput {
  @Field(() => String, { description: "The index series, e.g. KPI." })
  @MaxLength(40)
  series!: string;

  @Field(() => String, { description: "The month the new prices follow, YYYY-MM." })
  toMonth!: string;

  @Field(() => String, {
    nullable: true,
    description: "The month the current prices follow; only for the first indexation (later ones start from the last).",
  })
  fromMonth?: string | null;

  @Field(() => DateScalar, { description: "The first day of the new prices; its year is the indexation's year." })
  validFrom!: string;

  @Field(() => String, { description: "Why, kept in the price history (1–300 characters); ignored by the preview." })
  @MaxLength(300)
  reason!: string;
}

export const RecordIndexValuesPayload = PayloadType("RecordIndexValuesPayload", "series", PriceIndexSeries, "series");
export const IndexPriceListPayload = PayloadType("IndexPriceListPayload", "indexation", PriceIndexation, "indexation");
