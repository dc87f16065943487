import type { DocTrigger } from "./flow-types";

/** The short label an edge shows on the canvas, from its trigger. */
export function triggerLabel(trigger: DocTrigger): string {
  switch (trigger.type) {
    case "intent":
      return trigger.intent.name;
    case "condition":
      return trigger.when;
    case "filled":
      return "filled";
    case "toolResult":
      return trigger.result;
    case "noInput":
      return "no input";
    case "noMatch":
      return "no match";
    case "always":
      return "always";
  }
}

/** A category for styling: the colour of an edge follows what fires it. */
export function triggerTone(trigger: DocTrigger): "intent" | "condition" | "success" | "failure" | "neutral" {
  switch (trigger.type) {
    case "intent":
      return "intent";
    case "condition":
      return "condition";
    case "filled":
      return "success";
    case "toolResult":
      return trigger.result === "success" ? "success" : "failure";
    case "noInput":
    case "noMatch":
      return "failure";
    case "always":
      return "neutral";
  }
}
