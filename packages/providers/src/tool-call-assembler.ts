import type OpenAI from "openai";

type ToolCallDelta = OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta.ToolCall;

export interface AssembledToolCall {
  index: number;
  id: string | undefined;
  name: string;
  arguments: string;
}

/**
 * Joins streamed tool-call deltas: the first delta of a call carries its id and name, later ones
 * append fragments of the JSON arguments, keyed by `index`.
 */
export class ToolCallAssembler {
  readonly #calls = new Map<number, AssembledToolCall>();

  add(deltas: readonly ToolCallDelta[]): void {
    for (const delta of deltas) {
      const call = this.#calls.get(delta.index) ?? { index: delta.index, id: undefined, name: "", arguments: "" };
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
      this.#calls.set(delta.index, call);
    }
  }

  get size(): number {
    return this.#calls.size;
  }

  /** The calls in index order. */
  calls(): AssembledToolCall[] {
    return [...this.#calls.values()].sort((a, b) => a.index - b.index);
  }
}
