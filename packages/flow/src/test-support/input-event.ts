import type { FlowEvent } from "../compile/types";

/** An INPUT event as the engine sends it (nothing understood), with `over` applied: for tests. */
export const inputEvent = (over: Partial<Extract<FlowEvent, { type: "INPUT" }>> = {}): FlowEvent => ({
  type: "INPUT",
  text: "",
  intent: null,
  slots: {},
  invalid: [],
  confirmation: null,
  ...over,
});
