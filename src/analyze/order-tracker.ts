// Counts the VMs safe as nodes are upgraded one by one, touching only the VMs that can land on the node that
// changes: the state after upgrading a set of nodes does not depend on the order they were upgraded in. Pure.
import type { Item } from './upgrade-model.js';

export class OrderTracker {
  private readonly upgraded: boolean[];
  /** Per item: its upgraded nodes that fail it, and its failing nodes not yet upgraded. */
  private readonly failingUpgraded: number[];
  private readonly stillFailing: number[];
  /** Per node: the items that can land on it. */
  private readonly byNode: number[][];
  /** VMs safe with the nodes upgraded so far and none drained. */
  safe = 0;

  constructor(
    private readonly items: readonly Item[],
    nodes: number,
  ) {
    this.upgraded = new Array(nodes).fill(false);
    this.byNode = Array.from({ length: nodes }, () => []);
    this.failingUpgraded = items.map(() => 0);
    this.stillFailing = items.map((item) => item.b.length);
    items.forEach((item, i) => {
      for (const x of item.r) this.byNode[x]?.push(i);
      if (this.isSafe(i)) this.safe += item.n;
    });
  }

  private isSafe(i: number): boolean {
    return this.failingUpgraded[i] === 0 && this.stillFailing[i] === 0;
  }

  /** VMs safe while `x` is drained for its upgrade. */
  drained(x: number): number {
    let safe = this.safe;
    for (const i of this.byNode[x] ?? []) {
      const item = this.items[i] as Item;
      const left = item.targets - 1 >= 1;
      if (this.isSafe(i)) {
        if (!left) safe -= item.n;
      } else if (left && this.failingUpgraded[i] === 0 && this.stillFailing[i] === 1 && item.b.includes(x)) {
        safe += item.n;
      }
    }
    return safe;
  }

  /** VMs safe once `x` is upgraded too (it is not yet). */
  afterUpgrade(x: number): number {
    this.upgrade(x, 1);
    const safe = this.safe;
    this.upgrade(x, -1);
    return safe;
  }

  /** Upgrades `x` (way 1) or takes its upgrade back (way -1). */
  upgrade(x: number, way: 1 | -1): void {
    this.upgraded[x] = way === 1;
    for (const i of this.byNode[x] ?? []) {
      const item = this.items[i] as Item;
      const was = this.isSafe(i);
      if (item.a.includes(x)) (this.failingUpgraded[i] as number) += way;
      if (item.b.includes(x)) (this.stillFailing[i] as number) -= way;
      const now = this.isSafe(i);
      if (was !== now) this.safe += now ? item.n : -item.n;
    }
  }

  isUpgraded(x: number): boolean {
    return this.upgraded[x] === true;
  }
}
