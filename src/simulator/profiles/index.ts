import { RampartError } from "../../core/errors.js";
import { defaultProfile } from "./default-profile.js";
import { hardenedProfile } from "./hardened-profile.js";
import type { SimulatorProfile } from "./profile.js";
import { vulnerableProfile } from "./vulnerable-profile.js";

export { defaultProfile } from "./default-profile.js";
export type * from "./profile.js";
export { buildToolCall, chooseTool, lastUserText, matchTool } from "./tool-matching.js";

/** Every profile by name. Add a profile: one file beside this one, one entry here. */
export const simulatorProfiles: Readonly<Record<string, SimulatorProfile>> = Object.freeze({
  [defaultProfile.name]: defaultProfile,
  [vulnerableProfile.name]: vulnerableProfile,
  [hardenedProfile.name]: hardenedProfile,
});

export function profileNames(): string[] {
  return Object.keys(simulatorProfiles);
}

/** The profile of that name; an unknown name is a usage error that lists the known ones. */
export function resolveProfile(name: string): SimulatorProfile {
  const profile = Object.hasOwn(simulatorProfiles, name) ? simulatorProfiles[name] : undefined;
  if (!profile) {
    throw new RampartError(
      "usage",
      `unknown simulator profile "${name}" (known: ${profileNames().join(", ")})`,
    );
  }
  return profile;
}
