import type { ApiKeyRecord, DataClass } from "../store/index.js";

/** Who is calling: the key and what it is bound to. The policy refers to `role`, `app` and `team`. */
export interface Principal {
  readonly keyId: string;
  readonly keyName: string;
  readonly keyPrefix: string;
  readonly role: string;
  readonly app: string | null;
  readonly team: string | null;
  /** models the key may call; empty means every model the policy allows */
  readonly models: readonly string[];
  readonly clearance: DataClass;
  readonly limits: ApiKeyRecord["limits"];
}

export function principalOf(record: ApiKeyRecord): Principal {
  return {
    keyId: record.id,
    keyName: record.name,
    keyPrefix: record.prefix,
    role: record.role,
    app: record.app,
    team: record.team,
    models: record.models,
    clearance: record.clearance,
    limits: record.limits,
  };
}
