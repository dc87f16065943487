/**
 * The plain-data shape of the machine config we generate. It is JSON: implementations are
 * bound by name through setup(), so the builder can show the config as the "generated machine".
 */
export interface ActionRef {
  type: string;
  params?: Record<string, string | number | boolean | null>;
}

export interface TransitionConfig {
  target?: string;
  guard?: ActionRef;
  actions?: ActionRef[];
  reenter?: boolean;
  /** Kept in the JSON for readers; ignored by XState. */
  description?: string;
}

export interface StateConfig {
  id?: string;
  type?: "history" | "final" | "compound" | "atomic";
  history?: "deep" | "shallow";
  target?: string;
  initial?: string;
  entry?: ActionRef[];
  exit?: ActionRef[];
  always?: TransitionConfig[];
  on?: Record<string, TransitionConfig[]>;
  states?: Record<string, StateConfig>;
  tags?: string[];
  description?: string;
}

/** Structural state names; node ids cannot start with "__" (ids start with a letter). */
export const MAIN = "__main";
export const DETOUR = "__detour";
export const HISTORY = "__hist";
export const DONE = "__done";

export function qualify(scope: string, id: string): string {
  return scope ? `${scope}/${id}` : id;
}

export function ref(id: string): string {
  return `#${id}`;
}
