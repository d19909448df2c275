import type { Sensitivity } from "../core/index.js";
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
  /**
   * Set by the admission check while an incident's raise-sensitivity containment covers this caller:
   * the detectors (all, or those of `category`) scan at least at `level`.
   */
  readonly raisedSensitivity?: RaisedSensitivity;
}

export interface RaisedSensitivity {
  readonly level: Sensitivity;
  /** only the detectors of this category; every detector when absent */
  readonly category?: string;
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
