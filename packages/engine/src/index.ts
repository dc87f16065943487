export * from "./ports/understanding";
export * from "./ports/generation";
export * from "./ports/tools";
export * from "./session/events";
