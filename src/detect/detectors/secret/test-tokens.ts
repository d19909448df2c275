import { seededRandom } from "../../conformance-inputs.js";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * Random-looking credential bodies for tests, built at run time from a seed so that the repository
 * holds no credential-shaped literals (and scanners of this repository stay quiet).
 */
export function randomBody(length: number, seed: number, alphabet = ALPHANUMERIC): string {
  const random = seededRandom(seed);
  let out = "";
  for (let index = 0; index < length; index++) out += alphabet.charAt(Math.floor(random() * alphabet.length));
  return out;
}

const ALPHANUMERIC_FOR_PAT = `${ALPHANUMERIC}_`;
export const HEX = "0123456789abcdef";
export const UPPER_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const BASE64 = `${ALPHANUMERIC}+/`;
export const URL_SAFE = `${ALPHANUMERIC}_-`;

function base64Url(value: string): string {
  return Buffer.from(value).toString("base64url");
}

/** One realistic sample per catalogue format id (the text around it included); `variant` changes the seeds. */
export function catalogueSamples(variant = 0): Record<string, string> {
  const r = (length: number, seed: number, alphabet?: string) =>
    randomBody(length, seed + variant * 1000, alphabet);
  const jwt = `${base64Url('{"alg":"HS256","typ":"JWT"}')}.${base64Url('{"sub":"1234","name":"Jo","iat":1516239022}')}.${r(43, 90, URL_SAFE)}`;
  const pemBody = Array.from({ length: 6 }, (_, index) => r(64, 200 + index, BASE64)).join("\n");
  return {
    "aws-access-key-id": `aws_access_key_id = AKIA${r(16, 1, UPPER_BASE32)}`,
    "aws-secret-access-key": `aws_secret_access_key = ${r(40, 2, BASE64)}`,
    "aws-bedrock-api-key": `BEDROCK_KEY=ABSK${r(120, 3, BASE64)}`,
    "clickhouse-cloud-secret": `key 4b1d${r(38, 4)}`,
    "gcp-api-key": `const key = "AIza${r(35, 5, URL_SAFE)}";`,
    "azure-storage-key": `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${r(86, 6, BASE64)}==;EndpointSuffix=core.windows.net`,
    "azure-sas-token": `https://acme.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&sig=${r(43, 7, BASE64)}%3D`,
    "azure-ad-client-secret": `client_secret=${r(3, 8)}8Q~${r(34, 9, `${URL_SAFE}.~`)}`,
    "alibaba-access-key-id": `LTAI${r(20, 10)}`,
    "digitalocean-token": `DO_TOKEN=dop_v1_${r(64, 11, HEX)}`,
    "heroku-api-key": `HEROKU_API_KEY=HRKU-${r(60, 12, URL_SAFE)}`,
    "datadog-api-key": `DD_API_KEY=${r(32, 13, HEX)}`,
    "cloudflare-api-token": `CLOUDFLARE_API_TOKEN=${r(40, 14, URL_SAFE)}`,
    "databricks-token": `token dapi${r(32, 15, HEX)}`,
    "vercel-token": `VERCEL=vcp_${r(40, 16)}`,
    "flyio-token": `FLY_API_TOKEN=fo1_${r(43, 17, URL_SAFE)}`,
    "tailscale-key": `tskey-auth-${r(12, 18)}-${r(30, 19)}`,
    "github-token": `GITHUB_TOKEN=ghp_${r(36, 20)}`,
    "github-fine-grained-pat": `github_pat_${r(82, 21, `${ALPHANUMERIC_FOR_PAT}`)}`,
    "gitlab-token": `glpat-${r(20, 22, URL_SAFE)}`,
    "npm-token": `//registry.npmjs.org/:_authToken=npm_${r(36, 23)}`,
    "pypi-token": `password = pypi-AgEIcHlwaS5vcmc${r(70, 24, URL_SAFE)}`,
    "docker-hub-token": `dckr_pat_${r(27, 25, URL_SAFE)}`,
    "hashicorp-vault-token": `VAULT_TOKEN=hvs.${r(90, 26, URL_SAFE)}`,
    "terraform-cloud-token": `${r(14, 27)}.atlasv1.${r(67, 28)}`,
    "grafana-token": `glsa_${r(32, 29)}_${r(8, 30, HEX)}`,
    "sourcegraph-token": `sgp_${r(16, 31, HEX)}_${r(40, 32, HEX)}`,
    "sonarqube-token": `SONAR_TOKEN=squ_${r(40, 33, HEX)}`,
    "onepassword-token": `OP_TOKEN=ops_eyJ${r(300, 34, URL_SAFE)}`,
    "linear-api-key": `lin_api_${r(40, 35)}`,
    "notion-token": `ntn_${r(11, 36, "0123456789")}${r(35, 37)}`,
    "figma-token": `figd_${r(40, 38, URL_SAFE)}`,
    "atlassian-api-token": `ATATT3${r(186, 39, URL_SAFE)}`,
    "artifactory-token": `AKCp${r(69, 40)}`,
    "postman-api-key": `PMAK-${r(24, 41, HEX)}-${r(34, 42, HEX)}`,
    "doppler-token": `dp.pt.${r(43, 43)}`,
    "age-secret-key": `AGE-SECRET-KEY-1${r(58, 44, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")}`,
    "new-relic-key": `NRAK-${r(27, 45, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}`,
    "sentry-token": `sntryu_${r(64, 46, HEX)}`,
    "slack-token": `SLACK_BOT_TOKEN=xoxb-${r(12, 47, "0123456789")}-${r(13, 48, "0123456789")}-${r(24, 49)}`,
    "slack-webhook-url": `https://hooks.slack.com/services/T${r(8, 50, UPPER_BASE32)}/B${r(8, 51, UPPER_BASE32)}/${r(24, 52)}`,
    "discord-webhook-url": `https://discord.com/api/webhooks/${r(18, 53, "0123456789")}/${r(68, 54, URL_SAFE)}`,
    "discord-bot-token": `DISCORD_TOKEN=M${r(25, 55, URL_SAFE)}.${r(6, 56, URL_SAFE)}.${r(38, 57, URL_SAFE)}`,
    "telegram-bot-token": `bot ${r(9, 58, "123456789")}:AA${r(33, 59, URL_SAFE)}`,
    "twilio-api-key": `TWILIO_API_KEY=SK${r(32, 60, HEX)}`,
    "sendgrid-api-key": `SG.${r(22, 61, URL_SAFE)}.${r(43, 62, URL_SAFE)}`,
    "mailgun-api-key": `MAILGUN_KEY=key-${r(32, 63, HEX)}`,
    "mailchimp-api-key": `${r(32, 64, HEX)}-us14`,
    "stripe-secret-key": `STRIPE_KEY=sk_live_${r(99, 65)}`,
    "stripe-webhook-secret": `whsec_${r(32, 66)}`,
    "square-token": `sq0csp-${r(43, 67, URL_SAFE)}`,
    "shopify-token": `shpat_${r(32, 68, HEX)}`,
    "facebook-access-token": `EAA${r(150, 69)}`,
    "facebook-app-access-token": `${r(16, 70, "123456789")}|${r(27, 71, URL_SAFE)}`,
    "maxmind-license-key": `${r(6, 72)}_${r(29, 73)}_mmk`,
    "intra42-client-secret": `s-s4t2ud-${r(64, 74, HEX)}`,
    "braintree-access-token": `access_token$production$${r(16, 75, "abcdefghijklmnopqrstuvwxyz0123456789")}$${r(32, 76, HEX)}`,
    "openai-api-key": `OPENAI_API_KEY=sk-proj-${r(74, 77, URL_SAFE)}T3BlbkFJ${r(74, 78, URL_SAFE)}`,
    "anthropic-api-key": `sk-ant-api03-${r(93, 79, URL_SAFE)}AA`,
    "huggingface-token": `HF_TOKEN=hf_${r(34, 80, LETTERS)}`,
    "groq-api-key": `gsk_${r(52, 81)}`,
    "perplexity-api-key": `pplx-${r(48, 82)}`,
    "replicate-api-token": `r8_${r(37, 83)}`,
    "xai-api-key": `xai-${r(80, 84)}`,
    "private-key": `-----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n-----END RSA PRIVATE KEY-----`,
    jwt: `Authorization token: ${jwt}`,
    "connection-string": `DATABASE_URL=postgres://app:${r(16, 85)}@db.internal:5432/app`,
    "url-credentials": `https://deploy:${r(14, 86)}@git.internal.net/repo.git`,
    "authorization-header": `Authorization: Bearer ${r(40, 87, URL_SAFE)}`,
    "curl-user-password": `curl -u admin:${r(12, 88)} https://api.internal.net/`,
    "generic-password": `db_password = "${r(18, 89, `${ALPHANUMERIC}!#%`)}"`,
  };
}
