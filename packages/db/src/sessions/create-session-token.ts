import { randomBytes } from "node:crypto";

/** 192 random bits, base64url (32 characters): unguessable, URL-safe. */
export function createSessionToken(): string {
  return randomBytes(24).toString("base64url");
}
