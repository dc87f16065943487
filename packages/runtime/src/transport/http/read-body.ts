import type { IncomingMessage } from "node:http";
import { fail, ok, transportError, type Result } from "../errors";

/** Reads a request body up to `limit` bytes; past it, stops reading and returns payload-too-large. */
export function readBody(request: IncomingMessage, limit: number): Promise<Result<Buffer>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        request.resume();
        resolve(fail(transportError("transport/payload-too-large", `request body exceeds ${limit} bytes`)));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (!done) resolve(ok(Buffer.concat(chunks)));
      done = true;
    });
    request.on("error", (cause) => {
      if (!done) resolve(fail(transportError("transport/bad-request", `request body could not be read: ${cause.message}`)));
      done = true;
    });
  });
}
