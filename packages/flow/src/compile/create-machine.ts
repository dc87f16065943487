import { setup } from "xstate";
import type { FlowContext, FlowEmitted, FlowEvent, FlowActorInput } from "./types";
import type { MachineLogic } from "./machine-logic";
import type { ActionRef, StateConfig } from "./state-config";
import type { Step } from "./action-steps";
import { createStepFactory } from "./action-steps";
import { createGuardFactory } from "./guards";
import { fuseSteps } from "./fuse-actions";
import type { Carry, FusedAction } from "./fuse-actions";
import type { ExecutableTransition } from "./bind-transitions";
import { createPlanBinder } from "./bind-transitions";
import { createTransitionPlanner } from "./shortcuts";
import type { StateLocation, TransitionPlan } from "./shortcuts";

/**
 * Builds the XState machine of a generated config. The config names its actions and guards (it is
 * JSON, shown in the builder); here every ref is bound to its node once, and each action list is
 * fused (fuse-actions.ts), so a turn does no lookups by name and few snapshot copies.
 */
export function createFlowMachine(config: StateConfig & { context: FlowContext }, logic: MachineLogic) {
  const machineSetup = setup({
    types: {} as { context: FlowContext; events: FlowEvent; emitted: FlowEmitted; input: FlowActorInput | undefined },
  });
  const bind = createBinder(logic, config);
  // A static initial context, shared by every actor (context is never mutated): the start time
  // comes with the actor's input on the init event, and the start node's entry stores it
  // (action-steps.ts), so XState does not run a context factory and an assign per actor.
  const executable = { ...bind.state(), context: { ...config.context } };
  // The executable config is generated, with inline actions and guards; XState's config types are
  // too precise to state for it, hence the one cast at this seam.
  return machineSetup.createMachine(executable as unknown as Parameters<typeof machineSetup.createMachine>[0]);
}

interface ExecutableState extends Omit<StateConfig, "initial" | "entry" | "exit" | "always" | "on" | "states"> {
  initial?: string | { target: string; actions: FusedAction[] };
  entry?: FusedAction[];
  exit?: FusedAction[];
  always?: ExecutableTransition[];
  on?: Record<string, ExecutableTransition[]>;
  states?: Record<string, ExecutableState>;
}

function createBinder(logic: MachineLogic, root: StateConfig) {
  const makeStep = createStepFactory(logic);
  const steps = new WeakMap<ActionRef, Step>();
  const stepOf = (ref: ActionRef): Step => {
    let s = steps.get(ref);
    if (!s) steps.set(ref, (s = makeStep(ref)));
    return s;
  };
  const carry: Carry = { base: null, update: undefined };
  const bindPlans = createPlanBinder(stepOf, createGuardFactory(logic), carry);
  const planner = createTransitionPlanner(root);
  const assigns = (refs: ActionRef[] | undefined) => !!refs?.some((r) => stepOf(r).assigns);
  // A transition hands its update to the state it enters when that state's entry assigns.
  const defers = (loc: StateLocation) => (plan: TransitionPlan) => assigns(planner.firstEntered(loc, plan)?.config.entry);
  // A compound state (a collect node) hands its entry's update to whichever child is entered next,
  // when every child's entry assigns.
  const entryDefers = (s: StateConfig) => {
    const children = Object.values(s.states ?? {}).filter((c) => c.type !== "history");
    return children.length > 0 && children.every((c) => assigns(c.entry));
  };
  const state = (s: StateConfig): ExecutableState => {
    const { entry, exit, always, on, states, description: _description, ...rest } = s;
    const loc = planner.locate(s);
    const out: ExecutableState = { ...rest };
    if (entry?.length) out.entry = fuseSteps(entry.map(stepOf), { carry, defer: entryDefers(s) });
    const initial = planner.initialShortcut(s);
    // The initial actions run right before the target's entry (the state itself has no entry).
    if (initial && !entry?.length) {
      const target = s.states?.[initial.key];
      out.initial = { target: initial.key, actions: fuseSteps(initial.actions.map(stepOf), { carry, defer: assigns(target?.entry) }) };
    }
    if (exit?.length) out.exit = fuseSteps(exit.map(stepOf), { carry });
    if (always?.length) out.always = bindPlans(planner.plan(loc, always), defers(loc));
    if (on) out.on = Object.fromEntries(Object.entries(on).map(([type, ts]) => [type, bindPlans(planner.plan(loc, ts), defers(loc))]));
    if (states) out.states = Object.fromEntries(Object.entries(states).map(([key, child]) => [key, state(child)]));
    return out;
  };
  return { state: () => state(root) };
}
