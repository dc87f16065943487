export * from "./schema";
export * from "./diagnostics";
