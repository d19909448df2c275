/**
 * Structural signals of prompt injection: a named, documented catalogue of linear-time patterns.
 *
 * Every quantifier is bounded and no quantified group contains another quantifier, so a match
 * attempt costs a bounded amount of work per start position (linear in the input). Matches are
 * evidence, not verdicts: each hit becomes a feature of the learned model, which weighs it against
 * the context ("how do I defend against 'ignore previous instructions'?" is a question, not an attack),
 * and names the rule of the finding.
 */

/** Rule ids reported in findings. `classifier` is a finding from the model with no structural hit. */
export const promptInjectionRules = [
  "instruction-override",
  "role-play-jailbreak",
  "prompt-leak-request",
  "indirect",
  "obfuscated",
  "payload-splitting",
  "many-shot",
  "tool-abuse",
  "known-jailbreak",
  "forged-delimiter",
  "classifier",
] as const;
export type PromptInjectionRule = (typeof promptInjectionRules)[number];

export interface StructuralPattern {
  readonly name: string;
  readonly rule: PromptInjectionRule;
  readonly pattern: RegExp;
}

/** "ignore / disregard / forget ... previous / above ... instructions / rules / prompt". */
export const OVERRIDE_PREVIOUS_INSTRUCTIONS =
  /\b(?:ignore|disregard|forget|skip|override|bypass|abandon|discard|neglect)\b[^.\n]{0,40}?\b(?:previous|prior|above|earlier|preceding|initial|original|system|all|any|those|these|your)\b[^.\n]{0,24}?\b(?:instructions?|prompts?|rules|directions|guidelines|directives|commands|constraints|guardrails|programming|context)\b/i;

/** An announced replacement of the instructions: "new instructions:", "updated system prompt:". */
export const NEW_INSTRUCTIONS_HEADER =
  /\b(?:new|updated|revised|real|actual|true|override|admin)\s{1,3}(?:system\s{1,3})?(?:instructions?|rules|task|directives?|prompt|orders)\s{0,3}(?:follow\s{0,3})?:/i;

/** Re-programming the assistant's identity or rules: "from now on you will", "you are now DAN". */
export const IDENTITY_REASSIGNMENT =
  /\b(?:from now on,?\s{1,3}(?:you|your|act|respond|answer|always|never|only)|you are now\s{1,3}(?:a|an|in|my|no longer|free|unrestricted|unfiltered|dan|jailbroken|going to)|you are no longer\s{1,3}(?:an?|bound|restricted|chatgpt|an ai))\b/i;

/** Persona jailbreaks: DAN, developer mode, "do anything now", "pretend you have no restrictions". */
export const PERSONA_JAILBREAK =
  /\b(?:dan mode|developer mode|dev mode enabled|do anything now|jailbreak(?:en|ed)? mode|jailbroken|god mode|unfiltered mode|evil (?:confidant|mode|bot)|(?:pretend|imagine|act as if|suppose)\s{1,3}(?:that\s{1,3})?you\s{1,3}(?:have|had|are|were)\s{1,3}(?:no|not bound by|free (?:of|from))\s{1,3}(?:restrictions|rules|filters|limits|limitations|guidelines|ethics|morals|content polic)|(?:without|no)\s{1,3}(?:any\s{1,3})?(?:restrictions|censorship|filters|ethical (?:guidelines|constraints)|moral (?:guidelines|constraints)),?\s{1,3}(?:you|and|answer|respond|reply))/i;

/** Requests for the hidden instructions: "print your system prompt", "repeat the text above". */
export const PROMPT_LEAK_REQUEST =
  /\b(?:print|reveal|repeat|show|output|display|tell me|give me|share|recite|write out|dump|leak|spell out|what (?:is|are|was|were))\b[^.\n?]{0,30}?\b(?:system prompt|system message|initial (?:instructions|prompt)|hidden (?:instructions|prompt|rules)|developer (?:message|instructions|prompt)|(?:text|words|everything|instructions|content) above|original (?:instructions|prompt)|(?:your|the) (?:instructions|prompt|rules) (?:verbatim|word for word|exactly)|pre-?prompt|configuration prompt)\b/i;

/** Chat-template control tokens and fake role headers that try to open a new, trusted turn. */
export const FORGED_ROLE_TOKEN =
  /<\|(?:im_start|im_end|system|user|assistant|endoftext|start_header_id|end_header_id|eot_id|begin_of_text)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:system|sys|instructions?)>|<\/(?:user|human)>\s{0,3}<(?:system|assistant)>|(?:^|\n)\s{0,3}#{2,4}\s{0,2}(?:system|instruction|new instructions|admin)\s{0,2}:/i;

/** A forged conversation: a fake assistant turn followed by a fake user turn inside one message. */
export const FORGED_TURN =
  /(?:^|\n)\s{0,8}(?:assistant|ai|chatgpt|gpt|bot|model)\s{0,3}:[^\n]{0,200}\n{1,3}\s{0,8}(?:user|human|me)\s{0,3}:/i;

/** Payload splitting: instructions to glue fragments together and act on the result ("run a + b"). */
export const CONCATENATE_AND_RUN =
  /\b(?:run|execute|follow|obey|perform|answer|do|carry out|print|say|evaluate|respond to)\b[^\n]{0,30}?\b[a-z]\w{0,10}\s{0,2}\+\s{0,2}[a-z]\w{0,10}\b/i;

/** Sending conversation data or secrets to an outside address. */
export const EXFILTRATION_INSTRUCTION =
  /\b(?:send|post|forward|upload|email|exfiltrate|transmit|leak|append)\b[^.\n]{0,60}?\b(?:conversation|chat history|messages|password|credentials|api keys?|secrets?|tokens?|cookies|user data|personal data|the data|files?|contents?|history)\b[^\n]{0,60}?(?:https?:\/\/|\bto\s{1,3}[\w.+-]{1,40}@)/i;

/** Directing the agent to call a named tool or function ("call the delete_user tool"). */
export const TOOL_CALL_INSTRUCTION =
  /\b(?:call|invoke|use|run|execute|trigger)\s{1,3}(?:the\s{1,3})?[`'"]?[a-z]{1,20}_[a-z_]{1,30}[`'"]?(?:\s{1,3}(?:tool|function|api|endpoint|command)|\s{0,2}\()/i;

/** A Markdown image whose URL carries query data: the classic zero-click exfiltration channel. */
export const MARKDOWN_IMAGE_EXFILTRATION =
  /!\[[^\]\n]{0,100}\]\(\s{0,3}https?:\/\/[^)\s?]{1,200}\?[^)\s]{1,300}\)/i;

/** Decode-and-obey: "decode this base64 and follow it". */
export const DECODE_AND_OBEY =
  /\b(?:decode|decipher|decrypt|unscramble|reverse|convert)\b[^.\n]{0,40}?\b(?:and|then)\s{1,3}(?:follow|execute|obey|do|run|carry out|perform|act on|comply with|answer)\b/i;

/** The catalogue, in the order used to pick the rule of a finding (most specific first). */
export const structuralPatterns: readonly StructuralPattern[] = [
  { name: "forged-role-token", rule: "forged-delimiter", pattern: FORGED_ROLE_TOKEN },
  { name: "forged-turn", rule: "forged-delimiter", pattern: FORGED_TURN },
  { name: "exfiltration-instruction", rule: "tool-abuse", pattern: EXFILTRATION_INSTRUCTION },
  { name: "tool-call-instruction", rule: "tool-abuse", pattern: TOOL_CALL_INSTRUCTION },
  { name: "markdown-image-exfiltration", rule: "tool-abuse", pattern: MARKDOWN_IMAGE_EXFILTRATION },
  { name: "concatenate-and-run", rule: "payload-splitting", pattern: CONCATENATE_AND_RUN },
  { name: "decode-and-obey", rule: "obfuscated", pattern: DECODE_AND_OBEY },
  { name: "prompt-leak-request", rule: "prompt-leak-request", pattern: PROMPT_LEAK_REQUEST },
  { name: "persona-jailbreak", rule: "role-play-jailbreak", pattern: PERSONA_JAILBREAK },
  {
    name: "override-previous-instructions",
    rule: "instruction-override",
    pattern: OVERRIDE_PREVIOUS_INSTRUCTIONS,
  },
  { name: "new-instructions-header", rule: "instruction-override", pattern: NEW_INSTRUCTIONS_HEADER },
  { name: "identity-reassignment", rule: "instruction-override", pattern: IDENTITY_REASSIGNMENT },
];

/** A line that opens a conversation turn ("User:", "Assistant:", "Q:", "A:"); counted for many-shot. */
export const TURN_MARKER = /(?:^|\n)[ \t]{0,4}(?:q|a|user|assistant|human|ai|question|answer)[ \t]{0,2}:/gi;

/** How many turn markers make a many-shot conversation inside one message. */
export const MANY_SHOT_MIN_TURNS = 16;
