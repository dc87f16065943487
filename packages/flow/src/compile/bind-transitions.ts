import type { FlowContext, FlowEmitted, FlowEvent } from "./types";
import type { Step, StepRun } from "./action-steps";
import type { GuardCheck } from "./guards";
import type { ActionRef } from "./state-config";
import type { TransitionPlan } from "./shortcuts";
import type { Carry, FusedAction } from "./fuse-actions";
import { fuseSteps, runAll } from "./fuse-actions";

export type InlineGuard = (args: { context: FlowContext; event: FlowEvent }) => boolean;

export interface ExecutableTransition {
  target?: string;
  guard?: InlineGuard;
  actions?: FusedAction[];
  reenter?: boolean;
}

interface StageResult {
  context: FlowContext;
  update: Partial<FlowContext> | undefined;
  out: FlowEmitted[];
}

/**
 * The context after the first actions of a transition, for a shortcut's guard (shortcuts.ts).
 * Actions are pure functions of context and event, so the result is kept for the same pair: the
 * transition's action then reuses it instead of running those actions again. It is handed out
 * once (take), so no emitted event object is ever delivered twice.
 */
interface Stage {
  peek(context: FlowContext, event: FlowEvent): StageResult;
  take(context: FlowContext, event: FlowEvent): StageResult;
  clear(): void;
}

function createStage(prev: Stage | null, steps: readonly Step[]): Stage {
  const run = runAll(steps);
  let keyContext: FlowContext | null = null;
  let keyEvent: FlowEvent | null = null;
  let value: StageResult | null = null;
  const peek = (context: FlowContext, event: FlowEvent): StageResult => {
    if (value && keyContext === context && keyEvent === event) return value;
    const base: StageResult = prev ? prev.peek(context, event) : { context, update: undefined, out: [] };
    const out = [...base.out];
    const u = run(base.context, event, out);
    value = u
      ? { context: { ...base.context, ...u }, update: base.update ? { ...base.update, ...u } : u, out }
      : { context: base.context, update: base.update, out };
    keyContext = context;
    keyEvent = event;
    return value;
  };
  const clear = () => {
    value = keyContext = keyEvent = null;
    prev?.clear();
  };
  return {
    peek,
    take(context, event) {
      const v = peek(context, event);
      clear();
      return v;
    },
    clear,
  };
}

/** Binds planned transitions: guards and fused actions, sharing stages within one transition list. */
export function createPlanBinder(stepOf: (ref: ActionRef) => Step, guardOf: (ref: ActionRef) => GuardCheck, carry: Carry) {
  // Action refs are shared between a transition and its shortcuts: their identity names a prefix.
  const ids = new WeakMap<ActionRef, number>();
  let nextId = 0;
  const idOf = (ref: ActionRef) => {
    let id = ids.get(ref);
    if (id === undefined) ids.set(ref, (id = nextId++));
    return id;
  };

  /** `defers(plan)`: the state entered next assigns, so the plan's update can be handed on (Carry). */
  return (plans: readonly TransitionPlan[], defers: (plan: TransitionPlan) => boolean): ExecutableTransition[] => {
    const stages = new Map<string, Stage>();
    const keyOf = (refs: readonly ActionRef[], n: number) => refs.slice(0, n).map(idOf).join(",");
    const stageAt = (refs: readonly ActionRef[], steps: readonly Step[], cuts: readonly number[], n: number): Stage => {
      const key = keyOf(refs, n);
      let stage = stages.get(key);
      if (!stage) {
        const before = cuts.filter((c) => c < n).at(-1);
        const prev = before === undefined ? null : stageAt(refs, steps, cuts, before);
        stage = createStage(prev, steps.slice(before ?? 0, n));
        stages.set(key, stage);
      }
      return stage;
    };
    return plans.map((plan) => {
      const refs = plan.actions;
      const steps = refs.map(stepOf);
      const cuts = [...new Set([...plan.cuts, ...plan.guards.map((g) => g.at)])].filter((c) => c > 0 && c <= refs.length).sort((x, y) => x - y);
      const out: ExecutableTransition = {};
      if (plan.target !== undefined) out.target = plan.target;
      if (plan.reenter !== undefined) out.reenter = plan.reenter;
      const checks = plan.guards.map((g) => ({ check: guardOf(g.ref), stage: g.at > 0 ? stageAt(refs, steps, cuts, g.at) : null }));
      const only = checks.length === 1 ? checks[0] : undefined;
      if (only && !only.stage) {
        const check = only.check;
        out.guard = ({ context, event }) => check(context, event);
      } else if (checks.length) {
        out.guard = ({ context, event }) => {
          for (const { check, stage } of checks) if (!check(stage ? stage.peek(context, event).context : context, event)) return false;
          return true;
        };
      }
      // The action reuses the longest stage a guard (of this plan or a sibling) may have computed.
      const shared = stages.has(keyOf(refs, refs.length)) ? refs.length : cuts.at(-1);
      let actions: FusedAction[];
      const defer = defers(plan);
      if (shared === undefined) actions = fuseSteps(steps, { carry, defer });
      else {
        const stage = stageAt(refs, steps, cuts, shared);
        const rest = runAll(steps.slice(shared));
        const run: StepRun = (context, event, emitted) => {
          const r = stage.take(context, event);
          for (const e of r.out) emitted.push(e);
          const u = rest(r.context, event, emitted);
          return u ? (r.update ? { ...r.update, ...u } : u) : r.update;
        };
        actions = fuseSteps(steps, { run, carry, defer });
      }
      if (actions.length) out.actions = actions;
      return out;
    });
  };
}
