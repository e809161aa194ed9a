/**
 * Group commit (decision 0062): pings that arrive while the previous group is being committed wait,
 * and are taken together as the next group as soon as it is done. No timer: a lone ping on a quiet
 * system waits for nothing but the event loop's turn (so pings read from the network in the same turn
 * join it), and under load a group is whatever arrived during one commit — the busier, the larger, so
 * the database's work per ping falls as the load rises. One group at a time per process keeps each
 * check's pings in arrival order; `cap` bounds how long one group holds its checks' locks.
 */
export class PingCommitQueue<Item, Outcome> {
  private waiting: { item: Item; settle: (outcome: Outcome) => void }[] = [];
  private busy = false;
  private scheduled = false;

  constructor(
    private readonly commit: (items: Item[]) => Promise<Outcome[]>,
    private readonly failed: (error: unknown) => Outcome,
    private readonly cap: number,
  ) {}

  /** Resolves once the item's group is committed (never rejects: a failure is the `failed` outcome). */
  take(item: Item): Promise<Outcome> {
    return new Promise((settle) => {
      this.waiting.push({ item, settle });
      this.schedule();
    });
  }

  private schedule() {
    if (this.busy || this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.commitNext();
    });
  }

  private async commitNext() {
    if (this.busy || this.waiting.length === 0) return;
    this.busy = true;
    const group = this.waiting.splice(0, this.cap);
    let outcomes: Outcome[];
    try {
      outcomes = await this.commit(group.map((g) => g.item));
    } catch (error) {
      outcomes = group.map(() => this.failed(error));
    }
    this.busy = false;
    group.forEach((g, i) => g.settle(outcomes[i] ?? this.failed(new Error("The group gave no outcome."))));
    this.schedule();
  }
}
