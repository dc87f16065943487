export * from "./schema";
export * from "./diagnostics";
export * from "./expressions";
export * from "./compile";
