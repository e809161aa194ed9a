/** A count on a dashboard tile: the API's `totalCount`, and whether it stopped counting there (decision 0094). */
export interface Count {
  value: number;
  capped: boolean;
}

/** A list's count as a tile shows it; a list the viewer's role is not asked for counts none. */
export function countOf(list: { totalCount: number; totalCountCapped: boolean } | null | undefined): Count {
  return { value: list?.totalCount ?? 0, capped: list?.totalCountCapped ?? false };
}
