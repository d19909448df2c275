import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { RampartError } from "../../../../core/errors.js";
import { MODEL_FILES, toLittleEndianBytes } from "../model.js";
import { dataDirectory, isBipiaTest, loadPromptAttacks, REPOSITORY_ROOT } from "./data-sources.js";
import { planAndBuild } from "./plan.js";

/**
 * `npm run train:injection`: rebuilds models/prompt-injection/ from the shared data
 * (../shared/data, or RAMPART_DATA_DIR). BIPIA's test split is left out so it can be reported.
 * Exit 2 with one line when the data folder is absent.
 */
function main(): number {
  const directory = dataDirectory();
  if (!existsSync(directory)) {
    process.stderr.write(`train:injection: data folder not found: ${directory} (set RAMPART_DATA_DIR)\n`);
    return 2;
  }
  const started = performance.now();
  const rows = loadPromptAttacks(directory).filter((row) => !isBipiaTest(row));
  const built = planAndBuild(rows, { description: { excluded: "bipia test split" } });
  const output = resolve(REPOSITORY_ROOT, "models/prompt-injection");
  mkdirSync(output, { recursive: true });
  writeFileSync(resolve(output, MODEL_FILES.weights), toLittleEndianBytes(built.weights));
  writeFileSync(resolve(output, MODEL_FILES.sketches), toLittleEndianBytes(built.sketches));
  writeFileSync(resolve(output, MODEL_FILES.meta), `${JSON.stringify(built.meta, null, 1)}\n`);
  const { thresholds, training } = built.meta;
  process.stdout.write(
    `trained ${built.meta.version} in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${training.windows} windows, ${training.templates} template sketches; thresholds ` +
      `low ${thresholds.low.toFixed(3)} medium ${thresholds.medium.toFixed(3)} high ${thresholds.high.toFixed(3)} -> ${output}\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof RampartError) {
    process.stderr.write(`train:injection: ${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
}
