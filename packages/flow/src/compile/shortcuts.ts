import type { ActionRef, StateConfig, TransitionConfig } from "./state-config";

/** A state of the generated config with its parent, to resolve targets and check ancestors. */
export interface StateLocation {
  config: StateConfig;
  parent: StateLocation | null;
}

/** A transition as the executable machine takes it; guards may read the context part-way through the actions. */
export interface TransitionPlan {
  target?: string;
  reenter?: boolean;
  /** Guards in order; `at` is how many of `actions` have run on the context the guard reads. */
  guards: { ref: ActionRef; at: number }[];
  actions: ActionRef[];
  /** More points in `actions` whose context a sibling plan reads (see bind-transitions.ts). */
  cuts: number[];
}

const MAX_DEPTH = 3;

/**
 * Shortcuts through eventless transitions, which cost XState a whole microstep each (exit and
 * entry sets, a snapshot copy, another round of eventless selection):
 * - a targetless transition (a collect node storing slots) followed by its state's `always`
 *   (the slots are complete: confirm or leave);
 * - a transition into a pass-through node (decide, say without waiting) followed by that node's
 *   `always` to a sibling.
 * Each shortcut goes straight to where the two microsteps would end, running the same actions in
 * the same order (the pass-through node's entry becomes transition actions), with the `always`
 * guard evaluated on the context those actions leave. The exited and entered states, and so the
 * history values, are the same as in the two microsteps (one exception: see endsMachine). The
 * original transition stays last, so when no `always` matches the machine does exactly what it
 * did before.
 */
export function createTransitionPlanner(root: StateConfig) {
  const byId = new Map<string, StateLocation>();
  // Every state's location, including those without an id (collect substates).
  const locations = new Map<StateConfig, StateLocation>();
  const index = (config: StateConfig, parent: StateLocation | null): StateLocation => {
    const loc: StateLocation = { config, parent };
    locations.set(config, loc);
    if (config.id) byId.set(config.id, loc);
    for (const child of Object.values(config.states ?? {})) index(child, loc);
    return loc;
  };
  const rootLocation = index(root, null);

  const resolve = (source: StateLocation, target: string): StateLocation | undefined => {
    if (target.startsWith("#")) return byId.get(target.slice(1));
    const sibling = source.parent?.config.states?.[target];
    return sibling ? locations.get(sibling) : undefined;
  };

  const passThrough = (loc: StateLocation) =>
    !loc.config.states && !loc.config.on && !!loc.config.always?.length && loc.config.type === undefined;

  // A pass-through node may also go on to the machine's final state (end and transfer nodes).
  // Everything is exited there; the only trace of the skipped microstep is which node the deep
  // history of the done machine records (the node before the end node): a finished machine never
  // returns through history, and nothing reads it.
  const endsMachine = (loc: StateLocation) => loc.config.type === "final" && loc.parent === rootLocation;

  const ancestorsHaveAlways = (loc: StateLocation) => {
    for (let p = loc.parent; p; p = p.parent) if (p.config.always?.length) return true;
    return false;
  };

  function expand(source: StateLocation, plan: TransitionPlan, depth: number): TransitionPlan[] {
    if (depth >= MAX_DEPTH || plan.reenter) return [plan];
    let always: TransitionConfig[];
    let via: ActionRef[];
    let siblingsOf: StateLocation | null;
    if (plan.target === undefined) {
      if (source.config.states || !source.config.always?.length || ancestorsHaveAlways(source)) return [plan];
      always = source.config.always;
      via = [];
      siblingsOf = null;
    } else {
      const to = resolve(source, plan.target);
      if (!to || to === source || !passThrough(to) || ancestorsHaveAlways(to)) return [plan];
      always = to.config.always ?? [];
      via = to.config.entry ?? [];
      siblingsOf = to;
    }
    const shortcuts: TransitionPlan[] = [];
    for (const a of always) {
      if (a.target === undefined || a.reenter) break;
      // From a pass-through node only to its siblings: then that microstep exits just the node.
      const to = siblingsOf ? resolve(siblingsOf, a.target) : resolve(source, a.target);
      if (!to || (siblingsOf && to.parent !== siblingsOf.parent && !endsMachine(to))) break;
      const pre = [...plan.actions, ...via];
      const shortcut: TransitionPlan = {
        target: a.target,
        guards: a.guard ? [...plan.guards, { ref: a.guard, at: pre.length }] : [...plan.guards],
        actions: [...pre, ...(a.actions ?? [])],
        cuts: [...plan.cuts, plan.actions.length],
      };
      // Back to the source itself: the two microsteps exit and re-enter it.
      if (to === source) shortcut.reenter = true;
      shortcuts.push(...expand(source, shortcut, depth + 1));
      if (!a.guard) break;
    }
    return [...shortcuts, plan];
  }

  /**
   * The state whose entry actions run first after this plan's actions, when that is known: the
   * target, with no entry actions on the states entered above it (XState's transition domain).
   */
  function firstEntered(source: StateLocation, plan: TransitionPlan): StateLocation | undefined {
    if (plan.target === undefined || plan.reenter) return undefined;
    const to = resolve(source, plan.target);
    if (!to || to === source) return undefined;
    const strictAncestors = new Set<StateLocation>();
    for (let p = source.parent; p; p = p.parent) strictAncestors.add(p);
    let inside = false;
    for (let p = to.parent; p; p = p.parent) if (p === source) inside = true;
    for (let p = to.parent; p; p = p.parent) {
      if (inside ? p === source : strictAncestors.has(p)) return to;
      if (p.config.entry?.length) return undefined;
    }
    return undefined;
  }

  /**
   * A compound state whose initial child is a pass-through node that always goes on to one sibling
   * (a start node that speaks and moves on): entering it by default can enter that sibling at once,
   * with the pass-through node's entry and edge actions as the initial transition's actions.
   */
  function initialShortcut(config: StateConfig): { key: string; actions: ActionRef[] } | undefined {
    const parent = locations.get(config);
    const first = config.initial !== undefined ? config.states?.[config.initial] : undefined;
    const from = first ? locations.get(first) : undefined;
    if (!parent || !from || !passThrough(from) || ancestorsHaveAlways(from)) return undefined;
    const a = from.config.always?.[0];
    if (!a || a.guard || a.reenter || a.target === undefined) return undefined;
    const to = resolve(from, a.target);
    if (!to || to === from || to.parent !== parent) return undefined;
    const key = Object.entries(config.states ?? {}).find(([, c]) => c === to.config)?.[0];
    if (key === undefined) return undefined;
    return { key, actions: [...(from.config.entry ?? []), ...(a.actions ?? [])] };
  }

  return {
    root: rootLocation,
    initialShortcut,
    firstEntered,
    /** Where a state of the config sits. */
    locate(config: StateConfig): StateLocation {
      const loc = locations.get(config);
      if (!loc) throw new Error("internal: state not indexed");
      return loc;
    },
    /** The transitions of one list on `source`, with shortcuts before each original. */
    plan(source: StateLocation, list: readonly TransitionConfig[]): TransitionPlan[] {
      return list.flatMap((t) => {
        const plan: TransitionPlan = { guards: t.guard ? [{ ref: t.guard, at: 0 }] : [], actions: t.actions ?? [], cuts: [] };
        if (t.target !== undefined) plan.target = t.target;
        if (t.reenter !== undefined) plan.reenter = t.reenter;
        return expand(source, plan, 0);
      });
    },
  };
}
