export { secretCatalogue } from "./catalogue.js";
export { secretDetector } from "./secret-detector.js";
export { type SecretOptions, secretOptionsSchema } from "./secret-options.js";
