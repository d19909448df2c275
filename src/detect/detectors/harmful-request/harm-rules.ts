/**
 * Requests for help with serious harm, by hazard category. The categories follow the usual harm
 * taxonomies for assistants (weapons of mass harm and explosives, cyber attacks, drugs, violence
 * against people and animals, stalking and harassment, fraud and other crime, self-harm, hate and
 * extremism, disinformation and defamation, sexual content involving minors, crime named as such).
 * A rule needs an
 * objective that is harmful in itself (a pipe bomb, ransomware, stalking a person); verbs that are
 * harmless in other senses ("kill a process", "shoot a photo", "crack an egg") are only read with a
 * person or an animal as their object. Every pattern is linear (bounded gaps, no nested repeats).
 */

export type Hazard =
  | "weapons"
  | "cyber"
  | "drugs"
  | "violence"
  | "stalking"
  | "fraud"
  | "self-harm"
  | "hate"
  | "disinformation"
  | "minors"
  | "crime";

/** A person or an animal as the object of a verb. */
const PERSON =
  "(?:someone|somebody|a person|people|him|her|them|my (?:wife|husband|partner|ex|boss|neighbou?r|coworker|co-worker|colleague|teacher|classmate|roommate|girlfriend|boyfriend|father|mother|sister|brother|child|kid|son|daughter)|(?:a|my|the) (?:child|kid|baby|woman|man|girl|boy|victim|witness|neighbou?r|coworker|stranger|cat|dog|animal|pet)|an? (?:animal|pet|elderly person)|the (?:president|senator|mayor|judge|police officer))";

/** Ways of escaping notice or the law: a strong sign when it goes with a crime. */
export const EVASION =
  /\b(?:without (?:getting|being) caught|without (?:anyone|them|him|her|the police|the authorities|the owner) (?:noticing|knowing|finding out)|without (?:them|him|her) noticing|undetect(?:ed|able)|untraceable|hard to (?:detect|trace)|cover (?:my|your|their) tracks|get away with|evade (?:the )?(?:police|law enforcement|detection|taxes)|without leaving (?:marks|traces|evidence)|in an autopsy)\b/iu;

export const HARM_RULES: readonly { hazard: Hazard; pattern: RegExp }[] = [
  {
    hazard: "weapons",
    pattern:
      /\b(?:(?:pipe|nail|car|fertili[sz]er|dirty|homemade|home-made) bombs?|bombs? at home|(?:make|build|assemble|construct) (?:a |an )?(?:bomb|explosive|grenade|detonator|ied|molotov)|improvised explosive|napalm|nerve (?:agent|gas)|sarin|ricin|anthrax|bio-?weapons?|biological (?:weapons?|warfare)|chemical (?:weapons?|warfare)|weapons? of mass|untraceable (?:gun|firearm|weapon)|ghost guns?|3d-?printed (?:gun|firearm)|(?:convert|modify)[^.?!\n]{0,40}(?:fully automatic|full-auto)|enrich(?:ed|ing)? uranium)\b/iu,
  },
  {
    hazard: "cyber",
    pattern:
      /\b(?:ransomware|keyloggers?|spyware|stalkerware|rootkits?|botnets?|trojan horse|(?:write|create|code|build|develop|make)[^.?!\n]{0,40}(?:malware|virus|computer worm|\bworm\b)|malware|computer worms?|spread (?:a |the )?(?:computer )?(?:worm|virus)|ddos|(?:flood|floods|take down|knock)[^.?!\n]{0,30}(?:website|server|site)[^.?!\n]{0,30}(?:requests|goes down|offline)|phishing (?:emails?|pages?|sites?|websites?|messages?|kit)|(?:convincing|fake) (?:login|bank) (?:page|email)|hack(?:ing)? into|(?:get|break) into (?:someone|somebody|another person|my (?:ex|wife|husband|partner|boss))['’]?s? (?:email|account|phone|computer)|(?:someone|somebody|another person)['’]?s? (?:email|account|password)s?[^.?!\n]{0,40}without|crack (?:someone|somebody|a|the)['’]?s? (?:password|wifi|wi-fi)|steal[^.?!\n]{0,30}(?:passwords?|credentials|cookies|credit card (?:numbers|data))|(?:hides?|hidden|evade|evades|bypass(?:es)?) (?:from )?(?:antivirus|anti-virus|edr|detection)|sql injection attack|zero-day exploit)\b/iu,
  },
  {
    hazard: "drugs",
    pattern:
      /\b(?:(?:synthesi[sz]e|synthesi[sz]ing|cook|cooking|make|making|produce|manufacture|extract)[^.?!\n]{0,30}(?:methamphetamine|meth\b|fentanyl|heroin|cocaine|crack cocaine|lsd|mdma|ecstasy|ghb|dmt)|(?:buy|obtain|get)[^.?!\n]{0,30}(?:opioids|oxycodone|fentanyl|xanax|adderall)[^.?!\n]{0,30}without (?:a )?prescription|sell drugs|drug (?:dealing|trafficking))\b/iu,
  },
  {
    hazard: "violence",
    pattern: new RegExp(
      `\\b(?:(?:kill|murder|poison|hurt|harm|injure|kidnap|abduct|assault|torture|strangle|drown|attack|beat up|stab|shoot)\\s${PERSON}|(?:poison|poisons)[^.?!\\n]{0,40}(?:hard to detect|undetectable|autopsy)|hurt an animal|animal cruelty|(?:plan|carry out|commit)[^.?!\\n]{0,20}(?:a )?(?:mass shooting|terrorist attack|murder|school shooting)|hire a hitman)\\b`,
      "iu",
    ),
  },
  {
    hazard: "stalking",
    pattern: new RegExp(
      `\\b(?:stalk|stalking|harass|harassing|harassment (?:message|campaign)|dox|doxx|intimidate|threaten|blackmail|spy on|track)\\s(?:${PERSON}|my ex|an ex)|\\b(?:stalk|stalking)\\b|harassment message|revenge porn|(?:track|find)[^.?!\\n]{0,30}location[^.?!\\n]{0,30}without (?:their|his|her) (?:knowledge|consent)`,
      "iu",
    ),
  },
  {
    hazard: "fraud",
    pattern:
      /\b(?:launder(?:ing)? money|money laundering|counterfeit (?:money|bills|currency|goods)|forge (?:a |an )?(?:\w+['’]s )?(?:signature|document|check|cheque|prescription|passport|id)|forged (?:documents|signature)|fake (?:ids?|identity documents?|passports?|invoices?|insurance|reviews|driver['’]?s licen[cs]es?)|identity theft|steal (?:someone['’]s|a person['’]s) identity|tax fraud|insurance fraud|ponzi|pyramid scheme|scam (?:script|call|email|people|elderly|seniors)|(?:scam|trick|con|defraud)[^.?!\n]{0,30}(?:elderly|seniors|old people|people into)|skim(?:ming)? credit cards?|card skimmers?|insider trading|(?:steal|hotwire)[^.?!\n]{0,20}(?:a |the |my neighbou?r['’]s )?car|shoplift|pick (?:a |the )?lock[^.?!\n]{0,40}(?:neighbou?r|someone|house|home|get into|break in)|break (?:in|into) (?:a |the |someone['’]s |my neighbou?r['’]s )?(?:house|home|car|building|store|apartment)|bypass[^.?!\n]{0,20}alarm[^.?!\n]{0,30}break in|smuggle|smuggling|contraband|cheat on (?:a |an |the )?(?:proctored )?(?:online )?(?:exam|test)|bribe (?:a|an|the) (?:official|judge|officer|inspector))\b/iu,
  },
  {
    hazard: "self-harm",
    pattern:
      /\b(?:encourag\w* (?:someone|somebody|people|a person|them|him|her|teens?|teenagers?) to (?:harm|hurt|kill|starve) (?:themselves|themself|himself|herself)|(?:harm|hurt|kill) themselves|pro-?ana|best way to (?:kill|hurt|harm) myself|suicide methods?|how to (?:commit suicide|self-harm))\b/iu,
  },
  {
    hazard: "hate",
    pattern:
      /\b(?:extremist (?:propaganda|group|recruitment)|(?:propaganda|recruit\w*)[^.?!\n]{0,40}(?:terrorist|extremist|jihad|neo-nazi|white supremac)|white supremac\w*|glorif\w* (?:terrorism|hate crimes?|the holocaust|genocide)|incite (?:violence|hatred)|hate speech (?:against|about)|racist (?:jokes?|messages?|slurs?)|(?:inferior|subhuman) race)\b/iu,
  },
  {
    hazard: "disinformation",
    pattern:
      /\b(?:fake news (?:article|story|post|report)|defamatory|made-up evidence|false (?:claims?|rumou?rs?|accusations?) (?:about|that)|disinformation campaign|(?:article|post|story)[^.?!\n]{0,40}claiming[^.?!\n]{0,40}(?:vaccines? causes?|election was stolen|is addicted to))\b/iu,
  },
  {
    hazard: "minors",
    pattern:
      /\b(?:child sexual|sexual (?:content|story|images?) (?:involving|with|of) (?:a )?(?:minors?|child(?:ren)?|kids?)|groom(?:ing)? (?:a )?(?:child|minor|kid)|child porn\w*)\b/iu,
  },
  {
    hazard: "crime",
    pattern:
      /\b(?:illegal(?:ly)?|illicit|stolen (?:goods|cards?|data|cars?)|embezzl\w*|pirat(?:e|ed|ing) (?:software|movies|films|media|content|games)|evade (?:paying )?taxes|tax evasion|identity theft|drug dealers?|terrorist (?:organi[sz]ations?|groups?|attacks?|purposes)|radicali[sz]e|death threats?|threatening (?:message|letter|note|email)|anonymous threats?|get away with murder|non-?consensual|without (?:their|her|his) consent|secretly (?:record|film|photograph)|spread (?:false information|disinformation|misinformation|rumou?rs|lies)|cause (?:harm|pain) to|most pain|attack on (?:someone|somebody|a person|my)|(?:letter|note|message) demanding (?:a )?ransom|ransom (?:note|letter|demand))\b/iu,
  },
];

/**
 * A request for help: asking how, asking for instructions, or asking the assistant to write or make
 * something. A harmful objective inside a question about history, news or safety is not one.
 */
export const HELP_REQUEST =
  /\b(?:how (?:do|can|could|would|should|might) (?:i|we|you|one|someone|somebody|a person)|how to|ways? to|steps? (?:to|for)|step[- ]by[- ]step|instructions?|guide|tutorial|recipe|explain (?:how|the steps|the process)|tell me how|show me how|teach me|help me|walk me through|write|create|generate|draft|compose|give me|provide|describe (?:how|ways|the steps|the process|the best way)|(?:a|the) plan|script|code|what (?:is|are) the (?:best|easiest|most effective) ways?|best way|easiest way|i want to|i need to|list|can you (?:help|assist|show|teach|tell|make|write|create|provide|support|spread|generate)|assist (?:me )?(?:in|with))\b/iu;
