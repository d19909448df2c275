/** Attack and benign templates for one language, written by hand (not machine-translated lists). */
export interface LanguagePack {
  readonly code: "fr" | "de" | "es" | "it" | "pt" | "zh" | "ru" | "ja";
  /** what the attacker wants; fills `$GOAL` */
  readonly goals: readonly string[];
  /** at least 15 attack phrasings; every fourth one is held out for the evaluation */
  readonly attacks: readonly string[];
  /** at least 15 benign texts, many with trigger words ("ignore", "system", "instructions") */
  readonly benign: readonly string[];
}
