export * from "./schema";
export * from "./diagnostics";
export * from "./expressions";
export * from "./compile";
export * from "./load";
export * from "./graph";
export * from "./checks";
// The conversation-test format (`voxchart test` files, the builder's test cases); the engine runs it.
export * from "./conversation-tests/test-file-schema";
export * from "./conversation-tests/literal-matcher";
