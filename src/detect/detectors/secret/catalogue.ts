import { cloudFormats } from "./catalogue-cloud.js";
import { developerFormats } from "./catalogue-dev.js";
import { genericFormats } from "./catalogue-generic.js";
import { messagingFormats } from "./catalogue-messaging.js";
import { paymentAndAiFormats } from "./catalogue-payment-ai.js";
import type { SecretFormat } from "./secret-format.js";

/** The whole catalogue, specific formats first (they win overlaps over generic ones at equal score). */
export const secretCatalogue: readonly SecretFormat[] = [
  ...cloudFormats,
  ...developerFormats,
  ...messagingFormats,
  ...paymentAndAiFormats,
  ...genericFormats,
];
