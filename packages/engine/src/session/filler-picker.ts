/**
 * Chooses latency-hiding fillers: the tool's progress message when a tool is what we wait for,
 * else the node's fillers, else the flow's; never the same text twice in a row, and at most one
 * per cooldown. Deterministic (rotation, no randomness), so simulations and tests repeat.
 */
export interface FillerPicker {
  pick(candidates: { progressMessage: string | null; fillers: readonly string[] }, now: number): string | null;
  readonly last: string | null;
}

export function createFillerPicker(cooldownMs: number): FillerPicker {
  let last: string | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  let rotation = 0;
  return {
    get last() {
      return last;
    },
    pick({ progressMessage, fillers }, now) {
      if (now - lastAt < cooldownMs) return null;
      let choice: string | null = null;
      if (progressMessage && progressMessage !== last) choice = progressMessage;
      else {
        const options = fillers.filter((f) => f !== last);
        if (options.length) choice = options[rotation++ % options.length] ?? null;
      }
      if (choice === null) return null;
      last = choice;
      lastAt = now;
      return choice;
    },
  };
}
