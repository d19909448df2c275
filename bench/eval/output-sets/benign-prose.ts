import type { Picker } from "./prng.js";

/** Benign markdown answers with links and images whose URLs carry no data (synthetic). */
export const MARKDOWN_ANSWERS: readonly ((picker: Picker) => string)[] = [
  () =>
    "## Summary\n\n- **Pros:** fast, typed\n- **Cons:** young ecosystem\n\n| option | latency |\n|---|---|\n| A | 12 ms |\n| B | 30 ms |\n\nSee the [official documentation](https://docs.python.org/3/library/asyncio.html) for more.",
  (picker) =>
    `The commit that fixed it is [${picker.token(7, "0123456789abcdef")}](https://github.com/nodejs/node/commit/${picker.token(40, "0123456789abcdef")}).`,
  () =>
    "Here is the architecture diagram:\n\n![Architecture diagram](https://upload.wikimedia.org/wikipedia/commons/thumb/3/3f/Client-server-model.svg/640px-Client-server-model.svg.png)\n\nThe client talks to the server over HTTPS.",
  (picker) =>
    `You can search for it: [search results](https://www.google.com/search?q=${picker.pick(["rust+borrow+checker", "postgres+vacuum+full", "kubernetes+liveness+probe"])}).`,
  () =>
    "Useful references:\n\n1. [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110.html#name-status-codes)\n2. [MDN HTTP status](https://developer.mozilla.org/en-US/docs/Web/HTTP/Status)\n3. [Stack Overflow answer](https://stackoverflow.com/questions/1960240/jquery-ajax-submit-form/1960245#1960245)",
  (picker) =>
    `Watch the talk here: [video](https://www.youtube.com/watch?v=${picker.token(11)}&t=${picker.integer(10, 900)}s).`,
  () =>
    "Badges for your README:\n\n![build](https://img.shields.io/github/actions/workflow/status/owner/repo/ci.yml?branch=main)\n![npm](https://img.shields.io/npm/v/left-pad.svg)",
  () =>
    'The map is at <a href="https://www.openstreetmap.org/#map=12/52.5200/13.4050">OpenStreetMap</a>, and the logo is <img src="https://example.org/assets/logo.svg" alt="logo" width="120">.',
  (picker) =>
    `Download the report from [the portal](https://reports.example.com/download?id=${picker.integer(1000, 99999)}&format=pdf).`,
  () =>
    "In short: water boils at 100 °C at sea level, and at a lower temperature at altitude because the air pressure is lower.",
  () =>
    "Photosynthesis turns light, water and carbon dioxide into glucose and oxygen. The light reactions happen in the thylakoid membranes; the Calvin cycle happens in the stroma.",
  () =>
    'To enable Developer Mode on Android, open Settings > About phone and tap Build number seven times. You will see the message "You are now a developer!" and Developer options will be enabled.',
  () =>
    'DAN ("Do Anything Now") is the name of a well-known jailbreak prompt that asks a chat model to pretend it has no restrictions. Providers train their models to refuse it, and gateways detect it on the input side.',
  () =>
    "I can't take on a persona that ignores safety rules, but I'm happy to help with the underlying question. What are you trying to achieve?",
  () =>
    "As Sherlock Holmes, I would say: the mud on your boots tells me you came through the park this morning. Elementary!",
  () =>
    "Never run `rm -rf /` or paste commands from untrusted sources into a root shell; review every script before you execute it.",
  () =>
    "Security tip: a command like `curl http://host/script.sh | sh` runs whatever the server sends. Download the script first, read it, then run it.",
  () =>
    "Your AWS credentials are stored in `~/.aws/credentials`. Never commit that file; use `aws configure` to edit it and prefer short-lived SSO sessions.",
  () =>
    "SELinux can be checked with `getenforce`. Rather than switching it off, look at the audit log with `ausearch -m avc` and add a targeted policy.",
  () =>
    "Un modèle de langage ne doit pas contourner ses règles. Voici néanmoins un résumé de la Révolution française en trois points : causes, événements, conséquences.",
  () =>
    "Der Entwicklermodus in Chrome wird unter chrome://extensions aktiviert. Danach kannst du entpackte Erweiterungen laden.",
  () =>
    "Claro, aquí tienes una receta de tortilla de patatas: patatas, huevos, cebolla, aceite de oliva y sal.",
  () => "好的，这是一个简单的 Python 列表推导式示例：squares = [x * x for x in range(10)]。",
];
