"use client";
import { useRouter } from "next/navigation";
import { api } from "@/client/api-client";

/** Shown when every flow was deleted. */
export function EmptyHome() {
  const router = useRouter();
  return (
    <div className="empty" style={{ marginTop: 120 }}>
      <h1 style={{ color: "var(--text)", fontSize: 20 }}>No flows yet</h1>
      <p>Create a flow to start designing a conversation.</p>
      <button type="button" className="btn primary" onClick={() => void api.createFlow("My first flow").then((f) => router.push(`/flows/${f.id}`))}>
        + New flow
      </button>
    </div>
  );
}
