/** How groups are formed: at most `cap` items each, at most `inFlight` groups committing at once. */
export interface GroupLimits<Item> {
  cap: number;
  inFlight: number;
  /**
   * A group starts beside others in flight only with at least this many pings: smaller groups cost the
   * database more per ping (two statements a group whatever its size), which a busy machine has not
   * to spare. When a group is done the next one starts with whatever waits, as with one at a time.
   */
  extraAtLeast: number;
  /** Items of one key are committed in arrival order: one with a key in flight waits for its group. */
  keyOf: (item: Item) => string;
}

/**
 * Group commit (decisions 0062, 0120): pings that arrive while the groups in flight are being committed
 * wait, and are taken together as the next group as soon as one is done. No timer: a lone ping on a
 * quiet system waits for nothing but the event loop's turn (so pings read from the network in the same
 * turn join it), and under load a group is whatever arrived meanwhile — the busier, the larger, so the
 * database's work per ping falls as the load rises. Several groups are in flight at once, so a ping
 * does not wait for a whole group's round trips to end before its own start: the database works on one
 * group while another's answer travels and the next is built. Each key's pings keep their arrival
 * order: a ping whose key is in a group in flight is held back (with the ones after it of that key) for
 * a later group, so no two groups in flight touch one check. `cap` bounds one group's statement.
 */
export class PingCommitQueue<Item, Outcome> {
  private waiting: { item: Item; key: string; settle: (outcome: Outcome) => void }[] = [];
  /** Keys of the groups in flight, with how many of their items are committing. */
  private readonly keysInFlight = new Map<string, number>();
  private running = 0;
  private scheduled = false;
  /** Groups that ended with pings waiting: each hands over to a next group whatever its size. */
  private handOvers = 0;

  constructor(
    private readonly commit: (items: Item[]) => Promise<Outcome[]>,
    private readonly failed: (error: unknown) => Outcome,
    private readonly limits: GroupLimits<Item>,
  ) {}

  /** Resolves once the item's group is committed (never rejects: a failure is the `failed` outcome). */
  take(item: Item): Promise<Outcome> {
    return new Promise((settle) => {
      this.waiting.push({ item, key: this.limits.keyOf(item), settle });
      this.schedule();
    });
  }

  private schedule() {
    if (this.running >= this.limits.inFlight || this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.commitNext();
    });
  }

  /** The next group: waiting items in arrival order, skipping those whose key is in flight. */
  private nextGroup() {
    const group: typeof this.waiting = [];
    const held: typeof this.waiting = [];
    for (const waiting of this.waiting) {
      if (group.length < this.limits.cap && !this.keysInFlight.has(waiting.key)) group.push(waiting);
      else held.push(waiting);
    }
    const small = this.running > 0 && this.handOvers === 0 && group.length < this.limits.extraAtLeast;
    if (group.length === 0 || small) return [];
    this.handOvers = Math.max(0, this.handOvers - 1);
    this.waiting = held;
    return group;
  }

  private async commitNext() {
    if (this.running >= this.limits.inFlight) return;
    const group = this.nextGroup();
    if (group.length === 0) return;
    this.running++;
    for (const { key } of group) this.keysInFlight.set(key, (this.keysInFlight.get(key) ?? 0) + 1);
    // Another group may start at once with what is left (a key of this one's waits for it).
    this.schedule();
    let outcomes: Outcome[];
    try {
      outcomes = await this.commit(group.map((g) => g.item));
    } catch (error) {
      outcomes = group.map(() => this.failed(error));
    }
    this.running--;
    for (const { key } of group) {
      const left = this.keysInFlight.get(key)! - 1;
      if (left === 0) this.keysInFlight.delete(key);
      else this.keysInFlight.set(key, left);
    }
    if (this.waiting.length > 0) this.handOvers = Math.min(this.handOvers + 1, this.limits.inFlight);
    group.forEach((g, i) => g.settle(outcomes[i] ?? this.failed(new Error("The group gave no outcome."))));
    this.schedule();
  }
}
