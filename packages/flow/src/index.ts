export * from "./schema";
export * from "./diagnostics";
export * from "./expressions";
export * from "./compile";
export * from "./load";
export * from "./graph";
export * from "./checks";
