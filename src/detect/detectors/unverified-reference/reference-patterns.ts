/**
 * Where an answer names a package, an API member or a paper. Each pattern is linear, with bounded
 * names; group 1 is the name.
 */

/** A package name: npm scopes and paths, PyPI and crate names. */
const NAME = "(@?[A-Za-z0-9][A-Za-z0-9._/@-]{0,80}[A-Za-z0-9])";

/** "the Python package X", "npm library X", "crate X". */
export const PACKAGE_AFTER_KEYWORD = new RegExp(
  `\\b(?:python|npm|node|pypi|pip|rust|cargo|ruby|go|javascript|js|typescript|php|r)?\\s?(?:package|library|module|crate|gem|plugin)\\s+[\`'"“]?${NAME}`,
  "giu",
);
/** "pip install X", "npm install --save X", "cargo add X". */
export const INSTALL_COMMAND = new RegExp(
  `\\b(?:pip3?\\s+install|python3?\\s+-m\\s+pip\\s+install|npm\\s+(?:install|i|add)|yarn\\s+add|pnpm\\s+add|cargo\\s+add|gem\\s+install|go\\s+get|composer\\s+require|conda\\s+install)\\s+(?:--?(?!r\\b|requirement\\b)[\\w-]+\\s+){0,3}${NAME}`,
  "giu",
);
/** "add X to my Cargo.toml". */
export const MANIFEST_ADD = new RegExp(
  `\\badd\\s+[\`'"“]?${NAME}[\`'"”]?\\s+to\\s+(?:my|your|the)\\s+(?:Cargo\\.toml|package\\.json|requirements\\.txt|pyproject\\.toml|Gemfile|go\\.mod)`,
  "giu",
);

/** A citation: "Kessler and Moravec 2019", "Hallström et al. (2021)", "Okafor 2018, Thermal Limits...". */
export const CITATION =
  /\b([A-Z][\p{L}'’-]{1,30})(\s+(?:and|&)\s+[A-Z][\p{L}'’-]{1,30}|\s+et al\.?)?,?\s+(\((?:19|20)\d{2}\)|(?:19|20)\d{2})(,\s+["“]?[A-Z][\p{L}-]{1,30}(?:\s+[A-Za-z][\p{L}-]{0,30}){1,10})?/gu;

/** Capitalised words before a year that are not authors: months, products, seasons, prepositions. */
export const NOT_AN_AUTHOR = new Set(
  "January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Spring Summer Autumn Fall Winter Windows Office Server Studio Python Java Ubuntu Debian Fedora Version Since In By From Until Before After The Of On At For To Q1 Q2 Q3 Q4 FY Year Copyright Edition Release Model Class Season Vol Volume Chapter Page Section Figure Table Rule Act Law World Cup Olympics Expo COVID".split(
    " ",
  ),
);

/** A word that is a common English word rather than a package name, after "package"/"library". */
export const NOT_A_PACKAGE = new Set(
  "manager managers management name names names version versions that which this the a an for is are was with and or of to in on from as by it its you your manager. list lists index registry file files system systems function functions manifest json lock level scope scopes path paths import imports code".split(
    " ",
  ),
);
