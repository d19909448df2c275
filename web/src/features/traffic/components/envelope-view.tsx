import type { AuditEventDetail } from "@core/api/audit";

/** The hashed envelope exactly as stored, with its hash and the previous event's hash (text only). */
export function EnvelopeView({ detail }: { detail: AuditEventDetail }) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <dl className="grid gap-2 md:grid-cols-2">
        <div>
          <dt className="text-xs text-muted-foreground">SHA-256 of this envelope</dt>
          <dd>
            <code className="break-all text-xs">{detail.hash}</code>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Previous event&apos;s hash</dt>
          <dd>
            <code className="break-all text-xs">{detail.envelope.prevHash}</code>
          </dd>
        </div>
      </dl>
      <p className="text-xs text-muted-foreground">The envelope as stored (JSON):</p>
      <pre className="whitespace-pre-wrap break-all rounded-md border border-border bg-muted/40 p-3 font-mono text-xs">
        {JSON.stringify(detail.envelope, null, 2)}
      </pre>
    </div>
  );
}
