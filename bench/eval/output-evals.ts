import { runOutputEval } from "./output-eval.js";
import { runToxicityEval } from "./toxicity-eval.js";

/** The output-safety and toxicity evaluations, as one step of `npm run eval`. */
runOutputEval();
runToxicityEval();
