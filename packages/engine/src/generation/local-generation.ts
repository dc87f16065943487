import type { GenerateChunk, GenerateRequest, GenerationPort } from "../ports/generation";
import { understandLocally } from "../understanding";

export interface LocalGenerationOptions {
  /** "Now" for argument extraction (relative dates); defaults to the wall clock. */
  now?: () => Date;
}

/**
 * The offline, deterministic model: it calls an exit when the last user message matches one
 * (by the exit's examples, like local understanding), and otherwise says the node's localReply,
 * streamed word by word so the streaming path is exercised.
 */
export function createLocalGeneration(options: LocalGenerationOptions = {}): GenerationPort {
  return {
    name: "local",
    async *generate(request: GenerateRequest): AsyncIterable<GenerateChunk> {
      const lastUser = [...request.messages].reverse().find((m) => m.role === "user");
      if (lastUser && request.exits.length) {
        const result = understandLocally({
          text: lastUser.content,
          intents: request.exits,
          slots: [],
          expectConfirmation: false,
          now: options.now?.() ?? new Date(),
        });
        if (result.intent) {
          yield { type: "exit", name: result.intent.name, arguments: result.intent.arguments };
          return;
        }
      }
      const reply = request.localReply ?? "I see.";
      const words = reply.split(/(?<=\s)/);
      // No signal check: a consumer that is aborted stops reading, which ends this generator.
      for (const word of words) yield { type: "text", text: word };
    },
  };
}
