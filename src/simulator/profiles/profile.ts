/**
 * The profile seam: a profile decides what the simulated model answers to a chat. The simulator
 * does the rest (wire format, streaming, usage, ids), so a profile is one small, pure function.
 *
 * Add a profile: write `src/simulator/profiles/<name>-profile.ts` exporting a `SimulatorProfile`,
 * and list it in `src/simulator/profiles/index.ts`. A profile must be deterministic: the same
 * chat gives the same reply.
 */

/** One message of the chat, with its text already extracted from text parts. */
export interface ProfileMessage {
  readonly role: "system" | "developer" | "user" | "assistant" | "tool" | "function";
  readonly text: string;
  /** the tool calls of an assistant message, when it made some */
  readonly toolCalls: readonly ProfileToolCall[];
}

/** A function the caller offers the model. */
export interface ProfileTool {
  readonly name: string;
  readonly description: string;
  /** the JSON schema of the arguments, as sent by the caller (not validated) */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** `auto` (the model chooses), `none`, `required` (must call one), or one named function. */
export type ProfileToolChoice = "auto" | "none" | "required" | { readonly name: string };

export interface ProfileChat {
  /** the model name the caller asked for */
  readonly model: string;
  readonly messages: readonly ProfileMessage[];
  readonly tools: readonly ProfileTool[];
  readonly toolChoice: ProfileToolChoice;
}

export interface ProfileToolCall {
  readonly name: string;
  /** the arguments as a JSON text, as on the wire */
  readonly arguments: string;
}

export type ProfileReply =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "tool_calls"; readonly calls: readonly ProfileToolCall[] };

export interface SimulatorProfile {
  /** the name given to `--profile` */
  readonly name: string;
  /** one line for `--help` and the docs */
  readonly description: string;
  reply(chat: ProfileChat): ProfileReply;
}
