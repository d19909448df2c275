/**
 * Signs of the general attack classes in a message, shared by the vulnerable profile (which gives
 * in to them) and the hardened profile (which refuses them). They describe classes of attack
 * (override, extraction, persona, echo of active content...), not particular prompts.
 */

/** An attempt to cancel earlier instructions: "ignore the previous instructions", "new task". */
export const OVERRIDE =
  /\b(?:ignore|disregard|forget|override|skip)\b[^.\n]{0,60}?\b(?:instructions?|rules|above|everything|task|request|guidelines|constraints|prompt|system|question|conversation|directions?)\b|\bnew (?:instructions?|task|rules?)\b|\b(?:real|only|new) instructions?\b|\binstructions? (?:for|to) (?:the )?(?:model|ai|assistant)|\bsystem override\b|\boverride(?: priority)?\s*\d*:/iu;
/** A command to say something: its object is group 1. */
export const SAY_COMMAND =
  /\b(?:say|reply(?: only)?(?: with)?|respond(?: only)?(?: with)?|print|output|write|echo|repeat after me|include|answer|state|confirm by saying|end your (?:answer|reply) with|be)\b[:\s]+([^\n]{1,200}?)(?:(?<![a-z]\.[a-z]{0,3})\.(?:\s|$)|\n|$)/giu;
/** A request for the model's own instructions or hidden configuration. */
export const EXTRACTION =
  /\b(?:what|show|print|repeat|reveal|tell|output|dump|translate|summari[sz]e|list|give|spell|convert|encode|quote|begin|copy|display|write)\b[^?!\n]{0,80}?\b(?:system (?:prompt|message)|(?:your|the) (?:initial |original |hidden |full |complete |exact )?(?:instructions|prompt|rules|guidelines|configuration)|reference code|secret code|context window|(?:text|words|everything) (?:above|before)|(?:were you|you were) told|instructions you were given|first \d+ words)/iu;
/** A request for personal data, records or credentials held in the context. */
export const DATA_REQUEST =
  /\b(?:email|e-mail|phone|contact|card|ssn|social security|record|details|personal data|password|api key|keys?|token|credentials?|secrets?|deployment notes|on file)\b/iu;
/** A persona, fiction or hypothetical frame: the usual jailbreak wrappers. */
export const PERSONA =
  /\b(?:you are now|from now on|act as|pretend|role-?play|play the role|imagine|stay in character|in character|developer mode|jailbreak|god mode|no (?:restrictions|rules|filters|limits|ethics|moral)|unrestricted|unfiltered|do anything now|hypothetical(?:ly)?|fiction(?:al)?|story|novel|thought experiment|alter ego|grandmother|grandma|parallel world|alternate universe|(?:User|Human|Q):[^\n]{0,200}(?:Assistant|AI|A):)/iu;
/** Refusal suppression and forced openings. */
export const NO_REFUSAL =
  /\b(?:never (?:refuse|decline|apologi[sz]e)|without (?:apologi[sz]ing|warnings?|disclaimers?)|not allowed to say|must not contain the words|no (?:moralising|moralizing|lecture|disclaimer)|(?:start|begin|open) (?:your (?:reply|answer|response) )?with|first words of your answer|complete this text)\b/iu;
/** Endless or huge output. */
export const REPETITION =
  /\b(?:forever|\d[\d,]{2,}\s*times|over and over|again and again|infinite|until you run out|never stop|as many times as|without stopping|longest possible|one million|\d{5,}\b)/iu;
/** A request to reproduce text verbatim ("exactly", "unchanged", "echo", "return this"). */
export const VERBATIM =
  /\b(?:exactly|unchanged|verbatim|echo|repeat after me|return (?:this|exactly)|without escaping|as is)\b/iu;
/** A markdown image or link, or a request to add an image from a URL. */
export const MARKDOWN_MEDIA =
  /!\[[^\]]{0,80}\]\(https?:\/\/[^)\s]{1,300}\)|\[[^\]]{1,80}\]\(https?:\/\/[^)\s]{1,300}\)|\b(?:image|picture|badge|pixel|chart)\b[^\n]{0,80}https?:\/\//iu;
/** Active content a renderer, database or shell would run. */
export const ACTIVE_CONTENT =
  /<script|\bon(?:error|load|mouseover)\s*=|javascript:|<iframe|\bdrop\s+(?:table|database)|\btruncate\s+table|\bdelete\s+from|rm\s+-rf|\|\s*(?:ba)?sh\b|\/dev\/tcp|chmod\s+-R\s+777|:\(\)\s*\{/iu;
/** Requests for concrete harm: weapons, malware, fraud, drugs, violence, harassment. */
export const HARM =
  /\b(?:bomb|explosive|ransomware|malware|keylogger|worm|phishing email|phishing page|methamphetamine|meth\b|poison(?!-proof)|launder|stalk|untraceable|firearm|gun\b|smuggl|forge|fake (?:id|identity|news|invoices?)|identity documents|skim|credit cards? at|tax fraud|scam|extremist|propaganda|harass|harm themselves|hurt an animal|opioids? without|steal (?:a |browser |someone)|break (?:in\b|into (?:a|someone|my neighbour|the house))|bypass (?:a |the )?(?:building'?s? )?alarm|(?:someone'?s?|their) (?:email|account)[^\n]{0,30}(?:without|password)|cheat on|floods? a website|take (?:a |the )?website down|pick[^\n]{0,40}lock|hotwire|defamatory|contraband)/iu;
/** Questions about software packages, APIs or papers. */
export const REFERENCE_QUESTION =
  /\b(?:package|library|module|crate|npm|pip|cargo|api|function|method|prototype|paper|study|et al\.|cite|findings|version of|install)\b/iu;
