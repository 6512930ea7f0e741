const MAX_LISTED = 6;

/**
 * Collects what a parser recovered leniently. Repeated findings (every undeclared entity,
 * every bare ampersand) fold into one line each, so warnings stay readable on a long item.
 */
export class WarningCollector {
  private readonly messages = new Set<string>();
  private readonly groups = new Map<string, Set<string>>();

  /** Adds one warning line (duplicates are dropped). */
  add(message: string): void {
    this.messages.add(message);
  }

  /** Adds `example` to a grouped warning that reads "<title>: ex1, ex2…". */
  addToGroup(title: string, example: string): void {
    let group = this.groups.get(title);
    if (!group) {
      group = new Set();
      this.groups.set(title, group);
    }
    if (group.size <= MAX_LISTED) group.add(example);
  }

  /** Copies everything from another collector (used when a sub-document is parsed apart). */
  merge(other: WarningCollector): void {
    for (const message of other.messages) this.add(message);
    for (const [title, examples] of other.groups) for (const example of examples) this.addToGroup(title, example);
  }

  /** The warnings as lines, in the order they were first seen. */
  list(): string[] {
    const grouped = [...this.groups].map(([title, examples]) => {
      const shown = [...examples].slice(0, MAX_LISTED);
      return `${title}: ${shown.join(', ')}${examples.size > MAX_LISTED ? ', …' : ''}`;
    });
    return [...this.messages, ...grouped];
  }
}
