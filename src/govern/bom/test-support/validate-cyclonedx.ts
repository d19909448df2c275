import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Spec, Validation } from "@cyclonedx/cyclonedx-library";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";

/**
 * Validates a CycloneDX 1.6 JSON text with @cyclonedx/cyclonedx-library's strict JSON validator.
 * That validator also wants `ajv-formats-draft2019` (for the one format `idn-email`); when that
 * optional package is absent, the same check is run with the library's own schema files and the
 * library's ajv options, `idn-email` and `iri-reference` accepted as the library does for the latter.
 * Returns null when valid, else the errors.
 */
export async function validateCycloneDx16(text: string): Promise<unknown> {
  try {
    return await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text);
  } catch (error) {
    if (!(error instanceof Validation.MissingOptionalDependencyError)) throw error;
  }
  const schemaRoot = join(
    dirname(createRequire(import.meta.url).resolve("@cyclonedx/cyclonedx-library/package.json")),
    "res",
    "schema",
  );
  // the library's own schema files (the ones its validator loads)
  const read = (file: string): object => JSON.parse(readFileSync(join(schemaRoot, file), "utf8")) as object;
  const ajv = new Ajv({
    useDefaults: false,
    strict: false,
    strictSchema: false,
    addUsedSchema: false,
    schemas: {
      "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json": read("spdx.SNAPSHOT.schema.json"),
      "http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json": read(
        "cryptography-defs.SNAPSHOT.schema.json",
      ),
      "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json": read("jsf-0.82.SNAPSHOT.schema.json"),
    },
  });
  addFormats.default(ajv);
  ajv.addFormat("idn-email", true);
  ajv.addFormat("iri-reference", true);
  const validate = ajv.compile(read("bom-1.6.SNAPSHOT.schema.json"));
  return validate(JSON.parse(text)) ? null : validate.errors;
}
