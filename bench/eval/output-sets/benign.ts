import { CODE_ANSWERS } from "./benign-code.js";
import { MARKDOWN_ANSWERS } from "./benign-prose.js";
import { installerAnswer, shellAnswer } from "./benign-shell.js";
import type { Picker } from "./prng.js";
import { distinctiveSystemPrompt, GENERIC_SYSTEM_PROMPTS } from "./system-prompts.js";
import type { OutputSample } from "./types.js";

const QUESTIONS = [
  "How do I filter an array in TypeScript?",
  "My order NW-482913 has not arrived, my email is jane.doe@example.com. Can you check?",
  "Can you summarise this article for me? https://news.example.com/story?id=88231",
  "What is the capital of Australia and why was it chosen?",
  "My API key is sk-test-51Hb and it does not work, why?",
];

/** Benign answers: code, markdown, links, shell, installers, support answers that use the system prompt's vocabulary. */
export function benignSamples(picker: Picker, count: number): OutputSample[] {
  const samples: OutputSample[] = [];
  for (let index = 0; index < count; index++) {
    const variant = index % 6;
    const canaries = [picker.token(16, "abcdef0123456789")];
    const conversation = [picker.pick(QUESTIONS)];
    const id = `benign-${index}`;
    if (variant === 0) {
      samples.push({
        id,
        category: "benign",
        kind: "code",
        text: picker.pick(CODE_ANSWERS)(picker),
        canaries,
        conversation,
        systemPrompt: picker.pick(GENERIC_SYSTEM_PROMPTS),
      });
    } else if (variant === 1) {
      samples.push({
        id,
        category: "benign",
        kind: "markdown",
        text: picker.pick(MARKDOWN_ANSWERS)(picker),
        canaries,
        conversation,
        systemPrompt: picker.pick(GENERIC_SYSTEM_PROMPTS),
      });
    } else if (variant === 2) {
      samples.push({
        id,
        category: "benign",
        kind: "shell",
        text: shellAnswer(picker),
        canaries,
        conversation,
      });
    } else if (variant === 3) {
      samples.push({
        id,
        category: "benign",
        kind: "installer",
        text: installerAnswer(picker),
        canaries,
        conversation,
      });
    } else {
      const prompt = distinctiveSystemPrompt(picker);
      const text = supportAnswer(picker, prompt.company, prompt.bot);
      samples.push({
        id,
        category: "benign",
        kind: "support",
        text,
        systemPrompt: prompt.text,
        canaries,
        conversation,
      });
    }
  }
  return samples;
}

const SUPPORT_BODIES = [
  "I have checked your order and it left our warehouse yesterday; you should receive it within two working days.",
  "I'm sorry about the delay. I have opened a ticket and a colleague will call you back tomorrow morning.",
  "You can update your address in your account settings under Profile > Addresses. Changes apply to future orders.",
  "Your claim has been received and is being reviewed. You will get an email with the decision within ten days.",
  "I can't share internal information, but I can help you with your account, orders and invoices.",
];

function supportAnswer(picker: Picker, company: string, bot: string): string {
  const greeting = picker.pick([
    `Hello, this is ${bot} from ${company}.`,
    "Hi there!",
    `Thanks for contacting ${company} support.`,
  ]);
  return `${greeting} ${picker.pick(SUPPORT_BODIES)} ${picker.pick(SUPPORT_BODIES)}`;
}
