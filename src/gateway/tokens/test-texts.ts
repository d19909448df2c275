/** Small fixed texts for the token tests and the benchmark (written for Rampart, no data set). */
export const proseText =
  "Rampart sits in front of the models that an organisation runs itself. Every request is checked " +
  "against the acceptable-use policy before it reaches the model, and every answer is scanned before " +
  "the caller sees it. When a team asks for more capacity, the platform engineers raise its limits " +
  "in the policy file; nobody has to redeploy the gateway.\n\nThe audit trail records who asked what, " +
  "which detectors ran, and what the gateway decided. Auditors can verify the chain offline.";

export const codeText = `import { readFile } from "node:fs/promises";

export async function loadSettings(path: string): Promise<Record<string, unknown>> {
  const text = await readFile(path, "utf8");
  const settings = JSON.parse(text) as Record<string, unknown>;
  for (const [name, value] of Object.entries(settings)) {
    if (value === null) delete settings[name];
  }
  return settings;
}
`;

export const jsonText = JSON.stringify({
  model: "llama3.1:8b",
  messages: [{ role: "user", content: "List three rivers in France, with their length in km." }],
  temperature: 0.2,
  max_tokens: 256,
});

/** German and Russian prose (non-ASCII letters) */
export const otherLanguageText =
  "Die Anfrage wurde abgelehnt, weil sie gegen die Richtlinie verstößt. Запрос отклонён: он нарушает " +
  "политику допустимого использования. Bitte wenden Sie sich an das Sicherheitsteam.";

/** Chinese prose */
export const chineseText =
  "网关会在请求到达模型之前检查每一个请求，并在调用者看到回答之前扫描每一个回答。审计记录可以离线验证。";

/** Repeats `text` (joined by a blank line) until it has at least `characters` characters. */
export function repeatToLength(text: string, characters: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let round = 0; length < characters && round < 100_000; round += 1) {
    parts.push(text);
    length += text.length + 2;
  }
  return parts.join("\n\n").slice(0, characters);
}
