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

/**
 * "Ignore the previous instructions" in French, German, Spanish, Italian, Portuguese, Russian, Chinese
 * and Japanese: a verb of ignoring or forgetting, then an instruction noun within a short distance
 * (Japanese puts the noun first: "以前の指示を無視"). Rules and commands only count with a word that
 * points back at them (previous, above, all, your), so "ignora las reglas de ortografía" does not.
 * "Do not forget the instructions" (n'oublie pas, vergiss nicht, não esqueça, не забудь, 不要忘记) is
 * not an override. Written from the languages, not from any evaluation set.
 */
export const OVERRIDE_PREVIOUS_INSTRUCTIONS_INTL = new RegExp(
  [
    // French
    String.raw`(?<!n['’])\b(?:ignore[zs]?|oublie[zs]?|ne tiens? pas compte d|ne tenez pas compte d|fais abstraction d)[^.\n]{0,30}?\b(?:instructions|consignes|directives|(?:(?:pr[ée]c[ée]dentes?|ant[ée]rieures?|ci-dessus|initiales?|toutes? les|tes|vos)\s{1,3}(?:r[èe]gles|ordres)))\b`,
    // German
    String.raw`\b(?:ignorier(?:e|en sie|t)?|vergiss(?! nicht)|vergessen sie(?! nicht)|missachte|missachten sie)\b[^.\n]{0,30}?(?:anweisungen|instruktionen|vorgaben|(?:vorherigen|bisherigen|obigen|vorigen|alle|deine|ihre)\s{1,3}(?:regeln|befehle))`,
    // Spanish
    String.raw`\b(?:ignora|ignore|ignorad|olvida|olvide|olvidad|haz caso omiso d|no hagas caso a)\b[^.\n]{0,30}?\b(?:instrucciones|indicaciones|directrices|(?:anteriores|previas|de arriba|tus|todas las|sus)\s{1,3}(?:reglas|[óo]rdenes))\b`,
    // Italian
    String.raw`\b(?:ignora|ignori|ignorate|dimentica|dimentichi|dimenticate)\b[^.\n]{0,30}?\b(?:istruzioni|indicazioni|direttive|(?:precedenti|sopra|tutte le|le tue|tue)\s{1,3}(?:regole|ordini))\b`,
    // Portuguese
    String.raw`(?<!n[ãa]o )\b(?:ignore|ignora|ignorem|esque[çc]a|esque[çc]am|desconsidere|desconsidera)\b[^.\n]{0,30}?(?:instru[çc][õo]es|orienta[çc][õo]es|diretrizes|(?:anteriores|acima|todas as|suas)\s{1,3}(?:regras|ordens))`,
    // Russian
    String.raw`(?<!не )(?:игнорируй|игнорируйте|проигнорируй|проигнорируйте|забудь|забудьте|не обращай внимания на)[^.\n]{0,30}?(?:инструкци|указани|(?:предыдущ|прежн|все|свои|твои|ваши)[а-я]{0,3}\s{1,3}(?:правил|команд))`,
    // Chinese
    String.raw`(?<!不要|别|別)(?:忽略|无视|無視|忽视|忽視|忘记|忘記|忘掉|不要理会|不要理會|不要遵守|不再遵守)[^。！\n]{0,12}?(?:指令|指示|提示词|提示詞|(?:之前|以上|上面|先前|前面|所有|全部|原来|原來|原有|系统|系統)[^。！\n]{0,6}?(?:规则|規則|设定|設定|命令|要求|提示))`,
    // Japanese
    String.raw`(?:以前|前|これまで|上記|先ほど|最初|全て|すべて|システム)の?(?:指示|命令|ルール|指令|設定|プロンプト)[^。\n]{0,8}?(?:無視|忘れ)`,
  ].join("|"),
  "i",
);

/** Requests for the hidden instructions in the same eight languages ("zeige deinen Systemprompt"). */
export const PROMPT_LEAK_REQUEST_INTL = new RegExp(
  [
    // French
    String.raw`\b(?:r[ée]v[èe]le|montre|affiche|r[ée]p[èe]te|donne-moi|dis-moi|imprime)[^.\n?]{0,24}?(?:prompt syst[èe]me|invite syst[èe]me|message syst[èe]me|instructions (?:initiales|syst[èe]me|cach[ée]es))`,
    // German
    String.raw`\b(?:zeig(?:e|en sie)?|verrate|nenne|gib|wiederhole|druck(?:e)?)\b[^.\n?]{0,24}?(?:system-?prompt|systemnachricht|ursprünglichen anweisungen|versteckten anweisungen|anfangsanweisungen)`,
    // Spanish
    String.raw`\b(?:muestra|revela|repite|dime|imprime|ense[ñn]a)\b[^.\n?]{0,24}?(?:prompt del sistema|mensaje del sistema|instrucciones (?:iniciales|del sistema|ocultas|originales))`,
    // Italian
    String.raw`\b(?:mostra|rivela|ripeti|dimmi|stampa)\b[^.\n?]{0,24}?(?:prompt di sistema|messaggio di sistema|istruzioni (?:iniziali|di sistema|nascoste|originali))`,
    // Portuguese
    String.raw`\b(?:mostre|mostra|revele|revela|repita|diga|imprima)\b[^.\n?]{0,24}?(?:prompt do sistema|mensagem do sistema|instru[çc][õo]es (?:iniciais|do sistema|ocultas|originais))`,
    // Russian
    String.raw`(?:покажи|покажите|раскрой|раскройте|выведи|выведите|повтори|повторите|напиши|скажи)[^.\n?]{0,24}?(?:системн[а-я]{0,3}\s{1,3}(?:промпт|подсказк|сообщени|инструкци)|исходн[а-я]{0,3}\s{1,3}инструкци|скрыт[а-я]{0,3}\s{1,3}инструкци)`,
    // Chinese
    String.raw`(?:显示|顯示|输出|輸出|告诉我|告訴我|透露|泄露|洩露|打印|重复|重複|给我看|給我看)[^。？?\n]{0,10}?(?:系统提示|系統提示|系统指令|系統指令|初始指令|隐藏指令|隱藏指令|你的指令|你的提示词|你的提示詞|原始指令)`,
    // Japanese
    String.raw`(?:システムプロンプト|システムメッセージ|初期指示|隠された指示|元の指示|あなたの指示)[^。\n]{0,8}?(?:表示|教え|出力|見せ|繰り返|書き出)`,
  ].join("|"),
  "i",
);

/** The English catalogue's "new instructions:" header and persona switches, in the same eight languages. */
export const NEW_INSTRUCTIONS_OR_PERSONA_INTL = new RegExp(
  [
    // "new instructions:" headers
    String.raw`\b(?:nouvelles? (?:instructions|consignes)|neue (?:anweisungen|anweisung|regeln)|nuevas? (?:instrucciones|instrucción|reglas)|nuove (?:istruzioni|regole)|novas? (?:instru[çc][õo]es|instru[çc][ãa]o|regras))\s{0,2}:`,
    String.raw`(?:новые|новая)\s{1,3}(?:инструкции|инструкция|правила)\s{0,2}:`,
    String.raw`(?:新的指令|新指令|新的规则|新规则|新的指示|新しい指示|新しい命令|新しいルール)\s{0,2}[:：]`,
    // developer mode / DAN mode switched on
    String.raw`\b(?:mode d[ée]veloppeur|entwicklermodus|modo (?:de )?desarrollador|modalit[àa] sviluppatore|modo (?:de )?desenvolvedor)\b`,
    String.raw`режим\s{1,3}разработчика`,
    `(?:开发者模式|開發者模式|DAN模式|DAN 模式|開発者モード|DANモード)`,
    // "what are your hidden / system instructions?"
    String.raw`\b(?:quelles sont tes instructions|quelles sont vos instructions|was sind deine (?:anweisungen|versteckten anweisungen)|cu[áa]les son tus instrucciones|quali sono le tue istruzioni|quais s[ãa]o (?:as )?suas instru[çc][õo]es)\b`,
    `какие у (?:тебя|вас) (?:скрытые |системные )?инструкции`,
    `(?:你的|您的)(?:隐藏|隱藏|系统|系統|原始|初始)?(?:指令|提示词|提示詞|设定|設定)是什么`,
    `あなたの(?:隠された|秘密の|システム)?(?:指示|命令|設定)は何`,
  ].join("|"),
  "i",
);

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
  { name: "prompt-leak-request-intl", rule: "prompt-leak-request", pattern: PROMPT_LEAK_REQUEST_INTL },
  { name: "persona-jailbreak", rule: "role-play-jailbreak", pattern: PERSONA_JAILBREAK },
  {
    name: "override-previous-instructions",
    rule: "instruction-override",
    pattern: OVERRIDE_PREVIOUS_INSTRUCTIONS,
  },
  {
    name: "override-previous-instructions-intl",
    rule: "instruction-override",
    pattern: OVERRIDE_PREVIOUS_INSTRUCTIONS_INTL,
  },
  { name: "new-instructions-header", rule: "instruction-override", pattern: NEW_INSTRUCTIONS_HEADER },
  {
    name: "new-instructions-or-persona-intl",
    rule: "instruction-override",
    pattern: NEW_INSTRUCTIONS_OR_PERSONA_INTL,
  },
  { name: "identity-reassignment", rule: "instruction-override", pattern: IDENTITY_REASSIGNMENT },
];

/** A line that opens a conversation turn ("User:", "Assistant:", "Q:", "A:"); counted for many-shot. */
export const TURN_MARKER = /(?:^|\n)[ \t]{0,4}(?:q|a|user|assistant|human|ai|question|answer)[ \t]{0,2}:/gi;

/** How many turn markers make a many-shot conversation inside one message. */
export const MANY_SHOT_MIN_TURNS = 16;
