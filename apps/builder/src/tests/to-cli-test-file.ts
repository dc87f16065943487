import type { TestFile } from "@voxchart/flow";
import type { StoredConversation } from "../shared/test-case-schema";

/**
 * The builder's test cases as one `voxchart test` file (JSON, which is also YAML), so CI runs
 * what authors recorded in the simulator. A stored case already is a test-file conversation
 * without its name; `flowFile` is the flow's path relative to the test file.
 */
export function toCliTestFile(flowFile: string, cases: readonly { name: string; conversation: StoredConversation }[]): TestFile {
  return {
    flow: flowFile,
    conversations: cases.map(({ name, conversation: { format: _format, ...script } }) => ({ name, ...script })),
  };
}
