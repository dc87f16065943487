export * from "./primitives";
export * from "./slot";
export * from "./intent";
export * from "./edge";
export * from "./node";
export * from "./flow";
