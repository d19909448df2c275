/**
 * Instruction overrides in plain words, the classic forms of prompt injection (Perez and Ribeiro,
 * "Ignore previous prompt", 2022; Greshake et al., indirect injection, 2023): cancelling the
 * model's instructions, announcing new ones, fake role markers and modes, and text in a document or
 * tool result that addresses the model. High precision over recall: a statistical detector
 * (`prompt-injection`) covers the long tail; these rules catch the short, blunt forms it can miss.
 * Every pattern is linear: bounded gaps, no nested repeats.
 */

/** A command to produce some text: what an override usually ends with. */
const COMMAND =
  "(?:say|print|output|write|reply|respond|answer|repeat|echo|include|return|type|state|confirm)";
/** Instructions the model was given, as an object of cancelling verbs. */
const INSTRUCTIONS =
  "(?:instructions?|rules|guidelines|directions?|directives|prompts?|constraints|system (?:prompt|message)|programming|configuration|guardrails|policies)";
/** A turn or task of the conversation, cancelled to redirect the model. */
const TASK = "(?:task|request|question|conversation|summary|translation|above|everything)";

export type OverrideRule =
  | "cancel-instructions"
  | "cancel-and-redirect"
  | "new-instructions"
  | "fake-role"
  | "fake-mode"
  | "addressed-to-model";

export const OVERRIDE_RULES: readonly { rule: OverrideRule; pattern: RegExp; untrustedOnly?: boolean }[] = [
  {
    rule: "cancel-instructions",
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget|override|bypass|discard|abandon)\\s+(?:\\w+\\s+){0,4}?${INSTRUCTIONS}\\b`,
      "iu",
    ),
  },
  {
    rule: "cancel-and-redirect",
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget|skip|drop|abandon)\\s+(?:\\w+\\s+){0,3}?${TASK}\\b[^\\n]{0,80}?\\b${COMMAND}\\b`,
      "iu",
    ),
  },
  {
    rule: "new-instructions",
    pattern: new RegExp(
      [
        `\\bnew (?:instructions?|rules?|task|orders)\\b\\s*(?:from [\\w ]{1,30})?[:\\-]`,
        `\\b(?:your|the|my) (?:real|true|actual|new) (?:instructions?|task|job|rule|orders)\\b`,
        `\\byour only instruction\\b`,
        `\\b(?:previous|prior|earlier|original|old|initial) (?:instructions|guidelines|rules|directives)\\s+(?:have|has|are|were)\\s+(?:\\w+\\s+)?(?:expired|void|cancell?ed|revoked|invalid|obsolete|replaced|suspended|lifted|a test)\\b`,
        `\\b(?:reset|clear|wipe|erase)\\s+(?:your|the|all)(?: previous| prior| earlier)? (?:instructions|rules|guidelines|memory)\\b`,
        `\\bpretend (?:that )?(?:the|this) conversation (?:has )?just (?:started|begun|began)\\b`,
        `\\b(?:override priority|system override|priority override|override code)\\b`,
        `\\b(?:operator|developer|administrator|admin|owner)s? (?:has |have )?(?:changed|updated|replaced) your (?:instructions|rules|configuration)\\b`,
        `\\b(?:follow|obey) (?:only )?my instructions instead\\b`,
        `\\binstead of (?:helping|answering|doing)[^\\n]{0,40}?\\b(?:${COMMAND}|repeat after me)\\b`,
        `\\bfrom now on,? (?:you (?:will |must |shall )?(?:answer|reply|respond)|answer|reply|respond)\\b`,
      ].join("|"),
      "iu",
    ),
  },
  {
    rule: "fake-role",
    // role markers of chat templates, in upper case with a colon, or in brackets
    pattern: new RegExp(
      `(?:^|\\n|[.!?]\\s)\\s{0,4}(?:SYSTEM:|\\[(?:system|admin|developer)\\]|<\\|im_start\\|>\\s?system|#{2,3}\\s?(?:new )?(?:task|instructions?)\\s?#{2,3})[^\\n]{0,120}?\\b(?:${COMMAND}|new rule|instructions?)\\b`,
      "u",
    ),
  },
  {
    rule: "fake-mode",
    pattern: new RegExp(
      `\\b(?:debug|debugging|developer|admin|maintenance|god|test) mode (?:is )?(?:now )?(?:on|enabled|activated|active)\\b[^\\n]{0,80}?\\b${COMMAND}\\b`,
      "iu",
    ),
  },
  {
    rule: "addressed-to-model",
    untrustedOnly: true,
    pattern: new RegExp(
      [
        `\\b(?:note|message|instructions?|orders|notice|reminder)s? (?:for|to) (?:the |all |any )?(?:ai|assistants?|models?|llms?|agents?|chatbots?|bots?|language models?)\\b`,
        `\\b(?:to the|dear|attention,?|hey) (?:ai|assistant|model|llm|agent|chatbot|language model)\\b`,
        `\\b(?:ai|assistant|model|llm|agent|chatbot)s?(?: reading this| reviewers?| agents?)?\\s*[:,]\\s*(?:\\w+\\s+){0,6}?(?:${COMMAND}|ignore|disregard|forget|your new)\\b`,
        `\\bwhen (?:summari[sz]ing|reading|processing) (?:this|it)?,?\\s*(?:\\w+\\s+){0,3}?(?:instead\\s+)?${COMMAND}\\b`,
        `\\bthe user wants you to\\s+${COMMAND}\\b`,
        `\\binstead of (?:a |the )?(?:summary|summari[sz]ing)\\b`,
      ].join("|"),
      "iu",
    ),
  },
];

/** Text inside document-like tags of a user message is third-party content, read as untrusted. */
export const DOCUMENT_REGION =
  /<(document|context|doc|search_results|email|webpage|page|file|retrieved)\b[^>]{0,200}>([\s\S]{0,200000}?)<\/\1>/giu;
