import { chinese } from "./chinese.js";
import { french } from "./french.js";
import { german } from "./german.js";
import { italian } from "./italian.js";
import { japanese } from "./japanese.js";
import type { LanguagePack } from "./language-pack.js";
import { portuguese } from "./portuguese.js";
import { russian } from "./russian.js";
import { spanish } from "./spanish.js";

export type { LanguagePack } from "./language-pack.js";

export const languagePacks: readonly LanguagePack[] = [
  french,
  german,
  spanish,
  italian,
  portuguese,
  chinese,
  russian,
  japanese,
];
