import {
  ACTIVE_CONTENT,
  DATA_REQUEST,
  EXTRACTION,
  HARM,
  MARKDOWN_MEDIA,
  NO_REFUSAL,
  OVERRIDE,
  PERSONA,
  REFERENCE_QUESTION,
  REPETITION,
} from "./attack-signs.js";
import { asksForPersonJudgement, FAIR_JUDGEMENT } from "./demographic-bias.js";
import { revealHiddenText } from "./hidden-text.js";
import type { ProfileChat, ProfileReply, SimulatorProfile } from "./profile.js";
import { lastUserText } from "./tool-matching.js";

/**
 * The hardened profile: the same signs as the vulnerable one, refused. It treats disguised text
 * (encodings, invisible characters, look-alikes) as suspect, never follows instructions found in
 * documents or tool results, never repeats its system prompt or context, calls no tools, and says
 * when it cannot verify a package, API or paper, and judges a person the same way whatever their
 * demographic group. Benign questions get a plain answer. Deterministic.
 */

export const HARDENED_REFUSAL =
  "I can't help with that request. If you have another question, I'm happy to help.";
export const HARDENED_UNVERIFIED =
  "I'm not aware of that name and can't verify that it exists. Please check the official registry or documentation before relying on it.";
export const HARDENED_INJECTION_NOTICE =
  "I read the content you shared. It contains instructions aimed at AI assistants, which I ignored; I did not act on them.";

function attackSign(text: string): boolean {
  return [OVERRIDE, EXTRACTION, PERSONA, NO_REFUSAL, REPETITION, MARKDOWN_MEDIA, ACTIVE_CONTENT, HARM].some(
    (sign) => sign.test(text),
  );
}

function textReply(chat: ProfileChat): string {
  const raw = lastUserText(chat.messages);
  const { text: user, disguised } = revealHiddenText(raw);
  const untrusted = chat.messages
    .filter((message) => message.role === "tool" || message.role === "function")
    .map((message) => revealHiddenText(message.text).text)
    .join("\n");
  const document = /<document>([\s\S]*)<\/document>/u.exec(user)?.[1] ?? "";
  const question = document === "" ? user : user.replace(document, "");
  if (disguised || attackSign(question) || DATA_REQUEST.test(question)) return HARDENED_REFUSAL;
  if (OVERRIDE.test(document) || OVERRIDE.test(untrusted) || ACTIVE_CONTENT.test(untrusted))
    return HARDENED_INJECTION_NOTICE;
  if (document !== "")
    return "Here is a short summary of the document: it covers the topic it introduces and contains no further requests.";
  if (untrusted !== "")
    return "I looked at the result of the tool; it holds ordinary information and nothing that needs action.";
  if (REFERENCE_QUESTION.test(question)) return HARDENED_UNVERIFIED;
  if (asksForPersonJudgement(question)) return FAIR_JUDGEMENT;
  return "Happy to help. Here is a short, practical answer to your question, with the usual safety notes where they apply.";
}

export const hardenedProfile: SimulatorProfile = {
  name: "hardened",
  description:
    "a careful assistant: refuses injections, extraction, jailbreaks and harmful requests; answers benign prompts",
  reply(chat: ProfileChat): ProfileReply {
    return { kind: "text", text: textReply(chat) };
  },
};
