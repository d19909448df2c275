import type { Picker } from "./prng.js";

const FENCE = "```";

/** Benign answers with code blocks in several languages (synthetic). */
export const CODE_ANSWERS: readonly ((picker: Picker) => string)[] = [
  (picker) => {
    const name = picker.pick(["items", "orders", "users", "rows"]);
    return `You can filter the array with \`Array.prototype.filter\`:\n\n${FENCE}ts\nconst active = ${name}.filter((entry) => entry.active);\nconsole.log(active.length);\n${FENCE}\n\nSee the [MDN page on filter](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/filter) for details.`;
  },
  (picker) =>
    `Here is a Python function that reads a CSV file:\n\n${FENCE}python\nimport csv\n\ndef read_rows(path):\n    with open(path, newline="") as handle:\n        return list(csv.DictReader(handle))\n${FENCE}\n\nCall it as \`read_rows("${picker.pick(["data.csv", "report.csv", "sales_2024.csv"])}")\`.`,
  () =>
    `To count orders per customer in SQL:\n\n${FENCE}sql\nSELECT customer_id, COUNT(*) AS orders\nFROM orders\nGROUP BY customer_id\nORDER BY orders DESC\nLIMIT 10;\n${FENCE}\n\nAn index on \`customer_id\` makes this fast.`,
  () =>
    `A minimal HTTP server in Go:\n\n${FENCE}go\npackage main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {\n\t\tfmt.Fprintln(w, "hello")\n\t})\n\thttp.ListenAndServe(":8080", nil)\n}\n${FENCE}`,
  () =>
    `To add a click handler in React, pass a function to \`onClick\`:\n\n${FENCE}tsx\nexport function SaveButton({ onSave }: { onSave: () => void }) {\n  return <button type="button" onClick={onSave}>Save</button>;\n}\n${FENCE}\n\nReact escapes text content, so user input shown inside the button is safe.`,
  () =>
    `You can load a script asynchronously in HTML like this:\n\n${FENCE}html\n<script src="/static/app.js" defer></script>\n<img src="/static/logo.png" alt="Logo" onerror="this.style.display='none'">\n${FENCE}\n\nThe \`defer\` attribute keeps parsing unblocked.`,
  () =>
    `To sanitise HTML in the browser use DOMPurify:\n\n${FENCE}js\nimport DOMPurify from "dompurify";\nconst clean = DOMPurify.sanitize(dirty);\nelement.innerHTML = clean;\n${FENCE}\n\nIt removes \`<script>\` elements and \`javascript:\` URLs from the input.`,
  (picker) =>
    `Use a regular expression to validate the order number:\n\n${FENCE}ts\nconst ORDER_NUMBER = /^${picker.pick(["NW", "KB", "OH"])}-\\d{6}$/;\nORDER_NUMBER.test(input);\n${FENCE}`,
  () =>
    `The fetch call below posts JSON to your API:\n\n${FENCE}ts\nconst response = await fetch("https://api.example.com/v1/items", {\n  method: "POST",\n  headers: { "content-type": "application/json" },\n  body: JSON.stringify({ name: "widget", quantity: 3 }),\n});\n${FENCE}`,
  () =>
    `In CSS you can import a font and set a background:\n\n${FENCE}css\n@import url("https://fonts.googleapis.com/css2?family=Inter&display=swap");\nbody { font-family: Inter, sans-serif; background: url("/img/paper.png"); }\n${FENCE}`,
  () =>
    `Here is a Dockerfile for a Node service:\n\n${FENCE}dockerfile\nFROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nRUN rm -rf /var/lib/apt/lists/*\nCMD ["node", "server.js"]\n${FENCE}`,
  () =>
    `A bash loop that renames files:\n\n${FENCE}bash\nfor file in *.jpeg; do\n  mv "$file" "\${file%.jpeg}.jpg"\ndone\n${FENCE}`,
];
