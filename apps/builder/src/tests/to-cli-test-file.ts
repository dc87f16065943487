import type { TestFile } from "@voxchart/flow";
import type { StoredConversation } from "../shared/test-case-schema";

/** Test files need distinct names (the builder allows twins): a later twin gets " (2)", " (3)"… */
function distinctNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name} (${n})`;
    used.add(unique);
    return unique;
  });
}

/**
 * The builder's test cases as one `voxchart test` file (JSON, which is also YAML), so CI runs
 * what authors recorded in the simulator. A stored case already is a test-file conversation
 * without its name; `flowFile` is the flow's path relative to the test file.
 */
export function toCliTestFile(flowFile: string, cases: readonly { name: string; conversation: StoredConversation }[]): TestFile {
  const names = distinctNames(cases.map((c) => c.name));
  return {
    flow: flowFile,
    conversations: cases.map(({ conversation: { format: _format, ...script } }, i) => ({ name: names[i] ?? "", ...script })),
  };
}
