import { assign, emit, enqueueActions } from "xstate";
import type { FlowContext, FlowEmitted, FlowEvent } from "./types";
import type { Step, StepRun } from "./action-steps";

const assignWith = (fn: (context: FlowContext, event: FlowEvent) => Partial<FlowContext>) =>
  assign<FlowContext, FlowEvent, undefined, FlowEvent, never>(({ context, event }) => fn(context, event));
const emitWith = (fn: (context: FlowContext, event: FlowEvent) => FlowEmitted) =>
  emit<FlowContext, FlowEvent, undefined, FlowEvent, FlowEmitted>(({ context, event }) => fn(context, event));
const enqueueWith = (fn: (context: FlowContext, event: FlowEvent, out: FlowEmitted[]) => Partial<FlowContext> | undefined) =>
  enqueueActions<FlowContext, FlowEvent, undefined, FlowEvent, never, never, never, never, FlowEmitted>(({ context, event, enqueue }) => {
    const out: FlowEmitted[] = [];
    const update = fn(context, event, out);
    if (update) enqueue.assign(update);
    for (const e of out) enqueue.emit(e);
  });

export type FusedAction = ReturnType<typeof assignWith> | ReturnType<typeof emitWith> | ReturnType<typeof enqueueWith>;

/**
 * An update a list handed on instead of assigning it (a snapshot copy saved): the next list to
 * run in the same microstep, which the caller proved assigns, applies it first. `base` is the
 * context the handing list saw; as it did not assign, the next list sees the same object.
 */
export interface Carry {
  base: FlowContext | null;
  update: Partial<FlowContext> | undefined;
}

export interface FuseOptions {
  /** Runs the steps (default: in order); bind-transitions.ts reuses what a guard computed. */
  run?: StepRun;
  carry: Carry;
  /** Hand this list's update on (see Carry); only when the next list to run assigns. */
  defer?: boolean;
}

/**
 * Turns the steps of one action list (a state's entry, a transition's actions) into as few XState
 * actions as possible. XState copies the snapshot on every assign and allocates a dozen closures
 * per enqueueActions call, so a list does at most one assign, and uses plain emits when the number
 * of events it emits is fixed.
 *
 * Emitted events are delivered after the macrostep, in the order their actions resolve, so where
 * the assign sits among the emits is invisible: only the emits' order and content matter, and
 * those are the steps' own.
 */
export function fuseSteps(steps: readonly Step[], options: FuseOptions): FusedAction[] {
  const live = steps.filter((s) => s.assigns || s.emits !== 0);
  if (!live.length) return [];
  const assigns = live.some((s) => s.assigns);
  const run = assigns ? takingCarry(options.run ?? runAll(live), options.carry) : (options.run ?? runAll(live));
  let count = 0;
  for (const s of live) {
    if (s.emits === null) return [enqueueWith(run)];
    count += s.emits;
  }
  const defer = assigns && options.defer === true && count > 0;
  // The first action computes everything; the emits after it hand out the events it produced.
  // Actions of one list resolve synchronously and in order, so the hand-over cannot interleave.
  let pending: FlowEmitted[] = [];
  let next = 0;
  const take = (): FlowEmitted => {
    const e = pending[next++];
    if (!e) throw new Error("internal: fused action emitted fewer events than declared");
    return e;
  };
  const compute = (context: FlowContext, event: FlowEvent) => {
    pending = [];
    next = 0;
    const update = run(context, event, pending);
    if (pending.length !== count) throw new Error("internal: fused action emitted a different number of events than declared");
    return update;
  };
  const out: FusedAction[] = [];
  if (assigns && !defer) out.push(assignWith((context, event) => compute(context, event) ?? {}));
  for (let i = 0; i < count; i++) {
    if (i > 0 || (assigns && !defer)) {
      out.push(emitWith(take));
      continue;
    }
    out.push(
      emitWith((context, event) => {
        const update = compute(context, event);
        if (defer && update) {
          options.carry.base = context;
          options.carry.update = update;
        }
        return take();
      }),
    );
  }
  return out;
}

/** Applies an update handed on by the list before (see Carry) before running this list's steps. */
function takingCarry(run: StepRun, carry: Carry): StepRun {
  return (context, event, out) => {
    const carried = carry.base === context ? carry.update : undefined;
    carry.base = null;
    carry.update = undefined;
    if (!carried) return run(context, event, out);
    const update = run({ ...context, ...carried }, event, out);
    return update ? { ...carried, ...update } : carried;
  };
}

/** Runs steps in order, each seeing the context as the steps before it left it. */
export function runAll(steps: readonly Step[]): StepRun {
  const only = steps.length === 1 ? steps[0] : undefined;
  if (only) return only.run;
  return (context, event, out) => {
    let current = context;
    let update: Partial<FlowContext> | undefined;
    for (const step of steps) {
      const u = step.run(current, event, out);
      if (!u) continue;
      current = { ...current, ...u };
      update = update ? { ...update, ...u } : u;
    }
    return update;
  };
}
